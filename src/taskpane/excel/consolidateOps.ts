/**
 * The object-model calls of Tổng hợp từ đơn vị (consolidation) beyond the shared table reads:
 * the raw Cấu hình block and the "Nộp báo cáo" sheet as values, the last used rows of Tổng hợp
 * and Báo cáo (where the units-reported line goes), adding the provenance columns at the end of
 * PhanCong, and dropping the NopBaoCao table before the sheet is rebuilt. Every function only
 * queues: the caller's sync carries it.
 */
import { toExcelInput } from "./excelValues";

/** Queues a sheet range's values; null when the sheet does not exist. */
export function queueSheetValues(
  context: Excel.RequestContext,
  sheet: string,
  address: string,
): { resolve: () => unknown[][] | null } {
  const s = context.workbook.worksheets.getItemOrNullObject(sheet);
  s.load("name");
  const r = s.getRange(address);
  r.load("values");
  return { resolve: () => (s.isNullObject ? null : r.values) };
}

/** Queues a sheet's used range (values only); [] when empty, null when the sheet does not exist. */
export function queueUsedValues(
  context: Excel.RequestContext,
  sheet: string,
): { resolve: () => unknown[][] | null } {
  const s = context.workbook.worksheets.getItemOrNullObject(sheet);
  s.load("name");
  const used = s.getUsedRangeOrNullObject(true);
  used.load("values");
  return { resolve: () => (s.isNullObject ? null : used.isNullObject ? [] : used.values) };
}

/**
 * Queues what says where a line below a sheet's content goes: column A of its used range.
 * Resolves to the 1-based row holding `label` in column A, else two rows below the last used
 * row; null when the sheet does not exist.
 */
export function queueLineRow(
  context: Excel.RequestContext,
  sheet: string,
  label: string,
): { resolve: () => number | null } {
  const s = context.workbook.worksheets.getItemOrNullObject(sheet);
  s.load("name");
  const used = s.getUsedRangeOrNullObject(true);
  used.load("rowIndex,rowCount,columnIndex");
  const first = used.getColumn(0);
  first.load("values");
  return {
    resolve: () => {
      if (s.isNullObject) return null;
      if (used.isNullObject) return 1;
      if (used.columnIndex === 0) {
        const i = first.values.findIndex((r) => String(r[0] ?? "").trim() === label);
        if (i >= 0) return used.rowIndex + i + 1;
      }
      return used.rowIndex + used.rowCount + 2;
    },
  };
}

/** Queues adding columns at the end of a table (header, then one empty cell per data row). */
export function queueAddTableColumns(
  context: Excel.RequestContext,
  table: string,
  headers: readonly string[],
  rowCount: number,
): void {
  const t = context.workbook.tables.getItem(table);
  for (const h of headers) {
    const values = [[toExcelInput(h)], ...Array.from({ length: rowCount }, () => [""])];
    t.columns.add(null as unknown as number, values as (string | number | boolean)[][]);
  }
}

/** Queues deleting a table when it exists (its sheet is rebuilt by the plan). */
export function queueDropTable(context: Excel.RequestContext, table: string): void {
  context.workbook.tables.getItemOrNullObject(table).delete();
}

/** Queues clearing a table's filters (before columns are added to it). */
export function queueClearFilters(context: Excel.RequestContext, table: string): void {
  context.workbook.tables.getItem(table).clearFilters();
}
