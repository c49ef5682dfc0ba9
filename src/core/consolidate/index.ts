export * from "./types";
export {
  PROVENANCE_HEADERS,
  SUBMISSIONS_SHEET,
  SUBMISSIONS_TABLE,
  SUBMISSION_HEADERS,
  REQUIRED_UNIT_HEADERS,
  readProvince,
  readUnitFile,
  readSubmissions,
  catalogueInfo,
  type ProvinceRow,
  type ProvinceWorkbook,
  type UnitSubmission,
} from "./read";
export { consolidate, expectedUnits, type ConsolidateOptions, type ConsolidationResult } from "./merge";
export {
  consolidatedWorkbookPlan,
  submissionSheetOps,
  appendTableColumns,
  ConsolidationError,
  REPORTED_LABEL,
} from "./sheets";
