/** 4. Tổng hợp — the per-unit tally (native formulas), optionally with a PivotTable. */
import * as React from "react";
import { SummaryPanel } from "../../views/SummaryPanel";
import { useShell } from "../shell/context";
import { initialSummaryState, summaryReducer } from "./reducer";
import { summaryMessage } from "./messages";

export default function SummaryContainer(): React.JSX.Element {
  const shell = useShell();
  const { services, t } = shell;
  const [state, dispatch] = React.useReducer(summaryReducer, initialSummaryState);
  const build = () =>
    void shell.run("summary", t.busySummary, async (h) => {
      const outcome = await h.run((ctx) => services.buildSummary(ctx, { pivot: state.pivot }));
      shell.setSummary(outcome);
      shell.show("summary", (tt) =>
        summaryMessage({ kind: "built", units: outcome.lines.length, pivot: outcome.pivot }, tt),
      );
    });
  return (
    <SummaryPanel
      disabled={shell.disabled}
      pivot={state.pivot}
      onPivotChange={(pivot) => dispatch({ type: "pivot", pivot })}
      onBuild={build}
      summary={shell.summary}
      feedback={shell.feedback("summary")}
    />
  );
}
