/** 5. Chấm điểm — edits the scoring rule (Cấu hình) and recomputes the tally with it. */
import * as React from "react";
import { ScorePanel } from "../../views/ScorePanel";
import type { ScoreRule } from "../../app/types";
import { useShell } from "../shell/context";
import { initialScoreState, scoreReducer } from "./reducer";
import { scoreMessage, type ScoreOutcome } from "./messages";

export default function ScoreContainer(): React.JSX.Element {
  const shell = useShell();
  const { services, t } = shell;
  const [state, dispatch] = React.useReducer(scoreReducer, initialScoreState);
  const say = (o: ScoreOutcome) => shell.show("score", (tt) => scoreMessage(o, tt));
  const apply = (rule: ScoreRule) =>
    void shell.run("score", t.busyScore, async (h) => {
      const outcome = await h.run((ctx) => services.applyScoreRule(ctx, rule));
      shell.setSummary(outcome);
      dispatch({ type: "applied" });
      say({ kind: "applied" });
    });
  return (
    <ScorePanel
      disabled={shell.disabled}
      rule={shell.summary?.settings.rule ?? shell.status?.rule ?? null}
      draft={state.draft}
      onDraftChange={(draft) => dispatch({ type: "draft", draft })}
      onApply={apply}
      onInvalid={(problems) => say({ kind: "invalid", problems })}
      feedback={shell.feedback("score")}
    />
  );
}
