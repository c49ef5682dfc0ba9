/**
 * Heights of table rows whose wrapped cells need several lines. A file has no layout engine and
 * LibreOffice prints an .xlsx row at its stored height, so wrapped text would overlap the rows
 * below; both plan appliers set these heights (a `style` op with `rowHeight`, rows grouped in
 * runs of equal height). One-line rows keep the default height (no op).
 */
import type { ColumnSpec } from "./layout";
import { rangeAddress, type PlanCell, type PlanOp } from "./plan";

/** Points per printed line of 11 pt text, and the padding of a row. */
export const LINE_POINTS = 15;
const ROW_PADDING = 2;
/** Excel's row height limit (points). */
export const MAX_ROW_POINTS = 409;

/**
 * Printed lines of a text in a column `width` characters wide (Excel width units). Word wrapping
 * loses part of a line: a character counts as 1.1 width units, so the estimate errs on the tall side.
 */
export function wrappedLines(text: string, width: number): number {
  return text
    .split("\n")
    .reduce((n, part) => n + Math.max(1, Math.ceil((part.trim().length * 1.1) / Math.max(4, width))), 0);
}

function cellText(cell: PlanCell): string {
  if (typeof cell === "string") return cell;
  if (cell !== null && typeof cell === "object" && "text" in cell) return cell.text;
  return "";
}

/** Row height (points) a row needs for its wrapped columns; null = one line (the default height). */
export function wrappedRowHeight<K extends string>(
  columns: readonly ColumnSpec<K>[],
  row: readonly PlanCell[],
): number | null {
  let n = 1;
  columns.forEach((c, i) => {
    if (c.wrap && i < row.length) n = Math.max(n, wrappedLines(cellText(row[i]), c.width));
  });
  return n > 1 ? Math.min(MAX_ROW_POINTS, LINE_POINTS * n + ROW_PADDING) : null;
}

/**
 * Style ops giving each data row the height its wrapped cells need. `firstRow`: 0-based sheet row
 * of rows[0]. Consecutive rows of equal height share one op.
 */
export function wrappedRowHeightOps<K extends string>(
  sheet: string,
  columns: readonly ColumnSpec<K>[],
  rows: readonly (readonly PlanCell[])[],
  firstRow: number,
): PlanOp[] {
  const ops: PlanOp[] = [];
  const heights = rows.map((r) => wrappedRowHeight(columns, r));
  let start = 0;
  for (let i = 1; i <= heights.length; i++) {
    const h = heights[start];
    if (i < heights.length && heights[i] === h) continue;
    if (h !== null) {
      ops.push({
        op: "style",
        sheet,
        address: rangeAddress(firstRow + start, 0, firstRow + i - 1, 0),
        style: { rowHeight: h },
      });
    }
    start = i;
  }
  return ops;
}
