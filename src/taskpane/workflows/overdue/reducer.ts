/** Đánh dấu quá hạn: the last flagging's outcome (counts, the list, whether the filter is on). */
import type { OverdueOutcome } from "../../app/types";

export interface OverdueState {
  outcome: OverdueOutcome | null;
}

export type OverdueAction =
  { type: "flagged"; outcome: OverdueOutcome } | { type: "filterCleared" } | { type: "pulled" };

export const initialOverdueState: OverdueState = { outcome: null };

export function overdueReducer(state: OverdueState, action: OverdueAction): OverdueState {
  switch (action.type) {
    case "flagged":
      return { outcome: action.outcome };
    case "filterCleared":
      return state.outcome ? { outcome: { ...state.outcome, filterApplied: false } } : state;
    case "pulled":
      return { outcome: null };
  }
}
