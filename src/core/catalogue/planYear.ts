/**
 * Năm kế hoạch (plan year) has one owner: the catalogue says its year (`planYear` of
 * `cchc-catalogue/1`). DEFAULT_PLAN_YEAR is the year of the bundled catalogues, and the year
 * assumed only where nothing says one: a CSV or sheet table without metadata, a downloaded CSV,
 * a custom function called without a year. Every such place reads it from here.
 */
export const DEFAULT_PLAN_YEAR = 2024;

/** Smallest and largest plan year a catalogue may state. */
export const MIN_PLAN_YEAR = 2000;
export const MAX_PLAN_YEAR = 2100;

export function isPlanYear(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= MIN_PLAN_YEAR && v <= MAX_PLAN_YEAR;
}

/** The plan year of a catalogue (or of its metadata), else the default. */
export function planYearOf(c?: { planYear?: unknown } | null): number {
  return isPlanYear(c?.planYear) ? c.planYear : DEFAULT_PLAN_YEAR;
}
