/**
 * Consolidation against a real engine: unit workbooks made by the project's exporter (several
 * units, random edits through exceljs) are merged into the provincial workbook along the CLI's
 * path; the result is written WITHOUT cached values, LibreOffice recalculates it, and its Tổng
 * hợp (per unit and Tổng cộng) and the count of units that reported equal the core's numbers for
 * the merged data.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { loadBundledCatalogue } from "../../src/core/catalogue/bundled";
import { findUnit } from "../../src/core/units/units";
import { defaultSettings, summaryLines } from "../../src/core/workbook/evaluate";
import { SHEETS, SUMMARY_HEADERS, SUMMARY_TOTAL_LABEL } from "../../src/core/workbook/layout";
import { planExport } from "../../src/export/cli";
import { writeWorkbook } from "../../src/export/xlsxWriter";
import { readWorkbookValues } from "../../src/export/readXlsx";
import {
  consolidate,
  consolidatedWorkbookPlan,
  readProvince,
  REPORTED_LABEL,
  SUBMISSIONS_SHEET,
  type UnitFileInput,
} from "../../src/core/consolidate";
import { hasSoffice, recalcToCsv, tempDir } from "./lib/libreoffice";
import { rng } from "./lib/generate";

let work = "";
beforeAll(async () => {
  if (!(await hasSoffice()))
    throw new Error(
      "LibreOffice (soffice) is required: apt-get install -y --no-install-recommends libreoffice-calc",
    );
  work = await tempDir("e2e-consolidate-");
});
afterAll(async () => {
  if (work) await fs.rm(work, { recursive: true, force: true });
});

const REPORT_DATE = "2024-12-31";
const UNITS = [
  "Sở Nội vụ",
  "Sở Tư pháp",
  "UBND huyện Bình Sơn",
  "Sở Tài chính",
  "Xã Bình Hòa, huyện Bình Sơn",
];
const STATUSES = [
  "x",
  "Đã hoàn thành",
  "Đang thực hiện",
  "Chưa thực hiện",
  "Hoàn thành (trễ hạn)",
  "",
  "50%",
];

async function exportTo(file: string, unit?: string): Promise<Buffer> {
  const u = unit ? findUnit(unit) : null;
  const built = planExport({
    catalogue: await loadBundledCatalogue("demo-2024"),
    settings: defaultSettings(REPORT_DATE),
    unit: u,
    loadedFrom: "demo-2024",
    loadedAt: "2024-12-01T00:00:00Z",
  });
  if (!built.plan) throw new Error(built.problems.join("\n"));
  const bytes = await writeWorkbook(built.plan.plan, { created: new Date(Date.UTC(2024, 11, 1)) });
  await fs.writeFile(file, bytes);
  return bytes;
}

test("LibreOffice recalculates the consolidated workbook: Tổng hợp equals the core's numbers", async () => {
  const provinceBytes = await exportTo(path.join(work, "tinh.xlsx"));
  const random = rng(17);
  const files: UnitFileInput[] = [];
  for (const [k, unit] of UNITS.entries()) {
    const raw = path.join(work, `raw-${k}.xlsx`);
    await exportTo(raw, unit);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(raw);
    const ws = wb.getWorksheet(SHEETS.assignments) as ExcelJS.Worksheet;
    for (let r = 2; r <= ws.rowCount; r++) {
      if (random() < 0.3) continue;
      ws.getCell(r, 11).value = STATUSES[Math.floor(random() * STATUSES.length)];
      if (random() < 0.6)
        ws.getCell(r, 12).value = new Date(
          Date.UTC(2024, Math.floor(random() * 12), 1 + Math.floor(random() * 28)),
        );
      if (random() < 0.5) ws.getCell(r, 13).value = `CV ${r}/${k}`;
    }
    wb.modified = new Date(Date.UTC(2024, 11, 10 + k));
    const edited = path.join(work, `don-vi-${k}.xlsx`);
    await wb.xlsx.writeFile(edited);
    const read = await readWorkbookValues(await fs.readFile(edited));
    files.push({ name: path.basename(edited), fileTime: null, ...read });
  }
  const provRead = await readWorkbookValues(provinceBytes);
  const province = readProvince(provRead.values as NonNullable<typeof provRead.values>).province;
  if (!province) throw new Error("province not read");
  const result = consolidate(province.rows, province.catalogue.id, files);
  expect(result.report.rejected).toEqual([]);
  expect(result.report.accepted).toHaveLength(UNITS.length);
  const { plan, model } = consolidatedWorkbookPlan(province, result);
  const out = path.join(work, "ket-qua.xlsx");
  await fs.writeFile(out, await writeWorkbook(plan, { cachedValues: false }));

  const { sheets } = await recalcToCsv(out, [SHEETS.summary, SUBMISSIONS_SHEET]);
  const summary = sheets.get(SHEETS.summary) as string[][];
  expect(summary[0].slice(0, SUMMARY_HEADERS.length)).toEqual([...SUMMARY_HEADERS]);
  const core = summaryLines(model.assignments, province.settings);
  const byUnit = new Map(summary.slice(1).map((r) => [r[0], r]));
  const nums = (r: string[] | undefined) => (r ?? []).slice(1, 6).map(Number);
  let checked = 0;
  for (const u of UNITS.map((n) => findUnit(n)?.name)) {
    const line = core.lines.find((l) => l.unit === u);
    if (!line) continue; // a unit leading no task has no line
    checked += 1;
    expect(nums(byUnit.get(u as string))).toEqual([
      line.assigned,
      line.done,
      line.doneOnTime,
      line.doneLate,
      line.overdue,
    ]);
  }
  expect(checked).toBeGreaterThanOrEqual(3);
  const t = core.total;
  expect(nums(byUnit.get(SUMMARY_TOTAL_LABEL))).toEqual([
    t.assigned,
    t.done,
    t.doneOnTime,
    t.doneLate,
    t.overdue,
  ]);
  expect(t.done).toBeGreaterThan(0);
  const reported = summary.find((r) => r[0] === REPORTED_LABEL) as string[];
  expect(Number(reported[1])).toBe(result.report.unitsReported);
  expect(Number(reported[3])).toBe(result.report.unitsExpected);
  const subs = sheets.get(SUBMISSIONS_SHEET) as string[][];
  expect(subs.slice(1).filter((r) => r[1] === "Đã nộp").length).toBe(result.report.unitsReported);
});
