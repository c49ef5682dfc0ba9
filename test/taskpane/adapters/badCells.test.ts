/**
 * One bad cell never blocks an action (issue 14/15): a pasted Ngày hoàn thành of 99999999 (beyond
 * Excel's last date) is reported with its sheet, row, column, value and what to do, and the rest
 * of the action proceeds; user columns are never written.
 */
import { SHEETS, TABLES } from "../../../src/core/workbook/layout";
import type { PullOutcome } from "../../../src/taskpane/actions/pull";
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
