/**
 * The workbook double as the page's `Excel` (bundled to an IIFE by ./double.ts and injected with
 * `page.addInitScript` before the pane loads). The tests inspect it through `window.__double`.
 *
 * A new workbook with one sheet "Sheet1", Vietnamese locale. The double stores formulas without
 * evaluating them; the one formula the pane reads back is the report-date cell's =TODAY(), so its
 * result is today's serial, as Excel would compute it.
 */
import { createWorkbookDouble } from "../../double/workbookDouble";
import { toExcelSerial, todayIso } from "../../../src/core/dates/isoDate";

if (window.top === window) {
  const d = createWorkbookDouble({
    sheets: ["Sheet1"],
    locale: "vi-VN",
    formulaResult: (formula) => (/^=\s*TODAY\(\)\s*$/i.test(formula) ? toExcelSerial(todayIso()) : undefined),
  });
  const g = globalThis as unknown as Record<string, unknown>;
  g.Excel = d.Excel;
  g.__double = d;
}
