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
import { CONFIG_ROWS } from "../workbook/sheets";
import { ALL_UNITS, SHEETS, TABLES } from "../workbook/layout";
import { parseCompletionDate, userCellsFromProgress } from "../workbook/model";
import type { TrackerSettings } from "../workbook/evaluate";
import {
  SUBMISSION_STATUS,
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
}

/** The catalogue block of Cấu hình (rows 22..31), or null when the labels are not there. */
export function catalogueInfo(config: unknown[][] | null): CatalogueInfo | null {
  if (!config) return null;
  const row = (k: number) => config[CONFIG_ROWS.catalogueFirst + k - 1] ?? [];
  if (cellText(row(0)[0]) !== "Mã danh mục" || cellText(row(9)[0]) !== "Đơn vị của sổ") return null;
  const v = (k: number) => cellText(row(k)[1]);
  const unitCell = v(9);
  const year = Number(v(6));
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
  /** Index of the row among the PhanCong data rows it was read from (the pane writes back there). */
  tableRow?: number;
}

export interface ProvinceWorkbook {
  catalogue: Catalogue;
  settings: TrackerSettings;
  reportDateIsToday: boolean;
  loadedFrom: string;
  loadedAt: string;
  rows: ProvinceRow[];
  previousSubmissions: SubmissionRow[];
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

function unitOfCell(name: string): { unit: string; unitId: string | null } {
  const u = findUnit(name);
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
  const cfgBlock = (values.config ?? []).slice(CONFIG_ROWS.reportDate - 1, CONFIG_ROWS.catalogueFirst + 9);
  const cfg = readConfig(cfgBlock, values.tiers ?? []);
  problems.push(...cfg.problems.map((p) => `Sổ tỉnh: ${p}`));
  if (!values.tasks) problems.push(`Sổ tỉnh không có bảng “${TABLES.tasks}”.`);
  if (!values.assignments) problems.push(`Sổ tỉnh không có bảng “${TABLES.assignments}”.`);
  if (problems.length > 0 || !values.tasks || !values.assignments || !cfg.settings) return { problems };

  const tmap = tableRows(values.tasks, Object.values(TASK_HEADERS), TABLES.tasks, problems);
  const amap = tableRows(
    values.assignments,
    ["Mã NV", "Đơn vị", "Vai trò", "Trạng thái", "Ngày hoàn thành", "Minh chứng", "Ghi chú"],
    TABLES.assignments,
    problems,
  );
  if (!tmap || !amap) return { problems: problems.map((p) => `Sổ tỉnh: ${p}`) };
  const planYear = info.planYear ?? 2024;
  const tasks: CatalogueTask[] = [];
  const seen = new Set<string>();
  for (const r of values.tasks.rows) {
    const get = (k: keyof typeof TASK_HEADERS) => r[tmap.get(TASK_HEADERS[k]) as number];
    const id = cellText(get("id"));
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
    ...(info.version ? { version: info.version } : {}),
    source: { document: info.document, official: info.official, ...(info.note ? { note: info.note } : {}) },
    tasks,
  };
  const col = (h: string) => amap.get(h);
  const srcCol = col(PROVENANCE_HEADERS.source);
  const atCol = col(PROVENANCE_HEADERS.at);
  const rows: ProvinceRow[] = [];
  for (const [tableRow, r] of values.assignments.rows.entries()) {
    const taskId = cellText(r[col("Mã NV") as number]);
    const unitName = cellText(r[col("Đơn vị") as number]);
    if (taskId === "" && unitName === "") continue;
    const at = atCol === undefined ? null : r[atCol];
    rows.push({
      taskId,
      ...unitOfCell(unitName),
      role: cellText(r[col("Vai trò") as number]),
      values: normaliseUser({
        status: r[col("Trạng thái") as number],
        completedOn: r[col("Ngày hoàn thành") as number],
        evidence: r[col("Minh chứng") as number],
        note: r[col("Ghi chú") as number],
      }),
      source: srcCol === undefined ? null : cellText(r[srcCol]) || null,
      sourceAt: typeof at === "number" ? isoFromSerial(at) : canonicalIso(cellText(at)),
      tableRow,
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
  const unitName = cellText(conv(info.unitName ?? ""));
  const unit = findUnit(unitName);
  if (!unit) {
    return {
      ok: false,
      reason: `Ô “Đơn vị của sổ” (trang ${SHEETS.config}) ghi “${unitName}”, không phải tên một đơn vị năm 2024.`,
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
    const ru = findUnit(rowUnit);
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
