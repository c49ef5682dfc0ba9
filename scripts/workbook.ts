/**
 * `npm run workbook -- --help`: writes the tracking workbook to an .xlsx file without Excel
 * (src/export/cli.ts). Exit codes (EXIT): 0 written, 1 bad input, 2 bad arguments, 3 the output
 * cannot be written, 4 internal error; messages in Vietnamese, never a stack trace.
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
      `Lỗi nội bộ — không ghi tệp: ${e instanceof Error ? e.message : String(e)}. Hãy gửi lệnh đã chạy và thông báo này cho người quản trị.\n`,
    );
    process.exitCode = 4;
  },
);
