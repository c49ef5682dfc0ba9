/**
 * Calendar dates as "YYYY-MM-DD" strings (ngày lịch) and Excel serials (số ngày Excel, hệ 1900).
 * A calendar date has no time zone; all arithmetic is done in UTC so the local zone never shifts it.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
/** Excel's day 0 for serials ≥ 61 (Excel counts a 29/02/1900 that never existed). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** Largest serial Excel accepts: 31/12/9999. */
export const MAX_EXCEL_SERIAL = 2_958_465;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Parses "YYYY-MM-DD" (a real calendar date) or returns null. */
export function parseIsoDate(text: unknown): { year: number; month: number; day: number } | null {
  if (typeof text !== "string") return null;
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(year, month, day) ? { year, month, day } : null;
}

export function isIsoDate(text: unknown): text is string {
  return parseIsoDate(text) !== null;
}

/** Days since 1970-01-01 of a valid ISO date (years 1–99 too: Date.UTC alone maps them to 1900–1999). */
function epochDays(iso: string): number {
  const d = parseIsoDate(iso);
  if (!d) throw new RangeError(`Ngày không hợp lệ (cần dạng YYYY-MM-DD): ${String(iso)}`);
  const date = new Date(Date.UTC(2000, d.month - 1, d.day));
  date.setUTCFullYear(d.year, d.month - 1, d.day);
  return date.getTime() / MS_PER_DAY;
}

/** First and last dates an Excel cell can hold (1900 date system). */
export const EXCEL_FIRST_DATE = "1900-01-01";
export const EXCEL_LAST_DATE = "9999-12-31";

/** A valid "YYYY-MM-DD" that Excel can hold (01/01/1900 – 31/12/9999). */
export function isExcelDate(text: unknown): text is string {
  return isIsoDate(text) && text >= EXCEL_FIRST_DATE;
}

function fromEpochDays(days: number): string {
  const date = new Date(days * MS_PER_DAY);
  return formatIsoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** "2024-01-01" → 45292 (Excel 1900 date system). */
export function toExcelSerial(isoDate: string): number {
  if (isIsoDate(isoDate) && isoDate < EXCEL_FIRST_DATE)
    throw new RangeError(`Ngày ${isoDate} nằm ngoài khoảng Excel lưu được (01/01/1900–31/12/9999).`);
  const days = epochDays(isoDate) - EXCEL_EPOCH_MS / MS_PER_DAY;
  // Before 01/03/1900 Excel is one day behind because of its phantom 29/02/1900.
  return days < 61 ? days - 1 : days;
}

/**
 * 45292 → "2024-01-01". The time of day (fraction) is dropped. Serial 60 is Excel's phantom
 * 29/02/1900 and is read as 28/02/1900. Throws RangeError outside 1..2958465.
 */
export function fromExcelSerial(serial: number): string {
  if (
    typeof serial !== "number" ||
    !Number.isFinite(serial) ||
    serial < 1 ||
    serial >= MAX_EXCEL_SERIAL + 1
  ) {
    throw new RangeError(`Số ngày Excel không hợp lệ: ${String(serial)}`);
  }
  const whole = Math.floor(serial);
  const adjusted = whole < 61 ? whole + 1 : whole;
  return fromEpochDays(EXCEL_EPOCH_MS / MS_PER_DAY + (whole === 60 ? 60 : adjusted));
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return epochDays(b) - epochDays(a);
}

export function addDays(iso: string, days: number): string {
  return fromEpochDays(epochDays(iso) + days);
}

/** Today's calendar date in the given clock (injectable for tests). */
export function todayIso(now: Date = new Date()): string {
  return formatIsoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/**
 * A JS Date as a calendar date: a Date at exactly UTC midnight (how spreadsheet libraries and
 * `new Date("2024-12-31")` create dates) is read in UTC, any other instant in local time.
 */
export function isoFromDate(date: Date): string | null {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) return null;
  const utcMidnight =
    date.getUTCHours() === 0 &&
    date.getUTCMinutes() === 0 &&
    date.getUTCSeconds() === 0 &&
    date.getUTCMilliseconds() === 0;
  return utcMidnight
    ? formatIsoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())
    : formatIsoDate(date.getFullYear(), date.getMonth() + 1, date.getDate());
}
