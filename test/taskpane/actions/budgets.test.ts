/**
 * Round-trip and payload budgets of every task-pane action on big workbooks: the adapters bound
 * round trips by bytes (one per ~4 MB), so each action must stay within 3 + ceil(bytes / 4 MB)
 * syncs (bytes = request + response, as measured by the double), and every single request and
 * response must stay under Excel on the web's 5 MB cap. Offenders are listed together.
 */
import { setReportDate } from "../../../src/taskpane/actions/reportDate";
import { flagOverdue } from "../../../src/taskpane/actions/overdue";
import { applyScoreRule, buildReport, buildSummary } from "../../../src/taskpane/actions/summary";
import { exportCatalogue } from "../../../src/taskpane/actions/catalogueIO";
import { readTrackerStatus } from "../../../src/taskpane/actions/status";
import type { WorkbookDouble } from "../../double/workbookDouble";
import {
  catalogueWithRows,
  fillUserColumns,
  installDouble,
  newVersion,
  pull,
  REPORT_DATE,
  syncBudget,
} from "../../double/testkit";

interface Measure {
  action: string;
  syncs: number;
  budget: number;
  maxRequest: number;
  maxResponse: number;
}

/** The actions in the order a user would run them on one workbook. */
const ACTIONS: Array<[string, (d: WorkbookDouble, rows: number) => Promise<unknown>]> = [
  ["pull (fresh)", (d, n) => pull(d, catalogueWithRows(n), { reportDate: REPORT_DATE })],
  [
    "pull (same catalogue)",
    (d, n) => (fillUserColumns(d, 1), d.stats.reset(), pull(d, catalogueWithRows(n))),
  ],
  ["pull (new version)", (d, n) => pull(d, newVersion(catalogueWithRows(n)).catalogue)],
  ["setReportDate", (d) => d.Excel.run((ctx) => setReportDate(ctx, "2024-12-15"))],
  ["flagOverdue", (d) => d.Excel.run((ctx) => flagOverdue(ctx))],
  ["buildSummary", (d) => d.Excel.run((ctx) => buildSummary(ctx))],
  [
    "applyScoreRule",
    (d) => d.Excel.run((ctx) => applyScoreRule(ctx, { mode: "proportional", maxPoints: 2, threshold: 0.8 })),
  ],
  ["buildReport", (d) => d.Excel.run((ctx) => buildReport(ctx))],
  ["exportCatalogue", (d) => d.Excel.run((ctx) => exportCatalogue(ctx))],
  ["readTrackerStatus", (d) => d.Excel.run((ctx) => readTrackerStatus(ctx))],
];

describe.each<[string, number]>([
  ["5,000", 5000],
  ["50,000", 50000],
])("%s assignment rows", (_label, n) => {
  test("every action: syncs ≤ 3 + ceil(bytes / 4 MB), every request and response < 5 MB", async () => {
    const d = installDouble();
    const measured: Measure[] = [];
    for (const [action, run] of ACTIONS) {
      d.stats.reset();
      await run(d, n);
      measured.push({
        action,
        syncs: d.stats.syncs,
        budget: syncBudget(d.stats.totalBytes()),
        maxRequest: d.stats.maxRequestBytes(),
        maxResponse: d.stats.maxResponseBytes(),
      });
    }
    expect(measured.length).toBe(ACTIONS.length);
    expect(measured.filter((m) => m.syncs > m.budget)).toEqual([]);
    expect(measured.filter((m) => m.maxRequest >= 5_000_000 || m.maxResponse >= 5_000_000)).toEqual([]);
  }, 240_000);
});

describe("small workbooks", () => {
  test("a 55-row workbook is not charged for the empty rows past its tables: every action's response < 100 kB", async () => {
    const d = installDouble();
    await pull(d, catalogueWithRows(55), { reportDate: REPORT_DATE });
    const heavy: Array<[string, number]> = [];
    for (const [action, run] of ACTIONS.slice(1)) {
      d.stats.reset();
      await run(d, 55);
      if (d.stats.totalResponseBytes() >= 100_000) heavy.push([action, d.stats.totalResponseBytes()]);
    }
    expect(heavy).toEqual([]);
  });
});
