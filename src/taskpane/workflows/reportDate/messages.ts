/** Ngày báo cáo: one pure function from an outcome to the message shown. */
import { formatIsoDate, type Messages } from "../../i18n";
import type { FeedbackContent } from "../../app/feedback";

export type ReportDateOutcome =
  { kind: "dateSet"; date: string } | { kind: "todaySet" } | { kind: "dateRequired" };

export function reportDateMessage(o: ReportDateOutcome, t: Messages): FeedbackContent {
  switch (o.kind) {
    case "dateSet":
      return { intent: "success", title: t.dateSetDone(formatIsoDate(o.date)), lines: [] };
    case "todaySet":
      return { intent: "success", title: t.dateTodayDone, lines: [] };
    case "dateRequired":
      return { intent: "error", title: t.errActionTitle, lines: [], hint: t.dateRequired };
  }
}
