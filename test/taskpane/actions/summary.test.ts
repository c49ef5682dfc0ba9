/**
 * Tổng hợp, Chấm điểm and Báo cáo against the workbook double: the summary sheet's exact header
 * row, one row per lead unit then "Tổng cộng", the chart recorded (once), the tier table resized
 * without disturbing the rest of Cấu hình, the print-ready report sheet.
 */
import { applyScoreRule, buildReport, buildSummary } from "../../../src/taskpane/actions/summary";
import { readTrackerStatus } from "../../../src/taskpane/actions/status";
import { ActionError } from "../../../src/taskpane/actions/common";
import { buildModel, type AssignmentRecord } from "../../../src/core/workbook/model";
import { fromExcelSerial } from "../../../src/core/dates/isoDate";
import { defaultSettings, summaryLines } from "../../../src/core/workbook/evaluate";
import {
  NAMES,
  SHEETS,
  SUMMARY_HEADERS,
  SUMMARY_TOTAL_LABEL,
  TABLES,
} from "../../../src/core/workbook/layout";
import { CONFIG_ROWS, SUMMARY_CHART } from "../../../src/core/workbook/sheets";
import { MOTTO, REPORT_UNIT_HEADERS, reportTableHeaderRow } from "../../../src/core/workbook/reportDoc";
import {
  CHARTS_SHEET,
  LOWEST_CHART,
  MAX_CHART_CATEGORIES,
  PROVINCE_BAR_LABEL,
} from "../../../src/core/workbook/charts";
import type { ScoreRule } from "../../../src/core/scoring/score";
import type { Catalogue } from "../../../src/core/catalogue/types";
import type { WorkbookDouble } from "../../double/workbookDouble";
import {
  assignmentHeader,
  catalogueWithRows,
  colName,
  installDouble,
  pull,
  REPORT_DATE,
} from "../../double/testkit";

async function tracker(catalogue: Catalogue): Promise<WorkbookDouble> {
  const d = installDouble();
  await pull(d, catalogue, { reportDate: REPORT_DATE });
  // Some progress: every third row done (on time), every fifth in progress.
  const t = d.workbook.table(TABLES.assignments);
  const s = colName(t.headers.indexOf(assignmentHeader("status")));
  const c = colName(t.headers.indexOf(assignmentHeader("completedOn")));
  d.workbook.setRaw(
    t.sheet,
    `${s}2:${s}${t.rows.length + 1}`,
    t.rows.map((_, i) => [i % 3 === 0 ? "Đã hoàn thành" : i % 5 === 0 ? "Đang thực hiện" : ""]),
  );
  d.workbook.setRaw(
    t.sheet,
    `${c}2:${c}${t.rows.length + 1}`,
    t.rows.map((_, i) => [i % 3 === 0 ? 45500 : ""]),
  );
  return d;
}

/**
 * The PhanCong rows the summary must count, from an independent source: the catalogue's model
 * (the first pull writes its rows in this order) with the progress tracker() typed.
 */
function recordsOf(catalogue: Catalogue): AssignmentRecord[] {
  return buildModel(catalogue).assignments.map((a, i) => ({
    ...a,
    status: i % 3 === 0 ? "Đã hoàn thành" : i % 5 === 0 ? "Đang thực hiện" : null,
    completedOn: i % 3 === 0 ? fromExcelSerial(45500) : null,
  }));
}

/** Lead units of in-catalogue rows, told apart by unit id (or name when unknown) — independent of the summary code. */
function leadUnits(catalogue: Catalogue): number {
  return new Set(
    buildModel(catalogue)
      .assignments.filter((a) => a.role === "Chủ trì")
      .map((a) => a.unitId ?? `?${a.unit}`),
  ).size;
}

describe.each<[string, number]>([
  ["55 rows", 55],
  ["5,000 rows", 5000],
])("buildSummary, %s", (_label, n) => {
  test("Tổng hợp: the exact header row, one row per lead unit, Tổng cộng last, the chart recorded", async () => {
    const catalogue = catalogueWithRows(n);
    const d = await tracker(catalogue);
    d.stats.reset();
    const out = await d.Excel.run((ctx) => buildSummary(ctx));
    const units = leadUnits(catalogue);
    const sheet = d.workbook.sheet(SHEETS.summary);
    expect(sheet.values("A1:H1")[0]).toEqual([
      "Đơn vị",
      "Được giao",
      "Hoàn thành",
      "Đúng hạn",
      "Trễ hạn",
      "Quá hạn",
      "Tỷ lệ hoàn thành",
      "Điểm",
    ]);
    expect(sheet.values("A1:H1")[0]).toEqual([...SUMMARY_HEADERS]);
    expect(out.lines.length).toBe(units);
    const names = sheet.values(`A2:A${units + 2}`).flat();
    expect(names.slice(0, units)).toEqual(out.lines.map((l) => l.unit));
    expect(names[units]).toBe(SUMMARY_TOTAL_LABEL);
    expect(sheet.values(`A${units + 3}`)).toEqual([[""]]);
    expect(sheet.cell(`B${units + 2}`)?.formula).toBe(`=SUM(B2:B${units + 1})`);
    expect(sheet.cell("B2")?.formula).toMatch(/^=COUNTIFS\(PhanCong\[Đơn vị\],"="&SUBSTITUTE/);
    // The pane's numbers are the core twins of the sheet, from the rows as typed.
    const twin = summaryLines(recordsOf(catalogue), defaultSettings(REPORT_DATE));
    expect(out.lines).toEqual(twin.lines);
    expect(out.total).toEqual(twin.total);
    expect(out.total.done).toBeGreaterThan(0);
    // Tổng hợp keeps no chart; the Biểu đồ sheet has two readable ones: rates by level (a handful
    // of bars) and the lowest units against the province, each ≤ 60 bars.
    expect(sheet.charts).toHaveLength(0);
    const charts = d.workbook.sheet(CHARTS_SHEET);
    expect(charts.charts.map((c) => [c.name, c.type])).toEqual([
      [SUMMARY_CHART, "BarClustered"],
      [LOWEST_CHART, "BarClustered"],
    ]);
    const [level, lowest] = charts.charts;
    expect(charts.values(level.series[0].xValues).flat().at(-1)).toBe(PROVINCE_BAR_LABEL);
    expect(charts.values(lowest.series[0].xValues).flat()).toHaveLength(Math.min(units, 20) + 1);
    for (const c of charts.charts)
      expect(charts.values(c.series[0].xValues).flat().length).toBeLessThanOrEqual(MAX_CHART_CATEGORIES);
    // Lowest rates first, each bar a live reference to its Tổng hợp row.
    const rowOf = new Map(out.lines.map((l, i) => [l.unit, i + 2]));
    const expected = [...out.lines]
      .map((l, i) => ({ l, i }))
      .sort((a, b) => a.l.completionRate - b.l.completionRate || a.i - b.i)
      .slice(0, 20)
      .map((x) => `='Tổng hợp'!A${rowOf.get(x.l.unit)}`);
    expect(charts.formulas(lowest.series[0].xValues).flat().slice(1)).toEqual(expected);
    expect(out.stats.syncs).toBe(d.stats.syncs);
    expect(out.stats.syncs).toBeLessThanOrEqual(n > 4000 ? 3 : 2);
  }, 60_000);
});

describe("buildSummary and buildReport, rebuilt", () => {
  test("a rebuild replaces the sheet: one chart, one set of colour rules, a summary that shrank leaves no stale rows", async () => {
    const catalogue = catalogueWithRows(55);
    const d = await tracker(catalogue);
    await d.Excel.run((ctx) => buildSummary(ctx));
    // Half the lead rows leave the catalogue: fewer units next time.
    const t = d.workbook.table(TABLES.assignments);
    const inCat = colName(t.headers.indexOf(assignmentHeader("inCatalogue")));
    d.workbook.setRaw(
      t.sheet,
      `${inCat}2:${inCat}${t.rows.length + 1}`,
      t.rows.map((_, i) => [i < t.rows.length / 2 ? "Không" : "Có"]),
    );
    const out = await d.Excel.run((ctx) => buildSummary(ctx));
    const sheet = d.workbook.sheet(SHEETS.summary);
    expect(sheet.charts.length).toBe(0);
    expect(d.workbook.sheet(CHARTS_SHEET).charts.map((c) => c.name)).toEqual([SUMMARY_CHART, LOWEST_CHART]);
    expect(sheet.conditionalFormats.length).toBe(1);
    expect(sheet.usedAddress()).toBe(`A1:N${out.lines.length + 2}`);
  });

  test("pivot: a PivotTable on Phân công; a second one is refused", async () => {
    const d = await tracker(catalogueWithRows(55));
    await d.Excel.run((ctx) => buildSummary(ctx, { pivot: true }));
    expect(d.workbook.pivots()).toEqual([
      {
        name: "PivotPhanCong",
        source: TABLES.assignments,
        destination: "'Pivot Phân công'!A3",
        rows: ["Đơn vị"],
        columns: ["Tình trạng"],
        data: [{ field: "Mã NV", summarizeBy: "Count" }],
        filters: [{ field: "Vai trò", selected: ["Chủ trì"] }, { field: "Trong danh mục" }],
      },
    ]);
    await expect(d.Excel.run((ctx) => buildSummary(ctx, { pivot: true }))).rejects.toBeInstanceOf(
      ActionError,
    );
  });

  test("buildReport (province-wide): the document's header, per-unit Phụ lục referring to Tổng hợp, Tổng cộng, print setup; a rebuild keeps one of each", async () => {
    const catalogue = catalogueWithRows(55);
    const d = await tracker(catalogue);
    const out = await d.Excel.run((ctx) => buildReport(ctx));
    await d.Excel.run((ctx) => buildReport(ctx));
    const n = out.lines.length;
    const r = d.workbook.sheet(SHEETS.report);
    const h = reportTableHeaderRow(false);
    expect(r.values(`A${h}:I${h}`)[0]).toEqual([...REPORT_UNIT_HEADERS]);
    expect(r.values(`A${h + 1}:A${h + n}`).flat()).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(r.formulas(`B${h + 1}:B${h + 1 + n}`).flat()).toEqual([
      ...Array.from({ length: n }, (_, i) => `='Tổng hợp'!A${i + 2}`),
      SUMMARY_TOTAL_LABEL,
    ]);
    expect(r.values("D1:D2").flat()).toEqual([...MOTTO]);
    expect(r.cell("A1")?.formula).toBe(`=${NAMES.reportIssuer}`);
    expect(r.cell("D3")?.formula).toContain(`DAY(${NAMES.reportDate})`);
    expect(r.merges).toEqual(expect.arrayContaining(["A1:C1", "D1:I1", "A2:C2", "D2:I2", "D3:I3", "A5:I5"]));
    expect(new Set(r.merges).size).toBe(r.merges.length);
    expect(r.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      printTitleRows: `$${h}:$${h}`,
      printArea: `A1:I${h + 1 + n}`,
    });
    expect(r.values("A8")[0][0]).toMatch(/DỮ LIỆU MINH HỌA/);
    expect(d.workbook.sheetNames()).toEqual(expect.arrayContaining([SHEETS.summary, SHEETS.report]));
  });

  test("without the tracker → ActionError, nothing written", async () => {
    const d = installDouble();
    const before = d.workbook.snapshot();
    await expect(d.Excel.run((ctx) => buildSummary(ctx))).rejects.toBeInstanceOf(ActionError);
    await expect(d.Excel.run((ctx) => buildReport(ctx))).rejects.toBeInstanceOf(ActionError);
    expect(d.workbook.snapshot()).toEqual(before);
  });
});

describe("applyScoreRule", () => {
  const TIERS3: ScoreRule = {
    mode: "tiers",
    maxPoints: 3,
    threshold: 0.5,
    latePenalty: 0.25,
    tiers: [
      { minRate: 1, points: 3 },
      { minRate: 0.8, points: 2 },
      { minRate: 0.5, points: 1 },
    ],
  };
  const TIERS1: ScoreRule = { mode: "tiers", maxPoints: 2, tiers: [{ minRate: 0.9, points: 2 }] };
  const PROPORTIONAL: ScoreRule = { mode: "proportional", maxPoints: 10, threshold: 0.7, latePenalty: 0 };

  test.each<[string, ScoreRule, unknown[][]]>([
    [
      "3 tiers (the table grows from 2 rows)",
      TIERS3,
      [
        [1, 3, "≥"],
        [0.8, 2, "≥"],
        [0.5, 1, "≥"],
      ],
    ],
    [
      "1 tier (the table keeps 2 rows, the second emptied)",
      TIERS1,
      [
        [0.9, 2, "≥"],
        ["", "", ""],
      ],
    ],
    [
      "proportional (the tier table is left as it was)",
      PROPORTIONAL,
      [
        ["", "", ""],
        ["", "", ""],
      ],
    ],
  ])(
    "%s: rule cells, tier table, the rest of Cấu hình intact, points recomputed",
    async (_label, rule, tierRows) => {
      const catalogue = catalogueWithRows(55);
      const d = await tracker(catalogue);
      const configBefore = d.workbook.sheet(SHEETS.config).values("A21:C31");
      const namesBefore = d.workbook.names();
      const out = await d.Excel.run((ctx) => applyScoreRule(ctx, rule));
      const config = d.workbook.sheet(SHEETS.config);
      expect(config.values("B9:B12").flat()).toEqual([
        rule.mode === "tiers" ? "Bậc" : "Tỷ lệ",
        rule.maxPoints,
        rule.threshold ?? 0,
        rule.latePenalty ?? 0,
      ]);
      expect(config.values("A8")).toEqual([["QUY TẮC CHẤM ĐIỂM"]]);
      expect(d.workbook.table(TABLES.tiers).rows).toEqual(tierRows);
      expect(d.workbook.table(TABLES.tiers).address).toBe(
        `A${CONFIG_ROWS.tiersHeader}:C${CONFIG_ROWS.tiersHeader + tierRows.length}`,
      );
      // The catalogue block below the tier table and the names must not move.
      expect(config.values("A21:C31")).toEqual(configBefore);
      expect(d.workbook.names()).toEqual(namesBefore);
      const status = await d.Excel.run((ctx) => readTrackerStatus(ctx));
      expect(status.catalogue?.id).toBe(catalogue.id);
      expect(out.settings.rule).toEqual(rule);
      expect(out.lines).toEqual(
        summaryLines(recordsOf(catalogue), { ...defaultSettings(REPORT_DATE), rule }).lines,
      );
    },
  );

  test("an invalid rule → ActionError before any round trip", async () => {
    const d = await tracker(catalogueWithRows(55));
    d.stats.reset();
    await expect(
      d.Excel.run((ctx) => applyScoreRule(ctx, { mode: "tiers", maxPoints: 2, tiers: [] })),
    ).rejects.toBeInstanceOf(ActionError);
    expect(d.stats.syncs).toBe(0);
  });
});
