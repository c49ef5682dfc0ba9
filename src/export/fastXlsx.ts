/**
 * A fast reader of the plain values a consolidation needs (src/core/consolidate/types.ts:
 * WorkbookValues), straight from the .xlsx zip with Node's zlib: the zip's central directory,
 * workbook.xml and its relationships, shared strings, the tables' ranges and the cells of the few
 * sheets that hold them (Cấu hình, PhanCong, NhiemVu, BacDiem, Nộp báo cáo). About 10× faster than
 * loading the whole workbook with exceljs, which dominated `npm run consolidate` on 211 files.
 *
 * Runs only on bytes that passed the zip guard (readXlsx.ts: checkXlsxBytes). Anything it does
 * not understand (1904 dates, cells without addresses, a part it cannot inflate) returns null and
 * the caller falls back to exceljs, so a rejection reason never depends on this reader.
 */
import { inflateRawSync } from "node:zlib";
import { TABLES, SHEETS } from "../core/workbook/layout";
import { SUBMISSIONS_SHEET } from "../core/consolidate/read";
import type { WorkbookValues } from "../core/consolidate/types";

interface Entry {
  method: number;
  compressed: number;
  size: number;
  local: number;
}

/** Thrown inside the reader: the caller falls back to exceljs. */
class Unsupported extends Error {}

function entries(bytes: Uint8Array): Map<string, Entry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Unsupported("no end of central directory");
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const out = new Map<string, Entry>();
  for (let k = 0; k < count; k++) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new Unsupported("central directory");
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const name = Buffer.from(bytes.buffer, bytes.byteOffset + p + 46, nameLen).toString("utf8");
    out.set(name.replace(/^\//, ""), {
      method: view.getUint16(p + 10, true),
      compressed: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      local: view.getUint32(p + 42, true),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function partText(bytes: Uint8Array, zip: Map<string, Entry>, name: string): string | null {
  const e = zip.get(name);
  if (!e) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = e.local + 30 + view.getUint16(e.local + 26, true) + view.getUint16(e.local + 28, true);
  const data = bytes.subarray(start, start + e.compressed);
  let raw: Buffer;
  if (e.method === 0) raw = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  else if (e.method === 8) raw = inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
  else throw new Unsupported("compression method");
  return raw.toString("utf8");
}

const ENTITY: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (m, e: string) => {
    if (e[0] !== "#") return ENTITY[e] ?? m;
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1));
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

function attrOf(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]) : null;
}

/** The text of <t> runs (phonetic runs dropped): a shared string or an inline string. */
function runsText(xml: string): string {
  const body = xml.includes("<rPh") ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "") : xml;
  let out = "";
  const re = /<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g;
  for (let m = re.exec(body); m; m = re.exec(body)) out += m[1] ?? "";
  return unescapeXml(out);
}

function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const re = /<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(m[1] ? runsText(m[1]) : "");
  return out;
}

/** "A1" → [row 1-based, column 1-based]. */
function cellRef(ref: string): [number, number] {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + c - 64;
    else if (c >= 97 && c <= 122) col = col * 26 + c - 96;
    else if (c !== 36) break;
  }
  const row = Number(ref.slice(i).replace(/\$/g, ""));
  if (!col || !Number.isInteger(row) || row < 1) throw new Unsupported(`address ${ref}`);
  return [row, col];
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

interface Sheet {
  cells: Map<number, Map<number, unknown>>;
  formulas: Map<string, string>;
  lastRow: number;
}

const R_ATTR = /\sr="([^"]*)"/;
const T_ATTR = /\st="([^"]*)"/;

function parseSheet(xml: string, strings: readonly string[]): Sheet {
  const cells = new Map<number, Map<number, unknown>>();
  const formulas = new Map<string, string>();
  let lastRow = 0;
  const data = /<sheetData\b[^>]*?(?:\/>|>([\s\S]*)<\/sheetData>)/.exec(xml)?.[1] ?? "";
  const re = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  for (let m = re.exec(data); m; m = re.exec(data)) {
    const attrs = m[1];
    const ref = R_ATTR.exec(attrs)?.[1];
    if (!ref) throw new Unsupported("cell without address");
    const [row, col] = cellRef(ref);
    const inner = m[2] ?? "";
    const type = T_ATTR.exec(attrs)?.[1] ?? "n";
    const vm = inner.includes("<v") ? /<v\b[^>]*?(?:\/>|>([\s\S]*?)<\/v>)/.exec(inner) : null;
    const v = vm ? unescapeXml(vm[1] ?? "") : null;
    let value: unknown = "";
    if (type === "inlineStr") {
      const is = /<is\b[^>]*>([\s\S]*?)<\/is>/.exec(inner);
      value = is ? runsText(is[1]) : "";
    } else if (v !== null) {
      if (type === "s") value = strings[Number(v)] ?? "";
      else if (type === "str" || type === "e") value = v;
      else if (type === "b") value = v === "1" || v === "true";
      else if (type === "d") {
        const t = Date.parse(v);
        value = Number.isFinite(t) ? (t - EXCEL_EPOCH_MS) / 86400000 : v;
      } else {
        const n = Number(v);
        value = v.trim() === "" || !Number.isFinite(n) ? v : n;
      }
    }
    if (inner.includes("<f")) {
      const f = /<f\b[^>]*?(?:\/>|>([\s\S]*?)<\/f>)/.exec(inner);
      if (f?.[1]) formulas.set(`${row}:${col}`, unescapeXml(f[1]));
    }
    if (value === "") continue;
    let r = cells.get(row);
    if (!r) cells.set(row, (r = new Map()));
    r.set(col, value);
    if (row > lastRow) lastRow = row;
  }
  return { cells, formulas, lastRow };
}

function grid(sheet: Sheet, r0: number, c0: number, r1: number, c1: number): unknown[][] {
  const out: unknown[][] = [];
  for (let r = r0; r <= r1; r++) {
    const row = sheet.cells.get(r);
    const vals: unknown[] = [];
    for (let c = c0; c <= c1; c++) vals.push(row?.get(c) ?? "");
    out.push(vals);
  }
  return out;
}

/** Resolves a relationship target against the folder of the part that holds it. */
function resolve(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

function relationships(
  xml: string | null,
  base: string,
): Array<{ id: string; type: string; target: string }> {
  if (!xml) return [];
  const out: Array<{ id: string; type: string; target: string }> = [];
  const re = /<Relationship\b[^>]*>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const id = attrOf(m[0], "Id");
    const target = attrOf(m[0], "Target");
    const mode = attrOf(m[0], "TargetMode");
    if (!id || !target || mode === "External") continue;
    out.push({ id, type: attrOf(m[0], "Type") ?? "", target: resolve(base, target) });
  }
  return out;
}

/**
 * The values a consolidation reads, or null when this reader cannot vouch for them (the caller
 * then loads the workbook with exceljs).
 */
export function readValuesFast(bytes: Uint8Array): WorkbookValues | null {
  try {
    return read(bytes);
  } catch {
    return null;
  }
}

function read(bytes: Uint8Array): WorkbookValues {
  const zip = entries(bytes);
  const text = (name: string) => partText(bytes, zip, name);
  const workbook = text("xl/workbook.xml");
  if (!workbook) throw new Unsupported("no workbook part");
  if (/<workbookPr\b[^>]*\sdate1904="(1|true)"/.test(workbook)) throw new Unsupported("1904 dates");
  const rels = new Map(
    relationships(text("xl/_rels/workbook.xml.rels"), "xl/workbook.xml").map((r) => [r.id, r.target]),
  );
  const sheets: Array<{ name: string; part: string }> = [];
  const re = /<sheet\b[^>]*>/g;
  for (let m = re.exec(workbook); m; m = re.exec(workbook)) {
    const name = attrOf(m[0], "name");
    const id = /\s[A-Za-z0-9_]+:id="([^"]*)"/.exec(m[0])?.[1];
    const part = id ? rels.get(unescapeXml(id)) : undefined;
    if (name === null || !part) throw new Unsupported("sheet without part");
    sheets.push({ name, part });
  }
  // Tables: name → sheet part and range.
  const tables = new Map<string, { part: string; ref: string }>();
  for (const s of sheets) {
    const relPath = s.part.replace(/([^/]+)$/, "_rels/$1.rels");
    for (const r of relationships(text(relPath), s.part)) {
      if (!/\/table$/.test(r.type)) continue;
      const xml = text(r.target);
      const tag = xml ? /<table\b[^>]*>/.exec(xml)?.[0] : undefined;
      if (!tag) continue;
      const ref = attrOf(tag, "ref");
      if (!ref) continue;
      for (const n of [attrOf(tag, "name"), attrOf(tag, "displayName")])
        if (n && !tables.has(n.toLowerCase())) tables.set(n.toLowerCase(), { part: s.part, ref });
    }
  }
  let strings: string[] | null = null;
  const parsed = new Map<string, Sheet>();
  const sheetOf = (part: string): Sheet => {
    let s = parsed.get(part);
    if (!s) {
      const xml = text(part);
      if (xml === null) throw new Unsupported("missing sheet part");
      strings ??= sharedStrings(text("xl/sharedStrings.xml"));
      s = parseSheet(xml, strings);
      parsed.set(part, s);
    }
    return s;
  };
  const table = (name: string): { headers: unknown[]; rows: unknown[][] } | null => {
    const t = tables.get(name.toLowerCase());
    if (!t) return null;
    const [a, b] = t.ref.split(":");
    const [r0, c0] = cellRef(a);
    const [r1, c1] = cellRef(b ?? a);
    const all = grid(sheetOf(t.part), r0, c0, r1, c1);
    return { headers: all[0] ?? [], rows: all.slice(1) };
  };
  const byName = (name: string) => sheets.find((s) => s.name === name);
  const config = byName(SHEETS.config);
  const configSheet = config ? sheetOf(config.part) : null;
  const sub = byName(SUBMISSIONS_SHEET);
  const subSheet = sub ? sheetOf(sub.part) : null;
  const core = text("docProps/core.xml");
  const modifiedText = core
    ? /<dcterms:modified\b[^>]*>([^<]*)<\/dcterms:modified>/.exec(core)?.[1]
    : undefined;
  const modified = modifiedText ? new Date(modifiedText.trim()) : null;
  const b3 = configSheet?.formulas.get("3:2");
  const tasksPart = tables.get(TABLES.tasks.toLowerCase())?.part;
  return {
    sheetNames: sheets.map((s) => s.name),
    tasksSheet: sheets.find((s) => s.part === tasksPart)?.name ?? null,
    config: configSheet ? grid(configSheet, 1, 1, 45, 3) : null,
    tiers: table(TABLES.tiers)?.rows ?? [],
    assignments: table(TABLES.assignments),
    tasks: table(TABLES.tasks),
    submissions: subSheet ? grid(subSheet, 1, 1, Math.max(1, subSheet.lastRow), 6) : null,
    reportDateIsToday: typeof b3 === "string" && /TODAY\(\)/i.test(b3),
    savedAt: modified && !Number.isNaN(modified.getTime()) ? modified.toISOString() : null,
  };
}
