/**
 * Applies a workbook plan to the open workbook through Office.js. Round trips are bounded by
 * bytes, not rows: one sync to learn what exists, then one sync per ~4 MB of payload (every
 * request stays under Excel on the web's 5 MB limit), with calculation suspended while writing.
 * Large blocks are split by rows; a 1×1 formula or number format fills a whole column.
 */
import type {
  CellStyle,
  ConditionalRule,
  PlanCell,
  PlanOp,
  ValidationRule,
  WorkbookPlan,
} from "../../core/workbook/plan";
import {
  columnLetter,
  isLinkCell,
  isSafeLink,
  parseCellAddress,
  parseRangeAddress,
  sheetRef,
} from "../../core/workbook/plan";
import { PlanApplyError, type PlanApplier } from "../../core/workbook/applier";
import { excelApiSupported } from "./requirements";
import { payloadBytes, toExcelInput, type ExcelInput } from "./excelValues";

export const DEFAULT_CHUNK_BYTES = 4_000_000;
/** Fixed cost counted for every queued operation (addresses, ids, JSON framing). */
const OP_OVERHEAD_BYTES = 200;

export interface ApplyOptions {
  chunkBytes?: number;
  /** What exists, if the caller already loaded it (saves a round trip). */
  meta?: WorkbookMeta;
  /** 0..1 after each round trip. */
  onProgress?: (fraction: number) => void;
}

export interface ApplyReport {
  syncs: number;
  /** Estimated bytes sent. */
  bytes: number;
  /** Largest single request (estimated bytes). */
  maxRequestBytes: number;
  /** Tables whose filters were cleared so rows could be written safely. */
  clearedFilters: string[];
  /** Sheets created by this plan. */
  createdSheets: string[];
  /** Workbook names this plan added (they outlive a deleted sheet as =#REF!). */
  createdNames: string[];
  /** PivotTable filters the host could not apply (ExcelApi < 1.12): the person picks these items. */
  pivotFiltersToPick: Array<{ pivot: string; sheet: string; field: string; values: string[] }>;
}

/** The Office.js applier's failure: the one error type of both plan appliers (src/core/workbook/applier.ts). */
export { PlanApplyError as ApplyError };

/** applyPlan as a PlanApplier (the interface the .xlsx writer implements too). */
export function officePlanApplier(
  context: Excel.RequestContext,
  options: ApplyOptions = {},
): PlanApplier<ApplyReport> {
  return { apply: (plan) => applyPlan(context, plan, options) };
}

/** Bytes of one plan row as sent: its values, plus a getCell path and a hyperlink write per safe link. */
function rowBytes(r: PlanCell[]): number {
  let n = payloadBytes(r.map(toExcelInput)) + 1;
  for (const c of r) {
    if (isLinkCell(c) && isSafeLink(c.hyperlink))
      n += 2 * OP_OVERHEAD_BYTES + payloadBytes(c.hyperlink) + payloadBytes(c.text);
  }
  return n;
}

function opBytes(op: PlanOp): number {
  switch (op.op) {
    case "writeCells":
    case "appendTableRows":
    case "updateTableCells":
      return op.rows.reduce((n, r) => n + rowBytes(r), OP_OVERHEAD_BYTES);
    case "fillFormula":
    case "fillTableFormula":
      return OP_OVERHEAD_BYTES + payloadBytes(op.formula);
    default:
      return OP_OVERHEAD_BYTES + payloadBytes(JSON.stringify(op));
  }
}

/** Splits row-heavy operations so that no piece exceeds `limit` bytes. */
export function splitOp(op: PlanOp, limit: number): PlanOp[] {
  if (op.op !== "writeCells" && op.op !== "appendTableRows" && op.op !== "updateTableCells") return [op];
  if (opBytes(op) <= limit || op.rows.length <= 1) return [op];
  const pieces: PlanOp[] = [];
  let start = 0;
  let size = OP_OVERHEAD_BYTES;
  const push = (end: number) => {
    const rows = op.rows.slice(start, end);
    if (op.op === "writeCells") {
      const { row, column } = parseCellAddress(op.address);
      pieces.push({ ...op, address: `${columnLetter(column)}${row + 1 + start}`, rows });
    } else if (op.op === "updateTableCells") pieces.push({ ...op, row: op.row + start, rows });
    else pieces.push({ ...op, rows });
    start = end;
    size = OP_OVERHEAD_BYTES;
  };
  op.rows.forEach((r, i) => {
    const b = rowBytes(r);
    if (size + b > limit && i > start) push(i);
    size += b;
  });
  push(op.rows.length);
  return pieces;
}

function applyStyle(range: Excel.Range, style: CellStyle): void {
  if (style.bold !== undefined) range.format.font.bold = style.bold;
  if (style.italic !== undefined) range.format.font.italic = style.italic;
  if (style.fontColor) range.format.font.color = style.fontColor;
  if (style.fontSize) range.format.font.size = style.fontSize;
  if (style.fill) range.format.fill.color = style.fill;
  if (style.wrap !== undefined) range.format.wrapText = style.wrap;
  if (style.horizontal)
    range.format.horizontalAlignment =
      style.horizontal === "left" ? "Left" : style.horizontal === "center" ? "Center" : "Right";
  if (style.vertical)
    range.format.verticalAlignment =
      style.vertical === "top" ? "Top" : style.vertical === "center" ? "Center" : "Bottom";
  if (style.rowHeight !== undefined) range.format.rowHeight = style.rowHeight;
}

function hasFormula(rows: ExcelInput[][]): boolean {
  return rows.some((r) => r.some((v) => typeof v === "string" && v.startsWith("=")));
}

/** Writes a block of plan cells into `range` (same size), then its hyperlinks. */
function writeBlock(range: Excel.Range, cells: PlanCell[][]): void {
  const inputs = cells.map((r) => r.map(toExcelInput));
  if (hasFormula(inputs)) range.formulas = inputs;
  else range.values = inputs;
  cells.forEach((r, i) =>
    r.forEach((c, j) => {
      if (isLinkCell(c) && isSafeLink(c.hyperlink)) {
        range.getCell(i, j).hyperlink = { address: c.hyperlink.trim(), textToDisplay: c.text };
      }
    }),
  );
}

function addConditionalFormat(range: Excel.Range, rule: ConditionalRule): void {
  const q = (t: string) => `"${t.replace(/"/g, '""')}"`;
  if (rule.type === "textContains") {
    const cf = range.conditionalFormats.add(Excel.ConditionalFormatType.containsText);
    cf.textComparison.rule = { operator: Excel.ConditionalTextOperator.contains, text: rule.text };
    cf.textComparison.format.fill.color = rule.fill;
    if (rule.fontColor) cf.textComparison.format.font.color = rule.fontColor;
  } else if (rule.type === "textEquals") {
    const cf = range.conditionalFormats.add(Excel.ConditionalFormatType.cellValue);
    cf.cellValue.rule = {
      formula1: `=${q(rule.text)}`,
      operator: Excel.ConditionalCellValueOperator.equalTo,
    };
    cf.cellValue.format.fill.color = rule.fill;
    if (rule.fontColor) cf.cellValue.format.font.color = rule.fontColor;
  } else if (rule.type === "formula") {
    const cf = range.conditionalFormats.add(Excel.ConditionalFormatType.custom);
    cf.custom.rule.formula = rule.formula;
    cf.custom.format.fill.color = rule.fill;
    if (rule.fontColor) cf.custom.format.font.color = rule.fontColor;
  }
}

function setValidation(range: Excel.Range, rule: ValidationRule): void {
  range.dataValidation.clear();
  switch (rule.type) {
    case "list":
      range.dataValidation.rule = { list: { inCellDropDown: true, source: rule.values.join(",") } };
      break;
    case "boolean":
      range.dataValidation.rule = { list: { inCellDropDown: true, source: "TRUE,FALSE" } };
      break;
    case "date":
      range.dataValidation.rule = {
        date: { formula1: rule.min, formula2: rule.max, operator: Excel.DataValidationOperator.between },
      };
      break;
    case "decimal":
      range.dataValidation.rule = {
        decimal: { formula1: rule.min, formula2: rule.max, operator: Excel.DataValidationOperator.between },
      };
      break;
  }
  const strict = rule.type !== "list" || rule.strict;
  range.dataValidation.errorAlert = {
    message: rule.error,
    showAlert: true,
    style: strict ? Excel.DataValidationAlertStyle.stop : Excel.DataValidationAlertStyle.warning,
    title: "Giá trị không hợp lệ",
  };
  if (rule.prompt)
    range.dataValidation.prompt = { message: rule.prompt, showPrompt: true, title: "Hướng dẫn" };
}

/** What the workbook holds, learned in the caller's first round trip. */
export interface WorkbookMeta {
  sheets: Set<string>;
  tables: Set<string>;
  names: Set<string>;
  /** Tables with an active filter (writing under a filter misplaces data: office-js #224). */
  filtered: Set<string>;
  /** The host cannot tell whether a table is filtered (no ExcelApi 1.9): filters are cleared unasked. */
  filterUnknown?: boolean;
}

/**
 * Queues the loads that tell what exists; call `resolve()` after the caller's next sync. Only
 * loads are queued, so it can share a round trip with reads.
 */
export function queueMeta(
  context: Excel.RequestContext,
  filterTables: string[] = [],
): { resolve: () => WorkbookMeta } {
  const wb = context.workbook;
  wb.worksheets.load("items/name");
  wb.tables.load("items/name");
  wb.names.load("items/name");
  // Table.autoFilter is ExcelApi 1.9; without it, whether a table is filtered is unknown.
  const filterKnown = excelApiSupported("1.9");
  const probes = filterTables.map((name) => {
    const t = wb.tables.getItemOrNullObject(name);
    t.load("name");
    if (excelApiSupported("1.9")) t.autoFilter.load("isDataFiltered");
    return { name, t };
  });
  return {
    resolve: () => ({
      sheets: new Set(wb.worksheets.items.map((s) => s.name)),
      tables: new Set(wb.tables.items.map((t) => t.name)),
      names: new Set(wb.names.items.map((n) => n.name)),
      filtered: new Set(
        probes
          .filter((p) => !p.t.isNullObject && excelApiSupported("1.9") && p.t.autoFilter.isDataFiltered)
          .map((p) => p.name),
      ),
      ...(filterKnown ? {} : { filterUnknown: true }),
    }),
  };
}

function filterTablesOf(plan: WorkbookPlan): string[] {
  return [
    ...new Set(
      plan.ops
        .filter((o): o is Extract<PlanOp, { op: "clearTableFilters" }> => o.op === "clearTableFilters")
        .map((o) => o.table),
    ),
  ];
}

export async function applyPlan(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  options: ApplyOptions = {},
): Promise<ApplyReport> {
  const limit = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const report: ApplyReport = {
    syncs: 0,
    bytes: 0,
    maxRequestBytes: 0,
    clearedFilters: [],
    createdSheets: [],
    createdNames: [],
    pivotFiltersToPick: [],
  };
  let batchBytes = 0;
  const sync = async () => {
    report.syncs += 1;
    report.bytes += batchBytes;
    report.maxRequestBytes = Math.max(report.maxRequestBytes, batchBytes);
    batchBytes = 0;
    await context.sync();
  };
  const ops = plan.ops.flatMap((op) => splitOp(op, limit - OP_OVERHEAD_BYTES));
  const totalBytes = ops.reduce((n, op) => n + opBytes(op), 0);
  let doneBytes = 0;

  try {
    let meta = options.meta;
    if (!meta) {
      const q = queueMeta(context, filterTablesOf(plan));
      await sync();
      meta = q.resolve();
    }
    const wb = context.workbook;
    const sheets = new Map<string, Excel.Worksheet>();
    const sheet = (name: string): Excel.Worksheet => {
      const s = sheets.get(name);
      if (!s) throw new Error(`Sheet ${name} is used before an ensureSheet op`);
      return s;
    };
    const tables = new Map<string, Excel.Table>();
    const table = (name: string): Excel.Table => {
      let t = tables.get(name);
      if (!t) {
        t = wb.tables.getItem(name);
        tables.set(name, t);
      }
      return t;
    };
    const bodies = new Map<string, Excel.Range>();
    const body = (name: string): Excel.Range => {
      let r = bodies.get(name);
      if (!r) {
        r = table(name).getDataBodyRange();
        bodies.set(name, r);
      }
      return r;
    };
    context.application.suspendApiCalculationUntilNextSync();

    for (const op of ops) {
      const bytes = opBytes(op);
      if (batchBytes > 0 && batchBytes + bytes > limit) {
        await sync();
        options.onProgress?.(Math.min(0.99, doneBytes / Math.max(1, totalBytes)));
        context.application.suspendApiCalculationUntilNextSync();
        bodies.clear(); // table bodies grow when rows are appended
      }
      batchBytes += bytes;
      doneBytes += bytes;
      switch (op.op) {
        case "ensureSheet": {
          let s = sheets.get(op.sheet);
          if (!s && !meta.sheets.has(op.sheet)) {
            s = wb.worksheets.add(op.sheet);
            meta.sheets.add(op.sheet);
            report.createdSheets.push(op.sheet);
          } else {
            s = s ?? wb.worksheets.getItem(op.sheet);
            if (op.clear) {
              for (const c of op.charts ?? []) s.charts.getItemOrNullObject(c).delete(); // no-op when absent
              s.getRange().clear(Excel.ClearApplyTo.all);
            }
          }
          sheets.set(op.sheet, s);
          if (op.tabColor) s.tabColor = op.tabColor;
          if (op.activate) s.activate();
          break;
        }
        case "writeCells": {
          const { row, column } = parseCellAddress(op.address);
          const width = Math.max(...op.rows.map((r) => r.length));
          const rows = op.rows.map((r) =>
            r.length === width ? r : [...r, ...new Array<PlanCell>(width - r.length).fill(null)],
          );
          const range = sheet(op.sheet).getRangeByIndexes(row, column, rows.length, width);
          writeBlock(range, rows);
          if (op.style) applyStyle(range, op.style);
          break;
        }
        case "fillFormula":
          sheet(op.sheet).getRange(op.address).formulas = [[op.formula]];
          break;
        case "numberFormat":
          sheet(op.sheet).getRange(op.address).numberFormat = [[op.format]];
          break;
        case "style":
          applyStyle(sheet(op.sheet).getRange(op.address), op.style);
          break;
        case "mergeCells":
          sheet(op.sheet).getRange(op.address).merge(false);
          break;
        case "createTable": {
          const t = sheet(op.sheet).tables.add(op.address, true);
          t.name = op.name;
          if (op.style) t.style = op.style;
          tables.set(op.name, t);
          meta.tables.add(op.name);
          break;
        }
        case "appendTableRows": {
          const added = table(op.table).rows.add(
            undefined,
            op.rows.map((r) => r.map(toExcelInput)),
          );
          // rows.add writes values only: links get their hyperlink as in writeBlock.
          if (op.rows.some((r) => r.some(isLinkCell))) {
            const top = added.getRange();
            op.rows.forEach((r, i) =>
              r.forEach((c, j) => {
                if (isLinkCell(c) && isSafeLink(c.hyperlink))
                  top.getCell(i, j).hyperlink = { address: c.hyperlink.trim(), textToDisplay: c.text };
              }),
            );
          }
          bodies.delete(op.table);
          break;
        }
        case "updateTableCells": {
          const width = op.rows[0]?.length ?? 0;
          if (width === 0) break;
          const range = body(op.table)
            .getCell(op.row, op.column)
            .getResizedRange(op.rows.length - 1, width - 1);
          writeBlock(range, op.rows);
          break;
        }
        case "fillTableFormula":
          body(op.table)
            .getCell(op.fromRow, op.column)
            .getResizedRange(op.toRow - op.fromRow, 0).formulas = [[op.formula]];
          break;
        case "clearTableFilters":
          if (meta.filtered.has(op.table)) {
            table(op.table).clearFilters();
            report.clearedFilters.push(op.table);
          } else if (meta.filterUnknown && meta.tables.has(op.table)) {
            table(op.table).clearFilters();
          }
          break;
        case "defineName": {
          if (meta.names.has(op.name)) wb.names.getItem(op.name).delete();
          else report.createdNames.push(op.name);
          wb.names.add(op.name, `=${sheetRef(op.sheet, op.address)}`, op.comment);
          meta.names.add(op.name);
          break;
        }
        case "columnWidths":
          for (const w of op.widths)
            sheet(op.sheet).getRangeByIndexes(0, w.column, 1, 1).format.columnWidth = Math.round(
              w.width * 6.5,
            );
          break;
        case "freezePanes":
          if (op.columns)
            sheet(op.sheet).freezePanes.freezeAt(
              sheet(op.sheet).getRangeByIndexes(0, 0, op.rows, op.columns),
            );
          else sheet(op.sheet).freezePanes.freezeRows(op.rows);
          break;
        case "conditionalFormat":
          addConditionalFormat(sheet(op.sheet).getRange(op.address), op.rule);
          break;
        case "clearConditionalFormats":
          sheet(op.sheet).getRange(op.address).conditionalFormats.clearAll();
          break;
        case "dataValidation":
          setValidation(sheet(op.sheet).getRange(op.address), op.rule);
          break;
        case "chart": {
          const s = sheet(op.sheet);
          const chart = s.charts.add(
            Excel.ChartType.barClustered,
            s.getRange(op.values),
            Excel.ChartSeriesBy.columns,
          );
          chart.name = op.name;
          chart.title.text = op.title;
          const series = chart.series.getItemAt(0);
          series.setXAxisValues(s.getRange(op.categories));
          series.name = op.seriesName;
          chart.legend.visible = false;
          chart.axes.valueAxis.maximum = 1;
          chart.axes.valueAxis.minimum = 0;
          chart.axes.valueAxis.numberFormat = "0%";
          chart.setPosition(op.anchor);
          chart.width = op.width;
          chart.height = op.height;
          break;
        }
        case "pageSetup": {
          // Page layout is ExcelApi 1.9: without it the report prints with Excel's defaults.
          if (excelApiSupported("1.9")) {
            const layout = sheet(op.sheet).pageLayout;
            layout.orientation = op.landscape
              ? Excel.PageOrientation.landscape
              : Excel.PageOrientation.portrait;
            layout.paperSize = Excel.PaperType.a4;
            if (op.printTitleRows) layout.setPrintTitleRows(op.printTitleRows);
            if (op.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
            if (op.printArea) layout.setPrintArea(op.printArea);
            if (op.centerFooter) layout.headersFooters.defaultForAllPages.centerFooter = op.centerFooter;
          }
          break;
        }
        case "pivotTable": {
          const pivot = wb.pivotTables.add(
            op.name,
            table(op.sourceTable),
            sheet(op.sheet).getRange(op.anchor),
          );
          for (const f of op.rows) pivot.rowHierarchies.add(pivot.hierarchies.getItem(f));
          for (const f of op.columns) pivot.columnHierarchies.add(pivot.hierarchies.getItem(f));
          for (const v of op.values) {
            const dh = pivot.dataHierarchies.add(pivot.hierarchies.getItem(v.field));
            dh.summarizeBy = Excel.AggregationFunction.count;
          }
          for (const f of op.filters ?? []) {
            const fh = pivot.filterHierarchies.add(pivot.hierarchies.getItem(f.field));
            if (f.values.length === 0) continue;
            // Selecting items is ExcelApi 1.12: without it the field waits in the filter area.
            if (excelApiSupported("1.12")) {
              fh.fields.getItem(f.field).applyFilter({ manualFilter: { selectedItems: f.values } });
            } else {
              report.pivotFiltersToPick.push({ pivot: op.name, sheet: op.sheet, ...f });
            }
          }
          break;
        }
        case "autoFilter": {
          const col = table(op.table).columns.getItemAt(op.column);
          col.filter.applyValuesFilter(op.values);
          break;
        }
        default: {
          const never: never = op;
          throw new Error(`Unknown plan op ${JSON.stringify(never)}`);
        }
      }
    }
    await sync();
    options.onProgress?.(1);
    return report;
  } catch (e) {
    throw new PlanApplyError("Ghi vào sổ không thành công.", {
      cause: e,
      createdSheets: report.createdSheets,
      createdNames: report.createdNames,
    });
  }
}

/**
 * Best-effort undo after a failed apply: deletes the sheets the plan created (a fresh pull),
 * so no half-written sheet is left. Existing sheets are never deleted.
 */
export async function removeCreatedSheets(
  context: Excel.RequestContext,
  sheets: string[],
  names: string[] = [],
): Promise<void> {
  if (sheets.length === 0 && names.length === 0) return;
  for (const name of names) context.workbook.names.getItemOrNullObject(name).delete();
  for (const name of sheets) context.workbook.worksheets.getItemOrNullObject(name).delete();
  await context.sync();
}

/** Range helper for adapters: A1 bounds of an address. */
export { parseRangeAddress };
