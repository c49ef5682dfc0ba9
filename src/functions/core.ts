/**
 * The parts of the domain core the custom functions use, imported module by module rather than
 * through src/core/index.ts: the index also re-exports the workbook builder (and whatever comes
 * next), and without `"sideEffects": false` webpack keeps every module the index reaches, which
 * would push the functions bundle past its 30 KB (gzip) budget.
 */
export {
  fromExcelSerial,
  isoFromDate,
  MAX_EXCEL_SERIAL,
  parseIsoDate,
  todayIso,
  toExcelSerial,
} from "../core/dates/isoDate";
export { parseDeadline, type DeadlineKind } from "../core/dates/deadline";
export { classifyTask, parseStatus, TASK_STATUS_LABELS, type TaskStatus } from "../core/status/status";
export { createUnitResolver, summarizeByUnit, type SummaryRow } from "../core/summary/summarize";
export { findUnit, unitById, unitCandidates, unitMapAt, type Unit } from "../core/units/units";
export { unitLineage } from "../core/units/lineage";
export { DEFAULT_PLAN_YEAR } from "../core/catalogue/planYear";
export { planScore, ScoreRuleError, type ScoreTier } from "../core/scoring/score";
export {
  AREAS,
  CatalogueError,
  type AreaCode,
  type Catalogue,
  type CatalogueMeta,
} from "../core/catalogue/types";
