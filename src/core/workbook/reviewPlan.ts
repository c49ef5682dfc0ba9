/**
 * The pane's Thẩm định view: which claims wait for a verdict, and the plan that writes the
 * verdicts a reviewer chose. Only the "Kết quả thẩm định" cells of the chosen rows are written;
 * a row that moved (sorted, deleted) or whose verdict cell someone filled since it was listed is
 * skipped and reported, never overwritten.
 */
import { assignmentCheck, isDoneCell } from "./evaluate";
import { CHECK_LABELS, TABLES } from "./layout";
import { isSafeLink, type PlanOp } from "./plan";
import { readTextCell, readUnitCell } from "./cellValues";
import { assignmentColumnIndex } from "./assignmentRow";
import type { AssignmentRecord } from "./model";
import { REVIEW_VERDICTS, type ReviewVerdict } from "./verdicts";

/** A claimed completion without a verdict (one PhanCong row). */
export interface ReviewClaim {
  /** 0-based data-body row of PhanCong. */
  row: number;
  taskId: string;
  title: string;
  unit: string;
  /** The Minh chứng cell as typed (null: empty). */
  evidence: string | null;
  /** The evidence when it is an http(s) address the pane may open; else null. */
  link: string | null;
  /** Kiểm tra says "Thiếu minh chứng" (done without evidence): listed first. */
  missingEvidence: boolean;
}

/**
 * Claims waiting for review: Trạng thái is the done value (the drop-down value, as the
 * formulas compare it), the task is still in the catalogue and "Kết quả thẩm định" is empty.
 * Rows flagged "Thiếu minh chứng" come first, then sheet order. `records[i]` is data row i.
 */
export function pendingReviewClaims(
  records: ReadonlyArray<
    Pick<
      AssignmentRecord,
      "taskId" | "title" | "unit" | "inCatalogue" | "status" | "completedOn" | "evidence" | "review"
    >
  >,
): ReviewClaim[] {
  const claims: ReviewClaim[] = [];
  records.forEach((a, row) => {
    if (!a.inCatalogue || !isDoneCell(a.status)) return;
    if (readTextCell(a.review) !== "") return;
    const evidence = readTextCell(a.evidence) || null;
    claims.push({
      row,
      taskId: a.taskId,
      title: a.title,
      unit: a.unit,
      evidence,
      link: evidence !== null && isSafeLink(evidence) ? evidence.trim() : null,
      missingEvidence: assignmentCheck(a) === CHECK_LABELS.missingEvidence,
    });
  });
  return claims.sort((x, y) => Number(y.missingEvidence) - Number(x.missingEvidence) || x.row - y.row);
}

/** Claims whose verdict cell holds text that is not a drop-down value (neither listed nor counted as reviewed). */
export function invalidVerdictRows(
  records: ReadonlyArray<Pick<AssignmentRecord, "status" | "review" | "inCatalogue">>,
): number[] {
  const ok = new Set<string>(Object.values(REVIEW_VERDICTS).map((v) => v.toLowerCase()));
  const rows: number[] = [];
  records.forEach((a, row) => {
    const v = readTextCell(a.review);
    if (a.inCatalogue && isDoneCell(a.status) && v !== "" && !ok.has(v.toLowerCase())) rows.push(row);
  });
  return rows;
}

/** A verdict the reviewer chose for a listed row (the task id and unit as listed). */
export interface VerdictPick {
  row: number;
  taskId: string;
  unit: string;
  verdict: ReviewVerdict;
}

export interface VerdictSkip {
  pick: VerdictPick;
  /** moved: no row of this task and unit with an empty verdict; reviewed: the cell was filled meanwhile. */
  reason: "moved" | "reviewed";
}

export interface VerdictPlan {
  ops: PlanOp[];
  /** The picks written, with the row they were written to. */
  written: VerdictPick[];
  skipped: VerdictSkip[];
}

/**
 * The plan that writes the chosen verdicts into "Kết quả thẩm định" of PhanCong, given the
 * table as read now (`headers` and full-width `rows`; at least Mã NV, Đơn vị and Kết quả thẩm
 * định filled). A pick whose row no longer holds its task and unit is looked for by task id and
 * unit (the table was sorted); a verdict cell that is no longer empty is left as it is. The
 * cells are written as runs of consecutive rows (one op per run), after clearing a filter
 * (writing under a filter misplaces values). No pick → no op.
 */
export function verdictPlan(
  table: { headers: readonly unknown[]; rows: readonly (readonly unknown[])[] },
  picks: readonly VerdictPick[],
): VerdictPlan {
  const idx = assignmentColumnIndex(table.headers);
  const cTask = idx.get("taskId");
  const cUnit = idx.get("unit");
  const cReview = idx.get("review");
  if (cTask === undefined || cUnit === undefined || cReview === undefined)
    throw new Error("verdictPlan: PhanCong lacks Mã NV, Đơn vị or Kết quả thẩm định");
  const key = (taskId: string, unit: string) => `${readTextCell(taskId)}\u0000${readUnitCell(unit)}`;
  const keyOf = (r: readonly unknown[]) => key(readTextCell(r[cTask]), readUnitCell(r[cUnit]));
  const byKey = new Map<string, number[]>();
  table.rows.forEach((r, i) => {
    const k = keyOf(r);
    const list = byKey.get(k);
    if (list) list.push(i);
    else byKey.set(k, [i]);
  });
  // The last choice for a row wins.
  const last = new Map<string, VerdictPick>();
  for (const p of picks) last.set(`${p.row}\u0000${key(p.taskId, p.unit)}`, p);

  const target = new Map<number, VerdictPick>();
  const written: VerdictPick[] = [];
  const skipped: VerdictSkip[] = [];
  for (const p of last.values()) {
    const k = key(p.taskId, p.unit);
    const here = table.rows[p.row];
    let row: number | undefined = here && keyOf(here) === k ? p.row : undefined;
    if (row === undefined) {
      const same = byKey.get(k) ?? [];
      const candidates = same.filter((i) => readTextCell(table.rows[i][cReview]) === "" && !target.has(i));
      if (candidates.length === 0 && same.length > 0) {
        skipped.push({ pick: p, reason: "reviewed" });
        continue;
      }
      row = candidates.length === 1 ? candidates[0] : undefined;
    }
    if (row === undefined || target.has(row)) {
      skipped.push({ pick: p, reason: "moved" });
      continue;
    }
    if (readTextCell(table.rows[row][cReview]) !== "") {
      skipped.push({ pick: p, reason: "reviewed" });
      continue;
    }
    target.set(row, p);
    written.push({ ...p, row });
  }
  const rows = [...target.keys()].sort((a, b) => a - b);
  const ops: PlanOp[] = [];
  if (rows.length > 0) ops.push({ op: "clearTableFilters", table: TABLES.assignments });
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    ops.push({
      op: "updateTableCells",
      table: TABLES.assignments,
      row: rows[i],
      column: cReview,
      rows: rows.slice(i, j + 1).map((r) => [REVIEW_VERDICTS[(target.get(r) as VerdictPick).verdict]]),
    });
    i = j + 1;
  }
  return { ops, written: written.sort((a, b) => a.row - b.row), skipped };
}
