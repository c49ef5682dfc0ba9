/**
 * The fast reader of consolidation values (src/core/consolidate/xlsxValues.ts) on a workbook re-saved by
 * LibreOffice — another writer, with its own shared strings, styles and part names — equals
 * exceljs's reading (test/export/fastXlsx.test.ts has the exporter's and exceljs's files).
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { loadBundledCatalogue } from "../../src/core/catalogue/bundled";
import { findUnit } from "../../src/core/units/units";
import { defaultSettings } from "../../src/core/workbook/evaluate";
import { planExport } from "../../src/export/cli";
import { writeWorkbook } from "../../src/export/xlsxWriter";
import { both, differences } from "../export/lib/valuesDiff";
import { convertWithLibreOffice, hasSoffice, tempDir } from "./lib/libreoffice";

jest.setTimeout(300_000);

let dir = "";
let unit: Buffer;
beforeAll(async () => {
  dir = await tempDir("e2e-fast-xlsx-");
  const u = findUnit("UBND huyện Bình Sơn");
  const common = {
    catalogue: await loadBundledCatalogue("demo-2024"),
    settings: defaultSettings("2024-12-31"),
    loadedFrom: "demo-2024",
    loadedAt: "2024-12-01T00:00:00Z",
  };
  const one = u ? planExport({ ...common, unit: u }).plan : undefined;
  if (!one || !u) throw new Error("no plan");
  const progress = one.model.assignments.map((a, i) => ({
    taskId: a.taskId,
    unit: u.id,
    status: i % 2 ? "Đã hoàn thành" : "Đang thực hiện",
    completedOn: i % 2 ? "2024-10-15" : null,
    evidence: `https://binhson.quangngai.gov.vn/${a.taskId}?a=1&b=<2>`,
    note: i === 0 ? '  "trích" & <ghi chú>  ' : null,
  }));
  const plan = planExport({ ...common, unit: u, progress }).plan;
  if (!plan) throw new Error("no plan");
  unit = await writeWorkbook(plan.plan);
});
afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

test("a workbook re-saved by LibreOffice (another writer)", async () => {
  if (!(await hasSoffice()))
    throw new Error("LibreOffice (soffice) is required: apt-get install libreoffice-calc");
  const src = path.join(dir, "don-vi.xlsx");
  await fs.writeFile(src, unit);
  const bytes = await convertWithLibreOffice(src, "xlsx");
  const { slow, fast } = await both(bytes);
  expect(differences(fast, slow)).toEqual([]);
});
