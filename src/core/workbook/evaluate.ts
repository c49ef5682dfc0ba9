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
import { summarizeByUnit, type UnitSummary } from "../summary/summarize";
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

/** Twin of checkFormula. */
export function assignmentCheck(a: Pick<AssignmentRecord, "status" | "completedOn" | "evidence">): string {
  const status = a.status ?? "";
  const done = isDoneCell(status);
  if (done && (a.evidence ?? "").trim() === "") return CHECK_LABELS.missingEvidence;
  const known = Object.values(STATUS_CHOICES).some((c) => c.vi.toLowerCase() === status.toLowerCase());
  if (status !== "" && !known) return CHECK_LABELS.unknownStatus;
  if (a.completedOn && !done) return CHECK_LABELS.dateWithoutDone;
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

/** Twin of the Tổng hợp sheet: one line per counted unit, then the totals. */
export function summaryLines(
  assignments: readonly AssignmentRecord[],
  s: TrackerSettings,
): { lines: SummaryLine[]; total: UnitSummary & Omit<ReviewedFigures, "pointsReviewed"> } {
  const counted = assignments.filter((a) => isCounted(a, s));
  const units = summarizeByUnit(
    counted.map((a) => ({
      unit: a.unit,
      due: a.due,
      done: isDoneCell(a.status),
      completedOn: a.completedOn,
    })),
    s.reportDate,
  );
  // Reviewed counts group rows as the COUNTIFS of Tổng hợp do: by the unit cell's text, case-insensitive.
  const countUnreviewed = s.countUnreviewed ?? true;
  const byUnit = new Map<string, AssignmentRecord[]>();
  for (const a of counted) {
    const k = a.unit.toLowerCase();
    const list = byUnit.get(k) ?? [];
    list.push(a);
    byUnit.set(k, list);
  }
  const lines: SummaryLine[] = units.map((u) => {
    const r = reviewedCounts(byUnit.get(u.unit.toLowerCase()) ?? [], countUnreviewed);
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

/** Twins of the task table's count formulas. */
export function taskCounts(
  taskId: string,
  assignments: readonly AssignmentRecord[],
  s: TrackerSettings,
): { lead: number; done: number; overdue: number } {
  let lead = 0;
  let done = 0;
  let overdue = 0;
  for (const a of assignments) {
    if (a.taskId.toLowerCase() !== taskId.toLowerCase() || !isCounted(a, s)) continue;
    lead += 1;
    if (isDoneCell(a.status)) done += 1;
    if (assignmentStatus(a, s) === "overdue") overdue += 1;
  }
  return { lead, done, overdue };
}

/** Twin of taskProgressFormula. */
export function taskProgressText(c: { lead: number; done: number; overdue: number }): string {
  if (c.lead === 0) return "";
  return `${c.done}/${c.lead} đơn vị hoàn thành${c.overdue > 0 ? ` · ${c.overdue} quá hạn` : ""}`;
}
