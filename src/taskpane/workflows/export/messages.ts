/** Xuất danh mục: one pure function from an outcome to the message shown. */
import type { Messages } from "../../i18n";
import type { FeedbackContent } from "../../app/feedback";

export type ExportOutcome = { kind: "exported"; taskCount: number; fileName: string };

export function exportMessage(o: ExportOutcome, t: Messages): FeedbackContent {
  return { intent: "success", title: t.exportDone(o.taskCount, o.fileName), lines: [] };
}
