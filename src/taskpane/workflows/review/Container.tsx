/** 8. Thẩm định — claims awaiting a verdict, one click per row, written in one batch; jump to a row. */
import * as React from "react";
import { ReviewPanel } from "../../views/ReviewPanel";
import { useOnPull, useShell } from "../shell/context";
import { chosenPicks, initialReviewState, reviewReducer, visibleClaims } from "./reducer";
import { reviewMessage, type ReviewMessageOutcome } from "./messages";

export default function ReviewContainer(): React.JSX.Element {
  const shell = useShell();
  const { services, t } = shell;
  const [state, dispatch] = React.useReducer(reviewReducer, initialReviewState);
  useOnPull(React.useCallback(() => dispatch({ type: "pulled" }), []));
  const say = (o: ReviewMessageOutcome) => shell.show("review", (tt) => reviewMessage(o, tt));

  const list = () =>
    void shell.run("review", t.busyReview, async (h) => {
      const outcome = await h.run((ctx) => services.listReviewClaims(ctx));
      dispatch({ type: "listed", outcome });
      say({ kind: "listed", pending: outcome.claims.length, invalidVerdicts: outcome.invalidVerdicts });
    });
  const picks = chosenPicks(state);
  const write = () =>
    void shell.run("review", t.busyVerdicts, async (h) => {
      const outcome = await h.run((ctx) => services.writeVerdicts(ctx, picks));
      dispatch({ type: "listed", outcome });
      say({
        kind: "written",
        written: outcome.written.length,
        moved: outcome.skipped.filter((s) => s.reason === "moved").length,
        alreadyReviewed: outcome.skipped.filter((s) => s.reason === "reviewed").length,
        filterRemoved: outcome.clearedFilters.length > 0,
        pending: outcome.claims.length,
        invalidVerdicts: outcome.invalidVerdicts,
      });
    });
  const goTo = (row: number) =>
    void shell.run("review", t.busyGeneric, (h) => h.run((ctx) => services.selectAssignmentRow(ctx, row)), {
      keepFeedback: true,
    });
  const { shown, matching, rest } = visibleClaims(state);

  return (
    <ReviewPanel
      disabled={shell.disabled}
      listed={state.claims !== null}
      total={state.claims?.length ?? 0}
      shown={shown}
      matching={matching}
      rest={rest}
      choices={state.choices}
      chosen={picks.length}
      filter={state.filter}
      onList={list}
      onFilter={(text) => dispatch({ type: "filter", text })}
      onChoose={(row, verdict) => dispatch({ type: "choose", row, verdict })}
      onClearChoices={() => dispatch({ type: "clearChoices" })}
      onWrite={write}
      onGoTo={goTo}
      feedback={shell.feedback("review")}
    />
  );
}
