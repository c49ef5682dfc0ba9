/**
 * An honest, in-memory double of the part of the Excel JavaScript API the task-pane adapters use
 * (src/taskpane/excel, src/taskpane/actions). Adapters run against it unchanged, in jest and in a
 * browser (inject `createWorkbookDouble().Excel` as `globalThis.Excel` before the pane loads).
 * No Node APIs, no jest imports.
 *
 * What it models, like Office.js:
 * - Proxy objects: every call and property write is QUEUED and takes effect at `context.sync()`;
 *   reading a loadable property (values, formulas, numberFormat, rowCount, address, name, items,
 *   isNullObject, isDataFiltered, value, …) that was not loaded — or before the sync that fills
 *   it — throws PropertyNotLoaded. Loaded values are snapshots taken at their place in the batch.
 *   Writing a property also sets the proxy's local value (as Office.js does).
 * - `*OrNullObject` methods give null objects: method calls and property writes on them (and on
 *   anything reached through them) are no-ops; `isNullObject` is known after the next sync.
 *   Reading another property of a null object throws.
 * - Batches are not transactional: when an action fails, the actions before it stay applied,
 *   the rest of the batch is dropped and `sync()` rejects with an error carrying `code`
 *   (InvalidArgument, ItemNotFound, ItemAlreadyExists, InvalidOperation, …).
 * - Input coercion (values and formulas setters, rows.add, test typing): see ./a1.ts coerceInput.
 *   A leading apostrophe keeps text literal (and is not stored); "=…" is a formula; numbers,
 *   booleans, percentages and dates (dd/mm/yyyy in the default vi-VN locale) are converted. A 1×1
 *   array fills the whole range; any other shape mismatch throws InvalidArgument; `null` elements
 *   leave their cell unchanged.
 * - Formulas are stored, never evaluated: reading `values` of a formula cell gives the result the
 *   test registered for that formula text (`workbook.setFormulaResult`) or "".
 * - Tables: headers come from the first row (made text, unique, "ColumnN" when empty);
 *   `rows.add` inserts: the cells below the table, in the table's columns, move down (Excel's
 *   default `alwaysInsert`), names pointing there follow. Writing cells of a table whose filter
 *   is active throws InvalidOperation (office-js #224: writes under a filter land in the wrong
 *   rows; the double makes them loud).
 * - Deleting a sheet deletes its tables and charts; workbook names pointing at it stay, as
 *   "=#REF!…" (as in Excel).
 * - Not modelled (recorded as data only): conditional formats, data validation, charts, page
 *   layout, pivot tables, fonts/fills/widths. Row insertion does not move those records.
 *   Conditional-format clearAll removes every rule that intersects the range.
 * - Anything else throws `Error("workbook double: <Object>.<member> not implemented")`.
 *
 * Byte accounting (stats): each queued action or object path costs ACTION_BYTES plus the
 * JSON-ish UTF-8 size of its arguments / written value; each load costs the JSON size of what it
 * returns. Per sync: request bytes, response bytes, operation count.
 */
import {
  API_PROXY,
  absoluteRectAddress,
  isApiProxy,
  cellCount,
  coerceInput,
  intersects,
  jsonBytes,
  MAX_COLUMNS,
  MAX_ROWS,
  parseRect,
  rectAddress,
  sheetPrefix,
  splitSheet,
  type CellValue,
  type CoercionOptions,
  type Rect,
} from "./a1";

export type { CellValue, Rect } from "./a1";

/** Fixed cost of one queued action or object path (ids, names, JSON framing). */
export const ACTION_BYTES = 48;
/** Office.js refuses to read more cells than this in one range (Excel on the web). */
export const MAX_READ_CELLS = 5_000_000;

// ───────────────────────────── errors ─────────────────────────────

/** What Office.js rejects a sync with (OfficeExtension.Error look-alike). */
export class DoubleOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, location?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location };
  }
}

export function notImplemented(what: string): Error {
  return new Error(`workbook double: ${what} not implemented`);
}

function propertyNotLoaded(kind: string, prop: string): DoubleOfficeError {
  return new DoubleOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context. (workbook double: ${kind}.${prop})`,
  );
}

const invalidArgument = (what: string) =>
  new DoubleOfficeError(
    "InvalidArgument",
    `The argument is invalid or missing or has an incorrect format. (workbook double: ${what})`,
  );
const itemNotFound = (what: string) =>
  new DoubleOfficeError("ItemNotFound", `The requested resource doesn't exist. (workbook double: ${what})`);
const itemExists = (what: string) =>
  new DoubleOfficeError("ItemAlreadyExists", `The resource already exists. (workbook double: ${what})`);
const invalidOperation = (what: string) =>
  new DoubleOfficeError("InvalidOperation", `The operation is not allowed. (workbook double: ${what})`);

// ───────────────────────────── model ─────────────────────────────

export interface HyperlinkData {
  address?: string;
  textToDisplay?: string;
  screenTip?: string;
  documentReference?: string;
}

interface Cell {
  v: CellValue;
  f?: string;
  nf?: string;
  link?: HyperlinkData;
}

export interface FormatRecord {
  address: string;
  property: string;
  value: unknown;
}

export interface ConditionalFormatRecord {
  id: number;
  address: string;
  type: string;
  rule: Record<string, unknown>;
  format: { fill?: string; fontColor?: string; bold?: boolean; italic?: boolean };
}

export interface DataValidationRecord {
  address: string;
  rule: unknown;
  errorAlert?: unknown;
  prompt?: unknown;
}

export interface ChartRecord {
  id: number;
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  series: Array<{ name?: string; xValues?: string }>;
  title?: string;
  legendVisible?: boolean;
  valueAxis: { maximum?: number; minimum?: number; numberFormat?: string };
  position?: { start: string; end?: string };
  width?: number;
  height?: number;
}

export interface PivotRecord {
  name: string;
  source: string;
  destination: string;
  rows: string[];
  columns: string[];
  data: Array<{ field: string; summarizeBy?: string }>;
  /** Filter-area fields (present once one is added); `selected` after PivotField.applyFilter. */
  filters?: Array<{ field: string; selected?: string[] }>;
}

interface SheetModel {
  id: number;
  name: string;
  rows: Map<number, Array<Cell | undefined>>;
  tabColor: string | null;
  freeze: { rows: number; columns: number } | null;
  charts: ChartRecord[];
  conditionalFormats: ConditionalFormatRecord[];
  dataValidations: DataValidationRecord[];
  formats: FormatRecord[];
  merges: Rect[];
  columnWidths: Record<number, number>;
  pageLayout: Record<string, unknown>;
  deleted: boolean;
}

interface TableModel {
  id: number;
  name: string;
  sheet: SheetModel;
  rect: Rect; // header row included
  style: string | null;
  filters: Map<number, string[]>;
  deleted: boolean;
}

interface NameModel {
  name: string;
  formula: string;
  comment: string;
  deleted: boolean;
}

interface SettingModel {
  key: string;
  value: unknown;
  deleted: boolean;
}

interface RangeRef {
  sheet: SheetModel;
  rect: Rect;
}

export interface WriteRecord {
  sync: number;
  sheet: string;
  address: string;
  rect: Rect;
  via: "values" | "formulas" | "numberFormat" | "rows.add" | "columns.add" | "hyperlink" | "clear" | "test";
}

export interface SyncRecord {
  index: number;
  requestBytes: number;
  responseBytes: number;
  operations: number;
  failed: boolean;
}

export interface FailureSpec {
  /** The n-th sync from now (1 = the next one). */
  atSync: number;
  /** Actions of that batch that run before it fails (default 0: none). */
  afterOperations?: number;
  code?: string;
  message?: string;
}

export interface WorkbookDoubleOptions {
  /** Sheets of the new workbook (default ["Sheet1"]). */
  sheets?: string[];
  locale?: CoercionOptions["locale"];
  /** Result of a formula cell when read through `values` (else the registered result, else ""). */
  formulaResult?: (
    formula: string,
    at: { sheet: string; row: number; column: number },
  ) => CellValue | undefined;
}

class Model {
  readonly options: Required<Pick<WorkbookDoubleOptions, "locale">> & WorkbookDoubleOptions;
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  names: NameModel[] = [];
  settings: SettingModel[] = [];
  pivots: PivotRecord[] = [];
  activeSheet: SheetModel | null = null;
  selection: RangeRef | null = null;
  calcSuspensions = 0;
  nextId = 1;
  syncCount = 0;
  records: SyncRecord[] = [];
  writes: WriteRecord[] = [];
  failures: Array<Required<Pick<FailureSpec, "afterOperations" | "code" | "message">> & { sync: number }> =
    [];
  formulaResults = new Map<string, CellValue>();

  constructor(options: WorkbookDoubleOptions) {
    this.options = { locale: "vi-VN", ...options };
    for (const name of options.sheets ?? ["Sheet1"]) this.addSheet(name);
    this.activeSheet = this.sheets[0] ?? null;
  }

  // ── sheets ──
  liveSheets(): SheetModel[] {
    return this.sheets.filter((s) => !s.deleted);
  }
  findSheet(name: string): SheetModel | null {
    const k = name.toLowerCase();
    return this.liveSheets().find((s) => s.name.toLowerCase() === k) ?? null;
  }
  addSheet(name: string): SheetModel {
    if (
      typeof name !== "string" ||
      name.length === 0 ||
      name.length > 31 ||
      /[:\\/?*[\]]/.test(name) ||
      name.startsWith("'") ||
      name.endsWith("'")
    ) {
      throw invalidArgument(`worksheet name "${String(name)}"`);
    }
    if (this.findSheet(name)) throw itemExists(`worksheet "${name}"`);
    const s: SheetModel = {
      id: this.nextId++,
      name,
      rows: new Map(),
      tabColor: null,
      freeze: null,
      charts: [],
      conditionalFormats: [],
      dataValidations: [],
      formats: [],
      merges: [],
      columnWidths: {},
      pageLayout: {},
      deleted: false,
    };
    this.sheets.push(s);
    return s;
  }
  deleteSheet(s: SheetModel): void {
    if (s.deleted) return;
    if (this.liveSheets().length <= 1)
      throw invalidOperation("a workbook must keep at least one visible worksheet");
    s.deleted = true;
    for (const t of this.tables) if (t.sheet === s) t.deleted = true;
    for (const n of this.liveNames()) {
      const ref = parseNameRef(n.formula);
      if (ref && ref.sheet.toLowerCase() === s.name.toLowerCase()) n.formula = `=#REF!${ref.local}`;
    }
    if (this.activeSheet === s) this.activeSheet = this.liveSheets()[0] ?? null;
    if (this.selection?.sheet === s) this.selection = null;
  }

  // ── cells ──
  cell(s: SheetModel, r: number, c: number): Cell | undefined {
    return s.rows.get(r)?.[c];
  }
  setCell(s: SheetModel, r: number, c: number, cell: Cell | undefined): void {
    let row = s.rows.get(r);
    if (!row) {
      if (!cell) return;
      row = [];
      s.rows.set(r, row);
    }
    row[c] = cell;
  }
  valueOf(s: SheetModel, r: number, c: number): CellValue {
    const cell = this.cell(s, r, c);
    if (!cell) return "";
    if (cell.f !== undefined) {
      const custom = this.options.formulaResult?.(cell.f, { sheet: s.name, row: r, column: c });
      if (custom !== undefined) return custom;
      return this.formulaResults.get(cell.f) ?? "";
    }
    return cell.v;
  }
  formulaOf(s: SheetModel, r: number, c: number): CellValue {
    const cell = this.cell(s, r, c);
    if (!cell) return "";
    return cell.f ?? cell.v;
  }
  read(ref: RangeRef, what: "values" | "formulas" | "numberFormat"): unknown[][] {
    if (cellCount(ref.rect) > MAX_READ_CELLS)
      throw new DoubleOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `workbook double: reading ${cellCount(ref.rect)} cells`,
      );
    const out: unknown[][] = [];
    for (let r = ref.rect.r0; r <= ref.rect.r1; r++) {
      const line: unknown[] = [];
      const row = ref.sheet.rows.get(r);
      for (let c = ref.rect.c0; c <= ref.rect.c1; c++) {
        if (!row || !row[c]) line.push(what === "numberFormat" ? "General" : "");
        else if (what === "values") line.push(this.valueOf(ref.sheet, r, c));
        else if (what === "formulas") line.push(this.formulaOf(ref.sheet, r, c));
        else line.push(row[c]?.nf ?? "General");
      }
      out.push(line);
    }
    return out;
  }
  filteredTableAt(ref: RangeRef): TableModel | null {
    for (const t of this.liveTables()) {
      if (t.sheet === ref.sheet && t.filters.size > 0 && intersects(t.rect, ref.rect)) return t;
    }
    return null;
  }
  logWrite(ref: RangeRef, via: WriteRecord["via"]): void {
    this.writes.push({
      sync: this.syncCount,
      sheet: ref.sheet.name,
      address: rectAddress(ref.rect),
      rect: { ...ref.rect },
      via,
    });
  }
  /** Writes a 2-D input (values/formulas/numberFormat) with Excel's shape rules and coercion. */
  write(ref: RangeRef, input: unknown, via: "values" | "formulas" | "numberFormat" | "test"): void {
    if (!Array.isArray(input) || input.length === 0 || !input.every((row) => Array.isArray(row)))
      throw invalidArgument(`${via} must be a non-empty 2-D array`);
    const rows = input as unknown[][];
    const width = rows[0].length;
    if (width === 0 || rows.some((r) => r.length !== width))
      throw invalidArgument(`${via}: rows of different lengths`);
    const h = ref.rect.r1 - ref.rect.r0 + 1;
    const w = ref.rect.c1 - ref.rect.c0 + 1;
    const broadcast = rows.length === 1 && width === 1;
    if (!broadcast && (rows.length !== h || width !== w)) {
      throw invalidArgument(
        `${via}: a ${rows.length}×${width} array for the ${h}×${w} range ${rectAddress(ref.rect)}`,
      );
    }
    if (via === "values" || via === "formulas") {
      const filtered = this.filteredTableAt(ref);
      if (filtered)
        throw invalidOperation(
          `writing ${rectAddress(ref.rect)} inside table "${filtered.name}" while its filter is on (office-js #224)`,
        );
    }
    const headerOf = this.headerCellsOf(ref);
    for (let i = 0; i < h; i++) {
      for (let j = 0; j < w; j++) {
        const input = broadcast ? rows[0][0] : rows[i][j];
        const r = ref.rect.r0 + i;
        const c = ref.rect.c0 + j;
        if (via === "numberFormat") {
          if (input === null || input === undefined) continue;
          if (typeof input !== "string")
            throw invalidArgument(`numberFormat element ${JSON.stringify(input)}`);
          const cell = this.cell(ref.sheet, r, c) ?? { v: "" };
          cell.nf = input;
          this.setCell(ref.sheet, r, c, cell);
          continue;
        }
        this.writeInput(ref.sheet, r, c, input, headerOf(r, c));
      }
    }
    this.logWrite(ref, via);
  }
  writeInput(s: SheetModel, r: number, c: number, input: unknown, isHeader: boolean): void {
    const coerced = coerceInput(input, { locale: this.options.locale });
    if (coerced.kind === "invalid") throw invalidArgument(`cell value: ${coerced.reason}`);
    if (coerced.kind === "skip") return;
    const old = this.cell(s, r, c);
    if (isHeader) {
      // Table headers are always text.
      const text =
        coerced.kind === "formula" ? coerced.formula : coerced.kind === "clear" ? "" : String(coerced.value);
      this.setCell(s, r, c, { ...(old ?? {}), v: text, f: undefined });
      return;
    }
    if (coerced.kind === "clear") {
      if (old) {
        if (old.nf !== undefined) this.setCell(s, r, c, { v: "", nf: old.nf });
        else this.setCell(s, r, c, undefined);
      }
      return;
    }
    const next: Cell = coerced.kind === "formula" ? { v: "", f: coerced.formula } : { v: coerced.value };
    if (old?.nf !== undefined) next.nf = old.nf;
    if (old?.link) next.link = old.link;
    this.setCell(s, r, c, next);
  }
  headerCellsOf(ref: RangeRef): (r: number, c: number) => boolean {
    const headers = this.liveTables().filter(
      (t) => t.sheet === ref.sheet && intersects({ ...t.rect, r1: t.rect.r0 }, ref.rect),
    );
    if (headers.length === 0) return () => false;
    return (r, c) => headers.some((t) => t.rect.r0 === r && c >= t.rect.c0 && c <= t.rect.c1);
  }
  clear(ref: RangeRef, applyTo: string): void {
    const s = ref.sheet;
    const whole =
      ref.rect.r0 === 0 &&
      ref.rect.c0 === 0 &&
      ref.rect.r1 === MAX_ROWS - 1 &&
      ref.rect.c1 === MAX_COLUMNS - 1;
    const contents = applyTo === "All" || applyTo === "Contents";
    const formats = applyTo === "All" || applyTo === "Formats";
    if (contents && applyTo === "All" && whole) {
      s.rows = new Map();
    } else {
      for (const [r, row] of s.rows) {
        if (r < ref.rect.r0 || r > ref.rect.r1) continue;
        for (let c = ref.rect.c0; c <= Math.min(ref.rect.c1, row.length - 1); c++) {
          const cell = row[c];
          if (!cell) continue;
          if (contents && formats) row[c] = undefined;
          else if (contents) row[c] = cell.nf !== undefined ? { v: "", nf: cell.nf } : undefined;
          else row[c] = { ...cell, nf: undefined };
        }
      }
    }
    if (formats) {
      s.formats = s.formats.filter((f) => !intersects(addressRect(f.address), ref.rect));
      s.conditionalFormats = s.conditionalFormats.filter(
        (f) => !intersects(addressRect(f.address), ref.rect),
      );
      s.dataValidations = s.dataValidations.filter((f) => !intersects(addressRect(f.address), ref.rect));
      s.merges = s.merges.filter((m) => !intersects(m, ref.rect));
    }
    if (contents) this.logWrite(ref, "clear");
  }
  usedRect(s: SheetModel, valuesOnly: boolean): Rect | null {
    let rect: Rect | null = null;
    for (const [r, row] of s.rows) {
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell) continue;
        const used = cell.f !== undefined || cell.v !== "" || (!valuesOnly && cell.nf !== undefined);
        if (!used) continue;
        if (!rect) rect = { r0: r, c0: c, r1: r, c1: c };
        else {
          rect.r0 = Math.min(rect.r0, r);
          rect.r1 = Math.max(rect.r1, r);
          rect.c0 = Math.min(rect.c0, c);
          rect.c1 = Math.max(rect.c1, c);
        }
      }
    }
    return rect;
  }

  // ── tables ──
  liveTables(): TableModel[] {
    return this.tables.filter((t) => !t.deleted && !t.sheet.deleted);
  }
  findTable(name: string): TableModel | null {
    const k = name.toLowerCase();
    return this.liveTables().find((t) => t.name.toLowerCase() === k) ?? null;
  }
  nameTaken(name: string, except?: TableModel): boolean {
    const k = name.toLowerCase();
    return (
      this.liveTables().some((t) => t !== except && t.name.toLowerCase() === k) ||
      this.liveNames().some((n) => n.name.toLowerCase() === k)
    );
  }
  addTable(s: SheetModel, rect: Rect, hasHeaders: boolean): TableModel {
    if (!hasHeaders) throw notImplemented("TableCollection.add(address, hasHeaders = false)");
    for (const t of this.liveTables())
      if (t.sheet === s && intersects(t.rect, rect))
        throw invalidOperation(`table at ${rectAddress(rect)} overlaps table "${t.name}"`);
    const r = { ...rect };
    if (r.r1 === r.r0) r.r1 += 1; // a table always has a data row
    const seen = new Set<string>();
    for (let c = r.c0; c <= r.c1; c++) {
      let h = String(this.valueOf(s, r.r0, c) ?? "");
      if (h === "") h = `Column${c - r.c0 + 1}`;
      let unique = h;
      for (let k = 2; seen.has(unique.toLowerCase()); k++) unique = `${h}${k}`;
      seen.add(unique.toLowerCase());
      const old = this.cell(s, r.r0, c);
      this.setCell(s, r.r0, c, { ...(old ?? {}), v: unique, f: undefined });
    }
    let n = this.tables.length + 1;
    while (this.nameTaken(`Table${n}`)) n++;
    const t: TableModel = {
      id: this.nextId++,
      name: `Table${n}`,
      sheet: s,
      rect: r,
      style: null,
      filters: new Map(),
      deleted: false,
    };
    this.tables.push(t);
    return t;
  }
  renameTable(t: TableModel, name: unknown): void {
    if (
      typeof name !== "string" ||
      !/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) ||
      /^[A-Za-z]{1,3}\d+$/.test(name) ||
      name.length > 255
    ) {
      throw invalidArgument(`table name "${String(name)}"`);
    }
    if (this.nameTaken(name, t)) throw itemExists(`table or name "${name}"`);
    t.name = name;
  }
  headers(t: TableModel): string[] {
    const out: string[] = [];
    for (let c = t.rect.c0; c <= t.rect.c1; c++) out.push(String(this.valueOf(t.sheet, t.rect.r0, c)));
    return out;
  }
  bodyRect(t: TableModel): Rect {
    return { r0: t.rect.r0 + 1, c0: t.rect.c0, r1: t.rect.r1, c1: t.rect.c1 };
  }
  /** Inserts `count` rows at sheet row `at` in columns c0..c1: cells below move down. */
  insertRows(s: SheetModel, at: number, count: number, c0: number, c1: number, except: TableModel): void {
    for (const t of this.liveTables()) {
      if (t === except || t.sheet !== s || t.rect.r1 < at) continue;
      if (t.rect.c1 < c0 || t.rect.c0 > c1) continue;
      if (t.rect.c0 >= c0 && t.rect.c1 <= c1 && t.rect.r0 >= at)
        t.rect = { ...t.rect, r0: t.rect.r0 + count, r1: t.rect.r1 + count };
      else throw invalidOperation(`inserting rows would split table "${t.name}"`);
    }
    const rowsBelow = [...s.rows.keys()].filter((r) => r >= at).sort((a, b) => b - a);
    for (const r of rowsBelow) {
      const row = s.rows.get(r) as Array<Cell | undefined>;
      for (let c = c0; c <= Math.min(c1, row.length - 1); c++) {
        const cell = row[c];
        if (!cell) continue;
        row[c] = undefined;
        this.setCell(s, r + count, c, cell);
      }
    }
    for (const n of this.liveNames()) {
      const ref = parseNameRef(n.formula);
      if (!ref || ref.sheet.toLowerCase() !== s.name.toLowerCase()) continue;
      const rect = parseRect(ref.local);
      if (rect && rect.r0 >= at && rect.c0 >= c0 && rect.c1 <= c1) {
        n.formula = `=${sheetPrefix(s.name)}${absoluteRectAddress({ ...rect, r0: rect.r0 + count, r1: rect.r1 + count })}`;
      }
    }
  }
  /**
   * Adds a column at the end of a table (Excel's columns.add(null, values)): values are the header
   * then one cell per data row. Only the end of the table, and only over empty cells, is modelled.
   */
  addTableColumn(t: TableModel, index: unknown, values: unknown, name: unknown): void {
    const width = t.rect.c1 - t.rect.c0 + 1;
    if (index !== undefined && index !== null && Number(index) !== width)
      throw notImplemented("TableColumnCollection.add(index inside the table)");
    const n = t.rect.r1 - t.rect.r0 + 1;
    const rows =
      values === undefined || values === null
        ? null
        : Array.isArray(values) && values.every((r) => Array.isArray(r) && r.length === 1)
          ? (values as unknown[][])
          : [];
    if (rows && rows.length !== n)
      throw invalidArgument(`columns.add: values must be ${n} rows of one cell (header + data rows)`);
    if (t.filters.size > 0)
      throw invalidOperation(`adding a column to table "${t.name}" while its filter is on`);
    const c = t.rect.c1 + 1;
    for (let r = t.rect.r0; r <= t.rect.r1; r++)
      if (this.cell(t.sheet, r, c)) throw notImplemented("TableColumnCollection.add over occupied cells");
    for (const o of this.liveTables())
      if (o !== t && o.sheet === t.sheet && intersects({ ...t.rect, c0: c, c1: c }, o.rect))
        throw invalidOperation("columns.add: another table is in the way");
    t.rect = { ...t.rect, c1: c };
    const header = name ?? rows?.[0][0] ?? `Column${width + 1}`;
    this.writeInput(t.sheet, t.rect.r0, c, header, true);
    if (rows) for (let i = 1; i < n; i++) this.writeInput(t.sheet, t.rect.r0 + i, c, rows[i][0], false);
    this.logWrite({ sheet: t.sheet, rect: { r0: t.rect.r0, c0: c, r1: t.rect.r1, c1: c } }, "columns.add");
  }
  /** Adds rows (Excel's rows.add); returns the sheet row of the first one. */
  addTableRows(t: TableModel, index: unknown, values: unknown, alwaysInsert: unknown): number {
    const width = t.rect.c1 - t.rect.c0 + 1;
    const rows: unknown[][] =
      values === undefined || values === null
        ? [new Array(width).fill("")]
        : Array.isArray(values) && values.every((r) => Array.isArray(r))
          ? (values as unknown[][])
          : [];
    if (rows.length === 0 || rows.some((r) => r.length !== width))
      throw invalidArgument(`rows.add: values must be rows of ${width} cells`);
    const bodyRows = t.rect.r1 - t.rect.r0;
    const idx = index === undefined || index === null ? bodyRows : Number(index);
    if (!Number.isInteger(idx) || idx < 0 || idx > bodyRows)
      throw invalidArgument(`rows.add index ${String(index)}`);
    if (t.filters.size > 0)
      throw invalidOperation(`adding rows to table "${t.name}" while its filter is on (office-js #224)`);
    const at = t.rect.r0 + 1 + idx;
    const n = rows.length;
    const emptyBelow = () => {
      for (let r = t.rect.r1 + 1; r <= t.rect.r1 + n; r++)
        for (let c = t.rect.c0; c <= t.rect.c1; c++) if (this.cell(t.sheet, r, c)) return false;
      return true;
    };
    if (!(alwaysInsert === false && idx === bodyRows && emptyBelow()))
      this.insertRows(t.sheet, at, n, t.rect.c0, t.rect.c1, t);
    t.rect = { ...t.rect, r1: t.rect.r1 + n };
    for (let i = 0; i < n; i++)
      for (let j = 0; j < width; j++) this.writeInput(t.sheet, at + i, t.rect.c0 + j, rows[i][j], false);
    this.logWrite(
      { sheet: t.sheet, rect: { r0: at, c0: t.rect.c0, r1: at + n - 1, c1: t.rect.c1 } },
      "rows.add",
    );
    return at;
  }

  // ── names ──
  liveNames(): NameModel[] {
    return this.names.filter((n) => !n.deleted);
  }
  findName(name: string): NameModel | null {
    const k = name.toLowerCase();
    return this.liveNames().find((n) => n.name.toLowerCase() === k) ?? null;
  }
  addName(name: unknown, reference: unknown, comment: unknown): NameModel {
    if (
      typeof name !== "string" ||
      !/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) ||
      /^[A-Za-z]{1,3}\d+$/.test(name) ||
      /^[rRcC]$/.test(name)
    )
      throw invalidArgument(`name "${String(name)}"`);
    if (this.nameTaken(name)) throw itemExists(`name "${name}"`);
    let formula: string;
    if (typeof reference === "string") formula = reference.startsWith("=") ? reference : `=${reference}`;
    else if (isApiProxy(reference)) {
      const ref = (reference as unknown as { [RESOLVE]: () => RangeRef | null })[RESOLVE]();
      if (!ref) throw invalidArgument("name reference is a null range");
      formula = `=${sheetPrefix(ref.sheet.name)}${absoluteRectAddress(ref.rect)}`;
    } else throw invalidArgument("name reference");
    const n: NameModel = {
      name,
      formula,
      comment: typeof comment === "string" ? comment : "",
      deleted: false,
    };
    this.names.push(n);
    return n;
  }
  nameRange(n: NameModel): RangeRef {
    const ref = parseNameRef(n.formula);
    const sheet = ref ? this.findSheet(ref.sheet) : null;
    const rect = ref ? parseRect(ref.local) : null;
    if (!sheet || !rect) throw invalidOperation(`name "${n.name}" (${n.formula}) does not refer to a range`);
    return { sheet, rect };
  }

  // ── settings ──
  findSetting(key: string): SettingModel | null {
    return this.settings.find((s) => !s.deleted && s.key === key) ?? null;
  }
}

function parseNameRef(formula: string): { sheet: string; local: string } | null {
  if (!formula.startsWith("=")) return null;
  const { sheet, local } = splitSheet(formula.slice(1));
  return sheet ? { sheet, local } : null;
}

function addressRect(address: string): Rect {
  const r = parseRect(splitSheet(address).local);
  if (!r) throw new Error(`workbook double: bad recorded address ${address}`);
  return r;
}

// ───────────────────────────── batches ─────────────────────────────

interface Action {
  label: string;
  bytes: number;
  run?: () => void;
}

const RESOLVE = Symbol.for("workbookDouble.resolve");

/** A request context: its own queue, shared model and stats. */
class Ctx {
  queue: Action[] = [];
  completedSyncs = 0;
  current: SyncRecord | null = null;
  constructor(readonly model: Model) {}

  enqueue(label: string, args: unknown, run?: () => void): void {
    this.queue.push({ label, bytes: ACTION_BYTES + (args === undefined ? 0 : jsonBytes(args)), run });
  }
  respond(value: unknown): void {
    if (this.current) this.current.responseBytes += jsonBytes(value) + 8;
  }
  async sync(): Promise<void> {
    await Promise.resolve();
    const m = this.model;
    const actions = this.queue;
    this.queue = [];
    m.syncCount += 1;
    const record: SyncRecord = {
      index: m.syncCount,
      requestBytes: actions.reduce((n, a) => n + a.bytes, 0),
      responseBytes: 0,
      operations: actions.length,
      failed: false,
    };
    m.records.push(record);
    this.current = record;
    const fi = m.failures.findIndex((f) => f.sync === m.syncCount);
    const failure = fi >= 0 ? m.failures.splice(fi, 1)[0] : null;
    try {
      for (let i = 0; i < actions.length; i++) {
        if (failure && i === failure.afterOperations)
          throw new DoubleOfficeError(failure.code, failure.message);
        actions[i].run?.();
      }
      if (failure) throw new DoubleOfficeError(failure.code, failure.message);
    } catch (e) {
      record.failed = true;
      throw e;
    } finally {
      this.current = null;
      this.completedSyncs += 1;
    }
  }
}

/** Lazily resolved target of a proxy (memoised at the first action that needs it, like an object path). */
class Handle<T> {
  private memo: { v: T | null } | null = null;
  readonly createdAt: number;
  constructor(
    readonly ctx: Ctx,
    private readonly resolver: () => T | null,
  ) {
    this.createdAt = ctx.completedSyncs;
  }
  resolve(): T | null {
    if (!this.memo) this.memo = { v: this.resolver() };
    return this.memo.v;
  }
  /** Used by null-object paths: resolve at this point of the batch. */
  resolveNow(): void {
    this.resolve();
  }
  isNull(): boolean | undefined {
    return this.memo ? this.memo.v === null : undefined;
  }
  /** A child handle: null when the parent is null. */
  child<U>(f: (t: T) => U | null): Handle<U> {
    return new Handle<U>(this.ctx, () => {
      const t = this.resolve();
      return t === null ? null : f(t);
    });
  }
}

type Api = Record<string | symbol, unknown>;

interface Spec {
  /** Loadable properties: how to read them from the resolved target. */
  load?: Record<string, () => unknown>;
  /** Plain getters (navigation properties, local values). */
  get?: Record<string, () => unknown>;
  set?: Record<string, (v: unknown) => void>;
  fn?: Record<string, (...args: unknown[]) => unknown>;
}

/** Keys that test frameworks and `await` probe on any object: answered with undefined. */
const PROBED = new Set([
  "then",
  "toJSON",
  "asymmetricMatch",
  "$$typeof",
  "nodeType",
  "tagName",
  "@@__IMMUTABLE_ITERABLE__@@",
  "@@__IMMUTABLE_RECORD__@@",
  "_isMockFunction",
  "constructor",
]);

/**
 * Builds an API proxy. Loadable properties read the loaded snapshot or throw PropertyNotLoaded;
 * writing a loadable/settable property queues it and keeps the value locally; unknown members throw.
 */
function apiObject<T>(kind: string, handle: Handle<T>, spec: Spec): Api {
  const loaded = new Map<string, unknown>();
  const ctx = handle.ctx;
  const load = (arg?: unknown): Api => {
    let props: string[];
    if (arg === undefined) props = Object.keys(spec.load ?? {});
    else if (typeof arg === "string")
      props = arg
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean);
    else if (Array.isArray(arg)) props = arg.map(String);
    else throw notImplemented(`${kind}.load(object)`);
    for (const p of props) {
      if (p.includes("/")) throw notImplemented(`${kind}.load("${p}")`);
      if (!spec.load || !(p in spec.load)) throw notImplemented(`${kind}.load("${p}")`);
    }
    ctx.enqueue(`${kind}.load(${props.join(",")})`, props, () => {
      const t = handle.resolve();
      if (t === null) return;
      for (const p of props) {
        const v = (spec.load as Record<string, () => unknown>)[p]();
        loaded.set(p, v);
        ctx.respond(v);
      }
    });
    return proxy;
  };
  const fns: Record<string, (...args: unknown[]) => unknown> = { load, ...(spec.fn ?? {}) };
  const proxy: Api = new Proxy({} as Api, {
    get(_t, prop) {
      if (prop === API_PROXY) return kind;
      if (prop === RESOLVE) return () => handle.resolve();
      if (typeof prop === "symbol") return undefined;
      if (Object.prototype.hasOwnProperty.call(fns, prop)) return fns[prop];
      if (prop === "isNullObject") {
        const isNull = handle.isNull();
        if (isNull === undefined || ctx.completedSyncs <= handle.createdAt)
          throw propertyNotLoaded(kind, prop);
        return isNull;
      }
      if (spec.load && Object.prototype.hasOwnProperty.call(spec.load, prop)) {
        if (handle.isNull() === true && ctx.completedSyncs > handle.createdAt) {
          throw new DoubleOfficeError(
            "InvalidOperation",
            `workbook double: reading ${kind}.${prop} of a null object`,
          );
        }
        if (loaded.has(prop)) return loaded.get(prop);
        throw propertyNotLoaded(kind, prop);
      }
      if (spec.get && Object.prototype.hasOwnProperty.call(spec.get, prop)) return spec.get[prop]();
      if (PROBED.has(prop)) return undefined;
      throw notImplemented(`${kind}.${prop}`);
    },
    set(_t, prop, value) {
      if (typeof prop === "string" && spec.set && Object.prototype.hasOwnProperty.call(spec.set, prop)) {
        spec.set[prop](value);
        if (spec.load && prop in spec.load) loaded.set(prop, value);
        return true;
      }
      throw notImplemented(`${kind}.${String(prop)} (setter)`);
    },
    has(_t, prop) {
      return (
        typeof prop === "string" &&
        (prop in fns || Boolean(spec.load && prop in spec.load) || Boolean(spec.get && prop in spec.get))
      );
    },
  });
  return proxy;
}

/** Queues a write/call on a handle: a no-op when the handle is a null object. */
function act<T>(handle: Handle<T>, label: string, args: unknown, run: (t: T) => void): void {
  handle.ctx.enqueue(label, args, () => {
    const t = handle.resolve();
    if (t !== null) run(t);
  });
}

/** An object path (counted in the request; resolved lazily, or at once for null-object paths). */
function path<T>(handle: Handle<T>, label: string, args: unknown, eager: boolean): Handle<T> {
  handle.ctx.enqueue(label, args, eager ? () => handle.resolveNow() : undefined);
  return handle;
}

/**
 * A collection's getItem / getItemOrNullObject as Office.js defines them: one lookup, and a miss
 * is an ItemNotFound error at the sync (getItem) or a null object (getItemOrNullObject).
 * `handleOf` builds the lookup's handle and calls `missing()` when nothing matches.
 */
function itemGetters<T, A>(
  collection: string,
  describe: (key: unknown) => string,
  handleOf: (key: unknown, missing: () => null) => Handle<T>,
  api: (h: Handle<T>) => A,
): { getItem: (key: unknown) => A; getItemOrNullObject: (key: unknown) => A } {
  return {
    getItem: (key: unknown) =>
      api(
        path(
          handleOf(key, () => throwNow(itemNotFound(describe(key)))),
          `${collection}.getItem`,
          [key],
          false,
        ),
      ),
    getItemOrNullObject: (key: unknown) =>
      api(
        path(
          handleOf(key, () => null),
          `${collection}.getItemOrNullObject`,
          [key],
          true,
        ),
      ),
  };
}

/** Every enum member the adapters use (unknown members throw). */
function strictEnum(name: string, values: Record<string, string>): Record<string, string> {
  return new Proxy(values, {
    get(t, prop) {
      if (typeof prop === "symbol" || PROBED.has(prop)) return undefined;
      if (prop in t) return t[prop];
      throw notImplemented(`Excel.${name}.${prop}`);
    },
  });
}

const ENUMS = {
  ConditionalFormatType: {
    custom: "Custom",
    dataBar: "DataBar",
    colorScale: "ColorScale",
    iconSet: "IconSet",
    topBottom: "TopBottom",
    presetCriteria: "PresetCriteria",
    containsText: "ContainsText",
    cellValue: "CellValue",
  },
  ClearApplyTo: {
    all: "All",
    formats: "Formats",
    contents: "Contents",
    hyperlinks: "Hyperlinks",
    removeHyperlinks: "RemoveHyperlinks",
  },
  ChartType: { barClustered: "BarClustered", columnClustered: "ColumnClustered", line: "Line", pie: "Pie" },
  ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
  DataValidationOperator: {
    between: "Between",
    notBetween: "NotBetween",
    equalTo: "EqualTo",
    notEqualTo: "NotEqualTo",
    greaterThan: "GreaterThan",
    lessThan: "LessThan",
    greaterThanOrEqualTo: "GreaterThanOrEqualTo",
    lessThanOrEqualTo: "LessThanOrEqualTo",
  },
  DataValidationAlertStyle: { stop: "Stop", warning: "Warning", information: "Information" },
  PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
  PaperType: { a4: "A4", a3: "A3", letter: "Letter", legal: "Legal" },
  AggregationFunction: {
    unknown: "Unknown",
    automatic: "Automatic",
    sum: "Sum",
    count: "Count",
    average: "Average",
    max: "Max",
    min: "Min",
  },
  ConditionalTextOperator: {
    contains: "Contains",
    notContains: "NotContains",
    beginsWith: "BeginsWith",
    endsWith: "EndsWith",
  },
  ConditionalCellValueOperator: {
    invalid: "Invalid",
    between: "Between",
    notBetween: "NotBetween",
    equalTo: "EqualTo",
    notEqualTo: "NotEqualTo",
    greaterThan: "GreaterThan",
    lessThan: "LessThan",
    greaterThanOrEqual: "GreaterThanOrEqual",
    lessThanOrEqual: "LessThanOrEqual",
  },
} as const;

// ───────────────────────────── API objects ─────────────────────────────

/** A memoised factory: sub-objects (format, font, …) are the same object on every access. */
function lazy<T>(make: () => T): () => T {
  let v: T | undefined;
  return () => (v === undefined ? (v = make()) : v);
}

function resolveRangeArg(arg: unknown, what: string): RangeRef {
  if (typeof arg === "object" && arg !== null && isApiProxy(arg)) {
    const r = (arg as { [RESOLVE]: () => RangeRef | null })[RESOLVE]();
    if (r && "rect" in r) return r;
  }
  throw invalidArgument(`${what} must be a Range`);
}

function checkRect(r: Rect, what: string): Rect {
  if (r.r0 < 0 || r.c0 < 0 || r.r1 >= MAX_ROWS || r.c1 >= MAX_COLUMNS || r.r1 < r.r0 || r.c1 < r.c0)
    throw invalidArgument(`${what} is outside the sheet`);
  return r;
}

function rangeApi(h: Handle<RangeRef>): Api {
  const m = h.ctx.model;
  const sub = (label: string, args: unknown, f: (r: RangeRef) => Rect) =>
    rangeApi(
      path(
        h.child((r) => ({ sheet: r.sheet, rect: checkRect(f(r), label) })),
        `Range.${label}`,
        args,
        false,
      ),
    );
  const fmtRecord = (prop: string) => (v: unknown) =>
    act(h, `Range.format.${prop}`, v, (r) =>
      r.sheet.formats.push({ address: rectAddress(r.rect), property: prop, value: v }),
    );
  const font = lazy(() =>
    apiObject("RangeFont", h, {
      set: {
        bold: fmtRecord("font.bold"),
        italic: fmtRecord("font.italic"),
        color: fmtRecord("font.color"),
        size: fmtRecord("font.size"),
        name: fmtRecord("font.name"),
      },
    }),
  );
  const fill = lazy(() => apiObject("RangeFill", h, { set: { color: fmtRecord("fill.color") } }));
  const format = lazy(() =>
    apiObject("RangeFormat", h, {
      get: { font, fill },
      set: {
        wrapText: fmtRecord("wrapText"),
        horizontalAlignment: fmtRecord("horizontalAlignment"),
        verticalAlignment: fmtRecord("verticalAlignment"),
        rowHeight: fmtRecord("rowHeight"),
        columnWidth: (v) =>
          act(h, "Range.format.columnWidth", v, (r) => {
            if (typeof v !== "number" || !(v >= 0)) throw invalidArgument("columnWidth");
            for (let c = r.rect.c0; c <= r.rect.c1; c++) r.sheet.columnWidths[c] = v;
          }),
      },
    }),
  );
  const conditionalFormats = lazy(() =>
    apiObject("ConditionalFormatCollection", h, {
      fn: {
        add: (type: unknown) => {
          const cfHandle = h.child((r) => {
            if (!Object.values(ENUMS.ConditionalFormatType).includes(type as never))
              throw invalidArgument(`conditional format type ${String(type)}`);
            const rec: ConditionalFormatRecord = {
              id: m.nextId++,
              address: rectAddress(r.rect),
              type: String(type),
              rule: {},
              format: {},
            };
            r.sheet.conditionalFormats.push(rec);
            return rec;
          });
          path(cfHandle, "ConditionalFormatCollection.add", [type], true);
          return conditionalFormatApi(cfHandle);
        },
        clearAll: () =>
          act(h, "ConditionalFormatCollection.clearAll", undefined, (r) => {
            r.sheet.conditionalFormats = r.sheet.conditionalFormats.filter(
              (f) => !intersects(addressRect(f.address), r.rect),
            );
          }),
      },
    }),
  );
  const dvRecord = (r: RangeRef): DataValidationRecord => {
    const address = rectAddress(r.rect);
    let rec = r.sheet.dataValidations.find((d) => d.address === address);
    if (!rec) {
      rec = { address, rule: undefined };
      r.sheet.dataValidations.push(rec);
    }
    return rec;
  };
  const dataValidation = lazy(() =>
    apiObject("DataValidation", h, {
      set: {
        rule: (v) =>
          act(h, "DataValidation.rule", v, (r) => {
            validateDvRule(v);
            dvRecord(r).rule = v;
          }),
        errorAlert: (v) => act(h, "DataValidation.errorAlert", v, (r) => (dvRecord(r).errorAlert = v)),
        prompt: (v) => act(h, "DataValidation.prompt", v, (r) => (dvRecord(r).prompt = v)),
      },
      fn: {
        clear: () =>
          act(h, "DataValidation.clear", undefined, (r) => {
            r.sheet.dataValidations = r.sheet.dataValidations.filter(
              (d) => !intersects(addressRect(d.address), r.rect),
            );
          }),
      },
    }),
  );
  const writer = (via: "values" | "formulas" | "numberFormat") => (v: unknown) =>
    act(h, `Range.${via}`, v, (r) => m.write(r, v, via));
  return apiObject("Range", h, {
    load: {
      values: () => m.read(h.resolve() as RangeRef, "values"),
      formulas: () => m.read(h.resolve() as RangeRef, "formulas"),
      numberFormat: () => m.read(h.resolve() as RangeRef, "numberFormat"),
      address: () => {
        const r = h.resolve() as RangeRef;
        return `${sheetPrefix(r.sheet.name)}${rectAddress(r.rect)}`;
      },
      rowCount: () => (h.resolve() as RangeRef).rect.r1 - (h.resolve() as RangeRef).rect.r0 + 1,
      columnCount: () => (h.resolve() as RangeRef).rect.c1 - (h.resolve() as RangeRef).rect.c0 + 1,
      rowIndex: () => (h.resolve() as RangeRef).rect.r0,
      columnIndex: () => (h.resolve() as RangeRef).rect.c0,
    },
    get: {
      format,
      conditionalFormats,
      dataValidation,
      worksheet: () =>
        worksheetApi(
          path(
            h.child((r) => r.sheet),
            "Range.worksheet",
            undefined,
            false,
          ),
        ),
    },
    set: {
      values: writer("values"),
      formulas: writer("formulas"),
      numberFormat: writer("numberFormat"),
      hyperlink: (v) =>
        act(h, "Range.hyperlink", v, (r) => {
          if (typeof v !== "object" || v === null) throw invalidArgument("hyperlink");
          if (m.filteredTableAt(r)) throw invalidOperation("hyperlink inside a filtered table");
          const link = v as HyperlinkData;
          for (let i = r.rect.r0; i <= r.rect.r1; i++) {
            for (let j = r.rect.c0; j <= r.rect.c1; j++) {
              const old = m.cell(r.sheet, i, j) ?? { v: "" };
              // The display text is written as literal text (Excel shows it as given).
              const text =
                link.textToDisplay !== undefined
                  ? link.textToDisplay
                  : old.f === undefined && old.v !== ""
                    ? old.v
                    : (link.address ?? "");
              m.setCell(r.sheet, i, j, { v: text, nf: old.nf, link: { ...link } });
            }
          }
          m.logWrite(r, "hyperlink");
        }),
    },
    fn: {
      getCell: (row: unknown, column: unknown) =>
        sub("getCell", [row, column], (r) => {
          const [i, j] = [Number(row), Number(column)];
          return { r0: r.rect.r0 + i, c0: r.rect.c0 + j, r1: r.rect.r0 + i, c1: r.rect.c0 + j };
        }),
      getResizedRange: (dr: unknown, dc: unknown) =>
        sub("getResizedRange", [dr, dc], (r) => ({
          ...r.rect,
          r1: r.rect.r1 + Number(dr),
          c1: r.rect.c1 + Number(dc),
        })),
      getOffsetRange: (dr: unknown, dc: unknown) =>
        sub("getOffsetRange", [dr, dc], (r) => ({
          r0: r.rect.r0 + Number(dr),
          c0: r.rect.c0 + Number(dc),
          r1: r.rect.r1 + Number(dr),
          c1: r.rect.c1 + Number(dc),
        })),
      getRow: (i: unknown) =>
        sub("getRow", [i], (r) => ({
          r0: r.rect.r0 + Number(i),
          r1: r.rect.r0 + Number(i),
          c0: r.rect.c0,
          c1: r.rect.c1,
        })),
      getIntersection: (other: unknown) =>
        sub("getIntersection", [other], (r) => {
          const o = resolveRangeArg(other, "getIntersection");
          const x = {
            r0: Math.max(r.rect.r0, o.rect.r0),
            c0: Math.max(r.rect.c0, o.rect.c0),
            r1: Math.min(r.rect.r1, o.rect.r1),
            c1: Math.min(r.rect.c1, o.rect.c1),
          };
          if (o.sheet !== r.sheet || x.r0 > x.r1 || x.c0 > x.c1)
            throw invalidArgument("getIntersection: the ranges do not intersect");
          return x;
        }),
      getIntersectionOrNullObject: (other: unknown) =>
        rangeApi(
          path(
            h.child((r) => {
              const o = resolveRangeArg(other, "getIntersectionOrNullObject");
              const x = {
                r0: Math.max(r.rect.r0, o.rect.r0),
                c0: Math.max(r.rect.c0, o.rect.c0),
                r1: Math.min(r.rect.r1, o.rect.r1),
                c1: Math.min(r.rect.c1, o.rect.c1),
              };
              return o.sheet !== r.sheet || x.r0 > x.r1 || x.c0 > x.c1 ? null : { sheet: r.sheet, rect: x };
            }),
            "Range.getIntersectionOrNullObject",
            [other],
            true,
          ),
        ),
      getColumn: (j: unknown) =>
        sub("getColumn", [j], (r) => ({
          r0: r.rect.r0,
          r1: r.rect.r1,
          c0: r.rect.c0 + Number(j),
          c1: r.rect.c0 + Number(j),
        })),
      merge: (across: unknown) =>
        act(h, "Range.merge", [across], (r) => {
          if (across) throw notImplemented("Range.merge(across = true)");
          if (
            r.sheet.merges.some(
              (x) =>
                intersects(x, r.rect) &&
                !(x.r0 === r.rect.r0 && x.c0 === r.rect.c0 && x.r1 === r.rect.r1 && x.c1 === r.rect.c1),
            )
          ) {
            throw invalidOperation(`merge ${rectAddress(r.rect)} overlaps another merged area`);
          }
          if (
            !r.sheet.merges.some(
              (x) => x.r0 === r.rect.r0 && x.c0 === r.rect.c0 && x.r1 === r.rect.r1 && x.c1 === r.rect.c1,
            )
          )
            r.sheet.merges.push({ ...r.rect });
        }),
      unmerge: () =>
        act(
          h,
          "Range.unmerge",
          undefined,
          (r) => (r.sheet.merges = r.sheet.merges.filter((x) => !intersects(x, r.rect))),
        ),
      clear: (applyTo: unknown) =>
        act(h, "Range.clear", [applyTo], (r) => {
          const a = applyTo === undefined ? "All" : String(applyTo);
          if (!["All", "Contents", "Formats"].includes(a)) throw notImplemented(`Range.clear("${a}")`);
          m.clear(r, a);
        }),
      select: () =>
        act(h, "Range.select", undefined, (r) => {
          m.activeSheet = r.sheet;
          m.selection = { sheet: r.sheet, rect: { ...r.rect } };
        }),
    },
  });
}

function validateDvRule(v: unknown): void {
  if (typeof v !== "object" || v === null) throw invalidArgument("data validation rule");
  const keys = Object.keys(v);
  if (keys.length !== 1) throw invalidArgument("a data validation rule has exactly one kind");
  const k = keys[0];
  const body = (v as Record<string, Record<string, unknown>>)[k];
  if (k === "list") {
    if (typeof body.source !== "string" || body.source === "") throw invalidArgument("list.source");
  } else if (k === "date" || k === "decimal" || k === "wholeNumber" || k === "textLength") {
    if (body.formula1 === undefined || typeof body.operator !== "string")
      throw invalidArgument(`${k}.formula1/operator`);
  } else if (k !== "custom") throw notImplemented(`DataValidation.rule.${k}`);
}

function conditionalFormatApi(h: Handle<ConditionalFormatRecord>): Api {
  const part = (name: "textComparison" | "cellValue" | "custom", type: string) => {
    const need = (cf: ConditionalFormatRecord) => {
      if (cf.type !== type) throw invalidOperation(`ConditionalFormat.${name} on a ${cf.type} format`);
    };
    const setFormat = (key: keyof ConditionalFormatRecord["format"]) => (v: unknown) =>
      act(h, `ConditionalFormat.${name}.format.${key}`, v, (cf) => {
        need(cf);
        (cf.format as Record<string, unknown>)[key] = v;
      });
    const format = apiObject("ConditionalRangeFormat", h, {
      get: {
        fill: () => apiObject("ConditionalRangeFill", h, { set: { color: setFormat("fill") } }),
        font: () =>
          apiObject("ConditionalRangeFont", h, {
            set: { color: setFormat("fontColor"), bold: setFormat("bold"), italic: setFormat("italic") },
          }),
      },
    });
    const rule: Spec =
      name === "custom"
        ? {
            get: {
              rule: () =>
                apiObject("ConditionalFormatRule", h, {
                  set: {
                    formula: (v: unknown) =>
                      act(h, "ConditionalFormat.custom.rule.formula", v, (cf) => {
                        need(cf);
                        if (typeof v !== "string" || !v.startsWith("="))
                          throw invalidArgument("custom rule formula");
                        cf.rule = { formula: v };
                      }),
                  },
                }),
              format: () => format,
            },
          }
        : {
            get: { format: () => format },
            set: {
              rule: (v: unknown) =>
                act(h, `ConditionalFormat.${name}.rule`, v, (cf) => {
                  need(cf);
                  if (
                    typeof v !== "object" ||
                    v === null ||
                    typeof (v as Record<string, unknown>).operator !== "string"
                  )
                    throw invalidArgument(`${name}.rule`);
                  cf.rule = { ...(v as Record<string, unknown>) };
                }),
            },
          };
    return apiObject(`ConditionalFormat.${name}`, h, rule);
  };
  const text = part("textComparison", "ContainsText");
  const cell = part("cellValue", "CellValue");
  const custom = part("custom", "Custom");
  return apiObject("ConditionalFormat", h, {
    load: { type: () => (h.resolve() as ConditionalFormatRecord).type },
    get: { textComparison: () => text, cellValue: () => cell, custom: () => custom },
  });
}

function worksheetApi(h: Handle<SheetModel>): Api {
  const ctx = h.ctx;
  const m = ctx.model;
  const range = (label: string, args: unknown, f: (s: SheetModel) => Rect) =>
    rangeApi(
      path(
        h.child((s) => ({ sheet: s, rect: f(s) })),
        label,
        args,
        false,
      ),
    );
  const charts = apiObject("ChartCollection", h, {
    fn: {
      add: (type: unknown, source: unknown, seriesBy: unknown) => {
        const ch = h.child((s) => {
          if (!Object.values(ENUMS.ChartType).includes(type as never))
            throw invalidArgument(`chart type ${String(type)}`);
          const src = resolveRangeArg(source, "chart source");
          const series = seriesBy === "Rows" ? src.rect.r1 - src.rect.r0 + 1 : src.rect.c1 - src.rect.c0 + 1;
          let n = s.charts.length + 1;
          while (s.charts.some((c) => c.name === `Chart ${n}`)) n++;
          const rec: ChartRecord = {
            id: m.nextId++,
            name: `Chart ${n}`,
            type: String(type),
            source: `${sheetPrefix(src.sheet.name)}${rectAddress(src.rect)}`,
            seriesBy: String(seriesBy ?? "Auto"),
            series: Array.from({ length: series }, () => ({})),
            valueAxis: {},
          };
          s.charts.push(rec);
          return rec;
        });
        path(ch, "ChartCollection.add", [type, source, seriesBy], true);
        return chartApi(ch);
      },
      ...itemGetters(
        "ChartCollection",
        (name) => `chart "${String(name)}"`,
        (name, missing) => h.child((s) => s.charts.find((c) => c.name === name) ?? missing()),
        chartApi,
      ),
    },
  });
  const freezePanes = apiObject("WorksheetFreezePanes", h, {
    fn: {
      freezeRows: (n: unknown) =>
        act(h, "FreezePanes.freezeRows", [n], (s) => (s.freeze = { rows: Number(n ?? 1), columns: 0 })),
      freezeColumns: (n: unknown) =>
        act(h, "FreezePanes.freezeColumns", [n], (s) => (s.freeze = { rows: 0, columns: Number(n ?? 1) })),
      freezeAt: (r: unknown) =>
        act(h, "FreezePanes.freezeAt", [r], (s) => {
          const ref = resolveRangeArg(r, "freezeAt");
          if (ref.sheet !== s || ref.rect.r0 !== 0 || ref.rect.c0 !== 0)
            throw notImplemented("FreezePanes.freezeAt(range not starting at A1)");
          s.freeze = { rows: ref.rect.r1 + 1, columns: ref.rect.c1 + 1 };
        }),
      unfreeze: () => act(h, "FreezePanes.unfreeze", undefined, (s) => (s.freeze = null)),
    },
  });
  const layoutSet = (key: string) => (v: unknown) =>
    act(h, `PageLayout.${key}`, v, (s) => (s.pageLayout[key] = v));
  const footers = apiObject("HeaderFooter", h, {
    set: {
      centerFooter: layoutSet("centerFooter"),
      leftFooter: layoutSet("leftFooter"),
      rightFooter: layoutSet("rightFooter"),
      centerHeader: layoutSet("centerHeader"),
    },
  });
  const headersFooters = apiObject("HeaderFooterGroup", h, { get: { defaultForAllPages: () => footers } });
  const pageLayout = apiObject("PageLayout", h, {
    set: {
      orientation: layoutSet("orientation"),
      paperSize: layoutSet("paperSize"),
      zoom: layoutSet("zoom"),
      centerHorizontally: layoutSet("centerHorizontally"),
    },
    get: { headersFooters: () => headersFooters },
    fn: {
      setPrintTitleRows: (v: unknown) =>
        act(
          h,
          "PageLayout.setPrintTitleRows",
          [v],
          (s) => (s.pageLayout.printTitleRows = typeof v === "string" ? v : rangeAddressOf(v)),
        ),
      setPrintArea: (v: unknown) =>
        act(
          h,
          "PageLayout.setPrintArea",
          [v],
          (s) => (s.pageLayout.printArea = typeof v === "string" ? v : rangeAddressOf(v)),
        ),
    },
  });
  const tables = tableCollectionApi(h.ctx, h, "WorksheetTableCollection");
  return apiObject("Worksheet", h, {
    load: {
      name: () => (h.resolve() as SheetModel).name,
      tabColor: () => (h.resolve() as SheetModel).tabColor ?? "",
      id: () => `{double-sheet-${(h.resolve() as SheetModel).id}}`,
      position: () => m.liveSheets().indexOf(h.resolve() as SheetModel),
    },
    get: {
      charts: () => charts,
      freezePanes: () => freezePanes,
      pageLayout: () => pageLayout,
      tables: () => tables,
    },
    set: {
      tabColor: (v) => act(h, "Worksheet.tabColor", v, (s) => (s.tabColor = String(v))),
      name: (v) =>
        act(h, "Worksheet.name", v, (s) => {
          if (typeof v !== "string") throw invalidArgument("worksheet name");
          const other = m.findSheet(v);
          if (other && other !== s) throw itemExists(`worksheet "${v}"`);
          s.name = v;
        }),
    },
    fn: {
      getRange: (address?: unknown) =>
        range("Worksheet.getRange", [address], () => {
          if (address === undefined || address === "")
            return { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLUMNS - 1 };
          const { sheet, local } = splitSheet(String(address));
          if (sheet !== null) throw notImplemented("Worksheet.getRange(address with a sheet name)");
          const rect = parseRect(local);
          if (!rect) throw notImplemented(`Worksheet.getRange("${String(address)}")`);
          return rect;
        }),
      getRangeByIndexes: (row: unknown, column: unknown, rows: unknown, columns: unknown) =>
        range("Worksheet.getRangeByIndexes", [row, column, rows, columns], () => {
          const [r, c, n, w] = [row, column, rows, columns].map(Number);
          if (![r, c, n, w].every(Number.isInteger) || n < 1 || w < 1)
            throw invalidArgument("getRangeByIndexes");
          return checkRect({ r0: r, c0: c, r1: r + n - 1, c1: c + w - 1 }, "getRangeByIndexes");
        }),
      getUsedRangeOrNullObject: (valuesOnly?: unknown) =>
        rangeApi(
          path(
            h.child((s) => {
              const rect = m.usedRect(s, valuesOnly === true);
              return rect ? { sheet: s, rect } : null;
            }),
            "Worksheet.getUsedRangeOrNullObject",
            [valuesOnly],
            true,
          ),
        ),
      activate: () => act(h, "Worksheet.activate", undefined, (s) => (m.activeSheet = s)),
      delete: () => act(h, "Worksheet.delete", undefined, (s) => m.deleteSheet(s)),
    },
  });
}

function rangeAddressOf(v: unknown): string {
  const r = resolveRangeArg(v, "range");
  return rectAddress(r.rect);
}

function throwNow(e: Error): never {
  throw e;
}

function chartApi(h: Handle<ChartRecord>): Api {
  const setter = (label: string, f: (c: ChartRecord, v: unknown) => void) => (v: unknown) =>
    act(h, `Chart.${label}`, v, (c) => f(c, v));
  const title = apiObject("ChartTitle", h, {
    set: { text: setter("title.text", (c, v) => (c.title = String(v))) },
  });
  const legend = apiObject("ChartLegend", h, {
    set: { visible: setter("legend.visible", (c, v) => (c.legendVisible = Boolean(v))) },
  });
  const valueAxis = apiObject("ChartAxis", h, {
    set: {
      maximum: setter("axes.valueAxis.maximum", (c, v) => (c.valueAxis.maximum = Number(v))),
      minimum: setter("axes.valueAxis.minimum", (c, v) => (c.valueAxis.minimum = Number(v))),
      numberFormat: setter("axes.valueAxis.numberFormat", (c, v) => (c.valueAxis.numberFormat = String(v))),
    },
  });
  const axes = apiObject("ChartAxes", h, { get: { valueAxis: () => valueAxis } });
  const series = apiObject("ChartSeriesCollection", h, {
    fn: {
      getItemAt: (i: unknown) => {
        const sh = h.child((c) => {
          const s = c.series[Number(i)];
          if (!s) throw itemNotFound(`series ${String(i)} of chart "${c.name}"`);
          return s;
        });
        path(sh, "ChartSeriesCollection.getItemAt", [i], false);
        return apiObject("ChartSeries", sh, {
          set: { name: (v) => act(sh, "ChartSeries.name", v, (s) => (s.name = String(v))) },
          fn: {
            setXAxisValues: (r: unknown) =>
              act(sh, "ChartSeries.setXAxisValues", [r], (s) => (s.xValues = rangeAddressOf(r))),
          },
        });
      },
    },
  });
  return apiObject("Chart", h, {
    load: {
      name: () => (h.resolve() as ChartRecord).name,
      width: () => (h.resolve() as ChartRecord).width,
      height: () => (h.resolve() as ChartRecord).height,
    },
    get: { title: () => title, legend: () => legend, axes: () => axes, series: () => series },
    set: {
      name: setter("name", (c, v) => (c.name = String(v))),
      width: setter("width", (c, v) => (c.width = Number(v))),
      height: setter("height", (c, v) => (c.height = Number(v))),
    },
    fn: {
      setPosition: (start: unknown, end?: unknown) =>
        act(h, "Chart.setPosition", [start, end], (c) => {
          if (typeof start !== "string" || !parseRect(start)) throw invalidArgument("setPosition start");
          c.position = { start, end: typeof end === "string" ? end : undefined };
        }),
      delete: () =>
        act(h, "Chart.delete", undefined, (c) => {
          for (const s of h.ctx.model.sheets) s.charts = s.charts.filter((x) => x !== c);
        }),
    },
  });
}

function tableCollectionApi(ctx: Ctx, sheet: Handle<SheetModel> | null, kind: string): Api {
  const m = ctx.model;
  const root = new Handle<Model>(ctx, () => m);
  const owner: Handle<unknown> = sheet ?? root;
  const list = (): TableModel[] => {
    const s = sheet?.resolve();
    return m.liveTables().filter((t) => !sheet || t.sheet === s);
  };
  let items: Api[] | null = null;
  return apiObject(kind, owner, {
    get: {
      items: () => {
        if (!items) throw propertyNotLoaded(kind, "items");
        return items;
      },
    },
    fn: {
      load: (arg?: unknown) => {
        const props =
          typeof arg === "string" ? arg.split(",").map((p) => p.trim().replace(/^items\//, "")) : ["name"];
        for (const p of props)
          if (p !== "name" && p !== "items") throw notImplemented(`${kind}.load("${p}")`);
        ctx.enqueue(`${kind}.load`, props, () => {
          const ts = list();
          items = ts.map((t) => {
            const th = new Handle<TableModel>(ctx, () => t);
            th.resolveNow();
            const api = tableApi(th);
            preload(api, "name", t.name);
            return api;
          });
          ctx.respond(ts.map((t) => ({ name: t.name })));
        });
        return undefined;
      },
      add: (address: unknown, hasHeaders: unknown) => {
        const th = new Handle<TableModel>(ctx, () => {
          const { sheet: sheetName, local } = splitSheet(String(address));
          if (sheet && sheet.resolve() === null) return null;
          const s = sheet ? sheet.resolve() : sheetName ? m.findSheet(sheetName) : null;
          if (!s) throw invalidArgument(`table address ${String(address)}`);
          const rect = parseRect(local);
          if (!rect) throw invalidArgument(`table address ${String(address)}`);
          return m.addTable(s, rect, hasHeaders === true);
        });
        path(th, `${kind}.add`, [address, hasHeaders], true);
        return tableApi(th);
      },
      ...itemGetters(
        kind,
        (name) => `table "${String(name)}"`,
        (name, missing) =>
          new Handle<TableModel>(
            ctx,
            () => list().find((t) => t.name.toLowerCase() === String(name).toLowerCase()) ?? missing(),
          ),
        tableApi,
      ),
    },
  });
}

/** Marks a property of an item proxy as loaded (collections' items/name). */
const PRELOAD = Symbol.for("workbookDouble.preload");
function preload(api: Api, prop: string, value: unknown): void {
  (api[PRELOAD] as (p: string, v: unknown) => void)(prop, value);
}

function tableApi(h: Handle<TableModel>): Api {
  const ctx = h.ctx;
  const m = ctx.model;
  const rangeFrom = (label: string, f: (t: TableModel) => Rect) =>
    rangeApi(
      path(
        h.child((t) => ({ sheet: t.sheet, rect: f(t) })),
        `Table.${label}`,
        undefined,
        false,
      ),
    );
  const columnApi = (ch: Handle<{ t: TableModel; i: number }>): Api => {
    const filter = apiObject("Filter", ch, {
      fn: {
        applyValuesFilter: (values: unknown) =>
          act(ch, "Filter.applyValuesFilter", [values], ({ t, i }) => {
            if (!Array.isArray(values) || values.some((v) => typeof v !== "string"))
              throw invalidArgument("applyValuesFilter values");
            t.filters.set(i, [...(values as string[])]);
          }),
        clear: () => act(ch, "Filter.clear", undefined, ({ t, i }) => t.filters.delete(i)),
      },
    });
    return apiObject("TableColumn", ch, {
      load: {
        name: () => {
          const c = ch.resolve() as { t: TableModel; i: number };
          return m.headers(c.t)[c.i];
        },
        index: () => (ch.resolve() as { i: number }).i,
      },
      get: { filter: () => filter },
      fn: {
        getDataBodyRange: () =>
          rangeApi(
            path(
              ch.child(({ t, i }) => ({
                sheet: t.sheet,
                rect: { r0: t.rect.r0 + 1, r1: t.rect.r1, c0: t.rect.c0 + i, c1: t.rect.c0 + i },
              })),
              "TableColumn.getDataBodyRange",
              undefined,
              false,
            ),
          ),
      },
    });
  };
  const columns = apiObject("TableColumnCollection", h, {
    fn: {
      add: (index?: unknown, values?: unknown, name?: unknown) =>
        act(h, "TableColumnCollection.add", [index ?? null, values ?? null, name ?? null], (t) =>
          m.addTableColumn(t, index, values, name),
        ),
      getItemAt: (i: unknown) =>
        columnApi(
          path(
            h.child((t) => {
              const n = Number(i);
              if (!Number.isInteger(n) || n < 0 || n > t.rect.c1 - t.rect.c0)
                throw itemNotFound(`column ${String(i)} of table "${t.name}"`);
              return { t, i: n };
            }),
            "TableColumnCollection.getItemAt",
            [i],
            false,
          ),
        ),
      ...itemGetters(
        "TableColumnCollection",
        (key) => `table column "${String(key)}"`,
        (key, missing) =>
          h.child((t) => {
            const i =
              typeof key === "number"
                ? key
                : m.headers(t).findIndex((x) => x.toLowerCase() === String(key).toLowerCase());
            return i < 0 || i > t.rect.c1 - t.rect.c0 ? missing() : { t, i };
          }),
        columnApi,
      ),
    },
  });
  const rows = apiObject("TableRowCollection", h, {
    load: { count: () => (h.resolve() as TableModel).rect.r1 - (h.resolve() as TableModel).rect.r0 },
    fn: {
      add: (index?: unknown, values?: unknown, alwaysInsert?: unknown) => {
        // The returned TableRow is the top added row: a fixed physical row of the sheet.
        const top = h.child((t) => {
          const at = m.addTableRows(t, index, values, alwaysInsert);
          return { sheet: t.sheet, rect: { r0: at, r1: at, c0: t.rect.c0, c1: t.rect.c1 } };
        });
        path(top, "TableRowCollection.add", [index ?? null, values, alwaysInsert], true);
        return apiObject("TableRow", top, {
          load: {
            index: () => (top.resolve() as RangeRef).rect.r0 - (h.resolve() as TableModel).rect.r0 - 1,
            values: () => m.read(top.resolve() as RangeRef, "values"),
          },
          fn: {
            getRange: () =>
              rangeApi(
                path(
                  top.child((r) => r),
                  "TableRow.getRange",
                  undefined,
                  false,
                ),
              ),
          },
        });
      },
    },
  });
  const autoFilter = apiObject("AutoFilter", h, {
    load: { isDataFiltered: () => (h.resolve() as TableModel).filters.size > 0, enabled: () => true },
    fn: { clearCriteria: () => act(h, "AutoFilter.clearCriteria", undefined, (t) => t.filters.clear()) },
  });
  const api = apiObject("Table", h, {
    load: {
      name: () => (h.resolve() as TableModel).name,
      style: () => (h.resolve() as TableModel).style ?? "",
    },
    get: {
      columns: () => columns,
      rows: () => rows,
      autoFilter: () => autoFilter,
      worksheet: () =>
        worksheetApi(
          path(
            h.child((t) => t.sheet),
            "Table.worksheet",
            undefined,
            false,
          ),
        ),
    },
    set: {
      name: (v) => act(h, "Table.name", v, (t) => m.renameTable(t, v)),
      style: (v) => act(h, "Table.style", v, (t) => (t.style = String(v))),
    },
    fn: {
      getHeaderRowRange: () => rangeFrom("getHeaderRowRange", (t) => ({ ...t.rect, r1: t.rect.r0 })),
      getDataBodyRange: () => rangeFrom("getDataBodyRange", (t) => m.bodyRect(t)),
      getRange: () => rangeFrom("getRange", (t) => ({ ...t.rect })),
      clearFilters: () => act(h, "Table.clearFilters", undefined, (t) => t.filters.clear()),
      delete: () => act(h, "Table.delete", undefined, (t) => (t.deleted = true)),
    },
  });
  return withPreload(api);
}

/** Adds the PRELOAD hook to an API proxy (used for collection items). */
function withPreload(api: Api): Api {
  const local = new Map<string, unknown>();
  return new Proxy(api, {
    get(t, prop) {
      if (prop === PRELOAD) return (p: string, v: unknown) => local.set(p, v);
      if (typeof prop === "string" && local.has(prop)) return local.get(prop);
      return t[prop];
    },
    set(t, prop, v) {
      if (typeof prop === "string") local.delete(prop);
      t[prop] = v;
      return true;
    },
  });
}

function namedItemApi(h: Handle<NameModel>): Api {
  const m = h.ctx.model;
  return withPreload(
    apiObject("NamedItem", h, {
      load: {
        name: () => (h.resolve() as NameModel).name,
        formula: () => (h.resolve() as NameModel).formula,
        comment: () => (h.resolve() as NameModel).comment,
        type: () => "Range",
      },
      fn: {
        delete: () => act(h, "NamedItem.delete", undefined, (n) => (n.deleted = true)),
        getRange: () =>
          rangeApi(
            path(
              h.child((n) => m.nameRange(n)),
              "NamedItem.getRange",
              undefined,
              false,
            ),
          ),
        getRangeOrNullObject: () =>
          rangeApi(
            path(
              h.child((n) => {
                try {
                  return m.nameRange(n);
                } catch {
                  return null;
                }
              }),
              "NamedItem.getRangeOrNullObject",
              undefined,
              true,
            ),
          ),
      },
    }),
  );
}

function collectionItems<T>(
  ctx: Ctx,
  kind: string,
  list: () => T[],
  make: (h: Handle<T>) => Api,
  row: (t: T) => Record<string, unknown>,
) {
  let items: Api[] | null = null;
  return {
    items: () => {
      if (!items) throw propertyNotLoaded(kind, "items");
      return items;
    },
    load: (arg?: unknown) => {
      const props =
        typeof arg === "string"
          ? arg.split(",").map((p) => p.trim().replace(/^items\//, ""))
          : arg === undefined
            ? ["*"]
            : null;
      if (!props) throw notImplemented(`${kind}.load(non-string)`);
      ctx.enqueue(`${kind}.load`, props, () => {
        const xs = list();
        const rows = xs.map(row);
        items = xs.map((x, i) => {
          const h = new Handle<T>(ctx, () => x);
          h.resolveNow();
          const api = make(h);
          for (const [k, v] of Object.entries(rows[i]))
            if (props.includes("*") || props.includes(k) || props.includes("items")) preload(api, k, v);
          return api;
        });
        ctx.respond(rows);
      });
      return undefined;
    },
  };
}

function workbookApi(ctx: Ctx): Api {
  const m = ctx.model;
  const root = new Handle<Model>(ctx, () => m);
  root.resolveNow();
  const sheetItems = collectionItems(
    ctx,
    "WorksheetCollection",
    () => m.liveSheets(),
    (h) => withPreload(worksheetApi(h)),
    (s) => ({ name: s.name }),
  );
  const worksheets = apiObject("WorksheetCollection", root, {
    get: { items: sheetItems.items },
    fn: {
      load: sheetItems.load,
      add: (name?: unknown) => {
        const h = new Handle<SheetModel>(ctx, () => {
          let n = name;
          if (n === undefined) {
            let k = m.sheets.length + 1;
            while (m.findSheet(`Sheet${k}`)) k++;
            n = `Sheet${k}`;
          }
          return m.addSheet(String(n));
        });
        path(h, "WorksheetCollection.add", [name], true);
        return worksheetApi(h);
      },
      ...itemGetters(
        "WorksheetCollection",
        (name) => `worksheet "${String(name)}"`,
        (name, missing) => new Handle<SheetModel>(ctx, () => m.findSheet(String(name)) ?? missing()),
        worksheetApi,
      ),
      getActiveWorksheet: () =>
        worksheetApi(
          path(
            new Handle<SheetModel>(ctx, () => m.activeSheet ?? throwNow(itemNotFound("active worksheet"))),
            "WorksheetCollection.getActiveWorksheet",
            undefined,
            false,
          ),
        ),
    },
  });
  const tables = tableCollectionApi(ctx, null, "TableCollection");
  const nameItems = collectionItems(
    ctx,
    "NamedItemCollection",
    () => m.liveNames(),
    namedItemApi,
    (n) => ({ name: n.name, formula: n.formula, comment: n.comment }),
  );
  const names = apiObject("NamedItemCollection", root, {
    get: { items: nameItems.items },
    fn: {
      load: nameItems.load,
      add: (name: unknown, reference: unknown, comment?: unknown) => {
        const h = new Handle<NameModel>(ctx, () => m.addName(name, reference, comment));
        path(h, "NamedItemCollection.add", [name, reference, comment], true);
        return namedItemApi(h);
      },
      ...itemGetters(
        "NamedItemCollection",
        (name) => `name "${String(name)}"`,
        (name, missing) => new Handle<NameModel>(ctx, () => m.findName(String(name)) ?? missing()),
        namedItemApi,
      ),
    },
  });
  const settingApi = (h: Handle<SettingModel>) =>
    withPreload(
      apiObject("Setting", h, {
        load: {
          key: () => (h.resolve() as SettingModel).key,
          value: () => (h.resolve() as SettingModel).value,
        },
        set: { value: (v) => act(h, "Setting.value", v, (s) => (s.value = v)) },
        fn: { delete: () => act(h, "Setting.delete", undefined, (s) => (s.deleted = true)) },
      }),
    );
  const settingItems = collectionItems(
    ctx,
    "SettingCollection",
    () => m.settings.filter((s) => !s.deleted),
    settingApi,
    (s) => ({ key: s.key, value: s.value }),
  );
  const settings = apiObject("SettingCollection", root, {
    get: { items: settingItems.items },
    fn: {
      load: settingItems.load,
      add: (key: unknown, value: unknown) => {
        const h = new Handle<SettingModel>(ctx, () => {
          if (typeof key !== "string" || key === "") throw invalidArgument("setting key");
          const old = m.findSetting(key);
          if (old) {
            old.value = value;
            return old;
          }
          const s: SettingModel = { key, value, deleted: false };
          m.settings.push(s);
          return s;
        });
        path(h, "SettingCollection.add", [key, value], true);
        return settingApi(h);
      },
      ...itemGetters(
        "SettingCollection",
        (key) => `setting "${String(key)}"`,
        (key, missing) => new Handle<SettingModel>(ctx, () => m.findSetting(String(key)) ?? missing()),
        settingApi,
      ),
    },
  });
  const pivotTables = apiObject("PivotTableCollection", root, {
    fn: {
      add: (name: unknown, source: unknown, destination: unknown) => {
        const h = new Handle<PivotRecord>(ctx, () => {
          const sourceTable = (source as Api | undefined)?.[RESOLVE]
            ? ((source as { [RESOLVE]: () => unknown })[RESOLVE]() as TableModel | null)
            : null;
          if (!sourceTable || !("filters" in sourceTable))
            throw notImplemented("PivotTableCollection.add(source that is not a Table)");
          const dest = resolveRangeArg(destination, "pivot destination");
          if (m.pivots.some((p) => p.name === name)) throw itemExists(`pivot table "${String(name)}"`);
          const rec: PivotRecord = {
            name: String(name),
            source: sourceTable.name,
            destination: `${sheetPrefix(dest.sheet.name)}${rectAddress(dest.rect)}`,
            rows: [],
            columns: [],
            data: [],
          };
          m.pivots.push(rec);
          return rec;
        });
        path(h, "PivotTableCollection.add", [name, source, destination], true);
        const hierarchyOf = (field: unknown) => {
          const fh = h.child((p) => {
            const t = m.findTable(p.source);
            if (!t || !m.headers(t).includes(String(field)))
              throw itemNotFound(`pivot field "${String(field)}"`);
            return String(field);
          });
          path(fh, "PivotHierarchyCollection.getItem", [field], false);
          return apiObject("PivotHierarchy", fh, {});
        };
        /** The values a field holds in the source table (the items a manual filter may select). */
        const itemsOf = (p: PivotRecord, field: string): Set<string> => {
          const t = m.findTable(p.source);
          const out = new Set<string>();
          if (!t) return out;
          const c = t.rect.c0 + m.headers(t).indexOf(field);
          for (let r = t.rect.r0 + 1; r <= t.rect.r1; r++) out.add(String(m.valueOf(t.sheet, r, c) ?? ""));
          return out;
        };
        const addFilter = (hier: unknown) => {
          const fieldHandle = h.child(() => {
            const f = (hier as { [RESOLVE]: () => unknown })[RESOLVE]();
            if (typeof f !== "string") throw invalidArgument("pivot hierarchy");
            return f;
          });
          act(h, "Pivot.filters.add", [hier], (p) => {
            const f = fieldHandle.resolve() as string;
            (p.filters ??= []).push({ field: f });
          });
          const pivotField = (name: unknown) => {
            const ph = h.child((p) => {
              if (String(name) !== fieldHandle.resolve()) throw itemNotFound(`pivot field "${String(name)}"`);
              return p;
            });
            path(ph, "PivotFieldCollection.getItem", [name], false);
            return apiObject("PivotField", ph, {
              fn: {
                applyFilter: (filter: unknown) =>
                  act(ph, "PivotField.applyFilter", [filter], (p) => {
                    const selected = (filter as { manualFilter?: { selectedItems?: unknown } })?.manualFilter
                      ?.selectedItems;
                    if (!Array.isArray(selected) || selected.some((v) => typeof v !== "string"))
                      throw notImplemented("PivotField.applyFilter (only a manualFilter of item names)");
                    const items = itemsOf(p, String(name));
                    const missing = selected.find((v) => !items.has(v as string));
                    if (missing !== undefined) throw invalidArgument(`pivot item "${String(missing)}"`);
                    const rec = p.filters?.find((x) => x.field === String(name));
                    if (rec) rec.selected = [...(selected as string[])];
                  }),
              },
            });
          };
          return apiObject("FilterPivotHierarchy", fieldHandle, {
            get: {
              fields: () => apiObject("PivotFieldCollection", fieldHandle, { fn: { getItem: pivotField } }),
            },
          });
        };
        const addTo = (kind: "rows" | "columns" | "data") => (hier: unknown) => {
          const fieldHandle = h.child(() => {
            const f = (hier as { [RESOLVE]: () => unknown })[RESOLVE]();
            if (typeof f !== "string") throw invalidArgument("pivot hierarchy");
            return f;
          });
          act(h, `Pivot.${kind}.add`, [hier], (p) => {
            const f = fieldHandle.resolve() as string;
            if (kind === "data") p.data.push({ field: f });
            else p[kind].push(f);
          });
          if (kind !== "data") return apiObject("RowColumnPivotHierarchy", fieldHandle, {});
          return apiObject("DataPivotHierarchy", fieldHandle, {
            set: {
              summarizeBy: (v) =>
                act(h, "DataPivotHierarchy.summarizeBy", v, (p) => {
                  const f = fieldHandle.resolve() as string;
                  const d = [...p.data].reverse().find((x) => x.field === f);
                  if (d) d.summarizeBy = String(v);
                }),
            },
          });
        };
        return apiObject("PivotTable", h, {
          get: {
            hierarchies: () => apiObject("PivotHierarchyCollection", h, { fn: { getItem: hierarchyOf } }),
            rowHierarchies: () =>
              apiObject("RowColumnPivotHierarchyCollection", h, { fn: { add: addTo("rows") } }),
            columnHierarchies: () =>
              apiObject("RowColumnPivotHierarchyCollection", h, { fn: { add: addTo("columns") } }),
            dataHierarchies: () =>
              apiObject("DataPivotHierarchyCollection", h, { fn: { add: addTo("data") } }),
            filterHierarchies: () =>
              apiObject("FilterPivotHierarchyCollection", h, { fn: { add: addFilter } }),
          },
        });
      },
    },
  });
  const application = applicationApi(ctx);
  return apiObject("Workbook", root, {
    get: {
      worksheets: () => worksheets,
      tables: () => tables,
      names: () => names,
      settings: () => settings,
      pivotTables: () => pivotTables,
      application: () => application,
    },
    fn: {
      getSelectedRange: () =>
        rangeApi(
          path(
            new Handle<RangeRef>(ctx, () => {
              if (m.selection && !m.selection.sheet.deleted)
                return { sheet: m.selection.sheet, rect: { ...m.selection.rect } };
              if (!m.activeSheet) throw itemNotFound("selection");
              return { sheet: m.activeSheet, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
            }),
            "Workbook.getSelectedRange",
            undefined,
            false,
          ),
        ),
    },
  });
}

function applicationApi(ctx: Ctx): Api {
  const root = new Handle<Model>(ctx, () => ctx.model);
  root.resolveNow();
  return apiObject("Application", root, {
    fn: {
      suspendApiCalculationUntilNextSync: () => {
        act(
          root,
          "Application.suspendApiCalculationUntilNextSync",
          undefined,
          (m) => (m.calcSuspensions += 1),
        );
        return undefined;
      },
    },
  });
}

function contextApi(ctx: Ctx): Api {
  const root = new Handle<Model>(ctx, () => ctx.model);
  root.resolveNow();
  const workbook = workbookApi(ctx);
  return apiObject("RequestContext", root, {
    get: { workbook: () => workbook, application: () => workbook.application },
    fn: {
      sync: async (passThrough?: unknown) => {
        await ctx.sync();
        return passThrough;
      },
    },
  });
}

// ───────────────────────────── factory ─────────────────────────────

export interface SheetView {
  name: string;
  /** Values of a range ("A1:C3"), or of the used range when omitted. */
  values(address?: string): CellValue[][];
  formulas(address?: string): CellValue[][];
  numberFormats(address: string): string[][];
  /** Raw cell: value, formula, number format, hyperlink. */
  cell(
    address: string,
  ): { value: CellValue; formula?: string; numberFormat?: string; hyperlink?: HyperlinkData } | null;
  usedAddress(): string | null;
  tabColor: string | null;
  freeze: { rows: number; columns: number } | null;
  charts: ChartRecord[];
  conditionalFormats: ConditionalFormatRecord[];
  dataValidations: DataValidationRecord[];
  formats: FormatRecord[];
  merges: string[];
  columnWidths: Record<number, number>;
  pageLayout: Record<string, unknown>;
}

export interface TableView {
  name: string;
  sheet: string;
  /** Whole table, header row included ("A5:O60"). */
  address: string;
  headers: string[];
  /** Data-body values. */
  rows: CellValue[][];
  /** Data-body formulas (value for constants). */
  formulas: CellValue[][];
  style: string | null;
  filters: Record<number, string[]>;
  isFiltered: boolean;
}

export interface NameView {
  name: string;
  formula: string;
  comment: string;
}

export interface WorkbookInspector {
  sheetNames(): string[];
  sheet(name: string): SheetView;
  tableNames(): string[];
  table(name: string): TableView;
  names(): NameView[];
  settings(): Record<string, unknown>;
  pivots(): PivotRecord[];
  activeSheet(): string | null;
  selection(): string | null;
  calcSuspensions(): number;
  /** Cell writes (values, formulas, formats, rows.add, hyperlinks, clears) in order. */
  writes(): WriteRecord[];
  clearWrites(): void;
  /** Everything a user would call the workbook's content (for "unchanged" checks). */
  snapshot(): unknown;

  // — the user's hand (applied at once, outside any batch) —
  addSheet(name: string): void;
  /** Types into cells: same coercion as Excel (a leading apostrophe keeps text). */
  type(sheet: string, address: string, values: unknown[][]): void;
  /** Sets raw cell values (no coercion: what a file would hold). */
  setRaw(sheet: string, address: string, values: CellValue[][]): void;
  addTable(sheet: string, address: string, name: string): void;
  addName(name: string, formula: string): void;
  setFormulaResult(formula: string, value: CellValue): void;
  /** A user filter on a table column (by header or 0-based index). */
  filterTable(table: string, column: string | number, values: string[]): void;
  /** The user sorts the table: data row i moves to position order.indexOf(i) (order[k] = old row shown at k). */
  reorderTableRows(table: string, order: number[]): void;
  /** The user inserts a column into the table before `index` (0-based), with a header and optional values. */
  insertTableColumn(table: string, index: number, header: string, values?: CellValue[]): void;
  /** The user renames a column header. */
  renameTableColumn(table: string, from: string, to: string): void;
  select(sheet: string, address: string): void;
  activate(sheet: string): void;
  setSetting(key: string, value: unknown): void;
  /** Makes a later sync fail (see FailureSpec). */
  injectFailure(spec: FailureSpec): void;
}

export interface DoubleStats {
  readonly syncs: number;
  readonly perSync: readonly SyncRecord[];
  maxRequestBytes(): number;
  maxResponseBytes(): number;
  totalRequestBytes(): number;
  totalResponseBytes(): number;
  /** Request + response bytes of every sync since the last reset. */
  totalBytes(): number;
  /** Forget what was counted so far (e.g. after setting a workbook up). */
  reset(): void;
}

export interface DoubleExcel {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  [key: string]: unknown;
}

export interface WorkbookDouble {
  Excel: DoubleExcel;
  workbook: WorkbookInspector;
  stats: DoubleStats;
  /** A request context outside Excel.run (e.g. for adapters a test calls directly). */
  newContext(): Excel.RequestContext;
}

function need<T>(v: T | null | undefined, what: string): T {
  if (v === null || v === undefined) throw new Error(`workbook double: no ${what}`);
  return v;
}

export function createWorkbookDouble(options: WorkbookDoubleOptions = {}): WorkbookDouble {
  const m = new Model(options);
  let since = 0;
  const recs = () => m.records.slice(since);

  const sheetOf = (name: string) => need(m.findSheet(name), `worksheet "${name}"`);
  const tableOf = (name: string) => need(m.findTable(name), `table "${name}"`);
  const refOf = (sheet: string, address: string): RangeRef => ({
    sheet: sheetOf(sheet),
    rect: need(parseRect(address), `address ${address}`),
  });

  const workbook: WorkbookInspector = {
    sheetNames: () => m.liveSheets().map((s) => s.name),
    sheet: (name) => {
      const s = sheetOf(name);
      const at = (address?: string): RangeRef => {
        if (address) return refOf(name, address);
        return { sheet: s, rect: m.usedRect(s, false) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
      };
      return {
        name: s.name,
        values: (address) => m.read(at(address), "values") as CellValue[][],
        formulas: (address) => m.read(at(address), "formulas") as CellValue[][],
        numberFormats: (address) => m.read(at(address), "numberFormat") as string[][],
        cell: (address) => {
          const r = need(parseRect(address), address);
          const c = m.cell(s, r.r0, r.c0);
          return c
            ? { value: m.valueOf(s, r.r0, r.c0), formula: c.f, numberFormat: c.nf, hyperlink: c.link }
            : null;
        },
        usedAddress: () => {
          const r = m.usedRect(s, false);
          return r ? rectAddress(r) : null;
        },
        tabColor: s.tabColor,
        freeze: s.freeze,
        charts: s.charts,
        conditionalFormats: s.conditionalFormats,
        dataValidations: s.dataValidations,
        formats: s.formats,
        merges: s.merges.map(rectAddress),
        columnWidths: s.columnWidths,
        pageLayout: s.pageLayout,
      };
    },
    tableNames: () => m.liveTables().map((t) => t.name),
    table: (name) => {
      const t = tableOf(name);
      const body = { sheet: t.sheet, rect: m.bodyRect(t) };
      return {
        name: t.name,
        sheet: t.sheet.name,
        address: rectAddress(t.rect),
        headers: m.headers(t),
        rows: m.read(body, "values") as CellValue[][],
        formulas: m.read(body, "formulas") as CellValue[][],
        style: t.style,
        filters: Object.fromEntries(t.filters),
        isFiltered: t.filters.size > 0,
      };
    },
    names: () => m.liveNames().map((n) => ({ name: n.name, formula: n.formula, comment: n.comment })),
    settings: () => Object.fromEntries(m.settings.filter((s) => !s.deleted).map((s) => [s.key, s.value])),
    pivots: () => m.pivots,
    activeSheet: () => m.activeSheet?.name ?? null,
    selection: () =>
      m.selection ? `${sheetPrefix(m.selection.sheet.name)}${rectAddress(m.selection.rect)}` : null,
    calcSuspensions: () => m.calcSuspensions,
    writes: () => m.writes,
    clearWrites: () => {
      m.writes = [];
    },
    snapshot: () => ({
      sheets: m.liveSheets().map((s) => ({
        name: s.name,
        cells: [...s.rows.entries()]
          .sort((a, b) => a[0] - b[0])
          .flatMap(([r, row]) =>
            row
              .map((c, j) => (c ? [r, j, c.v, c.f ?? null, c.nf ?? null, c.link ?? null] : null))
              .filter(Boolean),
          ),
        tabColor: s.tabColor,
        freeze: s.freeze,
        charts: s.charts,
        conditionalFormats: s.conditionalFormats,
        dataValidations: s.dataValidations,
        formats: s.formats,
        merges: s.merges,
        columnWidths: s.columnWidths,
        pageLayout: s.pageLayout,
      })),
      tables: m.liveTables().map((t) => ({
        name: t.name,
        sheet: t.sheet.name,
        rect: t.rect,
        style: t.style,
        filters: [...t.filters],
      })),
      names: m.liveNames().map((n) => ({ ...n })),
      settings: m.settings.filter((s) => !s.deleted).map((s) => ({ key: s.key, value: s.value })),
      pivots: m.pivots,
    }),
    addSheet: (name) => {
      m.addSheet(name);
    },
    type: (sheet, address, values) => {
      const ref = refOf(sheet, address);
      m.write(ref, values, "test");
    },
    setRaw: (sheet, address, values) => {
      const ref = refOf(sheet, address);
      values.forEach((row, i) =>
        row.forEach((v, j) =>
          m.setCell(ref.sheet, ref.rect.r0 + i, ref.rect.c0 + j, v === "" ? undefined : { v }),
        ),
      );
    },
    addTable: (sheet, address, name) => {
      const t = m.addTable(sheetOf(sheet), need(parseRect(address), address), true);
      m.renameTable(t, name);
    },
    addName: (name, formula) => {
      m.addName(name, formula, "");
    },
    setFormulaResult: (formula, value) => {
      m.formulaResults.set(formula, value);
    },
    filterTable: (table, column, values) => {
      const t = tableOf(table);
      const i = typeof column === "number" ? column : m.headers(t).indexOf(column);
      if (i < 0) throw new Error(`workbook double: no column ${column}`);
      t.filters.set(i, values);
    },
    reorderTableRows: (table, order) => {
      const t = tableOf(table);
      const body = m.bodyRect(t);
      const n = body.r1 - body.r0 + 1;
      if (order.length !== n || new Set(order).size !== n || order.some((i) => i < 0 || i >= n))
        throw new Error("workbook double: order must be a permutation of the data rows");
      const old: Array<Array<Cell | undefined>> = [];
      for (let i = 0; i < n; i++) {
        const row = t.sheet.rows.get(body.r0 + i) ?? [];
        old.push(row.slice(body.c0, body.c1 + 1));
      }
      order.forEach((from, k) => {
        for (let j = 0; j <= body.c1 - body.c0; j++)
          m.setCell(t.sheet, body.r0 + k, body.c0 + j, old[from][j]);
      });
    },
    insertTableColumn: (table, index, header, values) => {
      const t = tableOf(table);
      const at = t.rect.c0 + index;
      for (let r = t.rect.r0; r <= t.rect.r1; r++) {
        const row = t.sheet.rows.get(r);
        if (!row) continue;
        row.splice(at, 0, undefined);
      }
      for (const o of m.liveTables())
        if (o !== t && o.sheet === t.sheet && intersects({ ...t.rect, c1: MAX_COLUMNS - 1 }, o.rect))
          throw new Error("workbook double: insert would split another table");
      t.rect = { ...t.rect, c1: t.rect.c1 + 1 };
      m.setCell(t.sheet, t.rect.r0, at, { v: header });
      (values ?? []).forEach((v, i) =>
        m.setCell(t.sheet, t.rect.r0 + 1 + i, at, v === "" ? undefined : { v }),
      );
    },
    renameTableColumn: (table, from, to) => {
      const t = tableOf(table);
      const i = m.headers(t).indexOf(from);
      if (i < 0) throw new Error(`workbook double: no column ${from}`);
      m.setCell(t.sheet, t.rect.r0, t.rect.c0 + i, { v: to });
    },
    select: (sheet, address) => {
      const ref = refOf(sheet, address);
      m.selection = ref;
      m.activeSheet = ref.sheet;
    },
    activate: (sheet) => {
      m.activeSheet = sheetOf(sheet);
    },
    setSetting: (key, value) => {
      const old = m.findSetting(key);
      if (old) old.value = value;
      else m.settings.push({ key, value, deleted: false });
    },
    injectFailure: (spec) => {
      m.failures.push({
        sync: m.syncCount + spec.atSync,
        afterOperations: spec.afterOperations ?? 0,
        code: spec.code ?? "GeneralException",
        message: spec.message ?? "workbook double: injected failure",
      });
    },
  };

  const stats: DoubleStats = {
    get syncs() {
      return recs().length;
    },
    get perSync() {
      return recs();
    },
    maxRequestBytes: () => Math.max(0, ...recs().map((r) => r.requestBytes)),
    maxResponseBytes: () => Math.max(0, ...recs().map((r) => r.responseBytes)),
    totalRequestBytes: () => recs().reduce((n, r) => n + r.requestBytes, 0),
    totalResponseBytes: () => recs().reduce((n, r) => n + r.responseBytes, 0),
    totalBytes: () => recs().reduce((n, r) => n + r.requestBytes + r.responseBytes, 0),
    reset: () => {
      since = m.records.length;
    },
  };

  const newContext = () => contextApi(new Ctx(m)) as unknown as Excel.RequestContext;
  const namespace: Record<string, unknown> = {
    run: async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
      if (typeof batch !== "function") throw notImplemented("Excel.run(options, batch)");
      const ctx = new Ctx(m);
      const api = contextApi(ctx) as unknown as Excel.RequestContext;
      const result = await batch(api);
      if (ctx.queue.length > 0) await ctx.sync(); // Excel.run flushes what is still queued
      return result;
    },
  };
  for (const [name, values] of Object.entries(ENUMS)) namespace[name] = strictEnum(name, values);
  const Excel = new Proxy(namespace, {
    get(t, prop) {
      if (typeof prop === "symbol" || PROBED.has(prop)) return undefined;
      if (prop in t) return t[prop];
      throw notImplemented(`Excel.${prop}`);
    },
  }) as DoubleExcel;

  return { Excel, workbook, stats, newContext };
}
