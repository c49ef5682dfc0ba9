/**
 * Issue 20, task pane on the workbook double: a 2026 plan builds “Nhiệm vụ 2026” (table NhiemVu),
 * records its map of units in Cấu hình, re-pulls into that sheet, and its report is titled 2026; a
 * 2024 workbook keeps “Nhiệm vụ 2024” and no map row.
 */
import { REPORT_SUBJECT } from "../../../src/core/workbook/reportDoc";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCatalogue } from "../../../src/core/catalogue/parse";
import { loadBundledCatalogue } from "../../../src/core/catalogue/bundled";
import { SHEETS, TABLES } from "../../../src/core/workbook/layout";
import { UNIT_MAP_LABEL } from "../../../src/core/workbook/sheets";
import { buildReport } from "../../../src/taskpane/actions/summary";
import { installDouble, pull, tableRecords } from "../../double/testkit";

jest.setTimeout(120_000);

const plan2026 = () =>
  parseCatalogue(readFileSync(join(__dirname, "..", "..", "fixtures", "plan-2026.json"), "utf8"));

function configRows(d: ReturnType<typeof installDouble>): string[] {
  return d.workbook
    .sheet(SHEETS.config)
    .values()
    .map((r) => String(r[0] ?? ""));
}

function reportTexts(d: ReturnType<typeof installDouble>): string[] {
  const sheet = d.workbook.sheet(SHEETS.report);
  return sheet
    .values(sheet.usedAddress() ?? "A1:A1")
    .flat()
    .map((v) => String(v ?? ""));
}

test("a 2026 plan: “Nhiệm vụ 2026”, the map row in Cấu hình, a re-pull into the same sheet, a 2026 report", async () => {
  const d = installDouble();
  const first = await pull(d, plan2026(), { reportDate: "2026-06-30" });
  expect(first.kind).toBe("done");
  expect(d.workbook.sheetNames()).toContain("Nhiệm vụ 2026");
  expect(d.workbook.sheetNames()).not.toContain(SHEETS.tasks);
  expect(configRows(d)).toContain(UNIT_MAP_LABEL);
  const units = new Set(tableRecords(d, TABLES.assignments).map((r) => String(r["Đơn vị"])));
  expect(units).toContain("Đặc khu Lý Sơn");
  expect(units.size).toBe(14 + 96); // the groups cover every department and commune
  const again = await pull(d, plan2026());
  expect(again.kind).toBe("done");
  expect(d.workbook.sheetNames().filter((s) => s.startsWith("Nhiệm vụ"))).toEqual(["Nhiệm vụ 2026"]);
  await d.Excel.run((ctx) => buildReport(ctx));
  // The report is a document now (issue 18): its subject line names the plan year.
  expect(reportTexts(d)).toContainEqual(expect.stringContaining(`${REPORT_SUBJECT} năm 2026`));
  expect(reportTexts(d).join("\n")).not.toContain(`${REPORT_SUBJECT} năm 2024`);
});

test("a 2024 workbook keeps “Nhiệm vụ 2024”, no map row, the 2024 report title", async () => {
  const d = installDouble();
  const o = await pull(d, await loadBundledCatalogue("demo-2024"), { reportDate: "2024-12-31" });
  expect(o.kind).toBe("done");
  expect(d.workbook.sheetNames()).toContain("Nhiệm vụ 2024");
  expect(configRows(d)).not.toContain(UNIT_MAP_LABEL);
  await d.Excel.run((ctx) => buildReport(ctx));
  // The report is a document now (issue 18): its subject line names the plan year.
  expect(reportTexts(d)).toContainEqual(expect.stringContaining(`${REPORT_SUBJECT} năm 2024`));
  expect(reportTexts(d).join("\n")).not.toContain(`${REPORT_SUBJECT} năm 2026`);
});
