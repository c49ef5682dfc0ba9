/** What the `npm run workbook` suites share: the command's main function with captured output. */
import { promises as fs } from "node:fs";
import { runWorkbookCli } from "../../../src/export/cli";

/** Runs the workbook command with output captured and the "Nạp lúc" clock fixed (15/11/2024 by default). */
export async function runWorkbook(
  argv: readonly string[],
  now: Date = new Date(Date.UTC(2024, 10, 15, 8)),
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runWorkbookCli(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    now: () => now,
  });
  return { code, stdout, stderr };
}

export const exists = (p: string): Promise<boolean> =>
  fs.stat(p).then(
    () => true,
    () => false,
  );
