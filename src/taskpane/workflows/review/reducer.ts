/** Thẩm định: the claims listed, the verdicts chosen (by row), the unit filter, and the list cap. */
import type { ReviewClaim, ReviewListOutcome, VerdictPick } from "../../app/types";
import type { ReviewVerdict } from "../../../core/workbook/verdicts";
import { foldVietnamese } from "../../../core/text/fold";

/** At most this many rows are shown (the pane stays short; the filter finds the rest). */
export const MAX_REVIEW_SHOWN = 50;

export interface ReviewState {
  /** null: not listed yet. */
  claims: ReviewClaim[] | null;
  invalidVerdicts: number;
  /** Chosen verdicts by PhanCong data row. */
  choices: Record<number, ReviewVerdict>;
  filter: string;
}

export type ReviewAction =
  | { type: "listed"; outcome: Pick<ReviewListOutcome, "claims" | "invalidVerdicts"> }
  | { type: "choose"; row: number; verdict: ReviewVerdict }
  | { type: "clearChoices" }
  | { type: "filter"; text: string }
  | { type: "pulled" };

export const initialReviewState: ReviewState = { claims: null, invalidVerdicts: 0, choices: {}, filter: "" };

export function reviewReducer(state: ReviewState, action: ReviewAction): ReviewState {
  switch (action.type) {
    case "listed": {
      // A new list (after listing or writing): choices of rows no longer listed are dropped.
      const rows = new Set(action.outcome.claims.map((c) => c.row));
      const choices: Record<number, ReviewVerdict> = {};
      for (const [row, v] of Object.entries(state.choices))
        if (rows.has(Number(row))) choices[Number(row)] = v;
      return {
        ...state,
        claims: action.outcome.claims,
        invalidVerdicts: action.outcome.invalidVerdicts,
        choices,
      };
    }
    case "choose": {
      if (!state.claims?.some((c) => c.row === action.row)) return state;
      const choices = { ...state.choices };
      // Clicking the chosen verdict again takes it back.
      if (choices[action.row] === action.verdict) delete choices[action.row];
      else choices[action.row] = action.verdict;
      return { ...state, choices };
    }
    case "clearChoices":
      return { ...state, choices: {} };
    case "filter":
      return { ...state, filter: action.text };
    case "pulled":
      return initialReviewState;
  }
}

/** The rows shown: those of units matching the filter (accents and case ignored), capped. */
export function visibleClaims(
  state: ReviewState,
  max = MAX_REVIEW_SHOWN,
): { shown: ReviewClaim[]; matching: number; rest: number } {
  const q = foldVietnamese(state.filter).trim();
  const matching = (state.claims ?? []).filter((c) => q === "" || foldVietnamese(c.unit).includes(q));
  const shown = matching.slice(0, max);
  return { shown, matching: matching.length, rest: matching.length - shown.length };
}

/** The chosen verdicts as picks for writeVerdicts (task id and unit as listed, in row order). */
export function chosenPicks(state: ReviewState): VerdictPick[] {
  const byRow = new Map((state.claims ?? []).map((c) => [c.row, c]));
  return Object.entries(state.choices)
    .map(([row, verdict]) => ({ claim: byRow.get(Number(row)), verdict }))
    .filter((x): x is { claim: ReviewClaim; verdict: ReviewVerdict } => x.claim !== undefined)
    .map(({ claim, verdict }) => ({ row: claim.row, taskId: claim.taskId, unit: claim.unit, verdict }))
    .sort((a, b) => a.row - b.row);
}
