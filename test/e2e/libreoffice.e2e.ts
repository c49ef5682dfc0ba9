/**
 * Issue 6 §2 — the workbook's formulas recalculated by a real engine. Each case builds a plan with
 * the core, writes it WITHOUT cached values (so nothing can leak from the core), lets headless
 * LibreOffice recalculate every formula and export every sheet as CSV (raw values), then compares
 * cell by cell with the core twins: Tình trạng = classifyTask, Kiểm tra, Kỳ hạn, the task counts
 * and Tiến độ text, Tổng hợp = summarizeByUnit + planScore, its totals, Báo cáo, Cấu hình.
 *
 * Number formats are dropped for the engine run (a CSV export writes a date or a percentage as
 * shown, not as the number); formulas do not depend on formats.
 *
 * E2E_BREAK_FORMULA=1 applies a broken Tình trạng formula (<= turned into <) to every case, to
 * see the suite fail; the "detects a broken formula" test does the same on one case and expects
 * the differences.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { loadBundledCatalogue } from "../../src/core/catalogue/bundled";
import { parseCatalogue } from "../../src/core/catalogue/parse";
import type { Catalogue } from "../../src/core/catalogue/types";
import { findUnit } from "../../src/core/units/units";
import {
  defaultSettings,
  assignmentStateLabel,
  type TrackerSettings,
} from "../../src/core/workbook/evaluate";
import { SHEETS, TABLES } from "../../src/core/workbook/layout";
import { stateFormula } from "../../src/core/workbook/formulas";
import { buildModel, type TrackerModel } from "../../src/core/workbook/model";
import type { PlanOp, WorkbookPlan } from "../../src/core/workbook/plan";
import { buildWorkbookPlan } from "../../src/core/workbook/tracker";
import { parseProgressCsv } from "../../src/core/workbook/progress";
import { planExport } from "../../src/export/cli";
import { writeWorkbook } from "../../src/export/xlsxWriter";
import { coverage, generateCatalogue, generateProgressCsv } from "./lib/generate";
import { compareWorkbook, formatDiffs } from "./lib/compareWorkbook";
import { convertWithLibreOffice, hasSoffice, recalcToCsv, tempDir } from "./lib/libreoffice";

jest.setTimeout(600_000);

const SHEET_NAMES = Object.values(SHEETS);
const timings: string[] = [];
const findings: string[] = [];
let work = "";

interface Built {
  plan: WorkbookPlan;
  model: TrackerModel;
  settings: TrackerSettings;
  singleUnit: boolean;
}

function build(catalogue: Catalogue, settings: TrackerSettings, progressCsv?: string): Built {
  const progress = progressCsv ? parseProgressCsv(progressCsv) : undefined;
  const { plan, model } = buildWorkbookPlan({
    catalogue,
    settings,
    reportDateIsToday: false,
    progress,
    loadedFrom: catalogue.id,
    loadedAt: "2024-11-15T08:00:00.000Z",
  });
  expect(model.unmatchedProgress).toEqual([]);
  return { plan, model, settings, singleUnit: false };
}

/** The Tình trạng formula with `<=` turned into `<` (done on the deadline becomes "late"). */
function breakStateFormula(plan: WorkbookPlan): WorkbookPlan {
  const good = stateFormula();
  const bad = good.replace("]]<=PhanCong", "]]<PhanCong");
  if (bad === good) throw new Error("the state formula no longer has the <= this test breaks");
  return {
    ops: plan.ops.map((op): PlanOp =>
      op.op === "fillFormula" && op.formula === good ? { ...op, formula: bad } : op,
    ),
  };
}

/** What the engine gets: no number formats (raw values in the CSV), optionally a broken formula. */
function forEngine(plan: WorkbookPlan, broken: boolean): WorkbookPlan {
  const ops = plan.ops.filter((op) => op.op !== "numberFormat");
  return broken ? breakStateFormula({ ops }) : { ops };
}

async function recalc(
  name: string,
  b: Built,
  options: { broken?: boolean; calculatedColumns?: boolean } = {},
) {
  const t0 = Date.now();
  const bytes = await writeWorkbook(
    forEngine(b.plan, options.broken ?? process.env.E2E_BREAK_FORMULA === "1"),
    {
      cachedValues: false,
      calculatedColumns: options.calculatedColumns,
    },
  );
  const writeSeconds = (Date.now() - t0) / 1000;
  const file = path.join(work, `${name.replace(/[^a-z0-9-]+/gi, "-")}.xlsx`);
  await fs.writeFile(file, bytes);
  // The 50,000-row workbook takes LibreOffice about 5 minutes on a busy 2-core machine (Tổng hợp's
  // reviewed columns doubled its COUNTIFS); allow for a slower machine rather than fail on time.
  const result = await recalcToCsv(
    file,
    SHEET_NAMES,
    b.model.assignments.length > 20_000 ? 850_000 : undefined,
  );
  const t1 = Date.now();
  const cmp = compareWorkbook(result.sheets, {
    model: b.model,
    settings: b.settings,
    singleUnit: b.singleUnit,
  });
  const line =
    `${name}: ${b.model.assignments.length} phân công, ${b.model.tasks.length} nhiệm vụ — ghi xlsx ${writeSeconds.toFixed(1)} s ` +
    `(${(bytes.length / 1e6).toFixed(2)} MB), LibreOffice ${result.seconds.toFixed(1)} s, so sánh ${cmp.checked} ô ${((Date.now() - t1) / 1000).toFixed(1)} s`;
  timings.push(line);
  for (const k of cmp.knownIssues) findings.push(`${name}: ${k}`);
  return cmp;
}

async function expectSameAsCore(name: string, b: Built, options: { calculatedColumns?: boolean } = {}) {
  const cmp = await recalc(name, b, options);
  if (cmp.diffs.length > 0) throw new Error(`${name}\n${formatDiffs(cmp.diffs)}`);
  expect(cmp.checked).toBeGreaterThan(b.model.assignments.length * 10);
}

function tiers(latePenalty: number): TrackerSettings["rule"] {
  return {
    mode: "tiers",
    maxPoints: 2,
    threshold: 0.8,
    latePenalty,
    tiers: [
      { minRate: 1, points: 2 },
      { minRate: 0.8, points: 1.5 },
      { minRate: 0.5, points: 1 },
      { minRate: 0, points: 0.25 },
    ],
  };
}

beforeAll(async () => {
  if (!(await hasSoffice()))
    throw new Error(
      "LibreOffice (soffice) is required: apt-get install -y --no-install-recommends libreoffice-calc",
    );
  work = await tempDir("e2e-libreoffice-");
});

afterAll(async () => {
  if (work) await fs.rm(work, { recursive: true, force: true });
  console.log(`LibreOffice timings (2 cores):\n  ${timings.join("\n  ")}`);
  if (findings.length > 0)
    console.log(
      `Known core issues (engine checked against the unit-name count):\n  ${findings.join("\n  ")}`,
    );
});

describe("formulas recalculated by LibreOffice equal the core", () => {
  test("bundled demo-2024, 30/06/2024, default rule, calculated table columns", async () => {
    const catalogue = await loadBundledCatalogue("demo-2024");
    const csv = generateProgressCsv(buildModel(catalogue), { seed: 21, share: 0.5 });
    const b = build(catalogue, defaultSettings("2024-06-30"), csv);
    await expectSameAsCore("demo-2024", b, { calculatedColumns: true });
  });

  test("bundled cv-5893-2024, 24/12/2024 (due soon), coordinating counted, tiers", async () => {
    const catalogue = await loadBundledCatalogue("cv-5893-2024");
    const csv = generateProgressCsv(buildModel(catalogue), { seed: 22, share: 0.4 });
    const b = build(
      catalogue,
      { ...defaultSettings("2024-12-24"), includeCoordinating: true, rule: tiers(0) },
      csv,
    );
    await expectSameAsCore("cv-5893-2024", b);
  });

  const cat5k = () =>
    generateCatalogue({ seed: 7, assignments: 5_000, title: '=HYPERLINK("http://x","bấm")' });

  test("5,000 rows: 15/11/2024, leads only, proportional ≥ 80 %, 0.25 off per late task", async () => {
    const catalogue = cat5k();
    const csv = generateProgressCsv(buildModel(catalogue), { seed: 8, share: 0.6 });
    const settings = {
      ...defaultSettings("2024-11-15"),
      rule: { mode: "proportional" as const, maxPoints: 2, threshold: 0.8, latePenalty: 0.25 },
    };
    const b = build(catalogue, settings, csv);
    const states = coverage(b.model.assignments, (a) => assignmentStateLabel(a, settings));
    expect(Object.keys(states).length).toBe(7); // every Tình trạng occurs
    await expectSameAsCore("5k-A", b);
  });

  test("5,000 rows: 31/12/2024 (on the deadline), coordinating counted (*), tiers, due-soon 10 days", async () => {
    const catalogue = cat5k();
    const csv = generateProgressCsv(buildModel(catalogue), { seed: 9, share: 0.75 });
    const b = build(
      catalogue,
      { ...defaultSettings("2024-12-31"), dueSoonDays: 10, includeCoordinating: true, rule: tiers(0.1) },
      csv,
    );
    await expectSameAsCore("5k-B", b);
  });

  test("50,000 rows: 15/01/2025 (after the deadlines), leads only, tiers with late penalty", async () => {
    const catalogue = generateCatalogue({ seed: 11, assignments: 50_000 });
    const csv = generateProgressCsv(buildModel(catalogue), { seed: 12, share: 0.6 });
    const b = build(catalogue, { ...defaultSettings("2025-01-15"), rule: tiers(0.05) }, csv);
    await expectSameAsCore("50k", b);
  }, 900_000);

  test("one-unit workbook (Sở Nội vụ) through the export's progress path", async () => {
    const catalogue = await loadBundledCatalogue("demo-2024");
    const csv = generateProgressCsv(buildModel(catalogue), { seed: 13, share: 0.9 });
    const unit = findUnit("Sở Nội vụ");
    const settings = defaultSettings("2024-09-30");
    const r = planExport({
      catalogue,
      settings,
      progress: parseProgressCsv(csv),
      unit,
      loadedFrom: "demo-2024",
      loadedAt: "2024-09-30T00:00:00Z",
    });
    expect(r.problems).toEqual([]);
    const { plan, model } = r.plan as NonNullable<typeof r.plan>;
    expect(new Set(model.assignments.map((a) => a.unitId))).toEqual(new Set(["SNV"]));
    await expectSameAsCore("one-unit-SNV", { plan, model, settings, singleUnit: true });
  });

  test("CSV catalogue whose task ids look like numbers (1, 10, 010, 1.1, 1.10)", async () => {
    const csvCatalogue = [
      "STT,Nội dung nhiệm vụ,Cơ quan chủ trì,Cơ quan phối hợp,Thời gian hoàn thành",
      "1,Rà soát thủ tục hành chính,Sở Nội vụ,Sở Tư pháp,Quý I/2024",
      '2,Số hóa hồ sơ,"UBND các huyện, thị xã, thành phố",,Tháng 12/2024',
      "10,Công khai thủ tục,STP,SNV,31/01/2024",
      "010,Báo cáo định kỳ,Sở Tài chính,,Hằng quý",
      "1.1,Hướng dẫn nghiệp vụ,Sở Nội vụ,,Tháng 1/2024",
      "1.10,Kiểm tra nghiệp vụ,Sở Nội vụ,,Tháng 12/2024",
    ].join("\n");
    const catalogue = parseCatalogue(csvCatalogue, {
      id: "so-hieu",
      title: "Mã số",
      planYear: 2024,
      source: { document: "t.csv", official: false },
    });
    const model = buildModel(catalogue);
    const progress = model.assignments
      .map((a, i) => `${a.taskId},${a.unit},${i % 2 ? "x" : "Đang thực hiện"},2024-01-15,minh chứng`)
      .join("\n");
    const b = build(
      catalogue,
      defaultSettings("2024-02-01"),
      `task_id,unit,status,completed_on,evidence\n${progress}`,
    );
    await expectSameAsCore("numeric-ids", b);
  });
});

describe("the suite's own checks", () => {
  test("detects a broken formula (Tình trạng with < instead of <=)", async () => {
    const catalogue = await loadBundledCatalogue("demo-2024");
    const model = buildModel(catalogue);
    // Everyone done exactly on the deadline: the broken formula calls it late.
    const rows = model.assignments
      .filter((a) => a.due && a.unitId && findUnit(a.unit)?.id === a.unitId)
      .slice(0, 40);
    const csv = [
      "task_id,unit,status,completed_on,evidence",
      ...rows.map((a) => `${a.taskId},"${a.unit}",Đã hoàn thành,${a.due},https://x.vn/${a.taskId}`),
    ].join("\n");
    const b = build(catalogue, defaultSettings("2024-12-31"), csv);
    const cmp = await recalc("broken-formula", b, { broken: true });
    const report = formatDiffs(cmp.diffs, 5);
    console.log(`Broken formula, as reported:\n${report}`);
    expect(cmp.diffs.length).toBeGreaterThan(0);
    expect(
      cmp.diffs.some(
        (d) =>
          d.what.startsWith("Tình trạng") &&
          d.expected === '"Hoàn thành đúng hạn"' &&
          d.actual === '"Hoàn thành trễ hạn"',
      ),
    ).toBe(true);
  });

  test("LibreOffice reads the chart and the three tables (round trip to xlsx)", async () => {
    const b = build(await loadBundledCatalogue("cv-5893-2024"), defaultSettings("2024-12-24"));
    const file = path.join(work, "roundtrip.xlsx");
    await fs.writeFile(file, await writeWorkbook(b.plan));
    const zip = await JSZip.loadAsync(await convertWithLibreOffice(file, "xlsx"));
    const charts = Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    // Two readable charts on the Biểu đồ sheet (rate by level; the lowest units against the province).
    expect(charts).toHaveLength(2);
    const texts = await Promise.all(charts.map((c) => zip.file(c)?.async("string") ?? ""));
    for (const chart of texts) {
      // LibreOffice writes each chart back from what it understood: a clustered bar chart of rates.
      expect(chart.includes('<c:barDir val="bar"/>')).toBe(true);
      expect(chart.includes('<c:grouping val="clustered"/>')).toBe(true);
      expect(chart.includes("Biểu đồ&apos;!$B$")).toBe(true);
      expect(chart.includes("Biểu đồ&apos;!$A$")).toBe(true);
    }
    expect(texts.some((c) => c.includes("Tỷ lệ hoàn thành theo cấp"))).toBe(true);
    expect(texts.some((c) => c.includes("đơn vị có tỷ lệ hoàn thành thấp nhất"))).toBe(true);
    const tables = await Promise.all(
      Object.keys(zip.files)
        .filter((p) => /^xl\/tables\/.*\.xml$/.test(p))
        .map((p) => zip.file(p)?.async("string")),
    );
    const names = tables.map((t) => /<table\b[^>]*\sname="([^"]+)"/.exec(t ?? "")?.[1]).sort();
    expect(names).toEqual(Object.values(TABLES).sort());
  });
});
