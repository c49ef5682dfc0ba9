/**
 * Issue 17 — Tổng hợp từ đơn vị in a real browser: the built pane in Chromium against the
 * workbook double (same set-up as review.e2e.ts). Real unit workbooks made by the project's
 * exporter (`npm run workbook -- --unit …` code path), one edited through exceljs as a unit would,
 * plus a broken file, are given to the file input with Playwright's setInputFiles; the files are
 * read in the browser (the lazy reader chunk), previewed, and merged into the provincial workbook.
 * Screenshots at 320 and 450 px in Vietnamese and English (test-results/consolidate/) and the axe
 * scan at each.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Result } from "axe-core";
import type { WorkbookInspector } from "../double/workbookDouble";
import { buildTaskpane } from "./browser/build";
import { chromiumPath, launchChromium } from "./browser/chromium";
import { doubleInitScript } from "./browser/double";
import { serveStatic, type StaticServer } from "./browser/server";
import { describeViolations, runAxe } from "./browser/axe";
import { runWorkbook } from "../export/lib/runCli";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "test-results", "e2e-dist");
const SHOTS = path.join(ROOT, "test-results", "consolidate");
const ACTION_TIMEOUT = 30_000;
const WIDTHS = [320, 450] as const;

let browser: Browser | null = null;
let context: BrowserContext;
let page: Page;
let server: StaticServer | null = null;
let dir = "";
const files: string[] = [];
const problems: string[] = [];
const KNOWN_CONSOLE_ERRORS = [/^Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/'/];

function wb<R, A = undefined>(fn: (w: WorkbookInspector, arg: A) => R, arg?: A): Promise<R> {
  return page.evaluate(
    `(${fn.toString()})(window.__double.workbook, ${JSON.stringify(arg ?? null)})`,
  ) as Promise<R>;
}

const button = (name: string) => page.getByRole("button", { name, exact: true });

async function waitIdle(): Promise<void> {
  await page.waitForFunction(
    () =>
      Array.from(document.querySelectorAll("button")).some(
        (b) => /^(Đọc lại sổ|Read again)$/.test((b.textContent ?? "").trim()) && !b.disabled,
      ),
    undefined,
    { timeout: ACTION_TIMEOUT },
  );
}

async function forFeedback(act: () => Promise<void>): Promise<{ intent: string; text: string }> {
  await page.evaluate(() =>
    document
      .querySelectorAll('[data-testid^="feedback-"]')
      .forEach((e) => e.setAttribute("data-e2e-seen", "")),
  );
  await act();
  const bar = page.locator('[data-testid^="feedback-"]:not([data-e2e-seen])').first();
  await bar.waitFor({ state: "visible", timeout: ACTION_TIMEOUT });
  await waitIdle();
  const intent = ((await bar.getAttribute("data-testid")) ?? "").replace("feedback-", "");
  return { intent, text: (await bar.innerText()).replace(/\s+/g, " ").trim() };
}

/** Screenshots at 320 and 450 px and an axe scan at each (serious or critical findings fail). */
async function checkpoint(step: string): Promise<void> {
  const serious: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(SHOTS, `${step}-${width}.png`), fullPage: true });
    const results = await runAxe(page);
    expect(results.passes.length).toBeGreaterThan(10);
    const bad = results.violations.filter((v: Result) => v.impact === "serious" || v.impact === "critical");
    serious.push(...describeViolations(bad).map((d) => `${width} px: ${d}`));
  }
  expect(serious).toEqual([]);
}

/** Edits a unit workbook's Phân công as a unit would in Excel (first data row). */
async function edit(src: string, out: string, cells: Record<string, ExcelJS.CellValue>): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(src);
  const ws = book.getWorksheet("Phân công") as ExcelJS.Worksheet;
  const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  for (const [h, v] of Object.entries(cells)) ws.getCell(2, headers.indexOf(h) + 1).value = v;
  book.modified = new Date(Date.UTC(2024, 11, 10, 9));
  await book.xlsx.writeFile(out);
}

beforeAll(async () => {
  chromiumPath();
  const launched = launchChromium();
  launched.catch(() => undefined);
  const build = process.env.E2E_DIST_READY === "1" ? Promise.resolve() : buildTaskpane(DIST);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "consolidate-pane-"));
  await fs.mkdir(SHOTS, { recursive: true });
  const common = ["--catalogue", "demo-2024", "--report-date", "2024-12-31"];
  for (const [file, unit] of [
    ["raw-snv.xlsx", "Sở Nội vụ"],
    ["Sở Tư pháp.xlsx", "Sở Tư pháp"],
  ]) {
    const r = await runWorkbook([...common, "--unit", unit, "--out", path.join(dir, file)]);
    if (r.code !== 0) throw new Error(r.stderr);
  }
  await edit(path.join(dir, "raw-snv.xlsx"), path.join(dir, "So Noi vu.xlsx"), {
    "Trạng thái": "Đã hoàn thành",
    "Ngày hoàn thành": new Date(Date.UTC(2024, 5, 20)),
    "Minh chứng": "https://sonoivu.quangngai.gov.vn/bao-cao",
  });
  const good = await fs.readFile(path.join(dir, "raw-snv.xlsx"));
  await fs.writeFile(path.join(dir, "cat-cut.xlsx"), good.subarray(0, Math.floor(good.length / 2)));
  files.push(...["So Noi vu.xlsx", "Sở Tư pháp.xlsx", "cat-cut.xlsx"].map((f) => path.join(dir, f)));

  const [, initScript, b] = await Promise.all([build, doubleInitScript(), launched]);
  browser = b;
  server = await serveStatic(DIST);
  context = await browser.newContext({ viewport: { width: 450, height: 900 }, locale: "vi-VN" });
  const origin = server.origin;
  await context.route(
    (url) => url.origin !== origin,
    async (route) => {
      problems.push(`request left 127.0.0.1: ${route.request().url()}`);
      await route.abort("blockedbyclient");
    },
  );
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !KNOWN_CONSOLE_ERRORS.some((r) => r.test(m.text())))
      problems.push(`console.error: ${m.text()}`);
  });
  await page.addInitScript({ content: initScript });
  await page.goto(`${server.origin}/taskpane.html`);
  await page.getByRole("heading", { level: 1, name: "Theo dõi CCHC 2024" }).waitFor();
  await waitIdle();
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe("Tổng hợp từ đơn vị in Chromium (workbook double, real unit workbooks)", () => {
  test("pick files, read in the browser, preview, screenshots vi/en, write; the reader chunk loads only now", async () => {
    const pulled = await forFeedback(() => button("Nạp danh mục").click());
    expect(pulled.intent).toBe("success");
    const readerRequested = () =>
      page.evaluate(() =>
        performance.getEntriesByType("resource").some((e) => /unit-file-reader/.test(e.name)),
      );
    expect(await readerRequested()).toBe(false);

    await button("9. Tổng hợp từ đơn vị").click();
    const input = page.getByLabel("Chọn các tệp .xlsx của đơn vị");
    await input.waitFor({ state: "attached" });
    expect(await input.getAttribute("multiple")).not.toBeNull();
    const previewed = await forFeedback(() => input.setInputFiles(files));
    expect(previewed.text).toContain("Đã đối chiếu 3 tệp với sổ tỉnh.");
    expect(await readerRequested()).toBe(true);
    const summary = await page.getByTestId("consolidate-summary").innerText();
    expect(summary).toContain("Nhận 2 tệp · từ chối 1 · bị thay thế 0");
    expect(summary).toContain("1 dòng phân công sẽ được cập nhật · 0 xung đột");
    const list = await page.getByTestId("consolidate-file-list").innerText();
    expect(list).toContain("So Noi vu.xlsx");
    expect(list).toContain("→ Sở Nội vụ");
    expect(list).toMatch(/cat-cut\.xlsx\s*Tệp \.xlsx bị hỏng hoặc bị cắt cụt/);
    await checkpoint("preview-vi");

    await page.getByLabel("Ngôn ngữ").selectOption("en");
    await page.getByRole("heading", { level: 1, name: "CCHC 2024 tracker" }).waitFor();
    expect(await page.getByTestId("consolidate-summary").innerText()).toContain(
      "2 files accepted · 1 rejected",
    );
    expect(await page.locator('[data-testid="consolidate-file-list"] [lang="vi"]').count()).toBeGreaterThan(
      0,
    );
    await checkpoint("preview-en");
    await page.getByLabel("Language").selectOption("vi");
    await page.getByRole("heading", { level: 1, name: "Theo dõi CCHC 2024" }).waitFor();

    const written = await forFeedback(() => button("Ghi vào sổ (2 tệp)").click());
    expect(written.intent).toBe("warning"); // one file was rejected
    expect(written.text).toContain("Đã tổng hợp 2 tệp: cập nhật 1 dòng phân công.");
    const state = await wb((w) => {
      const t = w.table("PhanCong");
      const c = (h: string) => t.headers.indexOf(h);
      const row = t.rows.find((r) => r[c("Đơn vị")] === "Sở Nội vụ" && r[c("Trạng thái")] !== "");
      return {
        status: row?.[c("Trạng thái")],
        source: row?.[c("Nguồn cập nhật")],
        sheets: w.sheetNames(),
        sub: w.sheet("Nộp báo cáo").values().slice(0, 1)[0],
        submitted: w
          .sheet("Nộp báo cáo")
          .values()
          .filter((r) => r[1] === "Đã nộp")
          .map((r) => r[0]),
      };
    });
    expect(state.status).toBe("Đã hoàn thành");
    expect(state.source).toBe("So Noi vu.xlsx");
    expect(state.sub).toEqual([
      "Đơn vị",
      "Tình trạng nộp",
      "Tệp",
      "Ngày cập nhật",
      "Số dòng cập nhật",
      "Ghi chú",
    ]);
    expect(state.submitted.sort()).toEqual(["Sở Nội vụ", "Sở Tư pháp"]);
    await checkpoint("written-vi");
    expect(problems).toEqual([]);
  });
});
