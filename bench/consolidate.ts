/**
 * `consolidate.ms.211`: merging one workbook from each of the 211 units of 2024 (made by the
 * exporter, every unit's rows edited) into the provincial workbook with `npm run consolidate`'s
 * code, against merely opening the same 211 files with exceljs (`consolidate.ratio_to_open`,
 * goal ≤ 1.5) and the peak memory of the run (`consolidate.peak_rss_mb`); the per-file part
 * (`consolidate.read_values.ms.211`) and the fixed costs (`consolidate.fixed.ms`) separately.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { loadBundledCatalogue } from "../src/core/catalogue/bundled";
import { listUnits } from "../src/core/units/units";
import { buildModel } from "../src/core/workbook/model";
import { defaultSettings } from "../src/core/workbook/evaluate";
import { planExport } from "../src/export/cli";
import { writeWorkbook } from "../src/export/xlsxWriter";
import { runConsolidateCli } from "../src/export/consolidateCli";
import { readWorkbookValues } from "../src/export/readXlsx";

type Emit = (metric: string, value: number, unit: string, context?: Record<string, unknown>) => void;

async function peakDuring<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; ms: number; peakRss: number; peakHeap: number }> {
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 20);
  const t0 = performance.now();
  try {
    const result = await fn();
    return { result, ms: performance.now() - t0, peakRss, peakHeap };
  } finally {
    clearInterval(timer);
  }
}

export async function consolidateFigures(emit: Emit, runs: number): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "bench-consolidate-"));
  try {
    const catalogue = await loadBundledCatalogue("demo-2024");
    const settings = defaultSettings("2024-12-31");
    const common = { catalogue, settings, loadedFrom: "demo-2024", loadedAt: "2024-12-01T00:00:00Z" };
    const province = path.join(dir, "tinh.xlsx");
    const full = planExport(common);
    if (!full.plan) throw new Error(full.problems.join("\n"));
    await fs.writeFile(province, await writeWorkbook(full.plan.plan));
    const inbox = path.join(dir, "inbox");
    await fs.mkdir(inbox);
    const withTasks = new Set(buildModel(catalogue).assignments.map((a) => a.unitId));
    const units = listUnits().filter((u) => withTasks.has(u.id));
    let bytes = 0;
    for (const u of units) {
      // Every row of the unit reported: done, with a date and evidence (as a unit would send it).
      const model = buildModel(catalogue, { unit: u });
      const progress = model.assignments.map((a, i) => ({
        taskId: a.taskId,
        unit: u.id,
        status: i % 3 === 0 ? "Đang thực hiện" : "Đã hoàn thành",
        completedOn: i % 3 === 0 ? null : "2024-10-15",
        evidence: `Công văn ${i + 1}/${u.id}`,
      }));
      const built = planExport({ ...common, unit: u, progress });
      if (!built.plan) throw new Error(built.problems.join("\n"));
      const b = await writeWorkbook(built.plan.plan);
      bytes += b.length;
      await fs.writeFile(path.join(inbox, `${u.id}.xlsx`), b);
    }
    const files = (await fs.readdir(inbox)).map((f) => path.join(inbox, f));
    const open = async () => {
      for (const f of files) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load((await fs.readFile(f)) as unknown as ArrayBuffer);
      }
    };
    const readValues = async () => {
      for (const f of files) await readWorkbookValues(await fs.readFile(f));
    };
    const out = path.join(dir, "ket-qua.xlsx");
    let report = "";
    const merge = async () => {
      const code = await runConsolidateCli(["--into", province, "--out", out, inbox, "--json"], {
        stdout: (s) => (report = s),
        stderr: () => undefined,
      });
      if (code !== 0) throw new Error(`consolidate exited ${code}`);
    };
    const openMs: number[] = [];
    const readMs: number[] = [];
    const mergeMs: number[] = [];
    let peakRss = 0;
    let peakHeap = 0;
    for (let i = 0; i < runs; i++) {
      openMs.push((await peakDuring(open)).ms);
      readMs.push((await peakDuring(readValues)).ms);
      const m = await peakDuring(merge);
      mergeMs.push(m.ms);
      peakRss = Math.max(peakRss, m.peakRss);
      peakHeap = Math.max(peakHeap, m.peakHeap);
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const parsed = JSON.parse(report) as { accepted: unknown[]; rowsUpdated: number; unitsReported: number };
    emit("consolidate.ms.211", med(mergeMs), "ms", {
      files: files.length,
      input_bytes: bytes,
      accepted: parsed.accepted.length,
      rows_updated: parsed.rowsUpdated,
      units_reported: parsed.unitsReported,
      runs,
    });
    emit("consolidate.open_only.ms.211", med(openMs), "ms", { files: files.length, runs });
    emit("consolidate.ratio_to_open", med(mergeMs) / med(openMs), "ratio", { goal: 1.5 });
    // The per-file part alone (zip guard + exceljs without the parts never needed + values), and
    // what is left: reading the provincial workbook, the merge, writing the result (fixed costs).
    emit("consolidate.read_values.ms.211", med(readMs), "ms", { ratio_to_open: med(readMs) / med(openMs) });
    emit("consolidate.fixed.ms", med(mergeMs) - med(readMs), "ms", {
      what: "province read + merge + plan + .xlsx writer (shared with npm run workbook)",
    });
    emit("consolidate.peak_rss_mb", peakRss / 1e6, "MB", { peak_heap_mb: Math.round(peakHeap / 1e6) });
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
