/** axe-core in the page (evaluated through the DevTools protocol, so the page's CSP allows it). */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { AxeResults, Result } from "axe-core";
import type { Page } from "playwright-core";

const ROOT = path.resolve(__dirname, "../../..");
let source: string | null = null;

export async function runAxe(page: Page): Promise<AxeResults> {
  const present = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === "object");
  if (!present) {
    source ??= readFileSync(path.join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");
    await page.evaluate(source);
  }
  return page.evaluate(() =>
    (window as unknown as { axe: typeof import("axe-core") }).axe.run(document, {
      resultTypes: ["violations"],
    }),
  );
}

/** "rule (impact): help — selector, selector" per violation. */
export function describeViolations(violations: Result[]): string[] {
  return violations.map(
    (v) =>
      `${v.id} (${v.impact ?? "?"}): ${v.help} — ${v.nodes
        .slice(0, 5)
        .map((n) => n.target.join(" "))
        .join(", ")}${v.nodes.length > 5 ? `, … (${v.nodes.length})` : ""}`,
  );
}
