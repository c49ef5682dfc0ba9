/**
 * Issue 15 items 4 and 5 in a real engine: unit cells edited by hand (trailing space, NFD) and a
 * completion date after the report date. LibreOffice recalculates the workbook and every figure
 * — Kiểm tra, the per-task counts, Tổng hợp, Báo cáo — must equal the core's twins (what the
 * pane shows), with no "known issue" left between the pane and the sheet.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { loadBundledCatalogue } from "../../src/core/catalogue/bundled";
import { defaultSettings, summaryLines } from "../../src/core/workbook/evaluate";
import { CHECK_LABELS, SHEETS, ASSIGNMENT_COLUMNS } from "../../src/core/workbook/layout";
import { trackerModel, workbookPlanOfModel } from "../../src/core/workbook/tracker";
import type { PlanOp } from "../../src/core/workbook/plan";
import { writeWorkbook } from "../../src/export/xlsxWriter";
import { compareWorkbook, formatDiffs } from "./lib/compareWorkbook";
import { hasSoffice, recalcToCsv, tempDir } from "./lib/libreoffice";

jest.setTimeout(300_000);

let work = "";
beforeAll(async () => {
  if (!(await hasSoffice())) throw new Error("LibreOffice (soffice) is required");
  work = await tempDir("e2e-no-wrong-number-");
});
afterAll(async () => {
  if (work) await fs.rm(work, { recursive: true, force: true });
});

test("edited unit cells and a completion date after the report date: LibreOffice = core, flagged in Kiểm tra", async () => {
  const catalogue = await loadBundledCatalogue("demo-2024");
  const settings = defaultSettings("2024-10-31");
  const input = {
    catalogue,
    settings,
    reportDateIsToday: false,
    loadedFrom: catalogue.id,
    loadedAt: "2024-11-15T08:00:00.000Z",
  };
  const model = trackerModel(input);
  const leads = model.assignments.filter((a) => a.role === "Chủ trì" && a.unit === "Sở Nội vụ");
  expect(leads.length).toBeGreaterThanOrEqual(4);
  // What a user's hand does to the table: done rows, then three cells edited.
  for (const a of leads)
    Object.assign(a, { status: "Đã hoàn thành", completedOn: "2024-03-01", evidence: "CV 1" });
  leads[0].unit = "Sở Nội vụ "; // trailing space
  leads[1].unit = "Sở Nội vụ".normalize("NFD");
  leads[2].completedOn = "2024-11-20"; // after the report date
  const { plan } = workbookPlanOfModel(input, model);
  const bytes = await writeWorkbook(
    { ops: plan.ops.filter((op: PlanOp) => op.op !== "numberFormat") },
    {
      cachedValues: false,
    },
  );
  const file = path.join(work, "edited.xlsx");
  await fs.writeFile(file, bytes);
  const result = await recalcToCsv(file, Object.values(SHEETS));
  const cmp = compareWorkbook(result.sheets, { model, settings, singleUnit: false });
  if (cmp.diffs.length > 0) throw new Error(formatDiffs(cmp.diffs));
  expect(cmp.knownIssues).toEqual([]);

  // Kiểm tra as LibreOffice computed it, on the edited rows.
  const A = result.sheets.get(SHEETS.assignments) as string[][];
  const check = ASSIGNMENT_COLUMNS.findIndex((c) => c.key === "check");
  const rowOf = (a: (typeof leads)[number]) => 1 + model.assignments.indexOf(a);
  expect(A[rowOf(leads[0])][check]).toBe(CHECK_LABELS.unitSpelling);
  expect(A[rowOf(leads[1])][check]).toBe(CHECK_LABELS.unitSpelling);
  expect(A[rowOf(leads[2])][check]).toBe(CHECK_LABELS.completedAfterReport);
  expect(A[rowOf(leads[3])][check]).toBe("");

  // Tổng hợp: the edited cells are lines of their own, in the sheet as in the pane.
  const lines = summaryLines(model.assignments, settings).lines.map((l) => l.unit);
  expect(lines).toContain("Sở Nội vụ ");
  expect(lines).toContain("Sở Nội vụ".normalize("NFD"));
  const T = (result.sheets.get(SHEETS.summary) as string[][]).map((r) => r[0]);
  expect(T).toContain("Sở Nội vụ ");
});
