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

/**
 * The one place that decides which map of units a plan names: the catalogue's `unitsAsOf`, else
 * 1 January of its plan year (so plans up to 2025 use the 2024 map, 2026 and later the map in
 * force from 01/07/2025; unitMapAt turns the date into the map).
 */
export function unitsAsOfOf(c?: { planYear?: unknown; unitsAsOf?: unknown } | null): string {
  if (typeof c?.unitsAsOf === "string" && /^\d{4}-\d{2}-\d{2}$/.test(c.unitsAsOf)) return c.unitsAsOf;
  return `${planYearOf(c)}-01-01`;
}

/** The plan year of a catalogue (or of its metadata), else the default. */
export function planYearOf(c?: { planYear?: unknown } | null): number {
  return isPlanYear(c?.planYear) ? c.planYear : DEFAULT_PLAN_YEAR;
}

/**
 * The map of a re-pull: a catalogue that states no `unitsAsOf` of its own, pulled again into the
 * workbook built from it (same id), keeps the map the workbook recorded in Cấu hình ("Bản đồ đơn
 * vị"); otherwise the catalogue decides (unitsAsOfOf). A 2024 workbook records no map: unchanged.
 */
export function unitsAsOfWith(
  c: { id?: unknown; planYear?: unknown; unitsAsOf?: unknown } | null | undefined,
  recorded?: { id?: string | null; unitsAsOf?: string | null } | null,
): string {
  const own = typeof c?.unitsAsOf === "string" && /^\d{4}-\d{2}-\d{2}$/.test(c.unitsAsOf);
  if (!own && recorded?.unitsAsOf && /^\d{4}-\d{2}-\d{2}$/.test(recorded.unitsAsOf) && recorded.id === c?.id)
    return recorded.unitsAsOf;
  return unitsAsOfOf(c);
}
