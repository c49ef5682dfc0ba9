/**
 * The pane's reader of unit files (src/core/consolidate/xlsxValues.ts: zip + SpreadsheetML, no
 * exceljs) against the headless one (src/export/readXlsx.ts: exceljs): the same plain values
 * from workbooks made by the project's exporter, edited through exceljs, and re-saved by
 * LibreOffice (a third engine's XML); the same refusals for broken files, with fflate or zlib.
 */
import { execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { runWorkbook } from "./lib/runCli";
import { readWorkbookValues, zlibInflate } from "../../src/export/readXlsx";
import { readXlsxValues } from "../../src/core/consolidate/xlsxValues";
import { checkXlsxBytes, fflateInflate } from "../../src/core/consolidate/zip";
import { SHEETS } from "../../src/core/workbook/layout";
import type { WorkbookValues } from "../../src/core/consolidate";

jest.setTimeout(120_000);

let dir = "";
const f = (n: string) => path.join(dir, n);

/** Numbers rounded (exceljs turns date cells into Date and back), everything else as is. */
function norm(v: WorkbookValues): unknown {
  return JSON.parse(
    JSON.stringify(v, (_k, x: unknown) => (typeof x === "number" ? Math.round(x * 1e6) / 1e6 : x)),
  );
}

/**
 * exceljs drops a formula's cached result when it is 0 or FALSE (it reads ""); Excel's values
 * API, and this reader, give 0 / false. Only that difference is forgiven.
 */
function forgiveFalsyResults(ours: unknown, theirs: unknown): unknown {
  if (theirs === "" && (ours === 0 || ours === false)) return "";
  if (Array.isArray(ours) && Array.isArray(theirs))
    return ours.map((x, i) => forgiveFalsyResults(x, theirs[i]));
  if (ours && theirs && typeof ours === "object" && typeof theirs === "object") {
    const o = ours as Record<string, unknown>;
    const t = theirs as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).map((k) => [k, forgiveFalsyResults(o[k], t[k])]));
  }
  return ours;
}

async function same(p: string): Promise<WorkbookValues> {
  const bytes = new Uint8Array(await fs.readFile(p));
  const a = await readWorkbookValues(bytes);
  const b = readXlsxValues(bytes);
  expect(b.problem).toBeUndefined();
  expect(a.problem).toBeUndefined();
  const theirs = norm(a.values as WorkbookValues);
  expect(forgiveFalsyResults(norm(b.values as WorkbookValues), theirs)).toEqual(theirs);
  // zlib or fflate: the same values.
  expect(readXlsxValues(bytes, { inflate: zlibInflate })).toEqual(b);
  return b.values as WorkbookValues;
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "xlsx-values-"));
  const common = ["--catalogue", "demo-2024", "--report-date", "2024-12-31"];
  for (const [file, unit] of [
    ["tinh.xlsx", null],
    ["snv.xlsx", "Sở Nội vụ"],
    ["bs.xlsx", "UBND huyện Bình Sơn"],
  ] as const) {
    const r = await runWorkbook([...common, "--out", f(file), ...(unit ? ["--unit", unit] : [])]);
    if (r.code !== 0) throw new Error(r.stderr);
  }
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe("reading .xlsx without exceljs (the pane's reader)", () => {
  test.each(["tinh.xlsx", "snv.xlsx", "bs.xlsx"])("%s as exported: same values as exceljs", async (file) => {
    const v = await same(f(file));
    expect(v.sheetNames).toContain(SHEETS.assignments);
    expect(v.assignments?.rows.length).toBeGreaterThan(0);
    expect(v.config?.length).toBe(45);
  });

  test("edited through exceljs (shared strings, rich text, dates, formulas, markup characters): same values", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f("snv.xlsx"));
    const ws = wb.getWorksheet(SHEETS.assignments) as ExcelJS.Worksheet;
    ws.getCell("K2").value = "x";
    ws.getCell("L2").value = new Date(Date.UTC(2024, 2, 20));
    ws.getCell("M2").value = {
      text: "Quyết định <số 12> & “kèm theo”",
      hyperlink: "https://a.example/?q=1&b=2",
    };
    ws.getCell("N2").value = { richText: [{ text: "Đã " }, { text: "xong", font: { bold: true } }] };
    ws.getCell("N3").value = { formula: "1+1", result: 2 };
    ws.getCell("N4").value = "  khoảng trắng  \n dòng hai";
    ws.getCell("M3").value = true;
    wb.modified = new Date(Date.UTC(2024, 11, 10, 9, 30));
    await wb.xlsx.writeFile(f("snv-edited.xlsx"));
    const v = await same(f("snv-edited.xlsx"));
    expect(v.savedAt).toBe("2024-12-10T09:30:00.000Z");
    expect(v.assignments?.rows[0]).toContain("Đã xong");
  });

  const soffice = (() => {
    try {
      execFileSync("soffice", ["--version"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  })();
  (soffice ? test : test.skip)("re-saved by LibreOffice (another engine's XML): same values", async () => {
    const out = f("lo");
    await fs.mkdir(out);
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${f("lo-profile")}`,
        "--headless",
        "--convert-to",
        "xlsx",
        "--outdir",
        out,
        f("bs.xlsx"),
      ],
      { stdio: "ignore", timeout: 90_000 },
    );
    const v = await same(path.join(out, "bs.xlsx"));
    expect(v.assignments?.rows.length).toBeGreaterThan(0);
  });

  test("broken files: the same refusal as the headless guard, with either inflater", async () => {
    const good = await fs.readFile(f("snv.xlsx"));
    const bomb = Buffer.from(good);
    const cd = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(0x7ffffff0, cd + 24);
    // Declares a smaller size than it inflates to (a lying header).
    const liar = Buffer.from(good);
    let p = liar.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    while (p >= 0) {
      const name = liar.subarray(p + 46, p + 46 + liar.readUInt16LE(p + 28)).toString();
      if (name === "xl/workbook.xml") liar.writeUInt32LE(10, p + 24);
      p = liar.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4);
    }
    const cfb = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.from("EncryptionInfo", "utf16le"),
      Buffer.alloc(600),
    ]);
    const corrupt = Buffer.from(good);
    const local = corrupt.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    corrupt.fill(0xff, local + 60, local + 200);
    const cases: Array<[string, Buffer, RegExp]> = [
      ["text", Buffer.from("Mã NV,Đơn vị\nI.1,Sở Nội vụ\n"), /Không phải tệp Excel/],
      ["truncated", good.subarray(0, Math.floor(good.length / 2)), /cắt cụt/],
      ["bomb", bomb, /bom zip/],
      ["lying size", liar, /bom zip/],
      ["encrypted", cfb, /mật khẩu/],
      ["corrupt data", corrupt, /bị hỏng/],
    ];
    for (const [label, bytes, reason] of cases) {
      const u8 = new Uint8Array(bytes);
      const headless = checkXlsxBytes(u8, zlibInflate);
      expect([label, headless]).toEqual([label, expect.stringMatching(reason)]);
      expect([label, checkXlsxBytes(u8, fflateInflate)]).toEqual([label, headless]);
      expect([label, readXlsxValues(u8).problem]).toEqual([label, expect.stringMatching(reason)]);
    }
  });
});
