/**
 * Thẩm định (review) in the pane: the claims waiting for a verdict, and writing the verdicts a
 * reviewer chose — only the "Kết quả thẩm định" cells of those rows, in one batched plan
 * through the plan applier. Two round trips: read the needed columns, apply the plan.
 */
import { problem } from "../../core/problems/problem";
import { assignmentColumnIndex, assignmentFromRow } from "../../core/workbook/assignmentRow";
import { formatCellIssue, type CellIssue } from "../../core/workbook/cellValues";
import type { AssignmentColumnKey } from "../../core/workbook/layout";
import type { AssignmentRecord } from "../../core/workbook/model";
import {
  invalidVerdictRows,
  pendingReviewClaims,
  verdictPlan,
  type ReviewClaim,
  type VerdictPick,
  type VerdictSkip,
} from "../../core/workbook/reviewPlan";
import { REVIEW_VERDICTS } from "../../core/workbook/verdicts";
import { applyPlan } from "../excel/applyPlan";
import {
  ActionError,
  assignmentHeader,
  explainOfficeError,
  readTrackerFor,
  SyncMeter,
  type ActionStats,
  type TrackerSnapshot,
} from "./common";

export type { ReviewClaim, VerdictPick, VerdictSkip };

export interface ReviewListOutcome {
  /** Claims without a verdict, "Thiếu minh chứng" first. */
  claims: ReviewClaim[];
  /** Claims whose verdict cell holds something that is not Đạt / Không đạt / Cần bổ sung. */
  invalidVerdicts: number;
  stats: ActionStats;
  cellProblems?: string[];
}

export interface ReviewWriteOutcome extends ReviewListOutcome {
  /** Verdicts written (with the row they went to). */
  written: VerdictPick[];
  /** Picks left alone: the row moved away, or its verdict was filled meanwhile. */
  skipped: VerdictSkip[];
  /** Tables whose filter was removed so the cells could be written safely. */
  clearedFilters: string[];
}

const NEEDED: AssignmentColumnKey[] = [
  "taskId",
  "title",
  "unit",
  "inCatalogue",
  "status",
  "completedOn",
  "evidence",
  "review",
];

async function readClaims(
  context: Excel.RequestContext,
  meter: SyncMeter,
  chunkBytes?: number,
): Promise<{ snap: TrackerSnapshot; records: AssignmentRecord[]; issues: CellIssue[] }> {
  let snap: TrackerSnapshot;
  try {
    ({ snap } = await readTrackerFor(context, meter, NEEDED, chunkBytes));
  } catch (e) {
    const header = assignmentHeader("review");
    if (e instanceof ActionError && e.problems.some((p) => p.includes(`“${header}”`))) {
      throw new ActionError(
        [
          problem(
            "review.noColumn",
            { column: header },
            `Bảng Phân công (PhanCong) chưa có cột “${header}” (sổ tạo trước khi có thẩm định, hoặc cột đã bị đổi tên).`,
          ),
        ],
        problem(
          "review.noColumnHint",
          { column: header },
          `Hãy thêm vào cuối bảng PhanCong một cột có tiêu đề đúng “${header}” (hoặc nạp danh mục vào một sổ mới), rồi thực hiện lại.`,
        ),
      );
    }
    throw e;
  }
  const idx = assignmentColumnIndex(snap.assignments.headers);
  const issues: CellIssue[] = [];
  const records = snap.assignments.rows.map((r, i) => assignmentFromRow(r, idx, i, issues));
  return { snap, records, issues };
}

/** Lists the claimed completions without a verdict (reads only; one round trip per ~4 MB). */
export async function listReviewClaims(
  context: Excel.RequestContext,
  options: { chunkBytes?: number } = {},
): Promise<ReviewListOutcome> {
  const meter = new SyncMeter(context);
  try {
    const { records, issues } = await readClaims(context, meter, options.chunkBytes);
    return {
      claims: pendingReviewClaims(records),
      invalidVerdicts: invalidVerdictRows(records).length,
      stats: meter.stats(),
      cellProblems: issues.map(formatCellIssue),
    };
  } catch (e) {
    throw explainOfficeError(e);
  }
}

/**
 * Writes the chosen verdicts (one batched plan; no other column is touched) and returns the
 * claims still waiting. A failure leaves the workbook unchanged (the plan is one request).
 */
export async function writeVerdicts(
  context: Excel.RequestContext,
  picks: readonly VerdictPick[],
  options: { chunkBytes?: number } = {},
): Promise<ReviewWriteOutcome> {
  const meter = new SyncMeter(context);
  try {
    if (picks.length === 0) {
      throw new ActionError(
        [problem("review.nothingPicked", {}, "Chưa chọn kết quả thẩm định cho dòng nào.")],
        problem(
          "review.nothingPickedHint",
          {},
          "Hãy bấm Đạt, Không đạt hoặc Cần bổ sung ở từng dòng rồi ghi.",
        ),
      );
    }
    const { snap, records, issues } = await readClaims(context, meter, options.chunkBytes);
    const plan = verdictPlan(snap.assignments, picks);
    let clearedFilters: string[] = [];
    if (plan.ops.length > 0) {
      const report = await applyPlan(
        context,
        { ops: plan.ops },
        { meta: snap.meta, chunkBytes: options.chunkBytes },
      );
      meter.add(report);
      clearedFilters = report.clearedFilters;
    }
    const after = records.map((a) => ({ ...a }));
    for (const w of plan.written) after[w.row].review = REVIEW_VERDICTS[w.verdict];
    return {
      written: plan.written,
      skipped: plan.skipped,
      clearedFilters,
      claims: pendingReviewClaims(after),
      invalidVerdicts: invalidVerdictRows(after).length,
      stats: meter.stats(),
      cellProblems: issues.map(formatCellIssue),
    };
  } catch (e) {
    throw explainOfficeError(e);
  }
}
