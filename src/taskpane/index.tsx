/**
 * Task pane boot: waits for Office, reads the display language once (vi-* → Vietnamese, else
 * English), and renders the App with the Excel host — or without one in a plain browser, where
 * the pane still shows its first screen and says it needs Excel. The e2e suite injects a fake
 * `Excel.run` before the page loads: when it exists, the full UI runs against it.
 *
 * If office.js fails to start (not loaded, or it throws before Office.onReady resolves), the pane
 * renders anyway after BOOT_FALLBACK_MS instead of staying on "Đang tải…"; a late onReady renders
 * it again with the host it finds then.
 */
import { createRoot, type Root } from "react-dom/client";
import { App } from "./app/App";
import { lazyServices } from "./app/services";
import { detectExcelHost } from "./host";
import { languageFromLocale, type Language } from "./i18n";

const BOOT_FALLBACK_MS = 5000;

function displayLanguage(): string | undefined {
  try {
    return typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
  } catch {
    return undefined;
  }
}

let root: Root | null = null;
let language: Language | null = null;

function start(): void {
  const element = document.getElementById("root");
  if (!element) return;
  language ??= languageFromLocale(displayLanguage());
  root ??= createRoot(element);
  root.render(<App host={detectExcelHost()} services={lazyServices} initialLanguage={language} />);
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  const fallback = setTimeout(start, BOOT_FALLBACK_MS);
  Office.onReady(() => {
    clearTimeout(fallback);
    start();
  });
} else {
  // office.js did not load (no network, blocked script): show the pane anyway.
  start();
}
