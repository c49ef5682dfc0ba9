/**
 * Reading the arguments Excel passes to a custom function.
 *
 * What arrives (parameters of type `any`): numbers (dates are serials), strings, booleans;
 * `null` (or undefined) for an omitted optional argument; "" (or null) for an empty cell; a
 * 2-D array for a range (`any[][]`). Error cells normally never arrive (without
 * `allowErrorForDataTypeAny` Excel returns the error without calling the function), but if one
 * does — as a CustomFunctions.Error-like `{ code: "#N/A" }` or an Excel.CellValue
 * `{ type: "Error" }` — it is reported, never computed with. Data-type values
 * (`{ type, basicValue }`, possible because the generated metadata sets
 * allowCustomDataForDataTypeAny) are read through their basic value.
 */
import {
  fromExcelSerial,
  isoFromDate,
  MAX_EXCEL_SERIAL,
  parseDeadline,
  parseIsoDate,
  parseStatus,
  DEFAULT_PLAN_YEAR,
} from "./core";
import { valueError } from "./errors";

/** The plan year assumed for deadlines written without a year. */
export { DEFAULT_PLAN_YEAR };
/** Excel on the web reads at most 5 million cells per request. */
export const MAX_RANGE_CELLS = 5_000_000;

export type Scalar = string | number | boolean | Date | null;

/** The Excel error code of an error-like value, else null. */
export function errorCodeOf(v: unknown): string | null {
  if (v === null || typeof v !== "object" || Array.isArray(v) || v instanceof Date) return null;
  const o = v as Record<string, unknown>;
  if (typeof o.code === "string" && o.code.startsWith("#")) return o.code;
  if (o.type === "Error" || o.basicType === "Error") {
    if (typeof o.basicValue === "string" && o.basicValue.startsWith("#")) return o.basicValue;
    return typeof o.errorType === "string" ? `#${o.errorType}` : "#VALUE!";
  }
  if (v instanceof Error) return "#VALUE!";
  return null;
}

/** "" for text, "TRUE" for booleans…: a value quoted in a message. */
export function quote(v: unknown): string {
  const s = typeof v === "string" ? v.replace(/\s+/g, " ").trim() : String(v);
  return `“${s.length > 40 ? s.slice(0, 40) + "…" : s}”`;
}

/** One cell value, with data types unwrapped. `where` names the argument/cell in messages. */
export function readCell(v: unknown, where: string): Scalar {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  if (Array.isArray(v)) throw valueError(`${where}: cần một ô, không phải một vùng nhiều ô.`);
  const code = errorCodeOf(v);
  if (code) throw valueError(`${where} đang có lỗi ${code}; hãy sửa ô đó trước.`);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    const basic = o.basicValue;
    if (typeof basic === "string" || typeof basic === "number" || typeof basic === "boolean") return basic;
    if (typeof o.text === "string") return o.text;
  }
  throw valueError(`${where}: kiểu dữ liệu không hỗ trợ.`);
}

export function isBlank(v: Scalar): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

/** A range argument → rows. A single value becomes a 1×1 range; omitted → null. */
export function readRange(v: unknown, label: string): unknown[][] | null {
  if (v === null || v === undefined) return null;
  if (!Array.isArray(v)) return [[v]];
  if (v.length === 0) return [];
  // Array.from fills holes with undefined (Array.prototype.every skips them).
  const list = Array.from(v as unknown[]);
  const rows: unknown[][] = list.every((r) => Array.isArray(r))
    ? list.map((r) => Array.from(r as unknown[]))
    : list.map((c) => [c]);
  const width = rows[0].length;
  if (rows.some((r) => r.length !== width))
    throw valueError(`${label}: các dòng của vùng không cùng số cột.`);
  if (rows.length * width > MAX_RANGE_CELLS) {
    throw valueError(`${label}: vùng quá lớn (${rows.length * width} ô; tối đa ${MAX_RANGE_CELLS}).`);
  }
  return rows;
}

export interface Column {
  values: unknown[];
  /** "dòng 3", "cột 3" or "ô thứ 3" of the i-th value (0-based). */
  where(i: number): string;
  shape: string;
}

/** A range read as one list of cells (row by row). */
export function readColumn(v: unknown, label: string, required = true): Column | null {
  const rows = readRange(v, label);
  if (rows === null) {
    if (required) throw valueError(`Thiếu ${label.charAt(0).toLowerCase()}${label.slice(1)}.`);
    return null;
  }
  const height = rows.length;
  const width = height === 0 ? 0 : rows[0].length;
  const values = width === 1 ? rows.map((r) => r[0]) : rows.flat();
  const where =
    width === 1
      ? (i: number) => `${label}, dòng ${i + 1}`
      : height === 1
        ? (i: number) => `${label}, cột ${i + 1}`
        : (i: number) => `${label}, ô thứ ${i + 1}`;
  return { values, where, shape: `${height}×${width}` };
}

/** Throws unless the columns hold the same number of cells. */
export function requireSameLength(columns: Array<[Column | null, string]>): void {
  const present = columns.filter((c): c is [Column, string] => c[0] !== null);
  const [first, firstLabel] = present[0];
  for (const [col, label] of present.slice(1)) {
    if (col.values.length !== first.values.length) {
      throw valueError(
        `Các vùng phải dài bằng nhau: ${firstLabel} có ${first.values.length} ô (${first.shape}), ${label} có ${col.values.length} ô (${col.shape}).`,
      );
    }
  }
}

/** A number: numbers, or text such as "2024", "0,8", "86,45%" (percent → fraction when allowed). */
export function readNumber(
  v: unknown,
  label: string,
  options: { percent?: boolean; min?: number; max?: number; integer?: boolean } = {},
): number | null {
  const cell = readCell(v, label);
  if (isBlank(cell)) return null;
  let n: number;
  if (typeof cell === "number") n = cell;
  else if (typeof cell === "string") {
    const m = /^\s*([+-]?\d+(?:[.,]\d+)?)\s*(%?)\s*$/.exec(cell);
    if (!m || (m[2] === "%" && !options.percent))
      throw valueError(`${label} phải là một số, không phải ${quote(cell)}.`);
    n = Number(m[1].replace(",", "."));
    if (m[2] === "%") n /= 100;
  } else if (typeof cell === "boolean") {
    throw valueError(`${label} phải là một số, không phải ${cell ? "TRUE" : "FALSE"}.`);
  } else {
    throw valueError(`${label} phải là một số.`);
  }
  if (!Number.isFinite(n)) throw valueError(`${label} phải là một số hữu hạn, không phải ${String(n)}.`);
  if (options.min !== undefined && n < options.min) {
    throw valueError(
      options.min === 0
        ? `${label} không được âm (${String(n)}).`
        : `${label} phải từ ${options.min} trở lên.`,
    );
  }
  if (options.max !== undefined && n > options.max)
    throw valueError(`${label} phải từ ${options.min ?? 0} đến ${options.max}.`);
  if (options.integer && !Number.isInteger(n))
    throw valueError(`${label} phải là số nguyên, không phải ${String(n)}.`);
  return n;
}

/** "86,45": a number as Vietnamese write it. */
function viNumber(n: number): string {
  return String(n).replace(".", ",");
}

/** A rate 0..1; also "86,45%". A plain number above 1 gets a hint that it looks like a percentage. */
export function readRate(v: unknown, label: string): number | null {
  const n = readNumber(v, label, { percent: true, min: 0 });
  if (n !== null && n > 1) {
    const looksLikePercent = typeof v === "number" && n <= 100;
    throw valueError(
      `${label} phải từ 0 đến 1 (0% đến 100%), không phải ${looksLikePercent ? viNumber(n) : `${viNumber(n * 100)}%`}${
        looksLikePercent ? `; nếu là phần trăm, hãy ghi ${viNumber(n)}% hoặc ${viNumber(n / 100)}` : ""
      }.`,
    );
  }
  return n;
}

function serialToIso(n: number, label: string): string {
  if (!Number.isFinite(n)) throw valueError(`${label}: ${String(n)} không phải là một ngày.`);
  if (n < 0) throw valueError(`${label}: số âm (${String(n)}) không phải là một ngày.`);
  if (n < 1) throw valueError(`${label}: ngày trước năm 1900 — Excel chỉ có ngày từ 01/01/1900.`);
  if (n >= MAX_EXCEL_SERIAL + 1)
    throw valueError(`${label}: ${String(n)} vượt quá ngày lớn nhất của Excel (31/12/9999).`);
  return fromExcelSerial(n);
}

const STRICT_DMY = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/;
const STRICT_YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * A calendar date ("YYYY-MM-DD"): a serial, a Date, or text such as "31/12/2024" (read like
 * parseDeadline, which must give one day). Blank → null.
 */
export function readDate(v: unknown, label: string): string | null {
  const cell = readCell(v, label);
  if (isBlank(cell)) return null;
  if (typeof cell === "number") return serialToIso(cell, label);
  if (typeof cell === "boolean")
    throw valueError(`${label} phải là một ngày, không phải ${cell ? "TRUE" : "FALSE"}.`);
  if (cell instanceof Date) {
    const iso = isoFromDate(cell);
    if (!iso) throw valueError(`${label}: ngày không hợp lệ.`);
    return iso;
  }
  const text = (cell as string).trim();
  const dmy = STRICT_DMY.exec(text);
  const ymd = STRICT_YMD.exec(text);
  if (dmy || ymd) {
    const [y, m, d] = dmy ? [dmy[3], dmy[2], dmy[1]] : [ymd![1], ymd![2], ymd![3]];
    const year = Number(y);
    if (year < 1900)
      throw valueError(`${label}: ngày trước năm 1900 (${text}) — Excel chỉ có ngày từ 01/01/1900.`);
    const iso = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
    if (!parseIsoDate(iso)) throw valueError(`${label}: ngày ${quote(text)} không tồn tại.`);
    return iso;
  }
  const parsed = parseDeadline(text, DEFAULT_PLAN_YEAR);
  if (parsed.kind === "date" && parsed.due) return parsed.due;
  throw valueError(`${label}: không hiểu ngày ${quote(text)}. Hãy nhập một ngày, ví dụ 31/12/2024.`);
}

/**
 * A deadline (thời hạn) as written in a plan or as a date → its due date, or null when there is
 * no fixed deadline. Recurring deadlines are due on 31/12 of the plan year.
 */
export function readDue(v: unknown, label: string, planYear = DEFAULT_PLAN_YEAR): string | null {
  const cell = readCell(v, label);
  if (isBlank(cell)) return null;
  if (typeof cell === "number") return serialToIso(cell, label);
  if (typeof cell === "boolean") {
    throw valueError(
      `${label} phải là chữ (như “Quý IV/2024”) hoặc một ngày, không phải ${cell ? "TRUE" : "FALSE"}.`,
    );
  }
  const parsed = parseDeadline(cell, planYear);
  if (parsed.problem) throw valueError(`${label}: ${parsed.problem}`);
  return parsed.due;
}

/** Trạng thái → done? Blank → not done; text that parseStatus cannot read → #VALUE!. */
export function readDone(v: unknown, label: string): boolean {
  const cell = readCell(v, label);
  if (isBlank(cell)) return false;
  if (cell instanceof Date)
    throw valueError(`${label}: cần một trạng thái (như “Đã hoàn thành”), không phải một ngày.`);
  const status = parseStatus(cell);
  if (status === null) {
    throw valueError(
      `${label}: không hiểu trạng thái ${quote(cell)}. Hãy ghi “Đã hoàn thành”, “Đang thực hiện”, “Chưa thực hiện” hoặc TRUE/FALSE.`,
    );
  }
  return status === "done";
}

/** A text argument (unit names…): numbers become their text; booleans and dates are refused. */
export function readText(v: unknown, label: string): string | null {
  const cell = readCell(v, label);
  if (isBlank(cell)) return null;
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) throw valueError(`${label} phải là chữ, không phải ${String(cell)}.`);
    return String(cell);
  }
  throw valueError(
    `${label} phải là chữ, không phải ${typeof cell === "boolean" ? (cell ? "TRUE" : "FALSE") : "một ngày"}.`,
  );
}

/** Text written to a result cell: no control characters, at most Excel's 32,767 characters. */
export function outputText(text: string): string {
  const s = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
  return s.length > 32_767 ? s.slice(0, 32_766) + "…" : s;
}
