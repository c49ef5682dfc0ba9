/**
 * Plans for each sheet of the tracking workbook, built from the model. The exporter applies
 * them all to a new file; the task pane applies them to the open workbook (fresh tables), or
 * uses ./merge.ts to update tables that already exist.
 */
import { toExcelSerial } from "../dates/isoDate";
import { TASK_STATUS_LABELS, STATUS_CHOICES } from "../status/status";
import type { Catalogue } from "../catalogue/types";
import { displayName, unitMapAt, type Unit } from "../units/units";
import {
  ASSIGNMENT_COLUMNS,
  ASSIGNMENT_TABLE_HEADER_ROW,
  CHECK_LABELS,
  DATE_FORMAT,
  ALL_UNITS,
  IN_CATALOGUE,
  NAMES,
  PERCENT_FORMAT,
  POINTS_FORMAT,
  SCORE_MODE,
  SHEETS,
  SUMMARY_HEADERS,
  SUMMARY_REVIEW_HEADERS,
  SUMMARY_TOTAL_LABEL,
  TABLES,
  TASK_COLUMNS,
  TASK_TABLE_HEADER_ROW,
  type AssignmentColumnKey,
  type ColumnSpec,
  type TaskColumnKey,
  tasksSheetName,
} from "./layout";
import {
  checkFormula,
  COUNT_ALL_ROLES,
  countedRoleFormula,
  nv,
  pc,
  periodFormula,
  reviewedDoneFormula,
  unreviewedFormula,
  scoreFormula,
  stateFormula,
  taskDoneCountFormula,
  taskLeadCountFormula,
  taskOverdueCountFormula,
  taskProgressFormula,
  unitCount,
} from "./formulas";
import {
  assignmentCheck,
  assignmentStateLabel,
  periodLabel,
  summaryLines,
  taskCountsByTask,
  taskProgressText,
  type TrackerSettings,
} from "./evaluate";
import { isLink, kindLabel, type AssignmentRecord, type TaskRecord } from "./model";
import { cellAddress, columnLetter, rangeAddress, type PlanCell, type PlanOp, type Scalar } from "./plan";
import {
  CATALOGUE_INFO_KEYS,
  CATALOGUE_INFO_LABELS,
  CONFIG_LABELS,
  CONFIG_ROWS,
  TIER_BOUND,
  TIER_HEADERS,
  UNIT_MAP_LABEL,
  UNIT_MAP_NOTE,
  catalogueInfoRow,
  unitMapCellText,
  type CatalogueInfoKey,
} from "./configLayout";
import { REVIEW_VERDICTS } from "./review";
import { describeScoreRule, type ScoreRule, type ScoreTier } from "../scoring/score";
import { defaultReportDoc, reportDocumentOps } from "./reportDoc";
import { wrappedRowHeightOps } from "./rowHeights";

const RED = { fill: "#FFC7CE", fontColor: "#9C0006" };
const AMBER = { fill: "#FFEB9C", fontColor: "#9C5700" };
const ORANGE = { fill: "#FCE4D6", fontColor: "#C65911" };
const GREEN = { fill: "#C6EFCE", fontColor: "#006100" };
const GREY = { fill: "#EDEDED", fontColor: "#7F7F7F" };

function serial(iso: string | null): number | null {
  return iso ? toExcelSerial(iso) : null;
}

function columnOps<K extends string>(
  sheet: string,
  columns: readonly ColumnSpec<K>[],
  firstDataRow: number,
  lastRow: number,
): PlanOp[] {
  const ops: PlanOp[] = [
    { op: "columnWidths", sheet, widths: columns.map((c, i) => ({ column: i, width: c.width })) },
  ];
  columns.forEach((c, i) => {
    if (lastRow < firstDataRow) return;
    const address = rangeAddress(firstDataRow, i, lastRow, i);
    if (c.numberFormat) ops.push({ op: "numberFormat", sheet, address, format: c.numberFormat });
    if (c.wrap) ops.push({ op: "style", sheet, address, style: { wrap: true } });
  });
  return ops;
}

// ───────────────────────────── Nhiệm vụ 2024 ─────────────────────────────

export function taskCatalogueCells(
  t: TaskRecord,
): Record<
  Exclude<TaskColumnKey, "period" | "leadCount" | "doneCount" | "overdueCount" | "progress">,
  PlanCell
> {
  return {
    id: t.id,
    area: t.area,
    title: t.title,
    lead: t.lead,
    coordinating: t.coordinating,
    output: t.output,
    deadline: t.deadline,
    due: serial(t.due),
    kind: kindLabel(t.kind),
    inCatalogue: t.inCatalogue ? IN_CATALOGUE.yes : IN_CATALOGUE.no,
  };
}

export interface CatalogueBanner {
  title: string;
  document: string;
  official: boolean;
  note?: string;
  version?: string;
  id: string;
  /** Năm kế hoạch: names the tasks sheet and the report's title (absent: 2024). */
  planYear?: number;
}

export function bannerOf(c: Catalogue): CatalogueBanner {
  return {
    title: c.title,
    document: c.source.document,
    official: c.source.official,
    note: c.source.note,
    version: c.version,
    id: c.id,
    planYear: c.planYear,
  };
}

/** Title rows above the task table: what the catalogue is and where it comes from. */
export function taskBannerOps(b: CatalogueBanner, sheet: string = tasksSheetName(b.planYear)): PlanOp[] {
  const source = `Nguồn: ${b.document}${b.version ? ` · Phiên bản: ${b.version}` : ""} · Mã danh mục: ${b.id}`;
  const flag = b.official
    ? "Danh mục lấy từ văn bản chính thức nêu trên."
    : "DỮ LIỆU MINH HỌA — không phải văn bản chính thức (không phải Phụ lục Kế hoạch CCHC 2024 ban hành kèm QĐ 1879/QĐ-UBND). Không dùng để báo cáo.";
  return [
    { op: "writeCells", sheet, address: "A1", rows: [[b.title]], style: { bold: true, fontSize: 14 } },
    { op: "writeCells", sheet, address: "A2", rows: [[source]], style: { italic: true } },
    {
      op: "writeCells",
      sheet,
      address: "A3",
      rows: [[flag]],
      style: b.official ? { italic: true } : { bold: true, fontColor: "#C00000" },
    },
    {
      op: "writeCells",
      sheet,
      address: "A4",
      rows: [["Cột “Tiến độ” tự tính từ trang “Phân công” theo ngày báo cáo (trang “Cấu hình”)."]],
      style: { italic: true, fontColor: "#595959" },
    },
  ];
}

export function taskSheetOps(
  tasks: readonly TaskRecord[],
  assignments: readonly AssignmentRecord[],
  s: TrackerSettings,
  banner: CatalogueBanner,
  singleUnit: boolean,
): PlanOp[] {
  const sheet = tasksSheetName(banner.planYear);
  const headerRow = TASK_TABLE_HEADER_ROW - 1;
  const first = headerRow + 1;
  const last = headerRow + tasks.length;
  const counts = taskCountsByTask(assignments, s);
  const stateByTask = new Map<string, string>();
  if (singleUnit)
    for (const a of assignments)
      if (!stateByTask.has(a.taskId.toLowerCase()))
        stateByTask.set(a.taskId.toLowerCase(), assignmentStateLabel(a, s));
  const rows: PlanCell[][] = tasks.map((t) => {
    const cells: Record<string, PlanCell> = taskCatalogueCells(t);
    return TASK_COLUMNS.map((c) => (c.kind === "formula" ? null : cells[c.key]));
  });
  const col = (k: TaskColumnKey) => TASK_COLUMNS.findIndex((c) => c.key === k);
  const fill = (k: TaskColumnKey, formula: string, cached: Scalar[]): PlanOp => ({
    op: "fillFormula",
    sheet,
    address: rangeAddress(first, col(k), last, col(k)),
    formula,
    cached,
  });
  const c = (t: TaskRecord) => counts.get(t.id.toLowerCase()) ?? { lead: 0, done: 0, overdue: 0 };
  const ops: PlanOp[] = [
    { op: "ensureSheet", sheet, activate: true, tabColor: "#107C41" },
    ...taskBannerOps(banner),
    {
      op: "writeCells",
      sheet,
      address: cellAddress(headerRow, 0),
      rows: [TASK_COLUMNS.map((x) => x.header), ...rows],
    },
    // The table must exist before formulas that refer to it are written.
    {
      op: "createTable",
      sheet,
      name: TABLES.tasks,
      address: rangeAddress(headerRow, 0, last, TASK_COLUMNS.length - 1),
      style: "TableStyleMedium2",
    },
    fill(
      "period",
      periodFormula(nv("kind"), nv("due")),
      tasks.map((t) => periodLabel(t.kind, t.due)),
    ),
    fill(
      "leadCount",
      taskLeadCountFormula(),
      tasks.map((t) => c(t).lead),
    ),
    fill(
      "doneCount",
      taskDoneCountFormula(),
      tasks.map((t) => c(t).done),
    ),
    fill(
      "overdueCount",
      taskOverdueCountFormula(),
      tasks.map((t) => c(t).overdue),
    ),
    fill(
      "progress",
      taskProgressFormula(singleUnit),
      tasks.map((t) => (singleUnit ? (stateByTask.get(t.id.toLowerCase()) ?? "") : taskProgressText(c(t)))),
    ),
    ...columnOps(sheet, TASK_COLUMNS, first, last),
    ...wrappedRowHeightOps(sheet, TASK_COLUMNS, rows, first),
    { op: "freezePanes", sheet, rows: TASK_TABLE_HEADER_ROW, columns: 1 },
    ...taskRuleOps(first, last, undefined, undefined, sheet),
    {
      op: "pageSetup",
      sheet,
      landscape: true,
      paper: "A4",
      printTitleRows: `$${TASK_TABLE_HEADER_ROW}:$${TASK_TABLE_HEADER_ROW}`,
      fitToWidth: true,
      centerFooter: "Trang &P/&N",
    },
  ];
  return ops;
}

export function taskRuleOps(
  first: number,
  last: number,
  col: (k: TaskColumnKey) => number = (k) => TASK_COLUMNS.findIndex((c) => c.key === k),
  width: number = TASK_COLUMNS.length,
  sheet: string = SHEETS.tasks,
): PlanOp[] {
  const top = first + 1;
  const overdue = columnLetter(col("overdueCount"));
  const inCat = columnLetter(col("inCatalogue"));
  return [
    {
      op: "conditionalFormat",
      sheet,
      address: rangeAddress(first, col("overdueCount"), Math.max(last, first), col("overdueCount")),
      rule: { type: "formula", formula: `=$${overdue}${top}>0`, ...RED },
    },
    {
      op: "conditionalFormat",
      sheet,
      address: rangeAddress(first, 0, Math.max(last, first), width - 1),
      rule: { type: "formula", formula: `=$${inCat}${top}="${IN_CATALOGUE.no}"`, ...GREY },
    },
  ];
}

// ───────────────────────────── Phân công ─────────────────────────────

export function assignmentCatalogueCells(
  a: AssignmentRecord,
): Record<
  "taskId" | "title" | "area" | "unit" | "level" | "role" | "due" | "kind" | "inCatalogue",
  PlanCell
> {
  return {
    taskId: a.taskId,
    title: a.title,
    area: a.area,
    unit: a.unit,
    level: a.level,
    role: a.role,
    due: serial(a.due),
    kind: kindLabel(a.kind),
    inCatalogue: a.inCatalogue ? IN_CATALOGUE.yes : IN_CATALOGUE.no,
  };
}

export function assignmentUserCells(
  a: AssignmentRecord,
): Record<
  "status" | "completedOn" | "evidence" | "note" | "explanation" | "review" | "reviewNote",
  PlanCell
> {
  return {
    status: a.status,
    completedOn: serial(a.completedOn),
    evidence:
      a.evidence === null
        ? null
        : isLink(a.evidence)
          ? { hyperlink: a.evidence, text: a.evidence }
          : a.evidence,
    note: a.note,
    explanation: a.explanation ?? null,
    review: a.review ?? null,
    reviewNote: a.reviewNote ?? null,
  };
}

/** Values of a full assignment row (formula columns null). */
export function assignmentRowCells(a: AssignmentRecord): PlanCell[] {
  const cells: Record<string, PlanCell> = { ...assignmentCatalogueCells(a), ...assignmentUserCells(a) };
  return ASSIGNMENT_COLUMNS.map((c) => (c.kind === "formula" ? null : cells[c.key]));
}

export const ASSIGNMENT_FORMULAS: Array<{ key: AssignmentColumnKey; formula: () => string }> = [
  { key: "period", formula: () => periodFormula(pc("kind"), pc("due")) },
  { key: "state", formula: stateFormula },
  { key: "check", formula: checkFormula },
];

export function assignmentCached(key: AssignmentColumnKey, a: AssignmentRecord, s: TrackerSettings): Scalar {
  if (key === "period") return periodLabel(a.kind, a.due);
  if (key === "state") return assignmentStateLabel(a, s);
  return assignmentCheck(a, s);
}

export function assignmentSheetOps(assignments: readonly AssignmentRecord[], s: TrackerSettings): PlanOp[] {
  const sheet = SHEETS.assignments;
  const headerRow = ASSIGNMENT_TABLE_HEADER_ROW - 1;
  const first = headerRow + 1;
  const last = headerRow + assignments.length;
  const col = (k: AssignmentColumnKey) => ASSIGNMENT_COLUMNS.findIndex((c) => c.key === k);
  const cells = assignments.map(assignmentRowCells);
  const ops: PlanOp[] = [
    { op: "ensureSheet", sheet, tabColor: "#2F75B5" },
    {
      op: "writeCells",
      sheet,
      address: cellAddress(headerRow, 0),
      rows: [ASSIGNMENT_COLUMNS.map((c) => c.header), ...cells],
    },
    {
      op: "createTable",
      sheet,
      name: TABLES.assignments,
      address: rangeAddress(headerRow, 0, last, ASSIGNMENT_COLUMNS.length - 1),
      style: "TableStyleMedium9",
    },
    ...ASSIGNMENT_FORMULAS.map(({ key, formula }): PlanOp => ({
      op: "fillFormula",
      sheet,
      address: rangeAddress(first, col(key), last, col(key)),
      formula: formula(),
      cached: assignments.map((a) => assignmentCached(key, a, s)),
    })),
    ...columnOps(sheet, ASSIGNMENT_COLUMNS, first, last),
    // Wrapped titles need taller rows, or a printout (LibreOffice) overlaps the rows below.
    ...wrappedRowHeightOps(sheet, ASSIGNMENT_COLUMNS, cells, first),
    { op: "freezePanes", sheet, rows: ASSIGNMENT_TABLE_HEADER_ROW, columns: 1 },
    ...assignmentRuleOps(first, last),
    {
      op: "pageSetup",
      sheet,
      landscape: true,
      paper: "A4",
      printTitleRows: `$${ASSIGNMENT_TABLE_HEADER_ROW}:$${ASSIGNMENT_TABLE_HEADER_ROW}`,
      fitToWidth: true,
      centerFooter: "Trang &P/&N",
    },
  ];
  return ops;
}

/** Drop-down, date check and colour rules of the assignment table (rows first..last, 0-based). */
export function assignmentRuleOps(
  first: number,
  last: number,
  col: (k: AssignmentColumnKey) => number = (k) => ASSIGNMENT_COLUMNS.findIndex((c) => c.key === k),
  width: number = ASSIGNMENT_COLUMNS.length,
): PlanOp[] {
  const sheet = SHEETS.assignments;
  const range = (k: AssignmentColumnKey) => rangeAddress(first, col(k), Math.max(first, last), col(k));
  const state = range("state");
  const inCat = columnLetter(col("inCatalogue"));
  return [
    {
      op: "dataValidation",
      sheet,
      address: range("status"),
      rule: {
        type: "list",
        values: Object.values(STATUS_CHOICES).map((c) => c.vi),
        prompt: "Chọn trạng thái thực hiện của đơn vị.",
        error: "Hãy chọn một trong: Đã hoàn thành, Đang thực hiện, Chưa thực hiện.",
        strict: true,
      },
    },
    {
      op: "dataValidation",
      sheet,
      address: range("review"),
      rule: {
        type: "list",
        values: Object.values(REVIEW_VERDICTS),
        prompt: "Kết quả thẩm định của Sở Nội vụ; để trống khi chưa thẩm định.",
        error: "Hãy chọn một trong: Đạt, Không đạt, Cần bổ sung (hoặc để trống).",
        strict: true,
      },
    },
    {
      op: "conditionalFormat",
      sheet,
      address: range("review"),
      rule: { type: "textEquals", text: REVIEW_VERDICTS.rejected, ...RED },
    },
    {
      op: "conditionalFormat",
      sheet,
      address: range("review"),
      rule: { type: "textEquals", text: REVIEW_VERDICTS.incomplete, ...AMBER },
    },
    {
      op: "conditionalFormat",
      sheet,
      address: range("review"),
      rule: { type: "textEquals", text: REVIEW_VERDICTS.accepted, ...GREEN },
    },
    {
      op: "dataValidation",
      sheet,
      address: range("completedOn"),
      rule: {
        type: "date",
        min: "2000-01-01",
        max: "2100-12-31",
        prompt: "Ngày hoàn thành (dd/mm/yyyy).",
        error: "Hãy nhập một ngày (dd/mm/yyyy).",
      },
    },
    {
      op: "conditionalFormat",
      sheet,
      address: state,
      rule: { type: "textEquals", text: TASK_STATUS_LABELS.overdue.vi, ...RED },
    },
    {
      op: "conditionalFormat",
      sheet,
      address: state,
      rule: { type: "textEquals", text: TASK_STATUS_LABELS["due-soon"].vi, ...AMBER },
    },
    {
      op: "conditionalFormat",
      sheet,
      address: state,
      rule: { type: "textEquals", text: TASK_STATUS_LABELS["done-late"].vi, ...ORANGE },
    },
    {
      op: "conditionalFormat",
      sheet,
      address: state,
      rule: { type: "textEquals", text: TASK_STATUS_LABELS["done-on-time"].vi, ...GREEN },
    },
    {
      op: "conditionalFormat",
      sheet,
      address: state,
      rule: { type: "textEquals", text: TASK_STATUS_LABELS.done.vi, ...GREEN },
    },
    {
      op: "conditionalFormat",
      sheet,
      address: range("check"),
      rule: { type: "textContains", text: CHECK_LABELS.missingEvidence, ...RED },
    },
    {
      op: "conditionalFormat",
      sheet,
      address: range("check"),
      rule: { type: "textContains", text: CHECK_LABELS.unknownStatus, ...AMBER },
    },
    {
      op: "conditionalFormat",
      sheet,
      address: range("check"),
      rule: { type: "textContains", text: "Có ngày hoàn thành", ...AMBER },
    },
    {
      op: "conditionalFormat",
      sheet,
      address: rangeAddress(first, 0, Math.max(first, last), width - 1),
      rule: { type: "formula", formula: `=$${inCat}${first + 1}="${IN_CATALOGUE.no}"`, ...GREY },
    },
  ];
}

// ───────────────────────────── Cấu hình ─────────────────────────────

export { CONFIG_ROWS } from "./configLayout";

export interface CatalogueRecord {
  banner: CatalogueBanner;
  planYear: number;
  /** "demo-2024", an https URL, or "Sheet1!A1:F60". */
  loadedFrom: string;
  /** ISO timestamp. */
  loadedAt: string;
  unit: Unit | null;
  /** The date whose map of units the plan names (unitsAsOfOf); recorded only for maps after 2024. */
  unitsAsOf?: string;
}

/** Time zone of the units (Asia/Ho_Chi_Minh): UTC+7 all year, no daylight saving since 1975. */
export const UNIT_UTC_OFFSET_HOURS = 7;
/** Number format of the "Nạp lúc" cell. */
export const DATE_TIME_FORMAT = "dd/mm/yyyy hh:mm";

/**
 * "2026-12-06T23:24:31.597Z" → the Excel date-time serial of that instant in Asia/Ho_Chi_Minh
 * (07/12/2026 06:24 → 46363.2670…); null for text that is not an ISO timestamp.
 */
export function loadedAtSerial(isoTimestamp: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(isoTimestamp)) return null;
  const ms = Date.parse(isoTimestamp);
  if (!Number.isFinite(ms)) return null;
  const serial = (ms + UNIT_UTC_OFFSET_HOURS * 3_600_000) / 86_400_000 + 25_569;
  return serial >= 1 && serial < 2_958_466 ? Math.round(serial * 86_400) / 86_400 : null;
}

/** The Cấu hình row recording the map of units of a workbook of the map from 01/07/2025 (configLayout). */
export { UNIT_MAP_LABEL } from "./configLayout";

export function catalogueInfoRows(r: CatalogueRecord): PlanCell[][] {
  const values: Record<CatalogueInfoKey, [PlanCell, PlanCell]> = {
    id: [r.banner.id, ""],
    title: [r.banner.title, ""],
    document: [r.banner.document, ""],
    official: [r.banner.official ? "Có" : "Không — dữ liệu minh họa", ""],
    version: [r.banner.version ?? "", ""],
    note: [r.banner.note ?? "", ""],
    planYear: [r.planYear, ""],
    loadedFrom: [r.loadedFrom, ""],
    loadedAt: [loadedAtSerial(r.loadedAt) ?? r.loadedAt, ""],
    unit: [r.unit ? displayName(r.unit) : ALL_UNITS, r.unit ? "Sổ chỉ gồm phân công của đơn vị này." : ""],
  };
  const rows: PlanCell[][] = CATALOGUE_INFO_KEYS.map((k) => [CATALOGUE_INFO_LABELS[k], ...values[k]]);
  // A 2024 workbook is written exactly as before: the row exists only for the new map (UNIT_MAP_ROW,
  // right after the catalogue block; read back by readUnitMapRow).
  if (r.unitsAsOf && unitMapAt(r.unitsAsOf) !== "2024")
    rows.push([UNIT_MAP_LABEL, unitMapCellText(r.unitsAsOf), UNIT_MAP_NOTE]);
  return rows;
}

export function catalogueInfoOps(r: CatalogueRecord): PlanOp[] {
  const sheet = SHEETS.config;
  return [
    {
      op: "writeCells",
      sheet,
      address: `A${CONFIG_ROWS.catalogueTitle}`,
      rows: [["DANH MỤC ĐANG THEO DÕI"]],
      style: { bold: true },
    },
    { op: "writeCells", sheet, address: `A${CONFIG_ROWS.catalogueFirst}`, rows: catalogueInfoRows(r) },
    { op: "numberFormat", sheet, address: `B${catalogueInfoRow("loadedAt")}`, format: DATE_TIME_FORMAT },
    { op: "defineName", name: NAMES.catalogueId, sheet, address: `B${catalogueInfoRow("id")}` },
    { op: "defineName", name: NAMES.catalogueOfficial, sheet, address: `B${catalogueInfoRow("official")}` },
  ];
}

/** Heights of the Cấu hình rows whose value or explanation wraps (column B 34, C 80 characters). */
function configRowHeights(
  rule: ScoreRule,
  doc: { issuer: string; recipient: string; signerTitle: string },
  oneUnit: boolean,
): PlanOp[] {
  const R = CONFIG_ROWS;
  const lines = (text: string, width: number) =>
    text.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil((part.length * 1.1) / width)), 0);
  // [row, texts of column B, lines the explanation in column C takes at 80 characters]
  const rows: Array<[number, string[], number]> = [
    [R.reportDate, [], 2],
    [R.countUnreviewed, [], 3],
    [R.scoreMode, [], 2],
    [R.ruleWords, [describeScoreRule(rule)], 2],
    [R.issuer, [doc.issuer], 2],
    [R.recipient, [doc.recipient], 1],
    [R.signerTitle, [doc.signerTitle], 2],
    [R.reportUnit, [], oneUnit ? 1 : 3],
  ];
  return rows.map(([row, b, c]) => ({
    op: "style" as const,
    sheet: SHEETS.config,
    address: `A${row}:C${row}`,
    style: { rowHeight: 15 * Math.max(c, ...b.map((t) => lines(t, 34))) + 2 },
  }));
}

/** BacDiem rows: rate, points, bound (">" strict "trên", "≥" inclusive "từ"). */
export function tierRows(tiers: readonly ScoreTier[]): PlanCell[][] {
  return tiers.map((t) => [t.minRate, t.points, t.strict ? TIER_BOUND.strict : TIER_BOUND.inclusive]);
}

/** The score-rule heading: a default rule says so in red until a reviewer edits it. */
export function ruleTitleCell(isDefaultRule: boolean): string {
  return isDefaultRule
    ? "QUY TẮC CHẤM ĐIỂM — MẶC ĐỊNH (chưa phải quy tắc của tỉnh; người chấm hãy sửa)"
    : "QUY TẮC CHẤM ĐIỂM";
}

/** The rule-in-words row (written by the core when the rule is written; not a formula). */
export function ruleWordsRow(rule: ScoreRule): PlanCell[] {
  return [
    CONFIG_LABELS.ruleWords,
    describeScoreRule(rule),
    "Tự viết lại mỗi lần bổ trợ ghi quy tắc (nạp danh mục, chấm điểm). Sửa quy tắc ở các ô trên và bảng bậc.",
  ];
}

/**
 * The whole Cấu hình sheet with its settings and names. `reportDateIsToday` true writes =TODAY()
 * (results follow the calendar, cached as `s.reportDate`); false fixes the report date `s.reportDate`.
 */
export function configSheetOps(
  s: TrackerSettings,
  reportDateIsToday: boolean,
  info: CatalogueRecord,
  isDefaultRule: boolean,
): PlanOp[] {
  const sheet = SHEETS.config;
  const R = CONFIG_ROWS;
  const L = CONFIG_LABELS;
  const rule = s.rule;
  const tiers = rule.tiers ?? [];
  const doc = defaultReportDoc(info.unit);
  const reportDateCell: PlanCell = reportDateIsToday
    ? { formula: "=TODAY()", cached: toExcelSerial(s.reportDate) }
    : toExcelSerial(s.reportDate);
  const countUnreviewed = s.countUnreviewed ?? true;
  const ops: PlanOp[] = [
    { op: "ensureSheet", sheet, tabColor: "#7F7F7F" },
    {
      op: "writeCells",
      sheet,
      address: "A1",
      rows: [["CẤU HÌNH SỔ THEO DÕI CCHC"]],
      style: { bold: true, fontSize: 14 },
    },
    {
      op: "writeCells",
      sheet,
      address: `A${R.reportDate}`,
      rows: [
        [
          L.reportDate,
          reportDateCell,
          "Mọi công thức và quy tắc màu dùng ô này (tên NgayBaoCao). Ghi một ngày cố định để kết quả không đổi; =TODAY() tự cập nhật mỗi ngày.",
        ],
        [
          L.dueSoonDays,
          s.dueSoonDays,
          "Nhiệm vụ chưa xong có hạn trong số ngày này tính từ ngày báo cáo được tô vàng.",
        ],
        [
          L.includeCoordinating,
          s.includeCoordinating,
          "FALSE: chỉ tính đơn vị chủ trì (mặc định). TRUE: tính cả đơn vị phối hợp.",
        ],
        [
          L.countedRole,
          { formula: countedRoleFormula(), cached: s.includeCoordinating ? COUNT_ALL_ROLES : "Chủ trì" },
          "Không sửa ô này.",
        ],
        [
          L.countUnreviewed,
          countUnreviewed,
          "Số liệu thẩm định (trang Tổng hợp): TRUE (mặc định) — nhiệm vụ đơn vị báo hoàn thành mà chưa thẩm định vẫn được tính là hoàn thành; FALSE — chỉ tính nhiệm vụ có kết quả “Đạt”.",
        ],
      ],
    },
    {
      op: "writeCells",
      sheet,
      address: `A${R.ruleTitle}`,
      rows: [[ruleTitleCell(isDefaultRule)]],
      style: { bold: true, fontColor: isDefaultRule ? "#C00000" : undefined },
    },
    {
      op: "writeCells",
      sheet,
      address: `A${R.scoreMode}`,
      rows: [
        [
          L.scoreMode,
          rule.mode === "tiers" ? SCORE_MODE.tiers : SCORE_MODE.proportional,
          "Tỷ lệ: đạt 100% được điểm tối đa; từ ngưỡng đến dưới 100% được tỷ lệ × điểm tối đa; dưới ngưỡng 0 điểm. Bậc: theo bảng bậc.",
        ],
        [L.maxPoints, rule.maxPoints, ""],
        [L.threshold, rule.threshold ?? 0, "Tỷ lệ hoàn thành tối thiểu để được tính điểm (cách tính Tỷ lệ)."],
        [L.latePenalty, rule.latePenalty ?? 0, "Trừ cho mỗi nhiệm vụ hoàn thành trễ hạn; điểm không âm."],
        ruleWordsRow(rule),
      ],
    },
    {
      op: "writeCells",
      sheet,
      address: `A${R.reportTitle}`,
      rows: [["BÁO CÁO (trang “Báo cáo”) — sửa các ô dưới cho đúng đơn vị mình"]],
      style: { bold: true },
    },
    {
      op: "writeCells",
      sheet,
      address: `A${R.issuer}`,
      rows: [
        [
          L.issuer,
          doc.issuer,
          "Góc trái trên của báo cáo (cơ quan cấp trên, rồi cơ quan ban hành; xuống dòng bằng Alt+Enter).",
        ],
        [L.docNumber, doc.docNumber, "Ghi sau “Số: ” — văn thư điền số khi đăng ký văn bản."],
        [L.recipient, doc.recipient, "Dòng “Kính gửi”."],
        [
          L.signerTitle,
          doc.signerTitle,
          "Ví dụ: GIÁM ĐỐC; KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC; TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH.",
        ],
        [L.signerName, doc.signerName, ""],
        [
          L.reportUnit,
          doc.reportUnit,
          info.unit
            ? "Sổ của một đơn vị: báo cáo của đơn vị này."
            : `Sổ toàn tỉnh: “${ALL_UNITS}” cho báo cáo toàn tỉnh, hoặc tên một đơn vị (như ở cột “Đơn vị” trang Phân công) cho báo cáo của đơn vị đó; bấm “Báo cáo” để tạo lại.`,
        ],
      ],
    },
    { op: "style", sheet, address: `B${R.issuer}:B${R.reportUnit}`, style: { wrap: true, vertical: "top" } },
    {
      op: "style",
      sheet,
      address: `C${R.reportDate}:C${R.reportUnit}`,
      style: { wrap: true, vertical: "top" },
    },
    // Merged-free but wrapped: a file has no layout engine, so rows with several lines say their height.
    ...configRowHeights(s.rule, doc, Boolean(info.unit)),
    { op: "numberFormat", sheet, address: `B${R.reportDate}`, format: DATE_FORMAT },
    { op: "numberFormat", sheet, address: `B${R.threshold}`, format: PERCENT_FORMAT },
    { op: "numberFormat", sheet, address: `B${R.maxPoints}`, format: POINTS_FORMAT },
    { op: "numberFormat", sheet, address: `B${R.latePenalty}`, format: POINTS_FORMAT },
    { op: "style", sheet, address: `B${R.ruleWords}`, style: { wrap: true } },
    {
      op: "writeCells",
      sheet,
      address: `A${R.tiersTitle}`,
      rows: [["Bảng bậc (dùng khi Cách tính = Bậc); Cận dưới: “>” = trên, “≥” = từ"]],
      style: { bold: true },
    },
    {
      op: "writeCells",
      sheet,
      address: `A${R.tiersHeader}`,
      rows: [[...TIER_HEADERS], ...tierRows(tiers)],
    },
    {
      op: "createTable",
      sheet,
      name: TABLES.tiers,
      address: `A${R.tiersHeader}:C${R.tiersHeader + Math.max(1, tiers.length)}`,
      style: "TableStyleLight9",
    },
    {
      op: "numberFormat",
      sheet,
      address: `A${R.tiersHeader + 1}:A${R.tiersHeader + Math.max(1, tiers.length)}`,
      format: PERCENT_FORMAT,
    },
    {
      op: "dataValidation",
      sheet,
      address: `C${R.tiersHeader + 1}:C${R.tiersHeader + Math.max(1, tiers.length)}`,
      rule: {
        type: "list",
        values: [TIER_BOUND.inclusive, TIER_BOUND.strict],
        prompt: "≥: từ (tỷ lệ bằng cận dưới cũng đạt bậc này); >: trên (phải vượt cận dưới).",
        error: "Chọn “≥” (từ) hoặc “>” (trên).",
        strict: true,
      },
    },
    { op: "defineName", name: NAMES.reportDate, sheet, address: `B${R.reportDate}`, comment: "Ngày báo cáo" },
    { op: "defineName", name: NAMES.dueSoonDays, sheet, address: `B${R.dueSoonDays}` },
    { op: "defineName", name: NAMES.includeCoordinating, sheet, address: `B${R.includeCoordinating}` },
    { op: "defineName", name: NAMES.countedRole, sheet, address: `B${R.countedRole}` },
    { op: "defineName", name: NAMES.countUnreviewed, sheet, address: `B${R.countUnreviewed}` },
    { op: "defineName", name: NAMES.scoreMode, sheet, address: `B${R.scoreMode}` },
    { op: "defineName", name: NAMES.maxPoints, sheet, address: `B${R.maxPoints}` },
    { op: "defineName", name: NAMES.threshold, sheet, address: `B${R.threshold}` },
    { op: "defineName", name: NAMES.latePenalty, sheet, address: `B${R.latePenalty}` },
    { op: "defineName", name: NAMES.reportIssuer, sheet, address: `B${R.issuer}` },
    { op: "defineName", name: NAMES.reportNumber, sheet, address: `B${R.docNumber}` },
    { op: "defineName", name: NAMES.reportRecipient, sheet, address: `B${R.recipient}` },
    { op: "defineName", name: NAMES.signerTitle, sheet, address: `B${R.signerTitle}` },
    { op: "defineName", name: NAMES.signerName, sheet, address: `B${R.signerName}` },
    { op: "defineName", name: NAMES.reportUnit, sheet, address: `B${R.reportUnit}` },
    {
      op: "dataValidation",
      sheet,
      address: `B${R.reportDate}`,
      rule: {
        type: "date",
        min: "2000-01-01",
        max: "2100-12-31",
        error: "Ngày báo cáo phải là một ngày (dd/mm/yyyy).",
      },
    },
    {
      op: "dataValidation",
      sheet,
      address: `B${R.dueSoonDays}`,
      rule: { type: "decimal", min: 0, max: 366, error: "Nhập số ngày từ 0 đến 366." },
    },
    {
      op: "dataValidation",
      sheet,
      address: `B${R.includeCoordinating}`,
      rule: { type: "boolean", error: "Chọn TRUE hoặc FALSE." },
    },
    {
      op: "dataValidation",
      sheet,
      address: `B${R.countUnreviewed}`,
      rule: { type: "boolean", error: "Chọn TRUE hoặc FALSE." },
    },
    {
      op: "dataValidation",
      sheet,
      address: `B${R.scoreMode}`,
      rule: {
        type: "list",
        values: [SCORE_MODE.proportional, SCORE_MODE.tiers],
        error: "Chọn “Tỷ lệ” hoặc “Bậc”.",
        strict: true,
      },
    },
    {
      op: "dataValidation",
      sheet,
      address: `B${R.maxPoints}`,
      rule: { type: "decimal", min: 0, max: 1000, error: "Điểm tối đa là số không âm." },
    },
    {
      op: "dataValidation",
      sheet,
      address: `B${R.threshold}`,
      rule: { type: "decimal", min: 0, max: 1, error: "Ngưỡng là tỷ lệ từ 0% đến 100%." },
    },
    {
      op: "dataValidation",
      sheet,
      address: `B${R.latePenalty}`,
      rule: { type: "decimal", min: 0, max: 1000, error: "Điểm trừ là số không âm." },
    },
    {
      op: "columnWidths",
      sheet,
      widths: [
        { column: 0, width: 30 },
        { column: 1, width: 34 },
        { column: 2, width: 80 },
      ],
    },
    ...catalogueInfoOps(info),
    {
      op: "pageSetup",
      sheet,
      landscape: true,
      paper: "A4",
      fitToWidth: true,
      printArea: `A1:C${R.tiersHeader + Math.max(1, tiers.length)}`,
      centerFooter: "Trang &P/&N",
    },
  ];
  return ops;
}

// ───────────────────────────── Tổng hợp ─────────────────────────────

/**
 * Why Hoàn thành can exceed Đúng hạn + Trễ hạn (written beside the table, not as a column: the
 * header row is a contract).
 */
export const SUMMARY_DONE_NOTE =
  "Lưu ý: “Hoàn thành” có thể lớn hơn “Đúng hạn” + “Trễ hạn”: nhiệm vụ đã hoàn thành nhưng không có thời hạn " +
  "(hoặc chưa ghi ngày hoàn thành) được tính là hoàn thành, nhưng không tính là đúng hạn hay trễ hạn.";

/** Name of the completion chart (so a rebuild replaces it instead of adding another). */
export const SUMMARY_CHART = "CCHC_TyLeHoanThanh";

export interface SummaryOptions {
  /** The assignment table has the Thẩm định columns (false: a workbook built before them). */
  review?: boolean;
  /** The BacDiem table has its "Cận dưới" column (false: a table built before it). */
  tierBound?: boolean;
}

export function summarySheetOps(
  assignments: readonly AssignmentRecord[],
  s: TrackerSettings,
  options: SummaryOptions = {},
): PlanOp[] {
  const sheet = SHEETS.summary;
  const review = options.review ?? true;
  const tierBound = options.tierBound ?? true;
  const { lines, total } = summaryLines(assignments, s);
  const rows: PlanCell[][] = lines.map((l, i) => {
    const r = i + 2;
    const row: PlanCell[] = [
      l.unit,
      { formula: `=${unitCount(`$A${r}`)}`, cached: l.assigned },
      { formula: `=${unitCount(`$A${r}`, ["status", STATUS_CHOICES.done.vi])}`, cached: l.done },
      {
        formula: `=${unitCount(`$A${r}`, ["state", TASK_STATUS_LABELS["done-on-time"].vi])}`,
        cached: l.doneOnTime,
      },
      {
        formula: `=${unitCount(`$A${r}`, ["state", TASK_STATUS_LABELS["done-late"].vi])}`,
        cached: l.doneLate,
      },
      { formula: `=${unitCount(`$A${r}`, ["state", TASK_STATUS_LABELS.overdue.vi])}`, cached: l.overdue },
      { formula: `=IF(B${r}=0,0,C${r}/B${r})`, cached: l.completionRate },
      { formula: scoreFormula(`G${r}`, `E${r}`, tierBound), cached: l.points },
    ];
    if (review)
      row.push(
        { formula: reviewedDoneFormula(`$A${r}`, `L${r}`), cached: l.doneReviewed },
        { formula: `=IF(B${r}=0,0,I${r}/B${r})`, cached: l.rateReviewed },
        { formula: scoreFormula(`J${r}`, `E${r}`, tierBound), cached: l.pointsReviewed },
        { formula: unreviewedFormula(`$A${r}`, `C${r}`), cached: l.unreviewed },
      );
    return row;
  });
  const n = lines.length;
  const t = n + 2;
  const sum = (c: string, v: number): PlanCell =>
    n > 0 ? { formula: `=SUM(${c}2:${c}${n + 1})`, cached: v } : 0;
  const totalRow: PlanCell[] = [
    SUMMARY_TOTAL_LABEL,
    sum("B", total.assigned),
    sum("C", total.done),
    sum("D", total.doneOnTime),
    sum("E", total.doneLate),
    sum("F", total.overdue),
    { formula: `=IF(B${t}=0,0,C${t}/B${t})`, cached: total.completionRate },
    null,
  ];
  if (review)
    totalRow.push(
      sum("I", total.doneReviewed),
      { formula: `=IF(B${t}=0,0,I${t}/B${t})`, cached: total.rateReviewed },
      null,
      sum("L", total.unreviewed),
    );
  rows.push(totalRow);
  const lastCol = review ? "L" : "H";
  const note = review ? "N" : "J";
  const ops: PlanOp[] = [
    { op: "ensureSheet", sheet, clear: true, charts: [SUMMARY_CHART], tabColor: "#C55A11" },
    {
      op: "writeCells",
      sheet,
      address: "A1",
      rows: [review ? [...SUMMARY_HEADERS, ...SUMMARY_REVIEW_HEADERS] : [...SUMMARY_HEADERS]],
      style: { bold: true, fill: "#DDEBF7", wrap: true },
    },
    { op: "writeCells", sheet, address: "A2", rows },
    { op: "style", sheet, address: `A${t}:${lastCol}${t}`, style: { bold: true, fill: "#F2F2F2" } },
    { op: "style", sheet, address: `A2:A${t}`, style: { wrap: true } },
    { op: "numberFormat", sheet, address: `G2:G${t}`, format: PERCENT_FORMAT },
    { op: "numberFormat", sheet, address: `H2:H${t}`, format: POINTS_FORMAT },
    { op: "numberFormat", sheet, address: `B2:F${t}`, format: "0" },
    ...(review
      ? ([
          { op: "numberFormat", sheet, address: `I2:I${t}`, format: "0" },
          { op: "numberFormat", sheet, address: `J2:J${t}`, format: PERCENT_FORMAT },
          { op: "numberFormat", sheet, address: `K2:K${t}`, format: POINTS_FORMAT },
          { op: "numberFormat", sheet, address: `L2:L${t}`, format: "0" },
          { op: "style", sheet, address: `I1:L1`, style: { fill: "#E2EFDA" } },
        ] as PlanOp[])
      : []),
    {
      op: "columnWidths",
      sheet,
      widths: [
        { column: 0, width: 44 },
        ...[1, 2, 3, 4, 5].map((c) => ({ column: c, width: 11 })),
        { column: 6, width: 15 },
        { column: 7, width: 9 },
        ...(review ? [8, 9, 10, 11].map((c) => ({ column: c, width: 13 })) : []),
      ],
    },
    { op: "freezePanes", sheet, rows: 1, columns: 1 },
    {
      op: "writeCells",
      sheet,
      address: `${note}1`,
      rows: [
        [
          "Số liệu tự tính bằng công thức từ trang “Phân công” theo ngày báo cáo và quy tắc chấm điểm ở trang “Cấu hình”. Điểm = điểm tự đánh giá; các cột thẩm định chỉ tính nhiệm vụ không bị đánh giá “Không đạt”/“Cần bổ sung”. Trang này được tạo lại mỗi lần bấm “Tổng hợp”.",
        ],
        [SUMMARY_DONE_NOTE],
      ],
      style: { italic: true, fontColor: "#595959" },
    },
    {
      op: "pageSetup",
      sheet,
      landscape: true,
      paper: "A4",
      printTitleRows: "$1:$1",
      fitToWidth: true,
      printArea: `A1:${lastCol}${t}`,
      centerFooter: "Trang &P/&N",
    },
  ];
  if (n > 0) {
    ops.push({
      op: "conditionalFormat",
      sheet,
      address: `F2:F${n + 1}`,
      rule: { type: "formula", formula: "=$F2>0", ...RED },
    });
  }
  return ops;
}

// ───────────────────────────── Báo cáo ─────────────────────────────

/**
 * Header row of the report's former one-table layout, kept for callers of the export; the
 * document's Phụ lục header row is reportTableHeaderRow() in ./reportDoc.ts.
 */
export const REPORT_TABLE_HEADER_ROW = 8;

/** The Báo cáo sheet: the administrative document of ./reportDoc.ts (its one owner). */
export const reportSheetOps = reportDocumentOps;
