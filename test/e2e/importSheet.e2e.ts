/**
 * Issue 16 — “Bảng của đơn vị” in a real browser: a plan appendix pasted from Word into a sheet
 * of the workbook double (title block, two-row header over merged cells, column-number row,
 * Roman areas, numbered groups holding lettered tasks, bullets, multi-line cells) is read by the
 * built task pane in Chromium, its layout shown in the mapping step, and imported; a staff list
 * is refused with the reason, and nothing is written. Same set-up as taskpane.e2e.ts (the
 * production pane built into test-results/e2e-dist, the double injected as `Excel`).
 */
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { WorkbookInspector } from "../double/workbookDouble";
import { buildTaskpane } from "./browser/build";
import { chromiumPath, launchChromium } from "./browser/chromium";
import { doubleInitScript } from "./browser/double";
import { serveStatic, type StaticServer } from "./browser/server";
import { pastedAppendix } from "../core/catalogue/importCorpus/pastedAppendix";
import { NOT_PLANS } from "../core/catalogue/importCorpus";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "test-results", "e2e-dist");
const ACTION_TIMEOUT = 30_000;

let browser: Browser | null = null;
let context: BrowserContext;
let page: Page;
let server: StaticServer | null = null;
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

/** Clicks, then returns the NEW message bar's intent and text once the action has ended. */
async function clickForFeedback(name: string): Promise<{ intent: string; text: string }> {
  await page.evaluate(() =>
    document
      .querySelectorAll('[data-testid^="feedback-"]')
      .forEach((e) => e.setAttribute("data-e2e-seen", "")),
  );
  await button(name).click();
  const bar = page.locator('[data-testid^="feedback-"]:not([data-e2e-seen])').first();
  await bar.waitFor({ state: "visible", timeout: ACTION_TIMEOUT });
  await waitIdle();
  const intent = ((await bar.getAttribute("data-testid")) ?? "").replace("feedback-", "");
  return { intent, text: (await bar.innerText()).replace(/\s+/g, " ").trim() };
}

/** Puts `rows` in Sheet1 (over a blank block, so nothing of an earlier table is left) and opens it. */
async function pasteIntoSheet1(rows: Array<Array<string | number>>): Promise<void> {
  const blank = Array.from({ length: 200 }, () => Array.from({ length: 40 }, () => ""));
  await wb(
    (w, a) => {
      w.setRaw("Sheet1", "A1", a.blank);
      w.setRaw("Sheet1", "A1", a.rows);
      w.activate("Sheet1");
      w.select("Sheet1", "A1");
    },
    { blank, rows },
  );
}

beforeAll(async () => {
  chromiumPath();
  const launched = launchChromium();
  launched.catch(() => undefined);
  // E2E_DIST_READY=1: reuse the pane another e2e suite just built into test-results/e2e-dist.
  const build = process.env.E2E_DIST_READY === "1" ? Promise.resolve() : buildTaskpane(DIST);
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
});

describe("import of a pasted appendix in Chromium (workbook double)", () => {
  test("a staff list: the mapping step says it is no plan; importing it is refused; nothing written", async () => {
    const staff = NOT_PLANS.find((c) => c.name === "staff-list")!;
    await pasteIntoSheet1(staff.rows as Array<Array<string | number>>);
    await page.getByLabel("Bảng của đơn vị (trang đang mở trong sổ)").check();
    const read = await clickForFeedback("Đọc bảng đang mở");
    expect(read.intent).toBe("info");
    const refusal = page.getByTestId("mapping-refusal");
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/Bảng này không giống danh mục nhiệm vụ: .*danh sách cán bộ/s);
    const f = await clickForFeedback("Nạp bảng này");
    expect(f.intent).toBe("error");
    expect(f.text).toContain("Bảng này không giống danh mục nhiệm vụ");
    expect(f.text).toMatch(/không thấy .*Hãy /);
    expect(await wb((w) => w.tableNames())).toEqual([]);
    expect(problems).toEqual([]);
  });

  test("the pasted appendix: layout shown in the mapping step, tasks imported with their group ids", async () => {
    const app = pastedAppendix(60);
    await pasteIntoSheet1(app.rows);
    const read = await clickForFeedback("Đọc bảng đang mở");
    expect(read.intent).toBe("info");
    const decisions = page.getByTestId("mapping-decisions");
    await decisions.waitFor();
    const shown = await decisions.innerText();
    expect(shown).toContain("Dòng tiêu đề gồm 2 dòng");
    expect(shown).toContain("Bỏ qua cột “Thời gian — Bắt đầu”");
    expect(await page.getByTestId("mapping-refusal").count()).toBe(0);
    const dropdown = (label: RegExp) => page.getByRole("combobox", { name: label });
    expect(await dropdown(/^Cơ quan chủ trì/).innerText()).toContain("D — Đơn vị thực hiện — Chủ trì");
    expect(await dropdown(/^Cơ quan phối hợp/).innerText()).toContain("E — Đơn vị thực hiện — Phối hợp");
    expect(await dropdown(/^Thời hạn hoàn thành/).innerText()).toContain("G — Thời gian — Hoàn thành");
    expect(await page.getByLabel(/^Dòng tiêu đề/).inputValue()).toBe("5");

    const f = await clickForFeedback("Nạp bảng này");
    expect(f.intent).toBe("success");
    const ids = await wb((w) => {
      const t = w.table("NhiemVu");
      const i = t.headers.indexOf("Mã NV");
      return t.rows.map((r) => String(r[i]));
    });
    expect(ids).toEqual(app.ids);
    const first = await wb((w) => {
      const t = w.table("NhiemVu");
      return Object.fromEntries(t.headers.map((h, i) => [h, t.rows[0][i]]));
    });
    expect(Object.values(first)).toEqual(expect.arrayContaining([app.first.title, app.first.lead]));
    expect(problems).toEqual([]);
  });
});
