/**
 * Charts of the Tổng hợp sheet that a person can read on screen and on one printed page: the
 * completion rate by level (sở/ngành, Trung ương, huyện, xã, then the whole province) and the
 * units with the lowest rates set against the province's rate. No chart has more than
 * MAX_CHART_CATEGORIES categories (one bar per unit of 211 units was 70 cm tall).
 *
 * Both charts are on their own sheet (Biểu đồ) with their data below them, written as native
 * formulas with cached values (twins: levelRates, lowestUnits), and print on one landscape page.
 */
import { LEVEL_LABELS, SHEETS } from "./layout";
import { isCounted, isDoneCell, summaryLines, type SummaryLine, type TrackerSettings } from "./evaluate";
import { levelRateFormula } from "./formulas";
import type { AssignmentRecord } from "./model";
import type { PlanCell, PlanOp } from "./plan";

/** Largest number of categories (bars) in any chart of the workbook. */
export const MAX_CHART_CATEGORIES = 60;
/** How many of the lowest-rate units the second chart shows. */
export const LOWEST_UNITS_COUNT = 20;
/** Chart names (a rebuild of the sheet deletes them by name before adding them again). */
export const LEVEL_CHART = "CCHC_TyLeHoanThanh";
export const LOWEST_CHART = "CCHC_DonViThapNhat";
/** The sheet of the charts (after Tổng hợp): both charts side by side on one landscape page, their data below. */
export const CHARTS_SHEET = "Biểu đồ";
/** First row of the chart data block (below the charts, which are 460 pt ≈ 31 rows of 15 pt tall). */
export const CHART_DATA_ROW = 38;
/** Label of the province's bar (the Tổng cộng row's rate). */
export const PROVINCE_BAR_LABEL = "Toàn tỉnh";
/**
 * Chart sizes in points. A4 landscape with default margins prints about 741 × 487 pt: the level
 * chart (columns A:B, ≈ 320 pt) and the lowest-units chart (from column D) fit one page side by side.
 */
export const LEVEL_CHART_WIDTH = 315;
export const LOWEST_CHART_WIDTH = 420;
export const CHART_HEIGHT = 440;

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

/**
 * Ops that build the Biểu đồ sheet (after Tổng hợp and Báo cáo): both charts, and their data (native
 * formulas over Tổng hợp, whose unit rows start at row 2 and end with Tổng cộng, with cached values).
 */
export function chartSheetOps(assignments: readonly AssignmentRecord[], s: TrackerSettings): PlanOp[] {
  const { lines, total } = summaryLines(assignments, s);
  const totalRow = lines.length + 2;
  const sheet = CHARTS_SHEET;
  const summary = `'${SHEETS.summary}'!`;
  const ops: PlanOp[] = [
    { op: "ensureSheet", sheet, clear: true, charts: [LEVEL_CHART, LOWEST_CHART], tabColor: "#C55A11" },
  ];
  if (lines.length === 0) return ops;
  const province: PlanCell[] = [
    PROVINCE_BAR_LABEL,
    { formula: `=${summary}G${totalRow}`, cached: total.completionRate },
  ];
  const levels = levelRates(assignments, s);
  const top = CHART_DATA_ROW;
  const levelRows: PlanCell[][] = [
    ["Cấp", "Tỷ lệ hoàn thành"],
    ...levels.map((l, i): PlanCell[] => [
      l.level,
      { formula: levelRateFormula(`$A${top + 1 + i}`), cached: l.rate },
    ]),
    province,
  ];
  const levelFirst = top + 1;
  const levelLast = top + levelRows.length - 1;
  const lowTop = levelLast + 2;
  const low = lowestUnits(lines);
  const lowRows: PlanCell[][] = [
    ["Đơn vị (tỷ lệ thấp nhất)", "Tỷ lệ hoàn thành"],
    province,
    ...low.map((i): PlanCell[] => [
      { formula: `=${summary}A${i + 2}`, cached: lines[i].unit },
      { formula: `=${summary}G${i + 2}`, cached: lines[i].completionRate },
    ]),
  ];
  const lowFirst = lowTop + 1;
  const lowLast = lowTop + lowRows.length - 1;
  const notes: PlanCell[][] = [
    [`Số liệu của hai biểu đồ, tự tính từ trang “${SHEETS.summary}” (bảng đầy đủ ở đó).`],
    [`${LOWEST_UNITS_COUNT} đơn vị có tỷ lệ thấp nhất được chọn khi lập trang;`],
    ["bấm “Tổng hợp” lại để chọn theo số liệu mới."],
  ];
  ops.push(
    {
      op: "writeCells",
      sheet,
      address: `A${top - notes.length - 1}`,
      rows: notes,
      style: { italic: true, fontColor: "#595959" },
    },
    { op: "writeCells", sheet, address: `A${top}`, rows: levelRows },
    { op: "style", sheet, address: `A${top}:B${top}`, style: { bold: true, fill: "#DDEBF7" } },
    { op: "writeCells", sheet, address: `A${lowTop}`, rows: lowRows },
    { op: "style", sheet, address: `A${lowTop}:B${lowTop}`, style: { bold: true, fill: "#DDEBF7" } },
    { op: "numberFormat", sheet, address: `B${levelFirst}:B${lowLast}`, format: "0.0%" },
    {
      op: "columnWidths",
      sheet,
      widths: [
        { column: 0, width: 44 },
        { column: 1, width: 15 },
        { column: 2, width: 2 },
      ],
    },
    {
      op: "chart",
      sheet,
      name: LEVEL_CHART,
      kind: "barClustered",
      title: "Tỷ lệ hoàn thành theo cấp",
      categories: `A${levelFirst}:A${levelLast}`,
      values: `B${levelFirst}:B${levelLast}`,
      seriesName: "Tỷ lệ hoàn thành",
      anchor: "A1",
      width: LEVEL_CHART_WIDTH,
      height: CHART_HEIGHT,
    },
  );
  if (lines.length > 1) {
    ops.push({
      op: "chart",
      sheet,
      name: LOWEST_CHART,
      kind: "barClustered",
      title: `${Math.min(LOWEST_UNITS_COUNT, lines.length)} đơn vị có tỷ lệ hoàn thành thấp nhất, so với toàn tỉnh`,
      categories: `A${lowFirst}:A${lowLast}`,
      values: `B${lowFirst}:B${lowLast}`,
      seriesName: "Tỷ lệ hoàn thành",
      anchor: "D1",
      width: LOWEST_CHART_WIDTH,
      height: CHART_HEIGHT,
    });
  }
  ops.push({ op: "pageSetup", sheet, landscape: true, paper: "A4", fitToWidth: true });
  return ops;
}
