/** Chấm điểm: one pure function from an outcome to the message shown. */
import type { Messages } from "../../i18n";
import type { FeedbackContent } from "../../app/feedback";

export type ScoreOutcome = { kind: "applied" } | { kind: "invalid"; problems: string[] };

export function scoreMessage(o: ScoreOutcome, t: Messages): FeedbackContent {
  switch (o.kind) {
    case "applied":
      return { intent: "success", title: t.ruleApplied, lines: [] };
    case "invalid":
      return { intent: "error", title: t.formInvalid, lines: o.problems, hint: t.formInvalidHint };
  }
}
