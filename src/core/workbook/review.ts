/**
 * Thẩm định (review): a reviewer at Sở Nội vụ accepts or rejects each claimed completion. A task
 * counts as done in the reviewed figures only when it is claimed done and not judged
 * "Không đạt" / "Cần bổ sung"; a claim not yet reviewed counts when the Cấu hình setting
 * TinhChuaThamDinh is TRUE (the default).
 */
import { isDoneCell } from "./evaluate";

/** Values of the "Kết quả thẩm định" drop-down (empty = not reviewed yet). */
export const REVIEW_VERDICTS = {
  accepted: "Đạt",
  rejected: "Không đạt",
  incomplete: "Cần bổ sung",
} as const;
export type ReviewVerdict = keyof typeof REVIEW_VERDICTS;

/** A verdict cell as typed → the verdict (case-insensitive, as Excel's "="), or null (not reviewed). */
export function parseVerdict(v: unknown): ReviewVerdict | null {
  if (typeof v !== "string") return null;
  const t = v.normalize("NFC").toLowerCase(); // no trim: COUNTIFS compares the cell as it is
  for (const [k, label] of Object.entries(REVIEW_VERDICTS))
    if (label.toLowerCase() === t) return k as ReviewVerdict;
  return null;
}

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
