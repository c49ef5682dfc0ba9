/**
 * Tổng hợp từ đơn vị (consolidation): the plain values the adapters read from workbooks, and the
 * report of a merge. Pure data: no Office, no files.
 */

/** The values of one workbook, as an adapter (exceljs in Node, a reader in the pane) reads them. */
export interface WorkbookValues {
  sheetNames: string[];
  /** Cấu hình!A1:C45 (row 1 first); null when the workbook has no Cấu hình sheet. */
  config: unknown[][] | null;
  /** Data rows of the BacDiem table (province only; optional). */
  tiers?: unknown[][];
  /** The PhanCong table (header row + data rows); null when there is none. */
  assignments: { headers: unknown[]; rows: unknown[][] } | null;
  /** The NhiemVu table (province only). */
  tasks?: { headers: unknown[]; rows: unknown[][] } | null;
  /** The name of the sheet holding the NhiemVu table, when known. */
  tasksSheet?: string | null;
  /** The "Nộp báo cáo" sheet's values (row 1 = headers), when present (province only). */
  submissions?: unknown[][] | null;
  /** The report-date cell holds =TODAY() (province only). */
  reportDateIsToday?: boolean;
  /** When the workbook says it was last saved (docProps modified), ISO; null when unknown. */
  savedAt: string | null;
  /**
   * What a reviewer added to the provincial workbook that the add-in does not own (province only;
   * read when asked): carried into the consolidated result so that nothing is lost.
   */
  extras?: WorkbookExtras;
}

/** One cell carried over as it was: its value (cached result of a formula), formula, format, link. */
export interface CarriedCell {
  /** Numbers (dates as serials), text, booleans; null = empty. */
  value: string | number | boolean | null;
  /** The cell's formula without its leading "=" (Excel's own text), when it has one. */
  formula?: string;
  /** The cell's number format, when not General. */
  numFmt?: string;
  /** An http(s) hyperlink of the cell. */
  link?: string;
}

/** A sheet the add-in does not own, as the reviewer left it (values, formulas, formats, layout). */
export interface CarriedSheet {
  name: string;
  /** Non-empty cells, 0-based row and column. */
  cells: Array<{ row: number; column: number; cell: CarriedCell }>;
  /** Column widths in characters (0-based column). */
  widths: Array<{ column: number; width: number }>;
  /** Merged ranges ("A1:C1"). */
  merges: string[];
  /** Excel tables of the sheet (name, range with its header row). */
  tables: Array<{ name: string; address: string }>;
}

/** The parts of a provincial workbook the add-in does not own. */
export interface WorkbookExtras {
  /** Sheets other than the add-in's, in workbook order. */
  sheets: CarriedSheet[];
  /**
   * Columns of the PhanCong table the add-in does not write (e.g. “Ghi chú của Sở”), in table
   * order; `cells` parallel to `assignments.rows`.
   */
  assignmentColumns: Array<{ header: string; cells: CarriedCell[]; width?: number }>;
  /** Columns of the NhiemVu table the add-in does not write; `cells` parallel to `tasks.rows`. */
  taskColumns?: Array<{ header: string; cells: CarriedCell[]; width?: number }>;
}

/** One file offered as a unit's workbook. */
export interface UnitFileInput {
  /** File name shown in reports and written in the provenance column. */
  name: string;
  /** The file system's modification time (ISO), the fallback of `values.savedAt`. */
  fileTime: string | null;
  /** What the adapter could read; absent when `problem` says why the file could not be read. */
  values?: WorkbookValues;
  /** A reading failure (not an .xlsx, encrypted, corrupt, too large…), in Vietnamese. */
  problem?: string;
}

/** The user columns of one assignment row (normalised as the model writes them). */
export interface UserValues {
  status: string | null;
  completedOn: string | null;
  evidence: string | null;
  note: string | null;
}

export const USER_FIELDS = ["status", "completedOn", "evidence", "note"] as const;
export type UserField = (typeof USER_FIELDS)[number];

export interface AcceptedFile {
  file: string;
  unitId: string;
  unit: string;
  catalogueVersion: string;
  /** ISO time the file is dated by (workbook's own record, else file time). */
  savedAt: string | null;
  /** Rows of this unit in the file. */
  rows: number;
  /** Rows of the provincial workbook changed by this file in this run. */
  rowsUpdated: number;
  notes: string[];
}

export interface RejectedFile {
  file: string;
  reason: string;
  /** The unit, when the file said which one it is. */
  unitId?: string;
  unit?: string;
}

export interface SupersededFile {
  file: string;
  unit: string;
  /** The file that won, or the provincial workbook's newer record. */
  by: string;
}

export interface ConflictField {
  column: string;
  province: string | null;
  unit: string | null;
}

export interface Conflict {
  file: string;
  unit: string;
  taskId: string;
  fields: ConflictField[];
  /** Which value the result holds. */
  kept: "province" | "unit";
}

export interface ExtraTask {
  file: string;
  taskId: string;
}

export interface ConsolidationReport {
  filesRead: number;
  accepted: AcceptedFile[];
  rejected: RejectedFile[];
  superseded: SupersededFile[];
  rowsUpdated: number;
  conflicts: Conflict[];
  /** Lead units with no accepted file (now or in an earlier run). */
  unitsMissing: string[];
  /** Tasks a unit's file holds that the provincial catalogue lacks. */
  extraTasks: ExtraTask[];
  /** Rows of other units found in a unit's file (reported, never written). */
  otherUnitRows: Array<{ file: string; count: number }>;
  /** Units counted as having reported / expected to report. */
  unitsReported: number;
  unitsExpected: number;
}

/** Submission status of a unit (the "Tình trạng nộp" column). */
export const SUBMISSION_STATUS = {
  submitted: "Đã nộp",
  missing: "Chưa nộp",
  rejected: "Bị từ chối",
} as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUS)[keyof typeof SUBMISSION_STATUS];

/** One row of the "Nộp báo cáo" sheet. */
export interface SubmissionRow {
  unit: string;
  status: SubmissionStatus;
  file: string | null;
  /** ISO date-time. */
  updatedAt: string | null;
  rowsUpdated: number | null;
  note: string | null;
}

/** The key of one conflicting row (one accepted file per unit, so file + task is unique). */
export function conflictKey(file: string, taskId: string): string {
  return `${file}\u0001${taskId}`;
}
