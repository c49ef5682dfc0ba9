/**
 * The process around a headless command (scripts/workbook.ts, scripts/consolidate.ts): standard
 * output and error, the exit code the command returns, and — for a bug the command did not catch —
 * a Vietnamese line without a stack trace and the command's documented "internal error" code.
 */
import type { CliIO } from "../../src/export/cli";

export function runMain(
  command: (argv: readonly string[], io: CliIO) => Promise<number>,
  internalErrorCode: number,
): void {
  command(process.argv.slice(2), {
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
      process.exitCode = internalErrorCode;
    },
  );
}
