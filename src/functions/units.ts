/**
 * CCHC.UNIT, CCHC.COMPLETION, CCHC.UNITSUMMARY: units and per-unit results over ranges.
 * Range functions make one pass over the rows; unit names are resolved once per distinct
 * spelling (createUnitResolver) and deadline cells parsed once per distinct value.
 */
import {
  createUnitResolver,
  findUnit,
  unitById,
  unitCandidates,
  unitLineage,
  unitMapAt,
  type SummaryRow,
  type Unit,
} from "./core";
import { SUMMARY_HEADERS, SUMMARY_REVIEW_HEADERS } from "../core/workbook/layout";
import { parseVerdict } from "../core/workbook/verdicts";
import { guard, notAvailableError, valueError } from "./errors";
import {
  isBlank,
  outputText,
  quote,
  readCell,
  readColumn,
  readDate,
  readDone,
  readDue,
  readText,
  requireSameLength,
  type Column,
  type Scalar,
} from "./args";
import { readReportDate } from "./deadlines";
import { countifsUnitKey, summarizeByUnitCell, unitSpellingDifference } from "../core/summary/unitCell";

const MAX_CANDIDATES_SHOWN = 5;

function describeUnit(u: Unit): string {
  const parent = u.parentId ? unitById(u.parentId) : null;
  return parent ? `${u.name} (${parent.name})` : u.name;
}

/**
 * The date whose map of units CCHC.UNIT uses: blank → the 2024 map (as before); a whole number
 * 1900–9999 is a plan year (1 January of it); else a date (cell, serial or text).
 */
function readAsOf(v: unknown): string | null {
  const cell = readCell(v, "Ngày áp dụng");
  if (isBlank(cell)) return null;
  if (typeof cell === "number" && Number.isInteger(cell) && cell >= 1900 && cell <= 9999)
    return `${cell}-01-01`;
  if (typeof cell === "string" && /^\s*\d{4}\s*$/.test(cell)) return `${cell.trim()}-01-01`;
  return readDate(cell, "Ngày áp dụng");
}

/** CCHC.UNIT in the map in force from 01/07/2025: no districts; old names answered with their successors. */
function canonicalInNewMap(text: string, districtText: string | null, asOf: string): string {
  if (districtText !== null) {
    throw notAvailableError(
      `Từ 01/07/2025 không còn cấp huyện: bỏ đối số huyện ${quote(districtText)} (tên xã, phường, đặc khu là duy nhất).`,
    );
  }
  const unit = findUnit(text, undefined, asOf);
  if (unit) return unit.name;
  const lineage = unitLineage(text, undefined, asOf);
  if (lineage) throw notAvailableError(lineage.message);
  const candidates = unitCandidates(text, asOf);
  if (candidates.length > 1) {
    const shown = candidates
      .slice(0, MAX_CANDIDATES_SHOWN)
      .map((u) => u.name)
      .join("; ");
    throw notAvailableError(
      `Không tìm thấy đơn vị duy nhất: ${quote(text)} có thể là ${shown}. Hãy ghi tên có dấu.`,
    );
  }
  throw notAvailableError(
    `Không tìm thấy đơn vị ${quote(text)} trong danh sách đơn vị tỉnh Quảng Ngãi từ 01/07/2025.`,
  );
}

/**
 * CCHC.UNIT: the canonical name of a unit in the map in force on `asOf` (blank: the 2024 map);
 * #N/A saying why when unknown, ambiguous, or a name of the old map (with its successors).
 */
export function canonicalUnitName(name: unknown, district: unknown, asOf?: unknown): string {
  return guard(() => {
    const text = readText(name, "Tên đơn vị");
    if (text === null) throw notAvailableError("Chưa nhập tên đơn vị.");
    const districtText = readText(district, "Huyện");
    const at = readAsOf(asOf);
    if (at !== null && unitMapAt(at) !== "2024") return canonicalInNewMap(text, districtText, at);
    const unit = findUnit(text, districtText ?? undefined);
    if (unit) return unit.name;
    let candidates = unitCandidates(text);
    if (districtText !== null && candidates.length > 1) {
      const d = findUnit(districtText);
      if (!d || d.level !== "district") {
        throw notAvailableError(
          `Không tìm thấy huyện/thị xã/thành phố ${quote(districtText)} để phân biệt ${quote(text)}.`,
        );
      }
      candidates = candidates.filter((u) => u.parentId === d.id);
      if (candidates.length === 0) {
        throw notAvailableError(`Không tìm thấy đơn vị ${quote(text)} thuộc ${d.name}.`);
      }
    }
    if (candidates.length > 1) {
      const shown = candidates.slice(0, MAX_CANDIDATES_SHOWN).map(describeUnit).join("; ");
      const more =
        candidates.length > MAX_CANDIDATES_SHOWN
          ? ` và ${candidates.length - MAX_CANDIDATES_SHOWN} đơn vị khác`
          : "";
      throw notAvailableError(
        `Không tìm thấy đơn vị duy nhất: ${quote(text)} có thể là ${shown}${more}. Hãy ghi thêm huyện (đối số thứ hai).`,
      );
    }
    throw notAvailableError(
      `Không tìm thấy đơn vị ${quote(text)} trong danh sách đơn vị tỉnh Quảng Ngãi năm 2024.`,
    );
  });
}

function unitText(cell: Scalar, where: string): string | null {
  if (isBlank(cell)) return null;
  if (typeof cell === "string") return cell;
  if (typeof cell === "number" && Number.isFinite(cell)) return String(cell);
  const what =
    cell instanceof Date ? "một ngày" : typeof cell === "boolean" ? (cell ? "TRUE" : "FALSE") : quote(cell);
  throw valueError(`${where}: tên đơn vị phải là chữ, không phải ${what}.`);
}

/** At most this many loosely matching rows are named in a message. */
const MAX_ROWS_SHOWN = 3;

function looseRowsText(rows: ReadonlyArray<{ where: string; text: string }>, total: number): string {
  const shown = rows
    .slice(0, MAX_ROWS_SHOWN)
    .map((r) => `${r.where} ${quote(r.text)} (${unitSpellingDifference(r.text)})`)
    .join("; ");
  return total > MAX_ROWS_SHOWN ? `${shown} và ${total - MAX_ROWS_SHOWN} dòng khác` : shown;
}

/**
 * CCHC.COMPLETION: done / assigned of one unit over two equal-length ranges, counting exactly the
 * rows COUNTIFS(units,"="&unit) counts (the cell's exact text, case aside), as Tổng hợp and the
 * pane do. A row written as the same unit in another way (stray space, NFD letters, "SNV"…) is
 * not counted by COUNTIFS: rather than a figure that silently leaves it out, #VALUE! names it.
 */
export function unitCompletion(units: unknown, statuses: unknown, unit: unknown): number {
  return guard(() => {
    const unitCol = readColumn(units, "Vùng đơn vị") as Column;
    const statusCol = readColumn(statuses, "Vùng trạng thái") as Column;
    requireSameLength([
      [unitCol, "vùng đơn vị"],
      [statusCol, "vùng trạng thái"],
    ]);
    const target = unitText(readCell(unit, "Đơn vị cần tính"), "Đơn vị cần tính");
    if (target === null) throw valueError("Chưa nhập đơn vị cần tính tỷ lệ.");
    const targetKey = countifsUnitKey(target);
    const resolve = createUnitResolver();
    const looseKey = resolve(target).key;
    // Per distinct spelling: 1 = counted by COUNTIFS, 2 = the same unit written otherwise, 0 = another unit.
    const matches = new Map<string, 0 | 1 | 2>();
    const done = perDistinctValue(readDone);
    const loose: Array<{ where: string; text: string }> = [];
    let looseCount = 0;
    let assigned = 0;
    let doneCount = 0;
    for (let i = 0; i < unitCol.values.length; i++) {
      const name = unitText(readCell(unitCol.values[i], unitCol.where(i)), unitCol.where(i));
      if (name === null) continue;
      let m = matches.get(name);
      if (m === undefined) {
        m = countifsUnitKey(name) === targetKey ? 1 : resolve(name).key === looseKey ? 2 : 0;
        matches.set(name, m);
      }
      if (m === 2) {
        looseCount += 1;
        if (loose.length < MAX_ROWS_SHOWN) loose.push({ where: unitCol.where(i), text: name });
        continue;
      }
      if (m === 0) continue;
      assigned += 1;
      if (done(statusCol.values[i], statusCol.where(i))) doneCount += 1;
    }
    if (looseCount > 0 && assigned === 0) {
      throw notAvailableError(
        `Không có ô nào ghi đúng ${quote(target)} (COUNTIFS và bảng Tổng hợp so khớp đúng từng chữ, không phân biệt hoa thường); ${looseCount} dòng ghi cùng đơn vị theo cách khác: ${looseRowsText(loose, looseCount)}. Hãy ghi đơn vị cần tính đúng như trong vùng đơn vị, hoặc sửa các ô đó cho đúng tên chuẩn (CCHC.UNIT cho biết tên chuẩn).`,
      );
    }
    if (looseCount > 0) {
      throw valueError(
        `${looseCount} dòng ghi ${quote(target)} theo cách khác nên COUNTIFS và bảng Tổng hợp không tính cho đơn vị này: ${looseRowsText(loose, looseCount)}. Hãy sửa các ô đó cho đúng ${quote(target)} (cột Kiểm tra của Phân công đánh dấu chúng) rồi tính lại.`,
      );
    }
    if (assigned === 0) {
      throw notAvailableError(`Không có nhiệm vụ nào của đơn vị ${quote(target)} trong vùng đơn vị.`);
    }
    return doneCount / assigned;
  });
}

/** UNITSUMMARY's header row: the Tổng hợp sheet's headers without the score column. */
export const UNIT_SUMMARY_HEADER: readonly string[] = SUMMARY_HEADERS.filter((h) => h !== "Điểm");
/** Columns added when a verdict range is given (Tổng hợp's reviewed columns, without the score). */
export const UNIT_SUMMARY_REVIEW_HEADER: readonly string[] = SUMMARY_REVIEW_HEADERS.filter(
  (h) => h !== "Điểm thẩm định",
);

/** Shown in the Đơn vị column for rows whose unit cell is empty. */
export const NO_UNIT_LABEL = "(chưa ghi đơn vị)";

/** `read` applied once per distinct cell value (the position only matters for the first error). */
function perDistinctValue<T>(read: (v: unknown, where: string) => T): (v: unknown, where: string) => T {
  const cache = new Map<unknown, T>();
  return (v, where) => {
    if (v !== null && typeof v === "object") return read(v, where);
    const key = typeof v === "string" ? "s:" + v : v;
    if (cache.has(key)) return cache.get(key) as T;
    const value = read(v, where);
    cache.set(key, value);
    return value;
  };
}

function blankCell(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * The rows UNITSUMMARY gives to summarizeByUnit: rows whose every cell is empty are skipped;
 * a row with data but no unit keeps unit "" (shown as “(chưa ghi đơn vị)”).
 */
export function summaryRows(
  units: unknown,
  dues: unknown,
  statuses: unknown,
  completedOns: unknown,
  verdicts?: unknown,
): Array<SummaryRow & { verdict?: unknown }> {
  const unitCol = readColumn(units, "Vùng đơn vị") as Column;
  const dueCol = readColumn(dues, "Vùng thời hạn") as Column;
  const statusCol = readColumn(statuses, "Vùng trạng thái") as Column;
  const completedCol = readColumn(completedOns, "Vùng ngày hoàn thành", false);
  const verdictCol = readColumn(verdicts, "Vùng kết quả thẩm định", false);
  requireSameLength([
    [unitCol, "vùng đơn vị"],
    [dueCol, "vùng thời hạn"],
    [statusCol, "vùng trạng thái"],
    [completedCol, "vùng ngày hoàn thành"],
    [verdictCol, "vùng kết quả thẩm định"],
  ]);
  const due = perDistinctValue(readDue);
  const done = perDistinctValue(readDone);
  const completedOn = perDistinctValue(readDate);
  const rows: Array<SummaryRow & { verdict?: unknown }> = [];
  for (let i = 0; i < unitCol.values.length; i++) {
    const u = unitCol.values[i];
    const d = dueCol.values[i];
    const s = statusCol.values[i];
    const c = completedCol ? completedCol.values[i] : null;
    if (blankCell(u) && blankCell(d) && blankCell(s) && blankCell(c)) continue;
    const unit = unitText(readCell(u, unitCol.where(i)), unitCol.where(i)) ?? "";
    const row: SummaryRow = {
      unit,
      due: due(d, dueCol.where(i)),
      done: done(s, statusCol.where(i)),
    };
    if (completedCol) row.completedOn = completedOn(c, completedCol.where(i));
    rows.push(verdictCol ? { ...row, verdict: readCell(verdictCol.values[i], verdictCol.where(i)) } : row);
  }
  return rows;
}

/**
 * The Đơn vị label of a UNITSUMMARY line. A line whose text is the same unit written otherwise
 * (stray space, NFD letters, "SNV"…) — COUNTIFS and Tổng hợp count it apart — says so.
 */
function lineLabel(
  g: { line: { unit: string }; looseKey: string; looseName: string },
  shared: boolean,
): string {
  const text = g.line.unit;
  if (text === "") return NO_UNIT_LABEL;
  const other = countifsUnitKey(text) !== countifsUnitKey(g.looseName);
  if (!other || !(shared || g.looseKey.startsWith("id"))) return outputText(text);
  return outputText(
    `${text} (khác tên chuẩn ${quote(g.looseName)}: ${unitSpellingDifference(text)}; COUNTIFS tính riêng)`,
  );
}

/**
 * CCHC.UNITSUMMARY: header row + one row per unit cell text, grouped exactly as COUNTIFS counts
 * (summarizeByUnitCell, the grouping of the pane and Tổng hợp).
 */
export function unitSummaryTable(
  units: unknown,
  dues: unknown,
  statuses: unknown,
  completedOns: unknown,
  reportDate: unknown,
  verdicts?: unknown,
): (string | number)[][] {
  return guard(() => {
    const rows = summaryRows(units, dues, statuses, completedOns, verdicts);
    const asOf = readReportDate(reportDate);
    const reviewed = Array.isArray(verdicts);
    const table: (string | number)[][] = [
      reviewed ? [...UNIT_SUMMARY_HEADER, ...UNIT_SUMMARY_REVIEW_HEADER] : [...UNIT_SUMMARY_HEADER],
    ];
    const groups = summarizeByUnitCell(rows, asOf);
    const perLooseKey = new Map<string, number>();
    for (const g of groups) perLooseKey.set(g.looseKey, (perLooseKey.get(g.looseKey) ?? 0) + 1);
    for (const g of groups) {
      const s = g.line;
      const line: (string | number)[] = [
        lineLabel(g, (perLooseKey.get(g.looseKey) ?? 0) > 1),
        s.assigned,
        s.done,
        s.doneOnTime,
        s.doneLate,
        s.overdue,
        s.completionRate,
      ];
      if (reviewed) {
        const c = { done: 0, unreviewed: 0 };
        for (const r of g.rows) {
          if (!r.done) continue;
          const v = parseVerdict(r.verdict);
          if (v === null) c.unreviewed += 1;
          // Claimed done and not judged Không đạt / Cần bổ sung; unreviewed claims count (the default).
          if (v === null || v === "accepted") c.done += 1;
        }
        line.push(c.done, s.assigned === 0 ? 0 : c.done / s.assigned, c.unreviewed);
      }
      table.push(line);
    }
    return table;
  });
}
