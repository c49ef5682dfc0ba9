/**
 * Thẩm định against the workbook double: the claims listed, and writeVerdicts writing only the
 * "Kết quả thẩm định" cells of the chosen rows (found again after a sort, a verdict typed
 * meanwhile kept, a filter removed first), in two round trips.
 */
import { listReviewClaims, writeVerdicts, type VerdictPick } from "../../../src/taskpane/actions/review";
import { ActionError } from "../../../src/taskpane/actions/common";
import { TABLES } from "../../../src/core/workbook/layout";
import type { CellValue, WorkbookDouble } from "../../double/workbookDouble";
import {
  assignmentHeader,
  catalogueWithRows,
  colName,
  installDouble,
  pull,
  REPORT_DATE,
} from "../../double/testkit";

const DONE = "Đã hoàn thành";

/** 55 rows; rows 0–11 claimed done (even rows with a link, 3 with a paper reference, the rest none), row 4 already judged. */
async function tracker(): Promise<WorkbookDouble> {
  const d = installDouble();
  await pull(d, catalogueWithRows(55), { reportDate: REPORT_DATE });
  const t = d.workbook.table(TABLES.assignments);
  const set = (key: Parameters<typeof assignmentHeader>[0], values: CellValue[]) => {
    const c = colName(t.headers.indexOf(assignmentHeader(key)));
    d.workbook.setRaw(
      t.sheet,
      `${c}2:${c}${values.length + 1}`,
      values.map((v) => [v]),
    );
  };
  const n = t.rows.length;
  set(
    "status",
    Array.from({ length: n }, (_, i) => (i < 12 ? DONE : i < 20 ? "Đang thực hiện" : "")),
  );
  set(
    "evidence",
    Array.from({ length: n }, (_, i) =>
      i < 12 && i % 2 === 0 ? `https://ex.vn/mc/${i}` : i === 3 ? "CV 12/UBND" : "",
    ),
  );
  set(
    "review",
    Array.from({ length: n }, (_, i) => (i === 4 ? "Đạt" : "")),
  );
  d.stats.reset();
  d.workbook.clearWrites();
  return d;
}

function column(d: WorkbookDouble, key: Parameters<typeof assignmentHeader>[0]): CellValue[] {
  const t = d.workbook.table(TABLES.assignments);
  const i = t.headers.indexOf(assignmentHeader(key));
  return t.rows.map((r) => r[i]);
}

function pickOf(d: WorkbookDouble, row: number, verdict: VerdictPick["verdict"]): VerdictPick {
  return { row, taskId: String(column(d, "taskId")[row]), unit: String(column(d, "unit")[row]), verdict };
}

describe("listReviewClaims", () => {
  test("claims done without a verdict, “Thiếu minh chứng” first, one round trip", async () => {
    const d = await tracker();
    const out = await d.Excel.run((ctx) => listReviewClaims(ctx));
    // Independent expectation: rows 0–11 except the judged row 4; without evidence: odd rows but 3.
    const missing = [1, 5, 7, 9, 11];
    const withEvidence = [0, 2, 3, 6, 8, 10];
    expect(out.claims.map((c) => c.row)).toEqual([...missing, ...withEvidence]);
    expect(out.claims.filter((c) => c.missingEvidence).map((c) => c.row)).toEqual(missing);
    expect(out.claims.find((c) => c.row === 0)?.link).toBe("https://ex.vn/mc/0");
    expect(out.claims.find((c) => c.row === 3)?.link).toBeNull();
    expect(out.claims.find((c) => c.row === 3)?.evidence).toBe("CV 12/UBND");
    expect(out.invalidVerdicts).toBe(0);
    expect(out.stats.syncs).toBe(1);
    expect(d.stats.syncs).toBe(1);
    expect(d.workbook.writes()).toEqual([]);
  });
});

describe("writeVerdicts", () => {
  test("writes only the verdict cells of the chosen rows, in two round trips", async () => {
    const d = await tracker();
    const before = d.workbook.table(TABLES.assignments).rows.map((r) => [...r]);
    const tasksBefore = d.workbook.table(TABLES.tasks).rows.map((r) => [...r]);
    const picks = [
      pickOf(d, 1, "accepted"),
      pickOf(d, 2, "rejected"),
      pickOf(d, 3, "incomplete"),
      pickOf(d, 9, "accepted"),
    ];
    const out = await d.Excel.run((ctx) => writeVerdicts(ctx, picks));
    expect(out.written.map((w) => w.row)).toEqual([1, 2, 3, 9]);
    expect(out.skipped).toEqual([]);
    const t = d.workbook.table(TABLES.assignments);
    const rc = t.headers.indexOf(assignmentHeader("review"));
    const want = before.map((r) => [...r]);
    want[1][rc] = "Đạt";
    want[2][rc] = "Không đạt";
    want[3][rc] = "Cần bổ sung";
    want[9][rc] = "Đạt";
    expect(t.rows).toEqual(want);
    expect(d.workbook.table(TABLES.tasks).rows).toEqual(tasksBefore);
    // Every cell write fell in the verdict column.
    const letter = colName(rc);
    for (const w of d.workbook.writes())
      expect(w.address.replace(/^.*!/, "")).toMatch(new RegExp(`^${letter}\\d+(:${letter}\\d+)?$`));
    expect(d.workbook.writes().length).toBeGreaterThan(0);
    expect(out.stats.syncs).toBe(2);
    expect(d.stats.syncs).toBe(2);
    expect(d.stats.maxRequestBytes()).toBeLessThan(5_000_000);
    // The list returned no longer holds the rows just judged.
    expect(out.claims.map((c) => c.row).sort((a, b) => a - b)).toEqual([0, 5, 6, 7, 8, 10, 11]);
  });

  test("after the user sorted the table, each verdict goes to its own task and unit", async () => {
    const d = await tracker();
    const picks = [pickOf(d, 1, "rejected"), pickOf(d, 6, "accepted")];
    const n = d.workbook.table(TABLES.assignments).rows.length;
    d.workbook.reorderTableRows(
      TABLES.assignments,
      Array.from({ length: n }, (_, i) => n - 1 - i),
    );
    const out = await d.Excel.run((ctx) => writeVerdicts(ctx, picks));
    expect(out.skipped).toEqual([]);
    const ids = column(d, "taskId");
    const units = column(d, "unit");
    const review = column(d, "review");
    for (const p of picks) {
      const r = ids.findIndex((id, i) => id === p.taskId && units[i] === p.unit);
      expect(review[r]).toBe(p.verdict === "accepted" ? "Đạt" : "Không đạt");
    }
    expect(review.filter((v) => v !== "" && v !== null).length).toBe(3); // the two written + row 4's
  });

  test("a verdict typed meanwhile is kept and reported", async () => {
    const d = await tracker();
    const t = d.workbook.table(TABLES.assignments);
    const letter = colName(t.headers.indexOf(assignmentHeader("review")));
    const picks = [pickOf(d, 5, "accepted"), pickOf(d, 7, "rejected")];
    d.workbook.type(t.sheet, `${letter}${5 + 2}`, [["Cần bổ sung"]]);
    const out = await d.Excel.run((ctx) => writeVerdicts(ctx, picks));
    expect(out.skipped.map((s) => [s.pick.row, s.reason])).toEqual([[5, "reviewed"]]);
    expect(column(d, "review")[5]).toBe("Cần bổ sung");
    expect(column(d, "review")[7]).toBe("Không đạt");
  });

  test("a filtered table: the filter is removed first and the right rows are written", async () => {
    const d = await tracker();
    d.workbook.filterTable(TABLES.assignments, assignmentHeader("status"), [DONE]);
    const out = await d.Excel.run((ctx) => writeVerdicts(ctx, [pickOf(d, 10, "incomplete")]));
    expect(out.clearedFilters).toEqual([TABLES.assignments]);
    expect(column(d, "review")[10]).toBe("Cần bổ sung");
    expect(d.workbook.table(TABLES.assignments).isFiltered).toBe(false);
  });

  test("a workbook without the verdict column: a Vietnamese error, nothing written", async () => {
    const d = await tracker();
    d.workbook.renameTableColumn(TABLES.assignments, assignmentHeader("review"), "KQ");
    const before = d.workbook.snapshot();
    const err = await d.Excel.run((ctx) => writeVerdicts(ctx, [pickOf(d, 1, "accepted")])).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ActionError);
    expect((err as ActionError).problems.join(" ")).toContain("chưa có cột “Kết quả thẩm định”");
    expect((err as ActionError).hint).toContain("Kết quả thẩm định");
    expect(d.workbook.snapshot()).toEqual(before);
  });

  test("no verdict chosen: refused before reading", async () => {
    const d = await tracker();
    await expect(d.Excel.run((ctx) => writeVerdicts(ctx, []))).rejects.toThrow("Chưa chọn kết quả thẩm định");
    expect(d.stats.syncs).toBe(0);
  });
});
