/**
 * `npm run consolidate`: unit workbooks made by the project's own exporter (`npm run workbook
 * --unit`), edited through exceljs, merged into a provincial workbook; a corpus of broken files
 * (one per rejection reason); exit codes; inputs never modified.
 */
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { deflateRawSync } from "node:zlib";
import { toTCVN3 } from "vietnamese-conversion";
import { runWorkbookCli } from "../../src/export/cli";
import { runConsolidateCli } from "../../src/export/consolidateCli";
import { checkXlsxBytes } from "../../src/export/readXlsx";
import { SHEETS, SUMMARY_HEADERS } from "../../src/core/workbook/layout";
import { SUBMISSION_HEADERS, SUBMISSIONS_SHEET, type ConsolidationReport } from "../../src/core/consolidate";

jest.setTimeout(180_000);

let dir = "";
let province = "";
const units: Record<string, string> = {};
const NOW = () => new Date(Date.UTC(2024, 11, 20, 8));

async function quiet(
  fn: (io: { stdout: (s: string) => void; stderr: (s: string) => void; now: () => Date }) => Promise<number>,
) {
  let stdout = "";
  let stderr = "";
  const code = await fn({ stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), now: NOW });
  return { code, stdout, stderr };
}

const consolidateRun = (...argv: string[]) => quiet((io) => runConsolidateCli(argv, io));
const f = (name: string) => path.join(dir, name);

async function exportBook(out: string, unit?: string): Promise<string> {
  const r = await quiet((io) =>
    runWorkbookCli(
      [
        "--catalogue",
        "demo-2024",
        "--report-date",
        "2024-12-31",
        "--out",
        out,
        ...(unit ? ["--unit", unit] : []),
      ],
      io,
    ),
  );
  if (r.code !== 0) throw new Error(r.stderr);
  return out;
}

/** Edits the user columns of a workbook through exceljs (as a unit would in Excel). */
async function edit(
  src: string,
  out: string,
  cells: Record<string, ExcelJS.CellValue>,
  modified?: Date,
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(src);
  const ws = wb.getWorksheet(SHEETS.assignments) as ExcelJS.Worksheet;
  for (const [a, v] of Object.entries(cells)) ws.getCell(a).value = v;
  if (modified) wb.modified = modified;
  await wb.xlsx.writeFile(out);
  return out;
}

async function book(p: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(p);
  return wb;
}

const sha = async (p: string) =>
  createHash("sha256")
    .update(await fs.readFile(p))
    .digest("hex");

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "consolidate-"));
  province = await exportBook(f("tinh.xlsx"));
  for (const [k, name] of [
    ["snv", "Sở Nội vụ"],
    ["stp", "Sở Tư pháp"],
    ["bs", "UBND huyện Bình Sơn"],
  ])
    units[k] = await exportBook(f(`raw-${k}.xlsx`), name);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Row (1-based sheet row) of a task in a one-unit workbook's Phân công. */
async function rowOf(p: string, taskId: string): Promise<number> {
  const ws = (await book(p)).getWorksheet(SHEETS.assignments) as ExcelJS.Worksheet;
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === taskId) return r;
  throw new Error(taskId);
}

/** The first task of a one-unit workbook. */
async function firstTask(p: string): Promise<string> {
  const ws = (await book(p)).getWorksheet(SHEETS.assignments) as ExcelJS.Worksheet;
  return String(ws.getCell(2, 1).value);
}

function headerRow(ws: ExcelJS.Worksheet, row = 1): unknown[] {
  return (ws.getRow(row).values as unknown[]).slice(1);
}

describe("npm run consolidate", () => {
  test("merges unit files into a copy; Nộp báo cáo, provenance, literal text; inputs untouched; a second run changes nothing", async () => {
    const inbox = f("inbox");
    await fs.mkdir(inbox);
    const r = await rowOf(units.snv, "I.1");
    await edit(
      units.snv,
      path.join(inbox, "snv.xlsx"),
      {
        [`K${r}`]: "x",
        [`L${r}`]: new Date(Date.UTC(2024, 2, 20)),
        [`M${r}`]: "https://sonoivu.quangngai.gov.vn/1",
        [`N${r}`]: '=HYPERLINK("http://evil.example","bấm")',
        [`N${r + 1}`]: "@SUM(1)",
      },
      new Date(Date.UTC(2024, 11, 10, 9)),
    );
    const before = { p: await sha(province), u: await sha(path.join(inbox, "snv.xlsx")) };
    const out = f("ket-qua.xlsx");
    const res = await consolidateRun("--into", province, "--out", out, inbox, "--json");
    expect(res.code).toBe(0);
    const rep = JSON.parse(res.stdout) as ConsolidationReport & { written: string };
    expect(rep.accepted.map((a) => [a.file, a.unit])).toEqual([["snv.xlsx", "Sở Nội vụ"]]);
    expect(rep.rowsUpdated).toBe(2);
    expect(rep.unitsReported).toBe(1);
    expect(rep.unitsMissing).not.toContain("Sở Nội vụ");
    expect(await sha(province)).toBe(before.p);
    expect(await sha(path.join(inbox, "snv.xlsx"))).toBe(before.u);

    const wb = await book(out);
    const sub = wb.getWorksheet(SUBMISSIONS_SHEET) as ExcelJS.Worksheet;
    expect(headerRow(sub)).toEqual([...SUBMISSION_HEADERS]);
    const subRows = Array.from({ length: sub.rowCount - 1 }, (_, i) => headerRow(sub, i + 2));
    expect(subRows.length).toBe(rep.unitsExpected);
    expect(subRows.find((x) => x[0] === "Sở Nội vụ")?.slice(0, 3)).toEqual([
      "Sở Nội vụ",
      "Đã nộp",
      "snv.xlsx",
    ]);
    expect(subRows.filter((x) => x[1] === "Chưa nộp").length).toBe(rep.unitsExpected - 1);

    const pc = wb.getWorksheet(SHEETS.assignments) as ExcelJS.Worksheet;
    const heads = headerRow(pc);
    expect(heads.slice(-2)).toEqual(["Nguồn cập nhật", "Cập nhật lúc"]);
    let found = 0;
    for (let i = 2; i <= pc.rowCount; i++) {
      if (pc.getCell(i, 1).value !== "I.1" || pc.getCell(i, 4).value !== "Sở Nội vụ") continue;
      found++;
      expect(pc.getCell(i, 11).value).toBe("Đã hoàn thành");
      const note = pc.getCell(i, 14).value;
      expect(typeof note).toBe("string"); // literal text, not a formula
      expect(String(note)).toContain('=HYPERLINK("http://evil.example","bấm")');
      expect(pc.getCell(i, heads.length - 1).value).toBe("snv.xlsx");
      expect(pc.getCell(i, heads.length).value).toBeInstanceOf(Date);
    }
    expect(found).toBe(1);
    const sum = wb.getWorksheet(SHEETS.summary) as ExcelJS.Worksheet;
    expect(headerRow(sum).slice(0, SUMMARY_HEADERS.length)).toEqual([...SUMMARY_HEADERS]);
    let label = false;
    sum.eachRow((row) => {
      if (row.getCell(1).value === "Số đơn vị đã nộp báo cáo") label = true;
    });
    expect(label).toBe(true);

    // Same files again, into the result: nothing changes.
    const again = await consolidateRun("--into", out, "--out", f("ket-qua-2.xlsx"), inbox, "--json");
    expect(again.code).toBe(0);
    const rep2 = JSON.parse(again.stdout) as ConsolidationReport;
    expect(rep2.rowsUpdated).toBe(0);
    expect(rep2.conflicts).toEqual([]);
    expect(rep2.unitsReported).toBe(1);
  });

  test("a reviewer's value is kept unless --prefer unit; the conflict is listed", async () => {
    const task = await firstTask(units.stp);
    const r = 2;
    const reviewed = f("tinh-ra-soat.xlsx");
    // The reviewer typed a status in the provincial workbook for Sở Tư pháp's I.1.
    const wb = await book(province);
    const pc = wb.getWorksheet(SHEETS.assignments) as ExcelJS.Worksheet;
    for (let i = 2; i <= pc.rowCount; i++)
      if (pc.getCell(i, 1).value === task && pc.getCell(i, 4).value === "Sở Tư pháp")
        pc.getCell(i, 11).value = "Đang thực hiện";
    await wb.xlsx.writeFile(reviewed);
    const unit = await edit(units.stp, f("stp-done.xlsx"), { [`K${r}`]: "Đã hoàn thành" });
    const keep = await consolidateRun("--into", reviewed, "--out", f("keep.xlsx"), unit, "--json");
    expect(keep.code).toBe(0);
    const rk = JSON.parse(keep.stdout) as ConsolidationReport;
    expect(rk.conflicts).toEqual([
      expect.objectContaining({ taskId: task, unit: "Sở Tư pháp", kept: "province" }),
    ]);
    const take = await consolidateRun("--into", reviewed, "--out", f("take.xlsx"), unit, "--prefer", "unit");
    expect(take.code).toBe(0);
    expect(take.stdout).toMatch(/Xung đột \(1\)/);
  });

  test("folders: their .xlsx files only, subfolders with --recursive; Excel's ~$ lock files skipped", async () => {
    const top = f("drop");
    await fs.mkdir(path.join(top, "Sở Tư pháp"), { recursive: true });
    await fs.copyFile(units.stp, path.join(top, "Sở Tư pháp", "stp.xlsx"));
    await fs.writeFile(path.join(top, "~$stp.xlsx"), "lock");
    await fs.writeFile(path.join(top, "ghi-chu.txt"), "x");
    const flat = await consolidateRun("--into", province, "--out", f("flat.xlsx"), top, "--json");
    expect(flat.code).toBe(1);
    expect((JSON.parse(flat.stdout) as ConsolidationReport).filesRead).toBe(0);
    const deep = await consolidateRun(
      "--into",
      province,
      "--out",
      f("deep.xlsx"),
      top,
      "--recursive",
      "--json",
    );
    expect(deep.code).toBe(0);
    const rep = JSON.parse(deep.stdout) as ConsolidationReport;
    expect(rep.filesRead).toBe(1);
    expect(rep.accepted.map((a) => a.unit)).toEqual(["Sở Tư pháp"]);
  });

  test.each([
    [[], /Thiếu --into/],
    [["--into", "x.xlsx"], /Thiếu --out/],
    [["--prefer", "tinh"], /--prefer chỉ nhận/],
    [["--bogus"], /Tùy chọn không có/],
  ])("bad arguments %j → exit 2, nothing written", async (argv, msg) => {
    const r = await consolidateRun(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(msg);
  });

  test("a missing input, --out equal to --into → exit 2", async () => {
    expect((await consolidateRun("--into", province, "--out", f("o.xlsx"), f("khong-co"))).code).toBe(2);
    const same = await consolidateRun("--into", province, "--out", province, units.snv);
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/không được trùng --into/);
  });

  test("a one-unit workbook as --into, or no valid file → exit 1, nothing written", async () => {
    const one = await consolidateRun("--into", units.snv, "--out", f("x1.xlsx"), units.stp);
    expect(one.code).toBe(1);
    expect(one.stderr).toMatch(/sổ của một đơn vị/);
    const junk = f("junk.xlsx");
    await fs.writeFile(junk, "không phải excel");
    const none = await consolidateRun("--into", province, "--out", f("x2.xlsx"), junk);
    expect(none.code).toBe(1);
    await expect(fs.stat(f("x1.xlsx"))).rejects.toThrow();
    await expect(fs.stat(f("x2.xlsx"))).rejects.toThrow();
  });
});

describe("broken-file corpus: each file refused whole with its reason, the others merged", () => {
  test("every rejection reason", async () => {
    const corpus = f("corpus");
    await fs.mkdir(corpus);
    const good = await fs.readFile(units.snv);
    const put = (name: string, bytes: Buffer | string) => fs.writeFile(path.join(corpus, name), bytes);
    await put("text.xlsx", "Báo cáo: đã xong hết");
    const cfb = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    await put("old.xlsx", cfb);
    const enc = Buffer.concat([cfb, Buffer.from("EncryptionInfo", "utf16le")]);
    await put("password.xlsx", enc);
    await put("truncated.xlsx", good.subarray(0, Math.floor(good.length / 2)));
    const bomb = Buffer.from(good);
    const cd = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(0x7ffffff0, cd + 24);
    await put("bomb.xlsx", bomb);
    const notBook = Buffer.from(good);
    for (let i = notBook.indexOf("xl/workbook.xml"); i >= 0; i = notBook.indexOf("xl/workbook.xml", i + 1))
      notBook.write("xl/workbooq.xml", i, "latin1");
    await put("word.xlsx", notBook);
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet("Sheet1").getCell("A1").value = "Báo cáo";
    await plain.xlsx.writeFile(path.join(corpus, "plain.xlsx"));
    await fs.copyFile(province, path.join(corpus, "tinh-gui-nham.xlsx"));
    // Renamed header, non-date date, legacy text: made from real unit workbooks.
    const renamed = await book(units.stp);
    (renamed.getWorksheet(SHEETS.assignments) as ExcelJS.Worksheet).getCell("K1").value = "Tình hình";
    await renamed.xlsx.writeFile(path.join(corpus, "stp-renamed.xlsx"));
    const r = 2;
    await edit(units.bs, path.join(corpus, "bs-date.xlsx"), { [`L${r}`]: "cuối tháng 3" });
    await edit(units.snv, path.join(corpus, "snv-tcvn3.xlsx"), {
      [`K${r}`]: toTCVN3("Đã hoàn thành", "unicode"),
      [`N${r}`]: toTCVN3("Đã có văn bản báo cáo kết quả thực hiện", "unicode"),
    });

    const res = await consolidateRun("--into", province, "--out", f("corpus-out.xlsx"), corpus, "--json");
    expect(res.code).toBe(0);
    const rep = JSON.parse(res.stdout) as ConsolidationReport;
    const reason = (file: string) => rep.rejected.find((x) => x.file === file)?.reason ?? "(accepted)";
    expect(reason("text.xlsx")).toMatch(/Không phải tệp Excel/);
    expect(reason("old.xlsx")).toMatch(/97–2003/);
    expect(reason("password.xlsx")).toMatch(/mật khẩu/);
    expect(reason("truncated.xlsx")).toMatch(/bị hỏng hoặc bị cắt cụt/);
    expect(reason("bomb.xlsx")).toMatch(/bom zip/);
    expect(reason("word.xlsx")).toMatch(/không phải sổ Excel/);
    expect(reason("plain.xlsx")).toMatch(/Không phải sổ theo dõi/);
    expect(reason("tinh-gui-nham.xlsx")).toMatch(/tất cả đơn vị/);
    expect(reason("stp-renamed.xlsx")).toMatch(/thiếu cột “Trạng thái”/);
    expect(reason("bs-date.xlsx")).toMatch(/không phải là ngày/);
    expect(rep.accepted.map((a) => a.file)).toEqual(["snv-tcvn3.xlsx"]);
    expect(rep.accepted[0].notes.join(" ")).toMatch(/TCVN3/);
    const wb = await book(f("corpus-out.xlsx"));
    const sub = wb.getWorksheet(SUBMISSIONS_SHEET) as ExcelJS.Worksheet;
    const rows = Array.from({ length: sub.rowCount - 1 }, (_, i) => headerRow(sub, i + 2));
    expect(rows.find((x) => x[0] === "Sở Tư pháp")?.[1]).toBe("Bị từ chối");
    expect(String(rows.find((x) => x[0] === "Sở Tư pháp")?.[5])).toMatch(/Trạng thái/);
    expect(rows.find((x) => x[0] === "Sở Nội vụ")?.[1]).toBe("Đã nộp");
  });

  test("checkXlsxBytes accepts the exporter's own file", async () => {
    expect(checkXlsxBytes(await fs.readFile(units.snv))).toBeNull();
  });
});

/** A minimal zip (deflated entries) whose central directory may declare a false size. */
function zip(entries: Array<{ name: string; data: Buffer; declared?: number }>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const packed = deflateRawSync(e.data);
    const size = e.declared ?? e.data.length;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(8, 8);
    lh.writeUInt32LE(packed.length, 18);
    lh.writeUInt32LE(size, 22);
    lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(8, 10);
    ch.writeUInt32LE(packed.length, 20);
    ch.writeUInt32LE(size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, packed);
    central.push(ch, name);
    offset += lh.length + name.length + packed.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

describe("zip guard", () => {
  const types = { name: "[Content_Types].xml", data: Buffer.from("<Types/>") };
  test("an honest small zip passes the guard", () => {
    expect(
      checkXlsxBytes(zip([types, { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") }])),
    ).toBeNull();
  });
  test("a bomb that declares a small size is refused before anything inflates it fully", () => {
    const bomb = zip([types, { name: "xl/workbook.xml", data: Buffer.alloc(30_000_000), declared: 1000 }]);
    expect(bomb.length).toBeLessThan(100_000);
    expect(checkXlsxBytes(bomb)).toMatch(/bom zip/);
  });
  test("a bomb that declares its real size is refused by the ratio cap, before inflating", () => {
    const entry = { name: "xl/worksheets/s1.xml", data: Buffer.alloc(60_000_000) };
    expect(
      checkXlsxBytes(zip([types, { name: "xl/workbook.xml", data: Buffer.from("<w/>") }, entry])),
    ).toMatch(/bom zip/);
  });
});
