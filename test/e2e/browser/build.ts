/** Runs ./webpackBuild.ts with tsx in a child process (webpack stays out of jest's module registry). */
import { execFile } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../../..");

export interface BuildResult {
  seconds: number;
  log: string;
}

export function buildTaskpane(outDir: string, breakName?: string): Promise<BuildResult> {
  const t0 = Date.now();
  const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
  const args = [path.join(__dirname, "webpackBuild.ts"), outDir, ...(breakName ? [breakName] : [])];
  return new Promise((resolve, reject) => {
    execFile(
      tsx,
      args,
      { cwd: ROOT, env: { ...process.env, OFFICE_JS: "local" }, timeout: 240_000, maxBuffer: 32 << 20 },
      (err, stdout, stderr) => {
        const log = `${String(stdout)}${String(stderr)}`;
        if (err) reject(new Error(`the e2e build failed: ${err.message}\n${log}`));
        else resolve({ seconds: (Date.now() - t0) / 1000, log });
      },
    );
  });
}
