/**
 * Layout of a plan table as agencies really have it (bố cục bảng kế hoạch): where the header
 * is (below a title block, past row ten, over two rows of merged cells), which column holds
 * which field (deciding "Tiến độ (hoàn thành)" from its values), what is ambiguous (two rows
 * that could be the header, two deadline columns) and, for a sheet that is no plan at all
 * (staff list, budget, attendance, PivotTable, empty, numbers), why it is refused.
 * Pure: no Office, no DOM. tasksFromTable (parse.ts) reads the rows with this layout.
 */
import { foldVietnamese } from "../text/fold";
import { parseDeadline } from "../dates/deadline";
import { parseStatus } from "../status/status";
import { textOf } from "../cells/safeCell";
import { fieldOfHeader } from "./headers";
import type { CatalogueField } from "./types";

export type ColumnMap = Partial<Record<CatalogueField, number>>;

/** A decision the import took (shown in the mapping step), or an ambiguity it could not settle. */
export interface LayoutNote {
  kind:
    | "header-rows"
    | "two-row-header"
    | "ignored-column"
    | "column-from-values"
    | "area-order"
    | "header-candidates"
    | "deadline-columns";
  /** Vietnamese, for the user. */
  message: string;
  /** 0-based rows of the table concerned (header candidates). */
  rows?: number[];
  /** 0-based columns concerned. */
  columns?: number[];
}

export interface TableLayout {
  /** 0-based first header row. */
  headerRow: number;
  /** 1, or 2 when a row of child headings sits under merged parent headings. */
  headerRows: 1 | 2;
  /** One label per column ("Thời gian — Hoàn thành" for a child under its parent). */
  headers: string[];
  map: ColumnMap;
  /** Other rows that could be the header (0-based), best first; the chosen one included. */
  candidates: number[];
  decisions: LayoutNote[];
  ambiguities: LayoutNote[];
}

/** Rows searched for a header (a pasted memo can put the appendix far down). */
export const HEADER_SEARCH_ROWS = 100;
const VALUE_SAMPLE_ROWS = 300;

const fold = (v: unknown): string => foldVietnamese(textOf(v));
const clean = (v: unknown): string => textOf(v).normalize("NFC").replace(/\s+/g, " ").trim();
const quoted = (s: string): string => `“${s.length > 40 ? s.slice(0, 40) + "…" : s}”`;

/** Child headings under a merged parent ("Chủ trì" | "Phối hợp", "Bắt đầu" | "Hoàn thành"). */
const CHILD_WORDS =
  /^(chu tri|phoi hop|bat dau|hoan thanh|ket thuc|tu ngay|den ngay|tu|den|thuc hien|ngay|thang|nam|so|ket qua|tien do|han)$/;
/** A column that holds when work starts, not when it is due. */
const START_WORDS = /\b(bat dau|khoi cong)\b|^tu( ngay)?$/;
/** Parent headings whose children are the deadline when they say "hoàn thành"/"kết thúc". */
const TIME_PARENT = /\b(thoi gian|thoi han|tien do|han)\b/;
const END_WORDS = /^(hoan thanh|ket thuc|den ngay|den|han|thoi han)$/;

interface ColumnField {
  column: number;
  field: CatalogueField | null;
  /** The label (parent — child). */
  label: string;
  start: boolean;
}

function rowCells(rows: unknown[][], r: number): unknown[] {
  const row = rows[r];
  return Array.isArray(row) ? row : [];
}

/** Row r+1 holds child headings for merged parents in row r. */
function isChildRow(header: unknown[], next: unknown[]): boolean {
  let children = 0;
  let underMergedParent = false;
  for (let c = 0; c < Math.max(header.length, next.length); c++) {
    const v = next[c];
    const k = fold(v);
    if (k === "") continue;
    if (typeof v !== "string" || clean(v).length > 60) return false;
    const field = fieldOfHeader(v);
    // The content column is never a child heading: such a row is a header of its own.
    if (field === "title" || (!CHILD_WORDS.test(k) && field === null)) return false;
    children += 1;
    if (c > 0 && fold(header[c]) === "") underMergedParent = true;
  }
  // At least two children, one of them under a merged (hence empty) parent cell, under a row
  // that has headings of its own.
  return children >= 2 && underMergedParent && header.filter((c) => fold(c) !== "").length >= 3;
}

function columnFields(header: unknown[], child: unknown[] | null): ColumnField[] {
  const width = Math.min(200, Math.max(header.length, child?.length ?? 0));
  const out: ColumnField[] = [];
  let parent = "";
  for (let c = 0; c < width; c++) {
    const own = clean(header[c]);
    const sub = child ? clean(child[c]) : "";
    if (own !== "") parent = own;
    else if (sub === "") parent = "";
    const top = own !== "" ? own : sub !== "" ? parent : "";
    if (sub === "") {
      out.push({ column: c, field: fieldOfHeader(own), label: own, start: START_WORDS.test(fold(own)) });
      continue;
    }
    const p = fold(top);
    const k = fold(sub);
    let field: CatalogueField | null;
    let start = false;
    if (/\bchu tri\b/.test(k)) field = "lead";
    else if (/\bphoi hop\b/.test(k)) field = "coordinating";
    else if (START_WORDS.test(k)) {
      field = null;
      start = true;
    } else if (END_WORDS.test(k) && TIME_PARENT.test(p)) field = "deadline";
    else field = fieldOfHeader(sub) ?? fieldOfHeader(`${top} ${sub}`);
    out.push({ column: c, field, label: top && top !== sub ? `${top} — ${sub}` : sub, start });
  }
  return out;
}

type ValueKind = "deadline" | "status" | "other";

function valueKind(v: unknown): ValueKind | null {
  if (v === null || v === undefined || clean(v) === "") return null;
  if (typeof v === "number") return v > 30000 && v < 80000 ? "deadline" : "status";
  if (parseStatus(v) !== null) return "status";
  if (!parseDeadline(v, 2024).problem) return "deadline";
  return "other";
}

function columnValues(rows: unknown[][], from: number, column: number): unknown[] {
  const out: unknown[] = [];
  for (let r = from; r < rows.length && r < from + VALUE_SAMPLE_ROWS; r++) {
    const v = rowCells(rows, r)[column];
    if (clean(v) !== "") out.push(v);
  }
  return out;
}

function kindCounts(values: unknown[]): Record<ValueKind, number> {
  const counts: Record<ValueKind, number> = { deadline: 0, status: 0, other: 0 };
  for (const v of values) {
    const k = valueKind(v);
    if (k) counts[k] += 1;
  }
  return counts;
}

const examples = (values: unknown[]): string =>
  [...new Set(values.map(clean))]
    .slice(0, 3)
    .map((s) => quoted(s))
    .join(", ");

/** Mapping of one header (one or two rows) with its decisions and ambiguities. */
function mapColumns(
  rows: unknown[][],
  headerRow: number,
  headerRows: 1 | 2,
): { map: ColumnMap; headers: string[]; decisions: LayoutNote[]; ambiguities: LayoutNote[] } {
  const header = rowCells(rows, headerRow);
  const child = headerRows === 2 ? rowCells(rows, headerRow + 1) : null;
  const fields = columnFields(header, child);
  const dataStart = headerRow + headerRows;
  const decisions: LayoutNote[] = [];
  const ambiguities: LayoutNote[] = [];
  const headers = fields.map((f) => f.label);
  if (headerRows === 2) {
    decisions.push({
      kind: "two-row-header",
      message: `Dòng tiêu đề gồm 2 dòng (dòng ${headerRow + 1}–${headerRow + 2}, ô gộp): ${fields
        .filter((f) => clean(child?.[f.column]) !== "" && f.label.includes(" — "))
        .map((f) => quoted(f.label))
        .join(", ")}.`,
      rows: [headerRow, headerRow + 1],
    });
  }
  for (const f of fields) {
    if (f.start && f.label !== "") {
      decisions.push({
        kind: "ignored-column",
        message: `Bỏ qua cột ${quoted(f.label)}: đó là thời gian bắt đầu, không phải thời hạn hoàn thành.`,
        columns: [f.column],
      });
    }
  }
  // "Tiến độ (hoàn thành)": deadlines in some files, progress in others — the values decide.
  const hasNamedDeadline = fields.some((f) => f.field === "deadline" && !/^tien do\b/.test(fold(f.label)));
  for (const f of fields) {
    if (!/^tien do\b/.test(fold(f.label)) || (f.field !== "status" && f.field !== "deadline")) continue;
    const values = columnValues(rows, dataStart, f.column);
    const counts = kindCounts(values);
    if (counts.deadline > counts.status && !hasNamedDeadline) {
      f.field = "deadline";
      decisions.push({
        kind: "column-from-values",
        message: `Cột ${quoted(f.label)} được hiểu là thời hạn hoàn thành: các ô ghi ${examples(values)}.`,
        columns: [f.column],
      });
    } else {
      f.field = "status";
      if (values.length > 0 || hasNamedDeadline)
        decisions.push({
          kind: "column-from-values",
          message:
            values.length > 0
              ? `Cột ${quoted(f.label)} được hiểu là tiến độ (trạng thái) thực hiện: các ô ghi ${examples(values)}.`
              : `Cột ${quoted(f.label)} đang trống: được hiểu là tiến độ (trạng thái) thực hiện.`,
          columns: [f.column],
        });
    }
  }
  // Two deadline columns: the one that says "hoàn thành"/"hạn" wins; the user is told.
  const deadlines = fields.filter((f) => f.field === "deadline");
  if (deadlines.length > 1) {
    const score = (f: ColumnField) =>
      (/\b(hoan thanh|ket thuc|han)\b/.test(fold(f.label)) ? 2 : 0) -
      (/\b(thuc hien|trien khai)\b/.test(fold(f.label)) ? 1 : 0);
    const chosen = [...deadlines].sort((a, b) => score(b) - score(a) || a.column - b.column)[0];
    for (const f of deadlines) if (f !== chosen) f.field = null;
    ambiguities.push({
      kind: "deadline-columns",
      message: `Có ${deadlines.length} cột có thể là thời hạn: ${deadlines.map((f) => quoted(f.label)).join(", ")}. Đang dùng cột ${quoted(chosen.label)}; nếu sai, hãy chọn lại cột “Thời hạn”.`,
      columns: deadlines.map((f) => f.column),
    });
  }
  const map: ColumnMap = {};
  for (const f of fields) if (f.field && map[f.field] === undefined) map[f.field] = f.column;
  return { map, headers, decisions, ambiguities };
}

function isHeaderMap(map: ColumnMap): boolean {
  return map.title !== undefined && (map.lead !== undefined || map.deadline !== undefined);
}

/** How well a header row is recognised: the fields found, the lead counting twice. */
function headerScore(map: ColumnMap): number {
  return Object.keys(map).length + (map.lead !== undefined ? 1 : 0);
}

/** The header rows of the table, or null when no row looks like one. */
export function analyseTableLayout(
  rows: unknown[][],
  options: { headerRow?: number } = {},
): TableLayout | null {
  const headerRowsAt = (r: number): 1 | 2 =>
    r + 1 < rows.length && isChildRow(rowCells(rows, r), rowCells(rows, r + 1)) ? 2 : 1;
  if (options.headerRow !== undefined) {
    const r = options.headerRow;
    if (r < 0 || r >= rows.length) return null;
    const n = headerRowsAt(r);
    const m = mapColumns(rows, r, n);
    return { headerRow: r, headerRows: n, candidates: [r], ...m };
  }
  const found: Array<{ row: number; n: 1 | 2; score: number; key: string }> = [];
  const seen = new Set<string>();
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r++) {
    const cells = rowCells(rows, r);
    if (cells.every((c) => clean(c) === "")) continue;
    const n = headerRowsAt(r);
    const fields = columnFields(cells, n === 2 ? rowCells(rows, r + 1) : null);
    const map: ColumnMap = {};
    for (const f of fields) if (f.field && map[f.field] === undefined) map[f.field] = f.column;
    if (!isHeaderMap(map)) continue;
    // A header repeated at each page of a converted PDF is the same header.
    const key = cells.map(fold).join("|");
    if (seen.has(key)) continue;
    seen.add(key);
    found.push({ row: r, n, score: headerScore(map), key });
    if (n === 2) r += 1;
  }
  if (found.length === 0) return null;
  const best = [...found].sort((a, b) => b.score - a.score || a.row - b.row)[0];
  const m = mapColumns(rows, best.row, best.n);
  const candidates = [best.row, ...found.filter((f) => f !== best).map((f) => f.row)];
  if (found.length > 1) {
    m.ambiguities.unshift({
      kind: "header-candidates",
      message: `Có ${found.length} dòng có thể là dòng tiêu đề: ${found
        .map((f) => `dòng ${f.row + 1}`)
        .join(
          ", ",
        )}. Đang dùng dòng ${best.row + 1} (nhận ra nhiều cột nhất); nếu sai, hãy chọn lại “Dòng tiêu đề”.`,
      rows: found.map((f) => f.row),
    });
  }
  if (best.row > 0 && best.n === 1) {
    m.decisions.unshift({
      kind: "header-rows",
      message: `Dòng tiêu đề là dòng ${best.row + 1}; ${best.row} dòng phía trên (tên phụ lục, kế hoạch…) được bỏ qua.`,
      rows: [best.row],
    });
  } else if (best.row > 0) {
    m.decisions.unshift({
      kind: "header-rows",
      message: `${best.row} dòng phía trên dòng tiêu đề (tên phụ lục, kế hoạch…) được bỏ qua.`,
      rows: [best.row],
    });
  }
  return { headerRow: best.row, headerRows: best.n, candidates, ...m };
}

// ───────────────────────────── Refusals ─────────────────────────────

const PIVOT =
  /^(row labels|column labels|grand total|sum of|count of|average of|nhan hang|nhan cot|tong cuoi|dem cua|dem so|tong cua)\b/;
const STAFF =
  /^(ho (va )?ten|ngay (thang nam )?sinh|nam sinh|chuc vu|gioi tinh|que quan|ngach|so cccd|can cuoc)\b/;
/** On NFC lowercase text: "Tổng công" (workdays) folds like "Tổng cộng" (total). */
const ATTENDANCE = /(chấm công|ngày công|tổng công|số công)/;
const BUDGET =
  /\b(kinh phi|du toan|so tien|thanh tien|don gia|nguon von|trieu dong|nghin dong|ngan dong|tong muc)\b/;

const WHAT_TO_DO =
  "Hãy mở trang (hoặc chọn vùng) có bảng nhiệm vụ — một dòng tiêu đề với cột “Nhiệm vụ” hay “Nội dung công việc” và cột “Cơ quan chủ trì” hoặc “Thời gian hoàn thành” — rồi nạp lại.";

function refusal(looks: string, missing: string): string {
  return `Bảng này không giống danh mục nhiệm vụ: ${looks}; không thấy ${missing}. ${WHAT_TO_DO}`;
}

/** What a table without a usable header is missing, from its most header-like row. */
function missingColumns(rows: unknown[][]): string {
  let best: ColumnMap = {};
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r++) {
    const map: ColumnMap = {};
    for (const f of columnFields(rowCells(rows, r), null))
      if (f.field && map[f.field] === undefined) map[f.field] = f.column;
    if (headerScore(map) > headerScore(best)) best = map;
  }
  const missing: string[] = [];
  if (best.title === undefined) missing.push("cột nội dung nhiệm vụ (“Nhiệm vụ”, “Nội dung công việc”)");
  if (best.lead === undefined) missing.push("cột cơ quan chủ trì");
  if (best.deadline === undefined) missing.push("cột thời hạn (“Thời gian hoàn thành”)");
  return missing.join(", ");
}

/**
 * Why this table is not a plan, or null when it may be one. `layout` is the header found (null:
 * none); `titles` the task texts it would yield (empty before reading them).
 */
export function notAPlan(rows: unknown[][], found: TableLayout | null, titles: string[] = []): string | null {
  // A header row chosen by hand that names no task column is no header.
  const layout = found && isHeaderMap(found.map) ? found : null;
  const scanned = rows.slice(0, HEADER_SEARCH_ROWS).filter(Array.isArray);
  const cells = scanned.flatMap((r) => r.filter((c) => clean(c) !== ""));
  if (cells.length === 0)
    return refusal("trang trống, không có ô nào có dữ liệu", "dòng tiêu đề hay nhiệm vụ nào");
  const short = cells.filter((c) => clean(c).length <= 40).map(fold);
  const missing = layout ? "" : missingColumns(rows);
  const hasProgress = layout && (layout.map.deadline !== undefined || layout.map.status !== undefined);
  if (short.some((k) => PIVOT.test(k)))
    return refusal(
      "đây giống một PivotTable (bảng tổng hợp: “Row Labels”, “Grand Total”, “Nhãn Hàng”…), chỉ có số đếm",
      missing || "danh sách nhiệm vụ từng dòng",
    );
  const headerLike = layout ? rowCells(rows, layout.headerRow) : (scanned.find((r) => r.length > 0) ?? []);
  const headerKeys = scanned.flatMap((r) => r.map((c) => clean(c).toLowerCase())).filter((k) => k !== "");
  const dayColumns = scanned.map((r) => r.filter((c) => /^([1-9]|[12][0-9]|3[01])$/.test(clean(c))).length);
  if (Math.max(0, ...dayColumns) >= 28 || headerKeys.some((k) => ATTENDANCE.test(k) && k.length < 40))
    return refusal("đây giống bảng chấm công (các cột ngày 1…31, “Tổng công”)", missing || "cột thời hạn");
  if (headerLike.some((c) => STAFF.test(fold(c))) && !hasProgress)
    return refusal(
      "đây giống danh sách cán bộ, người lao động (“Họ và tên”, “Ngày sinh”, “Chức vụ”)",
      missing || "cột thời hạn",
    );
  if (headerLike.some((c) => BUDGET.test(fold(c))) && !hasProgress)
    return refusal(
      "đây giống bảng kinh phí (“Kinh phí”, “Dự toán”, số tiền)",
      missing || "cột thời hạn hoàn thành hay tiến độ",
    );
  const numeric = cells.filter((c) => typeof c === "number" || /^[\d\s.,%-]+$/.test(clean(c))).length;
  if (!layout && numeric >= cells.length * 0.9)
    return refusal("trang chỉ có số, không có chữ", missing || "dòng tiêu đề");
  if (layout && titles.length > 0 && titles.every((t) => /^[\d\s.,%-]+$/.test(t)))
    return refusal("cột nội dung nhiệm vụ chỉ có số", "nội dung nhiệm vụ bằng chữ");
  if (!layout)
    return refusal(
      "không có dòng tiêu đề nào có cả cột nội dung nhiệm vụ và cột cơ quan chủ trì hay thời hạn",
      missing,
    );
  return null;
}
