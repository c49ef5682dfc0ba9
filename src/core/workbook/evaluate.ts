/**
 * The workbook's formulas, evaluated by the core: each function here is the twin of one
 * formula in ./formulas.ts. The exporter writes these results as cached values, and the
 * LibreOffice suite checks that a real spreadsheet engine computes the same, cell by cell.
 */
import {
  classifyTask,
  STATUS_CHOICES,
  type TaskStatus,
  TASK_STATUS_LABELS,
  DEFAULT_DUE_SOON_DAYS,
} from "../status/status";
import { planScore, type ScoreRule, DEFAULT_SCORE_RULE } from "../scoring/score";
import { type SummaryRow, type UnitSummary } from "../summary/summarize";
import { isOffCanonicalUnit, summarizeByUnitCell } from "../summary/unitCell";
import type { DeadlineKind } from "../dates/deadline";
import { CHECK_LABELS, ROLE } from "./layout";
import type { AssignmentRecord } from "./model";
import { reviewedCounts } from "./review";

export interface TrackerSettings {
  /** "YYYY-MM-DD". */
  reportDate: string;
  dueSoonDays: number;
  includeCoordinating: boolean;
  rule: ScoreRule;
  /** Reviewed figures: claims without a verdict count as done (Cấu hình TinhChuaThamDinh; default true). */
  countUnreviewed?: boolean;
}

export function defaultSettings(reportDate: string): TrackerSettings {
  return {
    reportDate,
    dueSoonDays: DEFAULT_DUE_SOON_DAYS,
    includeCoordinating: false,
    countUnreviewed: true,
    rule: { ...DEFAULT_SCORE_RULE, tiers: DEFAULT_SCORE_RULE.tiers.map((t) => ({ ...t })) },
  };
}

/** Trạng thái cell counts as done exactly when it holds the drop-down's done value (case-insensitive, as Excel's "="). */
export function isDoneCell(status: unknown): boolean {
  return typeof status === "string" && status.toLowerCase() === STATUS_CHOICES.done.vi.toLowerCase();
}

const ROMAN = ["I", "II", "III", "IV"];

/** Twin of periodFormula. */
export function periodLabel(kind: DeadlineKind, due: string | null): string {
  if (kind === "recurring") return "Thường xuyên";
  if (!due) return "";
  const month = Number(due.slice(5, 7));
  return `Quý ${ROMAN[Math.ceil(month / 3) - 1]}/${due.slice(0, 4)}`;
}

/** Twin of stateFormula. */
export function assignmentStatus(
  a: Pick<AssignmentRecord, "due" | "status" | "completedOn">,
  s: TrackerSettings,
): TaskStatus {
  return classifyTask({ due: a.due, done: isDoneCell(a.status), completedOn: a.completedOn }, s.reportDate, {
    dueSoonDays: s.dueSoonDays,
  });
}

export function assignmentStateLabel(
  a: Pick<AssignmentRecord, "due" | "status" | "completedOn">,
  s: TrackerSettings,
): string {
  return TASK_STATUS_LABELS[assignmentStatus(a, s)].vi;
}

// The unit-cell rules COUNTIFS follows live with the summary grouping (one owner, light enough
// for the functions bundle); re-exported here, where the Kiểm tra twin uses them.
export { excelTrim, NFD_MARK_CODES, isOffCanonicalUnit } from "../summary/unitCell";

/**
 * Twin of checkFormula. Without `s` (the report date) the "after the report date" test is
 * skipped (callers that only know the row).
 */
export function assignmentCheck(
  a: Pick<AssignmentRecord, "status" | "completedOn" | "evidence"> & { unit?: string | null },
  s?: Pick<TrackerSettings, "reportDate">,
): string {
  const status = a.status ?? "";
  const done = isDoneCell(status);
  if (done && (a.evidence ?? "").trim() === "") return CHECK_LABELS.missingEvidence;
  const known = Object.values(STATUS_CHOICES).some((c) => c.vi.toLowerCase() === status.toLowerCase());
  if (status !== "" && !known) return CHECK_LABELS.unknownStatus;
  if (a.completedOn && !done) return CHECK_LABELS.dateWithoutDone;
  if (a.completedOn && s && a.completedOn > s.reportDate) return CHECK_LABELS.completedAfterReport;
  if (isOffCanonicalUnit(a.unit)) return CHECK_LABELS.unitSpelling;
  return "";
}

/** Rows the summary counts: tasks still in the catalogue, lead units (and coordinating ones if set). */
export function isCounted(
  a: Pick<AssignmentRecord, "role" | "inCatalogue">,
  s: Pick<TrackerSettings, "includeCoordinating">,
): boolean {
  return a.inCatalogue && (s.includeCoordinating || a.role === ROLE.lead);
}

export interface SummaryLine extends UnitSummary, ReviewedFigures {
  points: number;
}

/** The reviewed figures of a Tổng hợp row (twins of its columns after Điểm). */
export interface ReviewedFigures {
  /** Hoàn thành (thẩm định). */
  doneReviewed: number;
  /** Tỷ lệ (thẩm định). */
  rateReviewed: number;
  /** Điểm thẩm định: the rule applied to rateReviewed (late tasks as self-reported). */
  pointsReviewed: number;
  /** Chưa thẩm định: claims without a verdict. */
  unreviewed: number;
}

/**
 * Twin of the Tổng hợp sheet: one line per counted unit, then the totals. Rows are grouped as
 * the sheet's COUNTIFS counts them — by the unit cell's exact text, compared case-insensitively —
 * so a cell edited to "Sở Nội vụ " (trailing space) or NFD text is its own line, in the pane as in
 * the sheet, and never silently dropped from its unit's line (Kiểm tra flags such a cell).
 * Lines whose text is a unit's canonical name come first in the official order; others follow.
 * The reviewed figures (columns after Điểm) are counted over the same groups.
 */
export function summaryLines(
  assignments: readonly AssignmentRecord[],
  s: TrackerSettings,
): { lines: SummaryLine[]; total: UnitSummary & Omit<ReviewedFigures, "pointsReviewed"> } {
  const rows: Array<SummaryRow & { record: AssignmentRecord }> = [];
  for (const a of assignments) {
    if (!isCounted(a, s)) continue;
    rows.push({
      unit: a.unit,
      due: a.due,
      done: isDoneCell(a.status),
      completedOn: a.completedOn,
      record: a,
    });
  }
  const countUnreviewed = s.countUnreviewed ?? true;
  const reviewedOf = new Map<UnitSummary, ReturnType<typeof reviewedCounts>>();
  const units = summarizeByUnitCell(rows, s.reportDate).map((g) => {
    reviewedOf.set(
      g.line,
      reviewedCounts(
        g.rows.map((r) => r.record),
        countUnreviewed,
      ),
    );
    return g.line;
  });
  const lines: SummaryLine[] = units.map((u) => {
    const r = reviewedOf.get(u) ?? { doneReviewed: 0, unreviewed: 0 };
    const rateReviewed = u.assigned === 0 ? 0 : r.doneReviewed / u.assigned;
    return {
      ...u,
      points: planScore(u.completionRate, s.rule, u.doneLate),
      doneReviewed: r.doneReviewed,
      rateReviewed,
      pointsReviewed: planScore(rateReviewed, s.rule, u.doneLate),
      unreviewed: r.unreviewed,
    };
  });
  const sum = (
    k: "assigned" | "done" | "doneOnTime" | "doneLate" | "overdue" | "doneReviewed" | "unreviewed",
  ) => lines.reduce((n, l) => n + l[k], 0);
  const total: UnitSummary & Omit<ReviewedFigures, "pointsReviewed"> = {
    unit: "Tổng cộng",
    unitId: null,
    assigned: sum("assigned"),
    done: sum("done"),
    doneOnTime: sum("doneOnTime"),
    doneLate: sum("doneLate"),
    overdue: sum("overdue"),
    completionRate: 0,
    doneReviewed: sum("doneReviewed"),
    rateReviewed: 0,
    unreviewed: sum("unreviewed"),
  };
  total.completionRate = total.assigned === 0 ? 0 : total.done / total.assigned;
  total.rateReviewed = total.assigned === 0 ? 0 : total.doneReviewed / total.assigned;
  return { lines, total };
}

export interface TaskCounts {
  lead: number;
  done: number;
  overdue: number;
}

/**
 * Twins of the task table's count formulas (Số đơn vị chủ trì, Đã hoàn thành, Quá hạn), for
 * every task in one pass, keyed by lower-cased task id. The exporter writes these; the
 * LibreOffice suite checks them.
 */
export function taskCountsByTask(
  assignments: readonly AssignmentRecord[],
  s: TrackerSettings,
): Map<string, TaskCounts> {
  const map = new Map<string, TaskCounts>();
  for (const a of assignments) {
    if (!isCounted(a, s)) continue;
    const k = a.taskId.toLowerCase();
    const c = map.get(k) ?? { lead: 0, done: 0, overdue: 0 };
    c.lead += 1;
    if (isDoneCell(a.status)) c.done += 1;
    if (assignmentStatus(a, s) === "overdue") c.overdue += 1;
    map.set(k, c);
  }
  return map;
}

/** One task's counts (taskCountsByTask for a single id). */
export function taskCounts(
  taskId: string,
  assignments: readonly AssignmentRecord[],
  s: TrackerSettings,
): TaskCounts {
  return taskCountsByTask(assignments, s).get(taskId.toLowerCase()) ?? { lead: 0, done: 0, overdue: 0 };
}

/** Twin of taskProgressFormula. */
export function taskProgressText(c: { lead: number; done: number; overdue: number }): string {
  if (c.lead === 0) return "";
  return `${c.done}/${c.lead} đơn vị hoàn thành${c.overdue > 0 ? ` · ${c.overdue} quá hạn` : ""}`;
}
