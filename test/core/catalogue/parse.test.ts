/**
 * parseCatalogue(text, meta?) for `cchc-catalogue/1` JSON (schema + docs/catalogue-format.md)
 * and for agency CSV tables; serializeCatalogue round trips; CatalogueError reporting.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import Papa from "papaparse";
import {
  AREA_CODES,
  CatalogueError,
  parseCatalogue,
  serializeCatalogue,
  type Catalogue,
  type CatalogueMeta,
  type CatalogueTask,
} from "../../../src/core";
import { VIETNAMESE_WORDS } from "../helpers/data";

/** The problems of the CatalogueError thrown by `f`; fails the test if `f` returns or throws anything else. */
function problemsOf(f: () => unknown): string[] {
  let thrown: unknown;
  try {
    f();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(CatalogueError);
  const err = thrown as CatalogueError;
  expect(Array.isArray(err.problems)).toBe(true);
  expect(err.problems.length).toBeGreaterThan(0);
  for (const p of err.problems) expect(typeof p).toBe("string");
  expect(err.message.length).toBeGreaterThan(0);
  return err.problems;
}

const VIETNAMESE_LETTER = /[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i;

interface RawTask {
  [key: string]: unknown;
}
function validJson(): { [key: string]: unknown; source: Record<string, unknown>; tasks: RawTask[] } {
  return {
    schema: "cchc-catalogue/1",
    id: "snv-ke-hoach-cchc-2024",
    title: "Kế hoạch cải cách hành chính năm 2024 của Sở Nội vụ",
    planYear: 2024,
    version: "2024-03-15",
    source: {
      document: "Quyết định số 123/QĐ-SNV ngày 15/01/2024 của Sở Nội vụ",
      official: true,
      note: "Chép nguyên văn Phụ lục.",
      url: "https://example.gov.vn/van-ban/123-qd-snv.pdf",
    },
    tasks: [
      {
        id: "I.1",
        area: "I",
        title: "Xây dựng, ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2024",
        lead: "Sở Nội vụ",
        coordinating: "Sở Thông tin và Truyền thông; Văn phòng UBND tỉnh",
        output: "Kế hoạch",
        deadline: "Quý I/2024",
      },
      {
        id: "III.4",
        area: "III",
        title: "Niêm yết, công khai thủ tục hành chính tại Bộ phận Một cửa",
        lead: "UBND các huyện, thị xã, thành phố; UBND các xã, phường, thị trấn",
        deadline: "Thường xuyên",
      },
      {
        id: "VII.1",
        area: "VII",
        title: "Số hóa hồ sơ, kết quả giải quyết TTHC",
        lead: "Sở TT&TT",
        deadline: "Trước ngày 31/12/2024",
      },
    ],
  };
}
const json = (v: unknown) => JSON.stringify(v);

// ─────────────────────────────────── JSON ───────────────────────────────────

describe("parseCatalogue (JSON): valid files", () => {
  test("the documented example parses to the same data", () => {
    const raw = validJson();
    const c = parseCatalogue(json(raw));
    expect(c).toEqual({
      schema: "cchc-catalogue/1",
      id: raw.id,
      title: raw.title,
      planYear: 2024,
      version: "2024-03-15",
      source: raw.source,
      tasks: raw.tasks,
    });
  });

  test("a UTF-8 BOM and surrounding whitespace are accepted", () => {
    expect(parseCatalogue("\uFEFF" + json(validJson())).id).toBe("snv-ke-hoach-cchc-2024");
    expect(parseCatalogue("\n  " + JSON.stringify(validJson(), null, 2) + "\n").tasks).toHaveLength(3);
  });

  test("NFD text is normalised to NFC", () => {
    const raw = validJson();
    raw.title = (raw.title as string).normalize("NFD");
    raw.tasks[0].title = (raw.tasks[0].title as string).normalize("NFD");
    raw.tasks[0].lead = "Sở Nội vụ".normalize("NFD");
    const c = parseCatalogue(json(raw));
    expect(c.title).toBe(validJson().title);
    expect(c.tasks[0].title).toBe(validJson().tasks[0].title);
    expect(c.tasks[0].lead).toBe("Sở Nội vụ");
  });

  test("x- extension fields are accepted (root, source, task) and not kept", () => {
    const raw = validJson();
    raw["x-don-vi"] = "SNV";
    raw.source["x-ghi-chu"] = 1;
    raw.tasks[0]["x-ma-noi-bo"] = "NV-07";
    const c = parseCatalogue(json(raw));
    expect(c).toEqual(parseCatalogue(json(validJson())));
  });

  test("$schema is accepted and ignored", () => {
    const raw = validJson();
    raw.$schema = "https://example.gov.vn/cchc-catalogue-1.schema.json";
    expect(parseCatalogue(json(raw))).toEqual(parseCatalogue(json(validJson())));
  });

  test("the meta argument does not override a JSON catalogue's own metadata", () => {
    const c = parseCatalogue(json(validJson()), { id: "other", planYear: 2030 });
    expect(c.id).toBe("snv-ke-hoach-cchc-2024");
    expect(c.planYear).toBe(2024);
  });

  test("the bundled catalogues parse", () => {
    const dir = join(__dirname, "..", "..", "..", "src", "core", "catalogue", "bundled");
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".json"))) {
      const c = parseCatalogue(readFileSync(join(dir, f), "utf8"));
      expect(c.tasks.length).toBeGreaterThan(0);
    }
  });
});

describe("parseCatalogue (JSON): malformed files → CatalogueError with Vietnamese problems", () => {
  test("invalid JSON", () => {
    const ps = problemsOf(() => parseCatalogue('{ "schema": "cchc-catalogue/1", "id": '));
    expect(ps.join(" ")).toMatch(/JSON/);
    expect(ps.join(" ")).toMatch(VIETNAMESE_LETTER);
  });

  test("trailing comma (a common hand-editing mistake)", () => {
    const text = JSON.stringify(validJson(), null, 2).replace(/"Quý I\/2024"/, '"Quý I/2024",');
    expect(problemsOf(() => parseCatalogue(text)).join(" ")).toMatch(/JSON/);
  });

  test("wrong schema id", () => {
    const ps = problemsOf(() => parseCatalogue(json({ ...validJson(), schema: "cchc-catalogue/2" })));
    expect(ps.join(" ")).toContain("cchc-catalogue/1");
    expect(ps.join(" ")).toContain("schema");
  });

  test("missing schema id", () => {
    const raw = validJson();
    delete raw.schema;
    expect(problemsOf(() => parseCatalogue(json(raw))).join(" ")).toContain("schema");
  });

  test("duplicate task ids: the message names the id and both positions", () => {
    const raw = validJson();
    raw.tasks[2].id = "I.1";
    const ps = problemsOf(() => parseCatalogue(json(raw)));
    const dup = ps.find((p) => p.includes("I.1") && /trùng/.test(p));
    expect(dup).toBeDefined();
    expect(dup).toMatch(/\b3\b/);
    expect(dup).toMatch(/\b1\b/);
  });

  test("area VIII", () => {
    const raw = validJson();
    raw.tasks[1].area = "VIII";
    const ps = problemsOf(() => parseCatalogue(json(raw)));
    expect(ps.join(" ")).toContain("VIII");
    expect(ps.join(" ")).toMatch(/III\.4|thứ 2/);
  });

  test.each([["VIII"], ["8"], [""], ["I.1"], ["X"]])("area %j is refused", (area) => {
    const raw = validJson();
    raw.tasks[0].area = area;
    problemsOf(() => parseCatalogue(json(raw)));
  });

  test('planYear "2024" (a string)', () => {
    const ps = problemsOf(() => parseCatalogue(json({ ...validJson(), planYear: "2024" })));
    expect(ps.join(" ")).toContain("planYear");
  });

  test.each([[1999], [2101], [2024.5], [null]])("planYear %j is refused", (planYear) => {
    expect(problemsOf(() => parseCatalogue(json({ ...validJson(), planYear }))).join(" ")).toContain(
      "planYear",
    );
  });

  test("missing lead", () => {
    const raw = validJson();
    delete raw.tasks[1].lead;
    const ps = problemsOf(() => parseCatalogue(json(raw)));
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatch(/chủ trì|lead/);
    expect(ps[0]).toMatch(/III\.4|thứ 2/);
  });

  test.each([["   "], [""]])("blank lead %j", (lead) => {
    const raw = validJson();
    raw.tasks[0].lead = lead;
    expect(problemsOf(() => parseCatalogue(json(raw))).join(" ")).toMatch(/chủ trì|lead/);
  });

  test('deadline "31/02/2024"', () => {
    const raw = validJson();
    raw.tasks[0].deadline = "31/02/2024";
    const ps = problemsOf(() => parseCatalogue(json(raw)));
    expect(ps).toHaveLength(1);
    expect(ps[0]).toContain("31/02/2024");
    expect(ps[0]).toMatch(/I\.1|thứ 1/);
  });

  test("a deadline written as an Excel serial number is refused (the format wants text)", () => {
    const raw = validJson();
    raw.tasks[0].deadline = 45657;
    expect(problemsOf(() => parseCatalogue(json(raw))).join(" ")).toContain("deadline");
  });

  test("missing deadline", () => {
    const raw = validJson();
    delete raw.tasks[0].deadline;
    expect(problemsOf(() => parseCatalogue(json(raw))).join(" ")).toContain("deadline");
  });

  test("HTML error page", () => {
    const html =
      "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>";
    const ps = problemsOf(() => parseCatalogue(html));
    expect(ps.join(" ")).toMatch(/HTML/);
  });

  test.each([["<html><body>Đăng nhập</body></html>"], ["  \n<HTML>"], ['<?xml version="1.0"?><error/>']])(
    "HTML/XML page %j",
    (text) => {
      problemsOf(() => parseCatalogue(text));
    },
  );

  test.each([[""], ["   "], ["\uFEFF"], ["\n\n"]])("empty text %j", (text) => {
    expect(problemsOf(() => parseCatalogue(text)).join(" ")).toMatch(/rỗng/);
  });

  test("6 MB string is refused by its size alone, before any parsing", () => {
    for (const text of ["x".repeat(6 * 1024 * 1024), '{"a":"' + "x".repeat(6 * 1024 * 1024) + '"}']) {
      expect(problemsOf(() => parseCatalogue(text))).toEqual([
        expect.stringMatching(/^Tệp quá lớn \(6 triệu/),
      ]);
    }
  });

  test("nested arrays 100000 deep → CatalogueError, not a RangeError crash", () => {
    problemsOf(() => parseCatalogue("[".repeat(100_000) + "]".repeat(100_000)));
    problemsOf(() => parseCatalogue("[".repeat(100_000)));
    problemsOf(() => parseCatalogue('{"a":'.repeat(100_000) + "1" + "}".repeat(100_000)));
    const raw = json(validJson()).replace(
      '"tasks":[',
      '"tasks":[' + "[".repeat(100_000) + "]".repeat(100_000) + ",",
    );
    problemsOf(() => parseCatalogue(raw));
  });

  test("JSON that is not an object", () => {
    for (const t of ["[]", "[1,2]", '[{"id":"I.1"}]']) problemsOf(() => parseCatalogue(t));
  });

  test.each([
    ["tasks missing", (r: ReturnType<typeof validJson>) => delete (r as Record<string, unknown>).tasks],
    ["tasks empty", (r: ReturnType<typeof validJson>) => (r.tasks = [])],
    ["tasks not an array", (r: ReturnType<typeof validJson>) => ((r as Record<string, unknown>).tasks = {})],
    [
      "a task that is not an object",
      (r: ReturnType<typeof validJson>) => (r.tasks[1] = "I.2" as unknown as RawTask),
    ],
    ["source missing", (r: ReturnType<typeof validJson>) => delete (r as Record<string, unknown>).source],
    ["source.document missing", (r: ReturnType<typeof validJson>) => delete r.source.document],
    ["source.official as text", (r: ReturnType<typeof validJson>) => (r.source.official = "true")],
    ["title missing", (r: ReturnType<typeof validJson>) => delete r.title],
    ["id missing", (r: ReturnType<typeof validJson>) => delete r.id],
    ["task id missing", (r: ReturnType<typeof validJson>) => delete r.tasks[0].id],
    ["task title missing", (r: ReturnType<typeof validJson>) => delete r.tasks[0].title],
    ["task title a number", (r: ReturnType<typeof validJson>) => (r.tasks[0].title = 5)],
    [
      "more than 5000 tasks",
      (r: ReturnType<typeof validJson>) =>
        (r.tasks = Array.from({ length: 5001 }, (_, i) => ({ ...r.tasks[0], id: `I.${i}` }))),
    ],
  ])("%s", (_label, mutate) => {
    const raw = validJson();
    mutate(raw);
    problemsOf(() => parseCatalogue(json(raw)));
  });

  test("non-string input", () => {
    for (const v of [null, undefined, 42, {}, ["a"], Buffer.from("{}")])
      problemsOf(() => parseCatalogue(v as unknown as string));
  });
});

describe("parseCatalogue (JSON): every problem is reported, not only the first", () => {
  test("problems in several tasks", () => {
    const raw = validJson();
    raw.tasks[0].deadline = "31/02/2024";
    raw.tasks[1].area = "VIII";
    delete raw.tasks[2].lead;
    raw.tasks.push({ id: "I.1", area: "I", title: "Trùng mã", lead: "SNV", deadline: "Quý 5/2024" });
    const ps = problemsOf(() => parseCatalogue(json(raw)));
    const all = ps.join("\n");
    expect(all).toContain("31/02/2024");
    expect(all).toContain("VIII");
    expect(all).toMatch(/chủ trì|lead/);
    expect(all).toMatch(/trùng/);
    expect(all).toContain("Quý 5/2024");
    expect(ps.length).toBeGreaterThanOrEqual(5);
  });

  test("several root problems at once", () => {
    const raw = validJson();
    raw.schema = "cchc/1";
    delete raw.title;
    delete (raw as Record<string, unknown>).source;
    const all = problemsOf(() => parseCatalogue(json(raw))).join("\n");
    expect(all).toContain("schema");
    expect(all).toContain("title");
    expect(all).toContain("source");
  });

  // Bug: structural problems (planYear, wrong field types) stop the parse before the tasks are
  // checked, so a file with a string planYear AND bad tasks reports only the planYear.
  test('planYear "2024" together with task problems: all of them', () => {
    const raw = validJson();
    raw.planYear = "2024";
    raw.tasks[1].area = "VIII";
    delete raw.tasks[2].lead;
    const all = problemsOf(() => parseCatalogue(json(raw))).join("\n");
    expect(all).toContain("planYear");
    expect(all).toContain("VIII");
    expect(all).toMatch(/chủ trì|lead/);
  });

  test("a wrongly typed field in one task does not hide problems of the others", () => {
    const raw = validJson();
    raw.tasks[0].deadline = 45657;
    raw.tasks[1].area = "VIII";
    raw.tasks[2].deadline = "31/02/2024";
    const all = problemsOf(() => parseCatalogue(json(raw))).join("\n");
    expect(all).toContain("deadline");
    expect(all).toContain("VIII");
    expect(all).toContain("31/02/2024");
  });
});

describe("parseCatalogue (JSON): rules of the schema and docs/catalogue-format.md", () => {
  test("an unknown field (misspelt name) is refused, naming it", () => {
    const raw = validJson();
    raw.tasks[0].cordinating = "Sở Tư pháp";
    expect(problemsOf(() => parseCatalogue(json(raw))).join(" ")).toContain("cordinating");
    const raw2 = validJson();
    raw2.planyear = 2024;
    expect(problemsOf(() => parseCatalogue(json(raw2))).join(" ")).toContain("planyear");
    const raw3 = validJson();
    raw3.source.offical = true;
    expect(problemsOf(() => parseCatalogue(json(raw3))).join(" ")).toContain("offical");
  });

  test("the catalogue id must be ASCII letters, digits, '.', '_', '-', at most 64 characters", () => {
    for (const id of ["Kế hoạch 2024", "snv ke hoach", "-abc", "a".repeat(65)]) {
      problemsOf(() => parseCatalogue(json({ ...validJson(), id })));
    }
    for (const id of ["cv-5893-2024", "A", "snv_2024.v1"])
      expect(parseCatalogue(json({ ...validJson(), id })).id).toBe(id);
  });

  test("source.url must be an http(s) link (no javascript: or file: links)", () => {
    for (const url of [
      "javascript:alert(1)",
      "file:///C:/ke-hoach.pdf",
      "example.gov.vn/kh.pdf",
      "https://",
    ]) {
      const raw = validJson();
      raw.source.url = url;
      expect(problemsOf(() => parseCatalogue(json(raw))).join(" ")).toContain("url");
    }
  });
});

describe("decided leniencies (the parser accepts what the schema is strict about)", () => {
  // The published schema is strict so publishers write clean files; the add-in reads what agencies
  // actually produce. Each leniency below is deliberate and keeps the catalogue's meaning.
  test('optional fields written as "" or null are read as absent', () => {
    const raw = validJson();
    raw.tasks[0].output = "";
    expect(parseCatalogue(json(raw)).tasks[0].output).toBeUndefined();
    const raw2 = validJson();
    raw2.tasks[0].coordinating = null;
    expect(parseCatalogue(json(raw2)).tasks[0].coordinating).toBeUndefined();
  });

  test('an empty deadline "" means no fixed deadline (the schema allows it too)', () => {
    const raw = validJson();
    raw.tasks[0].deadline = "";
    expect(parseCatalogue(json(raw)).tasks[0].deadline).toBe("");
  });

  test("a task id with surrounding spaces is trimmed (and duplicates are still caught after trimming)", () => {
    const raw = validJson();
    raw.tasks[0].id = " I.1 ";
    expect(parseCatalogue(json(raw)).tasks[0].id).toBe("I.1");
    const dup = validJson();
    dup.tasks[1].id = ` ${dup.tasks[0].id} `;
    expect(problemsOf(() => parseCatalogue(json(dup))).join(" ")).toMatch(/trùng/);
  });
});

// ─────────────────────────────────── CSV ───────────────────────────────────

const META: Partial<CatalogueMeta> = {
  id: "snv-theo-doi-2024",
  title: "Theo dõi Kế hoạch CCHC năm 2024 của Sở Nội vụ",
  planYear: 2024,
  source: { document: "Bảng theo dõi của Sở Nội vụ", official: false },
};

/** A realistic agency CSV as exported from Excel (heading rows, line breaks inside cells). */
const AGENCY_CSV = [
  "UBND TỈNH QUẢNG NGÃI,,,,,,,,,",
  "SỞ NỘI VỤ,,,,,,,,,",
  ",,,,,,,,,",
  '"BẢNG THEO DÕI TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024",,,,,,,,,',
  '"(Kèm theo Báo cáo số 123/BC-SNV ngày 30/11/2024 của Sở Nội vụ)",,,,,,,,,',
  ",,,,,,,,,",
  'STT,"Nhiệm vụ,\nnội dung công việc","Cơ quan\nchủ trì","Cơ quan\nphối hợp",Sản phẩm,"Thời gian\nhoàn thành","Tiến độ\nthực hiện","Ngày\nhoàn thành",Minh chứng,Ghi chú',
  'I,"CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",,,,,,,,',
  '1,"Xây dựng, ban hành Kế hoạch CCHC năm 2024",Sở Nội vụ,"Các sở, ban, ngành",Kế hoạch,Quý I/2024,Đã hoàn thành,15/01/2024,https://example.gov.vn/kh-cchc-2024.pdf,',
  '2,"Kiểm tra công tác CCHC\ntại các cơ quan, đơn vị\n(ít nhất 30% số cơ quan)",Sở Nội vụ,"Văn phòng UBND tỉnh; Sở Tư pháp",Báo cáo,Quý III-IV/2024,Đang thực hiện,,,"Đã kiểm tra 12/20 cơ quan"',
  ',"II. CẢI CÁCH THỂ CHẾ",,,,,,,,',
  '1,"Kiểm tra, rà soát văn bản quy phạm pháp luật",Sở Tư pháp,"Các sở, ban, ngành",Báo cáo,Thường xuyên,Chưa thực hiện,,,',
  "2,Theo dõi thi hành pháp luật,Sở Tư pháp,,Báo cáo,Tháng 12/2024,,,,",
  "III,CẢI CÁCH THỦ TỤC HÀNH CHÍNH,,,,,,,,",
  "1,Công bố danh mục TTHC,Văn phòng UBND tỉnh,Các sở,Quyết định,Trước ngày 31/12/2024,x,20/12/2024,,",
  '2.,"Số hóa hồ sơ, kết quả giải quyết TTHC",UBND các huyện; UBND các xã,"Sở TT&TT",,6 tháng cuối năm,50%,,,',
].join("\n");

describe("parseCatalogue (CSV): a realistic agency table", () => {
  let c: Catalogue;
  beforeAll(() => {
    c = parseCatalogue(AGENCY_CSV, META);
  });

  test("metadata comes from meta", () => {
    expect(c.schema).toBe("cchc-catalogue/1");
    expect(c.id).toBe(META.id);
    expect(c.title).toBe(META.title);
    expect(c.planYear).toBe(2024);
    expect(c.source).toEqual(META.source);
  });

  test("title rows above the header are skipped; numbering restarts under each area", () => {
    expect(c.tasks.map((t) => [t.id, t.area])).toEqual([
      ["I.1", "I"],
      ["I.2", "I"],
      ["II.1", "II"],
      ["II.2", "II"],
      ["III.1", "III"],
      ["III.2", "III"],
    ]);
  });

  test("cells are read into the right fields; multi-line cells are kept", () => {
    expect(c.tasks[0]).toEqual({
      id: "I.1",
      area: "I",
      title: "Xây dựng, ban hành Kế hoạch CCHC năm 2024",
      lead: "Sở Nội vụ",
      coordinating: "Các sở, ban, ngành",
      output: "Kế hoạch",
      deadline: "Quý I/2024",
      progress: {
        status: "Đã hoàn thành",
        completedOn: "15/01/2024",
        evidence: "https://example.gov.vn/kh-cchc-2024.pdf",
      },
    });
    expect(c.tasks[1].title).toBe(
      "Kiểm tra công tác CCHC\ntại các cơ quan, đơn vị\n(ít nhất 30% số cơ quan)",
    );
    expect(c.tasks[1].coordinating).toBe("Văn phòng UBND tỉnh; Sở Tư pháp");
    expect(c.tasks[1].progress).toEqual({ status: "Đang thực hiện", note: "Đã kiểm tra 12/20 cơ quan" });
    expect(c.tasks[3].progress).toBeUndefined();
    expect(c.tasks[3].coordinating).toBeUndefined();
    expect(c.tasks[4].progress).toEqual({ status: "x", completedOn: "20/12/2024" });
    expect(c.tasks[5]).toMatchObject({
      id: "III.2",
      deadline: "6 tháng cuối năm",
      progress: { status: "50%" },
    });
    expect("output" in c.tasks[5]).toBe(false);
  });

  test("the same table with ';' as delimiter, CRLF line ends and a BOM", () => {
    const rows = Papa.parse<string[]>(AGENCY_CSV).data;
    const semi = Papa.unparse(rows, { delimiter: ";", newline: "\r\n" });
    expect(semi).toContain('"Nhiệm vụ,\nnội dung công việc";');
    const c2 = parseCatalogue("\uFEFF" + semi, META);
    expect(c2.tasks.map((t) => t.id)).toEqual(c.tasks.map((t) => t.id));
    expect(c2.tasks.map((t) => t.title.replace(/\r\n/g, "\n"))).toEqual(c.tasks.map((t) => t.title));
  });

  test("an NFD export reads the same (text normalised to NFC)", () => {
    const c2 = parseCatalogue(AGENCY_CSV.normalize("NFD"), META);
    expect(c2).toEqual(c);
  });
});

describe("parseCatalogue (CSV): other tables", () => {
  test("defaults when no meta is given: not official, plan year 2024", () => {
    const c = parseCatalogue("STT,Nhiệm vụ,Cơ quan chủ trì,Thời hạn\n1,Nhiệm vụ một,Sở Nội vụ,Quý IV/2024\n");
    expect(c.source.official).toBe(false);
    expect(c.planYear).toBe(2024);
    expect(c.schema).toBe("cchc-catalogue/1");
    expect(c.tasks).toEqual([
      { id: "1", area: "", title: "Nhiệm vụ một", lead: "Sở Nội vụ", deadline: "Quý IV/2024" },
    ]);
  });

  test("an explicit 'Lĩnh vực' column gives the area", () => {
    const c = parseCatalogue(
      "STT,Lĩnh vực,Nhiệm vụ,Cơ quan chủ trì,Thời hạn\n1,III,Công bố TTHC,VPUB,Quý IV\n2,VII,Số hóa,STTTT,Quý IV\n",
    );
    expect(c.tasks.map((t) => [t.id, t.area])).toEqual([
      ["III.1", "III"],
      ["VII.2", "VII"],
    ]);
  });

  test("columns in another order with other header wording", () => {
    const c = parseCatalogue(
      [
        "Thời hạn hoàn thành,Đơn vị chủ trì,TT,Nội dung công việc,Đơn vị phối hợp",
        ",,I,CÔNG TÁC CHỈ ĐẠO,",
        "Quý II/2024,Sở Nội vụ,1,Tổ chức hội nghị,Sở Tư pháp",
      ].join("\n"),
    );
    expect(c.tasks).toEqual([
      {
        id: "I.1",
        area: "I",
        title: "Tổ chức hội nghị",
        lead: "Sở Nội vụ",
        coordinating: "Sở Tư pháp",
        deadline: "Quý II/2024",
      },
    ]);
  });

  test("STT written '1.' or '1)' becomes the same id", () => {
    const c = parseCatalogue(
      "STT,Nhiệm vụ,Cơ quan chủ trì,Thời hạn\nI.,CÔNG TÁC,,\n1.,A,Sở Nội vụ,Quý IV\n2),B,Sở Nội vụ,Quý IV\n",
    );
    expect(c.tasks.map((t) => t.id)).toEqual(["I.1", "I.2"]);
  });

  test("every area heading I–VII", () => {
    const rows = ["STT,Nhiệm vụ,Cơ quan chủ trì,Thời hạn"];
    for (const a of AREA_CODES) rows.push(`${a},LĨNH VỰC ${a},,`, `1,Nhiệm vụ ${a},Sở Nội vụ,Quý IV`);
    const c = parseCatalogue(rows.join("\n"));
    expect(c.tasks.map((t) => t.id)).toEqual(AREA_CODES.map((a) => `${a}.1`));
  });

  test("planYear from meta is the year of deadlines without one", () => {
    // 31/12/2024 is fine for a 2025 plan, "Quý 5" is not.
    expect(
      parseCatalogue("STT,Nhiệm vụ,Cơ quan chủ trì,Thời hạn\n1,A,SNV,Quý IV\n2,B,SNV,31/12/2024\n", {
        planYear: 2025,
      }).planYear,
    ).toBe(2025);
  });
});

describe("parseCatalogue (CSV): malformed tables → every problem reported", () => {
  const BAD = [
    "STT,Nhiệm vụ,Cơ quan chủ trì,Thời gian hoàn thành",
    "I,CÔNG TÁC CHỈ ĐẠO,,",
    "1,Nhiệm vụ một,Sở Nội vụ,31/02/2024",
    "2,Nhiệm vụ hai,Sở Nội vụ,Quý 5/2024",
    "3,Nhiệm vụ ba,Sở Nội vụ,Tháng 13/2024",
  ].join("\n");

  test("3 bad deadlines → 3 problems, each naming its task and quoting its deadline", () => {
    const ps = problemsOf(() => parseCatalogue(BAD));
    expect(ps).toHaveLength(3);
    expect(ps[0]).toContain("I.1");
    expect(ps[0]).toContain("31/02/2024");
    expect(ps[1]).toContain("I.2");
    expect(ps[1]).toContain("Quý 5/2024");
    expect(ps[2]).toContain("I.3");
    expect(ps[2]).toContain("Tháng 13/2024");
    for (const p of ps) expect(p).toMatch(VIETNAMESE_LETTER);
  });

  test("bad deadlines, a missing lead and a duplicate number → all five", () => {
    const ps = problemsOf(() =>
      parseCatalogue(BAD + "\n4,Nhiệm vụ bốn,,Quý IV/2024\n4,Nhiệm vụ năm,Sở Tư pháp,Quý IV/2024"),
    );
    expect(ps).toHaveLength(5);
    expect(ps[3]).toMatch(/I\.4.*(chủ trì|lead)/);
    expect(ps[4]).toMatch(/I\.4.*trùng/);
  });

  test("no header row", () => {
    expect(problemsOf(() => parseCatalogue("a,b,c\n1,2,3")).join(" ")).toMatch(/tiêu đề/);
  });

  test("a header row without a lead column", () => {
    problemsOf(() => parseCatalogue("STT,Nhiệm vụ,Thời hạn\n1,A,Quý IV"));
  });

  test("a header row and no task", () => {
    problemsOf(() => parseCatalogue("STT,Nhiệm vụ,Cơ quan chủ trì,Thời hạn\nI,CÔNG TÁC,,\n,,,\n"));
  });

  test("an unterminated quoted cell", () => {
    expect(
      problemsOf(() =>
        parseCatalogue('STT,Nhiệm vụ,Cơ quan chủ trì,Thời hạn\n1,"Nhiệm vụ một,Sở Nội vụ,Quý IV/2024\n'),
      ).join(" "),
    ).toMatch(/nháy/);
  });
});

describe("parseCatalogue (CSV): forms of real exports (bugs)", () => {
  // Merged area headings come out of Excel in the first (STT) column.
  test('area heading text in the STT column: "II. CẢI CÁCH THỂ CHẾ",,,', () => {
    const c = parseCatalogue(
      [
        "STT,Nhiệm vụ,Cơ quan chủ trì,Thời hạn",
        '"I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC",,,',
        "1,A,Sở Nội vụ,Quý IV/2024",
        "II. CẢI CÁCH THỂ CHẾ,,,",
        "1,B,Sở Tư pháp,Quý IV/2024",
      ].join("\n"),
    );
    expect(c.tasks.map((t) => [t.id, t.area])).toEqual([
      ["I.1", "I"],
      ["II.1", "II"],
    ]);
  });

  // Vietnamese administrative tables number their columns under the header: (1), (2), … or 1, 2, …
  test.each([["(1),(2),(3),(4)"], ["1,2,3,4"], ["A,B,C,D"]])(
    "column-number row %j under the header is not a task",
    (numbers) => {
      const c = parseCatalogue(
        [
          "STT,Nhiệm vụ,Cơ quan chủ trì,Thời hạn",
          numbers,
          "I,CÔNG TÁC CHỈ ĐẠO,,",
          "1,A,Sở Nội vụ,Quý IV/2024",
        ].join("\n"),
      );
      expect(c.tasks.map((t) => t.id)).toEqual(["I.1"]);
    },
  );

  // docs/catalogue-format.md §4: sub-rows without their own lead and deadline are appended to the
  // task above.
  test("a continuation row without lead and deadline is appended to the task above", () => {
    const c = parseCatalogue(
      [
        "STT,Nhiệm vụ,Cơ quan chủ trì,Thời hạn",
        "I,CÔNG TÁC CHỈ ĐẠO,,",
        "1,Kiểm tra công tác CCHC:,Sở Nội vụ,Quý IV/2024",
        "-,Kiểm tra 10 sở,,",
        "-,Kiểm tra 5 huyện,,",
        "2,Khảo sát sự hài lòng,Sở Nội vụ,Quý III/2024",
      ].join("\n"),
    );
    expect(c.tasks.map((t) => t.id)).toEqual(["I.1", "I.2"]);
    expect(c.tasks[0].title).toContain("Kiểm tra 10 sở");
    expect(c.tasks[0].title).toContain("Kiểm tra 5 huyện");
  });

  test("the realistic table with the column-number row and STT-column headings", () => {
    const lines = AGENCY_CSV.split("\n");
    const header = lines.findIndex((l) => l.startsWith("STT,"));
    lines.splice(header + 1, 0, "(1),(2),(3),(4),(5),(6),(7),(8),(9),(10)");
    const text = lines
      .join("\n")
      .replace(',"II. CẢI CÁCH THỂ CHẾ",,,,,,,,', '"II. CẢI CÁCH THỂ CHẾ",,,,,,,,,');
    const c = parseCatalogue(text, META);
    expect(c.tasks.map((t) => t.id)).toEqual(["I.1", "I.2", "II.1", "II.2", "III.1", "III.2"]);
  });
});

// ─────────────────────────────────── Round trips ───────────────────────────────────

describe("round trips: parse → serializeCatalogue → parse", () => {
  test("the documented example", () => {
    const c = parseCatalogue(json(validJson()));
    expect(parseCatalogue(serializeCatalogue(c))).toEqual(c);
  });

  test("the bundled catalogues", () => {
    const dir = join(__dirname, "..", "..", "..", "src", "core", "catalogue", "bundled");
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".json"))) {
      const c = parseCatalogue(readFileSync(join(dir, f), "utf8"));
      expect(parseCatalogue(serializeCatalogue(c))).toEqual(c);
    }
  });

  test("a CSV catalogue with areas keeps everything except imported progress", () => {
    const c = parseCatalogue(AGENCY_CSV, META);
    const withoutProgress = { ...c, tasks: c.tasks.map(({ progress: _p, ...t }) => t) };
    expect(parseCatalogue(serializeCatalogue(c))).toEqual(withoutProgress);
  });

  test("serializeCatalogue writes valid JSON that follows the field order of the docs", () => {
    const text = serializeCatalogue(parseCatalogue(json(validJson())));
    const data = JSON.parse(text);
    expect(Object.keys(data)).toEqual(["schema", "id", "title", "planYear", "version", "source", "tasks"]);
    expect(Object.keys(data.tasks[0])).toEqual([
      "id",
      "area",
      "title",
      "lead",
      "coordinating",
      "output",
      "deadline",
    ]);
    expect(text.endsWith("\n")).toBe(true);
  });

  test("property: parse(serialize(c)) deep-equals c for generated valid catalogues", () => {
    const text = fc
      .array(fc.constantFrom(...VIETNAMESE_WORDS), { minLength: 1, maxLength: 10 })
      .chain((ws) => fc.constantFrom(" ", ", ", "\n").map((sep) => ws.join(sep)));
    const unit = fc.constantFrom(
      "Sở Nội vụ",
      "Sở Văn hóa, Thể thao và Du lịch",
      "UBND các huyện, thị xã, thành phố",
      "Các sở, ban, ngành",
      "SNV; STP",
      "Văn phòng Ủy ban nhân dân tỉnh",
      'Phòng Nội vụ "A"',
    );
    const catalogue = fc.integer({ min: 2000, max: 2100 }).chain((planYear) => {
      const deadline = fc.constantFrom(
        `Quý IV/${planYear}`,
        "Quý I",
        `Tháng 12/${planYear}`,
        `Trước ngày 31/12/${planYear}`,
        "trước 15/12",
        `ngày 30 tháng 11 năm ${planYear}`,
        "6 tháng đầu năm",
        "Thường xuyên",
        "Hằng quý",
        "Theo quy định",
        `Quý III-IV/${planYear}`,
        `Trong năm ${planYear}`,
      );
      const task = fc.record(
        {
          area: fc.constantFrom(...AREA_CODES),
          title: text,
          lead: unit,
          coordinating: unit,
          output: fc.constantFrom("Kế hoạch", "Báo cáo", "Quyết định", "Hệ thống <b>số</b> & dữ liệu"),
          deadline,
        },
        { requiredKeys: ["area", "title", "lead", "deadline"] },
      );
      return fc.record(
        {
          schema: fc.constant("cchc-catalogue/1" as const),
          id: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,20}$/),
          title: text,
          planYear: fc.constant(planYear),
          version: fc.constantFrom("1", "2024-10-31", "v2"),
          source: fc.record(
            {
              document: text,
              official: fc.boolean(),
              note: text,
              url: fc.constantFrom("https://example.gov.vn/a.pdf", "http://qn.gov.vn/van-ban?id=1&x=2"),
            },
            { requiredKeys: ["document", "official"] },
          ),
          tasks: fc
            .array(task, { minLength: 1, maxLength: 15 })
            .map((ts) => ts.map((t, i): CatalogueTask => ({ id: `${t.area}.${i + 1}`, ...t }))),
        },
        { requiredKeys: ["schema", "id", "title", "planYear", "source", "tasks"] },
      );
    });
    fc.assert(
      fc.property(catalogue, (c) => {
        const normalised: Catalogue = {
          ...c,
          tasks: c.tasks.map((t) => {
            const out: CatalogueTask = {
              id: t.id,
              area: t.area,
              title: t.title,
              lead: t.lead,
              deadline: t.deadline,
            };
            if (t.coordinating) out.coordinating = t.coordinating;
            if (t.output) out.output = t.output;
            return out;
          }),
        };
        expect(parseCatalogue(serializeCatalogue(normalised))).toEqual(normalised);
      }),
      { numRuns: 300 },
    );
  });
});

describe("judgement calls", () => {
  test("a CSV catalogue without area headings is refused by serializeCatalogue with a message, not written invalid", () => {
    // Tasks from a table without Roman-numeral headings have area ""; the format requires I–VII,
    // so the export says which tasks need an area instead of writing a file nobody can read.
    const c = parseCatalogue("STT,Nhiệm vụ,Cơ quan chủ trì,Thời hạn\n1,Nhiệm vụ một,Sở Nội vụ,Quý IV/2024\n");
    expect(problemsOf(() => serializeCatalogue(c)).join(" ")).toMatch(/lĩnh vực/);
    const withArea = { ...c, tasks: c.tasks.map((t) => ({ ...t, area: "II" as const })) };
    expect(parseCatalogue(serializeCatalogue(withArea)).tasks[0].area).toBe("II");
  });
});

// ─────────────────────────────────── Properties ───────────────────────────────────

describe("parseCatalogue: throws only CatalogueError", () => {
  const onlyCatalogueError = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      if (!(e instanceof CatalogueError)) throw e;
    }
  };

  test("arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (s) =>
        onlyCatalogueError(() => parseCatalogue(s)),
      ),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) =>
        onlyCatalogueError(() => parseCatalogue(s)),
      ),
      { numRuns: 500 },
    );
  });

  test("arbitrary JSON values", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => onlyCatalogueError(() => parseCatalogue(JSON.stringify(v) ?? ""))),
      { numRuns: 1000 },
    );
  });

  test("arbitrary non-string inputs", () => {
    fc.assert(
      fc.property(fc.anything(), (v) => onlyCatalogueError(() => parseCatalogue(v as string))),
      { numRuns: 300 },
    );
  });

  test("valid catalogues with one field replaced by anything", () => {
    const paths: Array<(r: ReturnType<typeof validJson>, v: unknown) => void> = [
      (r, v) => (r.schema = v),
      (r, v) => (r.id = v),
      (r, v) => (r.title = v),
      (r, v) => (r.planYear = v),
      (r, v) => (r.version = v),
      (r, v) => ((r as Record<string, unknown>).source = v),
      (r, v) => (r.source.document = v),
      (r, v) => (r.source.official = v),
      (r, v) => (r.source.url = v),
      (r, v) => ((r as Record<string, unknown>).tasks = v),
      (r, v) => (r.tasks[0] = v as RawTask),
      (r, v) => (r.tasks[1].id = v),
      (r, v) => (r.tasks[1].area = v),
      (r, v) => (r.tasks[1].title = v),
      (r, v) => (r.tasks[1].lead = v),
      (r, v) => (r.tasks[1].coordinating = v),
      (r, v) => (r.tasks[1].output = v),
      (r, v) => (r.tasks[2].deadline = v),
    ];
    fc.assert(
      fc.property(fc.nat(paths.length - 1), fc.jsonValue(), (i, v) => {
        const raw = validJson();
        paths[i](raw, v);
        onlyCatalogueError(() => parseCatalogue(json(raw)));
      }),
      { numRuns: 1000 },
    );
  });

  test("CSV-like grids of catalogue vocabulary", () => {
    const cell = fc.constantFrom(
      "",
      "STT",
      "Nhiệm vụ",
      "Cơ quan chủ trì",
      "Thời hạn",
      "Tiến độ",
      "I",
      "II.",
      "VII",
      "1",
      "2",
      "Sở Nội vụ",
      "Quý IV/2024",
      "31/02/2024",
      '"a,b"',
      '"',
      "x",
      "=1+1",
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 12 }),
        fc.constantFrom(",", ";", "\t"),
        (rows, sep) => {
          onlyCatalogueError(() => parseCatalogue(rows.map((r) => r.join(sep)).join("\n")));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
