/**
 * The one reader of tracker cell values (đọc giá trị ô): what a cell of the workbook holds, read
 * the way the workbook's formulas read it. Every consumer (the actions, the merge, Cấu hình, the
 * deadline parser) reads dates, text, statuses and units through here, so a pasted value the
 * formulas cannot use is reported once, the same way, and never blocks an action.
 *
 * - A date cell is a date only when it holds an Excel serial in 1..MAX_EXCEL_SERIAL (01/01/1900 –
 *   31/12/9999), as ISNUMBER() sees it; any other non-empty value is a problem (the formulas
 *   treat the cell as "no date").
 * - A text cell is NFC, trimmed; empty → "".
 * - A Trạng thái cell is kept exactly as typed (the formulas compare it exactly, with Excel's
 *   case-insensitive "="); empty → null.
 * - A unit cell is kept exactly as typed (COUNTIFS compares it exactly, case-insensitively).
 */
import { fromExcelSerial, isoFromDate, MAX_EXCEL_SERIAL } from "../dates/isoDate";

/** A cell the formulas cannot read as intended, with where it is and what to do. */
export interface CellIssue {
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  /** Column header. */
  column: string;
  value: unknown;
  /** What is wrong and what to do (Vietnamese). */
  message: string;
}

export function cellValueText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "Invalid Date" : v.toISOString().slice(0, 10);
  const s = String(v);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}

/** “Trang “Phân công”, dòng 5, cột “Ngày hoàn thành” (giá trị 99999999): …” */
export function formatCellIssue(i: CellIssue): string {
  return `Trang “${i.sheet}”, dòng ${i.row}, cột “${i.column}” (giá trị ${cellValueText(i.value)}): ${i.message}`;
}

export const BAD_DATE_MESSAGE =
  "không phải một ngày Excel hợp lệ (01/01/1900–31/12/9999), nên công thức coi như ô trống. " +
  "Hãy nhập lại ngày dạng dd/mm/yyyy hoặc xóa ô; các ô khác vẫn được xử lý.";

/**
 * A date cell as the formulas see it: a serial in range → "YYYY-MM-DD"; empty → null; anything
 * else → null with a problem (Vietnamese, what to do).
 */
export function readDateCell(v: unknown): { iso: string | null; problem: string | null } {
  if (v === null || v === undefined || v === "") return { iso: null, problem: null };
  if (typeof v === "number") {
    if (Number.isFinite(v) && v >= 1 && v < MAX_EXCEL_SERIAL + 1)
      return { iso: fromExcelSerial(v), problem: null };
    return { iso: null, problem: BAD_DATE_MESSAGE };
  }
  if (v instanceof Date) {
    const iso = isoFromDate(v);
    return iso && iso >= "1900-01-01" ? { iso, problem: null } : { iso: null, problem: BAD_DATE_MESSAGE };
  }
  if (typeof v === "string" && v.trim() === "") return { iso: null, problem: null };
  return {
    iso: null,
    problem:
      "ô ngày đang chứa chữ, không phải ngày, nên công thức coi như ô trống. " +
      "Hãy nhập lại ngày dạng dd/mm/yyyy (Excel sẽ căn phải ô) hoặc xóa ô.",
  };
}

/** A text cell: NFC, trimmed; empty/null → "". */
export function readTextCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  return String(v).normalize("NFC").trim();
}

/** A Trạng thái cell, exactly as typed (the formulas compare it exactly); empty → null. */
export function readStatusCell(v: unknown): string | null {
  if (v === null || v === undefined || v === "") return null;
  return typeof v === "string" ? v : String(v);
}

/** A unit (Đơn vị) cell, exactly as typed (COUNTIFS compares it exactly); null → "". */
export function readUnitCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  return typeof v === "string" ? v : String(v);
}
