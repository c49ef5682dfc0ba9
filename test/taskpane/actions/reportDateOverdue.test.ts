/**
 * Ngày báo cáo and Đánh dấu quá hạn against the workbook double: the named cell is written as a
 * date or =TODAY(); the overdue counts equal the core twins of the sheet's formulas, the filter
 * shows exactly the Q4/recurring overdue rows, colour rules never pile up.
 */
import { setReportDate } from "../../../src/taskpane/actions/reportDate";
import { clearOverdueFilter, flagOverdue, selectAssignmentRow } from "../../../src/taskpane/actions/overdue";
import { ActionError } from "../../../src/taskpane/actions/common";
import {
  assignmentCheck,
  assignmentStateLabel,
  defaultSettings,
  periodLabel,
} from "../../../src/core/workbook/evaluate";
import { CHECK_LABELS, IN_CATALOGUE, SHEETS, TABLES } from "../../../src/core/workbook/layout";
import { TASK_STATUS_LABELS } from "../../../src/core/status/status";
import { fromExcelSerial, toExcelSerial } from "../../../src/core/dates/isoDate";
import { assignmentRuleOps } from "../../../src/core/workbook/sheets";
import type { WorkbookDouble } from "../../double/workbookDouble";
import {
  assignmentHeader,
  catalogueWithRows,
  colName,
  heavyTracker,
  installDouble,
  newVersion,
  pull,
  REPORT_DATE,
  syncBudget,
  tableRecords,
  type Row,
} from "../../double/testkit";

async function tracker(rows: number): Promise<WorkbookDouble> {
  const d = installDouble();
  await pull(d, catalogueWithRows(rows), { reportDate: REPORT_DATE });
  return d;
}

/** The user's progress: a spread of statuses, completion dates and evidence over the rows. */
function typeProgress(d: WorkbookDouble): void {
  const t = d.workbook.table(TABLES.assignments);
  const col = (k: Parameters<typeof assignmentHeader>[0]) => colName(t.headers.indexOf(assignmentHeader(k)));
  const statuses = [
    "Đã hoàn thành",
    "Đang thực hiện",
    "",
    "Chưa thực hiện",
    "đã hoàn thành",
    "Hoàn thành rồi",
  ];
  const n = t.rows.length;
  const status: Array<[string]> = [];
  const done: Array<[number | string]> = [];
  const evidence: Array<[string]> = [];
  for (let i = 0; i < n; i++) {
    const s = statuses[i % statuses.length];
    status.push([s]);
    done.push([
      i % 4 === 0 ? toExcelSerial("2024-10-01") + (i % 90) : i % 7 === 0 ? toExcelSerial("2024-12-20") : "",
    ]);
    evidence.push([i % 5 === 0 ? "" : `CV ${i}`]);
  }
  d.workbook.setRaw(t.sheet, `${col("status")}2:${col("status")}${n + 1}`, status);
  d.workbook.setRaw(t.sheet, `${col("completedOn")}2:${col("completedOn")}${n + 1}`, done);
  d.workbook.setRaw(t.sheet, `${col("evidence")}2:${col("evidence")}${n + 1}`, evidence);
}

/** Counts of the sheet's formulas, computed by the core twins from the rows as they are. */
function twins(rows: Row[], reportDate: string) {
  const s = defaultSettings(reportDate);
  const h = assignmentHeader;
  const counts = {
    overdue: 0,
    overdueLead: 0,
    overdueCoordinating: 0,
    overdueQ4: 0,
    dueSoon: 0,
    missingEvidence: 0,
    unknownStatus: 0,
    total: rows.length,
  };
  const items: Array<{ row: number; taskId: string; unit: string; period: string }> = [];
  rows.forEach((r, i) => {
    if (r[h("inCatalogue")] === IN_CATALOGUE.no) return;
    const due = typeof r[h("due")] === "number" ? fromExcelSerial(r[h("due")] as number) : null;
    const a = {
      due,
      status: r[h("status")] === "" ? null : String(r[h("status")]),
      completedOn:
        typeof r[h("completedOn")] === "number" ? fromExcelSerial(r[h("completedOn")] as number) : null,
      evidence: r[h("evidence")] === "" ? null : String(r[h("evidence")]),
    };
    const state = assignmentStateLabel(a, s);
    const period = periodLabel(r[h("kind")] === "Thường xuyên" ? "recurring" : due ? "date" : "none", due);
    if (state === TASK_STATUS_LABELS.overdue.vi) {
      counts.overdue += 1;
      if (r[h("role")] === "Phối hợp") counts.overdueCoordinating += 1;
      else counts.overdueLead += 1;
      if (period === "Quý IV/2024" || period === "Thường xuyên") {
        counts.overdueQ4 += 1;
        items.push({ row: i, taskId: String(r[h("taskId")]), unit: String(r[h("unit")]), period });
      }
    }
    if (state === TASK_STATUS_LABELS["due-soon"].vi) counts.dueSoon += 1;
    const check = assignmentCheck(a);
    if (check === CHECK_LABELS.missingEvidence) counts.missingEvidence += 1;
    if (check === CHECK_LABELS.unknownStatus) counts.unknownStatus += 1;
  });
  return { counts, items };
}

describe("setReportDate", () => {
  test.each<[string, string | "today", { value?: number; formula?: string }]>([
    ["a fixed date", "2024-12-15", { value: toExcelSerial("2024-12-15") }],
    ["the end of the plan year", "2024-12-31", { value: 45657 }],
    ["today", "today", { formula: "=TODAY()" }],
  ])("%s → the NgayBaoCao cell, date format, 2 round trips", async (_label, date, want) => {
    const d = await tracker(55);
    d.stats.reset();
    const stats = await d.Excel.run((ctx) => setReportDate(ctx, date));
    expect(stats.syncs).toBe(2);
    expect(d.stats.syncs).toBe(2);
    const cell = d.workbook.sheet(SHEETS.config).cell("B3");
    expect(cell?.numberFormat).toBe("dd/mm/yyyy");
    if (want.formula) expect(cell?.formula).toBe(want.formula);
    else expect([cell?.value, cell?.formula]).toEqual([want.value, undefined]);
  });

  test("follows the name, wherever it points", async () => {
    const d = await tracker(55);
    await d.Excel.run(async (ctx) => {
      ctx.workbook.names.getItem("NgayBaoCao").delete();
      ctx.workbook.names.add("NgayBaoCao", "='Cấu hình'!$D$40");
      await ctx.sync();
    });
    await d.Excel.run((ctx) => setReportDate(ctx, "2024-10-01"));
    expect(d.workbook.sheet(SHEETS.config).values("D40")).toEqual([[toExcelSerial("2024-10-01")]]);
    expect(d.workbook.sheet(SHEETS.config).values("B3")).toEqual([[toExcelSerial(REPORT_DATE)]]);
  });

  test.each(["2024-02-30", "30/11/2024", ""])(
    "an invalid date %j → ActionError before any round trip",
    async (date) => {
      const d = await tracker(55);
      d.stats.reset();
      await expect(d.Excel.run((ctx) => setReportDate(ctx, date))).rejects.toBeInstanceOf(ActionError);
      expect(d.stats.syncs).toBe(0);
    },
  );

  test("a workbook without the tracker → ActionError, nothing written", async () => {
    const d = installDouble();
    const before = d.workbook.snapshot();
    const err = await d.Excel.run((ctx) => setReportDate(ctx, "2024-12-01")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ActionError);
    expect((err as ActionError).hint).toMatch(/Nạp danh mục/);
    expect(d.workbook.snapshot()).toEqual(before);
  });
});

describe("flagOverdue", () => {
  test.each<[string, number, string]>([
    ["55 rows", 55, REPORT_DATE],
    ["5,000 rows", 5000, REPORT_DATE],
    ["5,000 rows, report date 31/12/2024", 5000, "2024-12-31"],
  ])(
    "%s: counts and items equal the core twins; the filter shows Q4 + recurring overdue rows",
    async (_label, n, reportDate) => {
      const d = await tracker(n);
      typeProgress(d);
      if (reportDate !== REPORT_DATE) await d.Excel.run((ctx) => setReportDate(ctx, reportDate));
      d.stats.reset();
      const out = await d.Excel.run((ctx) => flagOverdue(ctx));
      const want = twins(tableRecords(d, TABLES.assignments), reportDate);
      expect(out.reportDate).toBe(reportDate);
      expect(out.counts).toEqual(want.counts);
      expect(out.items.map(({ row, taskId, unit, period }) => ({ row, taskId, unit, period }))).toEqual(
        want.items,
      );
      expect(out.counts.overdueQ4).toBeGreaterThan(0);
      expect(out.filterApplied).toBe(true);
      const t = d.workbook.table(TABLES.assignments);
      expect(
        Object.fromEntries(Object.entries(t.filters).map(([i, v]) => [t.headers[Number(i)], v])),
      ).toEqual({
        [assignmentHeader("state")]: ["Quá hạn"],
        [assignmentHeader("period")]: ["Quý IV/2024", "Thường xuyên"],
      });
      expect(out.stats.syncs).toBeLessThanOrEqual(n > 4000 ? 3 : 2);
      expect(d.stats.syncs).toBe(out.stats.syncs);
    },
    60_000,
  );

  test("20,000 rows with 488-character titles and filled-in notes: every response < 5 MB, syncs within the byte budget", async () => {
    const { d } = await heavyTracker(20000);
    const out = await d.Excel.run((ctx) => flagOverdue(ctx));
    expect(out.counts.total).toBe(20000);
    expect(d.stats.perSync.map((s) => s.responseBytes).filter((b) => b >= 5_000_000)).toEqual([]);
    expect(d.stats.syncs).toBeLessThanOrEqual(syncBudget(d.stats.totalBytes()));
  }, 120_000);

  test("rows of tasks that left the catalogue are not counted", async () => {
    const d = installDouble();
    const base = catalogueWithRows(55);
    await pull(d, base, { reportDate: REPORT_DATE });
    await pull(d, newVersion(base, { add: 0, remove: 4 }).catalogue);
    const rows = tableRecords(d, TABLES.assignments);
    expect(rows.some((r) => r[assignmentHeader("inCatalogue")] === IN_CATALOGUE.no)).toBe(true);
    const out = await d.Excel.run((ctx) => flagOverdue(ctx));
    expect(out.counts).toEqual(twins(rows, REPORT_DATE).counts);
  });

  test("twice: the colour rules are replaced, not piled up; applyFilter: false leaves no filter", async () => {
    const d = await tracker(55);
    typeProgress(d);
    const rules = assignmentRuleOps(1, 55).filter((o) => o.op === "conditionalFormat").length;
    await d.Excel.run((ctx) => flagOverdue(ctx));
    await d.Excel.run((ctx) => flagOverdue(ctx));
    expect(d.workbook.sheet(SHEETS.assignments).conditionalFormats.length).toBe(rules);
    await d.Excel.run((ctx) => clearOverdueFilter(ctx));
    expect(d.workbook.table(TABLES.assignments).isFiltered).toBe(false);
    const out = await d.Excel.run((ctx) => flagOverdue(ctx, { applyFilter: false }));
    expect(out.filterApplied).toBe(false);
    expect(d.workbook.table(TABLES.assignments).isFiltered).toBe(false);
  });

  test("after the user inserted a column and set a filter: the user's filter is cleared, ours lands on the right columns", async () => {
    const d = await tracker(55);
    typeProgress(d);
    d.workbook.insertTableColumn(TABLES.assignments, 2, "Ghi chú của tôi");
    d.workbook.filterTable(TABLES.assignments, "Ghi chú của tôi", ["x"]);
    const out = await d.Excel.run((ctx) => flagOverdue(ctx));
    expect(out.counts).toEqual(twins(tableRecords(d, TABLES.assignments), REPORT_DATE).counts);
    const t = d.workbook.table(TABLES.assignments);
    expect(
      Object.keys(t.filters)
        .map((i) => t.headers[Number(i)])
        .sort(),
    ).toEqual([assignmentHeader("period"), assignmentHeader("state")].sort());
    // The colour rules cover the widened table.
    expect(
      d.workbook
        .sheet(SHEETS.assignments)
        .conditionalFormats.some((c) => c.address === `A2:T${t.rows.length + 1}`),
    ).toBe(true);
  });

  test("clearOverdueFilter on a workbook without PhanCong does nothing and does not fail", async () => {
    const d = installDouble();
    const before = d.workbook.snapshot();
    await d.Excel.run((ctx) => clearOverdueFilter(ctx));
    expect(d.workbook.snapshot()).toEqual(before);
  });

  test("selectAssignmentRow selects the data row and brings Phân công forward", async () => {
    const d = await tracker(55);
    await d.Excel.run((ctx) => selectAssignmentRow(ctx, 9));
    expect(d.workbook.selection()).toBe("'Phân công'!A11:S11");
    expect(d.workbook.activeSheet()).toBe(SHEETS.assignments);
  });

  test("a broken Cấu hình (report date is text) → ActionError naming the cell, nothing written", async () => {
    const d = await tracker(55);
    d.workbook.type(SHEETS.config, "B3", [["'hôm nay"]]);
    d.workbook.clearWrites();
    await expect(d.Excel.run((ctx) => flagOverdue(ctx))).rejects.toThrow(/Ngày báo cáo/);
    expect(d.workbook.writes()).toEqual([]);
  });
});
