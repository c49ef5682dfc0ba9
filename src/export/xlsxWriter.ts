/**
 * Applies a workbook plan (src/core/workbook/plan.ts) to a new .xlsx file with exceljs — the
 * headless twin of the task pane's Office.js applier. Every PlanOp kind is handled here; an
 * unknown kind throws, so a new op cannot be skipped silently.
 *
 * What exceljs cannot write is added to the zip afterwards (./xlsxPostProcess.ts): the bar chart
 * (chart, drawing, relationships, content types), the calculated-column formulas of tables and
 * the comments of defined names.
 *
 * Text is written as string cells: in an .xlsx file a string cell is text, so no apostrophe is
 * added (unlike the Office.js applier, where Excel parses typed values). Control characters are
 * dropped and text is cut at Excel's 32,767 characters.
 */
import ExcelJS from "exceljs";
import { EXCEL_MAX_CELL_TEXT } from "../core/cells/safeCell";
import {
  cellAddress,
  columnLetter,
  isFormulaCell,
  isLinkCell,
  isSafeLink,
  parseRangeAddress,
  sheetRef,
  type CellStyle,
  type ConditionalRule,
  type PlanCell,
  type PlanOp,
  type Scalar,
  type ValidationRule,
  type WorkbookPlan,
} from "../core/workbook/plan";
import { PlanApplyError, type PlanApplier } from "../core/workbook/applier";
import { postProcessXlsx, type ChartSpec, type PostProcessInput } from "./xlsxPostProcess";
import { STREAM_ROWS_ABOVE, streamablePlan, type StreamPlan, type StreamSource } from "./xlsxStreamRows";

export interface WriteOptions {
  /**
   * Write the core's results (`cached`) next to each formula so the file shows numbers before any
   * recalculation (default true). false writes bare formulas: a spreadsheet engine must compute
   * them (the LibreOffice suite uses this to check the formulas, not the cache).
   */
  cachedValues?: boolean;
  /**
   * Mark formula columns of tables as calculated columns (<calculatedColumnFormula>), as Excel
   * does for a table the task pane fills, so Excel extends the formulas to rows a user adds.
   * Default false: exceljs 4.4 cannot read such tables back (its table parser fails), and
   * scripts that collect exported workbooks use exceljs. Excel and LibreOffice read both.
   */
  calculatedColumns?: boolean;
  /** Receives Vietnamese remarks about ops a file cannot carry (e.g. a PivotTable). */
  notes?: string[];
  /** Document properties (default: the add-in's name). */
  creator?: string;
  /** Fixed timestamps make the output reproducible (tests). */
  created?: Date;
  /**
   * A table with more data rows than this has its rows streamed into the zip rather than held
   * by exceljs (./xlsxStreamRows.ts; same content, far less memory). Default STREAM_ROWS_ABOVE;
   * Infinity turns streaming off.
   */
  streamRowsAbove?: number;
}

/** Thrown when a plan cannot be applied (a bug in the plan, not in the user's data): the one error type of both appliers. */
export { PlanApplyError };

// C0 controls other than tab/LF/CR, DEL, lone surrogates and U+FFFE/U+FFFF cannot be stored in
// the xlsx XML (the file would not open).
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text as a string cell holds it: no control characters, at most 32,767 characters, never a formula. */
export function cellText(text: string): string {
  let s = text.replace(NOT_XML, "");
  if (s.length > EXCEL_MAX_CELL_TEXT) {
    s = s.slice(0, EXCEL_MAX_CELL_TEXT - 1);
    if (/[\ud800-\udbff]$/.test(s)) s = s.slice(0, -1);
    s += "…";
  }
  return s;
}

/** "#C6EFCE" → "FFC6EFCE" (ARGB). */
function argb(color: string): string {
  const hex = color.trim().replace(/^#/, "").toUpperCase();
  if (/^[0-9A-F]{6}$/.test(hex)) return "FF" + hex;
  if (/^[0-9A-F]{8}$/.test(hex)) return hex;
  throw new PlanApplyError(`Màu không hợp lệ: ${color}`);
}

function stripEquals(formula: string): string {
  const f = formula.trim();
  if (!f.startsWith("=")) throw new PlanApplyError(`Công thức phải bắt đầu bằng "=": ${f.slice(0, 60)}`);
  return f.slice(1);
}

function checkScalar(v: Scalar, where: string): Scalar {
  if (typeof v === "number" && !Number.isFinite(v))
    throw new PlanApplyError(`${where}: số không hợp lệ (${v}).`);
  return typeof v === "string" ? cellText(v) : v;
}

interface TableState {
  name: string;
  sheet: string;
  row: number;
  column: number;
  lastRow: number;
  lastColumn: number;
  style: string;
}

interface SheetState {
  ws: ExcelJS.Worksheet;
  frozen?: { rows: number; columns: number };
  cfPriority: number;
}

const HYPERLINK_FONT: Partial<ExcelJS.Font> = { color: { argb: "FF0563C1" }, underline: true };

/** Excel table and defined names: a letter or _ first, then letters, digits, _ and dots. */
const NAME_RE = /^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/;

class Applier {
  readonly wb = new ExcelJS.Workbook();
  private readonly sheets = new Map<string, SheetState>();
  private readonly tables = new Map<string, TableState>();
  private readonly names = new Map<string, { comment?: string }>();
  private readonly charts: ChartSpec[] = [];
  private active: string | null = null;
  private textRules = false;
  private readonly cached: boolean;
  private readonly calculatedColumns: boolean;
  private readonly notes: string[];
  /** The sheet whose rows after its first data row are streamed (null: none). */
  private readonly big: StreamPlan | null;
  private readonly streamed: StreamSource[] = [];
  /** Per column of the streamed sheet: its first http(s) link in the streamed rows. */
  private readonly linkTemplates = new Map<number, Extract<PlanCell, { hyperlink: string }>>();

  constructor(options: WriteOptions, big: StreamPlan | null = null) {
    this.big = big;
    this.cached = options.cachedValues !== false;
    this.calculatedColumns = options.calculatedColumns === true;
    this.notes = options.notes ?? [];
    this.wb.creator = options.creator ?? "CCHC 2024 — Sổ theo dõi (xuất tệp)";
    const when = options.created ?? new Date();
    this.wb.created = when;
    this.wb.modified = when;
    // Excel recomputes everything when it opens the file (=TODAY(), a changed report date).
    this.wb.calcProperties = { fullCalcOnLoad: true };
  }

  private sheet(name: string): SheetState {
    const s = this.sheets.get(name);
    if (!s) throw new PlanApplyError(`Trang “${name}” chưa được tạo (thiếu ensureSheet trước thao tác).`);
    return s;
  }

  private table(name: string): TableState {
    const t = this.tables.get(name.toLowerCase());
    if (!t) throw new PlanApplyError(`Không có bảng “${name}”.`);
    return t;
  }

  apply(op: PlanOp): void {
    switch (op.op) {
      case "ensureSheet":
        return this.ensureSheet(op);
      case "writeCells":
        return this.writeCells(op.sheet, op.address, op.rows, op.style);
      case "fillFormula":
        return this.fillFormula(op);
      case "numberFormat":
        return this.eachCell(op.sheet, op.address, (c) => {
          c.numFmt = op.format;
        });
      case "style":
        return this.eachCell(op.sheet, op.address, (c) => applyStyle(c, op.style));
      case "mergeCells":
        this.sheet(op.sheet).ws.mergeCells(op.address);
        return;
      case "createTable":
        return this.createTable(op);
      case "appendTableRows":
        return this.appendTableRows(op.table, op.rows);
      case "updateTableCells": {
        const t = this.table(op.table);
        const width = Math.max(0, ...op.rows.map((r) => r.length));
        if (
          op.row < 0 ||
          op.row + op.rows.length - 1 > t.lastRow - t.row - 1 ||
          op.column < 0 ||
          op.column + width - 1 > t.lastColumn - t.column
        ) {
          throw new PlanApplyError(`updateTableCells vượt ra ngoài bảng “${t.name}”.`);
        }
        return this.writeCells(t.sheet, cellAddress(t.row + 1 + op.row, t.column + op.column), op.rows);
      }
      case "fillTableFormula": {
        const t = this.table(op.table);
        if (
          op.column < 0 ||
          op.column > t.lastColumn - t.column ||
          op.fromRow < 0 ||
          op.toRow > t.lastRow - t.row - 1 ||
          op.toRow < op.fromRow
        ) {
          throw new PlanApplyError(`fillTableFormula vượt ra ngoài bảng “${t.name}”.`);
        }
        const col = t.column + op.column;
        return this.fillFormula({
          sheet: t.sheet,
          address: `${cellAddress(t.row + 1 + op.fromRow, col)}:${cellAddress(t.row + 1 + op.toRow, col)}`,
          formula: op.formula,
          cached: op.cached,
        });
      }
      case "clearTableFilters":
      case "autoFilter":
        // A new file has no filters to clear, and the add-in's filters are a view, not data.
        this.table(op.table);
        return;
      case "defineName":
        return this.defineName(op);
      case "columnWidths": {
        const ws = this.sheet(op.sheet).ws;
        // Widths are in characters (Excel's column-width unit), as exceljs expects.
        for (const w of op.widths) ws.getColumn(w.column + 1).width = w.width;
        return;
      }
      case "freezePanes":
        this.sheet(op.sheet).frozen = { rows: op.rows, columns: op.columns ?? 0 };
        return;
      case "conditionalFormat":
        return this.conditionalFormat(op.sheet, op.address, op.rule);
      case "clearConditionalFormats": {
        const ws = this.sheet(op.sheet).ws;
        const target = parseRangeAddress(op.address);
        ws.removeConditionalFormatting(
          (cf: ExcelJS.ConditionalFormattingOptions) =>
            !cf.ref.split(/\s+/).some((r) => intersects(parseRangeAddress(r), target)),
        );
        return;
      }
      case "dataValidation":
        return this.dataValidation(op.sheet, op.address, op.rule);
      case "chart":
        this.sheet(op.sheet);
        this.charts.push({ ...op });
        return;
      case "pageSetup":
        return this.pageSetup(op);
      case "pivotTable": {
        // exceljs cannot write a PivotTable; the plan's data stay usable (Insert → PivotTable).
        const s = this.sheet(op.sheet);
        const note = `Bảng tổng hợp động “${op.name}” (nguồn: bảng ${op.sourceTable}; hàng: ${op.rows.join(", ")}; cột: ${op.columns.join(", ")}${(op.filters ?? []).map((f) => (f.values.length ? `; lọc ${f.field} = ${f.values.join(", ")}` : "")).join("")}) không tạo được trong tệp xuất. Mở tệp trong Excel và chọn Insert → PivotTable, hoặc dùng bổ trợ.`;
        s.ws.getCell(op.anchor).note = note;
        this.notes.push(note);
        return;
      }
      default: {
        const unknown: never = op;
        throw new PlanApplyError(
          `Thao tác không được hỗ trợ: ${JSON.stringify((unknown as { op?: unknown }).op)}`,
        );
      }
    }
  }

  private ensureSheet(op: Extract<PlanOp, { op: "ensureSheet" }>): void {
    let s = this.sheets.get(op.sheet);
    if (s && op.clear) {
      // Recreate the sheet at the same place: values, formats, rules and charts are gone.
      const orderNo = (s.ws as unknown as { orderNo: number }).orderNo;
      this.wb.removeWorksheet(s.ws.id);
      for (const [k, t] of this.tables) if (t.sheet === op.sheet) this.tables.delete(k);
      for (let i = this.charts.length - 1; i >= 0; i--)
        if (this.charts[i].sheet === op.sheet) this.charts.splice(i, 1);
      const ws = this.wb.addWorksheet(op.sheet);
      (ws as unknown as { orderNo: number }).orderNo = orderNo;
      s = { ws, cfPriority: 1 };
      this.sheets.set(op.sheet, s);
    }
    if (!s) {
      if (op.sheet.length > 31 || /[\\/?*[\]:]/.test(op.sheet) || op.sheet.trim() === "") {
        throw new PlanApplyError(`Tên trang không hợp lệ: “${op.sheet}”.`);
      }
      s = { ws: this.wb.addWorksheet(op.sheet), cfPriority: 1 };
      this.sheets.set(op.sheet, s);
    }
    if (op.tabColor) s.ws.properties.tabColor = { argb: argb(op.tabColor) };
    if (op.activate) this.active = op.sheet;
  }

  private eachCell(sheet: string, address: string, fn: (cell: ExcelJS.Cell, i: number) => void): void {
    const ws = this.sheet(sheet).ws;
    const r = parseRangeAddress(address);
    // Formats over the streamed rows (streamablePlan checked they cover whole columns) are applied
    // down to two scratch rows after the kept ones; xlsxStreamRows reads their styles, then drops them.
    const last = this.big?.sheet === sheet ? Math.min(r.lastRow, this.big.from + 1) : r.lastRow;
    let i = 0;
    for (let row = r.row; row <= last; row++) {
      const wsRow = ws.getRow(row + 1);
      for (let col = r.column; col <= r.lastColumn; col++) fn(wsRow.getCell(col + 1), i++);
    }
  }

  private writeCells(sheet: string, address: string, rows: PlanCell[][], style?: CellStyle): void {
    const ws = this.sheet(sheet).ws;
    const { row, column } = parseRangeAddress(address);
    if (this.big?.sheet === sheet && row + rows.length > this.big.from) {
      const keep = Math.max(0, this.big.from - row);
      this.streamed.push({ kind: "cells", row: row + keep, column, rows, offset: keep });
      for (let i = keep; i < rows.length; i++)
        rows[i].forEach((v, j) => {
          if (isLinkCell(v) && isSafeLink(v.hyperlink) && !this.linkTemplates.has(column + j))
            this.linkTemplates.set(column + j, v);
        });
      rows = rows.slice(0, keep);
    }
    rows.forEach((cells, i) => {
      const wsRow = ws.getRow(row + i + 1);
      cells.forEach((value, j) => {
        const cell = wsRow.getCell(column + j + 1);
        this.setCell(cell, value, `${sheet}!${cellAddress(row + i, column + j)}`);
        if (style) applyStyle(cell, style);
      });
    });
  }

  private setCell(cell: ExcelJS.Cell, value: PlanCell, where: string): void {
    if (value === null) return; // nothing to write: the cell stays empty in a new file
    if (isFormulaCell(value)) {
      cell.value = this.formulaValue(value.formula, value.cached, where);
    } else if (isLinkCell(value)) {
      const text = cellText(value.text || value.hyperlink);
      if (isSafeLink(value.hyperlink)) {
        cell.value = { text, hyperlink: value.hyperlink.trim() };
        cell.font = { ...cell.font, ...HYPERLINK_FONT };
      } else {
        cell.value = text; // other schemes (javascript:, file:) stay plain text
      }
    } else if (typeof value === "object") {
      throw new PlanApplyError(`${where}: giá trị ô không hợp lệ ${JSON.stringify(value).slice(0, 80)}.`);
    } else {
      cell.value = checkScalar(value, where);
    }
  }

  private formulaValue(formula: string, cached: Scalar | undefined, where: string): ExcelJS.CellFormulaValue {
    const f = stripEquals(formula);
    if (this.cached && cached !== undefined) {
      return { formula: f, result: checkScalar(cached, where) } as ExcelJS.CellFormulaValue;
    }
    return { formula: f } as ExcelJS.CellFormulaValue;
  }

  private fillFormula(op: { sheet: string; address: string; formula: string; cached?: Scalar[] }): void {
    const r = parseRangeAddress(op.address);
    if (r.column !== r.lastColumn)
      throw new PlanApplyError(`fillFormula cần một cột, không phải ${op.address}.`);
    const count = r.lastRow - r.row + 1;
    if (op.cached && op.cached.length !== count) {
      throw new PlanApplyError(
        `fillFormula ${op.sheet}!${op.address}: ${op.cached.length} giá trị tính sẵn cho ${count} ô.`,
      );
    }
    if (this.big?.sheet === op.sheet && r.lastRow >= this.big.from) {
      stripEquals(op.formula);
      const from = Math.max(r.row, this.big.from);
      this.streamed.push({
        kind: "formula",
        row: from,
        lastRow: r.lastRow,
        column: r.column,
        formula: op.formula,
        cached: op.cached,
        offset: from - r.row,
      });
    }
    this.eachCell(op.sheet, op.address, (cell, i) => {
      cell.value = this.formulaValue(op.formula, op.cached?.[i], `${op.sheet}!${op.address}`);
    });
  }

  private createTable(op: Extract<PlanOp, { op: "createTable" }>): void {
    this.sheet(op.sheet);
    if (!NAME_RE.test(op.name) || /^[A-Za-z]{1,3}\d+$/.test(op.name))
      throw new PlanApplyError(`Tên bảng không hợp lệ: “${op.name}”.`);
    if (this.tables.has(op.name.toLowerCase()) || this.names.has(op.name.toLowerCase())) {
      throw new PlanApplyError(`Tên bảng “${op.name}” đã được dùng.`);
    }
    const r = parseRangeAddress(op.address);
    const t: TableState = { name: op.name, sheet: op.sheet, ...r, style: op.style ?? "TableStyleMedium2" };
    for (const other of this.tables.values()) {
      if (other.sheet === op.sheet && intersects(other, t))
        throw new PlanApplyError(`Bảng “${op.name}” chồng lên bảng “${other.name}”.`);
    }
    this.tables.set(op.name.toLowerCase(), t);
  }

  private appendTableRows(name: string, rows: PlanCell[][]): void {
    const t = this.table(name);
    if (rows.length === 0) return;
    const ws = this.sheet(t.sheet).ws;
    const width = t.lastColumn - t.column + 1;
    if (rows.some((r) => r.length > width))
      throw new PlanApplyError(`appendTableRows: hàng rộng hơn bảng “${t.name}”.`);
    // A table without data rows has no row to copy formats from.
    const template = t.lastRow > t.row ? ws.getRow(t.lastRow + 1) : null;
    const start = t.lastRow + 1;
    // New rows take the formats of the last row (as Excel does when a table grows).
    rows.forEach((_, i) => {
      const wsRow = ws.getRow(start + i + 1);
      for (let c = t.column; c <= t.lastColumn; c++) {
        const from = template?.getCell(c + 1);
        if (from) wsRow.getCell(c + 1).style = { ...from.style };
      }
    });
    this.writeCells(t.sheet, cellAddress(start, t.column), rows);
    t.lastRow += rows.length;
  }

  private defineName(op: Extract<PlanOp, { op: "defineName" }>): void {
    this.sheet(op.sheet);
    if (!NAME_RE.test(op.name) || /^[A-Za-z]{1,3}\d+$/.test(op.name) || /^[rRcC]$/.test(op.name)) {
      throw new PlanApplyError(`Tên định nghĩa không hợp lệ: “${op.name}”.`);
    }
    const key = op.name.toLowerCase();
    if (this.tables.has(key)) throw new PlanApplyError(`Tên “${op.name}” trùng tên bảng.`);
    if (this.names.has(key)) this.wb.definedNames.remove(sheetRef(op.sheet, op.address), op.name);
    this.wb.definedNames.add(sheetRef(op.sheet, op.address), op.name);
    this.names.set(key, { comment: op.comment });
  }

  private conditionalFormat(sheet: string, address: string, rule: ConditionalRule): void {
    const s = this.sheet(sheet);
    const fill: ExcelJS.Fill = {
      type: "pattern",
      pattern: "solid",
      bgColor: { argb: argb(rule.fill) },
      fgColor: { argb: argb(rule.fill) },
    };
    const style: Partial<ExcelJS.Style> = { fill };
    if (rule.fontColor) style.font = { color: { argb: argb(rule.fontColor) } };
    const priority = s.cfPriority++;
    const topLeft = cellAddress(parseRangeAddress(address).row, parseRangeAddress(address).column);
    const quoted = (t: string) => `"${cellText(t).replace(/"/g, '""')}"`;
    let cfRule: ExcelJS.ConditionalFormattingRule;
    if (rule.type === "textEquals") {
      cfRule = { type: "cellIs", operator: "equal", formulae: [quoted(rule.text)], style, priority };
    } else if (rule.type === "textContains") {
      this.textRules = true;
      cfRule = {
        type: "containsText",
        operator: "containsText",
        text: cellText(rule.text),
        formulae: [`NOT(ISERROR(SEARCH(${quoted(rule.text)},${topLeft})))`],
        style,
        priority,
      } as ExcelJS.ConditionalFormattingRule;
    } else if (rule.type === "formula") {
      cfRule = { type: "expression", formulae: [stripEquals(rule.formula)], style, priority };
    } else {
      const unknown: never = rule;
      throw new PlanApplyError(`Quy tắc màu không được hỗ trợ: ${JSON.stringify(unknown)}`);
    }
    s.ws.addConditionalFormatting({ ref: address, rules: [cfRule] });
  }

  private dataValidation(sheet: string, address: string, rule: ValidationRule): void {
    const ws = this.sheet(sheet).ws;
    const common = {
      allowBlank: true,
      showErrorMessage: true,
      errorTitle: "Giá trị không hợp lệ",
      error: cellText(rule.error).slice(0, 225),
      ...(rule.prompt
        ? { showInputMessage: true, promptTitle: "Hướng dẫn", prompt: cellText(rule.prompt).slice(0, 255) }
        : {}),
    };
    let dv: ExcelJS.DataValidation;
    switch (rule.type) {
      case "list": {
        const list = rule.values.map((v) => cellText(v).replace(/"/g, '""')).join(",");
        if (rule.values.some((v) => v.includes(",")))
          throw new PlanApplyError(`Danh sách chọn không được chứa dấu phẩy: ${rule.values.join(" | ")}`);
        if (list.length > 255) throw new PlanApplyError("Danh sách chọn dài quá 255 ký tự.");
        dv = {
          type: "list",
          formulae: [`"${list}"`],
          errorStyle: rule.strict ? "stop" : "warning",
          ...common,
        };
        break;
      }
      case "date":
        dv = {
          type: "date",
          operator: "between",
          formulae: [isoToUtcDate(rule.min), isoToUtcDate(rule.max)],
          errorStyle: "stop",
          ...common,
        };
        break;
      case "decimal":
        dv = {
          type: "decimal",
          operator: "between",
          formulae: [rule.min, rule.max],
          errorStyle: "stop",
          ...common,
        };
        break;
      case "boolean":
        // Excel has no boolean validation: a TRUE/FALSE drop-down enters the logical values.
        dv = { type: "list", formulae: ['"TRUE,FALSE"'], errorStyle: "stop", ...common };
        break;
      default: {
        const unknown: never = rule;
        throw new PlanApplyError(`Kiểm tra dữ liệu không được hỗ trợ: ${JSON.stringify(unknown)}`);
      }
    }
    // One rule for the whole range (one <dataValidation sqref="K2:K50001">), not one per cell.
    (
      ws as unknown as { dataValidations: { add(address: string, dv: ExcelJS.DataValidation): void } }
    ).dataValidations.add(address, dv);
  }

  private pageSetup(op: Extract<PlanOp, { op: "pageSetup" }>): void {
    const ws = this.sheet(op.sheet).ws;
    ws.pageSetup.orientation = op.landscape ? "landscape" : "portrait";
    ws.pageSetup.paperSize = 9; // A4
    if (op.fitToWidth) {
      ws.pageSetup.fitToPage = true;
      ws.pageSetup.fitToWidth = 1;
      ws.pageSetup.fitToHeight = 0;
    }
    if (op.printArea) {
      // exceljs writes "$" + each corner: "A$1:I$20" becomes the absolute $A$1:$I$20.
      const r = parseRangeAddress(op.printArea.replace(/\$/g, ""));
      ws.pageSetup.printArea = `${columnLetter(r.column)}$${r.row + 1}:${columnLetter(r.lastColumn)}$${r.lastRow + 1}`;
    }
    if (op.printTitleRows) ws.pageSetup.printTitlesRow = op.printTitleRows.replace(/\$/g, "");
    if (op.centerFooter) {
      ws.headerFooter.oddFooter = `&C${op.centerFooter}`;
      ws.headerFooter.evenFooter = `&C${op.centerFooter}`;
    }
  }

  async finish(): Promise<Buffer> {
    const post: PostProcessInput = {
      tables: [],
      names: [],
      charts: this.charts,
      cachedValues: this.cached,
      textRules: this.textRules,
    };
    for (const t of this.tables.values()) post.tables.push(this.addTable(t));
    const ordered = this.wb.worksheets;
    if ((!this.active || !this.sheets.has(this.active)) && ordered[0]) this.active = ordered[0].name;
    for (const [, s] of this.sheets) {
      const views: Partial<ExcelJS.WorksheetView>[] = [];
      const selected = s.ws.name === this.active;
      if (s.frozen && (s.frozen.rows > 0 || s.frozen.columns > 0)) {
        views.push({
          state: "frozen",
          xSplit: s.frozen.columns,
          ySplit: s.frozen.rows,
          topLeftCell: cellAddress(s.frozen.rows, s.frozen.columns),
          activeCell: cellAddress(s.frozen.rows, s.frozen.columns),
          ...(selected ? { tabSelected: true } : {}),
        } as Partial<ExcelJS.WorksheetViewFrozen>);
      } else {
        views.push({
          state: "normal",
          ...(selected ? { tabSelected: true } : {}),
        } as Partial<ExcelJS.WorksheetViewNormal>);
      }
      s.ws.views = views as ExcelJS.WorksheetView[];
    }
    const activeTab = Math.max(
      0,
      ordered.findIndex((w) => w.name === this.active),
    );
    this.wb.views = [
      { x: 0, y: 0, width: 28800, height: 15000, firstSheet: 0, activeTab, visibility: "visible" },
    ];
    for (const [name, n] of this.names) if (n.comment) post.names.push({ name, comment: n.comment });
    if (this.big) {
      // One link cell per column with links, in the first scratch row (formatted as the column):
      // exceljs registers the link style; xlsxStreamRows takes the row out again.
      const ws = this.sheet(this.big.sheet).ws;
      for (const [column, link] of this.linkTemplates) {
        const cell = ws.getRow(this.big.from + 1).getCell(column + 1);
        this.setCell(cell, link, `${this.big.sheet}!${cellAddress(this.big.from, column)}`);
      }
      post.streamed = {
        linkColumns: [...this.linkTemplates.keys()],
        plan: this.big,
        sources: this.streamed,
        text: cellText,
        scalar: checkScalar,
        cachedValues: this.cached,
      };
    }
    const raw = Buffer.from(await this.wb.xlsx.writeBuffer());
    return postProcessXlsx(raw, post, this.wb);
  }

  /** Creates the Excel table from the cells already written (formulas keep their results). */
  private addTable(t: TableState): PostProcessInput["tables"][number] {
    const ws = this.sheet(t.sheet).ws;
    const header = ws.getRow(t.row + 1);
    const names: string[] = [];
    const seen = new Set<string>();
    for (let c = t.column; c <= t.lastColumn; c++) {
      const v = header.getCell(c + 1).value;
      if (typeof v !== "string" || v.trim() === "") {
        throw new PlanApplyError(
          `Bảng “${t.name}”: ô tiêu đề ${cellAddress(t.row, c)} phải là chữ, không để trống.`,
        );
      }
      if (seen.has(v.toLowerCase())) throw new PlanApplyError(`Bảng “${t.name}”: tiêu đề cột “${v}” bị lặp.`);
      seen.add(v.toLowerCase());
      names.push(v);
    }
    if (t.lastRow === t.row) t.lastRow += 1; // a table needs one data row (an empty one is fine)
    const rows: ExcelJS.CellValue[][] = [];
    const formulas: Array<string | null> = names.map(() => null);
    const uniform = names.map(() => true);
    // A streamed table is written with its first data row; the range is widened in the zip.
    const last =
      this.big && this.big.table.toLowerCase() === t.name.toLowerCase()
        ? Math.min(t.lastRow, this.big.from - 1)
        : t.lastRow;
    for (let r = t.row + 1; r <= last; r++) {
      const wsRow = ws.getRow(r + 1);
      const values: ExcelJS.CellValue[] = [];
      for (let c = t.column; c <= t.lastColumn; c++) {
        const cell = wsRow.getCell(c + 1);
        // exceljs's value getter drops a formula result that is 0, "" or FALSE, and addTable writes
        // the rows back: rebuild formula values from the cell model so cached zeros stay.
        const f = cell.type === ExcelJS.ValueType.Formula ? cell.formula : null;
        const v: ExcelJS.CellValue =
          f !== null ? ({ formula: f, result: cell.result } as ExcelJS.CellFormulaValue) : cell.value;
        values.push(v);
        const i = c - t.column;
        if (r === t.row + 1) formulas[i] = f;
        else if (formulas[i] !== f) uniform[i] = false;
      }
      rows.push(values);
    }
    // Table styles keep the cells' own formats; exceljs writes the header and rows back as they are.
    ws.addTable({
      name: t.name,
      displayName: t.name,
      ref: cellAddress(t.row, t.column),
      headerRow: true,
      totalsRow: false,
      style: { theme: t.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns: names.map((name) => ({ name, filterButton: true })),
      rows,
    } as ExcelJS.TableProperties);
    return {
      name: t.name,
      calculated: names
        .map((name, i) =>
          this.calculatedColumns && uniform[i] && formulas[i]
            ? { name, formula: formulas[i] as string }
            : null,
        )
        .filter((x): x is { name: string; formula: string } => x !== null),
    };
  }
}

function intersects(
  a: { row: number; column: number; lastRow: number; lastColumn: number },
  b: { row: number; column: number; lastRow: number; lastColumn: number },
): boolean {
  return a.row <= b.lastRow && b.row <= a.lastRow && a.column <= b.lastColumn && b.column <= a.lastColumn;
}

function isoToUtcDate(iso: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new PlanApplyError(`Ngày không hợp lệ trong kiểm tra dữ liệu: ${iso}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

function applyStyle(cell: ExcelJS.Cell, s: CellStyle): void {
  if (
    s.bold !== undefined ||
    s.italic !== undefined ||
    s.fontColor !== undefined ||
    s.fontSize !== undefined
  ) {
    const font: Partial<ExcelJS.Font> = { ...cell.font };
    if (s.bold !== undefined) font.bold = s.bold;
    if (s.italic !== undefined) font.italic = s.italic;
    if (s.fontSize !== undefined) font.size = s.fontSize;
    if (s.fontColor !== undefined) font.color = { argb: argb(s.fontColor) };
    cell.font = font;
  }
  if (s.fill !== undefined)
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s.wrap !== undefined || s.horizontal !== undefined || s.vertical !== undefined) {
    const alignment: Partial<ExcelJS.Alignment> = { ...cell.alignment };
    if (s.wrap !== undefined) alignment.wrapText = s.wrap;
    if (s.horizontal !== undefined) alignment.horizontal = s.horizontal;
    if (s.vertical !== undefined) alignment.vertical = s.vertical === "center" ? "middle" : s.vertical;
    cell.alignment = alignment;
  }
  if (s.rowHeight !== undefined) cell.worksheet.getRow(Number(cell.row)).height = s.rowHeight;
}

/** writeWorkbook as a PlanApplier (the interface the Office.js applier implements too). */
export function xlsxPlanApplier(options: WriteOptions = {}): PlanApplier<Buffer> {
  return { apply: (plan) => writeWorkbook(plan, options) };
}

/** Writes the whole plan to a new .xlsx file (bytes). */
export async function writeWorkbook(plan: WorkbookPlan, options: WriteOptions = {}): Promise<Buffer> {
  const applier = new Applier(
    options,
    streamablePlan(plan.ops, options.streamRowsAbove ?? STREAM_ROWS_ABOVE),
  );
  for (const op of plan.ops) applier.apply(op);
  return applier.finish();
}
