/** Thẩm định: one pure function from an outcome to the message shown. */
import type { Messages } from "../../i18n";
import type { FeedbackContent } from "../../app/feedback";

export type ReviewMessageOutcome =
  | { kind: "listed"; pending: number; invalidVerdicts: number }
  | {
      kind: "written";
      written: number;
      moved: number;
      alreadyReviewed: number;
      filterRemoved: boolean;
      pending: number;
      invalidVerdicts: number;
    };

export function reviewMessage(o: ReviewMessageOutcome, t: Messages): FeedbackContent {
  const invalid = o.invalidVerdicts > 0 ? [t.reviewInvalid(o.invalidVerdicts)] : [];
  switch (o.kind) {
    case "listed":
      return {
        intent: o.invalidVerdicts > 0 ? "warning" : o.pending > 0 ? "info" : "success",
        title: o.pending > 0 ? t.reviewListed(o.pending) : t.reviewNone,
        lines: invalid,
      };
    case "written": {
      const skipped = o.moved + o.alreadyReviewed;
      return {
        intent: skipped > 0 || o.written === 0 ? "warning" : "success",
        title: o.written > 0 ? t.reviewWritten(o.written) : t.reviewNothingWritten,
        lines: [
          ...(o.moved > 0 ? [t.reviewSkippedMoved(o.moved)] : []),
          ...(o.alreadyReviewed > 0 ? [t.reviewSkippedReviewed(o.alreadyReviewed)] : []),
          ...(o.filterRemoved ? [t.reviewFilterRemoved] : []),
          o.pending > 0 ? t.reviewRemaining(o.pending) : t.reviewNone,
          ...invalid,
        ],
      };
    }
  }
}
