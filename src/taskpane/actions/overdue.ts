/**
 * Đánh dấu quá hạn (flag overdue): counts of each state as of the report date, the list of Q4
 * and recurring assignments overdue as of the report date (with a jump to each row), missing
 * evidence, and a filter on the table showing exactly those rows. The colour rules themselves
 * are Excel conditional formats created with the tables; this action re-applies them. The pane
 * computes states with the core's twins of the Tình trạng / Kỳ hạn / Kiểm tra formulas (the
 * e2e suite proves them equal to a spreadsheet engine's results), from the typed columns.
 */
import { TASK_STATUS_LABELS } from "../../core/status/status";
import {
  CHECK_LABELS,
  DEADLINE_KIND_LABELS,
  SHEETS,
  TABLES,
  type AssignmentColumnKey,
} from "../../core/workbook/layout";
import { assignmentCheck, assignmentStateLabel, periodLabel } from "../../core/workbook/evaluate";
import { assignmentColumnIndex, assignmentFromRow } from "../../core/workbook/assignmentRow";
import { formatCellIssue, type CellIssue } from "../../core/workbook/cellValues";
import { assignmentRuleOps } from "../../core/workbook/sheets";
import { rangeAddress, type PlanOp } from "../../core/workbook/plan";
import { applyPlan } from "../excel/applyPlan";
import { clearTableFilters, selectTableRow } from "../excel/workbookOps";
import { assignmentHeader, explainOfficeError, readTrackerFor, SyncMeter, type ActionStats } from "./common";

export interface OverdueItem {
  /** 0-based data-body row of the PhanCong table. */
  row: number;
  taskId: string;
  title: string;
  unit: string;
  period: string;
}

export interface OverdueOutcome {
  /** Q4 (of the plan year) and recurring assignments overdue as of the report date. */
  items: OverdueItem[];
  counts: {
    /** Every overdue assignment, lead and coordinating. */
    overdue: number;
    /** Overdue assignments of lead units (what Tổng hợp counts by default) and of coordinating ones. */
    overdueLead?: number;
    overdueCoordinating?: number;
    overdueQ4: number;
    dueSoon: number;
    missingEvidence: number;
    unknownStatus: number;
    total: number;
  };
  reportDate: string;
  filterApplied: boolean;
  stats: ActionStats;
  /** Cells the formulas cannot read (sheet, row, column, value, what to do); the rest was counted. */
  cellProblems?: string[];
}

const NEEDED: AssignmentColumnKey[] = [
  "taskId",
  "title",
  "unit",
  "due",
  "kind",
  "inCatalogue",
  "status",
  "completedOn",
  "evidence",
  "role",
];
const header = assignmentHeader;

export async function flagOverdue(
  context: Excel.RequestContext,
  options: { applyFilter?: boolean; chunkBytes?: number } = {},
): Promise<OverdueOutcome> {
  const meter = new SyncMeter(context);
  try {
    const { snap, settings } = await readTrackerFor(context, meter, NEEDED, options.chunkBytes, [
      "state",
      "period",
      "check",
    ]);
    const planYear = snap.config?.catalogue.planYear ?? Number(settings.reportDate.slice(0, 4));
    const h = snap.assignments.headers;
    const col = (k: AssignmentColumnKey) => h.indexOf(header(k));
    const q4 = `Quý IV/${planYear}`;
    const recurring = "Thường xuyên";
    const counts = {
      overdue: 0,
      overdueLead: 0,
      overdueCoordinating: 0,
      overdueQ4: 0,
      dueSoon: 0,
      missingEvidence: 0,
      unknownStatus: 0,
      total: snap.assignments.rowCount,
    };
    const items: OverdueItem[] = [];
    const idx = assignmentColumnIndex(h);
    const issues: CellIssue[] = [];
    snap.assignments.rows.forEach((r, i) => {
      const a = assignmentFromRow(r, idx, i, issues);
      if (!a.inCatalogue) return;
      const kindText = String(r[col("kind")] ?? "");
      const due = a.due;
      const state = assignmentStateLabel(a, settings);
      const period = periodLabel(
        kindText === DEADLINE_KIND_LABELS.recurring.vi ? "recurring" : due ? "date" : "none",
        due,
      );
      const check = assignmentCheck(a, settings);
      if (state === TASK_STATUS_LABELS.overdue.vi) {
        counts.overdue += 1;
        if (String(r[col("role")] ?? "") === "Phối hợp") counts.overdueCoordinating += 1;
        else counts.overdueLead += 1;
        if (period === q4 || period === recurring) {
          counts.overdueQ4 += 1;
          items.push({
            row: i,
            taskId: a.taskId,
            title: a.title,
            unit: a.unit,
            period,
          });
        }
      }
      if (state === TASK_STATUS_LABELS["due-soon"].vi) counts.dueSoon += 1;
      if (check === CHECK_LABELS.missingEvidence) counts.missingEvidence += 1;
      if (check === CHECK_LABELS.unknownStatus) counts.unknownStatus += 1;
    });
    const first = 1;
    const last = snap.assignments.rowCount;
    const ops: PlanOp[] = [
      { op: "ensureSheet", sheet: SHEETS.assignments },
      { op: "clearTableFilters", table: TABLES.assignments },
      {
        op: "clearConditionalFormats",
        sheet: SHEETS.assignments,
        address: rangeAddress(first, 0, last, h.length - 1),
      },
      ...assignmentRuleOps(first, last, col, h.length).filter((o) => o.op === "conditionalFormat"),
    ];
    const filter = options.applyFilter !== false && counts.overdueQ4 > 0;
    if (filter) {
      ops.push(
        {
          op: "autoFilter",
          table: TABLES.assignments,
          column: h.indexOf(header("state")),
          values: [TASK_STATUS_LABELS.overdue.vi],
        },
        {
          op: "autoFilter",
          table: TABLES.assignments,
          column: h.indexOf(header("period")),
          values: [q4, recurring],
        },
      );
    }
    meter.add(await applyPlan(context, { ops }, { meta: snap.meta, chunkBytes: options.chunkBytes }));
    return {
      items,
      counts,
      reportDate: settings.reportDate,
      filterApplied: filter,
      stats: meter.stats(),
      cellProblems: issues.map(formatCellIssue),
    };
  } catch (e) {
    throw explainOfficeError(e);
  }
}

/** Shows all rows again (removes the overdue filter). */
export async function clearOverdueFilter(context: Excel.RequestContext): Promise<void> {
  try {
    await clearTableFilters(context, TABLES.assignments);
  } catch (e) {
    throw explainOfficeError(e);
  }
}

/** Jumps to one assignment row (selects it and brings the sheet forward). */
export async function selectAssignmentRow(context: Excel.RequestContext, row: number): Promise<void> {
  try {
    await selectTableRow(context, TABLES.assignments, row);
  } catch (e) {
    throw explainOfficeError(e);
  }
}
