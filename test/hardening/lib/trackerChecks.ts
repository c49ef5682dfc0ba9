/**
 * What the tracking workbook must hold after the add-in wrote a catalogue (and progress) into it,
 * checked cell by cell on a WorkbookView: every catalogue and user text is the literal text (a
 * string cell equal to what was written, never a formula, a number, a date or a boolean), and
 * every formula in the workbook is one of the add-in's own formulas.
 */
import type { Catalogue } from "../../../src/core/catalogue/types";
import { toExcelSerial } from "../../../src/core/dates/isoDate";
import type { TrackerModel } from "../../../src/core/workbook/model";
import {
  ASSIGNMENT_COLUMNS,
  ASSIGNMENT_TABLE_HEADER_ROW,
  SHEETS,
  SUMMARY_TOTAL_LABEL,
  TASK_COLUMNS,
  TASK_TABLE_HEADER_ROW,
  type AssignmentColumnKey,
  type TaskColumnKey,
} from "../../../src/core/workbook/layout";
import { columnLetter } from "../../../src/core/workbook/plan";
import { shown } from "./vietnamese";
import { formulaShape, type CellView, type SheetView, type WorkbookView } from "./views";

export interface TableView {
  headers: string[];
  /** Data rows with their 0-based sheet row. */
  rows: Array<{ row: number; cells: CellView[] }>;
}

/** A table whose header row is `headerRow` (0-based): data rows until the first empty row. */
export function readTable(sheet: SheetView, headerRow: number): TableView {
  const headers: string[] = [];
  for (let c = 0; ; c++) {
    const h = sheet.cell(headerRow, c);
    if (h.kind === "empty") break;
    headers.push(String(h.value));
  }
  const rows: TableView["rows"] = [];
  for (let r = headerRow + 1; ; r++) {
    const cells = headers.map((_, c) => sheet.cell(r, c));
    if (cells.every((x) => x.kind === "empty")) break;
    rows.push({ row: r, cells });
  }
  return { headers, rows };
}

const address = (sheet: string, row: number, column: number) => `${sheet}!${columnLetter(column)}${row + 1}`;

/** Problems when `cell` is not exactly the literal text `expected` ("" = an empty cell). */
export function textProblem(cell: CellView, expected: string, where: string): string | null {
  const want = shown(expected);
  if (cell.formula !== null)
    return `${where}: a formula =${cell.formula} where the text ${JSON.stringify(want)} belongs`;
  if (want === "")
    return cell.kind === "empty" ? null : `${where}: ${JSON.stringify(cell.value)} where nothing belongs`;
  if (cell.kind !== "string")
    return `${where}: ${cell.kind} ${JSON.stringify(cell.value)} instead of the text ${JSON.stringify(want)}`;
  return cell.value === want
    ? null
    : `${where}: ${JSON.stringify(cell.value)} instead of ${JSON.stringify(want)}`;
}

function numberProblem(cell: CellView, expected: number | null, where: string): string | null {
  if (cell.formula !== null) return `${where}: a formula =${cell.formula} where a date belongs`;
  if (expected === null)
    return cell.kind === "empty" ? null : `${where}: ${JSON.stringify(cell.value)} where nothing belongs`;
  return cell.kind === "number" && cell.value === expected
    ? null
    : `${where}: ${cell.kind} ${JSON.stringify(cell.value)} instead of the serial ${expected}`;
}

/** Every formula of the workbook is one of `allowed` (shapes: numbers blanked). */
export function foreignFormulas(view: WorkbookView, allowed: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const s of view.values())
    for (const { row, column, cell } of s.cells())
      if (cell.formula !== null && !allowed.has(formulaShape(cell.formula)))
        out.push(`${address(s.name, row, column)}: =${cell.formula}`);
  return out;
}

function headerOf<K extends string>(columns: readonly { key: K; header: string }[], k: K): string {
  return (columns.find((c) => c.key === k) as { header: string }).header;
}

const serial = (iso: string | null) => (iso ? toExcelSerial(iso) : null);

/**
 * The task table, the assignment table, the banner and the Cấu hình catalogue block hold the
 * model's texts literally. Rows are found by key (task id; task id + unit), wherever they are.
 */
export function trackerProblems(
  view: WorkbookView,
  catalogue: Catalogue,
  model: TrackerModel,
  loadedFrom?: string,
): string[] {
  const problems: string[] = [];
  const add = (p: string | null) => {
    if (p) problems.push(p);
  };
  const tasksSheet = view.get(SHEETS.tasks);
  const pcSheet = view.get(SHEETS.assignments);
  const config = view.get(SHEETS.config);
  if (!tasksSheet || !pcSheet || !config) return [`missing sheets: ${[...view.keys()].join(", ")}`];

  add(textProblem(tasksSheet.cell(0, 0), catalogue.title, address(SHEETS.tasks, 0, 0)));

  const nv = readTable(tasksSheet, TASK_TABLE_HEADER_ROW - 1);
  const tcol = (k: TaskColumnKey) => nv.headers.indexOf(headerOf(TASK_COLUMNS, k));
  const byId = new Map<string, (typeof nv.rows)[number]>();
  for (const r of nv.rows) {
    const id = r.cells[tcol("id")];
    if (id.kind === "string") byId.set(id.value as string, r);
  }
  for (const t of model.tasks) {
    const r = byId.get(shown(t.id));
    if (!r) {
      problems.push(`NhiemVu: no row with the literal id ${JSON.stringify(shown(t.id))}`);
      continue;
    }
    for (const k of ["title", "lead", "coordinating", "output", "deadline"] as const)
      add(textProblem(r.cells[tcol(k)], t[k], address(SHEETS.tasks, r.row, tcol(k))));
    add(numberProblem(r.cells[tcol("due")], serial(t.due), address(SHEETS.tasks, r.row, tcol("due"))));
  }

  const pc = readTable(pcSheet, ASSIGNMENT_TABLE_HEADER_ROW - 1);
  const acol = (k: AssignmentColumnKey) => pc.headers.indexOf(headerOf(ASSIGNMENT_COLUMNS, k));
  const byKey = new Map<string, (typeof pc.rows)[number]>();
  for (const r of pc.rows) {
    const id = r.cells[acol("taskId")];
    const unit = r.cells[acol("unit")];
    byKey.set(`${String(id.value)}\u0001${String(unit.value)}`, r);
    if (id.formula !== null || unit.formula !== null)
      problems.push(`${address(SHEETS.assignments, r.row, acol("taskId"))}: a formula in a key column`);
  }
  for (const a of model.assignments) {
    const r = byKey.get(`${shown(a.taskId)}\u0001${shown(a.unit)}`);
    if (!r) {
      problems.push(
        `PhanCong: no row for ${JSON.stringify(shown(a.taskId))} × ${JSON.stringify(shown(a.unit))}`,
      );
      continue;
    }
    const at = (k: AssignmentColumnKey) => address(SHEETS.assignments, r.row, acol(k));
    add(textProblem(r.cells[acol("taskId")], a.taskId, at("taskId")));
    add(textProblem(r.cells[acol("unit")], a.unit, at("unit")));
    add(textProblem(r.cells[acol("title")], a.title, at("title")));
    add(textProblem(r.cells[acol("status")], a.status ?? "", at("status")));
    add(textProblem(r.cells[acol("evidence")], a.evidence ?? "", at("evidence")));
    add(textProblem(r.cells[acol("note")], a.note ?? "", at("note")));
    add(numberProblem(r.cells[acol("completedOn")], serial(a.completedOn), at("completedOn")));
    add(numberProblem(r.cells[acol("due")], serial(a.due), at("due")));
  }

  // The catalogue block of Cấu hình: label in column A, value in column B.
  const labels = new Map<string, number>();
  for (const { row, column, cell } of config.cells())
    if (column === 0 && cell.kind === "string") labels.set(cell.value as string, row);
  const meta: Array<[string, string]> = [
    ["Mã danh mục", catalogue.id],
    ["Tên danh mục", catalogue.title],
    ["Văn bản nguồn", catalogue.source.document],
    ["Phiên bản", catalogue.version ?? ""],
    ["Ghi chú nguồn", catalogue.source.note ?? ""],
    ...(loadedFrom !== undefined ? ([["Nạp từ", loadedFrom]] as Array<[string, string]>) : []),
  ];
  for (const [label, value] of meta) {
    const row = labels.get(label);
    if (row === undefined) problems.push(`${SHEETS.config}: no “${label}” row`);
    else add(textProblem(config.cell(row, 1), value, address(SHEETS.config, row, 1)));
  }
  return problems;
}

/** The Tổng hợp sheet: column A holds unit names of the model (literal text) and the total row. */
export function summaryProblems(view: WorkbookView, model: TrackerModel): string[] {
  const sheet = view.get(SHEETS.summary);
  if (!sheet) return [`no ${SHEETS.summary} sheet`];
  const units = new Set(model.assignments.map((a) => shown(a.unit)));
  const problems: string[] = [];
  const table = readTable(sheet, 0);
  if (table.rows.length === 0) problems.push(`${SHEETS.summary}: no rows`);
  for (const r of table.rows) {
    const c = r.cells[0];
    const where = address(SHEETS.summary, r.row, 0);
    if (c.formula !== null || c.kind !== "string")
      problems.push(`${where}: ${c.kind} ${JSON.stringify(c.value)}`);
    else if (!units.has(c.value as string) && c.value !== SUMMARY_TOTAL_LABEL)
      problems.push(`${where}: ${JSON.stringify(c.value)} is not a unit of the catalogue`);
  }
  return problems;
}
