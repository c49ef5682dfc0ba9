/**
 * The built task pane in Chromium against the workbook double (injected as `Excel`): what the
 * browser suites share. The pane is served from `dist` on 127.0.0.1; any request leaving it, a
 * page error or a console error (other than Office's known telemetry one) lands in `problems`.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { WorkbookInspector } from "../../double/workbookDouble";
import { buildTaskpane } from "./build";
import { chromiumPath, launchChromium } from "./chromium";
import { doubleInitScript } from "./double";
import { serveStatic, type StaticServer } from "./server";

export const ACTION_TIMEOUT = 30_000;
const KNOWN_CONSOLE_ERRORS = [/^Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/'/];

export interface PaneSession {
  page: Page;
  /** Runs `fn` on the double's inspector inside the page (`fn` is sent as source text). */
  wb<R, A = undefined>(fn: (w: WorkbookInspector, arg: A) => R, arg?: A): Promise<R>;
  button(name: string): ReturnType<Page["getByRole"]>;
  /** Waits until the pane's actions are enabled again ("Đọc lại sổ" / "Read again"). */
  waitIdle(): Promise<void>;
  /** Clicks, then returns the NEW message bar's intent and text once the action has ended. */
  clickForFeedback(name: string): Promise<{ intent: string; text: string }>;
  close(): Promise<void>;
}

/**
 * Builds the pane into `dist` (unless E2E_DIST_READY=1: another suite just built it), opens it at
 * 450 × 900 in Vietnamese and waits for it to be ready. `problems` collects what went wrong.
 */
export async function openPane(dist: string, problems: string[]): Promise<PaneSession> {
  chromiumPath();
  const launched = launchChromium();
  launched.catch(() => undefined);
  const build = process.env.E2E_DIST_READY === "1" ? Promise.resolve() : buildTaskpane(dist);
  const held: { server: StaticServer | null; context: BrowserContext | null } = {
    server: null,
    context: null,
  };
  const [, initScript, b] = await Promise.all([build, doubleInitScript(), launched]);
  try {
    return await open(b);
  } catch (e) {
    await held.context?.close().catch(() => undefined);
    await b.close();
    await held.server?.close();
    throw e;
  }

  async function open(browser: Browser): Promise<PaneSession> {
    const server = (held.server = await serveStatic(dist));
    const context = (held.context = await browser.newContext({
      viewport: { width: 450, height: 900 },
      locale: "vi-VN",
    }));
    const origin = server.origin;
    await context.route(
      (url) => url.origin !== origin,
      async (route) => {
        problems.push(`request left 127.0.0.1: ${route.request().url()}`);
        await route.abort("blockedbyclient");
      },
    );
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" && !KNOWN_CONSOLE_ERRORS.some((r) => r.test(m.text())))
        problems.push(`console.error: ${m.text()}`);
    });
    const button = (name: string) => page.getByRole("button", { name, exact: true });
    const waitIdle = async (): Promise<void> => {
      await page.waitForFunction(
        () =>
          Array.from(document.querySelectorAll("button")).some(
            (el) => /^(Đọc lại sổ|Read again)$/.test((el.textContent ?? "").trim()) && !el.disabled,
          ),
        undefined,
        { timeout: ACTION_TIMEOUT },
      );
    };
    const session: PaneSession = {
      page,
      wb: <R, A = undefined>(fn: (w: WorkbookInspector, arg: A) => R, arg?: A) =>
        page.evaluate(
          `(${fn.toString()})(window.__double.workbook, ${JSON.stringify(arg ?? null)})`,
        ) as Promise<R>,
      button,
      waitIdle,
      clickForFeedback: async (name) => {
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
      },
      close: async () => {
        await context.close().catch(() => undefined);
        await browser.close();
        await server.close();
      },
    };
    await page.addInitScript({ content: initScript });
    await page.goto(`${server.origin}/taskpane.html`);
    await page.getByRole("heading", { level: 1, name: "Theo dõi CCHC 2024" }).waitFor();
    await waitIdle();
    return session;
  }
}
