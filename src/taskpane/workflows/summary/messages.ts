/** Tổng hợp: one pure function from an outcome to the message shown. */
import type { Messages } from "../../i18n";
import type { FeedbackContent } from "../../app/feedback";

export type SummaryMessageOutcome = { kind: "built"; units: number };

export function summaryMessage(o: SummaryMessageOutcome, t: Messages): FeedbackContent {
  return { intent: "success", title: t.summaryDone(o.units), lines: [] };
}
