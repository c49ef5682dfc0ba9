/**
 * Reading workbooks for a consolidation, from plain values: the provincial workbook (catalogue,
 * settings, assignment rows with their provenance, the previous "Nộp báo cáo" sheet) and each
 * unit's workbook (scope, catalogue, PhanCong rows). Every refusal is a Vietnamese reason.
 */
import { decodeLegacyVietnamese, detectLegacyEncoding, type LegacyEncoding } from "../text/legacy";
import { fromExcelSerial, MAX_EXCEL_SERIAL } from "../dates/isoDate";
import { findUnit, displayName, type Unit } from "../units/units";
import type { Catalogue, CatalogueTask, AreaCode } from "../catalogue/types";
import { AREA_CODES, CATALOGUE_SCHEMA_ID } from "../catalogue/types";
import { readConfig } from "../workbook/config";
import { DEFAULT_PLAN_YEAR } from "../catalogue/planYear";
import { CONFIG_ROWS } from "../workbook/sheets";
import { CONFIG_LAST_ROW, UNIT_MAP_ROW, readUnitMapRow } from "../workbook/configLayout";
import {
  ALL_UNITS,
  ASSIGNMENT_COLUMNS,
  isTasksSheetName,
  SHEETS,
  TABLES,
  TASK_COLUMNS,
} from "../workbook/layout";
import { CHARTS_SHEET } from "../workbook/charts";
import { parseCompletionDate, userCellsFromProgress } from "../workbook/model";
import type { TrackerSettings } from "../workbook/evaluate";
import {
  SUBMISSION_STATUS,
  type CarriedCell,
  type CarriedSheet,
  type SubmissionRow,
  type SubmissionStatus,
  type UnitFileInput,
  type UserValues,
  type WorkbookValues,
} from "./types";

/** Header of the provenance columns the add-in appends at the end of PhanCong. */
export const PROVENANCE_HEADERS = { source: "Nguồn cập nhật", at: "Cập nhật lúc" } as const;
/** The submissions sheet, its table and its header row (a contract). */
export const SUBMISSIONS_SHEET = "Nộp báo cáo";
export const SUBMISSIONS_TABLE = "NopBaoCao";
export const SUBMISSION_HEADERS = [
  "Đơn vị",
  "Tình trạng nộp",
  "Tệp",
  "Ngày cập nhật",
  "Số dòng cập nhật",
  "Ghi chú",
] as const;

/** The Thẩm định columns of PhanCong (user columns of the reviewer). */
const REVIEW_HEADERS = {
  explanation: "Giải trình",
  review: "Kết quả thẩm định",
  reviewNote: "Ý kiến thẩm định",
} as const;

/**
 * Headers of PhanCong the add-in writes (its columns and the provenance ones): any other column
 * of the table is the reviewer's and is carried into a consolidated result.
 */
export const OWNED_ASSIGNMENT_HEADERS: ReadonlySet<string> = new Set([
  ...ASSIGNMENT_COLUMNS.map((c) => c.header),
  ...Object.values(PROVENANCE_HEADERS),
]);

/** Headers of NhiemVu the add-in writes: any other column of the table is carried (by task id). */
export const OWNED_TASK_HEADERS: ReadonlySet<string> = new Set(TASK_COLUMNS.map((c) => c.header));

/**
 * Sheets the add-in writes (a consolidated result rebuilds them); any other sheet is carried.
 * Of the sheets named like a tasks sheet (“Nhiệm vụ 2024”), only the one holding NhiemVu
 * (`tasksSheet`, when known) is the add-in's: a reviewer's “Nhiệm vụ 2023” is theirs.
 */
export function isAddinSheet(name: string, tasksSheet?: string | null): boolean {
  const n = name.normalize("NFC");
  if (isTasksSheetName(n))
    return tasksSheet === undefined || tasksSheet === null ? true : n === tasksSheet.normalize("NFC");
  return (Object.values(SHEETS) as string[]).includes(n) || n === CHARTS_SHEET || n === SUBMISSIONS_SHEET;
}

/** Columns a unit's PhanCong table must keep (headers as the add-in writes them). */
export const REQUIRED_UNIT_HEADERS = [
  "Mã NV",
  "Nhiệm vụ",
  "Đơn vị",
  "Vai trò",
  "Trạng thái",
  "Ngày hoàn thành",
  "Minh chứng",
  "Ghi chú",
] as const;

const TASK_HEADERS = {
  id: "Mã NV",
  area: "Lĩnh vực",
  title: "Nhiệm vụ",
  lead: "Cơ quan chủ trì",
  coordinating: "Cơ quan phối hợp",
  output: "Sản phẩm",
  deadline: "Thời hạn",
} as const;

/** The NhiemVu columns readProvince reads (the pane asks Excel for exactly these). */
export const PROVINCE_TASK_HEADERS: readonly string[] = Object.values(TASK_HEADERS);
/** The PhanCong columns readProvince needs (the pane asks Excel for these and the provenance). */
export const PROVINCE_ASSIGNMENT_HEADERS: readonly string[] = [
  "Mã NV",
  "Đơn vị",
  "Vai trò",
  "Trạng thái",
  "Ngày hoàn thành",
  "Minh chứng",
  "Ghi chú",
];

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.normalize("NFC").trim();
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return "";
}

function headerMap(headers: unknown[]): Map<string, number> {
  const m = new Map<string, number>();
  headers.forEach((h, i) => {
    const t = cellText(h);
    if (t !== "" && !m.has(t)) m.set(t, i);
  });
  return m;
}

/** Excel serial (with a time fraction) → ISO date-time "YYYY-MM-DDTHH:MM:SSZ" (null if not one). */
export function isoFromSerial(v: unknown): string | null {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 1 || v > MAX_EXCEL_SERIAL) return null;
  const day = Math.floor(v);
  const secs = Math.round((v - day) * 86400);
  const date = fromExcelSerial(day);
  const hh = String(Math.floor(secs / 3600) % 24).padStart(2, "0");
  const mm = String(Math.floor(secs / 60) % 60).padStart(2, "0");
  const ss = String(secs % 60).padStart(2, "0");
  return `${date}T${hh}:${mm}:${ss}Z`;
}

/** ISO date-time → Excel serial with a time fraction (UTC). */
export function serialFromIso(iso: string): number | null {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return null;
  return Math.round((t / 86400000 + 25569) * 86400) / 86400;
}

/** Seconds-precision, canonical ISO (so that times compare as strings). */
export function canonicalIso(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return null;
  return new Date(Math.round(t / 1000) * 1000).toISOString().replace(/\.000Z$/, "Z");
}

interface CatalogueInfo {
  id: string;
  title: string;
  document: string;
  official: boolean;
  version: string;
  note: string;
  planYear: number | null;
  loadedFrom: string;
  loadedAt: string;
  /** null = all units; undefined = the cell is missing. */
  unitName: string | null | undefined;
  /** The "Bản đồ đơn vị" row's date (a new-map workbook); null: no row, the 2024 map. */
  unitsAsOf: string | null;
  /** The row is there but its date cannot be read. */
  unitMapProblem?: string;
}

/** The catalogue block of Cấu hình (rows 22..31), or null when the labels are not there. */
export function catalogueInfo(config: unknown[][] | null): CatalogueInfo | null {
  if (!config) return null;
  const row = (k: number) => config[CONFIG_ROWS.catalogueFirst + k - 1] ?? [];
  if (cellText(row(0)[0]) !== "Mã danh mục" || cellText(row(9)[0]) !== "Đơn vị của sổ") return null;
  const v = (k: number) => cellText(row(k)[1]);
  const unitCell = v(9);
  const year = Number(v(6));
  const mapRow = config[UNIT_MAP_ROW - 1] ?? [];
  const unitMap = readUnitMapRow(mapRow[0], mapRow[1]);
  return {
    id: v(0),
    title: v(1),
    document: v(2),
    official: v(3) === "Có",
    version: v(4),
    note: v(5),
    planYear: Number.isFinite(year) && year > 0 ? year : null,
    loadedFrom: v(7),
    loadedAt: v(8),
    unitName: unitCell === "" || unitCell === ALL_UNITS ? null : unitCell,
    unitsAsOf: unitMap.kind === "date" ? unitMap.unitsAsOf : null,
    ...(unitMap.kind === "bad" ? { unitMapProblem: unitMap.problem } : {}),
  };
}

export function emptyValues(): UserValues {
  return { status: null, completedOn: null, evidence: null, note: null };
}

/** User columns of a row, normalised exactly as the model writes them. */
export function normaliseUser(raw: {
  status: unknown;
  completedOn: unknown;
  evidence: unknown;
  note: unknown;
}): UserValues {
  return userCellsFromProgress(raw);
}

export function rowKey(taskId: string, unitId: string | null, unit: string): string {
  return `${taskId}\u0001${unitId ? "id:" + unitId : "text:" + unit}`;
}

// ───────────────────────────── the provincial workbook ─────────────────────────────

export interface ProvinceRow {
  taskId: string;
  unit: string;
  unitId: string | null;
  role: string;
  values: UserValues;
  source: string | null;
  sourceAt: string | null;
  /** The Thẩm định columns as the province holds them (the reviewer's: never written by a unit). */
  review?: { explanation: unknown; review: unknown; reviewNote: unknown };
  /** Index of the row among the PhanCong data rows it was read from (the pane writes back there). */
  tableRow?: number;
}

/** A column of PhanCong the add-in does not own, its cells by row key (rowKey). */
export interface ExtraAssignmentColumn {
  header: string;
  width?: number;
  cells: Map<string, CarriedCell>;
}

export interface ProvinceWorkbook {
  catalogue: Catalogue;
  settings: TrackerSettings;
  reportDateIsToday: boolean;
  loadedFrom: string;
  loadedAt: string;
  rows: ProvinceRow[];
  previousSubmissions: SubmissionRow[];
  /** Sheets the reviewer added (carried into the result as they are). */
  extraSheets?: CarriedSheet[];
  /** Columns the reviewer added to PhanCong (carried per row, matched by task id and unit). */
  extraColumns?: ExtraAssignmentColumn[];
  /** Columns the reviewer added to NhiemVu (carried per task id). */
  extraTaskColumns?: ExtraAssignmentColumn[];
}

function tableRows(
  t: { headers: unknown[]; rows: unknown[][] },
  required: readonly string[],
  table: string,
  problems: string[],
): Map<string, number> | null {
  const map = headerMap(t.headers);
  const missing = required.filter((h) => !map.has(h));
  if (missing.length > 0) {
    problems.push(
      `Bảng “${table}” thiếu cột ${missing.map((h) => `“${h}”`).join(", ")} (cột đã bị đổi tên hoặc xóa).`,
    );
    return null;
  }
  return map;
}

function unitOfCell(name: string, asOf: string | null): { unit: string; unitId: string | null } {
  const u = findUnit(name, undefined, asOf);
  return u ? { unit: displayName(u), unitId: u.id } : { unit: name, unitId: null };
}

/** The provincial (all-units) workbook: everything a merge needs, or the problems. */
export function readProvince(values: WorkbookValues): { province?: ProvinceWorkbook; problems: string[] } {
  const problems: string[] = [];
  const info = catalogueInfo(values.config);
  if (!info) {
    return {
      problems: [
        `Sổ tỉnh không có trang “${SHEETS.config}” với khối danh mục (ô “Mã danh mục”, “Đơn vị của sổ”): đây không phải sổ theo dõi do bổ trợ tạo.`,
      ],
    };
  }
  if (info.unitName !== null) {
    problems.push(
      `Sổ tỉnh chỉ theo dõi phân công của “${info.unitName}” (sổ của một đơn vị): chỉ sổ của tất cả đơn vị mới tổng hợp được. Hãy dùng sổ tỉnh (Đơn vị của sổ = “${ALL_UNITS}”).`,
    );
  }
  const cfgBlock = (values.config ?? []).slice(CONFIG_ROWS.reportDate - 1, CONFIG_LAST_ROW);
  const cfg = readConfig(cfgBlock, values.tiers ?? []);
  problems.push(...cfg.problems.map((p) => `Sổ tỉnh: ${p}`));
  if (!values.tasks) problems.push(`Sổ tỉnh không có bảng “${TABLES.tasks}”.`);
  if (!values.assignments) problems.push(`Sổ tỉnh không có bảng “${TABLES.assignments}”.`);
  if (problems.length > 0 || !values.tasks || !values.assignments || !cfg.settings) return { problems };

  const tmap = tableRows(values.tasks, [...PROVINCE_TASK_HEADERS], TABLES.tasks, problems);
  const amap = tableRows(values.assignments, [...PROVINCE_ASSIGNMENT_HEADERS], TABLES.assignments, problems);
  if (!tmap || !amap) return { problems: problems.map((p) => `Sổ tỉnh: ${p}`) };
  // A workbook without the "Năm kế hoạch" row predates later plans: the bundled catalogues' year.
  const planYear = info.planYear ?? DEFAULT_PLAN_YEAR;
  const tasks: CatalogueTask[] = [];
  const seen = new Set<string>();
  const taskSource = (values.extras?.taskColumns ?? []).filter(
    (c) => !OWNED_TASK_HEADERS.has(cellText(c.header)),
  );
  const extraTaskColumns: ExtraAssignmentColumn[] = taskSource.map((c) => ({
    header: cellText(c.header),
    ...(c.width ? { width: c.width } : {}),
    cells: new Map(),
  }));
  for (const [i, r] of values.tasks.rows.entries()) {
    const get = (k: keyof typeof TASK_HEADERS) => r[tmap.get(TASK_HEADERS[k]) as number];
    const id = cellText(get("id"));
    taskSource.forEach((c, k) => {
      const cell = c.cells[i];
      if (
        id !== "" &&
        cell &&
        (cell.value !== null || cell.formula !== undefined) &&
        !extraTaskColumns[k].cells.has(id)
      )
        extraTaskColumns[k].cells.set(id, cell);
    });
    if (id === "" || seen.has(id)) continue;
    seen.add(id);
    const area = cellText(get("area")).toUpperCase();
    const deadline = get("deadline");
    const task: CatalogueTask = {
      id,
      area: (AREA_CODES as string[]).includes(area) ? (area as AreaCode) : "",
      title: cellText(get("title")),
      lead: cellText(get("lead")),
      deadline: typeof deadline === "number" ? deadline : cellText(deadline),
    };
    const coordinating = cellText(get("coordinating"));
    if (coordinating) task.coordinating = coordinating;
    const output = cellText(get("output"));
    if (output) task.output = output;
    tasks.push(task);
  }
  const catalogue: Catalogue = {
    schema: CATALOGUE_SCHEMA_ID,
    id: info.id,
    title: info.title,
    planYear,
    ...(info.unitsAsOf ? { unitsAsOf: info.unitsAsOf } : {}),
    ...(info.version ? { version: info.version } : {}),
    source: { document: info.document, official: info.official, ...(info.note ? { note: info.note } : {}) },
    tasks,
  };
  const col = (h: string) => amap.get(h);
  const srcCol = col(PROVENANCE_HEADERS.source);
  const atCol = col(PROVENANCE_HEADERS.at);
  const reviewCols = {
    explanation: col(REVIEW_HEADERS.explanation),
    review: col(REVIEW_HEADERS.review),
    reviewNote: col(REVIEW_HEADERS.reviewNote),
  };
  const hasReview = Object.values(reviewCols).some((c) => c !== undefined);
  const extraColumns: ExtraAssignmentColumn[] = (values.extras?.assignmentColumns ?? [])
    .filter((c) => !OWNED_ASSIGNMENT_HEADERS.has(cellText(c.header)))
    .map((c) => ({ header: cellText(c.header), ...(c.width ? { width: c.width } : {}), cells: new Map() }));
  const extraSource = (values.extras?.assignmentColumns ?? []).filter(
    (c) => !OWNED_ASSIGNMENT_HEADERS.has(cellText(c.header)),
  );
  const rows: ProvinceRow[] = [];
  for (const [i, r] of values.assignments.rows.entries()) {
    const taskId = cellText(r[col("Mã NV") as number]);
    const unitName = cellText(r[col("Đơn vị") as number]);
    if (taskId === "" && unitName === "") continue;
    const at = atCol === undefined ? null : r[atCol];
    const unit = unitOfCell(unitName, info.unitsAsOf);
    const key = rowKey(taskId, unit.unitId, unit.unit);
    extraSource.forEach((c, k) => {
      const cell = c.cells[i];
      if (cell && (cell.value !== null || cell.formula !== undefined) && !extraColumns[k].cells.has(key))
        extraColumns[k].cells.set(key, cell);
    });
    const at0 = (c: number | undefined) => (c === undefined ? null : r[c]);
    rows.push({
      taskId,
      ...unit,
      ...(hasReview
        ? {
            review: {
              explanation: at0(reviewCols.explanation),
              review: at0(reviewCols.review),
              reviewNote: at0(reviewCols.reviewNote),
            },
          }
        : {}),
      role: cellText(r[col("Vai trò") as number]),
      values: normaliseUser({
        status: r[col("Trạng thái") as number],
        completedOn: r[col("Ngày hoàn thành") as number],
        evidence: r[col("Minh chứng") as number],
        note: r[col("Ghi chú") as number],
      }),
      source: srcCol === undefined ? null : cellText(r[srcCol]) || null,
      sourceAt: typeof at === "number" ? isoFromSerial(at) : canonicalIso(cellText(at)),
      tableRow: i,
    });
  }
  return {
    province: {
      catalogue,
      settings: cfg.settings,
      reportDateIsToday: values.reportDateIsToday === true,
      loadedFrom: info.loadedFrom,
      loadedAt: info.loadedAt,
      rows,
      previousSubmissions: readSubmissions(values.submissions ?? null),
      extraSheets: values.extras?.sheets ?? [],
      extraColumns,
      extraTaskColumns,
    },
    problems: [],
  };
}

const STATUSES: readonly string[] = Object.values(SUBMISSION_STATUS);

/** Rows of an earlier "Nộp báo cáo" sheet (unknown headers: nothing carried over). */
export function readSubmissions(sheet: unknown[][] | null): SubmissionRow[] {
  if (!sheet || sheet.length === 0) return [];
  const head = (sheet[0] ?? []).map(cellText);
  if (SUBMISSION_HEADERS.some((h, i) => head[i] !== h)) return [];
  const out: SubmissionRow[] = [];
  for (const r of sheet.slice(1)) {
    const unit = cellText(r[0]);
    const status = cellText(r[1]);
    if (unit === "" || !STATUSES.includes(status)) continue;
    const n = r[4];
    out.push({
      unit,
      status: status as SubmissionStatus,
      file: cellText(r[2]) || null,
      updatedAt: typeof r[3] === "number" ? isoFromSerial(r[3]) : canonicalIso(cellText(r[3])),
      rowsUpdated: typeof n === "number" && Number.isFinite(n) ? n : null,
      note: cellText(r[5]) || null,
    });
  }
  return out;
}

// ───────────────────────────── a unit's workbook ─────────────────────────────

export interface UnitSubmission {
  file: string;
  unit: Unit;
  catalogueId: string;
  catalogueVersion: string;
  savedAt: string | null;
  /** Own rows: task id → normalised user values (task ids as written). */
  rows: Map<string, UserValues>;
  otherUnitRows: number;
  notes: string[];
}

export type UnitRead = { ok: true; submission: UnitSubmission } | { ok: false; reason: string; unit?: Unit };

const MAX_TEXT_SAMPLE = 200_000;
const BEYOND_8_BIT = /[^\u0000-\u00ff]/;

/** Validates a unit's workbook as a whole: a reason to refuse it, or its rows. */
export function readUnitFile(input: UnitFileInput, expectedCatalogueId: string): UnitRead {
  if (input.problem || !input.values) return { ok: false, reason: input.problem ?? "Không đọc được tệp." };
  const v = input.values;
  const info = catalogueInfo(v.config);
  if (!info) {
    return {
      ok: false,
      reason: `Không phải sổ theo dõi CCHC: không có trang “${SHEETS.config}” với khối danh mục (Mã danh mục, Đơn vị của sổ).`,
    };
  }
  if (!v.assignments) {
    return {
      ok: false,
      reason: `Không phải sổ theo dõi CCHC: không có bảng “${TABLES.assignments}” (trang “${SHEETS.assignments}”).`,
    };
  }
  // Legacy encodings (TCVN3, VNI) in what people typed: the add-in writes Unicode, so cells with
  // characters beyond 8 bits are Unicode; the rest is detected together and converted, as the
  // import does.
  const texts: string[] = [];
  let size = 0;
  const hmap0 = headerMap(v.assignments.headers);
  const typedCols = ["Trạng thái", "Minh chứng", "Ghi chú", "Đơn vị"]
    .map((h) => hmap0.get(h))
    .filter((i): i is number => i !== undefined);
  const collect = (c: unknown) => {
    if (typeof c === "string" && !BEYOND_8_BIT.test(c) && size < MAX_TEXT_SAMPLE) {
      texts.push(c);
      size += c.length + 1;
    }
  };
  for (const r of v.assignments.rows) for (const i of typedCols) collect(r[i]);
  if (typeof info.unitName === "string") collect(info.unitName);
  const enc = detectLegacyEncoding(texts.join("\n"));
  const legacy: LegacyEncoding | null = enc === "unicode" ? null : enc;
  const conv = (c: unknown): unknown =>
    legacy && typeof c === "string" && !BEYOND_8_BIT.test(c) ? decodeLegacyVietnamese(c, legacy) : c;
  const notes: string[] = [];
  if (legacy) notes.push(`Đã chuyển văn bản từ bảng mã ${legacy.toUpperCase()} sang Unicode.`);

  if (info.unitName === null) {
    return {
      ok: false,
      reason: `Đây là sổ của tất cả đơn vị (sổ tỉnh), không phải sổ của một đơn vị: ô “Đơn vị của sổ” ghi “${ALL_UNITS}”.`,
    };
  }
  if (info.unitMapProblem) return { ok: false, reason: info.unitMapProblem };
  const unitName = cellText(conv(info.unitName ?? ""));
  const unit = findUnit(unitName, undefined, info.unitsAsOf);
  if (!unit) {
    return {
      ok: false,
      reason: `Ô “Đơn vị của sổ” (trang ${SHEETS.config}) ghi “${unitName}”, không phải tên một đơn vị ${info.unitsAsOf ? "từ 01/07/2025" : "năm 2024"}.`,
    };
  }
  if (info.id !== expectedCatalogueId) {
    return {
      ok: false,
      unit,
      reason: `Sổ theo dõi danh mục “${info.id}”, không phải danh mục của sổ tỉnh (“${expectedCatalogueId}”). Đơn vị cần lập sổ từ đúng danh mục rồi gửi lại.`,
    };
  }
  const map = hmap0;
  const missing = REQUIRED_UNIT_HEADERS.filter((h) => !map.has(h));
  if (missing.length > 0) {
    return {
      ok: false,
      unit,
      reason: `Bảng “${TABLES.assignments}” thiếu cột ${missing.map((h) => `“${h}”`).join(", ")} (cột đã bị đổi tên hoặc xóa). Hãy khôi phục tên cột rồi gửi lại.`,
    };
  }
  const c = (h: (typeof REQUIRED_UNIT_HEADERS)[number]) => map.get(h) as number;
  const rows = new Map<string, UserValues>();
  let otherUnitRows = 0;
  const badDates: string[] = [];
  const duplicates: string[] = [];
  v.assignments.rows.forEach((raw, i) => {
    const r = raw.map((cell, k) => (typedCols.includes(k) ? conv(cell) : cell));
    const taskId = cellText(r[c("Mã NV")]);
    const rowUnit = cellText(r[c("Đơn vị")]);
    if (taskId === "" && rowUnit === "") return;
    const ru = findUnit(rowUnit, undefined, info.unitsAsOf);
    if (!ru || ru.id !== unit.id) {
      otherUnitRows += 1;
      return;
    }
    const date = r[c("Ngày hoàn thành")];
    if (date !== null && date !== undefined && cellText(date) !== "" && parseCompletionDate(date) === null) {
      badDates.push(`dòng ${i + 2} (nhiệm vụ ${taskId}): “${cellText(date) || String(date)}”`);
      return;
    }
    if (rows.has(taskId)) {
      duplicates.push(taskId);
      return;
    }
    rows.set(
      taskId,
      normaliseUser({
        status: r[c("Trạng thái")],
        completedOn: date,
        evidence: r[c("Minh chứng")],
        note: r[c("Ghi chú")],
      }),
    );
  });
  if (badDates.length > 0) {
    return {
      ok: false,
      unit,
      reason: `Cột “Ngày hoàn thành” có ${badDates.length} ô không phải là ngày: ${badDates.slice(0, 5).join("; ")}${badDates.length > 5 ? "; …" : ""}. Hãy nhập ngày dạng dd/mm/yyyy rồi gửi lại.`,
    };
  }
  if (duplicates.length > 0) {
    return {
      ok: false,
      unit,
      reason: `Bảng “${TABLES.assignments}” có nhiệm vụ ghi hai lần cho cùng đơn vị: ${[...new Set(duplicates)].slice(0, 5).join(", ")}.`,
    };
  }
  return {
    ok: true,
    submission: {
      file: input.name,
      unit,
      catalogueId: info.id,
      catalogueVersion: info.version,
      savedAt: canonicalIso(v.savedAt) ?? canonicalIso(input.fileTime),
      rows,
      otherUnitRows,
      notes,
    },
  };
}
