/**
 * Plans for each sheet of the tracking workbook, built from the model. The exporter applies
 * them all to a new file; the task pane applies them to the open workbook (fresh tables), or
 * uses ./merge.ts to update tables that already exist.
 */
import { toExcelSerial } from "../dates/isoDate";
import { TASK_STATUS_LABELS, STATUS_CHOICES } from "../status/status";
import type { Catalogue } from "../catalogue/types";
import { displayName, type Unit } from "../units/units";
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
  SUMMARY_TOTAL_LABEL,
  TABLES,
  TASK_COLUMNS,
  TASK_TABLE_HEADER_ROW,
  type AssignmentColumnKey,
  type ColumnSpec,
  type TaskColumnKey,
} from "./layout";
import {
  checkFormula,
  COUNT_ALL_ROLES,
  countedRoleFormula,
  nv,
  pc,
  periodFormula,
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
  isCounted,
  isDoneCell,
  periodLabel,
  summaryLines,
  taskProgressText,
  type TrackerSettings,
} from "./evaluate";
import { isLink, kindLabel, type AssignmentRecord, type TaskRecord } from "./model";
import { cellAddress, columnLetter, rangeAddress, type PlanCell, type PlanOp, type Scalar } from "./plan";

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

/** Per-task counts in one pass over the assignments. */
function countsByTask(
  assignments: readonly AssignmentRecord[],
  s: TrackerSettings,
  state: (a: AssignmentRecord) => string,
) {
  const map = new Map<string, { lead: number; done: number; overdue: number }>();
  for (const a of assignments) {
    if (!isCounted(a, s)) continue;
    const k = a.taskId.toLowerCase();
    const c = map.get(k) ?? { lead: 0, done: 0, overdue: 0 };
    c.lead += 1;
    if (isDoneCell(a.status)) c.done += 1;
    if (state(a) === TASK_STATUS_LABELS.overdue.vi) c.overdue += 1;
    map.set(k, c);
  }
  return map;
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
}

export function bannerOf(c: Catalogue): CatalogueBanner {
  return {
    title: c.title,
    document: c.source.document,
    official: c.source.official,
    note: c.source.note,
    version: c.version,
    id: c.id,
  };
}

/** Title rows above the task table: what the catalogue is and where it comes from. */
export function taskBannerOps(b: CatalogueBanner): PlanOp[] {
  const sheet = SHEETS.tasks;
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
  const sheet = SHEETS.tasks;
  const headerRow = TASK_TABLE_HEADER_ROW - 1;
  const first = headerRow + 1;
  const last = headerRow + tasks.length;
  const counts = countsByTask(assignments, s, (a) => assignmentStateLabel(a, s));
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
    { op: "freezePanes", sheet, rows: TASK_TABLE_HEADER_ROW, columns: 1 },
    ...taskRuleOps(first, last),
  ];
  return ops;
}

export function taskRuleOps(
  first: number,
  last: number,
  col: (k: TaskColumnKey) => number = (k) => TASK_COLUMNS.findIndex((c) => c.key === k),
  width: number = TASK_COLUMNS.length,
): PlanOp[] {
  const sheet = SHEETS.tasks;
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
): Record<"status" | "completedOn" | "evidence" | "note", PlanCell> {
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
  return assignmentCheck(a);
}

export function assignmentSheetOps(assignments: readonly AssignmentRecord[], s: TrackerSettings): PlanOp[] {
  const sheet = SHEETS.assignments;
  const headerRow = ASSIGNMENT_TABLE_HEADER_ROW - 1;
  const first = headerRow + 1;
  const last = headerRow + assignments.length;
  const col = (k: AssignmentColumnKey) => ASSIGNMENT_COLUMNS.findIndex((c) => c.key === k);
  const ops: PlanOp[] = [
    { op: "ensureSheet", sheet, tabColor: "#2F75B5" },
    {
      op: "writeCells",
      sheet,
      address: cellAddress(headerRow, 0),
      rows: [ASSIGNMENT_COLUMNS.map((c) => c.header), ...assignments.map(assignmentRowCells)],
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
    { op: "freezePanes", sheet, rows: ASSIGNMENT_TABLE_HEADER_ROW, columns: 1 },
    ...assignmentRuleOps(first, last),
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

/** Rows (1-based) of the Cấu hình sheet. */
export const CONFIG_ROWS = {
  reportDate: 3,
  dueSoonDays: 4,
  includeCoordinating: 5,
  countedRole: 6,
  ruleTitle: 8,
  scoreMode: 9,
  maxPoints: 10,
  threshold: 11,
  latePenalty: 12,
  tiersTitle: 33,
  tiersHeader: 34,
  catalogueTitle: 21,
  catalogueFirst: 22,
} as const;

export interface CatalogueRecord {
  banner: CatalogueBanner;
  planYear: number;
  /** "demo-2024", an https URL, or "Sheet1!A1:F60". */
  loadedFrom: string;
  /** ISO timestamp. */
  loadedAt: string;
  unit: Unit | null;
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

export function catalogueInfoRows(r: CatalogueRecord): PlanCell[][] {
  return [
    ["Mã danh mục", r.banner.id, ""],
    ["Tên danh mục", r.banner.title, ""],
    ["Văn bản nguồn", r.banner.document, ""],
    ["Chính thức", r.banner.official ? "Có" : "Không — dữ liệu minh họa", ""],
    ["Phiên bản", r.banner.version ?? "", ""],
    ["Ghi chú nguồn", r.banner.note ?? "", ""],
    ["Năm kế hoạch", r.planYear, ""],
    ["Nạp từ", r.loadedFrom, ""],
    ["Nạp lúc", loadedAtSerial(r.loadedAt) ?? r.loadedAt, ""],
    [
      "Đơn vị của sổ",
      r.unit ? displayName(r.unit) : ALL_UNITS,
      r.unit ? "Sổ chỉ gồm phân công của đơn vị này." : "",
    ],
  ];
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
    { op: "numberFormat", sheet, address: `B${CONFIG_ROWS.catalogueFirst + 8}`, format: DATE_TIME_FORMAT },
    { op: "defineName", name: NAMES.catalogueId, sheet, address: `B${CONFIG_ROWS.catalogueFirst}` },
    { op: "defineName", name: NAMES.catalogueOfficial, sheet, address: `B${CONFIG_ROWS.catalogueFirst + 3}` },
  ];
}

/**
 * The whole Cấu hình sheet with its settings and names. `reportDate` null writes =TODAY()
 * (results follow the calendar); a date fixes the report date.
 */
export function configSheetOps(
  s: TrackerSettings,
  reportDateIsToday: boolean,
  info: CatalogueRecord,
  isDefaultRule: boolean,
): PlanOp[] {
  const sheet = SHEETS.config;
  const R = CONFIG_ROWS;
  const rule = s.rule;
  const tiers = rule.tiers ?? [];
  const reportDateCell: PlanCell = reportDateIsToday
    ? { formula: "=TODAY()", cached: toExcelSerial(s.reportDate) }
    : toExcelSerial(s.reportDate);
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
          "Ngày báo cáo",
          reportDateCell,
          "Mọi công thức và quy tắc màu dùng ô này (tên NgayBaoCao). Ghi một ngày cố định để kết quả không đổi; =TODAY() tự cập nhật mỗi ngày.",
        ],
        [
          "Số ngày “sắp đến hạn”",
          s.dueSoonDays,
          "Nhiệm vụ chưa xong có hạn trong số ngày này tính từ ngày báo cáo được tô vàng.",
        ],
        [
          "Tính cả đơn vị phối hợp",
          s.includeCoordinating,
          "FALSE: chỉ tính đơn vị chủ trì (mặc định). TRUE: tính cả đơn vị phối hợp.",
        ],
        [
          "Vai trò được tính (tự tính)",
          { formula: countedRoleFormula(), cached: s.includeCoordinating ? COUNT_ALL_ROLES : "Chủ trì" },
          "Không sửa ô này.",
        ],
      ],
    },
    {
      op: "writeCells",
      sheet,
      address: `A${R.ruleTitle}`,
      rows: [
        [
          isDefaultRule
            ? "QUY TẮC CHẤM ĐIỂM — MẶC ĐỊNH (chưa phải quy tắc của tỉnh; người chấm hãy sửa)"
            : "QUY TẮC CHẤM ĐIỂM",
        ],
      ],
      style: { bold: true, fontColor: isDefaultRule ? "#C00000" : undefined },
    },
    {
      op: "writeCells",
      sheet,
      address: `A${R.scoreMode}`,
      rows: [
        [
          "Cách tính",
          rule.mode === "tiers" ? SCORE_MODE.tiers : SCORE_MODE.proportional,
          "Tỷ lệ: đạt 100% được điểm tối đa; từ ngưỡng đến dưới 100% được tỷ lệ × điểm tối đa; dưới ngưỡng 0 điểm. Bậc: theo bảng bậc.",
        ],
        ["Điểm tối đa", rule.maxPoints, ""],
        ["Ngưỡng", rule.threshold ?? 0, "Tỷ lệ hoàn thành tối thiểu để được tính điểm (cách tính Tỷ lệ)."],
        [
          "Điểm trừ mỗi nhiệm vụ trễ hạn",
          rule.latePenalty ?? 0,
          "Trừ cho mỗi nhiệm vụ hoàn thành trễ hạn; điểm không âm.",
        ],
      ],
    },
    { op: "numberFormat", sheet, address: `B${R.reportDate}`, format: DATE_FORMAT },
    { op: "numberFormat", sheet, address: `B${R.threshold}`, format: PERCENT_FORMAT },
    { op: "numberFormat", sheet, address: `B${R.maxPoints}`, format: POINTS_FORMAT },
    { op: "numberFormat", sheet, address: `B${R.latePenalty}`, format: POINTS_FORMAT },
    {
      op: "writeCells",
      sheet,
      address: `A${R.tiersTitle}`,
      rows: [["Bảng bậc (dùng khi Cách tính = Bậc)"]],
      style: { bold: true },
    },
    {
      op: "writeCells",
      sheet,
      address: `A${R.tiersHeader}`,
      rows: [["Tỷ lệ tối thiểu", "Điểm"], ...tiers.map((t) => [t.minRate, t.points])],
    },
    {
      op: "createTable",
      sheet,
      name: TABLES.tiers,
      address: `A${R.tiersHeader}:B${R.tiersHeader + Math.max(1, tiers.length)}`,
      style: "TableStyleLight9",
    },
    {
      op: "numberFormat",
      sheet,
      address: `A${R.tiersHeader + 1}:A${R.tiersHeader + Math.max(1, tiers.length)}`,
      format: PERCENT_FORMAT,
    },
    { op: "defineName", name: NAMES.reportDate, sheet, address: `B${R.reportDate}`, comment: "Ngày báo cáo" },
    { op: "defineName", name: NAMES.dueSoonDays, sheet, address: `B${R.dueSoonDays}` },
    { op: "defineName", name: NAMES.includeCoordinating, sheet, address: `B${R.includeCoordinating}` },
    { op: "defineName", name: NAMES.countedRole, sheet, address: `B${R.countedRole}` },
    { op: "defineName", name: NAMES.scoreMode, sheet, address: `B${R.scoreMode}` },
    { op: "defineName", name: NAMES.maxPoints, sheet, address: `B${R.maxPoints}` },
    { op: "defineName", name: NAMES.threshold, sheet, address: `B${R.threshold}` },
    { op: "defineName", name: NAMES.latePenalty, sheet, address: `B${R.latePenalty}` },
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

export function summarySheetOps(assignments: readonly AssignmentRecord[], s: TrackerSettings): PlanOp[] {
  const sheet = SHEETS.summary;
  const { lines, total } = summaryLines(assignments, s);
  const rows: PlanCell[][] = lines.map((l, i) => {
    const r = i + 2;
    return [
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
      { formula: scoreFormula(`G${r}`, `E${r}`), cached: l.points },
    ];
  });
  const n = lines.length;
  const t = n + 2;
  const sum = (c: string, v: number): PlanCell =>
    n > 0 ? { formula: `=SUM(${c}2:${c}${n + 1})`, cached: v } : 0;
  rows.push([
    SUMMARY_TOTAL_LABEL,
    sum("B", total.assigned),
    sum("C", total.done),
    sum("D", total.doneOnTime),
    sum("E", total.doneLate),
    sum("F", total.overdue),
    { formula: `=IF(B${t}=0,0,C${t}/B${t})`, cached: total.completionRate },
    null,
  ]);
  const ops: PlanOp[] = [
    { op: "ensureSheet", sheet, clear: true, charts: [SUMMARY_CHART], tabColor: "#C55A11" },
    {
      op: "writeCells",
      sheet,
      address: "A1",
      rows: [[...SUMMARY_HEADERS]],
      style: { bold: true, fill: "#DDEBF7" },
    },
    { op: "writeCells", sheet, address: "A2", rows },
    { op: "style", sheet, address: `A${t}:H${t}`, style: { bold: true, fill: "#F2F2F2" } },
    { op: "numberFormat", sheet, address: `G2:G${t}`, format: PERCENT_FORMAT },
    { op: "numberFormat", sheet, address: `H2:H${t}`, format: POINTS_FORMAT },
    { op: "numberFormat", sheet, address: `B2:F${t}`, format: "0" },
    {
      op: "columnWidths",
      sheet,
      widths: [
        { column: 0, width: 44 },
        ...[1, 2, 3, 4, 5].map((c) => ({ column: c, width: 11 })),
        { column: 6, width: 15 },
        { column: 7, width: 9 },
      ],
    },
    { op: "freezePanes", sheet, rows: 1, columns: 1 },
    {
      op: "writeCells",
      sheet,
      address: "J1",
      rows: [
        [
          "Số liệu tự tính bằng công thức từ trang “Phân công” theo ngày báo cáo và quy tắc chấm điểm ở trang “Cấu hình”. Trang này được tạo lại mỗi lần bấm “Tổng hợp”.",
        ],
        [SUMMARY_DONE_NOTE],
      ],
      style: { italic: true, fontColor: "#595959" },
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

export const REPORT_TABLE_HEADER_ROW = 8;

export function reportSheetOps(
  assignments: readonly AssignmentRecord[],
  s: TrackerSettings,
  banner: CatalogueBanner,
  unit: Unit | null,
): PlanOp[] {
  const sheet = SHEETS.report;
  const { lines, total } = summaryLines(assignments, s);
  const h = REPORT_TABLE_HEADER_ROW;
  const n = lines.length;
  const ref = (col: string, r: number) => `='${SHEETS.summary}'!${col}${r}`;
  const rows: PlanCell[][] = lines.map((l, i) => [
    i + 1,
    { formula: ref("A", i + 2), cached: l.unit },
    { formula: ref("B", i + 2), cached: l.assigned },
    { formula: ref("C", i + 2), cached: l.done },
    { formula: ref("D", i + 2), cached: l.doneOnTime },
    { formula: ref("E", i + 2), cached: l.doneLate },
    { formula: ref("F", i + 2), cached: l.overdue },
    { formula: ref("G", i + 2), cached: l.completionRate },
    { formula: ref("H", i + 2), cached: l.points },
  ]);
  rows.push([
    null,
    SUMMARY_TOTAL_LABEL,
    { formula: ref("B", n + 2), cached: total.assigned },
    { formula: ref("C", n + 2), cached: total.done },
    { formula: ref("D", n + 2), cached: total.doneOnTime },
    { formula: ref("E", n + 2), cached: total.doneLate },
    { formula: ref("F", n + 2), cached: total.overdue },
    { formula: ref("G", n + 2), cached: total.completionRate },
    null,
  ]);
  const last = h + n + 1;
  const official = banner.official
    ? `Danh mục: ${banner.title} (${banner.document}).`
    : `Danh mục: ${banner.title} — DỮ LIỆU MINH HỌA, không phải văn bản chính thức; không dùng để báo cáo.`;
  return [
    { op: "ensureSheet", sheet, clear: true, tabColor: "#7030A0" },
    {
      op: "writeCells",
      sheet,
      address: "A1",
      rows: [["BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024"]],
      style: { bold: true, fontSize: 14, horizontal: "center" },
    },
    { op: "mergeCells", sheet, address: "A1:I1" },
    {
      op: "writeCells",
      sheet,
      address: "A2",
      rows: [["Kính gửi: Ủy ban nhân dân tỉnh Quảng Ngãi (qua Sở Nội vụ)"]],
      style: { horizontal: "center" },
    },
    { op: "mergeCells", sheet, address: "A2:I2" },
    {
      op: "writeCells",
      sheet,
      address: "A3",
      rows: [[`Đơn vị báo cáo: ${unit ? displayName(unit) : "…………………………"}`]],
    },
    {
      op: "writeCells",
      sheet,
      address: "A4",
      rows: [["Ngày báo cáo:", { formula: `=${NAMES.reportDate}`, cached: toExcelSerial(s.reportDate) }]],
    },
    { op: "numberFormat", sheet, address: "B4", format: DATE_FORMAT },
    {
      op: "writeCells",
      sheet,
      address: "A5",
      rows: [[official]],
      style: { italic: true, fontColor: banner.official ? undefined : "#C00000" },
    },
    {
      op: "writeCells",
      sheet,
      address: "A6",
      rows: [["Điểm tính theo quy tắc ở trang “Cấu hình”; số liệu lấy từ trang “Tổng hợp”."]],
      style: { italic: true },
    },
    {
      op: "writeCells",
      sheet,
      address: `A${h}`,
      rows: [["STT", ...SUMMARY_HEADERS]],
      style: { bold: true, fill: "#DDEBF7", wrap: true, horizontal: "center" },
    },
    { op: "writeCells", sheet, address: `A${h + 1}`, rows },
    { op: "style", sheet, address: `A${last}:I${last}`, style: { bold: true } },
    { op: "numberFormat", sheet, address: `H${h + 1}:H${last}`, format: PERCENT_FORMAT },
    { op: "numberFormat", sheet, address: `I${h + 1}:I${last}`, format: POINTS_FORMAT },
    {
      op: "columnWidths",
      sheet,
      widths: [
        { column: 0, width: 6 },
        { column: 1, width: 44 },
        ...[2, 3, 4, 5, 6].map((c) => ({ column: c, width: 11 })),
        { column: 7, width: 14 },
        { column: 8, width: 9 },
      ],
    },
    {
      op: "pageSetup",
      sheet,
      landscape: true,
      paper: "A4",
      printTitleRows: `$${h}:$${h}`,
      fitToWidth: true,
      printArea: `A1:I${last}`,
      centerFooter: "Trang &P/&N",
    },
  ];
}
