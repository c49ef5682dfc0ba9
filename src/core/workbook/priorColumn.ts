/**
 * Year over year in a workbook of the map from 01/07/2025: the column "Tỷ lệ 2024 (ước tính)"
 * appended right after Tổng hợp's columns (the header row's existing columns never change), each
 * unit's 2024 completion rate combined from the 2024 units that formed it (priorRateFromLines,
 * src/core/units/yearOverYear.ts), read from a 2024 workbook's Phân công. Values, not formulas:
 * the 2024 workbook is another file. An old unit split between successors counts whole under
 * each of them: an approximation, named in the note beside the table.
 */
import { isDoneCell } from "./evaluate";
import { PERCENT_FORMAT, ROLE, SHEETS, SUMMARY_HEADERS, SUMMARY_REVIEW_HEADERS } from "./layout";
import { columnLetter, type PlanCell, type PlanOp } from "./plan";
import { priorRateFromLines, type PriorLine, type PriorRate } from "../units/yearOverYear";
import { foldVietnamese } from "../text/fold";

export const PRIOR_RATE_HEADER = "Tỷ lệ 2024 (ước tính)";

/**
 * Per-unit counts of a 2024 Phân công (header + rows as read from the file), as its Tổng hợp counts
 * them: the lead's rows (and the coordinating units' when Cấu hình says so); done = the drop-down
 * value (isDoneCell). Null when a needed column is missing.
 */
export function priorLinesFromAssignments(
  headers: readonly unknown[],
  rows: readonly unknown[][],
  includeCoordinating: boolean,
): PriorLine[] | null {
  const col = (h: string) => headers.findIndex((c) => foldVietnamese(String(c ?? "")) === foldVietnamese(h));
  const unit = col("Đơn vị");
  const role = col("Vai trò");
  const status = col("Trạng thái");
  if (unit < 0 || role < 0 || status < 0) return null;
  const lines = new Map<string, PriorLine>();
  for (const r of rows) {
    const name = String(r[unit] ?? "").trim();
    if (name === "") continue;
    const who = String(r[role] ?? "").trim();
    if (who !== ROLE.lead && !(includeCoordinating && who === ROLE.coordinating)) continue;
    const line = lines.get(name) ?? { unit: name, assigned: 0, done: 0 };
    line.assigned += 1;
    if (isDoneCell(r[status])) line.done += 1;
    lines.set(name, line);
  }
  return [...lines.values()];
}

/** The rate of each Tổng hợp line (same order), or null (no predecessor with a 2024 assignment). */
export function priorRates(
  unitNames: readonly string[],
  prior: readonly PriorLine[],
): Array<PriorRate | null> {
  return unitNames.map((name) => {
    const r = priorRateFromLines(prior, name);
    return r && r.completionRate !== null ? r : null;
  });
}

/**
 * Ops that append the column to a Tổng hợp written by summarySheetOps (`review`: with its
 * Thẩm định columns). `unitNames`: its unit lines in order (rows 2…). `source`: the 2024 file's name.
 */
export function priorColumnOps(
  unitNames: readonly string[],
  prior: readonly PriorLine[],
  options: { review: boolean; source: string },
): { ops: PlanOp[]; filled: number; approximate: string[] } {
  const sheet = SHEETS.summary;
  const width = SUMMARY_HEADERS.length + (options.review ? SUMMARY_REVIEW_HEADERS.length : 0);
  const c = columnLetter(width);
  const rates = priorRates(unitNames, prior);
  const approximate = unitNames.filter((_, i) => rates[i]?.approximate);
  const cells: PlanCell[][] = [
    [PRIOR_RATE_HEADER],
    ...rates.map((r) => [r ? r.completionRate : ""] as PlanCell[]),
  ];
  // Below the two notes beside the table (summarySheetOps writes them one column after it).
  const noteCol = columnLetter(width + 1);
  const note =
    `“${PRIOR_RATE_HEADER}”: tỷ lệ hoàn thành năm 2024 của các đơn vị cũ hợp thành đơn vị này (Σ hoàn thành / Σ được giao, ` +
    `chỉ tính vai trò như Tổng hợp của sổ 2024), theo sổ “${options.source}”; ô trống: không đơn vị cũ nào có nhiệm vụ năm 2024. ` +
    "Đơn vị cũ bị chia cho nhiều đơn vị mới được tính trọn cho mỗi đơn vị: chỉ là ước tính" +
    (approximate.length > 0 ? ` (${approximate.join(", ")}).` : ".") +
    " Bấm “Tổng hợp” trong ô tác vụ sẽ tạo lại trang này, không có cột này.";
  const ops: PlanOp[] = [
    {
      op: "writeCells",
      sheet,
      address: `${c}1`,
      rows: cells.slice(0, 1),
      style: { bold: true, fill: "#FFF2CC", wrap: true },
    },
    ...(unitNames.length > 0
      ? ([
          { op: "writeCells", sheet, address: `${c}2`, rows: cells.slice(1) },
          { op: "numberFormat", sheet, address: `${c}2:${c}${unitNames.length + 1}`, format: PERCENT_FORMAT },
        ] as PlanOp[])
      : []),
    {
      op: "writeCells",
      sheet,
      address: `${noteCol}3`,
      rows: [[note]],
      style: { italic: true, fontColor: "#595959" },
    },
  ];
  return { ops, filled: rates.filter((r) => r !== null).length, approximate };
}
