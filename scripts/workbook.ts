/**
 * `npm run workbook -- --help`: writes the tracking workbook to an .xlsx file without Excel
 * (src/export/cli.ts). Exit codes (EXIT): 0 written, 1 bad input, 2 bad arguments, 3 the output
 * cannot be written, 4 internal error; messages in Vietnamese, never a stack trace.
 */
import { runWorkbookCli } from "../src/export/cli";
import { runMain } from "./lib/runMain";

runMain(runWorkbookCli, 4);
