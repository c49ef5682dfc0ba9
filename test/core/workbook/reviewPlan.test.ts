/** Thẩm định in the pane: which claims are listed, and the plan writing the chosen verdicts. */
import fc from "fast-check";
import {
  invalidVerdictRows,
  pendingReviewClaims,
  verdictPlan,
  type VerdictPick,
} from "../../../src/core/workbook/reviewPlan";
import { ASSIGNMENT_COLUMNS, TABLES, type AssignmentColumnKey } from "../../../src/core/workbook/layout";
import type { PlanOp } from "../../../src/core/workbook/plan";
import type { ReviewVerdict } from "../../../src/core/workbook/verdicts";

const HEADERS = ASSIGNMENT_COLUMNS.map((c) => c.header);
const col = (k: AssignmentColumnKey) => ASSIGNMENT_COLUMNS.findIndex((c) => c.key === k);
const REVIEW = col("review");

/** A full-width PhanCong row. */
function row(taskId: string, unit: string, review: string | null = null): unknown[] {
  const r: unknown[] = new Array(HEADERS.length).fill("");
  r[col("taskId")] = taskId;
  r[col("unit")] = unit;
  r[col("status")] = "Đã hoàn thành";
  r[REVIEW] = review ?? "";
  return r;
}
const table = (rows: unknown[][]) => ({ headers: HEADERS, rows });
const pick = (row: number, taskId: string, unit: string, verdict: ReviewVerdict): VerdictPick => ({
  row,
  taskId,
  unit,
  verdict,
});
const upd = (r: number, values: string[]): PlanOp => ({
  op: "updateTableCells",
  table: TABLES.assignments,
  row: r,
  column: REVIEW,
  rows: values.map((v) => [v]),
});
const CLEAR: PlanOp = { op: "clearTableFilters", table: TABLES.assignments };

const BASE = [
  row("I.1", "Sở Nội vụ"),
  row("I.1", "Sở Tư pháp"),
  row("I.2", "Sở Nội vụ"),
  row("II.3", "Sở Y tế"),
];

describe("verdictPlan", () => {
  test.each<[string, unknown[][], VerdictPick[], PlanOp[], number[], Array<[string, "moved" | "reviewed"]>]>([
    ["no pick: no op", BASE, [], [], [], []],
    [
      "consecutive rows: one block",
      BASE,
      [pick(0, "I.1", "Sở Nội vụ", "accepted"), pick(1, "I.1", "Sở Tư pháp", "rejected")],
      [CLEAR, upd(0, ["Đạt", "Không đạt"])],
      [0, 1],
      [],
    ],
    [
      "rows apart: one op each",
      BASE,
      [pick(3, "II.3", "Sở Y tế", "incomplete"), pick(0, "I.1", "Sở Nội vụ", "accepted")],
      [CLEAR, upd(0, ["Đạt"]), upd(3, ["Cần bổ sung"])],
      [0, 3],
      [],
    ],
    [
      "the table was sorted: the row is found by task and unit",
      [BASE[3], BASE[2], BASE[1], BASE[0]],
      [pick(0, "I.1", "Sở Nội vụ", "rejected")],
      [CLEAR, upd(3, ["Không đạt"])],
      [3],
      [],
    ],
    [
      "a verdict typed meanwhile is kept",
      [BASE[0], row("I.1", "Sở Tư pháp", "Đạt")],
      [pick(1, "I.1", "Sở Tư pháp", "rejected")],
      [],
      [],
      [["I.1", "reviewed"]],
    ],
    [
      "the row was deleted",
      [BASE[0], BASE[2]],
      [pick(1, "I.1", "Sở Tư pháp", "accepted")],
      [],
      [],
      [["I.1", "moved"]],
    ],
    [
      "two rows of the same task and unit, neither at the listed place: ambiguous, skipped",
      [BASE[2], BASE[0], BASE[0]],
      [pick(0, "I.1", "Sở Nội vụ", "accepted")],
      [],
      [],
      [["I.1", "moved"]],
    ],
    [
      "the same row chosen twice: the last choice wins",
      BASE,
      [pick(2, "I.2", "Sở Nội vụ", "accepted"), pick(2, "I.2", "Sở Nội vụ", "incomplete")],
      [CLEAR, upd(2, ["Cần bổ sung"])],
      [2],
      [],
    ],
    [
      "a unit typed with stray spaces is matched as the formulas see it (exactly)",
      [row("I.1", "Sở Nội vụ "), BASE[0]],
      [pick(0, "I.1", "Sở Nội vụ", "accepted")],
      [CLEAR, upd(1, ["Đạt"])],
      [1],
      [],
    ],
  ])("%s", (_name, rows, picks, ops, writtenRows, skipped) => {
    const plan = verdictPlan(table(rows), picks);
    expect(plan.ops).toEqual(ops);
    expect(plan.written.map((w) => w.row)).toEqual(writtenRows);
    expect(plan.skipped.map((s) => [s.pick.taskId, s.reason])).toEqual(skipped);
  });

  test("a table without the verdict column is refused", () => {
    const headers = HEADERS.filter((_, i) => i !== REVIEW);
    expect(() => verdictPlan({ headers, rows: [] }, [pick(0, "I.1", "Sở Nội vụ", "accepted")])).toThrow();
  });

  test("property: only empty verdict cells of the verdict column are written, each with the chosen label", () => {
    const verdicts: ReviewVerdict[] = ["accepted", "rejected", "incomplete"];
    const labels: Record<ReviewVerdict, string> = {
      accepted: "Đạt",
      rejected: "Không đạt",
      incomplete: "Cần bổ sung",
    };
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            task: fc.constantFrom("I.1", "I.2", "II.1"),
            unit: fc.constantFrom("Sở Nội vụ", "Sở Tư pháp"),
            review: fc.constantFrom("", "", "Đạt", "Không đạt", "xyz"),
          }),
          { maxLength: 12 },
        ),
        fc.array(fc.record({ i: fc.nat(14), v: fc.constantFrom(...verdicts) }), { maxLength: 10 }),
        (spec, choices) => {
          const rows = spec.map((s) => row(s.task, s.unit, s.review));
          const picks = choices.map(({ i, v }) =>
            pick(
              i,
              spec[i % Math.max(1, spec.length)]?.task ?? "I.1",
              spec[i % Math.max(1, spec.length)]?.unit ?? "Sở Nội vụ",
              v,
            ),
          );
          const plan = verdictPlan(table(rows), picks);
          const seen = new Set<number>();
          for (const op of plan.ops) {
            if (op.op === "clearTableFilters") continue;
            expect(op.op).toBe("updateTableCells");
            if (op.op !== "updateTableCells") continue;
            expect(op.column).toBe(REVIEW);
            op.rows.forEach((cells, k) => {
              const r = op.row + k;
              expect(seen.has(r)).toBe(false);
              seen.add(r);
              expect(rows[r][REVIEW]).toBe("");
              const w = plan.written.find((x) => x.row === r);
              expect(w).toBeDefined();
              expect(cells).toEqual([labels[(w as VerdictPick).verdict]]);
              expect(rows[r][col("taskId")]).toBe(w?.taskId);
              expect(rows[r][col("unit")]).toBe(w?.unit);
            });
          }
          expect(seen.size).toBe(plan.written.length);
        },
      ),
    );
  });
});

describe("pendingReviewClaims", () => {
  const rec = (over: Record<string, unknown>) => ({
    taskId: "I.1",
    title: "Nhiệm vụ",
    unit: "Sở Nội vụ",
    inCatalogue: true,
    status: "Đã hoàn thành" as string | null,
    completedOn: "2024-11-01" as string | null,
    evidence: "https://ex.vn/mc/1" as string | null,
    review: null as string | null,
    ...over,
  });
  test.each<[string, Record<string, unknown>, boolean]>([
    ["done, no verdict", {}, true],
    ["done, verdict Đạt", { review: "Đạt" }, false],
    ["done, verdict typed in other case", { review: "cần bổ sung" }, false],
    ["done, a verdict of only spaces counts as empty", { review: "  " }, true],
    ["in progress", { status: "Đang thực hiện" }, false],
    ["not a done value (an import form)", { status: "x" }, false],
    ["empty status", { status: null }, false],
    ["task no longer in the catalogue", { inCatalogue: false }, false],
  ])("%s", (_n, over, listed) => {
    expect(pendingReviewClaims([rec(over)]).length).toBe(listed ? 1 : 0);
  });

  test("“Thiếu minh chứng” rows first, then sheet order; links only http(s)", () => {
    const claims = pendingReviewClaims([
      rec({ taskId: "A", evidence: "https://ex.vn/a" }),
      rec({ taskId: "B", evidence: null }),
      rec({ taskId: "C", evidence: "javascript:alert(1)" }),
      rec({ taskId: "D", evidence: "CV số 12/UBND" }),
      rec({ taskId: "E", evidence: "   " }),
      rec({ taskId: "F", evidence: " http://ex.vn/f " }),
    ]);
    expect(claims.map((c) => [c.taskId, c.row, c.missingEvidence, c.link])).toEqual([
      ["B", 1, true, null],
      ["E", 4, true, null],
      ["A", 0, false, "https://ex.vn/a"],
      ["C", 2, false, null],
      ["D", 3, false, null],
      ["F", 5, false, "http://ex.vn/f"],
    ]);
  });

  test("invalidVerdictRows: claims whose verdict is not a drop-down value", () => {
    expect(
      invalidVerdictRows([
        rec({ review: "Đạt" }),
        rec({ review: "dat" }),
        rec({ review: null }),
        rec({ review: "ok", status: "Đang thực hiện" }),
      ]),
    ).toEqual([1]);
  });
});
