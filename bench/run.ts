/**
 * `npm run bench`: performance figures as JSON lines {"metric", "value", "unit", …context}.
 * Not part of `npm test`. Timed figures are the median of several runs.
 *
 *   syncs.<action>.<rows>, payload.total_bytes.<action>.<rows>, payload.max_bytes.<action>.<rows>
 *       round trips and bytes (request + response, measured by the workbook double) of each
 *       task-pane action at 55, 5,000 and 50,000 assignment rows, with the budget
 *       syncs ≤ 3 + ceil(total_bytes / 4,000,000) and every request < 5,000,000 bytes
 *   core.summarize.ms.100000, libreoffice.summary.ms.100000, ratio.libreoffice_over_core
 *   functions.unitsummary.ms.50000
 *   core.parseDeadline.per_s
 *   bundle.taskpane.gzip_bytes, bundle.functions.gzip_bytes (production build in dist/)
 *   export.peak_rss_mb.50000, export.peak_rss_mb.200000: peak resident memory of one headless
 *       export (plan + .xlsx in memory) in a fresh process (bench/exportRss.ts); goal ≤ 1,024 MB
 *       at 200,000 rows (MAX_ASSIGNMENTS, the largest workbook the tracker builds)
 *   consolidate.ms.211, consolidate.open_only.ms.211, consolidate.ratio_to_open,
 *       consolidate.peak_rss_mb (bench/consolidate.ts: 211 unit workbooks merged)
 *
 * Options: --quick (fewer runs, skips 50,000 rows and LibreOffice), --skip-libreoffice,
 * --only-consolidate (just the consolidation figures).
 */
import { spawnSync } from "node:child_process";
import { existsSync, promises as fs, readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import "../test/functions/customFunctionsFake";
import { parseDeadline } from "../src/core/dates/deadline";
import { summarizeByUnit, type SummaryRow } from "../src/core/summary/summarize";
import { toExcelSerial } from "../src/core/dates/isoDate";
import { listUnits } from "../src/core/units/units";
import { unitSummaryTable } from "../src/functions/units";
import { setReportDate } from "../src/taskpane/actions/reportDate";
import { flagOverdue } from "../src/taskpane/actions/overdue";
import { applyScoreRule, buildReport, buildSummary } from "../src/taskpane/actions/summary";
import { buildWorkbookPlan } from "../src/core/workbook/tracker";
import { defaultSettings } from "../src/core/workbook/evaluate";
import { isFormulaCell, type PlanCell, type PlanOp, type WorkbookPlan } from "../src/core/workbook/plan";
import { writeWorkbook } from "../src/export/xlsxWriter";
import type { WorkbookDouble } from "../test/double/workbookDouble";
import {
  catalogueWithRows,
  fillUserColumns,
  installDouble,
  newVersion,
  pull,
  REPORT_DATE,
} from "../test/double/testkit";
import type { Catalogue } from "../src/core/catalogue/types";
import { hasSoffice, recalcToCsv, tempDir } from "../test/e2e/lib/libreoffice";
import { DEADLINE_FORMS } from "../test/core/helpers/deadlineForms";
import { consolidateFigures } from "./consolidate";

const args = new Set(process.argv.slice(2));
const QUICK = args.has("--quick");
const RUNS = QUICK ? 3 : 5;
const ROOT = path.resolve(__dirname, "..");

function emit(metric: string, value: number, unit: string, context: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ metric, value: Math.round(value * 1000) / 1000, unit, ...context }));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function timeMedian(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(times);
}

// ───────────────────────────── 1. Round trips and payload ─────────────────────────────

const ACTIONS: Array<[string, (d: WorkbookDouble, rows: number) => Promise<unknown>]> = [
  ["pull", (d, n) => pull(d, catalogueWithRows(n), { reportDate: REPORT_DATE })],
  ["repull_same", (d, n) => (fillUserColumns(d, 1), d.stats.reset(), pull(d, catalogueWithRows(n)))],
  ["repull_merge", (d, n) => pull(d, newVersion(catalogueWithRows(n)).catalogue)],
  ["report_date", (d) => d.Excel.run((ctx) => setReportDate(ctx, "2024-12-15"))],
  ["flag_overdue", (d) => d.Excel.run((ctx) => flagOverdue(ctx))],
  ["summary", (d) => d.Excel.run((ctx) => buildSummary(ctx))],
  [
    "score",
    (d) =>
      d.Excel.run((ctx) =>
        applyScoreRule(ctx, { mode: "proportional", maxPoints: 2, threshold: 0.8, latePenalty: 0.1 }),
      ),
  ],
  ["report", (d) => d.Excel.run((ctx) => buildReport(ctx))],
];

async function roundTrips(): Promise<void> {
  for (const rows of QUICK ? [55, 5000] : [55, 5000, 50000]) {
    const d = installDouble();
    for (const [action, run] of ACTIONS) {
      d.stats.reset();
      await run(d, rows);
      const per = d.stats.perSync;
      const total = per.reduce((n, s) => n + s.requestBytes + s.responseBytes, 0);
      const maxReq = Math.max(0, ...per.map((s) => s.requestBytes));
      const maxResp = Math.max(0, ...per.map((s) => s.responseBytes));
      const budget = 3 + Math.ceil(total / 4_000_000);
      const ok = per.length <= budget && maxReq < 5_000_000 && maxResp < 5_000_000;
      emit(`syncs.${action}.${rows}`, per.length, "count", { budget, within_budget: ok });
      emit(`payload.total_bytes.${action}.${rows}`, total, "bytes", { request_and_response: true });
      emit(`payload.max_bytes.${action}.${rows}`, Math.max(maxReq, maxResp), "bytes", {
        max_request: maxReq,
        max_response: maxResp,
        limit: 5_000_000,
      });
    }
  }
}

// ───────────────────────────── 2. Summary: core vs LibreOffice ─────────────────────────────

function summaryRows(n: number): SummaryRow[] {
  const units = listUnits();
  const spell = (s: string, i: number) => (i % 3 === 0 ? s.normalize("NFD") : i % 3 === 1 ? `UBND ${s}` : s);
  const rows: SummaryRow[] = [];
  for (let i = 0; i < n; i++) {
    const u = units[(i * 7919) % units.length];
    const day = 1 + (i % 28);
    const due =
      i % 11 === 0 ? null : `2024-${String(1 + (i % 12)).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    rows.push({
      unit: spell(u.name, i),
      due,
      done: i % 3 !== 0,
      completedOn: i % 5 === 0 ? null : `2024-${String(1 + ((i + 2) % 12)).padStart(2, "0")}-15`,
    });
  }
  return rows;
}

/** The same plan with every formula replaced by its cached value (the file "without them"). */
function withoutFormulas(plan: WorkbookPlan): WorkbookPlan {
  const cell = (c: PlanCell): PlanCell => (isFormulaCell(c) ? (c.cached ?? null) : c);
  const ops: PlanOp[] = plan.ops.map((op) => {
    if (op.op === "writeCells") return { ...op, rows: op.rows.map((r) => r.map(cell)) };
    if (op.op === "fillFormula") {
      const [start] = op.address.split(":");
      return { op: "writeCells", sheet: op.sheet, address: start, rows: (op.cached ?? []).map((v) => [v]) };
    }
    return op;
  });
  return { ops };
}

async function summaryComparison(): Promise<void> {
  const n = 100_000;
  const rows = summaryRows(n);
  summarizeByUnit(rows, "2024-12-15"); // warm-up
  const coreMs = await timeMedian(RUNS, () => summarizeByUnit(rows, "2024-12-15"));
  emit(`core.summarize.ms.${n}`, coreMs, "ms", { rows: n, runs: RUNS });

  if (QUICK || args.has("--skip-libreoffice") || !(await hasSoffice())) {
    console.error("[bench] LibreOffice figures skipped");
    return;
  }
  // 474 tasks, each led by every unit of 2024 through the group phrases (211 units): ~100,000
  // assignment rows, the summary's 211 lines as a province-wide workbook would have them.
  const groups =
    "Các sở, ban, ngành; Các cơ quan Trung ương đóng trên địa bàn tỉnh; UBND các huyện, thị xã, thành phố; UBND các xã, phường, thị trấn";
  const catalogue: Catalogue = {
    schema: "cchc-catalogue/1",
    id: "bench-100000",
    title: "Danh mục đo hiệu năng (không phải dữ liệu thật)",
    planYear: 2024,
    source: { document: "Sinh tự động cho npm run bench", official: false },
    tasks: Array.from({ length: Math.ceil(n / listUnits().length) }, (_, i) => ({
      id: `B.${i + 1}`,
      area: (["I", "II", "III", "IV", "V", "VI", "VII"] as const)[i % 7],
      title: `Nhiệm vụ đo hiệu năng ${i + 1}`,
      lead: groups,
      deadline: ["Quý IV/2024", "Thường xuyên", "30/11/2024", "Quý II/2024"][i % 4],
    })),
  };
  const { plan } = buildWorkbookPlan({
    catalogue,
    settings: defaultSettings("2024-12-15"),
    reportDateIsToday: false,
    loadedFrom: "bench",
    loadedAt: "2024-12-15T00:00:00.000Z",
  });
  const dir = await tempDir("cchc-bench-");
  try {
    const withF = path.join(dir, "with-formulas.xlsx");
    const without = path.join(dir, "without-formulas.xlsx");
    await fs.writeFile(withF, await writeWorkbook(plan, { cachedValues: false }));
    await fs.writeFile(without, await writeWorkbook(withoutFormulas(plan), { cachedValues: false }));
    const sheets = ["Tổng hợp"];
    const loRuns = 3;
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < loRuns; i++) {
      a.push((await recalcToCsv(withF, sheets)).seconds * 1000);
      b.push((await recalcToCsv(without, sheets)).seconds * 1000);
    }
    const loMs = Math.max(0, median(a) - median(b));
    emit(`libreoffice.summary.ms.${n}`, loMs, "ms", {
      rows: n,
      runs: loRuns,
      conversion_with_formulas_ms: Math.round(median(a)),
      conversion_without_formulas_ms: Math.round(median(b)),
    });
    emit("ratio.libreoffice_over_core", loMs / coreMs, "ratio", { goal: ">= 10" });
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

// ───────────────────────────── 3. CCHC.UNITSUMMARY ─────────────────────────────

async function functionsFigure(): Promise<void> {
  const n = 50_000;
  const rows = summaryRows(n);
  const units = rows.map((r) => [r.unit]);
  const dues = rows.map((r) => [r.due ? toExcelSerial(r.due) : ""]);
  const statuses = rows.map((r, i) => [
    r.done ? (i % 2 ? "Đã hoàn thành" : "x") : i % 2 ? "Chưa thực hiện" : "Đang thực hiện",
  ]);
  const completed = rows.map((r) => [r.completedOn ? toExcelSerial(r.completedOn) : ""]);
  const report = toExcelSerial("2024-12-15");
  const ms = await timeMedian(RUNS, () => unitSummaryTable(units, dues, statuses, completed, report));
  emit(`functions.unitsummary.ms.${n}`, ms, "ms", { rows: n, runs: RUNS });
}

// ───────────────────────────── 4. Deadline parsing ─────────────────────────────

async function deadlineFigure(): Promise<void> {
  const forms = [...DEADLINE_FORMS, "", "Trước Tết", "QUÝ IV NĂM 2024".normalize("NFD")];
  const corpus: unknown[] = [];
  for (let i = 0; i < 20_000; i++) corpus.push(i % 13 === 0 ? 45292 + (i % 366) : forms[i % forms.length]);
  const ms = await timeMedian(RUNS, () => {
    for (const v of corpus) parseDeadline(v, 2024);
  });
  emit("core.parseDeadline.per_s", (corpus.length / ms) * 1000, "per_s", {
    corpus: corpus.length,
    distinct_forms: forms.length + 1,
  });
}

// ───────────────────────────── 5. Bundles ─────────────────────────────

function bundleFigures(): void {
  const dist = path.join(ROOT, "dist");
  if (!existsSync(path.join(dist, "taskpane.js"))) {
    console.error("[bench] dist/ missing: running the production build");
    const r = spawnSync(path.join(ROOT, "node_modules", ".bin", "webpack"), ["--mode", "production"], {
      cwd: ROOT,
      stdio: "inherit",
    });
    if (r.status !== 0) throw new Error("production build failed");
  }
  const gz = (f: string) => gzipSync(readFileSync(f), { level: 9 }).length;
  const taskpane = path.join(dist, "taskpane.js");
  const functions = path.join(dist, "functions.js");
  const lazy = existsSync(path.join(dist, "chunks"))
    ? readdirSync(path.join(dist, "chunks")).filter((f) => f.endsWith(".js"))
    : [];
  const functionsText = readFileSync(functions, "utf8");
  emit("bundle.taskpane.gzip_bytes", gz(taskpane), "bytes", {
    raw_bytes: readFileSync(taskpane).length,
    budget: 110_000,
    lazy_chunks: lazy.length,
  });
  emit("bundle.functions.gzip_bytes", gz(functions), "bytes", {
    raw_bytes: functionsText.length,
    budget: 30_000,
    contains_react: /react\.production|__SECRET_INTERNALS_DO_NOT_USE|react-dom/.test(functionsText),
  });
  const lazyTotal = lazy.reduce((n, f) => n + gz(path.join(dist, "chunks", f)), 0);
  emit("bundle.lazy_chunks.gzip_bytes", lazyTotal, "bytes", { chunks: lazy.length });
}

/** Peak memory of the headless export, each size in its own process (bench/exportRss.ts). */
function exportMemoryFigures(): void {
  const sizes = QUICK ? [50_000] : [50_000, 200_000];
  for (const rows of sizes) {
    const r = spawnSync(
      process.execPath,
      [
        path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"),
        path.join(__dirname, "exportRss.ts"),
        String(rows),
      ],
      {
        cwd: ROOT,
        encoding: "utf8",
        maxBuffer: 1 << 20,
      },
    );
    const line = (r.stdout ?? "").trim().split("\n").pop() ?? "";
    if (r.status !== 0 || !line.startsWith("{")) {
      emit(`export.peak_rss_mb.${rows}`, NaN, "MB", {
        failed: true,
        exit: r.status,
        stderr: (r.stderr ?? "").slice(-300),
      });
      continue;
    }
    const m = JSON.parse(line) as { rows: number; peak_rss_mb: number; ms: number; bytes: number };
    emit(`export.peak_rss_mb.${rows}`, m.peak_rss_mb, "MB", {
      rows: m.rows,
      seconds: m.ms / 1000,
      xlsx_bytes: m.bytes,
      goal: rows === 200_000 ? "<= 1024" : undefined,
    });
  }
}

async function main(): Promise<void> {
  if (args.has("--only-consolidate")) return consolidateFigures(emit, QUICK ? 1 : 3);
  if (args.has("--export-memory-only")) {
    exportMemoryFigures();
    return;
  }
  exportMemoryFigures();
  await deadlineFigure();
  await functionsFigure();
  await summaryComparison();
  await roundTrips();
  await consolidateFigures(emit, QUICK ? 1 : 3);
  bundleFigures();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
