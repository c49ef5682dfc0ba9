/**
 * Issue 19 — the e2e suite photographs every workflow: the built pane in Chromium against the
 * workbook double, in Vietnamese and in English, walks workflows 1–8 on the demo catalogue (with
 * its sample progress, on by default) and the one-unit path, and after every step, at 320 and
 * 450 px, saves a full-page screenshot to test-results/every-workflow/ and asserts what a person
 * would see wrong:
 * - every date in the pane is dd/mm/yyyy (no yyyy-mm-dd, no m/d/yyyy);
 * - no horizontal overflow at 320 px (document.scrollingElement.scrollWidth <= clientWidth);
 * - the page stays short (< MAX_PAGE_HEIGHT px) with the 211-unit demo;
 * - in English, no Vietnamese letter outside lang="vi" elements (proper names of sheets and
 *   offices aside);
 * - the counts the pane shows equal the Tổng hợp sheet's: the sheet's COUNTIFS (which the double
 *   does not compute) are evaluated by their core twins over the double's Phân công rows.
 * One browser; one context per language and path; the widths are viewport changes.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { TASK_STATUS_LABELS } from "../../src/core/status/status";
import { assignmentStateLabel, defaultSettings, summaryLines } from "../../src/core/workbook/evaluate";
import { assignmentColumnIndex, assignmentFromRow } from "../../src/core/workbook/assignmentRow";
import { SHEETS } from "../../src/core/workbook/layout";
import type { AssignmentRecord } from "../../src/core/workbook/model";
import { vi } from "../../src/taskpane/i18n/vi";
import { en } from "../../src/taskpane/i18n/en";
import type { WorkbookInspector } from "../double/workbookDouble";
import { buildTaskpane } from "./browser/build";
import { chromiumPath, launchChromium } from "./browser/chromium";
import { doubleInitScript } from "./browser/double";
import { serveStatic, type StaticServer } from "./browser/server";

const ROOT = path.resolve(__dirname, "../..");
const RESULTS = path.join(ROOT, "test-results");
const DIST = path.join(RESULTS, "e2e-dist");
const SHOTS = path.join(RESULTS, "every-workflow");
const WIDTHS = [320, 450] as const;
const HEIGHT = 800;
/** A page taller than this is a wall to scroll through (the 211-unit demo once made 10,000 px). */
const MAX_PAGE_HEIGHT = 4000;
const ACTION_TIMEOUT = 60_000;
const REPORT_DATE = "2024-12-15";
const ONE_UNIT = "Sở Tư pháp";
const KNOWN_CONSOLE_ERRORS = [/^Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/'/];

/** Letters only Vietnamese uses. */
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;
/** Names an English pane keeps as they are: the workbook's sheets and values, the province, offices. */
const PROPER_NAMES = [
  ...(Object.values(SHEETS) as string[]),
  "Quảng Ngãi",
  "Sở Nội vụ",
  "Tiếng Việt",
  "Theo dõi CCHC 2024",
  // The workbook's own column names and drop-down values, quoted as a person sees them in Excel.
  "Đã hoàn thành",
  "Kết quả thẩm định",
  "Thiếu minh chứng",
  "Không đạt",
  "Cần bổ sung",
  "Đạt",
];

type Lang = "vi" | "en";
const T = { vi, en };

let browser: Browser | null = null;
let server: StaticServer | null = null;
let initScript = "";
/** What was seen, for the report (and for a person reading the log). */
const seen: string[] = [];

beforeAll(async () => {
  chromiumPath();
  const launched = launchChromium();
  launched.catch(() => undefined);
  const build = process.env.E2E_DIST_READY === "1" ? Promise.resolve() : buildTaskpane(DIST);
  const [, script, b] = await Promise.all([build, doubleInitScript(), launched]);
  initScript = script;
  browser = b;
  server = await serveStatic(DIST);
  await fs.mkdir(SHOTS, { recursive: true });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (seen.length > 0) console.log(`every workflow, as seen:\n  ${seen.join("\n  ")}`);
});

/** One pane in a fresh workbook (the double), in `lang`. */
class Pane {
  readonly problems: string[] = [];
  private constructor(
    readonly lang: Lang,
    readonly name: string,
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  static async open(lang: Lang, name: string): Promise<Pane> {
    if (!browser || !server) throw new Error("no browser");
    const context = await browser.newContext({
      viewport: { width: 450, height: HEIGHT },
      locale: lang === "vi" ? "vi-VN" : "en-US",
    });
    const origin = server.origin;
    const page = await context.newPage();
    const pane = new Pane(lang, name, context, page);
    await context.route(
      (url) => url.origin !== origin,
      async (route) => {
        pane.problems.push(`request left 127.0.0.1: ${route.request().url()}`);
        await route.abort("blockedbyclient");
      },
    );
    page.setDefaultTimeout(20_000);
    page.on("pageerror", (e) => pane.problems.push(`pageerror: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" && !KNOWN_CONSOLE_ERRORS.some((r) => r.test(m.text())))
        pane.problems.push(`console.error: ${m.text()}`);
    });
    await page.addInitScript({ content: initScript });
    await page.goto(`${origin}/taskpane.html`);
    await page.getByRole("heading", { level: 1, name: vi.appTitle }).waitFor();
    await pane.waitIdle();
    if (lang === "en") {
      await page.getByLabel(vi.languageLabel).selectOption("en");
      await page.getByRole("heading", { level: 1, name: en.appTitle }).waitFor();
    }
    return pane;
  }

  get t() {
    return T[this.lang];
  }

  wb<R, A = undefined>(fn: (w: WorkbookInspector, arg: A) => R, arg?: A): Promise<R> {
    return this.page.evaluate(
      `(${fn.toString()})(window.__double.workbook, ${JSON.stringify(arg ?? null)})`,
    ) as Promise<R>;
  }

  button(name: string) {
    return this.page.getByRole("button", { name, exact: true });
  }

  async waitIdle(): Promise<void> {
    await this.page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll("button")).some(
          (b) => /^(Đọc lại sổ|Read again)$/.test((b.textContent ?? "").trim()) && !b.disabled,
        ),
      undefined,
      { timeout: ACTION_TIMEOUT },
    );
  }

  async open(title: string): Promise<void> {
    const header = this.button(title);
    if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
    await this.page.waitForFunction(
      (t) =>
        Array.from(document.querySelectorAll("button[aria-expanded]")).some(
          (b) => (b.textContent ?? "").trim() === t && b.getAttribute("aria-expanded") === "true",
        ),
      title,
    );
  }

  /** Clicks, then waits for a new message bar and for the action to end. */
  async act(name: string): Promise<{ intent: string; text: string }> {
    const page = this.page;
    await page.evaluate(() =>
      document
        .querySelectorAll('[data-testid^="feedback-"]')
        .forEach((e) => e.setAttribute("data-e2e-seen", "")),
    );
    await this.button(name).click();
    const bar = page.locator('[data-testid^="feedback-"]:not([data-e2e-seen])').first();
    await bar.waitFor({ state: "visible", timeout: ACTION_TIMEOUT });
    await this.waitIdle();
    const intent = ((await bar.getAttribute("data-testid")) ?? "").replace("feedback-", "");
    return { intent, text: (await bar.innerText()).replace(/\s+/g, " ").trim() };
  }

  /** The double's Phân công rows as the core reads them (the twins of the sheet's formulas). */
  async assignments(): Promise<AssignmentRecord[]> {
    const table = await this.wb((w) => {
      const t = w.table("PhanCong");
      return { headers: t.headers, rows: t.rows };
    });
    const idx = assignmentColumnIndex(table.headers);
    return table.rows.map((r, i) => assignmentFromRow(r, idx, i));
  }

  /** Screenshots and the checks of issue 19 at both widths. */
  async look(step: string): Promise<void> {
    const page = this.page;
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: HEIGHT });
      await page.evaluate(
        () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
      );
      const file = `${this.lang}-${this.name}-${step}-${width}.png`;
      await page.screenshot({ path: path.join(SHOTS, file), fullPage: true });
      const m = await page.evaluate(() => {
        const se = document.scrollingElement as HTMLElement;
        const texts: string[] = [];
        const outsideVi: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement;
          const text = (n.textContent ?? "").trim();
          if (!el || text === "" || el.closest("script,style,noscript")) continue;
          // A file's content (the export's JSON) is quoted data, not the pane's own dates.
          // So is the plan's own wording (titles, deadlines: "ngày 15/9/2022"), marked lang="vi".
          const quoted = el.closest('[lang="vi"]');
          if (!el.closest("textarea,pre") && (!quoted || quoted === document.documentElement))
            texts.push(text);
          if (!el.closest('[lang="vi"]')) outsideVi.push(text);
        }
        document.querySelectorAll("input").forEach((i) => {
          if (i.value) texts.push(i.value);
          if (i.placeholder && !i.closest('[lang="vi"]')) outsideVi.push(i.placeholder);
        });
        return {
          scrollWidth: se.scrollWidth,
          clientWidth: se.clientWidth,
          height: se.scrollHeight,
          texts,
          outsideVi,
        };
      });
      const where = `${this.lang} ${this.name} ${step} @${width}px`;
      seen.push(`${where}: ${m.height} px tall, ${m.scrollWidth}/${m.clientWidth} px wide (${file})`);
      // Dates as Vietnamese write them.
      const all = m.texts.join("\n");
      expect({ where, iso: all.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? [] }).toEqual({ where, iso: [] });
      const slashed = all.match(/\b\d{1,4}\/\d{1,2}\/\d{2,4}\b/g) ?? [];
      const bad = slashed.filter((d) => {
        const x = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(d);
        return !x || Number(x[1]) < 1 || Number(x[1]) > 31 || Number(x[2]) < 1 || Number(x[2]) > 12;
      });
      expect({ where, bad }).toEqual({ where, bad: [] });
      // No horizontal scrolling at 320 px; a page a person can scroll through.
      if (width === 320) expect({ where, wide: m.scrollWidth }).toEqual({ where, wide: m.clientWidth });
      expect({ where, tall: m.height < MAX_PAGE_HEIGHT }).toEqual({ where, tall: true });
      // English: nothing Vietnamese outside lang="vi".
      if (this.lang === "en") {
        const strip = (s: string) => PROPER_NAMES.reduce((acc, n) => acc.split(n).join(""), s);
        const vietnamese = m.outsideVi.filter((s) => VIETNAMESE.test(strip(s)));
        expect({ where, vietnamese }).toEqual({ where, vietnamese: [] });
      }
    }
    await page.setViewportSize({ width: 450, height: HEIGHT });
    expect(this.problems.splice(0)).toEqual([]);
  }

  /** The pane's overdue split equals the sheet's: lead overdue = Tổng hợp's Quá hạn total. */
  async expectOverdueCounts(reportDate: string): Promise<void> {
    const records = await this.assignments();
    const settings = defaultSettings(reportDate);
    const all = records.filter(
      (a) => a.inCatalogue && assignmentStateLabel(a, settings) === TASK_STATUS_LABELS.overdue.vi,
    ).length;
    const lead = summaryLines(records, settings).total.overdue;
    expect(lead).toBeGreaterThan(0);
    const shown = await this.page.locator(`dl[aria-label="${this.t.countsCaptionOverdue}"]`).innerText();
    expect(shown.replace(/\s+/g, " ")).toContain(this.t.overdueSplit(lead, all - lead));
    seen.push(`${this.lang} ${this.name}: overdue ${lead} lead · ${all - lead} coordinating (pane = sheet)`);
  }

  /** The pane's Tổng cộng row equals the sheet's total (done, assigned, overdue). */
  async expectSummaryCounts(reportDate: string): Promise<void> {
    const records = await this.assignments();
    const { lines, total } = summaryLines(records, defaultSettings(reportDate));
    expect(total.done).toBeGreaterThan(0); // the sample progress is there
    const head = await this.page
      .getByTestId("summary-table")
      .locator("tbody tr")
      .last()
      .locator("th")
      .innerText();
    const m = /(\d+)\/(\d+)\D+?(\d+)/.exec(head.replace(/\s+/g, " "));
    expect(m && [Number(m[1]), Number(m[2]), Number(m[3])]).toEqual([
      total.done,
      total.assigned,
      total.overdue,
    ]);
    const sheetUnits = await this.wb((w) =>
      w
        .sheet("Tổng hợp")
        .values()
        .slice(1)
        .map((r) => r[0]),
    );
    expect(sheetUnits.slice(0, lines.length)).toEqual(lines.map((l) => l.unit));
    seen.push(
      `${this.lang} ${this.name}: ${lines.length} units, done ${total.done}/${total.assigned}, overdue ${total.overdue} (pane = sheet)`,
    );
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
  }
}

describe.each(["vi", "en"] as Lang[])("every workflow in Chromium (%s)", (lang) => {
  test("workflows 1–8 on the demo with its sample progress", async () => {
    const pane = await Pane.open(lang, "all");
    const { t, page } = pane;
    try {
      await pane.look("0-start");
      // 1. The demo catalogue, with its sample progress ticked by default.
      expect(await page.getByTestId("sample-progress").isChecked()).toBe(true);
      expect((await pane.act(t.pullButton)).intent).toMatch(/success|warning/);
      await pane.look("1-catalogue");

      // 2. A report date typed as Vietnamese write it.
      await pane.open(t.wfReportDate);
      await page.getByLabel(t.reportDateLabel, { exact: true }).fill("15/12/2024");
      expect((await pane.act(t.setDateButton)).intent).toBe("success");
      await pane.look("2-report-date");

      // 3. Overdue: the split equals the sheet's.
      await pane.open(t.wfOverdue);
      expect((await pane.act(t.flagButton)).intent).toMatch(/success|warning/);
      await pane.expectOverdueCounts(REPORT_DATE);
      await pane.look("3-overdue");

      // 4. Summary: the total row equals the sheet's.
      await pane.open(t.wfSummary);
      expect((await pane.act(t.summaryButton)).intent).toBe("success");
      await pane.expectSummaryCounts(REPORT_DATE);
      await pane.look("4-summary");

      // 5. Scoring.
      await pane.open(t.wfScore);
      await pane.look("5-score");
      expect((await pane.act(t.applyRule)).intent).toBe("success");
      await pane.look("5-score-applied");

      // 6. The report.
      await pane.open(t.wfReport);
      expect((await pane.act(t.reportButton)).intent).toBe("success");
      await pane.look("6-report");

      // 7. Export.
      await pane.open(t.wfExport);
      const download = page.waitForEvent("download", { timeout: ACTION_TIMEOUT }).catch(() => null);
      expect((await pane.act(t.exportButton)).intent).toBe("success");
      await download;
      await pane.look("7-export");

      // 8. Review.
      await pane.open(t.wfReview);
      expect((await pane.act(t.reviewLoad)).intent).toMatch(/success|info|warning/);
      await pane.look("8-review");
    } finally {
      await pane.close();
    }
  });

  test("the one-unit path", async () => {
    const pane = await Pane.open(lang, "one-unit");
    const { t, page } = pane;
    try {
      await page.getByLabel(t.onlyUnitLabel).check();
      const combo = page.getByRole("combobox", { name: new RegExp(`^${t.unitLabel}`) });
      await page.waitForFunction(() => !document.querySelector('[role="combobox"][disabled]'));
      await combo.click();
      await combo.pressSequentially("tu phap");
      await page
        .getByRole("option", { name: new RegExp(`^${ONE_UNIT}`) })
        .first()
        .click();
      await pane.look("1-choose-unit");
      expect((await pane.act(t.pullButton)).intent).toMatch(/success|warning/);
      const units = new Set((await pane.assignments()).map((a) => a.unit));
      expect([...units]).toEqual([ONE_UNIT]);
      await pane.look("1-catalogue");

      await pane.open(t.wfOverdue);
      expect((await pane.act(t.flagButton)).intent).toMatch(/success|warning/);
      await pane.look("3-overdue");

      await pane.open(t.wfSummary);
      expect((await pane.act(t.summaryButton)).intent).toBe("success");
      await pane.look("4-summary");
    } finally {
      await pane.close();
    }
  });
});
