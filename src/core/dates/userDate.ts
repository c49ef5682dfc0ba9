/**
 * Dates as people type and read them (ngày người dùng gõ): dd/mm/yyyy first, as Vietnamese write
 * dates, and the ISO form YYYY-MM-DD. Every date shown in the pane or the command line goes
 * through formatViDate; every date typed goes through parseUserDate, whatever the OS language.
 */
import { formatIsoDate, isIsoDate, isValidYmd, parseIsoDate } from "./isoDate";

const DMY = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})$/;

/**
 * "15/12/2024", "15-12-2024", "15.12.2024", "5/1/2025" or "2024-12-15" → "2024-12-15"; anything
 * else (a date that does not exist such as 31/02/2024, month-first text, two-digit years) → null.
 */
export function parseUserDate(text: unknown): string | null {
  if (typeof text !== "string") return null;
  const s = text.normalize("NFC").trim();
  if (isIsoDate(s)) return s;
  const m = DMY.exec(s);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[3]), Number(m[4])];
  return isValidYmd(year, month, day) ? formatIsoDate(year, month, day) : null;
}

/** "2024-12-15" → "15/12/2024"; text that is not an ISO date is returned as it is. */
export function formatViDate(iso: string): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  return `${String(d.day).padStart(2, "0")}/${String(d.month).padStart(2, "0")}/${String(d.year).padStart(4, "0")}`;
}

/**
 * The report date a plan of `planYear` opens with: today, but no later than 31/12 of the plan year
 * (a 2024 plan opened in 2026 would otherwise show nearly every task overdue). `clamped` says
 * whether today was replaced, so the pane can say which date is in force.
 */
export function defaultReportDate(
  todayIsoDate: string,
  planYear: number | null | undefined,
): {
  date: string;
  clamped: boolean;
} {
  if (!planYear || !Number.isInteger(planYear) || planYear < 1900 || planYear > 9999)
    return { date: todayIsoDate, clamped: false };
  const end = formatIsoDate(planYear, 12, 31);
  return todayIsoDate > end ? { date: end, clamped: true } : { date: todayIsoDate, clamped: false };
}
