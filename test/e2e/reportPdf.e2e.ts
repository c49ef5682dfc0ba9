/**
 * Issue 18 against real engines. (1) Thẩm định: workbooks with verdicts and a band rule ("trên
 * 90%" strict, "từ 70%" inclusive) are recalculated by LibreOffice without cached values and the
 * reviewed columns of Tổng hợp, the report's figures and Phụ lục compared with the core twins
 * (compareWorkbook). (2) The Báo cáo document: the exporter's workbook → LibreOffice PDF →
 * `pdftotext -layout` must show the national motto, the subject, every task id of the unit and the
 * signer's title, within the report's pages; `pdftoppm` renders those pages into
 * test-results/report-pdf/ for a person to look at.
 */
import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import path from "node:path";
import { loadBundledCatalogue } from "../../src/core/catalogue/bundled";
import { findUnit } from "../../src/core/units/units";
import { defaultSettings, type TrackerSettings } from "../../src/core/workbook/evaluate";
import { SHEETS } from "../../src/core/workbook/layout";
import { buildModel, type ProgressEntry } from "../../src/core/workbook/model";
import type { WorkbookPlan } from "../../src/core/workbook/plan";
import { buildWorkbookPlan } from "../../src/core/workbook/tracker";
import { parseProgressCsv } from "../../src/core/workbook/progress";
import { MOTTO, REPORT_SUBJECT, defaultReportDoc } from "../../src/core/workbook/reportDoc";
import { writeWorkbook } from "../../src/export/xlsxWriter";
import type { Unit } from "../../src/core/units/units";
import type { Catalogue } from "../../src/core/catalogue/types";
import { generateProgressCsv } from "./lib/generate";
import { compareWorkbook, formatDiffs } from "./lib/compareWorkbook";
import { convertWithLibreOffice, hasSoffice, recalcToCsv, tempDir } from "./lib/libreoffice";
import { overlappingWords, wordsOfBbox } from "./lib/pdfOverlap";

jest.setTimeout(600_000);

const BANDS: TrackerSettings["rule"] = {
  mode: "tiers",
  maxPoints: 2,
  tiers: [
    { minRate: 0.9, points: 2, strict: true },
    { minRate: 0.7, points: 1 },
    { minRate: 0.1, points: 0.5, strict: true },
  ],
};
const VERDICTS = ["Đạt", "Không đạt", "Cần bổ sung", "", "Đạt", "đạt", ""];
const OUT = path.join(__dirname, "..", "..", "test-results", "report-pdf");
let work = "";

function tool(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(cmd, args, { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${cmd} failed: ${err.message}\n${stderr}`)) : resolve(String(stdout)),
    ),
  );
}
const has = (cmd: string) =>
  tool("sh", ["-c", `command -v ${cmd}`]).then(
    () => true,
    () => false,
  );

/** Progress with verdicts, reasons and explanations on every claim, in a fixed pattern. */
function reviewedProgress(catalogue: Catalogue, seed: number, unit: Unit | null): ProgressEntry[] {
  const csv = generateProgressCsv(buildModel(catalogue, { unit }), { seed, share: 0.8 });
  return parseProgressCsv(csv).map((e, i) => ({
    ...e,
    review: VERDICTS[i % VERDICTS.length] || undefined,
    reviewNote: i % 4 === 0 ? "Minh chứng chưa đủ, đề nghị bổ sung văn bản." : undefined,
    explanation:
      i % 3 === 0 ? "Đơn vị đã có văn bản giải trình, chờ ý kiến của cơ quan cấp trên." : undefined,
  }));
}

function build(
  catalogue: Catalogue,
  settings: TrackerSettings,
  unit: Unit | null,
  progress: ProgressEntry[],
) {
  const { plan, model } = buildWorkbookPlan({
    catalogue,
    settings,
    reportDateIsToday: false,
    unit,
    progress,
    loadedFrom: catalogue.id,
    loadedAt: "2024-12-31T08:00:00.000Z",
  });
  expect(model.unmatchedProgress).toEqual([]);
  return { plan, model };
}

beforeAll(async () => {
  if (!(await hasSoffice()))
    throw new Error(
      "LibreOffice (soffice) is required: apt-get install -y --no-install-recommends libreoffice-calc",
    );
  work = await tempDir("e2e-report-");
  await fs.rm(OUT, { recursive: true, force: true });
  await fs.mkdir(OUT, { recursive: true });
});
afterAll(async () => {
  if (work) await fs.rm(work, { recursive: true, force: true });
});

describe("reviewed figures recalculated by LibreOffice equal the core", () => {
  test.each<[string, boolean, string | null]>([
    ["all units, unreviewed claims counted", true, null],
    ["all units, unreviewed claims not counted", false, null],
    ["one unit (Sở Nội vụ)", true, "Sở Nội vụ"],
  ])("%s", async (label, countUnreviewed, unitName) => {
    const catalogue = await loadBundledCatalogue("demo-2024");
    const unit = unitName ? findUnit(unitName) : null;
    const settings = { ...defaultSettings("2024-12-31"), rule: BANDS, countUnreviewed };
    const { plan, model } = build(catalogue, settings, unit, reviewedProgress(catalogue, 18, unit));
    expect(model.assignments.some((a) => a.review === "Không đạt")).toBe(true);
    const forEngine: WorkbookPlan = { ops: plan.ops.filter((op) => op.op !== "numberFormat") };
    const bytes = await writeWorkbook(forEngine, { cachedValues: false });
    const file = path.join(work, `${label.replace(/[^a-z0-9]+/gi, "-")}.xlsx`);
    await fs.writeFile(file, bytes);
    const result = await recalcToCsv(file, Object.values(SHEETS));
    const cmp = compareWorkbook(result.sheets, { model, settings, singleUnit: unit !== null });
    if (cmp.diffs.length > 0) throw new Error(`${label}\n${formatDiffs(cmp.diffs)}`);
    expect(cmp.checked).toBeGreaterThan(model.assignments.length * 10);
  });
});

describe("the Báo cáo document printed by LibreOffice", () => {
  test("one unit's report: motto, subject, every task id of the unit, the signer's title; pages rendered", async () => {
    if (!(await has("pdftotext")) || !(await has("pdftoppm")))
      throw new Error(
        "pdftotext/pdftoppm are required: apt-get install -y --no-install-recommends poppler-utils",
      );
    const catalogue = await loadBundledCatalogue("demo-2024");
    const unit = findUnit("Sở Nội vụ") as Unit;
    const settings = { ...defaultSettings("2024-12-31"), rule: BANDS };
    const { plan, model } = build(catalogue, settings, unit, reviewedProgress(catalogue, 5, unit));
    const xlsx = path.join(work, "so-noi-vu.xlsx");
    await fs.writeFile(xlsx, await writeWorkbook(plan));
    const pdf = path.join(OUT, "so-noi-vu.pdf");
    await fs.writeFile(pdf, await convertWithLibreOffice(xlsx, "pdf"));
    const pages = (await tool("pdftotext", ["-layout", pdf, "-"])).split("\f");
    // Báo cáo is the last sheet: its pages run from the one with the motto to the end.
    const first = pages.findIndex((p) => p.includes(MOTTO[0]));
    expect(first).toBeGreaterThanOrEqual(0);
    // The sheets before the report (Cấu hình, Phân công, Nhiệm vụ, Tổng hợp): no wrapped text runs
    // over the next row (issue 19: Phân công's task titles did). Page numbers are 1-based.
    expect(pages.slice(0, first).some((p) => p.includes("Vai trò") && p.includes("Trạng thái"))).toBe(true);
    for (let p = 1; p <= first; p++) {
      const bbox = await tool("pdftotext", ["-bbox", "-f", String(p), "-l", String(p), pdf, "-"]);
      expect({ page: p, overlaps: overlappingWords(wordsOfBbox(bbox)).slice(0, 5) }).toEqual({
        page: p,
        overlaps: [],
      });
    }
    const report = pages.slice(first).join("\n");
    const flat = report.replace(/\s+/g, " ");
    expect(flat).toContain(MOTTO[0]);
    expect(flat).toContain(MOTTO[1]);
    expect(flat).toContain(`${REPORT_SUBJECT} năm 2024 của Sở Nội vụ`);
    expect(flat).toContain("Quảng Ngãi, ngày 31 tháng 12 năm 2024");
    expect(flat).toContain("Kính gửi:");
    expect(flat).toContain("Nơi nhận:");
    expect(flat).toContain("PHỤ LỤC");
    expect(flat).toContain(defaultReportDoc(unit).signerTitle);
    expect(flat).toMatch(/Số:\s+\/BC-SNV/);
    const ids = [...new Set(model.assignments.filter((a) => a.inCatalogue).map((a) => a.taskId))];
    expect(ids.length).toBeGreaterThan(10);
    const missing = ids.filter(
      (id) => !new RegExp(`(^|\\s)${id.replace(/\./g, "\\.")}(\\s|$)`, "m").test(report),
    );
    expect(missing).toEqual([]);
    // Every page of the report rendered for a look (test-results/report-pdf/bao-cao-*.png).
    await tool("pdftoppm", ["-r", "60", "-png", "-f", String(first + 1), pdf, path.join(OUT, "bao-cao")]);
    const pngs = (await fs.readdir(OUT)).filter((f) => f.startsWith("bao-cao") && f.endsWith(".png"));
    expect(pngs.length).toBe(pages.length - first - (pages[pages.length - 1].trim() === "" ? 1 : 0));
  });
});
