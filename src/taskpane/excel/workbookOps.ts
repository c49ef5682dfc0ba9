/**
 * Small Office.js operations the actions need besides plans and table reads: document settings,
 * the report-date cell, filters, selecting a row, reading the user's sheet for import.
 */
import { NAMES } from "../../core/workbook/layout";
import { DEFAULT_CHUNK_BYTES } from "./applyPlan";
import { payloadBytes } from "./excelValues";

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
  return {
    sheet: sheet.name,
    address: source.address,
    rowCount: source.rowCount,
    columnCount: source.columnCount,
    values: await readValuesByBytes(context, source),
  };
}

/** Bytes assumed per cell for the first read (a plan's cells average far less: dates, units, a long title). */
export const IMPORT_BYTES_PER_CELL = 250;

/**
 * The values of a range in as few reads as the request limit allows: one read when the range
 * fits in ~4 MB at a generous size per cell (a 2,000-row plan does); otherwise that first slice
 * is weighed and the rest read in slices of whole rows sized by the bytes it actually took
 * (+25 %), so every response stays < 5 MB as Excel on the web requires.
 */
export async function readValuesByBytes(
  context: Excel.RequestContext,
  range: Excel.Range,
  chunkBytes = DEFAULT_CHUNK_BYTES,
): Promise<unknown[][]> {
  const columns = Math.max(1, range.columnCount);
  const first = Math.max(1, Math.floor(chunkBytes / (columns * IMPORT_BYTES_PER_CELL)));
  if (range.rowCount <= first) {
    range.load("values");
    await context.sync();
    return range.values;
  }
  const head = range.getRow(0).getResizedRange(first - 1, 0);
  head.load("values");
  await context.sync();
  const rows: unknown[][] = [...head.values];
  const perRow = Math.max(columns * 4, (payloadBytes(head.values) / head.values.length) * 1.25);
  const per = Math.max(1, Math.floor(chunkBytes / perRow));
  for (let from = rows.length; from < range.rowCount; from += per) {
    const n = Math.min(per, range.rowCount - from);
    const slice = range.getRow(from).getResizedRange(n - 1, 0);
    slice.load("values");
    await context.sync();
    rows.push(...slice.values);
  }
  return rows;
}
