/**
 * Unit cells as the workbook's COUNTIFS reads them — one owner for the pane (summaryLines), the
 * Tổng hợp twin, Kiểm tra's spelling test and the custom functions (CCHC.COMPLETION,
 * CCHC.UNITSUMMARY).
 *
 * COUNTIFS(PhanCong[Đơn vị],"="&name,…) compares a cell's exact text with the criterion, case
 * aside: "Sở Nội vụ " (trailing space), NFD letters or "SNV" are not "Sở Nội vụ". Loose matching
 * (createUnitResolver: diacritics, abbreviations) only tells which cells a person meant as the
 * same unit, so that a figure counting them apart can say so.
 *
 * Kept free of the workbook modules: the functions bundle imports it (30 KB gzip budget).
 */
import { createUnitResolver, summarizeByUnit, type SummaryRow, type UnitSummary } from "./summarize";
import { foldVietnamese } from "../text/fold";

/** Excel's TRIM: spaces (U+0020 only) removed at both ends, inner runs collapsed to one. */
export function excelTrim(text: string): string {
  return text.replace(/ +/g, " ").replace(/^ | $/g, "");
}

/**
 * Combining marks of decomposed (NFD) Vietnamese: grave, acute, circumflex, tilde, breve, hook
 * above, horn, dot below. The Kiểm tra formula looks for exactly these characters.
 */
export const NFD_MARK_CODES = [0x300, 0x301, 0x302, 0x303, 0x306, 0x309, 0x31b, 0x323] as const;
const NFD_MARKS = new RegExp(`[${NFD_MARK_CODES.map((c) => String.fromCharCode(c)).join("")}]`);

/**
 * A unit cell the summary formulas would count apart from its unit (COUNTIFS compares text
 * exactly): stray spaces, or letters in decomposed (NFD) form. Twin of the Kiểm tra test.
 */
export function isOffCanonicalUnit(unit: string | null | undefined): boolean {
  const u = unit ?? "";
  return u !== excelTrim(u) || NFD_MARKS.test(u);
}

/** What makes a cell's text differ from the same unit written canonically (Vietnamese, for messages). */
export function unitSpellingDifference(cell: string): string {
  if (cell !== excelTrim(cell)) return "thừa khoảng trắng";
  if (NFD_MARKS.test(cell)) return "chữ có dấu ở dạng tổ hợp (NFD)";
  return "viết khác";
}

/** The key COUNTIFS compares a unit cell by ("="&criterion): its exact text, case-insensitively. */
export function countifsUnitKey(text: string): string {
  return text.toLowerCase();
}

/** Twin of COUNTIFS(units,"="&criterion): does this cell count for the criterion? */
export function countifsUnitMatch(cell: string, criterion: string): boolean {
  return countifsUnitKey(cell) === countifsUnitKey(criterion);
}

export interface UnitCellGroup<T extends SummaryRow> {
  /**
   * The group's figures. `unit` is the cell text as first written (what COUNTIFS is given);
   * `unitId` is set only when that text is the unit's canonical name (case aside).
   */
  line: UnitSummary;
  rows: T[];
  /** The text is a unit's canonical name (case aside): the line of that unit. */
  exact: boolean;
  /** Loose grouping key (createUnitResolver): groups with the same key were meant as one unit. */
  looseKey: string;
  /** Canonical name the text loosely resolves to (or the text itself, NFC and trimmed). */
  looseName: string;
}

/**
 * Rows grouped as the sheet's COUNTIFS counts them — by the unit cell's exact text, compared
 * case-insensitively — so "Sở Nội vụ " (trailing space) or NFD text is its own group, never
 * silently merged into (nor dropped from) its unit's line. Groups whose text is a unit's canonical
 * name come first in the official order; the others follow by folded text.
 */
export function summarizeByUnitCell<T extends SummaryRow>(
  rows: readonly T[],
  asOf: string,
): Array<UnitCellGroup<T>> {
  const groups = new Map<string, { text: string; rows: T[] }>();
  for (const r of rows) {
    const key = countifsUnitKey(r.unit);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { text: r.unit, rows: [] }));
    g.rows.push(r);
  }
  const loose = createUnitResolver();
  const canonical: Array<UnitCellGroup<T>> = [];
  const others: Array<{ key: string; group: UnitCellGroup<T> }> = [];
  for (const [key, g] of groups) {
    const [line] = summarizeByUnit(g.rows, asOf);
    const exact = line.unitId !== null && line.unit.toLowerCase() === key;
    const looseName = line.unit;
    line.unit = g.text;
    const group: UnitCellGroup<T> = { line, rows: g.rows, exact, looseKey: loose(g.text).key, looseName };
    if (exact) canonical.push(group);
    else
      others.push({
        key: `${g.text.trim() === "" ? "\uffff" : foldVietnamese(g.text)}\u0000${g.text}`,
        group,
      });
  }
  const order = summarizeByUnit(
    canonical.map((c) => ({ unit: c.line.unit, due: null, done: false })),
    asOf,
  ).map((l) => l.unitId);
  canonical.sort((a, b) => order.indexOf(a.line.unitId) - order.indexOf(b.line.unitId));
  others.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const o of others) o.group.line.unitId = null;
  return [...canonical, ...others.map((o) => o.group)];
}
