/**
 * The consolidation as the pane applies it to the open provincial workbook (the headless command
 * rebuilds a copy instead, sheets.ts): the same merge result, written as a small plan — only the
 * user cells of the rows that changed (Trạng thái, Ngày hoàn thành, Minh chứng, Ghi chú) and their
 * provenance ("Nguồn cập nhật", "Cập nhật lúc"), the "Nộp báo cáo" sheet rebuilt by the same ops
 * as headless, and the count of units that reported on Tổng hợp / Báo cáo (below the table).
 * Pure: the caller says where the table's columns and the sheets' free rows are.
 */
import { assignmentUserCells } from "../workbook/sheets";
import type { AssignmentRecord } from "../workbook/model";
import { columnLetter, type PlanCell, type PlanOp, type WorkbookPlan } from "../workbook/plan";
import { SHEETS, TABLES } from "../workbook/layout";
import { PROVENANCE_HEADERS, serialFromIso } from "./read";
import type { ConsolidationResult } from "./merge";
import { DATETIME_FORMAT, reportedCells, submissionSheetOps } from "./sheets";

const USER_HEADERS = ["Trạng thái", "Ngày hoàn thành", "Minh chứng", "Ghi chú"] as const;

export interface PanePlanInput {
  /** PhanCong headers as read (the provenance columns may be missing: see `addColumns`). */
  headers: readonly string[];
  /** PhanCong data rows (the date format of "Cập nhật lúc" is set on all of them). */
  rowCount: number;
  result: ConsolidationResult;
  /**
   * 1-based sheet row where the "Số đơn vị đã nộp báo cáo" line goes on Tổng hợp and Báo cáo
   * (its own row when a run wrote it before, else two rows below the last used one); null when
   * the sheet does not exist.
   */
  reportedRow: { summary: number | null; report: number | null };
}

export interface PanePlan {
  plan: WorkbookPlan;
  /** Provenance headers PhanCong lacks: the adapter adds them at the end of the table first. */
  addColumns: string[];
  /** PhanCong data rows written. */
  rowsWritten: number;
}

function runs(rows: readonly number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    out.push([rows[i], rows[j]]);
    i = j + 1;
  }
  return out;
}

/** The plan; throws when PhanCong lacks a user column (the caller checks headers first). */
export function consolidationPanePlan(input: PanePlanInput): PanePlan {
  const { headers, result } = input;
  const col = (h: string) => headers.indexOf(h);
  const userCols = USER_HEADERS.map(col);
  if (userCols.some((c) => c < 0)) throw new Error("consolidationPanePlan: PhanCong lacks a user column");
  const addColumns = [PROVENANCE_HEADERS.source, PROVENANCE_HEADERS.at].filter((h) => col(h) < 0);
  const srcCol = col(PROVENANCE_HEADERS.source) >= 0 ? col(PROVENANCE_HEADERS.source) : headers.length;
  const atCol =
    col(PROVENANCE_HEADERS.at) >= 0
      ? col(PROVENANCE_HEADERS.at)
      : headers.length + (addColumns.includes(PROVENANCE_HEADERS.source) ? 1 : 0);

  const byRow = new Map<number, { user: PlanCell[]; source: PlanCell; at: PlanCell }>();
  for (const i of result.changed) {
    const r = result.rows[i];
    if (r.tableRow === undefined) continue;
    const cells = assignmentUserCells({ ...r.values } as AssignmentRecord);
    byRow.set(r.tableRow, {
      user: [cells.status, cells.completedOn, cells.evidence, cells.note],
      source: r.source,
      at: r.sourceAt ? serialFromIso(r.sourceAt) : null,
    });
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const ops: PlanOp[] = [];
  if (rows.length > 0) ops.push({ op: "clearTableFilters", table: TABLES.assignments });
  // One write per run of adjacent rows and adjacent columns (the four user columns sit side by
  // side in the add-in's layout; a moved column gets its own writes).
  const groups: number[][] = [];
  for (const [k, c] of userCols.entries()) {
    const last = groups[groups.length - 1];
    if (last && c === userCols[last[last.length - 1]] + 1) last.push(k);
    else groups.push([k]);
  }
  const provAdjacent = atCol === srcCol + 1;
  for (const [from, to] of runs(rows)) {
    const slice = rows.filter((r) => r >= from && r <= to);
    for (const g of groups)
      ops.push({
        op: "updateTableCells",
        table: TABLES.assignments,
        row: from,
        column: userCols[g[0]],
        rows: slice.map((r) => g.map((k) => (byRow.get(r) as { user: PlanCell[] }).user[k])),
      });
    const prov = slice.map((r) => byRow.get(r) as { source: PlanCell; at: PlanCell });
    if (provAdjacent)
      ops.push({
        op: "updateTableCells",
        table: TABLES.assignments,
        row: from,
        column: srcCol,
        rows: prov.map((p) => [p.source, p.at]),
      });
    else {
      ops.push({
        op: "updateTableCells",
        table: TABLES.assignments,
        row: from,
        column: srcCol,
        rows: prov.map((p) => [p.source]),
      });
      ops.push({
        op: "updateTableCells",
        table: TABLES.assignments,
        row: from,
        column: atCol,
        rows: prov.map((p) => [p.at]),
      });
    }
  }
  if (addColumns.includes(PROVENANCE_HEADERS.at) && input.rowCount > 0) {
    ops.push({ op: "ensureSheet", sheet: SHEETS.assignments });
    ops.push({
      op: "numberFormat",
      sheet: SHEETS.assignments,
      // PhanCong starts at A1 of its sheet in every workbook the add-in builds.
      address: `${columnLetter(atCol)}2:${columnLetter(atCol)}${input.rowCount + 1}`,
      format: DATETIME_FORMAT,
    });
  }
  ops.push(...submissionSheetOps(result.submissions));
  const reported = result.report.unitsReported;
  const expected = result.report.unitsExpected;
  const line = reportedCells(reported, expected);
  for (const [sheet, row] of [
    [SHEETS.summary, input.reportedRow.summary],
    [SHEETS.report, input.reportedRow.report],
  ] as const) {
    if (row === null) continue;
    ops.push({ op: "ensureSheet", sheet });
    ops.push({ op: "writeCells", sheet, address: `A${row}`, rows: line, style: { italic: true } });
  }
  return { plan: { ops }, addColumns, rowsWritten: rows.length };
}
