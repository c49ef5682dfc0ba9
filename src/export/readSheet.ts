/**
 * The cell values of one sheet of an .xlsx file, as the task pane reads them from Excel
 * (`range.values`): numbers, text, booleans, dates as Excel serials, formulas as their cached
 * result, merged cells empty except their top-left cell. Used by `--catalogue file.xlsx#Sheet`.
 */
import { promises as fs } from "node:fs";
import ExcelJS from "exceljs";

/** Larger files are refused before unzipping (a plan appendix is a few hundred KB). */
export const MAX_XLSX_BYTES = 20_000_000;
/** Cells read at most (as the pane: `MAX_IMPORT_CELLS`). */
export const MAX_SHEET_CELLS = 200_000;

export class SheetReadError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(" "));
    this.name = "SheetReadError";
  }
}

/** "plan.xlsx#Phụ lục" → file and sheet; "plan.xlsx" → no sheet (the first one). */
export function splitSheetSpec(spec: string): { file: string; sheet?: string } {
  const m = /^(.*?\.xlsx)#(.*)$/is.exec(spec);
  if (!m) return { file: spec };
  return m[2].trim() === "" ? { file: m[1] } : { file: m[1], sheet: m[2].trim() };
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function dateSerial(d: Date): number | string {
  const t = d.getTime();
  if (Number.isNaN(t)) return "";
  const serial = (t - EXCEL_EPOCH) / 86_400_000;
  return Math.round(serial * 86_400) / 86_400;
}

/** One exceljs cell value → what Excel's `range.values` holds. */
export function plainValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateSerial(v);
  if (typeof v === "object") {
    const o = v as unknown as Record<string, unknown>;
    if (Array.isArray(o.richText))
      return (o.richText as Array<{ text?: unknown }>).map((p) => String(p.text ?? "")).join("");
    if ("formula" in o || "sharedFormula" in o)
      return o.result === undefined ? "" : plainValue(o.result as ExcelJS.CellValue);
    if ("error" in o) return String(o.error);
    if ("text" in o) return plainValue(o.text as ExcelJS.CellValue);
  }
  return "";
}

/** Reads the sheet (by name, any case; else the first worksheet) into rows of plain values. */
export async function readXlsxSheet(
  file: string,
  sheet?: string,
): Promise<{ sheet: string; rows: unknown[][] }> {
  const stat = await fs.stat(file).catch(() => null);
  if (!stat || !stat.isFile()) throw new SheetReadError([`Không tìm thấy tệp danh mục “${file}”.`]);
  if (stat.size > MAX_XLSX_BYTES)
    throw new SheetReadError([
      `Tệp “${file}” quá lớn (${Math.round(stat.size / 1e6)} MB; tối đa ${MAX_XLSX_BYTES / 1e6} MB).`,
    ]);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    throw new SheetReadError([
      `Không đọc được “${file}” như một tệp Excel .xlsx (${(e as Error).message.slice(0, 120)}). ` +
        "Hãy mở tệp bằng Excel, lưu lại dạng “Excel Workbook (*.xlsx)” rồi thử lại.",
    ]);
  }
  const names = wb.worksheets.map((w) => w.name);
  const ws = sheet
    ? wb.worksheets.find(
        (w) => w.name.normalize("NFC").toLowerCase() === sheet.normalize("NFC").toLowerCase(),
      )
    : wb.worksheets[0];
  if (!ws) {
    throw new SheetReadError([
      sheet
        ? `Tệp “${file}” không có trang “${sheet}”. Các trang: ${names.map((n) => `“${n}”`).join(", ")}. Ghi tên trang sau dấu #, ví dụ “${file}#${names[0] ?? "Sheet1"}”.`
        : `Tệp “${file}” không có trang tính nào.`,
    ]);
  }
  const width = ws.columnCount;
  const height = ws.rowCount;
  if (width * height > MAX_SHEET_CELLS) {
    throw new SheetReadError([
      `Trang “${ws.name}” quá lớn (${height} dòng × ${width} cột; tối đa ${MAX_SHEET_CELLS.toLocaleString("vi-VN")} ô). ` +
        "Hãy chép riêng bảng nhiệm vụ sang một trang rồi thử lại.",
    ]);
  }
  const rows: unknown[][] = [];
  for (let r = 1; r <= height; r++) {
    const row = ws.getRow(r);
    const out: unknown[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      // A merged area holds its value in its top-left cell only, as Excel reports it.
      out.push(cell.isMerged && cell.master.address !== cell.address ? "" : plainValue(cell.value));
    }
    rows.push(out);
  }
  return { sheet: ws.name, rows };
}
