/**
 * Bundled catalogues (danh mục nhiệm vụ đóng gói sẵn) and the cchc-catalogue/1 JSON Schema.
 * - both bundled files validate against the schema; task ids are unique (the schema cannot say so);
 * - the demo plan is clearly marked as sample data, the CV 5893 catalogue as official;
 * - malformed catalogues (small mutations of a valid one) are rejected by the schema.
 */
import Ajv2020 from "ajv/dist/2020";
import type { ErrorObject } from "ajv";
import schema from "../../../src/core/catalogue/cchc-catalogue-1.schema.json";
import demo from "../../../src/core/catalogue/bundled/demo-2024.json";
import cv5893 from "../../../src/core/catalogue/bundled/cv-5893-2024.json";
import { foldVietnamese } from "../../../src/core/text/fold";
import { DEADLINE_FORMS } from "../helpers/deadlineForms";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Task {
  id: string;
  area: string;
  title: string;
  lead: string;
  coordinating?: string;
  output?: string;
  deadline: string;
}
interface Catalogue {
  schema: string;
  id: string;
  title: string;
  planYear: number;
  version?: string;
  source: { document: string; official: boolean; note?: string; url?: string };
  tasks: Task[];
}

const ajv = new Ajv2020({ allErrors: true });
const validate = ajv.compile(schema);

const bundled: [string, Catalogue][] = [
  ["demo-2024.json", demo as Catalogue],
  ["cv-5893-2024.json", cv5893 as Catalogue],
];

const AREAS = ["I", "II", "III", "IV", "V", "VI", "VII"];

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function duplicateIds(tasks: { id: string }[]): string[] {
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const { id } of tasks) (seen.has(id) ? dups : seen).add(id);
  return [...dups];
}

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`).join("; ");
}

/** Every string in a JSON value, for the NFC check. */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

/**
 * Unit names a lead cell may use: names and abbreviations of /work/shared/data/quang-ngai-2024-agencies.csv
 * (../shared/DOMAIN.md §3), the group phrases of CV 5893 / provincial plans, and the spelling variants the demo plan
 * uses on purpose. Compared by folded key (foldVietnamese), so "Ủy"/"Uỷ", "&"/"và" and hyphen spacing agree.
 */
const KNOWN_UNITS = [
  "Văn phòng Ủy ban nhân dân tỉnh|Văn phòng UBND tỉnh|VP UBND tỉnh|VPUB",
  "Sở Nội vụ|SNV",
  "Sở Tư pháp|STP",
  "Sở Kế hoạch và Đầu tư|SKHĐT|Sở KH&ĐT",
  "Sở Tài chính|STC",
  "Sở Công Thương|SCT",
  "Sở Nông nghiệp và Phát triển nông thôn|SNNPTNT|Sở NN&PTNT|Sở Nông nghiệp và PTNT",
  "Sở Giao thông vận tải|SGTVT|Sở GTVT",
  "Sở Xây dựng|SXD",
  "Sở Tài nguyên và Môi trường|STNMT|Sở TN&MT|Sở Tài nguyên và MT",
  "Sở Thông tin và Truyền thông|STTTT|Sở TT&TT",
  "Sở Lao động - Thương binh và Xã hội|SLĐTBXH|Sở LĐ-TB&XH",
  "Sở Văn hóa, Thể thao và Du lịch|SVHTTDL|Sở VHTT&DL",
  "Sở Khoa học và Công nghệ|SKHCN|Sở KH&CN",
  "Sở Giáo dục và Đào tạo|SGDĐT|Sở GD&ĐT",
  "Sở Y tế|SYT",
  "Sở Ngoại vụ|SNGV",
  "Thanh tra tỉnh|TTT",
  "Ban Dân tộc|BDT",
  "Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi|BQL KKT Dung Quất",
  "Công an tỉnh",
  "Cục Thuế tỉnh",
  "Cục Quản lý thị trường tỉnh",
  "Cục Hải quan tỉnh",
  "Bảo hiểm xã hội tỉnh",
  "Các sở, ban, ngành|Các sở, ban, ngành tỉnh",
  "Các cơ quan Trung ương đóng trên địa bàn tỉnh",
  "UBND các huyện, thị xã, thành phố|Ủy ban nhân dân các huyện, thị xã, thành phố",
  "UBND các xã, phường, thị trấn|Ủy ban nhân dân các xã, phường, thị trấn",
]
  .flatMap((line) => line.split("|"))
  .map(foldVietnamese)
  // Longest first, so "sở kế hoạch và đầu tư" wins over a shorter name followed by "và".
  .sort((a, b) => b.length - a.length);

/**
 * Splits a lead cell into known units (separators ", ", "; ", " và " all fold to a space or " va ").
 * Returns null when some part is not a known unit.
 */
function leadUnits(lead: string): string[] | null {
  let rest = foldVietnamese(lead);
  const units: string[] = [];
  while (rest.length > 0) {
    const name = KNOWN_UNITS.find((n) => rest === n || rest.startsWith(n + " "));
    if (!name) return null;
    units.push(name);
    rest = rest.slice(name.length).trimStart();
    if (rest.startsWith("va ")) rest = rest.slice(3);
  }
  return units.length > 0 ? units : null;
}

describe("cchc-catalogue/1 JSON Schema", () => {
  test("compiles with Ajv (draft 2020-12) and documents the task-id uniqueness limit", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.description).toMatch(/không diễn đạt được/);
    expect(schema.description).toMatch(/cannot express/);
    expect(typeof validate).toBe("function");
  });

  test.each(bundled)("%s validates", (_name, catalogue) => {
    const ok = validate(catalogue);
    expect(describeErrors(validate.errors)).toBe("");
    expect(ok).toBe(true);
  });

  test.each(bundled)("%s has unique task ids", (_name, catalogue) => {
    expect(duplicateIds(catalogue.tasks)).toEqual([]);
  });

  test.each(bundled)("%s: every string is NFC and leads name known units", (_name, catalogue) => {
    for (const s of strings(catalogue)) expect(s).toBe(s.normalize("NFC"));
    for (const task of catalogue.tasks) {
      expect([task.id, leadUnits(task.lead)]).toEqual([task.id, expect.any(Array)]);
    }
  });

  test("the schema cannot see duplicate task ids: code must check them", () => {
    const dup = clone(minimal);
    (dup.tasks as JsonObject[]).push(clone((dup.tasks as JsonObject[])[0]));
    expect(validate(dup)).toBe(true);
    expect(duplicateIds(dup.tasks as unknown as Task[])).toEqual(["I.1"]);
  });

  test("accepts x- extension fields, $schema and omitted optional fields", () => {
    const ext = clone(minimal);
    ext.$schema = "./cchc-catalogue-1.schema.json";
    ext["x-publisher"] = "Sở Nội vụ";
    (ext.source as JsonObject)["x-checked"] = true;
    (ext.tasks as JsonObject[])[0]["x-status"] = "Đang thực hiện";
    expect(validate(ext)).toBe(true);
    const full = clone(minimal);
    Object.assign((full.tasks as JsonObject[])[0], { coordinating: "Sở Tư pháp", output: "Báo cáo" });
    Object.assign(full, { version: "2024-10-31" });
    Object.assign(full.source as JsonObject, { note: "Ghi chú", url: "https://example.org/van-ban.pdf" });
    expect(validate(full)).toBe(true);
  });
});

/** Smallest valid catalogue; each malformed case below is one small mutation of it. */
const minimal: JsonObject = {
  schema: "cchc-catalogue/1",
  id: "mau-2024",
  title: "Kế hoạch mẫu",
  planYear: 2024,
  source: { document: "Quyết định số 1/QĐ-UBND", official: false },
  tasks: [
    { id: "I.1", area: "I", title: "Ban hành Kế hoạch CCHC", lead: "Sở Nội vụ", deadline: "Quý I/2024" },
  ],
};

type Mutation = (c: JsonObject, task: JsonObject, source: JsonObject) => void;
const MALFORMED: [string, string, Mutation][] = [
  // [case, instancePath an error must point at, mutation]
  ["wrong schema id", "/schema", (c) => (c.schema = "cchc-catalogue/2")],
  ["schema id missing", "", (c) => delete c.schema],
  ["tasks missing", "", (c) => delete c.tasks],
  ["tasks empty", "/tasks", (c) => (c.tasks = [])],
  ["tasks is an object", "/tasks", (c) => (c.tasks = { "I.1": (c.tasks as Json[])[0] })],
  ["area VIII", "/tasks/0/area", (_c, t) => (t.area = "VIII")],
  ["area in lower case", "/tasks/0/area", (_c, t) => (t.area = "i")],
  ["area as a number", "/tasks/0/area", (_c, t) => (t.area = 1)],
  ["planYear as string", "/planYear", (c) => (c.planYear = "2024")],
  ["planYear not an integer", "/planYear", (c) => (c.planYear = 2024.5)],
  ["planYear below 2000", "/planYear", (c) => (c.planYear = 1999)],
  ["planYear above 2100", "/planYear", (c) => (c.planYear = 2101)],
  ["empty title", "/title", (c) => (c.title = "")],
  ["whitespace-only title", "/title", (c) => (c.title = "  \t ")],
  ["catalogue id with a space", "/id", (c) => (c.id = "demo 2024")],
  ["task without id", "/tasks/0", (_c, t) => delete t.id],
  ["empty task id", "/tasks/0/id", (_c, t) => (t.id = "")],
  ["task id with leading space", "/tasks/0/id", (_c, t) => (t.id = " I.1")],
  ["task id as a number", "/tasks/0/id", (_c, t) => (t.id = 1)],
  ["task without lead", "/tasks/0", (_c, t) => delete t.lead],
  ["empty lead", "/tasks/0/lead", (_c, t) => (t.lead = "")],
  ["empty task title", "/tasks/0/title", (_c, t) => (t.title = " ")],
  ["task without deadline", "/tasks/0", (_c, t) => delete t.deadline],
  ["deadline as an Excel serial", "/tasks/0/deadline", (_c, t) => (t.deadline = 45657)],
  ["deadline as an Excel serial number", "/tasks/0/deadline", (_c, t) => (t.deadline = 45657)],
  ["coordinating null", "/tasks/0/coordinating", (_c, t) => (t.coordinating = null)],
  ["empty output", "/tasks/0/output", (_c, t) => (t.output = "")],
  ["unknown task field without x-", "/tasks/0", (_c, t) => (t.status = "Hoàn thành")],
  ["unknown root field without x-", "", (c) => (c.owner = "Sở Nội vụ")],
  ["source missing", "", (c) => delete c.source],
  ["source.official as string", "/source/official", (_c, _t, s) => (s.official = "true")],
  ["source.official missing", "/source", (_c, _t, s) => delete s.official],
  ["source.document missing", "/source", (_c, _t, s) => delete s.document],
  ["source.url not http(s)", "/source/url", (_c, _t, s) => (s.url = "javascript:alert(1)")],
  ["version as a number", "/version", (c) => (c.version = 1)],
];

describe("malformed catalogues are rejected", () => {
  test("the base catalogue is valid", () => {
    expect(validate(minimal)).toBe(true);
  });

  test("there are at least 15 malformed cases", () => {
    expect(MALFORMED.length).toBeGreaterThanOrEqual(15);
  });

  test.each(MALFORMED)("%s", (_name, path, mutate) => {
    const c = clone(minimal);
    mutate(c, (c.tasks as JsonObject[])?.[0] ?? {}, (c.source as JsonObject) ?? {});
    expect(validate(c)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toContain(path);
  });

  test("a root that is not an object is rejected", () => {
    expect(validate([minimal])).toBe(false);
    expect(validate("cchc-catalogue/1")).toBe(false);
  });

  test("a mutation of a bundled catalogue is rejected too", () => {
    const c = clone(cv5893) as unknown as JsonObject;
    ((c.tasks as JsonObject[])[3] as JsonObject).area = "VIII";
    expect(validate(c)).toBe(false);
  });
});

describe("demo-2024.json (DỮ LIỆU MINH HỌA)", () => {
  const catalogue = demo as Catalogue;
  const fold = (s: string | undefined) => (s ?? "").normalize("NFC").toLocaleLowerCase("vi");

  test("is marked as sample data, not official", () => {
    expect(catalogue.id).toBe("demo-2024");
    expect(catalogue.source.official).toBe(false);
    expect(catalogue.title.startsWith("DỮ LIỆU MINH HỌA —")).toBe(true);
    expect(fold(catalogue.title)).toMatch(/minh (họa|hoạ)/);
    expect(fold(catalogue.source.note)).toMatch(/minh (họa|hoạ)/);
    expect(fold(catalogue.source.note)).toMatch(/sample data/);
    expect(fold(catalogue.source.document)).toMatch(/minh (họa|hoạ)/);
    expect(catalogue.source.document).toMatch(/KHÔNG phải/);
    expect(catalogue.source.document).toMatch(/1879\/QĐ-UBND/);
  });

  test("has exactly 55 tasks across all seven areas", () => {
    expect(catalogue.tasks).toHaveLength(55);
    const areas = new Set(catalogue.tasks.map((t) => t.area));
    expect([...areas].sort()).toEqual([...AREAS].sort());
  });

  test("covers every deadline form of ../shared/DOMAIN.md §2 written as text", () => {
    const forms = DEADLINE_FORMS;
    const deadlines = new Set(catalogue.tasks.map((t) => t.deadline));
    expect(forms.filter((f) => !deadlines.has(f))).toEqual([]);
  });

  test("uses the spelling variants real agency files have", () => {
    const leads = catalogue.tasks.map((t) => t.lead);
    expect(leads).toContain("Uỷ ban nhân dân các huyện, thị xã, thành phố");
    expect(leads).toContain("Sở Lao động-Thương binh và Xã hội");
    expect(leads.filter((l) => l === "Sở Nông nghiệp và PTNT").length).toBeGreaterThanOrEqual(2);
  });
});

describe("cv-5893-2024.json (Công văn 5893/UBND-TTHC)", () => {
  const catalogue = cv5893 as Catalogue;
  const ALL_ADDRESSEES = [
    "Các sở, ban, ngành tỉnh",
    "Công an tỉnh",
    "Cục Thuế tỉnh",
    "Cục Quản lý thị trường tỉnh",
    "Cục Hải quan tỉnh",
    "Bảo hiểm xã hội tỉnh",
    "UBND các huyện, thị xã, thành phố",
    "UBND các xã, phường, thị trấn",
  ].join("; ");

  test("is official and cites the letter", () => {
    expect(catalogue.source.official).toBe(true);
    expect(catalogue.source.document).toBe(
      "Công văn số 5893/UBND-TTHC ngày 31/10/2024 của UBND tỉnh Quảng Ngãi",
    );
    expect(catalogue.title).toBe("Nhiệm vụ CCHC 2 tháng cuối năm 2024 theo Công văn 5893/UBND-TTHC");
  });

  test("every deadline is before 31/12/2024", () => {
    for (const task of catalogue.tasks) expect(task.deadline).toMatch(/31\/12\/2024/);
  });

  test("point 2 is for the provincial departments; the rest for every addressee", () => {
    for (const task of catalogue.tasks) {
      expect([task.id, task.lead]).toEqual([
        task.id,
        task.id === "CV5893.2" ? "Các sở, ban, ngành tỉnh" : ALL_ADDRESSEES,
      ]);
    }
  });

  test("covers each point of the letter and the report to Sở Nội vụ", () => {
    const points = new Set(catalogue.tasks.map((t) => t.id.replace(/^CV5893\.(\d+|BC).*$/, "$1")));
    expect([...points].sort()).toEqual(["1", "2", "3", "4", "BC"]);
    const report = catalogue.tasks.find((t) => t.id === "CV5893.BC");
    expect(report?.title).toMatch(/Sở Nội vụ/);
  });
});
