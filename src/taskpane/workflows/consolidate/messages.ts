/** Tổng hợp từ đơn vị: one pure function from an outcome to the message shown. */
import type { ConsolidateMessages } from "../../i18n/consolidate";
import type { FeedbackContent } from "../../app/feedback";

export type ConsolidateMessageOutcome =
  | { kind: "oneUnit"; unit: string }
  | { kind: "previewed"; files: number; accepted: number; rejected: number }
  | {
      kind: "written";
      files: number;
      rows: number;
      reported: number;
      expected: number;
      kept: number;
      taken: number;
      rejected: number;
      /** Names of the rejected files. */
      rejectedFiles?: string[];
      addedColumns: boolean;
    };

export function consolidateMessage(o: ConsolidateMessageOutcome, t: ConsolidateMessages): FeedbackContent {
  switch (o.kind) {
    case "oneUnit":
      return { intent: "warning", title: t.consolidateOneUnit(o.unit), lines: [] };
    case "previewed":
      return {
        intent: o.accepted === 0 ? "warning" : o.rejected > 0 ? "warning" : "info",
        // The counts are right below, in the preview: the message only says what to do next.
        title: o.accepted === 0 ? t.consolidateNothing : t.consolidatePreviewed(o.files),
        lines: [],
      };
    case "written":
      return {
        intent: o.rejected > 0 ? "warning" : "success",
        title: t.consolidateDone(o.rows, o.files),
        lines: [
          t.consolidateDoneReported(o.reported, o.expected),
          ...(o.kept + o.taken > 0 ? [t.consolidateDoneConflicts(o.kept, o.taken)] : []),
          ...(o.rejected > 0
            ? [
                t.consolidateDoneRejected(
                  o.rejected,
                  (o.rejectedFiles ?? []).slice(0, 5).join("; ") +
                    ((o.rejectedFiles ?? []).length > 5 ? "; …" : ""),
                ),
              ]
            : []),
          ...(o.addedColumns ? [t.consolidateAddedColumns] : []),
        ],
      };
  }
}
