/**
 * Tổng hợp: whether to add a PivotTable. The tally itself is shared (Chấm điểm and Báo cáo
 * rebuild it too), so it lives in the shell (src/taskpane/workflows/shell/state.ts).
 */
export interface SummaryState {
  pivot: boolean;
}

export type SummaryAction = { type: "pivot"; pivot: boolean };

export const initialSummaryState: SummaryState = { pivot: false };

export function summaryReducer(state: SummaryState, action: SummaryAction): SummaryState {
  switch (action.type) {
    case "pivot":
      return { ...state, pivot: action.pivot };
  }
}
