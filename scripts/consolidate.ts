/**
 * `npm run consolidate -- --help`: merges units' workbooks into the provincial workbook
 * (src/export/consolidateCli.ts). Exit code 0 = written, 1 = bad data, 2 = bad arguments,
 * 3 = internal error; messages in Vietnamese, never a stack trace.
 */
import { runConsolidateCli } from "../src/export/consolidateCli";
import { runMain } from "./lib/runMain";

runMain(runConsolidateCli, 3);
