/**
 * A workbook plan (kế hoạch ghi): the data an action writes, with no Office calls. One adapter
 * applies it to Excel through Office.js (src/taskpane/excel/applyPlan.ts), another writes it to
 * an .xlsx file (src/export/xlsxWriter.ts), so Excel and the export cannot drift apart.
 *
 * Cells hold literal values; text is always text (adapters keep it from being read as a formula
 * or a number); formulas are explicit. `cached` values (computed by the core) let the file show
 * numbers before any recalculation; Excel ignores them.
 */

export type Scalar = string | number | boolean;

export interface FormulaCell {
  formula: string;
  cached?: Scalar;
}

export interface LinkCell {
  /** http(s) address (other schemes are written as plain text). */
  hyperlink: string;
  text: string;
}

/** null = leave the cell empty. */
export type PlanCell = Scalar | null | FormulaCell | LinkCell;

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fill?: string;
  fontSize?: number;
  wrap?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "center" | "bottom";
  /** Row height in points for every row of the range (merged, wrapped text does not grow its row by itself). */
  rowHeight?: number;
}

export type PlanOp =
  /** Creates the sheet when missing; `clear` empties it (cells, formats, the named charts) when it exists. */
  | {
      op: "ensureSheet";
      sheet: string;
      clear?: boolean;
      charts?: string[];
      tabColor?: string;
      activate?: boolean;
    }
  /** Writes a rectangle of cells starting at `address` (top-left, "A1"). */
  | { op: "writeCells"; sheet: string; address: string; rows: PlanCell[][]; style?: CellStyle }
  /** Writes one row-independent formula into every cell of `address` (one column). */
  | { op: "fillFormula"; sheet: string; address: string; formula: string; cached?: Scalar[] }
  | { op: "numberFormat"; sheet: string; address: string; format: string }
  | { op: "style"; sheet: string; address: string; style: CellStyle }
  | { op: "mergeCells"; sheet: string; address: string }
  /** Turns an already written range (header row included) into an Excel Table. */
  | { op: "createTable"; sheet: string; name: string; address: string; style?: string }
  /** Appends rows at the end of an existing table. */
  | { op: "appendTableRows"; table: string; rows: PlanCell[][] }
  /** Writes cells of existing table rows: data-body row index (0-based) and column index. */
  | { op: "updateTableCells"; table: string; row: number; column: number; rows: PlanCell[][] }
  /** Fills a formula column of a table for data-body rows [fromRow, toRow]. */
  | {
      op: "fillTableFormula";
      table: string;
      column: number;
      fromRow: number;
      toRow: number;
      formula: string;
      cached?: Scalar[];
    }
  | { op: "clearTableFilters"; table: string }
  | { op: "defineName"; name: string; sheet: string; address: string; comment?: string }
  | { op: "columnWidths"; sheet: string; widths: Array<{ column: number; width: number }> }
  | { op: "freezePanes"; sheet: string; rows: number; columns?: number }
  | { op: "conditionalFormat"; sheet: string; address: string; rule: ConditionalRule }
  /** Removes the colour rules of a range (before they are added again, so they never pile up). */
  | { op: "clearConditionalFormats"; sheet: string; address: string }
  | { op: "dataValidation"; sheet: string; address: string; rule: ValidationRule }
  | {
      op: "chart";
      sheet: string;
      name: string;
      kind: "barClustered";
      title: string;
      categories: string;
      values: string;
      seriesName: string;
      anchor: string;
      width: number;
      height: number;
    }
  | {
      op: "pageSetup";
      sheet: string;
      landscape: boolean;
      paper: "A4";
      printTitleRows?: string;
      fitToWidth?: boolean;
      printArea?: string;
      centerFooter?: string;
    }
  | {
      op: "pivotTable";
      sheet: string;
      name: string;
      sourceTable: string;
      anchor: string;
      rows: string[];
      columns: string[];
      values: Array<{ field: string; summarizeBy: "count" }>;
      /** Fields in the filter area; non-empty `values` = only those items shown (ExcelApi 1.12). */
      filters?: PivotFilter[];
    }
  | { op: "autoFilter"; table: string; column: number; values: string[] };

/** A PivotTable filter-area field and the items it shows (empty = all). */
export interface PivotFilter {
  field: string;
  values: string[];
}

export type ConditionalRule =
  | { type: "textEquals"; text: string; fill: string; fontColor?: string }
  | { type: "textContains"; text: string; fill: string; fontColor?: string }
  /** A formula relative to the range's top-left cell. */
  | { type: "formula"; formula: string; fill: string; fontColor?: string };

export type ValidationRule =
  | { type: "list"; values: string[]; prompt?: string; error: string; strict: boolean }
  | { type: "date"; min: string; max: string; prompt?: string; error: string }
  | { type: "decimal"; min: number; max: number; prompt?: string; error: string }
  | { type: "boolean"; prompt?: string; error: string };

export interface WorkbookPlan {
  ops: PlanOp[];
}

// ───────────────────────────── A1 addressing ─────────────────────────────

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based row/column → "B7". */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

/** 0-based inclusive bounds → "A1:C9". */
export function rangeAddress(row: number, column: number, lastRow: number, lastColumn: number): string {
  return `${cellAddress(row, column)}:${cellAddress(lastRow, lastColumn)}`;
}

/** "B7" → { row: 6, column: 1 }. */
export function parseCellAddress(address: string): { row: number; column: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(address.trim().toUpperCase());
  if (!m) throw new Error(`Bad cell address ${address}`);
  let column = 0;
  for (const ch of m[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, column: column - 1 };
}

/** "A1:C9" → bounds (a single cell gives equal bounds). */
export function parseRangeAddress(address: string): {
  row: number;
  column: number;
  lastRow: number;
  lastColumn: number;
} {
  const [a, b] = address.split(":");
  const start = parseCellAddress(a);
  const end = b ? parseCellAddress(b) : start;
  return { row: start.row, column: start.column, lastRow: end.row, lastColumn: end.column };
}

/** Absolute reference to a cell on a sheet, for defined names: 'Cấu hình'!$B$3. */
export function sheetRef(sheet: string, address: string): string {
  const abs = address
    .split(":")
    .map((a) => {
      const { row, column } = parseCellAddress(a);
      return `$${columnLetter(column)}$${row + 1}`;
    })
    .join(":");
  return `'${sheet.replace(/'/g, "''")}'!${abs}`;
}

export function isFormulaCell(c: PlanCell): c is FormulaCell {
  return typeof c === "object" && c !== null && "formula" in c;
}

export function isLinkCell(c: PlanCell): c is LinkCell {
  return typeof c === "object" && c !== null && "hyperlink" in c;
}

/** Only http(s) links become hyperlinks. */
export function isSafeLink(url: string): boolean {
  return /^https?:\/\/[^\s<>"]+$/i.test(url.trim());
}
