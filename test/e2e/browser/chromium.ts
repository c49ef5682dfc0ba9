/**
 * Debian's Chromium driven by playwright-core (../shared/TOOLCHAIN.md): never a downloaded browser. The CI
 * installs it (`apt-get install -y --no-install-recommends chromium`); when it is missing the
 * suite FAILS with that instruction instead of skipping.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  const file = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (!existsSync(file)) {
    throw new Error(
      `Chromium not found at ${file}. The task-pane suite needs Debian's Chromium: ` +
        "apt-get install -y --no-install-recommends chromium (or set CHROMIUM_PATH). " +
        "Do not run `npx playwright install`: it downloads a browser.",
    );
  }
  return file;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
}
