/** Chấm điểm: the rule being edited (null: the workbook's rule is shown). */
import type { ScoreDraft } from "../../views/scoreDraft";

export interface ScoreState {
  draft: ScoreDraft | null;
}

export type ScoreAction = { type: "draft"; draft: ScoreDraft } | { type: "applied" };

export const initialScoreState: ScoreState = { draft: null };

export function scoreReducer(_state: ScoreState, action: ScoreAction): ScoreState {
  switch (action.type) {
    case "draft":
      return { draft: action.draft };
    case "applied":
      return { draft: null };
  }
}
