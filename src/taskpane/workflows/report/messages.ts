/** Báo cáo Sở Nội vụ: one pure function from an outcome to the message shown. */
import type { Messages } from "../../i18n";
import type { FeedbackContent } from "../../app/feedback";

export type ReportOutcome = { kind: "built" };

export function reportMessage(_o: ReportOutcome, t: Messages): FeedbackContent {
  return { intent: "success", title: t.reportDone, lines: [] };
}
