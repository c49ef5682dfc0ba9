/**
 * A Phân công row → an assignment record (bản ghi phân công), the one function every reader of
 * the PhanCong table uses (the merge of a re-pull, the summary, report and score actions). It
 * reads the row as the workbook's formulas do (see ./cellValues.ts): a pasted value a formula
 * cannot use becomes "no value" plus a CellIssue naming its sheet, row and column.
 */
import { foldVietnamese } from "../text/fold";
import { ASSIGNMENT_COLUMNS, ASSIGNMENT_TABLE_HEADER_ROW, IN_CATALOGUE, ROLE, SHEETS } from "./layout";
import type { AssignmentColumnKey } from "./layout";
import type { AssignmentRecord } from "./model";
import { readDateCell, readStatusCell, readTextCell, readUnitCell, type CellIssue } from "./cellValues";

/** Column positions of the PhanCong headers that are present (NFC, trimmed comparison). */
export function assignmentColumnIndex(headers: readonly unknown[]): Map<AssignmentColumnKey, number> {
  const norm = headers.map((h) => readTextCell(h));
  const idx = new Map<AssignmentColumnKey, number>();
  for (const c of ASSIGNMENT_COLUMNS) {
    const i = norm.indexOf(c.header);
    if (i >= 0) idx.set(c.key, i);
  }
  return idx;
}

/** Headers of `needed` columns missing from a read table (renamed or deleted by a user). */
export function missingAssignmentColumns(
  headers: readonly unknown[],
  needed: readonly AssignmentColumnKey[],
): string[] {
  const idx = assignmentColumnIndex(headers);
  return needed
    .filter((k) => !idx.has(k))
    .map((k) => ASSIGNMENT_COLUMNS.find((c) => c.key === k)?.header as string);
}

/** Sheet row (1-based) of the i-th (0-based) data row of PhanCong. */
export function assignmentSheetRow(i: number): number {
  return ASSIGNMENT_TABLE_HEADER_ROW + 1 + i;
}

/**
 * One PhanCong data row (0-based `index`) as the record the formulas see. Columns that were not
 * read (undefined) are empty. Problems go to `issues` (one per bad cell).
 */
export function assignmentFromRow(
  row: readonly unknown[],
  idx: ReadonlyMap<AssignmentColumnKey, number>,
  index: number,
  issues?: CellIssue[],
): AssignmentRecord {
  const get = (k: AssignmentColumnKey) => {
    const i = idx.get(k);
    return i === undefined ? undefined : row[i];
  };
  const date = (k: AssignmentColumnKey) => {
    const v = get(k);
    const r = readDateCell(v);
    if (r.problem && issues)
      issues.push({
        sheet: SHEETS.assignments,
        row: assignmentSheetRow(index),
        column: ASSIGNMENT_COLUMNS.find((c) => c.key === k)?.header as string,
        value: v,
        message: r.problem,
      });
    return r.iso;
  };
  const kindText = foldVietnamese(readTextCell(get("kind")));
  return {
    taskId: readTextCell(get("taskId")),
    title: readTextCell(get("title")),
    area: readTextCell(get("area")) as AssignmentRecord["area"],
    unit: readUnitCell(get("unit")),
    unitId: null,
    level: readTextCell(get("level")),
    role: readTextCell(get("role")) === ROLE.coordinating ? ROLE.coordinating : ROLE.lead,
    due: date("due"),
    kind: kindText.startsWith("thuong xuyen") ? "recurring" : kindText.startsWith("khong") ? "none" : "date",
    inCatalogue: readTextCell(get("inCatalogue")) !== IN_CATALOGUE.no,
    status: readStatusCell(get("status")),
    completedOn: date("completedOn"),
    evidence: readTextCell(get("evidence")) || null,
    note: readTextCell(get("note")) || null,
    explanation: readTextCell(get("explanation")) || null,
    review: readTextCell(get("review")) || null,
    reviewNote: readTextCell(get("reviewNote")) || null,
  };
}
