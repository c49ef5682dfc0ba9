/**
 * Re-pulling a catalogue into a workbook that already tracks one (cập nhật danh mục): rows are
 * matched by task id (and unit); user columns are never written; changed catalogue fields are
 * updated in place wherever the user sorted the rows; tasks that left the catalogue are kept
 * and marked "Trong danh mục = Không"; new tasks and assignments are appended.
 */
import { safeText } from "../cells/safeCell";
import {
  ASSIGNMENT_COLUMNS,
  IN_CATALOGUE,
  TABLES,
  TASK_COLUMNS,
  type AssignmentColumnKey,
  type ColumnSpec,
  type TaskColumnKey,
} from "./layout";
import { assignmentKey, type AssignmentRecord, type TaskRecord, type TrackerModel } from "./model";
import {
  ASSIGNMENT_FORMULAS,
  assignmentCatalogueCells,
  assignmentRuleOps,
  assignmentUserCells,
  taskCatalogueCells,
  taskRuleOps,
} from "./sheets";
import { ASSIGNMENT_TABLE_HEADER_ROW, SHEETS, TASK_TABLE_HEADER_ROW, tasksSheetName } from "./layout";
import { rangeAddress } from "./plan";
import {
  nv,
  periodFormula,
  taskDoneCountFormula,
  taskLeadCountFormula,
  taskOverdueCountFormula,
  taskProgressFormula,
} from "./formulas";
import { isFormulaCell, isLinkCell, type PlanCell, type PlanOp } from "./plan";
import { assignmentFromRow } from "./assignmentRow";
import { formatCellIssue, type CellIssue } from "./cellValues";

/**
 * A table as read from the workbook: its header row and its data rows (values), in sheet order.
 * A cell that was not read is `undefined` (large tables are read only in the columns needed);
 * an empty cell is "".
 */
export interface ExistingTable {
  headers: unknown[];
  rows: unknown[][];
}

/** Assignment columns copied from the task: rewritten when the task changed, even if not read. */
const TASK_DERIVED: ReadonlySet<AssignmentColumnKey> = new Set(["title", "area", "due", "kind"]);

export interface MergeCounts {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

export interface MergeResult {
  ops: PlanOp[];
  tasks: MergeCounts;
  assignments: MergeCounts;
  /** The assignment table after the merge (user columns as read), for summaries. */
  merged: AssignmentRecord[];
  /** Cells of the existing table the formulas cannot read (Vietnamese, with sheet, row, column). */
  cellProblems: string[];
}

export class WorkbookShapeError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join(" "));
    this.name = "WorkbookShapeError";
    this.problems = problems;
  }
}

function headerIndex<K extends string>(
  table: string,
  columns: readonly ColumnSpec<K>[],
  headers: unknown[],
): Map<K, number> {
  const found = new Map<K, number>();
  const problems: string[] = [];
  const norm = headers.map((h) =>
    String(h ?? "")
      .normalize("NFC")
      .trim(),
  );
  for (const c of columns) {
    const i = norm.indexOf(c.header);
    if (i < 0 && c.optional) continue; // a column added later: older tables merge without it
    if (i < 0) problems.push(`Bảng “${table}” thiếu cột “${c.header}” (có thể cột đã bị đổi tên hoặc xóa).`);
    else found.set(c.key, i);
  }
  if (problems.length > 0) {
    problems.push("Hãy khôi phục tên cột rồi nạp lại; bổ trợ không ghi gì để tránh làm sai dữ liệu.");
    throw new WorkbookShapeError(problems);
  }
  return found;
}

/** What a cell shows after the adapters wrote `text`: control characters dropped, length capped, guard apostrophe gone. */
function shownText(text: string): string {
  const t = safeText(text);
  return t.startsWith("'") ? t.slice(1) : t;
}

/** Cell values compare as Excel shows them: text as written by the adapters, NFC-trimmed, empty = null. */
function same(existing: unknown, planned: PlanCell): boolean {
  if (isFormulaCell(planned)) return true; // formula columns are not compared
  const raw = isLinkCell(planned) ? planned.text : planned;
  const want = typeof raw === "string" ? shownText(raw) : raw;
  const a = existing === undefined || existing === null ? "" : existing;
  const b = want === undefined || want === null ? "" : want;
  if (a === "" || b === "") return a === b;
  if (typeof a === "number" || typeof b === "number") return Number(a) === Number(b);
  return String(a).normalize("NFC").trim() === String(b).normalize("NFC").trim();
}

interface Run {
  row: number;
  column: number;
  cells: PlanCell[][];
}

/** Groups single-row cell writes into rectangles: consecutive rows with the same columns. */
function groupRuns(updates: RowUpdates): Run[] {
  const rowRuns: Array<{ row: number; column: number; cells: PlanCell[] }> = [];
  for (const u of updates) {
    const cols = [...u.cols].sort((x, y) => x.column - y.column);
    let cur: { row: number; column: number; cells: PlanCell[] } | null = null;
    for (const c of cols) {
      if (cur && c.column === cur.column + cur.cells.length) cur.cells.push(c.cell);
      else {
        cur = { row: u.row, column: c.column, cells: [c.cell] };
        rowRuns.push(cur);
      }
    }
  }
  rowRuns.sort((a, b) => a.column - b.column || a.row - b.row);
  const runs: Run[] = [];
  for (const r of rowRuns) {
    const prev = runs[runs.length - 1];
    if (
      prev &&
      prev.column === r.column &&
      prev.cells[0].length === r.cells.length &&
      prev.row + prev.cells.length === r.row
    ) {
      prev.cells.push(r.cells);
    } else runs.push({ row: r.row, column: r.column, cells: [r.cells] });
  }
  return runs;
}

function text(v: unknown): string {
  return v === null || v === undefined ? "" : String(v).normalize("NFC").trim();
}

type RowUpdates = Array<{ row: number; cols: Array<{ column: number; cell: PlanCell }> }>;

/** Changed cells of existing rows, as few rectangular writes as possible. */
function updateOps(table: string, updates: RowUpdates): PlanOp[] {
  return groupRuns(updates).map((run) => ({
    op: "updateTableCells",
    table,
    row: run.row,
    column: run.column,
    rows: run.cells,
  }));
}

/**
 * New rows at the table's end, their formula columns filled, and the colour rules laid again over
 * the grown table (cleared first so they never pile up). `headerRow`: the table's 1-based header row.
 */
function appendOps(p: {
  table: string;
  sheet: string;
  headerRow: number;
  from: number;
  width: number;
  rows: PlanCell[][];
  formulas: Array<{ column: number; formula: string }>;
  ruleOps: (first: number, last: number) => PlanOp[];
}): PlanOp[] {
  const ops: PlanOp[] = [{ op: "appendTableRows", table: p.table, rows: p.rows }];
  for (const { column, formula } of p.formulas)
    ops.push({
      op: "fillTableFormula",
      table: p.table,
      column,
      fromRow: p.from,
      toRow: p.from + p.rows.length - 1,
      formula,
    });
  const first = p.headerRow;
  const last = p.headerRow - 1 + p.from + p.rows.length;
  ops.push({
    op: "clearConditionalFormats",
    sheet: p.sheet,
    address: rangeAddress(first, 0, last, p.width - 1),
  });
  ops.push(...p.ruleOps(first, last));
  return ops;
}

function fullRow<K extends string>(
  columns: readonly ColumnSpec<K>[],
  idx: Map<K, number>,
  width: number,
  cells: Partial<Record<K, PlanCell>>,
): PlanCell[] {
  const row: PlanCell[] = new Array(width).fill(null);
  for (const c of columns)
    if (c.kind !== "formula" && idx.has(c.key)) row[idx.get(c.key) as number] = cells[c.key] ?? null;
  return row;
}

export function mergeTracker(
  model: TrackerModel,
  existing: { tasks: ExistingTable; assignments: ExistingTable },
  options: { singleUnit: boolean; planYear: number; tasksSheet?: string },
): MergeResult {
  // The workbook's tasks sheet, whatever its year (read by the adapter), else the plan year's.
  const tasksSheet = options.tasksSheet ?? tasksSheetName(options.planYear);
  const ops: PlanOp[] = [
    { op: "clearTableFilters", table: TABLES.tasks },
    { op: "clearTableFilters", table: TABLES.assignments },
  ];

  // ── Nhiệm vụ ──
  const tIdx = headerIndex(TABLES.tasks, TASK_COLUMNS, existing.tasks.headers);
  const tWidth = existing.tasks.headers.length;
  const newTasks = new Map<string, TaskRecord>(model.tasks.map((t) => [t.id.toLowerCase(), t]));
  const seenTasks = new Set<string>();
  const taskUpdates: RowUpdates = [];
  const tasks: MergeCounts = { added: 0, changed: 0, removed: 0, unchanged: 0 };
  const changedTasks = new Set<string>();
  existing.tasks.rows.forEach((row, r) => {
    const id = text(row[tIdx.get("id") as number]).toLowerCase();
    if (id === "" || seenTasks.has(id)) return; // rows the user added by hand are left alone
    seenTasks.add(id);
    const t = newTasks.get(id);
    const planned: Partial<Record<TaskColumnKey, PlanCell>> = t
      ? taskCatalogueCells(t)
      : { inCatalogue: IN_CATALOGUE.no };
    const cols: Array<{ column: number; cell: PlanCell }> = [];
    for (const [key, cell] of Object.entries(planned) as Array<[TaskColumnKey, PlanCell]>) {
      const column = tIdx.get(key) as number;
      if (!same(row[column], cell)) cols.push({ column, cell });
    }
    if (cols.length > 0) {
      taskUpdates.push({ row: r, cols });
      changedTasks.add(id);
      if (t) tasks.changed += 1;
      else if (text(row[tIdx.get("inCatalogue") as number]) !== IN_CATALOGUE.no) tasks.removed += 1;
    } else if (t) tasks.unchanged += 1;
  });
  ops.push(...updateOps(TABLES.tasks, taskUpdates));
  const addedTasks = model.tasks.filter((t) => !seenTasks.has(t.id.toLowerCase()));
  tasks.added = addedTasks.length;
  if (addedTasks.length > 0) {
    const fills: Array<[TaskColumnKey, string]> = [
      ["period", periodFormula(nv("kind"), nv("due"))],
      ["leadCount", taskLeadCountFormula()],
      ["doneCount", taskDoneCountFormula()],
      ["overdueCount", taskOverdueCountFormula()],
      ["progress", taskProgressFormula(options.singleUnit)],
    ];
    ops.push(
      ...appendOps({
        table: TABLES.tasks,
        sheet: tasksSheet,
        headerRow: TASK_TABLE_HEADER_ROW,
        from: existing.tasks.rows.length,
        width: tWidth,
        rows: addedTasks.map((t) => fullRow(TASK_COLUMNS, tIdx, tWidth, taskCatalogueCells(t))),
        formulas: fills.map(([key, formula]) => ({ column: tIdx.get(key) as number, formula })),
        ruleOps: (first, last) => taskRuleOps(first, last, (k) => tIdx.get(k) as number, tWidth, tasksSheet),
      }),
    );
  }

  // ── Phân công ──
  const aIdx = headerIndex(TABLES.assignments, ASSIGNMENT_COLUMNS, existing.assignments.headers);
  const aWidth = existing.assignments.headers.length;
  const newAssignments = new Map<string, AssignmentRecord>();
  for (const a of model.assignments) newAssignments.set(assignmentKey(a.taskId.toLowerCase(), a.unit), a);
  const seen = new Set<string>();
  const updates: RowUpdates = [];
  const assignments: MergeCounts = { added: 0, changed: 0, removed: 0, unchanged: 0 };
  const merged: AssignmentRecord[] = [];
  const issues: CellIssue[] = [];
  const unitColumn = aIdx.get("unit") as number;
  existing.assignments.rows.forEach((row, r) => {
    const record = assignmentFromRow(row, aIdx, r, issues);
    const key = assignmentKey(record.taskId.toLowerCase(), record.unit);
    if (record.taskId === "" || seen.has(key)) {
      merged.push(record);
      return;
    }
    seen.add(key);
    const a = newAssignments.get(key);
    const planned: Partial<Record<AssignmentColumnKey, PlanCell>> = a
      ? assignmentCatalogueCells(a)
      : { inCatalogue: IN_CATALOGUE.no };
    const taskChanged = changedTasks.has(record.taskId.toLowerCase());
    const cols: Array<{ column: number; cell: PlanCell }> = [];
    for (const [k, cell] of Object.entries(planned) as Array<[AssignmentColumnKey, PlanCell]>) {
      const column = aIdx.get(k) as number;
      const value = row[column];
      const write = value === undefined ? taskChanged && TASK_DERIVED.has(k) : !same(value, cell);
      if (write) cols.push({ column, cell });
    }
    if (cols.length > 0) {
      updates.push({ row: r, cols });
      if (a) assignments.changed += 1;
      else if (record.inCatalogue) assignments.removed += 1;
    } else if (a) assignments.unchanged += 1;
    // User columns as read, catalogue columns as they will be.
    merged.push(
      a
        ? {
            ...a,
            // The unit as the cell holds it, unless this merge rewrites it (COUNTIFS reads the cell).
            unit:
              row[unitColumn] === undefined || cols.some((c) => c.column === unitColumn)
                ? a.unit
                : record.unit,
            status: record.status,
            completedOn: record.completedOn,
            evidence: record.evidence,
            note: record.note,
            explanation: record.explanation,
            review: record.review,
            reviewNote: record.reviewNote,
          }
        : { ...record, inCatalogue: false },
    );
  });
  ops.push(...updateOps(TABLES.assignments, updates));
  const added = model.assignments.filter((a) => !seen.has(assignmentKey(a.taskId.toLowerCase(), a.unit)));
  assignments.added = added.length;
  if (added.length > 0) {
    ops.push(
      ...appendOps({
        table: TABLES.assignments,
        sheet: SHEETS.assignments,
        headerRow: ASSIGNMENT_TABLE_HEADER_ROW,
        from: existing.assignments.rows.length,
        width: aWidth,
        rows: added.map((a) =>
          fullRow(ASSIGNMENT_COLUMNS, aIdx, aWidth, {
            ...assignmentCatalogueCells(a),
            ...assignmentUserCells(a),
          }),
        ),
        formulas: ASSIGNMENT_FORMULAS.map(({ key, formula }) => ({
          column: aIdx.get(key) as number,
          formula: formula(),
        })),
        ruleOps: (first, last) => assignmentRuleOps(first, last, (k) => aIdx.get(k) as number, aWidth),
      }),
    );
    merged.push(...added);
  }
  return { ops, tasks, assignments, merged, cellProblems: issues.map(formatCellIssue) };
}
