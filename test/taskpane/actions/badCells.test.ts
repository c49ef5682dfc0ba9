/**
 * One bad cell never blocks an action (issue 14/15): a pasted Ngày hoàn thành of 99999999 (beyond
 * Excel's last date) is reported with its sheet, row, column, value and what to do, and the rest
 * of the action proceeds; user columns are never written.
 */
import { SHEETS, TABLES } from "../../../src/core/workbook/layout";
import type { PullOutcome } from "../../../src/taskpane/actions/pull";
import { buildSummary } from "../../../src/taskpane/actions/summary";
import { flagOverdue } from "../../../src/taskpane/actions/overdue";
import {
  assignmentHeader,
  catalogueWithRows,
  colName,
  installDouble,
  newVersion,
  pull,
  REPORT_DATE,
  tableRecords,
  USER_COLUMNS,
} from "../../double/testkit";

type Done = Extract<PullOutcome, { kind: "done" }>;
function done(o: PullOutcome): Done {
  if (o.kind !== "done") throw new Error(`expected a done pull, got ${o.kind}`);
  return o;
}

test("re-pull of a new version with Ngày hoàn thành = 99999999: reported, the rest merged, nothing overwritten", async () => {
  const base = catalogueWithRows(55);
  const d = installDouble();
  done(await pull(d, base, { reportDate: REPORT_DATE }));
  const t = d.workbook.table(TABLES.assignments);
  const col = t.headers.indexOf(assignmentHeader("completedOn"));
  // Row 4 of the data body = sheet row 5 (the table starts at A1).
  d.workbook.setRaw(SHEETS.assignments, `${colName(col)}5`, [[99999999]]);
  const userBefore = tableRecords(d, TABLES.assignments).map((r) =>
    USER_COLUMNS.map((k) => r[assignmentHeader(k)]),
  );
  const v = newVersion(base);
  const out = done(await pull(d, v.catalogue));
  expect(out.assignments.added).toBeGreaterThan(0);
  const text = out.warnings.join("\n");
  expect(text).toContain(SHEETS.assignments);
  expect(text).toContain("dòng 5");
  expect(text).toContain("Ngày hoàn thành");
  expect(text).toContain("99999999");
  expect(text).toMatch(/Hãy/);
  const after = tableRecords(d, TABLES.assignments).map((r) =>
    USER_COLUMNS.map((k) => r[assignmentHeader(k)]),
  );
  expect(after.slice(0, userBefore.length)).toEqual(userBefore);
});

test.each<[string, (ctx: Excel.RequestContext) => Promise<{ cellProblems?: string[] }>]>([
  ["Tổng hợp", (ctx) => buildSummary(ctx)],
  ["Đánh dấu quá hạn", (ctx) => flagOverdue(ctx)],
])("%s with a pasted 99999999 and a text date: runs, and reports both cells", async (_name, run) => {
  const d = installDouble();
  done(await pull(d, catalogueWithRows(55), { reportDate: REPORT_DATE }));
  const t = d.workbook.table(TABLES.assignments);
  const col = colName(t.headers.indexOf(assignmentHeader("completedOn")));
  d.workbook.setRaw(SHEETS.assignments, `${col}3`, [[99999999]]);
  d.workbook.setRaw(SHEETS.assignments, `${col}7`, [["hôm qua"]]);
  const out = await d.Excel.run(run);
  const problems = (out.cellProblems ?? []).join("\n");
  expect(problems).toContain("dòng 3, cột “Ngày hoàn thành” (giá trị 99999999)");
  expect(problems).toContain("dòng 7, cột “Ngày hoàn thành” (giá trị hôm qua)");
  expect(out.cellProblems).toHaveLength(2);
});
