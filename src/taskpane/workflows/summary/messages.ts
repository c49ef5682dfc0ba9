/** Tổng hợp: one pure function from an outcome to the message shown. */
import type { Messages } from "../../i18n";
import type { FeedbackContent } from "../../app/feedback";

/** A PivotTable filter-area field and the items that make its totals equal Tổng hợp's. */
export interface PivotFilterNote {
  field: string;
  values: string[];
}

export type SummaryMessageOutcome = {
  kind: "built";
  units: number;
  /** When a PivotTable was added: filters applied, and those the person must pick (older Excel). */
  pivot?: { sheet: string; filtered: PivotFilterNote[]; toPick: PivotFilterNote[] };
};

const quoted = (values: string[]) => values.map((v) => `“${v}”`).join(", ");

export function summaryMessage(o: SummaryMessageOutcome, t: Messages): FeedbackContent {
  const p = o.pivot;
  const lines = p
    ? [
        ...p.filtered.map((f) => t.pivotFiltered(`“${f.field}”`, quoted(f.values))),
        ...p.toPick.map((f) => t.pivotPick(p.sheet, f.field, quoted(f.values))),
      ]
    : [];
  const intent = p && p.toPick.length > 0 ? "warning" : "success";
  return { intent, title: t.summaryDone(o.units), lines };
}
