/**
 * What a reviewer added to a provincial workbook that the add-in does not own, read with exceljs
 * (src/core/consolidate/types.ts: WorkbookExtras): sheets other than the add-in's (every
 * non-empty cell with its value, formula, number format and link; column widths; merged cells;
 * tables) and the PhanCong columns the add-in does not write. A consolidated result carries them.
 */
import ExcelJS from "exceljs";
import { isAddinSheet, OWNED_ASSIGNMENT_HEADERS, OWNED_TASK_HEADERS } from "../core/consolidate/read";
import type { CarriedCell, CarriedSheet, WorkbookExtras } from "../core/consolidate/types";
import { TABLES } from "../core/workbook/layout";
import { plainValue } from "./readXlsx";

type TableEntry = { table?: { ref?: string; tableRef?: string; name?: string }; ref?: string; name?: string };

function tablesOf(ws: ExcelJS.Worksheet): Array<{ name: string; address: string }> {
  const tables = (ws as unknown as { tables?: Record<string, TableEntry> }).tables ?? {};
  const out: Array<{ name: string; address: string }> = [];
  for (const [k, t] of Object.entries(tables)) {
    const ref = t.table?.tableRef ?? t.table?.ref ?? t.ref;
    if (ref) out.push({ name: t.table?.name ?? k, address: ref.replace(/\$/g, "") });
  }
  return out;
}

/** One exceljs cell as carried: null when it holds nothing. */
export function carriedCell(cell: ExcelJS.Cell): CarriedCell | null {
  const raw = cell.value;
  let formula: string | undefined;
  if (cell.type === ExcelJS.ValueType.Formula) {
    const f = cell.formula;
    if (typeof f === "string" && f.trim() !== "") formula = f;
  }
  const plain =
    formula !== undefined ? plainValue((cell.result ?? null) as ExcelJS.CellValue) : plainValue(raw ?? null);
  const value = plain === "" && formula !== undefined ? null : plain;
  let link: string | undefined;
  if (raw && typeof raw === "object" && "hyperlink" in raw && typeof raw.hyperlink === "string")
    link = raw.hyperlink;
  if (formula === undefined && (value === "" || value === null)) return null;
  const v =
    typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : null;
  const numFmt = typeof cell.numFmt === "string" && cell.numFmt !== "General" ? cell.numFmt : undefined;
  return {
    value: v,
    ...(formula !== undefined ? { formula } : {}),
    ...(numFmt ? { numFmt } : {}),
    ...(link ? { link } : {}),
  };
}

function carriedSheet(ws: ExcelJS.Worksheet): CarriedSheet {
  const cells: CarriedSheet["cells"] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master !== cell) return;
      const carried = carriedCell(cell);
      if (carried) cells.push({ row: r - 1, column: c - 1, cell: carried });
    });
  });
  const widths: CarriedSheet["widths"] = [];
  (ws.columns ?? []).forEach((col, i) => {
    if (col && typeof col.width === "number" && col.width > 0) widths.push({ column: i, width: col.width });
  });
  const mergeMap = (ws as unknown as { _merges?: Record<string, { range?: string }> })._merges ?? {};
  const merges = Object.values(mergeMap)
    .map((m) => m.range ?? "")
    .filter((m) => m.includes(":"));
  return { name: ws.name, cells, widths, merges, tables: tablesOf(ws) };
}

/** The extras of a loaded workbook (the provincial one). */
export function readExtras(wb: ExcelJS.Workbook): WorkbookExtras {
  const tasksSheet =
    wb.worksheets.find((ws) => tablesOf(ws).some((t) => t.name.toLowerCase() === TABLES.tasks.toLowerCase()))
      ?.name ?? null;
  const sheets = wb.worksheets.filter((ws) => !isAddinSheet(ws.name, tasksSheet)).map(carriedSheet);
  return {
    sheets,
    assignmentColumns: tableExtraColumns(wb, TABLES.assignments, OWNED_ASSIGNMENT_HEADERS),
    taskColumns: tableExtraColumns(wb, TABLES.tasks, OWNED_TASK_HEADERS),
  };
}

/** The columns of a table whose header is not in `owned`, with one cell per data row. */
function tableExtraColumns(
  wb: ExcelJS.Workbook,
  table: string,
  owned: ReadonlySet<string>,
): WorkbookExtras["assignmentColumns"] {
  const out: WorkbookExtras["assignmentColumns"] = [];
  for (const ws of wb.worksheets) {
    const t = tablesOf(ws).find((x) => x.name.toLowerCase() === table.toLowerCase());
    if (!t) continue;
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(t.address);
    if (!m) break;
    const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const [c0, r0, c1, r1] = [col(m[1]), Number(m[2]), col(m[3]), Number(m[4])];
    for (let c = c0; c <= c1; c++) {
      const header = plainValue(ws.getRow(r0).getCell(c).value);
      const name = typeof header === "string" ? header.normalize("NFC").trim() : String(header ?? "");
      if (name === "" || owned.has(name)) continue;
      const cells: CarriedCell[] = [];
      for (let r = r0 + 1; r <= r1; r++) cells.push(carriedCell(ws.getRow(r).getCell(c)) ?? { value: null });
      const width = ws.getColumn(c).width;
      out.push({ header: name, cells, ...(typeof width === "number" && width > 0 ? { width } : {}) });
    }
    break;
  }
  return out;
}
