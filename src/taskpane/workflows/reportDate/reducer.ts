/** Ngày báo cáo: the date being typed (null: the workbook's date is shown). */
export interface ReportDateState {
  draft: string | null;
}

export type ReportDateAction = { type: "draft"; draft: string } | { type: "saved" } | { type: "pulled" };

export const initialReportDateState: ReportDateState = { draft: null };

export function reportDateReducer(_state: ReportDateState, action: ReportDateAction): ReportDateState {
  switch (action.type) {
    case "draft":
      return { draft: action.draft };
    case "saved":
    case "pulled":
      return { draft: null };
  }
}

/** A date the "Đặt ngày" button accepts: yyyy-mm-dd, as the date input gives it. */
export function isIsoDateInput(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}
