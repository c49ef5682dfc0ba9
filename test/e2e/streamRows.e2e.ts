/**
 * Issue 15 item 6 in a real engine: a workbook whose Phân công rows were streamed into the zip
 * (src/export/xlsxStreamRows.ts; forced here at 3,000 rows, where the exporter would stream from
 * 10,000) is recalculated by LibreOffice, and every figure equals the core's twins — the same
 * check the in-memory files get in libreoffice.e2e.ts.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { defaultSettings } from "../../src/core/workbook/evaluate";
import { SHEETS } from "../../src/core/workbook/layout";
import { buildModel } from "../../src/core/workbook/model";
import { buildWorkbookPlan } from "../../src/core/workbook/tracker";
import { parseProgressCsv } from "../../src/core/workbook/progress";
import type { PlanOp } from "../../src/core/workbook/plan";
import { writeWorkbook } from "../../src/export/xlsxWriter";
import { streamablePlan } from "../../src/export/xlsxStreamRows";
import { compareWorkbook, formatDiffs } from "./lib/compareWorkbook";
import { generateCatalogue, generateProgressCsv } from "./lib/generate";
import { hasSoffice, recalcToCsv, tempDir } from "./lib/libreoffice";

jest.setTimeout(600_000);

let work = "";
beforeAll(async () => {
  if (!(await hasSoffice())) throw new Error("LibreOffice (soffice) is required");
  work = await tempDir("e2e-stream-rows-");
});
afterAll(async () => {
  if (work) await fs.rm(work, { recursive: true, force: true });
});

test("a streamed Phân công (3,000 rows with progress and links): LibreOffice = core", async () => {
  const catalogue = generateCatalogue({ seed: 31, assignments: 3000, tasks: 55 });
  const settings = defaultSettings("2025-01-15");
  const { plan, model } = buildWorkbookPlan({
    catalogue,
    settings,
    reportDateIsToday: false,
    progress: parseProgressCsv(generateProgressCsv(buildModel(catalogue), { seed: 32, share: 0.6 })),
    loadedFrom: catalogue.id,
    loadedAt: "2024-11-15T08:00:00.000Z",
  });
  expect(streamablePlan(plan.ops, 100)).not.toBeNull();
  const bytes = await writeWorkbook(
    { ops: plan.ops.filter((op: PlanOp) => op.op !== "numberFormat") },
    { cachedValues: false, streamRowsAbove: 100 },
  );
  const file = path.join(work, "streamed.xlsx");
  await fs.writeFile(file, bytes);
  const result = await recalcToCsv(file, Object.values(SHEETS));
  const cmp = compareWorkbook(result.sheets, { model, settings, singleUnit: false });
  if (cmp.diffs.length > 0) throw new Error(formatDiffs(cmp.diffs));
  expect(cmp.checked).toBeGreaterThan(3000 * 3);
  expect((result.sheets.get(SHEETS.assignments) as string[][]).length).toBeGreaterThanOrEqual(3001);
});
