/**
 * Charts of the Tổng hợp sheet that a person can read on screen and on one printed page: the
 * completion rate by level (sở/ngành, Trung ương, huyện, xã, then the whole province) and the
 * units with the lowest rates set against the province's rate. No chart has more than
 * MAX_CHART_CATEGORIES categories (one bar per unit of 211 units was 70 cm tall).
 *
 * The chart data live in a small block to the right of the summary (SUMMARY_CHART_DATA_COLUMN),
 * written as native formulas with cached values (twins: levelRates, lowestUnits).
 */
import { LEVEL_LABELS } from "./layout";
import { isCounted, isDoneCell, type SummaryLine, type TrackerSettings } from "./evaluate";
import { levelRateFormula } from "./formulas";
import type { AssignmentRecord } from "./model";
import type { UnitSummary } from "../summary/summarize";
import type { PlanCell, PlanOp } from "./plan";

/** Largest number of categories (bars) in any chart of the workbook. */
export const MAX_CHART_CATEGORIES = 60;
/** How many of the lowest-rate units the second chart shows. */
export const LOWEST_UNITS_COUNT = 20;
/** Chart names (a rebuild of the sheet deletes them by name before adding them again). */
export const LEVEL_CHART = "CCHC_TyLeHoanThanh";
export const LOWEST_CHART = "CCHC_DonViThapNhat";
/** First column (0-based) of the chart data block on Tổng hợp: column Q. */
export const SUMMARY_CHART_DATA_COLUMN = 16;
/** Label of the province's bar (the Tổng cộng row's rate). */
export const PROVINCE_BAR_LABEL = "Toàn tỉnh";
/** Size of each chart in points: fits one A4 landscape page with margins (≈ 770 × 523 pt printable). */
export const CHART_WIDTH = 520;
export const LEVEL_CHART_HEIGHT = 260;
export const LOWEST_CHART_HEIGHT = 440;

export interface LevelRate {
  level: string;
  assigned: number;
  done: number;
  rate: number;
}

/** Twin of the level block: completion rate per level, in LEVEL_LABELS order, levels with rows only. */
export function levelRates(assignments: readonly AssignmentRecord[], s: TrackerSettings): LevelRate[] {
  const by = new Map<string, { assigned: number; done: number }>();
  for (const a of assignments) {
    if (!isCounted(a, s)) continue;
    const e = by.get(a.level) ?? { assigned: 0, done: 0 };
    e.assigned += 1;
    if (isDoneCell(a.status)) e.done += 1;
    by.set(a.level, e);
  }
  const out: LevelRate[] = [];
  for (const level of Object.values(LEVEL_LABELS)) {
    const e = by.get(level);
    if (!e || e.assigned === 0) continue;
    out.push({ level, ...e, rate: e.done / e.assigned });
  }
  return out;
}

/** Twin of the lowest-units block: indexes (into `lines`) of the lowest rates, lowest first, ties in sheet order. */
export function lowestUnits(
  lines: readonly Pick<SummaryLine, "completionRate">[],
  count = LOWEST_UNITS_COUNT,
): number[] {
  return lines
    .map((l, i) => ({ rate: l.completionRate, i }))
    .sort((a, b) => a.rate - b.rate || a.i - b.i)
    .slice(0, count)
    .map((x) => x.i);
}

function col(offset: number): string {
  let n = SUMMARY_CHART_DATA_COLUMN + offset + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * Ops that write the chart data block and both charts on `sheet`. `lines` are the summary rows
 * (row r = index + 2), `totalRow` the Tổng cộng row whose column G holds the province's rate.
 */
export function summaryChartOps(
  sheet: string,
  assignments: readonly AssignmentRecord[],
  s: TrackerSettings,
  lines: readonly SummaryLine[],
  total: UnitSummary,
  totalRow: number,
): PlanOp[] {
  if (lines.length === 0) return [];
  const a = col(0);
  const b = col(1);
  const province: PlanCell[] = [
    PROVINCE_BAR_LABEL,
    { formula: `=G${totalRow}`, cached: total.completionRate },
  ];
  const levels = levelRates(assignments, s);
  const levelRows: PlanCell[][] = [
    ["Cấp", "Tỷ lệ hoàn thành"],
    ...levels.map((l): PlanCell[] => [l.level, { formula: levelRateFormula(l.level), cached: l.rate }]),
    province,
  ];
  const levelFirst = 2;
  const levelLast = levelFirst + levels.length; // the province row included
  const lowTop = levelLast + 3;
  const low = lowestUnits(lines);
  const lowRows: PlanCell[][] = [
    ["Đơn vị (tỷ lệ thấp nhất)", "Tỷ lệ hoàn thành"],
    province,
    ...low.map((i): PlanCell[] => [
      { formula: `=A${i + 2}`, cached: lines[i].unit },
      { formula: `=G${i + 2}`, cached: lines[i].completionRate },
    ]),
  ];
  const lowFirst = lowTop + 1;
  const lowLast = lowTop + lowRows.length - 1;
  const note =
    `Số liệu của hai biểu đồ (tự tính từ trang “Phân công”). ${LOWEST_UNITS_COUNT} đơn vị có tỷ lệ thấp nhất ` +
    "được chọn khi lập trang này; bấm “Tổng hợp” lại để chọn theo số liệu mới.";
  const ops: PlanOp[] = [
    {
      op: "writeCells",
      sheet,
      address: `${a}1`,
      rows: [[note]],
      style: { italic: true, fontColor: "#595959" },
    },
    { op: "writeCells", sheet, address: `${a}${levelFirst - 1}`, rows: levelRows },
    {
      op: "style",
      sheet,
      address: `${a}${levelFirst - 1}:${b}${levelFirst - 1}`,
      style: { bold: true, fill: "#DDEBF7" },
    },
    { op: "writeCells", sheet, address: `${a}${lowTop}`, rows: lowRows },
    { op: "style", sheet, address: `${a}${lowTop}:${b}${lowTop}`, style: { bold: true, fill: "#DDEBF7" } },
    { op: "numberFormat", sheet, address: `${b}${levelFirst}:${b}${lowLast}`, format: "0.0%" },
    {
      op: "columnWidths",
      sheet,
      widths: [
        { column: SUMMARY_CHART_DATA_COLUMN, width: 44 },
        { column: SUMMARY_CHART_DATA_COLUMN + 1, width: 15 },
      ],
    },
    {
      op: "chart",
      sheet,
      name: LEVEL_CHART,
      kind: "barClustered",
      title: "Tỷ lệ hoàn thành theo cấp",
      categories: `${a}${levelFirst}:${a}${levelLast}`,
      values: `${b}${levelFirst}:${b}${levelLast}`,
      seriesName: "Tỷ lệ hoàn thành",
      anchor: `${col(3)}2`,
      width: CHART_WIDTH,
      height: LEVEL_CHART_HEIGHT,
    },
  ];
  if (lines.length > 1) {
    ops.push({
      op: "chart",
      sheet,
      name: LOWEST_CHART,
      kind: "barClustered",
      title: `${Math.min(LOWEST_UNITS_COUNT, lines.length)} đơn vị có tỷ lệ hoàn thành thấp nhất, so với toàn tỉnh`,
      categories: `${a}${lowFirst}:${a}${lowLast}`,
      values: `${b}${lowFirst}:${b}${lowLast}`,
      seriesName: "Tỷ lệ hoàn thành",
      anchor: `${col(3)}${2 + Math.ceil(LEVEL_CHART_HEIGHT / 12) + 2}`,
      width: CHART_WIDTH,
      height: LOWEST_CHART_HEIGHT,
    });
  }
  return ops;
}
