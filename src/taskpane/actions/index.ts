/** Task-pane actions: each takes an Excel.RequestContext and returns data for the views. */
export { ActionError, type ActionStats } from "./common";
export { pullCatalogue, type PullRequest, type PullOutcome } from "./pull";
export { setReportDate } from "./reportDate";
export {
  flagOverdue,
  clearOverdueFilter,
  selectAssignmentRow,
  type OverdueOutcome,
  type OverdueItem,
} from "./overdue";
export { buildSummary, buildReport, applyScoreRule, type SummaryOutcome } from "./summary";
export {
  exportCatalogue,
  readSheetForImport,
  MAX_IMPORT_CELLS,
  type ExportedCatalogue,
  type SheetTable,
} from "./catalogueIO";
export { loadDocumentSettings, saveDocumentSettings, type DocumentSettings } from "./documentSettings";
export { readTrackerStatus, type TrackerStatus } from "./status";
export {
  listReviewClaims,
  writeVerdicts,
  type ReviewListOutcome,
  type ReviewWriteOutcome,
  type ReviewClaim,
  type VerdictPick,
  type VerdictSkip,
} from "./review";
export {
  previewConsolidation,
  applyConsolidation,
  conflictKey,
  oneUnitProblem,
  type ConflictChoices,
  type ConflictPick,
  type ConsolidationPreview,
  type ConsolidationOutcome,
} from "./consolidate";
