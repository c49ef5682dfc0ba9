/**
 * One read-only view of a workbook's cells, whether it lives in the workbook double (after the
 * task pane's adapters wrote it, with Excel's input coercion applied) or in an .xlsx file the
 * exporter wrote (read back with exceljs). The hardening checks run on this view, so the task
 * pane and the export are held to the same rules.
 */
import ExcelJS from "exceljs";
import type { WorkbookDouble } from "../../double/workbookDouble";

export type CellKind = "empty" | "string" | "number" | "boolean" | "date" | "formula" | "error" | "other";

export interface CellView {
  kind: CellKind;
  /** Text, number or boolean shown by the cell; "" when empty; the cached result for formulas. */
  value: string | number | boolean;
  /** Formula text without the leading "=", or null. */
  formula: string | null;
}

export interface SheetView {
  name: string;
  cell(row: number, column: number): CellView;
  /** Every non-empty cell (0-based row and column). */
  cells(): Array<{ row: number; column: number; cell: CellView }>;
}

export type WorkbookView = Map<string, SheetView>;

const EMPTY: CellView = { kind: "empty", value: "", formula: null };

function sheetOf(name: string, map: Map<string, CellView>): SheetView {
  return {
    name,
    cell: (r, c) => map.get(`${r},${c}`) ?? EMPTY,
    cells: () =>
      [...map.entries()].map(([k, cell]) => {
        const [row, column] = k.split(",").map(Number);
        return { row, column, cell };
      }),
  };
}

/** The double's workbook as it stands (raw cells: value, formula). */
export function viewOfDouble(d: WorkbookDouble): WorkbookView {
  const snap = d.workbook.snapshot() as {
    sheets: Array<{ name: string; cells: Array<[number, number, unknown, string | null]> }>;
  };
  const view: WorkbookView = new Map();
  for (const s of snap.sheets) {
    const map = new Map<string, CellView>();
    for (const [r, c, v, f] of s.cells) {
      let cell: CellView;
      if (f !== null && f !== undefined)
        cell = { kind: "formula", value: v as string, formula: f.replace(/^=/, "") };
      else if (v === "" || v === null || v === undefined) continue;
      else if (typeof v === "string") cell = { kind: "string", value: v, formula: null };
      else if (typeof v === "number") cell = { kind: "number", value: v, formula: null };
      else if (typeof v === "boolean") cell = { kind: "boolean", value: v, formula: null };
      else cell = { kind: "other", value: String(v), formula: null };
      map.set(`${r},${c}`, cell);
    }
    view.set(s.name, sheetOf(s.name, map));
  }
  return view;
}

/** An .xlsx file as exceljs reads it back. */
export async function viewOfXlsx(bytes: Buffer | Uint8Array): Promise<WorkbookView> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const view: WorkbookView = new Map();
  wb.eachSheet((ws) => {
    const map = new Map<string, CellView>();
    ws.eachRow({ includeEmpty: false }, (row, rn) => {
      row.eachCell({ includeEmpty: false }, (c, cn) => {
        const v = c.value as unknown;
        let cell: CellView;
        switch (c.type) {
          case ExcelJS.ValueType.Formula: {
            const fv = v as { formula?: string; sharedFormula?: string; result?: unknown };
            const result = fv.result;
            cell = {
              kind: "formula",
              value:
                typeof result === "string" || typeof result === "number" || typeof result === "boolean"
                  ? result
                  : "",
              formula: String(c.formula ?? fv.formula ?? fv.sharedFormula ?? ""),
            };
            break;
          }
          case ExcelJS.ValueType.String:
          case ExcelJS.ValueType.SharedString:
            cell = { kind: "string", value: String(v), formula: null };
            break;
          case ExcelJS.ValueType.RichText:
            cell = {
              kind: "string",
              value: (v as { richText: Array<{ text: string }> }).richText.map((t) => t.text).join(""),
              formula: null,
            };
            break;
          case ExcelJS.ValueType.Hyperlink:
            cell = { kind: "string", value: String((v as { text: unknown }).text ?? ""), formula: null };
            break;
          case ExcelJS.ValueType.Number:
            cell = { kind: "number", value: v as number, formula: null };
            break;
          case ExcelJS.ValueType.Boolean:
            cell = { kind: "boolean", value: v as boolean, formula: null };
            break;
          case ExcelJS.ValueType.Date:
            // A number with a date format: exceljs hands it over as a Date; the file holds the serial.
            cell = { kind: "number", value: (v as Date).getTime() / 86_400_000 + 25_569, formula: null };
            break;
          case ExcelJS.ValueType.Error:
            cell = { kind: "error", value: String((v as { error?: unknown }).error ?? ""), formula: null };
            break;
          case ExcelJS.ValueType.Null:
          case ExcelJS.ValueType.Merge:
            return;
          default:
            cell = { kind: "other", value: String(v), formula: null };
        }
        if (cell.kind === "string" && cell.value === "") return;
        map.set(`${rn - 1},${cn - 1}`, cell);
      });
    });
    view.set(ws.name, sheetOf(ws.name, map));
  });
  return view;
}

/** A formula with its numbers blanked: row numbers differ between workbooks, the add-in's formulas do not. */
export function formulaShape(formula: string): string {
  return formula.replace(/^=/, "").replace(/\d+/g, "#");
}

export function formulaShapes(view: WorkbookView): Set<string> {
  const out = new Set<string>();
  for (const s of view.values())
    for (const { cell } of s.cells()) if (cell.formula !== null) out.add(formulaShape(cell.formula));
  return out;
}
