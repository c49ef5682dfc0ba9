/**
 * What may be written to a cell. Text from catalogues and imported sheets is data, never a
 * formula: a string that Excel would parse as a formula (leading =, +, -, @, tab, CR, LF, also
 * full-width ＝＋－＠ and the same after leading spaces) gets a leading apostrophe, which Excel
 * keeps as a text prefix. Task text such as "- Rà soát…" is common. Text longer than Excel's
 * 32,767 characters is cut with "…"; control characters are dropped.
 */
export const EXCEL_MAX_CELL_TEXT = 32_767;
const FORMULA_START = /^[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20\u2212]|^[\t\r\n]/;
/** Excel drops one leading apostrophe; keep a typed one by doubling it. */
const APOSTROPHE_START = /^'/;
// C0 controls other than tab/LF/CR are not allowed in the xlsx XML and mean nothing in a cell.

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function safeText(text: string): string {
  let s = text.replace(CONTROL, "");
  if (FORMULA_START.test(s) || APOSTROPHE_START.test(s)) s = "'" + s;
  if (s.length > EXCEL_MAX_CELL_TEXT) s = s.slice(0, EXCEL_MAX_CELL_TEXT - 1) + "…";
  return s;
}

/** String(value) that never throws (objects without a usable toString give ""). */
export function textOf(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  try {
    return String(value);
  } catch {
    return "";
  }
}

export function safeCellValue(value: unknown): string | number | boolean {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (typeof value === "boolean") return value;
  if (typeof value === "string") return safeText(value);
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? "" : safeText(value.toISOString().slice(0, 10));
  return safeText(textOf(value));
}

/** True when a value written to a cell would be read back as a formula (used by tests and guards). */
export function looksLikeFormula(value: unknown): boolean {
  return typeof value === "string" && FORMULA_START.test(value);
}
