/**
 * Reading .xlsx files that people send (sổ của đơn vị) in Node: a guard over the raw bytes
 * first (not a zip, encrypted, truncated, a zip bomb: the uncompressed sizes in the zip central
 * directory are checked before exceljs inflates anything), then exceljs, then plain values
 * (src/core/consolidate/types.ts: WorkbookValues). Failures are Vietnamese reasons, never throws.
 */
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { TABLES, SHEETS } from "../core/workbook/layout";
import {
  isAddinSheet,
  OWNED_ASSIGNMENT_HEADERS,
  OWNED_TASK_HEADERS,
  SUBMISSIONS_SHEET,
} from "../core/consolidate/read";
import type { WorkbookValues } from "../core/consolidate/types";
import { readExtras } from "./readExtras";
import { readValuesFast } from "./fastXlsx";

/** Largest file accepted (bytes on disk). */
export const MAX_FILE_BYTES = 50_000_000;
/** Largest total uncompressed size of the zip's entries. */
export const MAX_UNCOMPRESSED_BYTES = 200_000_000;
/** Largest compression ratio of one large entry (a 200 KB sheet of zeros packs to ~1 KB). */
export const MAX_RATIO = 1000;

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function hasUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Buffer.from(text, "utf16le");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

/** Checks the raw bytes of an .xlsx; returns a Vietnamese reason to refuse it, or null. */
export function checkXlsxBytes(bytes: Uint8Array): string | null {
  if (bytes.length > MAX_FILE_BYTES)
    return `Tệp quá lớn (${Math.round(bytes.length / 1e6)} MB; tối đa ${MAX_FILE_BYTES / 1e6} MB).`;
  if (CFB_MAGIC.every((b, i) => bytes[i] === b)) {
    return hasUtf16(bytes, "EncryptionInfo")
      ? "Tệp được đặt mật khẩu (mã hóa): hãy gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi gửi lại."
      : "Tệp theo định dạng Excel 97–2003 (.xls), không phải .xlsx: hãy mở bằng Excel, Lưu thành .xlsx rồi gửi lại.";
  }
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    return "Không phải tệp Excel .xlsx (nội dung không phải tệp nén zip của Office Open XML).";
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0)
    return "Tệp .xlsx bị hỏng hoặc bị cắt cụt (không tìm thấy mục lục của tệp nén): hãy gửi lại tệp gốc.";
  const entries = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || cdOffset === 0xffffffff)
    return "Tệp nén quá lớn (định dạng ZIP64), không phải một sổ theo dõi bình thường.";
  if (cdOffset + cdSize > eocd)
    return "Tệp .xlsx bị hỏng hoặc bị cắt cụt (mục lục tệp nén sai vị trí): hãy gửi lại tệp gốc.";
  let p = cdOffset;
  let total = 0;
  const names = new Set<string>();
  for (let k = 0; k < entries; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50)
      return "Tệp .xlsx bị hỏng (mục lục tệp nén không đọc được): hãy gửi lại tệp gốc.";
    const flags = view.getUint16(p + 8, true);
    const compressed = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = Buffer.from(bytes.buffer, bytes.byteOffset + p + 46, nameLen).toString("utf8");
    names.add(name);
    if (flags & 1) return "Tệp được đặt mật khẩu (mã hóa): hãy gỡ mật khẩu rồi gửi lại.";
    if (size === 0xffffffff || compressed === 0xffffffff)
      return "Tệp nén quá lớn (định dạng ZIP64), không phải một sổ theo dõi bình thường.";
    if (local + compressed > cdOffset)
      return "Tệp .xlsx bị hỏng hoặc bị cắt cụt (dữ liệu nén vượt quá tệp): hãy gửi lại tệp gốc.";
    total += size;
    if (total > MAX_UNCOMPRESSED_BYTES || (size > 10_000_000 && size > MAX_RATIO * Math.max(1, compressed))) {
      return `Tệp nén bất thường (“bom zip”): giải nén ra hơn ${Math.round(Math.max(total, size) / 1e6)} MB. Không đọc tệp này.`;
    }
    // The declared size may lie: inflate with a cap at the declared size before exceljs does.
    const method = view.getUint16(p + 10, true);
    const lie = declaredSizeLies(bytes, view, local, method, compressed, size);
    if (lie) return lie;
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (!names.has("[Content_Types].xml") || !names.has("xl/workbook.xml"))
    return "Tệp nén không phải sổ Excel .xlsx (thiếu xl/workbook.xml): có thể là tệp Word/ZIP đổi đuôi.";
  return null;
}

/** Worksheet parts a consolidation never needs: exceljs skips them (about half the load time). */
const IGNORED_NODES = [
  "dataValidations",
  "conditionalFormatting",
  "hyperlinks",
  "mergeCells",
  "pageSetup",
  "headerFooter",
  "printOptions",
  "pageMargins",
  "sheetPr",
  "rowBreaks",
  "drawing",
  "picture",
  "autoFilter",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "extLst",
];

const BOMB = "Tệp nén bất thường (“bom zip”: giải nén ra nhiều hơn kích thước khai báo). Không đọc tệp này.";

/** Inflates one entry with an output cap of its declared size; a reason when it does not match. */
function declaredSizeLies(
  bytes: Uint8Array,
  view: DataView,
  local: number,
  method: number,
  compressed: number,
  size: number,
): string | null {
  if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50)
    return "Tệp .xlsx bị hỏng (phần dữ liệu nén không đọc được): hãy gửi lại tệp gốc.";
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  if (start + compressed > bytes.length)
    return "Tệp .xlsx bị hỏng hoặc bị cắt cụt (dữ liệu nén vượt quá tệp): hãy gửi lại tệp gốc.";
  if (method === 0) return compressed === size ? null : BOMB;
  if (method !== 8)
    return "Tệp nén dùng kiểu nén không phải của Excel: hãy mở bằng Excel, lưu lại rồi gửi lại.";
  try {
    const out = inflateRawSync(bytes.subarray(start, start + compressed), {
      maxOutputLength: Math.max(1, size),
    });
    return out.length === size ? null : BOMB;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE"
      ? BOMB
      : "Tệp .xlsx bị hỏng (dữ liệu nén sai): hãy gửi lại tệp gốc.";
  }
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** exceljs cell value → what Excel's values API gives: numbers (dates as serials), text, booleans. */
export function plainValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH_MS) / 86400000;
  if (typeof v === "object") {
    const o = v as unknown as Record<string, unknown>;
    if ("richText" in o && Array.isArray(o.richText))
      return (o.richText as Array<{ text?: string }>).map((r) => r.text ?? "").join("");
    if ("formula" in o || "sharedFormula" in o)
      return "result" in o ? plainValue(o.result as ExcelJS.CellValue) : "";
    if ("hyperlink" in o)
      return typeof o.text === "string" ? o.text : plainValue(o.text as ExcelJS.CellValue);
    if ("error" in o) return String(o.error);
  }
  return "";
}

function rangeValues(ws: ExcelJS.Worksheet, ref: string): unknown[][] {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref.replace(/\$/g, ""));
  if (!m) return [];
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const c0 = col(m[1]);
  const c1 = col(m[3]);
  const out: unknown[][] = [];
  for (let r = Number(m[2]); r <= Number(m[4]); r++) {
    const row = ws.getRow(r);
    const vals: unknown[] = [];
    for (let c = c0; c <= c1; c++) vals.push(plainValue(row.getCell(c).value));
    out.push(vals);
  }
  return out;
}

function findTable(wb: ExcelJS.Workbook, name: string): { ws: ExcelJS.Worksheet; ref: string } | null {
  for (const ws of wb.worksheets) {
    const tables = (
      ws as unknown as {
        tables?: Record<string, { table?: { ref?: string; tableRef?: string }; ref?: string }>;
      }
    ).tables;
    for (const [k, t] of Object.entries(tables ?? {})) {
      if (k.toLowerCase() !== name.toLowerCase()) continue;
      const ref = t.table?.tableRef ?? t.table?.ref ?? t.ref;
      if (ref) return { ws, ref };
    }
  }
  return null;
}

function tableValues(wb: ExcelJS.Workbook, name: string): { headers: unknown[]; rows: unknown[][] } | null {
  const t = findTable(wb, name);
  if (!t) return null;
  const all = rangeValues(t.ws, t.ref);
  return { headers: all[0] ?? [], rows: all.slice(1) };
}

/** Does a workbook hold sheets or PhanCong columns the add-in does not own? */
function hasExtras(v: WorkbookValues): boolean {
  if (v.sheetNames.some((n) => !isAddinSheet(n, v.tasksSheet))) return true;
  const foreign = (headers: unknown[] | undefined, owned: ReadonlySet<string>) =>
    (headers ?? []).some((h) => {
      const t =
        typeof h === "string" ? h.normalize("NFC").trim() : h === null || h === undefined ? "" : String(h);
      return t !== "" && !owned.has(t);
    });
  return (
    foreign(v.assignments?.headers, OWNED_ASSIGNMENT_HEADERS) || foreign(v.tasks?.headers, OWNED_TASK_HEADERS)
  );
}

/** Parts a reviewer's own sheets need (widths, merged cells, links): read for the province only. */
const EXTRAS_NODES = new Set(["mergeCells", "cols", "hyperlinks"]);

/**
 * Bytes of an .xlsx → plain values; a Vietnamese reason when the file cannot be read.
 * `extras`: also read what the add-in does not own (the provincial workbook: ./readExtras.ts).
 */
export async function readWorkbookValues(
  bytes: Uint8Array,
  options: {
    extras?: boolean;
    /** Read with exceljs even when the fast reader could (tests compare the two). */
    exceljs?: boolean;
  } = {},
): Promise<{ values?: WorkbookValues; problem?: string }> {
  const bad = checkXlsxBytes(bytes);
  if (bad) return { problem: bad };
  // The fast reader (./fastXlsx.ts) first; exceljs when it cannot vouch for the values, or for a
  // provincial workbook holding sheets or PhanCong columns of the reviewer's own (./readExtras.ts).
  const fast = options.exceljs ? null : readValuesFast(bytes);
  if (fast && !options.extras) return { values: fast };
  if (fast && !hasExtras(fast)) return { values: { ...fast, extras: { sheets: [], assignmentColumns: [] } } };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer,
      {
        ignoreNodes: options.extras ? IGNORED_NODES.filter((n) => !EXTRAS_NODES.has(n)) : IGNORED_NODES,
      } as unknown as Parameters<typeof wb.xlsx.load>[1],
    );
  } catch (e) {
    return {
      problem: `Tệp .xlsx bị hỏng, không đọc được (${(e as Error).message.slice(0, 120)}): hãy mở bằng Excel, lưu lại rồi gửi lại.`,
    };
  }
  try {
    const config = wb.getWorksheet(SHEETS.config);
    const tiers = tableValues(wb, TABLES.tiers);
    const sub = wb.getWorksheet(SUBMISSIONS_SHEET);
    const b3 = config?.getCell("B3").value;
    const modified = wb.modified instanceof Date && !Number.isNaN(wb.modified.getTime()) ? wb.modified : null;
    return {
      values: {
        sheetNames: wb.worksheets.map((w) => w.name),
        tasksSheet: findTable(wb, TABLES.tasks)?.ws.name ?? null,
        config: config ? rangeValues(config, "A1:C45") : null,
        tiers: tiers?.rows ?? [],
        assignments: tableValues(wb, TABLES.assignments),
        tasks: tableValues(wb, TABLES.tasks),
        submissions: sub ? rangeValues(sub, `A1:F${Math.max(1, sub.rowCount)}`) : null,
        reportDateIsToday:
          typeof b3 === "object" && b3 !== null && "formula" in b3 && /TODAY\(\)/i.test(String(b3.formula)),
        savedAt: modified ? modified.toISOString() : null,
        ...(options.extras ? { extras: readExtras(wb) } : {}),
      },
    };
  } catch (e) {
    return { problem: `Tệp .xlsx có nội dung không đọc được (${(e as Error).message.slice(0, 120)}).` };
  }
}
