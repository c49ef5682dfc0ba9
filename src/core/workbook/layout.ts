/**
 * The tracking workbook (sổ theo dõi) the add-in builds — the same in Excel (task pane) and in
 * the headless .xlsx export. Sheet, table, column and name spellings are a contract: formulas,
 * independent checks and users' own formulas refer to them.
 */

export const SHEETS = {
  tasks: "Nhiệm vụ 2024",
  assignments: "Phân công",
  summary: "Tổng hợp",
  config: "Cấu hình",
  report: "Báo cáo",
} as const;

/**
 * The tasks sheet of a plan year: "Nhiệm vụ 2024" (SHEETS.tasks) for 2024 and when no year is
 * known, "Nhiệm vụ 2026" for 2026. The table in it is always NhiemVu.
 */
export function tasksSheetName(planYear?: number | null): string {
  return typeof planYear === "number" && Number.isInteger(planYear) && planYear >= 1000 && planYear <= 9999
    ? `Nhiệm vụ ${planYear}`
    : SHEETS.tasks;
}

/** Is this the name of a tasks sheet of some plan year ("Nhiệm vụ 2024", "Nhiệm vụ 2026")? */
export function isTasksSheetName(name: string): boolean {
  return /^Nhiệm vụ \d{4}$/u.test(name.normalize("NFC"));
}

/**
 * The tasks sheet of an open workbook, whatever its year: the plan year's sheet when it exists,
 * else the only sheet named like one, else the plan year's name (to be created).
 */
export function findTasksSheet(sheetNames: Iterable<string>, planYear?: number | null): string {
  const wanted = tasksSheetName(planYear);
  const names = [...sheetNames];
  if (names.includes(wanted)) return wanted;
  const others = names.filter(isTasksSheetName);
  return others.length === 1 ? others[0] : wanted;
}

export const TABLES = {
  tasks: "NhiemVu",
  assignments: "PhanCong",
  tiers: "BacDiem",
} as const;

/** Workbook-level defined names (tên định nghĩa), all single cells on the Cấu hình sheet. */
export const NAMES = {
  reportDate: "NgayBaoCao",
  dueSoonDays: "SoNgaySapDenHan",
  includeCoordinating: "TinhPhoiHop",
  countedRole: "VaiTroTinh",
  maxPoints: "DiemToiDa",
  scoreMode: "CachTinhDiem",
  threshold: "NguongDiem",
  latePenalty: "DiemTruTreHan",
  catalogueId: "MaDanhMuc",
  catalogueOfficial: "DanhMucChinhThuc",
  /** TRUE: claims not yet reviewed count as done in the reviewed figures (default). */
  countUnreviewed: "TinhChuaThamDinh",
  /** The report document's editable parts (Báo cáo). */
  reportIssuer: "CoQuanBaoCao",
  reportNumber: "SoBaoCao",
  reportRecipient: "KinhGui",
  signerTitle: "ChucVuNguoiKy",
  signerName: "NguoiKy",
  reportUnit: "DonViBaoCao",
} as const;

export const DATE_FORMAT = "dd/mm/yyyy";
export const PERCENT_FORMAT = "0.0%";
export const POINTS_FORMAT = "0.00";
export const COUNT_FORMAT = "0";

/** Role (vai trò) of a unit in a task. */
export const ROLE = { lead: "Chủ trì", coordinating: "Phối hợp" } as const;
/** Values of the "Trong danh mục" column. */
export const IN_CATALOGUE = { yes: "Có", no: "Không" } as const;
/** "Đơn vị của sổ" (Cấu hình) of a workbook that tracks every unit. */
export const ALL_UNITS = "Tất cả đơn vị";
/** Values of the scoring-mode cell. */
export const SCORE_MODE = { proportional: "Tỷ lệ", tiers: "Bậc" } as const;
/** Labels of the deadline kind (loại thời hạn). */
export const DEADLINE_KIND_LABELS = {
  date: { vi: "Có thời hạn", en: "Fixed deadline" },
  recurring: { vi: "Thường xuyên", en: "Recurring" },
  none: { vi: "Không có thời hạn", en: "No fixed deadline" },
} as const;
/** Labels of unit levels (cấp). */
export const LEVEL_LABELS = {
  agency: "Sở, ban, ngành",
  central: "Cơ quan Trung ương",
  district: "Cấp huyện",
  commune: "Cấp xã",
  unknown: "Chưa nhận diện",
} as const;
/** Values of the Kiểm tra (review) column. */
export const CHECK_LABELS = {
  missingEvidence: "Thiếu minh chứng",
  unknownStatus: "Trạng thái không rõ",
  dateWithoutDone: "Có ngày hoàn thành nhưng chưa đánh dấu hoàn thành",
  completedAfterReport: "Ngày hoàn thành sau ngày báo cáo",
  unitSpelling: "Tên đơn vị khác tên chuẩn (khoảng trắng thừa hoặc dấu tổ hợp)",
} as const;

export type ColumnKind = "catalogue" | "user" | "formula";

export interface ColumnSpec<K extends string = string> {
  key: K;
  header: string;
  kind: ColumnKind;
  numberFormat?: string;
  width: number;
  wrap?: boolean;
  /** A column added after workbooks were already in use: a table without it still merges. */
  optional?: boolean;
}

export type TaskColumnKey =
  | "id"
  | "area"
  | "title"
  | "lead"
  | "coordinating"
  | "output"
  | "deadline"
  | "due"
  | "kind"
  | "period"
  | "inCatalogue"
  | "leadCount"
  | "doneCount"
  | "overdueCount"
  | "progress";

export const TASK_COLUMNS: readonly ColumnSpec<TaskColumnKey>[] = [
  { key: "id", header: "Mã NV", kind: "catalogue", width: 9 },
  { key: "area", header: "Lĩnh vực", kind: "catalogue", width: 8 },
  { key: "title", header: "Nhiệm vụ", kind: "catalogue", width: 60, wrap: true },
  { key: "lead", header: "Cơ quan chủ trì", kind: "catalogue", width: 28, wrap: true },
  { key: "coordinating", header: "Cơ quan phối hợp", kind: "catalogue", width: 28, wrap: true },
  { key: "output", header: "Sản phẩm", kind: "catalogue", width: 22, wrap: true },
  { key: "deadline", header: "Thời hạn", kind: "catalogue", width: 18, wrap: true },
  { key: "due", header: "Hạn hoàn thành", kind: "catalogue", numberFormat: DATE_FORMAT, width: 14 },
  { key: "kind", header: "Loại thời hạn", kind: "catalogue", width: 16 },
  { key: "period", header: "Kỳ hạn", kind: "formula", width: 12 },
  { key: "inCatalogue", header: "Trong danh mục", kind: "catalogue", width: 10 },
  { key: "leadCount", header: "Số đơn vị chủ trì", kind: "formula", numberFormat: COUNT_FORMAT, width: 10 },
  { key: "doneCount", header: "Đã hoàn thành", kind: "formula", numberFormat: COUNT_FORMAT, width: 10 },
  { key: "overdueCount", header: "Quá hạn", kind: "formula", numberFormat: COUNT_FORMAT, width: 9 },
  { key: "progress", header: "Tiến độ", kind: "formula", width: 34, wrap: true },
];

export type AssignmentColumnKey =
  | "taskId"
  | "title"
  | "area"
  | "unit"
  | "level"
  | "role"
  | "due"
  | "kind"
  | "period"
  | "inCatalogue"
  | "status"
  | "completedOn"
  | "evidence"
  | "note"
  | "state"
  | "check"
  | "explanation"
  | "review"
  | "reviewNote";

export const ASSIGNMENT_COLUMNS: readonly ColumnSpec<AssignmentColumnKey>[] = [
  { key: "taskId", header: "Mã NV", kind: "catalogue", width: 9 },
  { key: "title", header: "Nhiệm vụ", kind: "catalogue", width: 48, wrap: true },
  { key: "area", header: "Lĩnh vực", kind: "catalogue", width: 8 },
  { key: "unit", header: "Đơn vị", kind: "catalogue", width: 30 },
  { key: "level", header: "Cấp", kind: "catalogue", width: 16 },
  { key: "role", header: "Vai trò", kind: "catalogue", width: 10 },
  { key: "due", header: "Hạn hoàn thành", kind: "catalogue", numberFormat: DATE_FORMAT, width: 14 },
  { key: "kind", header: "Loại thời hạn", kind: "catalogue", width: 16 },
  { key: "period", header: "Kỳ hạn", kind: "formula", width: 12 },
  { key: "inCatalogue", header: "Trong danh mục", kind: "catalogue", width: 10 },
  { key: "status", header: "Trạng thái", kind: "user", width: 16 },
  { key: "completedOn", header: "Ngày hoàn thành", kind: "user", numberFormat: DATE_FORMAT, width: 14 },
  { key: "evidence", header: "Minh chứng", kind: "user", width: 30 },
  { key: "note", header: "Ghi chú", kind: "user", width: 30, wrap: true },
  { key: "state", header: "Tình trạng", kind: "formula", width: 20 },
  { key: "check", header: "Kiểm tra", kind: "formula", width: 22 },
  // Thẩm định: the unit explains (Giải trình), the provincial reviewer judges. User columns: never
  // written by a re-pull; optional when reading a workbook built before they existed.
  { key: "explanation", header: "Giải trình", kind: "user", width: 30, wrap: true, optional: true },
  { key: "review", header: "Kết quả thẩm định", kind: "user", width: 14, optional: true },
  { key: "reviewNote", header: "Ý kiến thẩm định", kind: "user", width: 30, wrap: true, optional: true },
];

/** The summary sheet's header row (a contract: exactly these, in this order). */
export const SUMMARY_HEADERS = [
  "Đơn vị",
  "Được giao",
  "Hoàn thành",
  "Đúng hạn",
  "Trễ hạn",
  "Quá hạn",
  "Tỷ lệ hoàn thành",
  "Điểm",
] as const;
export const SUMMARY_TOTAL_LABEL = "Tổng cộng";
/** The reviewed figures, right after the contract columns of Tổng hợp (Điểm = self-assessed). */
export const SUMMARY_REVIEW_HEADERS = [
  "Hoàn thành (thẩm định)",
  "Tỷ lệ (thẩm định)",
  "Điểm thẩm định",
  "Chưa thẩm định",
] as const;

/** Rows above the task table (title, source, sample-data warning); the table header is on this row. */
export const TASK_TABLE_HEADER_ROW = 5;
/** The assignment table starts at A1 (pivot-ready: nothing else on its sheet). */
export const ASSIGNMENT_TABLE_HEADER_ROW = 1;

export function columnIndex<K extends string>(columns: readonly ColumnSpec<K>[], key: K): number {
  const i = columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`Unknown column ${key}`);
  return i;
}
