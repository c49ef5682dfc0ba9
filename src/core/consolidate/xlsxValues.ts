/**
 * Bytes of an .xlsx → the plain values a consolidation reads (WorkbookValues), without exceljs:
 * the pane reads unit files in the browser with this (in a lazily loaded chunk), the headless
 * command keeps exceljs (src/export/readXlsx.ts); both give the same values (tested on the
 * exporter's workbooks, edited by exceljs and saved by LibreOffice). Every entry is inflated with
 * a cap at its declared size (zip.ts), so a corrupt part anywhere refuses the file whole; only the
 * parts needed are parsed (workbook, relationships, shared strings, tables, the sheets holding
 * the tables, Cấu hình, Nộp báo cáo, docProps/core.xml). The XML
 * is SpreadsheetML as Excel, LibreOffice and exceljs write it, read with a few regular
 * expressions: cells (shared, inline, formula results, booleans, errors), rich text runs.
 */
import { TABLES, SHEETS } from "../workbook/layout";
import { SUBMISSIONS_SHEET } from "./read";
import type { WorkbookValues } from "./types";
import { decodeUtf8, fflateInflate, inflateEntry, scanZip, type CappedInflate, type ZipEntry } from "./zip";

const ENTITY: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** XML text → string (entities, numeric references, OOXML's _xHHHH_ escapes). */
export function xmlText(s: string): string {
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (m, e: string) => {
      if (e[0] !== "#") return ENTITY[e] ?? m;
      const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? xmlText(m[2] ?? m[3] ?? "") : null;
}

/** Text of the <t> elements of a string item (rich text runs joined; phonetic runs skipped). */
function runsText(xml: string): string {
  const body = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let out = "";
  for (const m of body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g))
    out += xmlText(m[1] ?? "");
  return out;
}

function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  for (const m of xml.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\b[^>]*\/>/g)) out.push(runsText(m[1] ?? ""));
  return out;
}

const colIndex = (letters: string): number =>
  [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

interface SheetCells {
  /** row (0-based) → column (0-based) → value. */
  cells: Map<number, Map<number, unknown>>;
  formulas: Map<string, string>;
  lastRow: number;
}

/** The cells of a worksheet part: values as Excel's values API gives them. */
function sheetCells(xml: string, strings: readonly string[]): SheetCells {
  const cells = new Map<number, Map<number, unknown>>();
  const formulas = new Map<string, string>();
  let lastRow = -1;
  const data = /<sheetData\b[^>]*>([\s\S]*?)<\/sheetData>/.exec(xml)?.[1] ?? "";
  let nextRow = 0;
  for (const rm of data.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const rAttr = attr(rm[1], "r");
    const row = rAttr ? Number(rAttr) - 1 : nextRow;
    nextRow = row + 1;
    let nextCol = 0;
    const rowMap = new Map<number, unknown>();
    for (const cm of (rm[2] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const a = cm[1];
      const ref = attr(a, "r");
      const refM = ref ? /^\$?([A-Za-z]+)\$?(\d+)$/.exec(ref) : null;
      const col = refM ? colIndex(refM[1]) : nextCol;
      nextCol = col + 1;
      const inner = cm[2] ?? "";
      const t = attr(a, "t") ?? "n";
      const f = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(inner);
      if (f) formulas.set(`${row},${col}`, xmlText(f[1]));
      const vm = /<v\b[^>]*>([\s\S]*?)<\/v>/.exec(inner);
      const v = vm ? xmlText(vm[1]) : null;
      let value: unknown = "";
      if (t === "inlineStr") value = runsText(/<is\b[^>]*>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? "");
      else if (v === null) value = "";
      else if (t === "s") value = strings[Number(v)] ?? "";
      else if (t === "str" || t === "e") value = v;
      else if (t === "b") value = v === "1" || v.toLowerCase() === "true";
      else if (t === "d") {
        const ms = Date.parse(v);
        value = Number.isFinite(ms) ? ms / 86400000 + 25569 : v;
      } else {
        const n = Number(v);
        value = v.trim() !== "" && Number.isFinite(n) ? n : v;
      }
      if (value !== "") rowMap.set(col, value);
    }
    if (rowMap.size > 0) {
      cells.set(row, rowMap);
      lastRow = Math.max(lastRow, row);
    }
  }
  return { cells, formulas, lastRow };
}

function rangeOf(s: SheetCells, ref: string): unknown[][] {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return [];
  const c0 = colIndex(m[1]);
  const r0 = Number(m[2]) - 1;
  const c1 = colIndex(m[3] ?? m[1]);
  const r1 = Number(m[4] ?? m[2]) - 1;
  const out: unknown[][] = [];
  for (let r = r0; r <= r1; r++) {
    const row = s.cells.get(r);
    const vals: unknown[] = [];
    for (let c = c0; c <= c1; c++) vals.push(row?.get(c) ?? "");
    out.push(vals);
  }
  return out;
}

/** Resolves a relationship target against the folder of the part that points to it. */
function resolvePart(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

function rels(xml: string | null, from: string): Array<{ id: string; type: string; target: string }> {
  if (!xml) return [];
  return [...xml.matchAll(/<Relationship\b([^>]*?)\/?>/g)]
    .map((m) => ({
      id: attr(m[1], "Id") ?? "",
      type: attr(m[1], "Type") ?? "",
      target: attr(m[1], "Target") ?? "",
      external: attr(m[1], "TargetMode") === "External",
    }))
    .filter((r) => !r.external)
    .map((r) => ({ id: r.id, type: r.type, target: resolvePart(from, r.target) }));
}

const relsPath = (part: string): string => {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
};

class Parts {
  private readonly inflated = new Map<string, Uint8Array>();
  /** Every entry inflated with its cap (a corrupt part anywhere refuses the whole file). */
  constructor(bytes: Uint8Array, entries: ZipEntry[], inflate: CappedInflate) {
    for (const e of entries) {
      const out = inflateEntry(bytes, e, inflate);
      if ("problem" in out) throw new PartProblem(out.problem);
      this.inflated.set(e.name, out);
    }
  }
  /** A part's text; null when absent. */
  text(name: string): string | null {
    const b = this.inflated.get(name);
    return b ? decodeUtf8(b) : null;
  }
}

class PartProblem extends Error {}

/**
 * A workbook saved with the 1904 date system (Excel for Mac's old default): its date serials are
 * 1,462 days off and only the cell formats say which numbers are dates — refused here rather than
 * read wrong (headless falls back to exceljs, which converts them by their formats).
 */
export const UNSUPPORTED_1904 =
  "Tệp dùng hệ ngày 1904 (Excel cho Mac), nên ngày tháng trong tệp không đọc đúng được ở đây: hãy tổng hợp tệp này bằng lệnh npm run consolidate, hoặc nhờ đơn vị nhập lại vào sổ theo dõi do phần bổ trợ tạo.";

/** Bytes of an .xlsx → plain values; a Vietnamese reason when the file cannot be read. */
export function readXlsxValues(
  bytes: Uint8Array,
  options: { inflate?: CappedInflate } = {},
): { values?: WorkbookValues; problem?: string } {
  const scan = scanZip(bytes);
  if ("problem" in scan) return { problem: scan.problem };
  try {
    return { values: readParts(new Parts(bytes, scan.entries, options.inflate ?? fflateInflate)) };
  } catch (e) {
    if (e instanceof PartProblem) return { problem: e.message };
    return {
      problem: `Tệp .xlsx có nội dung không đọc được (${String((e as Error)?.message ?? e).slice(0, 120)}): hãy mở bằng Excel, lưu lại rồi gửi lại.`,
    };
  }
}

function readParts(parts: Parts): WorkbookValues {
  const wbPart = "xl/workbook.xml";
  const wbXml = parts.text(wbPart) ?? "";
  if (/<workbookPr\b[^>]*\sdate1904\s*=\s*["'](1|true)["']/.test(wbXml))
    throw new PartProblem(UNSUPPORTED_1904);
  const wbRels = rels(parts.text(relsPath(wbPart)), wbPart);
  const sheets = [...wbXml.matchAll(/<sheet\b([^>]*?)\/?>/g)].map((m) => {
    const id = attr(m[1], "r:id") ?? attr(m[1], "[A-Za-z0-9]+:id") ?? "";
    return { name: attr(m[1], "name") ?? "", part: wbRels.find((r) => r.id === id)?.target ?? "" };
  });
  const ssRel = wbRels.find((r) => /\/sharedStrings$/.test(r.type));
  const strings = sharedStrings(parts.text(ssRel?.target ?? "xl/sharedStrings.xml"));

  // Tables: name → (sheet part, ref).
  const tables = new Map<string, { part: string; ref: string }>();
  for (const s of sheets) {
    if (!s.part) continue;
    for (const r of rels(parts.text(relsPath(s.part)), s.part)) {
      if (!/\/table$/.test(r.type)) continue;
      const xml = parts.text(r.target);
      const head = xml ? /<table\b([^>]*)>/.exec(xml) : null;
      if (!head) continue;
      const name = attr(head[1], "displayName") ?? attr(head[1], "name") ?? "";
      const ref = attr(head[1], "ref");
      if (name && ref && !tables.has(name.toLowerCase()))
        tables.set(name.toLowerCase(), { part: s.part, ref });
    }
  }
  const cache = new Map<string, SheetCells>();
  const cellsOf = (part: string): SheetCells => {
    let c = cache.get(part);
    if (!c) {
      c = sheetCells(parts.text(part) ?? "", strings);
      cache.set(part, c);
    }
    return c;
  };
  const table = (name: string): { headers: unknown[]; rows: unknown[][] } | null => {
    const t = tables.get(name.toLowerCase());
    if (!t) return null;
    const all = rangeOf(cellsOf(t.part), t.ref);
    return { headers: all[0] ?? [], rows: all.slice(1) };
  };
  const sheetPart = (name: string) => sheets.find((s) => s.name === name)?.part || null;
  const configPart = sheetPart(SHEETS.config);
  const config = configPart ? cellsOf(configPart) : null;
  const subPart = sheetPart(SUBMISSIONS_SHEET);
  const sub = subPart ? cellsOf(subPart) : null;
  const b3 = config?.formulas.get("2,1") ?? "";
  const core = parts.text("docProps/core.xml");
  const modified = core ? /<dcterms:modified\b[^>]*>([^<]*)<\/dcterms:modified>/.exec(core)?.[1] : undefined;
  const ms = modified ? Date.parse(modified.trim()) : NaN;
  return {
    sheetNames: sheets.map((s) => s.name),
    tasksSheet:
      sheets.find((s) => s.part && s.part === tables.get(TABLES.tasks.toLowerCase())?.part)?.name ?? null,
    config: config ? rangeOf(config, "A1:C45") : null,
    tiers: table(TABLES.tiers)?.rows ?? [],
    assignments: table(TABLES.assignments),
    tasks: table(TABLES.tasks),
    submissions: sub ? rangeOf(sub, `A1:F${Math.max(1, sub.lastRow + 1)}`) : null,
    reportDateIsToday: /TODAY\(\)/i.test(b3),
    savedAt: Number.isFinite(ms) ? new Date(ms).toISOString() : null,
  };
}
