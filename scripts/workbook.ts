/**
 * `npm run workbook -- --help`: writes the tracking workbook to an .xlsx file without Excel
 * (src/export/cli.ts). Exit code 0 = written, 1 = bad input, 2 = bad arguments, 3 = internal error.
 */
import { runWorkbookCli } from "../src/export/cli";

runWorkbookCli(process.argv.slice(2), {
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
