/** Nạp danh mục: one pure function from an outcome to the message shown. */
import type { Messages } from "../../i18n";
import { errorFeedback, type FeedbackContent } from "../../app/feedback";

export type CatalogueOutcome =
  | { kind: "pulled"; title: string; fresh: boolean }
  | { kind: "noUnit" }
  | { kind: "switchCancelled" }
  | { kind: "sheetRead"; address: string; rows: number }
  /** Old-map names in a new-map table: the pull waits for a successor to be chosen for each. */
  | { kind: "lineageFound"; count: number }
  /** A TCVN3/VNI catalogue: the error, with a button that converts and pulls again. */
  | { kind: "legacyEncoding"; error: unknown; convert: () => void }
  /** A CSV that says no plan year: the error, with a button that pulls it as the open workbook's year. */
  | { kind: "noPlanYear"; error: unknown; year: number; retry: () => void }
  | { kind: "failed"; error: unknown };

export function catalogueMessage(o: CatalogueOutcome, t: Messages): FeedbackContent {
  switch (o.kind) {
    case "pulled":
      return {
        intent: "success",
        title: t.pullDoneTitle(o.title),
        titleVi: o.title,
        lines: [o.fresh ? t.pullDoneFresh : t.pullDoneMerged],
      };
    case "noUnit":
      return { intent: "error", title: t.errNoUnit, lines: [], hint: t.errNoUnitHint };
    case "switchCancelled":
      return { intent: "info", title: t.confirmCancelled, lines: [] };
    case "sheetRead":
      return { intent: "info", title: t.readSheetDone(o.address, o.rows), lines: [] };
    case "lineageFound":
      return { intent: "warning", title: t.lineageFoundTitle(o.count), lines: [], hint: t.lineageFoundHint };
    case "legacyEncoding":
      return { ...errorFeedback(o.error, t), action: { label: t.convertLegacy, run: o.convert } };
    case "noPlanYear":
      return { ...errorFeedback(o.error, t), action: { label: t.pullAsPlanYear(o.year), run: o.retry } };
    case "failed":
      return errorFeedback(o.error, t);
  }
}
