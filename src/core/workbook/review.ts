/**
 * Thẩm định (review): a reviewer at Sở Nội vụ accepts or rejects each claimed completion. A task
 * counts as done in the reviewed figures only when it is claimed done and not judged
 * "Không đạt" / "Cần bổ sung"; a claim not yet reviewed counts when the Cấu hình setting
 * TinhChuaThamDinh is TRUE (the default).
 */
import { isDoneCell } from "./evaluate";

import { parseVerdict } from "./verdicts";

export { REVIEW_VERDICTS, parseVerdict, type ReviewVerdict } from "./verdicts";

export interface ReviewedCounts {
  /** Claimed done and not rejected (and, unless unreviewed claims count, accepted). */
  doneReviewed: number;
  /** Claimed done without a verdict. */
  unreviewed: number;
}

/** Whether one assignment counts as done in the reviewed figures (twin of the Tổng hợp formulas). */
export function isReviewedDone(
  a: { status: string | null; review?: string | null },
  countUnreviewed: boolean,
): boolean {
  if (!isDoneCell(a.status)) return false;
  const v = parseVerdict(a.review);
  if (v === "accepted") return true;
  if (v === null) return countUnreviewed;
  return false;
}

export function reviewedCounts(
  rows: ReadonlyArray<{ status: string | null; review?: string | null }>,
  countUnreviewed: boolean,
): ReviewedCounts {
  let doneReviewed = 0;
  let unreviewed = 0;
  for (const a of rows) {
    if (!isDoneCell(a.status)) continue;
    if (parseVerdict(a.review) === null) unreviewed += 1;
    if (isReviewedDone(a, countUnreviewed)) doneReviewed += 1;
  }
  return { doneReviewed, unreviewed };
}
