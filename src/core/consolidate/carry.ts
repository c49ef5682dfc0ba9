/**
 * Nothing lost: what a reviewer added to the provincial workbook that the add-in does not own —
 * whole sheets (values, formulas, number formats, column widths, merged cells, tables) and extra
 * columns of PhanCong — as plan ops, so a consolidated result rebuilt from the catalogue carries
 * them. Pure: the adapters read them (src/export/readExtras.ts), the plan writes them.
 */
import {
  cellAddress,
  isSafeLink,
  parseRangeAddress,
  rangeAddress,
  type PlanCell,
  type PlanOp,
} from "../workbook/plan";
import type { CarriedCell, CarriedSheet } from "./types";

/** A carried cell as a plan cell: its formula (with the cached result), link or literal value. */
export function planCellOf(c: CarriedCell | undefined): PlanCell {
  if (!c) return null;
  if (c.formula !== undefined && c.formula.trim() !== "") {
    const formula = "=" + c.formula.replace(/^=/, "");
    return c.value === null ? { formula } : { formula, cached: c.value };
  }
  if (c.link && isSafeLink(c.link) && c.value !== null) return { hyperlink: c.link, text: String(c.value) };
  if (typeof c.value === "number" && !Number.isFinite(c.value)) return null;
  return c.value;
}

/** The one number format of a column's cells, when they share one. */
export function commonFormat(cells: Iterable<CarriedCell>): string | undefined {
  let format: string | undefined;
  for (const c of cells) {
    if (!c.numFmt) continue;
    if (format !== undefined && format !== c.numFmt) return undefined;
    format = c.numFmt;
  }
  return format;
}

/**
 * Ops that recreate a sheet the reviewer added: one writeCells per row (its first to last cell),
 * number formats, widths, merges and tables. Sheets whose name the plan already uses are skipped
 * (the caller reports them).
 */
export function carriedSheetOps(sheet: CarriedSheet, tableNames: ReadonlySet<string>): PlanOp[] {
  const name = sheet.name;
  const ops: PlanOp[] = [{ op: "ensureSheet", sheet: name }];
  const byRow = new Map<number, Array<{ column: number; cell: CarriedCell }>>();
  for (const c of sheet.cells) {
    if (c.row < 0 || c.column < 0) continue;
    const list = byRow.get(c.row) ?? [];
    list.push({ column: c.column, cell: c.cell });
    byRow.set(c.row, list);
  }
  const formats: PlanOp[] = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cells = (byRow.get(row) ?? []).sort((a, b) => a.column - b.column);
    const first = cells[0].column;
    const last = cells[cells.length - 1].column;
    const values: PlanCell[] = new Array<PlanCell>(last - first + 1).fill(null);
    for (const c of cells) {
      values[c.column - first] = planCellOf(c.cell);
      if (c.cell.numFmt && c.cell.numFmt !== "General")
        formats.push({
          op: "numberFormat",
          sheet: name,
          address: rangeAddress(row, c.column, row, c.column),
          format: c.cell.numFmt,
        });
    }
    ops.push({ op: "writeCells", sheet: name, address: cellAddress(row, first), rows: [values] });
  }
  ops.push(...formats);
  if (sheet.widths.length > 0) ops.push({ op: "columnWidths", sheet: name, widths: sheet.widths });
  for (const m of sheet.merges) {
    try {
      const r = parseRangeAddress(m);
      if (r.lastRow > r.row || r.lastColumn > r.column)
        ops.push({ op: "mergeCells", sheet: name, address: m });
    } catch {
      // Not a range address: nothing to merge.
    }
  }
  for (const t of sheet.tables) {
    if (tableNames.has(t.name.toLowerCase())) continue;
    ops.push({ op: "createTable", sheet: name, name: t.name, address: t.address });
  }
  return ops;
}
