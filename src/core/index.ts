/**
 * Domain core (lõi nghiệp vụ) of the CCHC 2024 tracker: pure TypeScript, no Office, no DOM,
 * no globals. Used by the custom functions, the task pane, the workbook exporter and the tests.
 * Glossary (vi → en): nhiệm vụ = task · danh mục = catalogue · chủ trì = lead · phối hợp =
 * coordinating · thời hạn = deadline · trạng thái = status (typed) · tình trạng = computed
 * state · quá hạn = overdue · minh chứng = evidence · tỷ lệ hoàn thành = completion rate ·
 * điểm = points · đơn vị = unit · ngày báo cáo = report date.
 */
export { foldVietnamese, normalizeVietnamese, detectLegacyEncoding, decodeLegacyVietnamese } from "./text";
export {
  toExcelSerial,
  fromExcelSerial,
  isIsoDate,
  parseIsoDate,
  addDays,
  daysBetween,
  todayIso,
  isoFromDate,
  daysInMonth,
  MAX_EXCEL_SERIAL,
} from "./dates/isoDate";
export { parseDeadline, type ParsedDeadline, type DeadlineKind } from "./dates/deadline";
export {
  findUnit,
  listUnits,
  unitById,
  unitKey,
  unitCandidates,
  UNITS_SOURCE,
  UNITS_2025_SOURCE,
  UNIT_MAPS,
  DISTRICT_LEVEL_ENDED,
  LINEAGE_2025,
  unitMapAt,
  unitPredecessorIds,
  displayName,
  type Unit,
  type UnitLevel,
  type UnitMapId,
  type LineageRow,
} from "./units/units";
export { unitLineage, predecessorsOf, type LineageAnswer } from "./units/lineage";
export { priorCompletion, type PriorRate } from "./units/yearOverYear";
export { findUnitAnyMap } from "./units/units";
export {
  expandAssignees,
  resolveAssignees,
  type ResolvedAssignees,
  type AssigneeGroup,
} from "./units/assignees";
export {
  parseStatus,
  classifyTask,
  TASK_STATUS_LABELS,
  TASK_STATUSES,
  STATUS_CHOICES,
  DEFAULT_DUE_SOON_DAYS,
  type TaskStatus,
  type ProgressStatus,
  type ClassifyInput,
} from "./status/status";
export { summarizeByUnit, createUnitResolver, type UnitSummary, type SummaryRow } from "./summary/summarize";
export {
  countifsUnitKey,
  countifsUnitMatch,
  summarizeByUnitCell,
  unitSpellingDifference,
  type UnitCellGroup,
} from "./summary/unitCell";
export {
  planScore,
  validateScoreRule,
  scoreRuleProblems,
  meetsTier,
  isDefaultScoreRule,
  describeScoreRule,
  DEFAULT_SCORE_RULE,
  ScoreRuleError,
  type ScoreRule,
  type ScoreTier,
  type ScoreRuleProblem,
} from "./scoring/score";
export { scoreRuleFromData, parseScoreRuleJson } from "./scoring/ruleData";
export { safeCellValue, safeText, looksLikeFormula, EXCEL_MAX_CELL_TEXT } from "./cells/safeCell";
export {
  AREAS,
  AREA_CODES,
  CATALOGUE_FIELDS,
  CATALOGUE_SCHEMA_ID,
  CatalogueError,
  type AreaCode,
  type Catalogue,
  type CatalogueField,
  type CatalogueMeta,
  type CatalogueSource,
  type CatalogueTask,
  type ImportedProgress,
} from "./catalogue/types";
export {
  parseCatalogue,
  tasksFromTable,
  tableMeta,
  taskFingerprint,
  MAX_CATALOGUE_CHARS,
  type ParseOptions,
} from "./catalogue/parse";
export { mapHeaders, fieldOfHeader, looksLikeHeaderRow } from "./catalogue/headers";
export { analyseTableLayout, notAPlan, HEADER_SEARCH_ROWS } from "./catalogue/tableLayout";
export type { TableLayout, LayoutNote } from "./catalogue/tableLayout";
export { serializeCatalogue } from "./catalogue/serialize";
export { DEFAULT_PLAN_YEAR, planYearOf, isPlanYear } from "./catalogue/planYear";
export {
  BUNDLED_CATALOGUES,
  isBundledCatalogueId,
  loadBundledCatalogue,
  type BundledCatalogueInfo,
} from "./catalogue/bundled";
export * as workbook from "./workbook";
// Tổng hợp từ đơn vị (consolidation of unit workbooks): pure merge rules and the result's sheets.
export * from "./consolidate";
export { parseUserDate, formatViDate, defaultReportDate } from "./dates/userDate";
export {
  paneLevelOf,
  matchesFolded,
  paneSummaryList,
  groupOverdueByUnit,
  PANE_LEVELS,
  PANE_SUMMARY_CAP,
  PANE_OVERDUE_GROUPS,
  type PaneLevel,
  type PaneSummaryQuery,
  type PaneSummaryList,
  type OverdueGroup,
  type OverdueGroups,
} from "./summary/paneList";
export {
  PROBLEM_CODES,
  problem,
  problemText,
  isProblem,
  type Problem,
  type ProblemCode,
  type ProblemItem,
  type ProblemParams,
} from "./problems/problem";
