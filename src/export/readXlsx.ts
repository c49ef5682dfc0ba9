/**
 * Reading .xlsx files that people send (sổ của đơn vị) in Node: a guard over the raw bytes
 * first (not a zip, encrypted, truncated, a zip bomb: the uncompressed sizes in the zip central
 * directory are checked before anything is inflated), then the core reader (exceljs as the
 * fallback and for the reviewer's own parts), then plain values
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
import { checkXlsxBytes as checkZipBytes, type CappedInflate } from "../core/consolidate/zip";
import { readXlsxValues } from "../core/consolidate/xlsxValues";
import type { WorkbookValues } from "../core/consolidate/types";
import { readExtras } from "./readExtras";

export { MAX_FILE_BYTES, MAX_UNCOMPRESSED_BYTES, MAX_RATIO } from "../core/consolidate/zip";

/** zlib's raw inflate with an output cap (the core's zip guard calls it for every entry). */
export const zlibInflate: CappedInflate = (data, cap) => {
  try {
    return inflateRawSync(data, { maxOutputLength: cap });
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" ? "overflow" : "corrupt";
  }
};

/** Checks the raw bytes of an .xlsx; returns a Vietnamese reason to refuse it, or null. */
export function checkXlsxBytes(bytes: Uint8Array): string | null {
  return checkZipBytes(bytes, zlibInflate);
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
  // The core's reader (the pane's too: core/consolidate/xlsxValues.ts) first; exceljs when it
  // cannot vouch for the values (a 1904-date workbook: exceljs converts its dates by their
  // formats) or cannot read a part (exceljs's reason is then the one given), and for a provincial
  // workbook holding sheets or PhanCong columns of the reviewer's own (./readExtras.ts).
  const read = options.exceljs ? null : readXlsxValues(bytes, { inflate: zlibInflate });
  const fast = read?.values ?? null;
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
