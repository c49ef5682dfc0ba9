/**
 * The fast reader of consolidation values (src/core/consolidate/xlsxValues.ts, run with zlib as src/export/readXlsx.ts runs it) against exceljs, an independent
 * reader: the same WorkbookValues for workbooks written by the project's exporter, edited through
 * exceljs (rich text, dates, booleans, links, formulas, XML-special and Vietnamese text — a
 * property test), (the LibreOffice-saved case is in test/e2e/fastXlsx.e2e.ts);
 * and null (exceljs takes over) for what it does not handle.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { loadBundledCatalogue } from "../../src/core/catalogue/bundled";
import { findUnit } from "../../src/core/units/units";
import { defaultSettings } from "../../src/core/workbook/evaluate";
import { SHEETS } from "../../src/core/workbook/layout";
import { planExport } from "../../src/export/cli";
import { writeWorkbook } from "../../src/export/xlsxWriter";
import { readValuesFast } from "./lib/valuesDiff";
import { both, differences } from "./lib/valuesDiff";

jest.setTimeout(240_000);

let dir = "";
let province: Buffer;
let unit: Buffer;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "fast-xlsx-"));
  const catalogue = await loadBundledCatalogue("demo-2024");
  const common = {
    catalogue,
    settings: defaultSettings("2024-12-31"),
    loadedFrom: "demo-2024",
    loadedAt: "2024-12-01T00:00:00Z",
  };
  const full = planExport(common).plan;
  const u = findUnit("UBND huyện Bình Sơn");
  const one = u ? planExport({ ...common, unit: u }).plan : undefined;
  if (!full || !one || !u) throw new Error("no plan");
  province = await writeWorkbook(full.plan);
  const progress = one.model.assignments.map((a, i) => ({
    taskId: a.taskId,
    unit: u.id,
    status: i % 2 ? "Đã hoàn thành" : "Đang thực hiện",
    completedOn: i % 2 ? "2024-10-15" : null,
    evidence: `https://binhson.quangngai.gov.vn/${a.taskId}?a=1&b=<2>`,
    note: i === 0 ? '  "trích" & <ghi chú>  ' : null,
  }));
  const unitPlan = planExport({ ...common, unit: u, progress }).plan;
  if (!unitPlan) throw new Error("no plan");
  unit = await writeWorkbook(unitPlan.plan, { created: new Date(Date.UTC(2024, 11, 9, 7, 30)) });
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function edited(cells: Record<string, ExcelJS.CellValue>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(unit as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(SHEETS.assignments) as ExcelJS.Worksheet;
  for (const [a, v] of Object.entries(cells)) ws.getCell(a).value = v;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("readValuesFast equals exceljs", () => {
  test("the exporter's provincial and unit workbooks", async () => {
    for (const bytes of [province, unit]) {
      const { slow, fast } = await both(bytes);
      expect(differences(fast, slow)).toEqual([]);
    }
  });

  test("a unit workbook edited through exceljs: rich text, dates, booleans, links, formulas", async () => {
    const bytes = await edited({
      K2: { richText: [{ text: "Đã " }, { text: "hoàn thành", font: { bold: true } }] },
      L2: new Date(Date.UTC(2024, 2, 20)),
      M2: { text: "văn bản", hyperlink: "https://a.example/x?y=1&z=2" },
      N2: { formula: 'CONCAT("a","<b>")', result: "a<b>" },
      N3: true,
      N4: { formula: "1/0", result: { error: "#DIV/0!" } },
      N5: 12.5,
      N6: "=SUM(1) là chữ",
    });
    const { slow, fast } = await both(bytes);
    expect(differences(fast, slow)).toEqual([]);
  });

  test("property: any text typed in the user columns reads the same", async () => {
    const text = fc.string({
      unit: fc.constantFrom("a", "ư", "Đ", "&", "<", ">", '"', "'", " ", "\n", "₫", "😀", "x̃"),
      maxLength: 20,
    });
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 4 }), async (texts) => {
        const cells: Record<string, ExcelJS.CellValue> = {};
        texts.forEach((t, i) => (cells[`N${i + 2}`] = t));
        const { slow, fast } = await both(await edited(cells));
        expect(differences(fast, slow)).toEqual([]);
      }),
      { numRuns: 12, seed: 17 },
    );
  });

  test("what it does not handle is left to exceljs (null)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(unit as unknown as ArrayBuffer);
    wb.properties.date1904 = true;
    const b1904 = Buffer.from(await wb.xlsx.writeBuffer());
    expect(readValuesFast(b1904)).toBeNull();
    expect(readValuesFast(Buffer.from("PK not a zip"))).toBeNull();
  });
});
