/** Bundles ./doubleEntry.ts (the workbook double, no Node APIs) into an IIFE for `page.addInitScript`. */
import path from "node:path";
import { build } from "esbuild";

export async function doubleInitScript(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(__dirname, "doubleEntry.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    charset: "utf8",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}
