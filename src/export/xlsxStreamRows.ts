/**
 * The rows of one large sheet (Phân công: one row per task × unit, up to 200,000) written as
 * worksheet XML straight into the zip, instead of through exceljs's in-memory model — which
 * holds an object per cell and a string of the whole sheet, and made a 50,000-row export peak at
 * 1.7 GB (issue 15, item 6).
 *
 * How: exceljs still writes the sheet with its header and first data row (and everything that
 * is not a cell: widths, panes, colour rules, validations, page setup, the table); the remaining
 * rows come from the plan's own arrays (no copy), generated in chunks while the zip is
 * compressed. Each column's style is the one exceljs gave the first data row: a sheet is streamed
 * only when every format of the plan covers its columns from that row to the last
 * (`streamablePlan` checks this and every other condition; otherwise exceljs writes everything,
 * as before). Strings go to the shared-string table, as exceljs writes them; formulas carry their
 * cached results the same way (t="str" / "b"). The result is the same workbook content.
 */
import { Readable } from "node:stream";
import type JSZip from "jszip";
import {
  cellAddress,
  columnLetter,
  isFormulaCell,
  isLinkCell,
  isSafeLink,
  parseRangeAddress,
  type PlanCell,
  type PlanOp,
  type Scalar,
} from "../core/workbook/plan";
import { PlanApplyError } from "../core/workbook/applier";

/** A table with more data rows than this is streamed (smaller workbooks are written as before). */
export const STREAM_ROWS_ABOVE = 10_000;

/** The sheet whose rows from `from` (0-based) on are streamed. */
export interface StreamPlan {
  sheet: string;
  table: string;
  /** First streamed row (0-based): the header and first data row stay with exceljs. */
  from: number;
  /** Last row of the table (0-based). */
  lastRow: number;
  /**
   * Heights (points) of streamed rows whose wrapped text needs several lines (style ops holding
   * only `rowHeight`, core/workbook/rowHeights.ts), in row order; rows not listed keep the default.
   */
  heights: Array<{ row: number; lastRow: number; height: number }>;
}

/** Cells of the streamed rows, as the plan holds them. */
export type StreamSource =
  | { kind: "cells"; row: number; column: number; rows: PlanCell[][]; offset: number }
  | {
      kind: "formula";
      row: number;
      lastRow: number;
      column: number;
      formula: string;
      cached?: readonly Scalar[];
      offset: number;
    };

const STREAM_SAFE_OPS = new Set<PlanOp["op"]>([
  "ensureSheet",
  "writeCells",
  "fillFormula",
  "numberFormat",
  "style",
  "createTable",
  "columnWidths",
  "freezePanes",
  "conditionalFormat",
  "clearConditionalFormats",
  "dataValidation",
  "pageSetup",
  "autoFilter",
  "clearTableFilters",
  "defineName",
]);

/**
 * The sheet of the first table over `threshold` data rows, when its rows can be streamed with the
 * same content; else null (exceljs writes the whole workbook, as before).
 */
export function streamablePlan(ops: readonly PlanOp[], threshold = STREAM_ROWS_ABOVE): StreamPlan | null {
  const big = ops.find(
    (op): op is Extract<PlanOp, { op: "createTable" }> =>
      op.op === "createTable" &&
      (() => {
        const r = parseRangeAddress(op.address);
        return r.lastRow - r.row > threshold;
      })(),
  );
  if (!big) return null;
  const t = parseRangeAddress(big.address);
  const plan: StreamPlan = {
    sheet: big.sheet,
    table: big.name,
    from: t.row + 2,
    lastRow: t.lastRow,
    heights: [],
  };
  for (const op of ops) {
    const onSheet = "sheet" in op && op.sheet === plan.sheet;
    const onTable =
      "table" in op && typeof op.table === "string" && op.table.toLowerCase() === plan.table.toLowerCase();
    if (!onSheet && !onTable) continue;
    if (!STREAM_SAFE_OPS.has(op.op)) return null;
    switch (op.op) {
      case "ensureSheet":
        if (op.clear) return null;
        break;
      case "createTable":
        if (op !== big && parseRangeAddress(op.address).lastRow >= plan.from) return null;
        break;
      case "writeCells": {
        const r = parseRangeAddress(op.address);
        if (r.row + op.rows.length - 1 < plan.from) break;
        if (op.style || r.row + op.rows.length - 1 > plan.lastRow) return null;
        for (let i = Math.max(0, plan.from - r.row); i < op.rows.length; i++)
          for (const v of op.rows[i])
            if (v !== null && typeof v === "object" && !isFormulaCell(v) && !isLinkCell(v)) return null;
        break;
      }
      case "fillFormula": {
        const r = parseRangeAddress(op.address);
        if (r.lastRow >= plan.from && r.lastRow > plan.lastRow) return null;
        break;
      }
      case "numberFormat":
      case "style": {
        const r = parseRangeAddress(op.address);
        if (r.lastRow < plan.from) break;
        // A row height alone (wrapped rows) is written on the streamed <row> elements.
        if (op.op === "style" && Object.keys(op.style).every((k) => k === "rowHeight")) {
          const height = op.style.rowHeight;
          if (height === undefined || r.lastRow > plan.lastRow) return null;
          plan.heights.push({ row: Math.max(r.row, plan.from), lastRow: r.lastRow, height });
          break;
        }
        // One format for the whole column from the first data row: the streamed rows copy its style.
        if (r.row > plan.from - 1 || r.lastRow !== plan.lastRow) return null;
        if (op.op === "style" && op.style.rowHeight !== undefined) return null;
        break;
      }
      default:
        break;
    }
  }
  plan.heights.sort((a, b) => a.row - b.row);
  for (let i = 1; i < plan.heights.length; i++)
    if (plan.heights[i].row <= plan.heights[i - 1].lastRow) return null; // overlapping heights: exceljs decides
  return plan;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ESCAPES[c]);
}

export interface StreamInput {
  plan: StreamPlan;
  sources: StreamSource[];
  /** How a string cell is written (control characters dropped, 32,767 characters at most). */
  text: (s: string) => string;
  /** Validates a scalar as exceljs would receive it (finite numbers). */
  scalar: (v: Scalar, where: string) => Scalar;
  cachedValues: boolean;
  /**
   * Columns with http(s) links in the streamed rows. For each, the applier wrote one link cell in
   * the first streamed row (with the column's format), so that exceljs registers the link style;
   * that scratch row is taken out here and its style reused.
   */
  linkColumns: readonly number[];
}

type Link = { hyperlink: string; text: string };
type Cell = Scalar | { formula: string; cached?: Scalar } | Link | undefined;

const HYPERLINK_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

/** The cells of one streamed row (0-based), later ops over earlier ones, as the applier sets them. */
function rowCells(row: number, sources: readonly StreamSource[], width: number): Cell[] {
  const cells: Cell[] = new Array<Cell>(width);
  for (const s of sources) {
    if (s.kind === "cells") {
      const i = row - s.row + s.offset;
      if (row < s.row || i >= s.rows.length) continue;
      const values = s.rows[i];
      for (let j = 0; j < values.length; j++) {
        const v = values[j];
        if (v === null || v === undefined) continue;
        cells[s.column + j] = isFormulaCell(v)
          ? { formula: v.formula, cached: v.cached }
          : isLinkCell(v)
            ? v
            : (v as Scalar);
      }
    } else if (row >= s.row && row <= s.lastRow) {
      cells[s.column] = { formula: s.formula, cached: s.cached?.[row - s.row + s.offset] };
    }
  }
  return cells;
}

function stripEquals(formula: string): string {
  const f = formula.trim();
  if (!f.startsWith("=")) throw new PlanApplyError(`Công thức phải bắt đầu bằng "=": ${f.slice(0, 60)}`);
  return f.slice(1);
}

/** Width (columns) of the streamed cells. */
function widthOf(sources: readonly StreamSource[]): number {
  let w = 0;
  for (const s of sources) {
    if (s.kind === "formula") w = Math.max(w, s.column + 1);
    else for (let i = s.offset; i < s.rows.length; i++) w = Math.max(w, s.column + s.rows[i].length);
  }
  return w;
}

/**
 * Replaces the streamed sheet's part of `zip` by a stream (its head and tail as exceljs wrote
 * them, the rows generated in between), appends the new strings to the shared-string table and
 * widens the sheet's dimension and its table's range.
 */
export async function installStreamedRows(zip: JSZip, sheetPart: string, input: StreamInput): Promise<void> {
  const { plan, sources } = input;
  const file = zip.file(sheetPart);
  if (!file) throw new PlanApplyError(`Tệp xlsx thiếu phần ${sheetPart}`);
  let xml = await file.async("string");
  const width = Math.max(widthOf(sources), 1);
  const lastRow = plan.lastRow;

  // The two scratch rows after the kept ones (1-based from + 1, from + 2): the applier gave them
  // the column formats, and the first one a link cell per column with links. Their styles are
  // read, then the rows, their hyperlinks and those relationships are removed.
  const rowOf = (n: number) => new RegExp(`<row r="${n}"[^>]*>(.*?)</row>`).exec(xml);
  const stylesIn = (row: RegExpExecArray | null, only?: ReadonlySet<number>) => {
    const out: Array<string | undefined> = [];
    if (row)
      for (const m of row[1].matchAll(/<c r="([A-Z]+)\d+"(?: s="(\d+)")?/g)) {
        const col = parseRangeAddress(`${m[1]}1`).column;
        if (!only || only.has(col)) out[col] = m[2];
      }
    return out;
  };
  const scratchLinks = rowOf(plan.from + 1);
  const scratchPlain = rowOf(plan.from + 2);
  const styleOf = stylesIn(scratchPlain);
  const linkStyleOf = stylesIn(scratchLinks, new Set(input.linkColumns));
  const relsPath = sheetPart.replace(/([^/]+)$/, "_rels/$1.rels");
  let rels = zip.file(relsPath) ? await (zip.file(relsPath) as JSZip.JSZipObject).async("string") : null;
  if (scratchLinks) xml = xml.replace(scratchLinks[0], "");
  if (scratchPlain) xml = xml.replace(scratchPlain[0], "");
  if (input.linkColumns.length > 0) {
    if (!scratchLinks || rels === null)
      throw new PlanApplyError(`Trang “${plan.sheet}”: thiếu dòng mẫu liên kết.`);
    xml = xml.replace(
      new RegExp(`<hyperlink ref="[A-Z]+${plan.from + 1}" r:id="(rId\\d+)"/>`, "g"),
      (_m, id: string) => {
        rels = (rels as string).replace(new RegExp(`<Relationship Id="${id}"[^>]*/>`), "");
        return "";
      },
    );
  }
  const styledWidth = Math.max(width, styleOf.length);

  // Shared strings: the streamed rows' strings after exceljs's.
  const sstPath = "xl/sharedStrings.xml";
  const sstFile = zip.file(sstPath);
  if (!sstFile) throw new PlanApplyError("Tệp xlsx thiếu bảng chuỗi dùng chung.");
  const sst = await sstFile.async("string");
  const unique = Number(/uniqueCount="(\d+)"/.exec(sst)?.[1] ?? "0");
  let count = Number(/\scount="(\d+)"/.exec(sst)?.[1] ?? "0");
  const strings = new Map<string, number>();
  const added: string[] = [];
  const stringId = (s: string): number => {
    let id = strings.get(s);
    if (id === undefined) {
      id = unique + added.length;
      strings.set(s, id);
      added.push(`<si><t xml:space="preserve">${esc(s)}</t></si>`);
    }
    count += 1;
    return id;
  };

  // Pass 1 (no XML kept): the strings, so the table is complete before the sheet is written.
  const formulaText = new Map<string, string>();
  const checked = (c: Cell, where: () => string): Cell => {
    if (c === undefined || c === null) return c;
    if (typeof c === "object") {
      if ("hyperlink" in c) return c;
      let f = formulaText.get(c.formula);
      if (f === undefined) {
        f = esc(stripEquals(c.formula));
        formulaText.set(c.formula, f);
      }
      const cached =
        input.cachedValues && c.cached !== undefined ? input.scalar(c.cached, where()) : undefined;
      return { formula: f, cached };
    }
    return input.scalar(c, where());
  };
  let nextRel = 1 + Math.max(0, ...[...(rels ?? "").matchAll(/\sId="rId(\d+)"/g)].map((m) => Number(m[1])));
  const hyperlinks: string[] = [];
  const relations: string[] = [];
  const linkText = (v: Link) => input.text(v.text || v.hyperlink);
  for (let r = plan.from; r <= lastRow; r++) {
    const cells = rowCells(r, sources, width);
    for (let c = 0; c < width; c++) {
      const v = cells[c];
      if (typeof v === "string") stringId(input.text(v));
      else if (v !== null && typeof v === "object" && "hyperlink" in v) {
        stringId(linkText(v));
        if (isSafeLink(v.hyperlink)) {
          const id = `rId${nextRel++}`;
          hyperlinks.push(`<hyperlink ref="${columnLetter(c)}${r + 1}" r:id="${id}"/>`);
          relations.push(
            `<Relationship Id="${id}" Type="${HYPERLINK_REL}" Target="${esc(v.hyperlink.trim())}" TargetMode="External"/>`,
          );
        }
      }
    }
  }
  if (hyperlinks.length > 0) {
    if (rels === null || !xml.includes("</hyperlinks>"))
      throw new PlanApplyError(`Trang “${plan.sheet}”: thiếu phần liên kết.`);
    xml = xml.replace("</hyperlinks>", `${hyperlinks.join("")}</hyperlinks>`);
    rels = rels.replace("</Relationships>", `${relations.join("")}</Relationships>`);
  }
  hyperlinks.length = 0;
  relations.length = 0;
  if (rels !== null) zip.file(relsPath, rels);
  zip.file(
    sstPath,
    sst
      .replace(/uniqueCount="\d+"/, `uniqueCount="${unique + added.length}"`)
      .replace(/(\s)count="\d+"/, `$1count="${count}"`)
      .replace("</sst>", `${added.join("")}</sst>`),
  );

  let heightAt = 0;
  /** ` ht=… customHeight="1"` of a streamed row (rows are asked for in order). */
  const heightOf = (r: number): string => {
    const hs = plan.heights;
    while (heightAt < hs.length && hs[heightAt].lastRow < r) heightAt++;
    const h = hs[heightAt];
    return h && h.row <= r ? ` ht="${h.height}" customHeight="1"` : "";
  };
  const rowXml = (r: number): string => {
    const cells = rowCells(r, sources, width);
    let body = "";
    let min = 0;
    let max = 0;
    for (let c = 0; c < styledWidth; c++) {
      const raw = cells[c];
      const isLink = raw !== null && typeof raw === "object" && "hyperlink" in raw;
      const safe = isLink && isSafeLink(raw.hyperlink);
      // A link is its text (a shared string); an http(s) one has the link style and a relationship.
      const v = isLink ? linkText(raw) : checked(raw, () => `${plan.sheet}!${cellAddress(r, c)}`);
      const s = safe ? linkStyleOf[c] : styleOf[c];
      if ((v === undefined || v === null) && !s) continue;
      if (min === 0) min = c + 1;
      max = c + 1;
      const head = `<c r="${columnLetter(c)}${r + 1}"${s ? ` s="${s}"` : ""}`;
      if (v === undefined || v === null) body += `${head}/>`;
      else if (typeof v === "string") body += `${head} t="s"><v>${strings.get(input.text(v))}</v></c>`;
      else if (typeof v === "number") body += `${head}><v>${v}</v></c>`;
      else if (typeof v === "boolean") body += `${head} t="b"><v>${v ? 1 : 0}</v></c>`;
      else if ("hyperlink" in v)
        throw new PlanApplyError(`${plan.sheet}!${cellAddress(r, c)}: liên kết chưa đọc.`);
      else {
        const f = v.formula;
        const res = v.cached;
        if (res === undefined || res === null) body += `${head}><f>${f}</f></c>`;
        else if (typeof res === "string")
          body += `${head} t="str"><f>${f}</f><v>${esc(input.text(res))}</v></c>`;
        else if (typeof res === "number") body += `${head}><f>${f}</f><v>${res}</v></c>`;
        else if (typeof res === "boolean") body += `${head} t="b"><f>${f}</f><v>${res ? 1 : 0}</v></c>`;
        else body += `${head}><f>${f}</f></c>`;
      }
    }
    const ht = heightOf(r);
    if (max === 0) return ht ? `<row r="${r + 1}"${ht} x14ac:dyDescent="0.25"/>` : "";
    return `<row r="${r + 1}" spans="${min}:${max}"${ht} x14ac:dyDescent="0.25">${body}</row>`;
  };

  const end = xml.lastIndexOf("</sheetData>");
  if (end < 0) throw new PlanApplyError(`Trang “${plan.sheet}”: không tìm thấy dữ liệu trang.`);
  const lastColumn = Math.max(styledWidth - 1, 0);
  const head = xml
    .slice(0, end)
    .replace(/<dimension ref="([A-Z]+)(\d+):([A-Z]+)\d+"\/>/, (_m, a: string, r1: string, b: string) => {
      const right = Math.max(parseRangeAddress(`${b}1`).column, lastColumn);
      return `<dimension ref="${a}${r1}:${columnLetter(right)}${lastRow + 1}"/>`;
    });
  const tail = xml.slice(end);
  const CHUNK = 1_000;
  function* pieces(): Generator<Buffer> {
    yield Buffer.from(head, "utf8");
    for (let r = plan.from; r <= lastRow; r += CHUNK) {
      let s = "";
      for (let k = r; k <= Math.min(lastRow, r + CHUNK - 1); k++) s += rowXml(k);
      yield Buffer.from(s, "utf8");
    }
    yield Buffer.from(tail, "utf8");
  }
  zip.file(sheetPart, Readable.from(pieces()), { binary: true });

  // The table's range (and its filter's) to the last row.
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/tables\/[^/]+\.xml$/.test(p))) {
    const t = await (zip.file(path) as JSZip.JSZipObject).async("string");
    const open = /<table\b[^>]*>/.exec(t);
    if (!open || !new RegExp(`\\sname="${plan.table}"`).test(open[0])) continue;
    zip.file(
      path,
      t.replace(
        /ref="([A-Z]+\d+):([A-Z]+)\d+"/g,
        (_m, a: string, b: string) => `ref="${a}:${b}${lastRow + 1}"`,
      ),
    );
  }
}
