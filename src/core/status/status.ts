/**
 * Trạng thái (what people type in a status column) and tình trạng (the computed state of an
 * assignment as of a report date).
 */
import { foldVietnamese } from "../text/fold";
import { decodeLegacyVietnamese } from "../text/legacy";
import { daysBetween, isIsoDate } from "../dates/isoDate";

export type ProgressStatus = "done" | "in-progress" | "not-started";

/** The three values the workbook's Trạng thái drop-down offers (canonical spellings). */
export const STATUS_CHOICES: Record<ProgressStatus, { vi: string; en: string }> = {
  done: { vi: "Đã hoàn thành", en: "Done" },
  "in-progress": { vi: "Đang thực hiện", en: "In progress" },
  "not-started": { vi: "Chưa thực hiện", en: "Not started" },
};

const DONE_MARKS = new Set([
  "x",
  "v",
  "ok",
  "yes",
  "y",
  "co",
  "1",
  "true",
  "done",
  "completed",
  "complete",
  "finished",
  "xong",
  "dat",
  "roi",
]);
/** Check marks, with or without the emoji variation selector (U+FE0F: "✔️"); "√" as typed on Windows. */
const DONE_SYMBOLS = /^[\s\uFE0F]*[✓✔☑✅🗸√][\s✓✔☑✅🗸√\uFE0F]*$/u;
const NOT_DONE_MARKS = new Set([
  "0",
  "false",
  "no",
  "n",
  "khong",
  "chua",
  "todo",
  "pending",
  "open",
  "not started",
  "not done",
]);
const NOT_DONE_SYMBOLS = /^[\s\uFE0F]*[✗✘☐❌][\s✗✘☐❌\uFE0F]*$/u;
const IN_PROGRESS_MARKS = new Set(["in progress", "ongoing", "started", "doing", "wip", "dang"]);

function fromNumber(n: number): ProgressStatus | null {
  if (!Number.isFinite(n) || n < 0) return null;
  if (n === 0) return "not-started";
  if (n === 1 || n === 100) return "done";
  if (n > 100) return null;
  return "in-progress"; // a progress fraction (0.5) or percentage (50)
}

/**
 * "Đã hoàn thành", "Hoàn thành (trễ hạn)", "x", "✓", TRUE, 1 → done; "Đang thực hiện" →
 * in-progress; "Chưa thực hiện", "Chưa hoàn thành", FALSE, 0 → not-started; empty → null;
 * anything else → null (unknown: callers show it as such, never guess).
 */
export function parseStatus(value: unknown): ProgressStatus | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return value ? "done" : "not-started";
  if (typeof value === "number") return fromNumber(value);
  if (typeof value !== "string") return null;
  const raw = decodeLegacyVietnamese(value).trim();
  if (raw === "") return null;
  if (DONE_SYMBOLS.test(raw)) return "done";
  if (NOT_DONE_SYMBOLS.test(raw)) return "not-started";
  const k = foldVietnamese(raw);
  if (k === "") return null;
  if (DONE_MARKS.has(k)) return "done";
  if (NOT_DONE_MARKS.has(k)) return "not-started";
  if (IN_PROGRESS_MARKS.has(k)) return "in-progress";
  // Negations first: "Chưa hoàn thành" contains "hoàn thành".
  if (/^(chua|khong|not|no)\b/.test(k)) return "not-started";
  // "Hoàn thành 50%", "đạt 100%", "0,5", "75".
  const percent = /(\d{1,3}(?:[.,]\d+)?)\s*%/.exec(raw);
  if (percent) {
    const n = Number(percent[1].replace(",", "."));
    return n === 0 ? "not-started" : n < 100 ? "in-progress" : n === 100 ? "done" : null;
  }
  if (/^\d+(?:[.,]\d+)?$/.test(raw)) return fromNumber(Number(raw.replace(",", ".")));
  if (/\b(qua han|tre han)$/.test(k) && !/hoan thanh|xong/.test(k)) return "not-started";
  if (/^(dang|tiep tuc|in progress)\b/.test(k) || /\b(mot phan|co ban hoan thanh|dang thuc hien)\b/.test(k)) {
    return "in-progress";
  }
  if (
    /^(da )?(hoan thanh|hoan tat|xong|thuc hien xong|ban hanh|trien khai xong)\b/.test(k) ||
    /^da (thuc hien|ban hanh|trien khai|xong)\b/.test(k)
  ) {
    return "done";
  }
  if (/^(done|completed?|finished)\b/.test(k)) return "done";
  return null;
}

export type TaskStatus =
  "done-on-time" | "done-late" | "done" | "overdue" | "due-soon" | "open" | "no-deadline";

export const TASK_STATUSES: readonly TaskStatus[] = [
  "done-on-time",
  "done-late",
  "done",
  "overdue",
  "due-soon",
  "open",
  "no-deadline",
];

/** Labels of each computed status; the workbook formulas write exactly these Vietnamese strings. */
export const TASK_STATUS_LABELS: Record<TaskStatus, { vi: string; en: string }> = {
  "done-on-time": { vi: "Hoàn thành đúng hạn", en: "Done on time" },
  "done-late": { vi: "Hoàn thành trễ hạn", en: "Done late" },
  done: { vi: "Hoàn thành", en: "Done" },
  overdue: { vi: "Quá hạn", en: "Overdue" },
  "due-soon": { vi: "Sắp đến hạn", en: "Due soon" },
  open: { vi: "Chưa đến hạn", en: "Not yet due" },
  "no-deadline": { vi: "Không có thời hạn", en: "No deadline" },
};

export const DEFAULT_DUE_SOON_DAYS = 7;

export interface ClassifyInput {
  due: string | null;
  done: boolean;
  completedOn?: string | null;
}

/**
 * The state of one assignment on `asOf` ("YYYY-MM-DD"): done with a completion date → on time
 * when completedOn ≤ due, else late; done without a date or without a deadline → "done"; not
 * done: no deadline → "no-deadline"; asOf > due → "overdue"; due within `dueSoonDays` (7)
 * days on or after asOf → "due-soon"; else "open".
 */
export function classifyTask(
  task: ClassifyInput,
  asOf: string,
  options?: { dueSoonDays?: number },
): TaskStatus {
  const due = isIsoDate(task.due) ? task.due : null;
  if (task.done) {
    const completedOn = isIsoDate(task.completedOn) ? task.completedOn : null;
    if (!due || !completedOn) return "done";
    return completedOn <= due ? "done-on-time" : "done-late";
  }
  if (!due) return "no-deadline";
  if (!isIsoDate(asOf)) throw new RangeError(`Ngày báo cáo không hợp lệ: ${String(asOf)}`);
  if (asOf > due) return "overdue";
  const soon = options?.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  return daysBetween(asOf, due) <= soon ? "due-soon" : "open";
}
