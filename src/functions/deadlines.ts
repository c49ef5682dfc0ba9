/**
 * CCHC.DEADLINE, CCHC.STATUS, CCHC.ISOVERDUE: deadlines and the state of one task.
 */
import {
  classifyTask,
  parseDeadline,
  TASK_STATUS_LABELS,
  toExcelSerial,
  todayIso,
  type TaskStatus,
} from "./core";
import { valueError, guard } from "./errors";
import { DEFAULT_PLAN_YEAR, isBlank, readCell, readDate, readDone, readDue, readNumber } from "./args";

/** Năm kế hoạch: blank → 2024; a whole number 1900–9999 (also as text). */
export function readPlanYear(v: unknown): number {
  return readNumber(v, "Năm kế hoạch", { min: 1900, max: 9999, integer: true }) ?? DEFAULT_PLAN_YEAR;
}

/** Ngày báo cáo: blank → today (local date of this computer). */
export function readReportDate(v: unknown): string {
  return readDate(v, "Ngày báo cáo") ?? todayIso();
}

/** CCHC.DEADLINE: the due date (serial) of a deadline text; "" when there is no fixed deadline. */
export function deadlineSerial(text: unknown, planYear: unknown): number | string {
  return guard(() => {
    const year = readPlanYear(planYear);
    const cell = readCell(text, "Thời hạn");
    if (isBlank(cell)) return "";
    if (typeof cell === "boolean") {
      throw valueError(
        `Thời hạn phải là chữ (như “Quý IV/2024”) hoặc một ngày, không phải ${cell ? "TRUE" : "FALSE"}.`,
      );
    }
    if (typeof cell === "number") {
      // A date cell: validated (before 1900, negative, NaN…) by readDue.
      const due = readDue(cell, "Thời hạn", year) as string;
      return toExcelSerial(due);
    }
    const parsed = parseDeadline(cell, year);
    if (parsed.problem) throw valueError(parsed.problem);
    return parsed.due ? toExcelSerial(parsed.due) : "";
  });
}

function classify(due: unknown, status: unknown, completedOn: unknown, reportDate: unknown): TaskStatus {
  const dueIso = readDue(due, "Thời hạn");
  const done = readDone(status, "Trạng thái");
  const completedIso = readDate(completedOn, "Ngày hoàn thành");
  const asOf = readReportDate(reportDate);
  return classifyTask({ due: dueIso, done, completedOn: completedIso }, asOf);
}

/** CCHC.STATUS: the Vietnamese label of the task's state on the report date. */
export function taskStatusLabel(
  due: unknown,
  status: unknown,
  completedOn: unknown,
  reportDate: unknown,
): string {
  return guard(() => TASK_STATUS_LABELS[classify(due, status, completedOn, reportDate)].vi);
}

/** CCHC.ISOVERDUE: not done and past its deadline on the report date. */
export function isOverdue(due: unknown, status: unknown, reportDate: unknown): boolean {
  return guard(() => classify(due, status, null, reportDate) === "overdue");
}
