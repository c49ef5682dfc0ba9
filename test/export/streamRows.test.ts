/**
 * Issue 15 item 6: the rows of a large Phân công are streamed into the zip (src/export/xlsxStreamRows.ts)
 * instead of held by exceljs. The file must hold the same workbook: written both ways and read
 * back with exceljs (as consolidation reads unit workbooks), every cell's value, formula, cached
 * result and format, every table, rule and validation are equal.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { generateCatalogue, generateProgressCsv } from "../e2e/lib/generate";
import { buildModel } from "../../src/core/workbook/model";
import { buildWorkbookPlan } from "../../src/core/workbook/tracker";
import { parseProgressCsv } from "../../src/core/workbook/progress";
import { planExport } from "../../src/export/cli";
import { defaultSettings } from "../../src/core/workbook/evaluate";
import { writeWorkbook } from "../../src/export/xlsxWriter";
import { streamablePlan } from "../../src/export/xlsxStreamRows";
import type { PlanOp } from "../../src/core/workbook/plan";

jest.setTimeout(120_000);

const catalogue = generateCatalogue({ seed: 20241207, assignments: 3000, tasks: 55 });
const built = planExport({
  catalogue,
  settings: defaultSettings("2024-12-31"),
  loadedFrom: catalogue.id,
  loadedAt: "2024-11-15T08:00:00.000Z",
});
const plan = built.plan?.plan as { ops: PlanOp[] };
const created = new Date(Date.UTC(2024, 10, 15));

/** Everything exceljs reads of a workbook, sheet by sheet. */
async function contents(bytes: Buffer): Promise<Record<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const out: Record<string, unknown> = {};
  wb.eachSheet((ws) => {
    const cells: unknown[] = [];
    const heights: Array<[number, number]> = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (row.height) heights.push([r, row.height]);
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        cells.push([
          r,
          c,
          cell.type,
          cell.type === ExcelJS.ValueType.Formula ? [cell.formula, cell.result] : cell.value,
          cell.numFmt ?? null,
          JSON.stringify(cell.font ?? null),
          JSON.stringify(cell.alignment ?? null),
          JSON.stringify(cell.fill ?? null),
        ]);
      });
    });
    const model = ws.model as unknown as {
      dimensions?: unknown;
      conditionalFormattings?: unknown;
      dataValidations?: unknown;
      tables?: Array<{ name: string; tableRef: string }>;
      views?: unknown;
      cols?: unknown;
    };
    out[ws.name] = {
      cells,
      heights,
      rowCount: ws.rowCount,
      dimensions: String(ws.dimensions),
      conditional: model.conditionalFormattings,
      validations: model.dataValidations,
      tables: Object.values((ws as unknown as { tables: Record<string, { table: object }> }).tables).map(
        (t) => JSON.stringify(t.table),
      ),
      views: model.views,
      cols: model.cols,
    };
  });
  return out;
}

test("the generated plan's Phân công qualifies for streaming; a small one does not", () => {
  const streamable = streamablePlan(plan.ops, 100);
  expect(streamable).toMatchObject({
    sheet: "Phân công",
    table: "PhanCong",
    from: 2,
    lastRow: 3000,
  });
  // Wrapped titles need taller rows (core/workbook/rowHeights.ts): the streamed rows carry them.
  expect(streamable?.heights.length).toBeGreaterThan(0);
  expect(streamablePlan(plan.ops)).toBeNull(); // 3,000 rows: written by exceljs as before
});

test("a plan that formats part of a streamed column is not streamed", () => {
  const ops: PlanOp[] = [
    ...plan.ops,
    { op: "style", sheet: "Phân công", address: "B10:B20", style: { bold: true } },
  ];
  expect(streamablePlan(ops, 100)).toBeNull();
});

test("streamed and in-memory files hold the same workbook", async () => {
  const streamed = await writeWorkbook(plan, { created, streamRowsAbove: 100 });
  const whole = await writeWorkbook(plan, { created, streamRowsAbove: Infinity });
  const [a, b] = await Promise.all([contents(streamed), contents(whole)]);
  expect(Object.keys(a)).toEqual(Object.keys(b));
  for (const sheet of Object.keys(b)) expect([sheet, a[sheet]]).toEqual([sheet, b[sheet]]);
  const pc = a["Phân công"] as { cells: unknown[]; heights: unknown[]; tables: string[]; dimensions: string };
  expect(pc.cells.length).toBeGreaterThan(3000 * 15);
  expect(pc.heights.length).toBeGreaterThan(100); // wrapped rows keep their heights when streamed
  expect(pc.tables.join()).toContain("A1:S3001");
  expect(pc.dimensions).toBe("A1:S3001");
  // The same parts in the zip, and the same shared strings (as a set).
  const [za, zb] = await Promise.all([JSZip.loadAsync(streamed), JSZip.loadAsync(whole)]);
  expect(Object.keys(za.files).sort()).toEqual(Object.keys(zb.files).sort());
  const strings = async (z: JSZip) =>
    new Set(
      [
        ...(await (z.file("xl/sharedStrings.xml") as JSZip.JSZipObject).async("string")).matchAll(
          /<t[^>]*>([^<]*)<\/t>/g,
        ),
      ].map((m) => m[1]),
    );
  expect(await strings(za)).toEqual(await strings(zb));
});

test("with progress (statuses, dates, evidence links and unsafe ones): the same workbook, links included", async () => {
  const withProgress = buildWorkbookPlan({
    catalogue,
    settings: defaultSettings("2025-01-15"),
    reportDateIsToday: false,
    progress: parseProgressCsv(generateProgressCsv(buildModel(catalogue), { seed: 12, share: 0.6 })),
    loadedFrom: catalogue.id,
    loadedAt: "2024-11-15T08:00:00.000Z",
  }).plan;
  expect(streamablePlan(withProgress.ops, 100)).not.toBeNull();
  const streamed = await writeWorkbook(withProgress, { created, streamRowsAbove: 100 });
  const whole = await writeWorkbook(withProgress, { created, streamRowsAbove: Infinity });
  const [a, b] = await Promise.all([contents(streamed), contents(whole)]);
  for (const sheet of Object.keys(b)) expect([sheet, a[sheet]]).toEqual([sheet, b[sheet]]);
  const links = (x: Record<string, unknown>) =>
    (x["Phân công"] as { cells: unknown[][] }).cells.filter(
      (c) => c[3] !== null && typeof c[3] === "object" && "hyperlink" in (c[3] as object),
    );
  expect(links(a).length).toBeGreaterThan(50);
  expect(links(a)).toEqual(links(b));
});

test("without cached values the streamed rows carry bare formulas", async () => {
  const bytes = await writeWorkbook(plan, { created, streamRowsAbove: 100, cachedValues: false });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const cell = wb.getWorksheet("Phân công")?.getCell("O2999");
  expect(cell?.type).toBe(ExcelJS.ValueType.Formula);
  expect(cell?.result).toBeUndefined();
});
