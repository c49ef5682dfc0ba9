/**
 * Issue 20 on a real engine: a 2026 plan of the new Quảng Ngãi (new communes, “UBND các xã,
 * phường, đặc khu”, “UBND cấp xã”, departments of 2025) with a progress file is exported headlessly
 * (`npm run workbook`'s main function) and its formulas recalculated by LibreOffice: every formula
 * cell equals the core's twin (same comparison as libreoffice.e2e.ts), on the sheet “Nhiệm vụ 2026”.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { parseCatalogue } from "../../src/core/catalogue/parse";
import { defaultSettings } from "../../src/core/workbook/evaluate";
import { SHEETS, tasksSheetName } from "../../src/core/workbook/layout";
import { REPORT_SUBJECT } from "../../src/core/workbook/reportDoc";
import type { PlanOp } from "../../src/core/workbook/plan";
import { parseProgressCsv } from "../../src/core/workbook/progress";
import { planExport, runWorkbookCli } from "../../src/export/cli";
import { writeWorkbook } from "../../src/export/xlsxWriter";
import { compareWorkbook, formatDiffs } from "./lib/compareWorkbook";
import { hasSoffice, recalcToCsv, tempDir } from "./lib/libreoffice";

jest.setTimeout(600_000);

const FIXTURE = path.join(__dirname, "..", "fixtures", "plan-2026.json");
const PROGRESS = [
  "task_id,unit,status,completed_on,evidence",
  "I.2,Sở Nội vụ,Đã hoàn thành,2026-03-20,https://example.gov.vn/bc-q1",
  "I.1,Xã Đặng Thùy Trâm,Đã hoàn thành,2026-04-15,",
  "I.1,Đặc khu Lý Sơn,Đã hoàn thành,2026-03-01,",
  "I.1,Sở Nông nghiệp và Môi trường,Đang thực hiện,,",
  "II.1,Xã Sơn Hà,Đã hoàn thành,2026-05-30,",
  "II.1,Xã Sơn Hạ,Đã hoàn thành,2026-07-15,",
  "III.1,Phường Cẩm Thành,Đã hoàn thành,2026-09-30,",
  "III.2,Xã Sơn Thuỷ,Đã hoàn thành,2026-12-20,",
].join("\n");

let work = "";
beforeAll(async () => {
  work = await tempDir("plan-years-e2e-");
});
afterAll(async () => {
  if (work) await fs.rm(work, { recursive: true, force: true });
});

test("a 2026 plan: exported headlessly, recalculated by LibreOffice, the same numbers as the core", async () => {
  if (!(await hasSoffice()))
    throw new Error("LibreOffice (soffice) is required: apt-get install libreoffice-calc");
  const catalogue = parseCatalogue(await fs.readFile(FIXTURE, "utf8"));
  const settings = defaultSettings("2026-10-31");

  // The command itself writes the file (exit 0) for this plan and progress.
  const progressFile = path.join(work, "tien-do.csv");
  await fs.writeFile(progressFile, PROGRESS);
  const out = path.join(work, "cli-2026.xlsx");
  let stderr = "";
  const code = await runWorkbookCli(
    ["--catalogue", FIXTURE, "--report-date", "2026-10-31", "--progress", progressFile, "--out", out],
    { stdout: () => undefined, stderr: (s) => (stderr += s), now: () => new Date(Date.UTC(2026, 9, 31)) },
  );
  expect(stderr).toBe("");
  expect(code).toBe(0);

  // The same plan, written without cached values and formats, recalculated by the engine.
  const built = planExport({
    catalogue,
    settings,
    progress: parseProgressCsv(PROGRESS),
    loadedFrom: "plan-2026.json",
    loadedAt: "2026-10-31T08:00:00.000Z",
  });
  expect(built.problems).toEqual([]);
  const { plan, model } = built.plan as NonNullable<typeof built.plan>;
  const ops = plan.ops.filter((op: PlanOp) => op.op !== "numberFormat");
  const file = path.join(work, "engine-2026.xlsx");
  await fs.writeFile(file, await writeWorkbook({ ops }, { cachedValues: false }));
  const tasksSheet = tasksSheetName(2026);
  const sheetNames = [tasksSheet, SHEETS.assignments, SHEETS.summary, SHEETS.config, SHEETS.report];
  const result = await recalcToCsv(file, sheetNames);
  expect([...result.sheets.keys()]).toContain(tasksSheet);
  const cmp = compareWorkbook(result.sheets, { model, settings, singleUnit: false, tasksSheet });
  if (cmp.diffs.length > 0) throw new Error(formatDiffs(cmp.diffs));
  expect(cmp.knownIssues).toEqual([]);
  expect(cmp.checked).toBeGreaterThan(model.assignments.length * 10);
  // Xã Sơn Hà and Xã Sơn Hạ are two lines of Tổng hợp, as COUNTIFS counts them.
  const summaryUnits = (result.sheets.get(SHEETS.summary) ?? []).map((r) => r[0]);
  expect(summaryUnits).toContain("Xã Sơn Hà");
  expect(summaryUnits).toContain("Xã Sơn Hạ");
  expect(summaryUnits.some((u) => /^Huyện /.test(u ?? ""))).toBe(false);
  // The report (a document since issue 18) names the plan year in its subject line.
  const reportText = (result.sheets.get(SHEETS.report) ?? []).flat().join("\n");
  expect(reportText).toContain(`${REPORT_SUBJECT} năm 2026`);
  expect(reportText).not.toContain(`${REPORT_SUBJECT} năm 2024`);
});
