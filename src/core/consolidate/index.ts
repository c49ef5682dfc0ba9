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
export { consolidationPanePlan, type PanePlan, type PanePlanInput } from "./panePlan";
export { readXlsxValues, xmlText } from "./xlsxValues";
export {
  scanZip,
  inflateEntry,
  checkXlsxBytes,
  fflateInflate,
  MAX_FILE_BYTES,
  MAX_UNCOMPRESSED_BYTES,
  MAX_RATIO,
  type CappedInflate,
  type ZipEntry,
} from "./zip";
