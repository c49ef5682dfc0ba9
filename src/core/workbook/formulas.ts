/**
 * Native Excel formulas (công thức) the workbook uses. Row formulas use structured references
 * `Table[[#This Row],[Column]]` only, so the same text is valid in every row (one 1×1 write
 * fills a whole column) and LibreOffice recalculates it too (it does not read `[@Column]`).
 * Each formula has a twin in ./evaluate.ts that the tests compare cell by cell.
 */
import { TASK_STATUS_LABELS } from "../status/status";
import { STATUS_CHOICES } from "../status/status";
import { NFD_MARK_CODES } from "./evaluate";
import {
  ASSIGNMENT_COLUMNS,
  CHECK_LABELS,
  DEADLINE_KIND_LABELS,
  IN_CATALOGUE,
  NAMES,
  SCORE_MODE,
  TABLES,
  TASK_COLUMNS,
  type AssignmentColumnKey,
  type TaskColumnKey,
} from "./layout";
import { TIER_BOUND, TIER_HEADERS } from "./configLayout";
import { REVIEW_VERDICTS } from "./review";

const q = (text: string) => `"${text.replace(/"/g, '""')}"`;

function header<K extends string>(columns: readonly { key: K; header: string }[], key: K): string {
  const c = columns.find((x) => x.key === key);
  if (!c) throw new Error(`Unknown column ${key}`);
  return c.header;
}

/** This row's cell of an assignment-table column. */
export const pc = (key: AssignmentColumnKey) =>
  `${TABLES.assignments}[[#This Row],[${header(ASSIGNMENT_COLUMNS, key)}]]`;
/** This row's cell of a task-table column. */
export const nv = (key: TaskColumnKey) => `${TABLES.tasks}[[#This Row],[${header(TASK_COLUMNS, key)}]]`;
/** A whole assignment-table column. */
export const pcCol = (key: AssignmentColumnKey) =>
  `${TABLES.assignments}[${header(ASSIGNMENT_COLUMNS, key)}]`;

const DONE = q(STATUS_CHOICES.done.vi);
const L = (s: keyof typeof TASK_STATUS_LABELS) => q(TASK_STATUS_LABELS[s].vi);

/** Text used as an exact COUNTIFS/MATCH criterion: wildcards ~ * ? escaped. */
export function literalCriterion(expr: string, withEquals = true): string {
  const escaped = `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${expr},"~","~~"),"*","~*"),"?","~?")`;
  return withEquals ? `"="&${escaped}` : escaped;
}

/** Kỳ hạn: "Quý IV/2024" from the due date, "Thường xuyên" for recurring tasks. */
export function periodFormula(kindRef: string, dueRef: string): string {
  const recurring = q(DEADLINE_KIND_LABELS.recurring.vi);
  return `=IF(${kindRef}=${recurring},${recurring},IF(ISNUMBER(${dueRef}),"Quý "&ROMAN(ROUNDUP(MONTH(${dueRef})/3,0))&"/"&YEAR(${dueRef}),""))`;
}

/** Tình trạng of an assignment as of NgayBaoCao — the twin of classifyTask. */
export function stateFormula(): string {
  const status = pc("status");
  const done = pc("completedOn");
  const due = pc("due");
  const r = NAMES.reportDate;
  return (
    `=IF(${status}=${DONE},` +
    `IF(OR(NOT(ISNUMBER(${done})),NOT(ISNUMBER(${due}))),${L("done")},IF(${done}<=${due},${L("done-on-time")},${L("done-late")})),` +
    `IF(NOT(ISNUMBER(${due})),${L("no-deadline")},IF(${r}>${due},${L("overdue")},IF(${due}-${r}<=${NAMES.dueSoonDays},${L("due-soon")},${L("open")}))))`
  );
}

/**
 * Kiểm tra: what a reviewer must look at (done without evidence, unknown status, stray date, a
 * completion date after the report date, a unit cell with stray spaces or decomposed letters
 * that COUNTIFS would count apart from its unit). Twin: assignmentCheck.
 */
export function checkFormula(): string {
  const status = pc("status");
  const ev = pc("evidence");
  const done = pc("completedOn");
  const unit = pc("unit");
  const choices = Object.values(STATUS_CHOICES)
    .map((c) => `${status}<>${q(c.vi)}`)
    .join(",");
  // The marks are written literally: UNICHAR is a 2013 function that files need as _xlfn.UNICHAR.
  const marks = NFD_MARK_CODES.map((c) => `ISNUMBER(FIND(${q(String.fromCharCode(c))},${unit}))`).join(",");
  return (
    `=IF(AND(${status}=${DONE},LEN(TRIM(${ev}))=0),${q(CHECK_LABELS.missingEvidence)},` +
    `IF(AND(${status}<>"",${choices}),${q(CHECK_LABELS.unknownStatus)},` +
    `IF(AND(ISNUMBER(${done}),${status}<>${DONE}),${q(CHECK_LABELS.dateWithoutDone)},` +
    `IF(AND(ISNUMBER(${done}),${done}>${NAMES.reportDate}),${q(CHECK_LABELS.completedAfterReport)},` +
    `IF(OR(EXACT(${unit},TRIM(${unit}))=FALSE,${marks}),${q(CHECK_LABELS.unitSpelling)},"")))))`
  );
}

/** Criteria shared by every count: the counted role(s) and tasks still in the catalogue. */
const COUNTED = `${pcCol("role")},${NAMES.countedRole},${pcCol("inCatalogue")},${q(IN_CATALOGUE.yes)}`;

/** COUNTIFS over the assignment table for one unit (criterion expression `unitExpr`). */
export function unitCount(unitExpr: string, extra?: [AssignmentColumnKey, string]): string {
  return unitCountWhere(unitExpr, extra ? [extra] : []);
}

/** COUNTIFS for one unit with several exact-text criteria (column, value). */
export function unitCountWhere(
  unitExpr: string,
  extras: ReadonlyArray<[AssignmentColumnKey, string]>,
): string {
  const more = extras.map(([k, v]) => `,${pcCol(k)},${q(v)}`).join("");
  return `COUNTIFS(${pcCol("unit")},${literalCriterion(unitExpr)},${COUNTED}${more})`;
}

/** Chưa thẩm định of a summary row: claims (Trạng thái = done) with no verdict of the drop-down. */
export function unreviewedFormula(unitExpr: string, doneRef: string): string {
  const judged = Object.values(REVIEW_VERDICTS)
    .map((v) =>
      unitCountWhere(unitExpr, [
        ["status", STATUS_CHOICES.done.vi],
        ["review", v],
      ]),
    )
    .join("-");
  return `=${doneRef}-${judged}`;
}

/** Hoàn thành (thẩm định): accepted claims, plus the unreviewed ones when TinhChuaThamDinh is TRUE. */
export function reviewedDoneFormula(unitExpr: string, unreviewedRef: string): string {
  const accepted = unitCountWhere(unitExpr, [
    ["status", STATUS_CHOICES.done.vi],
    ["review", REVIEW_VERDICTS.accepted],
  ]);
  return `=${accepted}+IF(AND(ISLOGICAL(${NAMES.countUnreviewed}),${NAMES.countUnreviewed}=FALSE),0,${unreviewedRef})`;
}

/**
 * Assignments of this task row, counted with exact text comparison (SUMPRODUCT of "=" tests):
 * COUNTIFS would read an id such as "1.10" as the number 1.1 in Excel and count task "1.1" too.
 */
export function taskCount(extra?: [AssignmentColumnKey, string]): string {
  const more = extra ? `*(${pcCol(extra[0])}=${q(extra[1])})` : "";
  const role = `((${pcCol("role")}="Chủ trì")+(${NAMES.includeCoordinating}=TRUE)>0)`;
  return `=SUMPRODUCT((${pcCol("taskId")}=${nv("id")})*(${pcCol("inCatalogue")}=${q(IN_CATALOGUE.yes)})*${role}${more})`;
}

export const taskLeadCountFormula = () => taskCount();
export const taskDoneCountFormula = () => taskCount(["status", STATUS_CHOICES.done.vi]);
export const taskOverdueCountFormula = () => taskCount(["state", TASK_STATUS_LABELS.overdue.vi]);

/** Tiến độ: "3/13 đơn vị hoàn thành · 2 quá hạn"; in a one-unit workbook, that unit's Tình trạng. */
export function taskProgressFormula(singleUnit: boolean): string {
  if (singleUnit) {
    return `=IFERROR(INDEX(${pcCol("state")},MATCH(${literalCriterion(nv("id"), false)},${pcCol("taskId")},0)),"")`;
  }
  const n = nv("leadCount");
  const d = nv("doneCount");
  const o = nv("overdueCount");
  return `=IF(${n}=0,"",${d}&"/"&${n}&" đơn vị hoàn thành"&IF(${o}>0," · "&${o}&" quá hạn",""))`;
}

/**
 * Điểm for a summary row — the twin of planScore(rate, rule, doneLate). A tier applies when the
 * rate meets its bound: above it when "Cận dưới" is ">" ("trên"), at least it otherwise ("từ").
 * `withBound` false: a tier table written before the "Cận dưới" column existed (all inclusive).
 */
export function scoreFormula(rateRef: string, lateRef: string, withBound = true): string {
  const min = `${TABLES.tiers}[${TIER_HEADERS[0]}]`;
  const pts = `${TABLES.tiers}[${TIER_HEADERS[1]}]`;
  const bound = `${TABLES.tiers}[${TIER_HEADERS[2]}]`;
  const strict = q(TIER_BOUND.strict);
  const meets = withBound
    ? `((${bound}=${strict})*(${min}<${rateRef})+(${bound}<>${strict})*(${min}<=${rateRef}))`
    : `(${min}<=${rateRef})`;
  const tiers = `IF(SUMPRODUCT(${meets}*ISNUMBER(${min}))=0,0,IFERROR(INDEX(${pts},MATCH(SUMPRODUCT(MAX(${meets}*ISNUMBER(${min})*${min})),${min},0)),0))`;
  const proportional = `IF(${rateRef}>=1,${NAMES.maxPoints},IF(${rateRef}>=${NAMES.threshold},${rateRef}*${NAMES.maxPoints},0))`;
  return `=MAX(0,IF(${NAMES.scoreMode}=${q(SCORE_MODE.tiers)},${tiers},${proportional})-${NAMES.latePenalty}*${lateRef})`;
}

/**
 * The counted role as a COUNTIFS criterion: "Chủ trì", or any non-empty role ("<>") when
 * coordinating units are counted ("<>" is several times faster than "*" in LibreOffice).
 */
export const COUNT_ALL_ROLES = "<>";
export function countedRoleFormula(): string {
  return `=IF(${NAMES.includeCoordinating}=TRUE,"${COUNT_ALL_ROLES}","Chủ trì")`;
}

/**
 * COUNTIFS over the assignment table for one level (Cấp), with the same counted rows as Tổng hợp;
 * `levelExpr` is a cell holding the level's label.
 */
export function levelCount(levelExpr: string, extra?: [AssignmentColumnKey, string]): string {
  const more = extra ? `,${pcCol(extra[0])},${q(extra[1])}` : "";
  return `COUNTIFS(${pcCol("level")},${literalCriterion(levelExpr)},${COUNTED}${more})`;
}

/** Completion rate of the level named in `levelExpr`: done ÷ assigned, 0 when nothing is assigned. */
export function levelRateFormula(levelExpr: string): string {
  const all = levelCount(levelExpr);
  return `=IF(${all}=0,0,${levelCount(levelExpr, ["status", STATUS_CHOICES.done.vi])}/${all})`;
}
