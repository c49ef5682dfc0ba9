/**
 * Small Office.js operations the actions need besides plans and table reads: document settings,
 * the report-date cell, filters, selecting a row, reading the user's sheet for import.
 */
import { NAMES } from "../../core/workbook/layout";

/** A string kept in the document (workbook settings); null when absent or not a string. */
export async function readDocumentSetting(
  context: Excel.RequestContext,
  key: string,
): Promise<string | null> {
  const item = context.workbook.settings.getItemOrNullObject(key);
  item.load("value");
  await context.sync();
  return item.isNullObject || typeof item.value !== "string" ? null : item.value;
}

export async function writeDocumentSetting(
  context: Excel.RequestContext,
  key: string,
  value: string,
): Promise<void> {
  context.workbook.settings.add(key, value);
  await context.sync();
}

/**
 * Writes the report date: a serial (fixed date) or "=TODAY()". Returns false, writing nothing,
 * when the workbook has no NgayBaoCao name. Two round trips through `sync`.
 */
export async function writeReportDateCell(
  context: Excel.RequestContext,
  sync: () => Promise<void>,
  value: { serial: number } | { formula: string },
): Promise<boolean> {
  const name = context.workbook.names.getItemOrNullObject(NAMES.reportDate);
  name.load("name");
  await sync();
  if (name.isNullObject) return false;
  const cell = name.getRange();
  if ("formula" in value) cell.formulas = [[value.formula]];
  else cell.values = [[value.serial]];
  cell.numberFormat = [["dd/mm/yyyy"]];
  await sync();
  return true;
}

/** Shows every row of a table again (no-op when the table is missing). */
export async function clearTableFilters(context: Excel.RequestContext, table: string): Promise<void> {
  context.workbook.tables.getItemOrNullObject(table).clearFilters();
  await context.sync();
}

/** Selects one body row of a table and brings its sheet forward. */
export async function selectTableRow(
  context: Excel.RequestContext,
  table: string,
  row: number,
): Promise<void> {
  const t = context.workbook.tables.getItem(table);
  t.worksheet.activate();
  t.getDataBodyRange().getRow(row).select();
  await context.sync();
}

export interface RangeShape {
  sheet: string;
  address: string;
  rowCount: number;
  columnCount: number;
}

/**
 * The range a unit's table is read from: the selection if it spans more than one cell, else
 * the active sheet's used range (null when that sheet is empty). `check` may refuse it (throw)
 * before its values are read; then the values, in a second round trip.
 */
export async function readSelectionOrUsedRange(
  context: Excel.RequestContext,
  check: (shape: RangeShape | null, sheet: string) => void,
): Promise<RangeShape & { values: unknown[][] }> {
  const selection = context.workbook.getSelectedRange();
  selection.load("address,rowCount,columnCount");
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("address,rowCount,columnCount");
  await context.sync();
  const useSelection = selection.rowCount * selection.columnCount > 1;
  const source = useSelection ? selection : used;
  const shape =
    !useSelection && used.isNullObject
      ? null
      : {
          sheet: sheet.name,
          address: source.address,
          rowCount: source.rowCount,
          columnCount: source.columnCount,
        };
  check(shape, sheet.name);
  source.load("values");
  await context.sync();
  return {
    sheet: sheet.name,
    address: source.address,
    rowCount: source.rowCount,
    columnCount: source.columnCount,
    values: source.values,
  };
}
