/** The units-reported line the pane's Tổng hợp / Báo cáo rebuild keeps (reportedLineOps). */
import { reportedLineOps, REPORTED_LABEL } from "../../../src/core/consolidate/sheets";
import { SUBMISSION_STATUS, type SubmissionRow } from "../../../src/core/consolidate/types";
import { SHEETS } from "../../../src/core/workbook/layout";
import type { PlanOp } from "../../../src/core/workbook/plan";

const row = (unit: string, status: SubmissionRow["status"]): SubmissionRow => ({
  unit,
  status,
  file: null,
  updatedAt: null,
  rowsUpdated: null,
  note: null,
});
const SUBS = [
  row("Sở Nội vụ", SUBMISSION_STATUS.submitted),
  row("Sở Tư pháp", SUBMISSION_STATUS.rejected),
  row("UBND huyện Bình Sơn", SUBMISSION_STATUS.submitted),
];
const write = (sheet: string, address: string, n: number): PlanOp => ({
  op: "writeCells",
  sheet,
  address,
  rows: Array.from({ length: n }, () => ["x"]),
});

test.each<[string, PlanOp[], SubmissionRow[], Array<[string, string]>]>([
  ["no Nộp báo cáo rows: nothing", [write(SHEETS.summary, "A1", 10)], [], []],
  [
    "Tổng hợp only, two rows below its last",
    [write(SHEETS.summary, "A1", 10)],
    SUBS,
    [[SHEETS.summary, "A12"]],
  ],
  [
    "Tổng hợp and Báo cáo",
    [write(SHEETS.summary, "A1", 5), write(SHEETS.report, "A3", 40), write(SHEETS.report, "B1", 2)],
    SUBS,
    [
      [SHEETS.summary, "A7"],
      [SHEETS.report, "A44"],
    ],
  ],
  ["neither sheet in the plan: nothing", [write("Biểu đồ", "A1", 3)], SUBS, []],
])("%s", (_label, ops, subs, where) => {
  const out = reportedLineOps(ops, subs);
  expect(out.map((o) => (o.op === "writeCells" ? [o.sheet, o.address] : [o.op, ""]))).toEqual(where);
  for (const o of out) {
    if (o.op !== "writeCells") continue;
    const [label, done, , total] = o.rows[0];
    expect(label).toBe(REPORTED_LABEL);
    expect(done).toMatchObject({ cached: 2 });
    expect(total).toMatchObject({ cached: 3 });
  }
});
