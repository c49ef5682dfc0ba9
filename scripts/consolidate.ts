/**
 * `npm run consolidate -- --help`: merges units' workbooks into the provincial workbook
 * (src/export/consolidateCli.ts). Exit code 0 = written, 1 = bad data, 2 = bad arguments,
 * 3 = internal error.
 */
import { runConsolidateCli } from "../src/export/consolidateCli";

runConsolidateCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(
      `Lỗi không mong đợi — không ghi tệp: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exitCode = 3;
  },
);
