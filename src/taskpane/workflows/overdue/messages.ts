/** Đánh dấu quá hạn: one pure function from an outcome to the message shown. */
import { formatIsoDate, type Messages } from "../../i18n";
import type { FeedbackContent } from "../../app/feedback";

export type OverdueMessageOutcome =
  { kind: "flagged"; overdueQ4: number; reportDate: string } | { kind: "filterCleared" };

export function overdueMessage(o: OverdueMessageOutcome, t: Messages): FeedbackContent {
  switch (o.kind) {
    case "flagged":
      return {
        intent: o.overdueQ4 > 0 ? "warning" : "success",
        title: t.overdueDone(o.overdueQ4, formatIsoDate(o.reportDate)),
        lines: [],
      };
    case "filterCleared":
      return { intent: "success", title: t.filterCleared, lines: [] };
  }
}
