/** 3. Đánh dấu quá hạn — flags overdue Q4/recurring assignments, lists them, jumps to a row. */
import * as React from "react";
import { OverduePanel } from "../../views/OverduePanel";
import { useOnPull, useShell } from "../shell/context";
import { initialOverdueState, overdueReducer } from "./reducer";
import { overdueMessage, type OverdueMessageOutcome } from "./messages";

export default function OverdueContainer(): React.JSX.Element {
  const shell = useShell();
  const { services, t } = shell;
  const [state, dispatch] = React.useReducer(overdueReducer, initialOverdueState);
  useOnPull(React.useCallback(() => dispatch({ type: "pulled" }), []));
  const say = (o: OverdueMessageOutcome) => shell.show("overdue", (tt) => overdueMessage(o, tt));

  const flag = () =>
    void shell.run("overdue", t.busyOverdue, async (h) => {
      const outcome = await h.run((ctx) => services.flagOverdue(ctx));
      dispatch({ type: "flagged", outcome });
      say({ kind: "flagged", overdueQ4: outcome.counts.overdueQ4, reportDate: outcome.reportDate });
    });
  const goTo = (row: number) =>
    void shell.run("overdue", t.busyGeneric, (h) => h.run((ctx) => services.selectAssignmentRow(ctx, row)), {
      keepFeedback: true,
    });
  const clearFilter = () =>
    void shell.run("overdue", t.busyGeneric, async (h) => {
      await h.run((ctx) => services.clearOverdueFilter(ctx));
      dispatch({ type: "filterCleared" });
      say({ kind: "filterCleared" });
    });

  return (
    <OverduePanel
      disabled={shell.disabled}
      outcome={state.outcome}
      onFlag={flag}
      onGoTo={goTo}
      onClearFilter={clearFilter}
      feedback={shell.feedback("overdue")}
    />
  );
}
