/**
 * Headless LibreOffice as an independent spreadsheet engine: recalculates every formula of an
 * .xlsx file and writes every sheet as CSV (raw values, UTF-8). One private profile per run,
 * set to always recalculate on load (../shared/TOOLCHAIN.md), so no cached value can leak through.
 */
import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import Papa from "papaparse";

/** Sheet separator 44 (,), text delimiter 34 ("), UTF-8 (76), from line 1, language 0,
 *  quoted fields not as text, detect special numbers, NOT "as shown" (raw values), no formulas,
 *  keep spaces, every sheet (-1) → <name>-<Sheet>.csv. */
export const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export function sofficeBinary(): string {
  return process.env.SOFFICE ?? "soffice";
}

export async function hasSoffice(): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(sofficeBinary(), ["--version"], { timeout: 60_000 }, (err, stdout) =>
      resolve(!err && /LibreOffice/.test(String(stdout))),
    );
  });
}

export interface RecalcResult {
  /** Sheet name → rows of raw cell texts. */
  sheets: Map<string, string[][]>;
  /** Wall-clock seconds of the soffice run (start-up, load, recalculation, CSV export). */
  seconds: number;
}

/** A fresh temporary directory (removed by the caller with `fs.rm(dir, { recursive: true })`). */
export async function tempDir(prefix: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

function run(args: string[], timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      sofficeBinary(),
      args,
      { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`soffice failed: ${err.message}\n${stderr}`));
        else resolve({ stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** Converts `xlsx` with LibreOffice (own profile) to one CSV per sheet, read back as text rows. */
export async function recalcToCsv(
  xlsx: string,
  sheetNames: readonly string[],
  timeoutMs = 400_000,
): Promise<RecalcResult> {
  const work = await tempDir("lo-recalc-");
  try {
    const profile = path.join(work, "profile");
    await fs.mkdir(path.join(profile, "user"), { recursive: true });
    await fs.writeFile(path.join(profile, "user", "registrymodifications.xcu"), RECALC_PROFILE);
    const out = path.join(work, "out");
    await fs.mkdir(out);
    const started = Date.now();
    await run(
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        CSV_FILTER,
        "--outdir",
        out,
        xlsx,
      ],
      timeoutMs,
    );
    const seconds = (Date.now() - started) / 1000;
    const base = path.basename(xlsx).replace(/\.xlsx$/i, "");
    const sheets = new Map<string, string[][]>();
    for (const name of sheetNames) {
      const file = path.join(out, `${base}-${name}.csv`);
      const text = await fs.readFile(file, "utf8").catch(() => {
        throw new Error(`LibreOffice did not write ${file}`);
      });
      const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), {
        delimiter: ",",
        quoteChar: '"',
        skipEmptyLines: false,
      });
      const rows = parsed.data;
      if (rows.length > 0 && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === "")
        rows.pop();
      sheets.set(name, rows);
    }
    return { sheets, seconds };
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

/** Converts with LibreOffice to another format (e.g. "xlsx") and returns the output file's bytes. */
export async function convertWithLibreOffice(
  file: string,
  target: string,
  timeoutMs = 300_000,
): Promise<Buffer> {
  const work = await tempDir("lo-convert-");
  try {
    const profile = path.join(work, "profile");
    await fs.mkdir(path.join(profile, "user"), { recursive: true });
    await fs.writeFile(path.join(profile, "user", "registrymodifications.xcu"), RECALC_PROFILE);
    const out = path.join(work, "out");
    await fs.mkdir(out);
    await run(
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        target,
        "--outdir",
        out,
        file,
      ],
      timeoutMs,
    );
    const produced = await fs.readdir(out);
    if (produced.length !== 1)
      throw new Error(`LibreOffice wrote ${produced.length} files: ${produced.join(", ")}`);
    return fs.readFile(path.join(out, produced[0]));
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}
