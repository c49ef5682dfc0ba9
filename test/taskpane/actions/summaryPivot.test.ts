/**
 * The PivotTable on Phân công counts what Tổng hợp counts (issue 19): its filter area holds Vai
 * trò and Trong danh mục, with the counted items selected where the host can (ExcelApi 1.12);
 * an older host gets the fields in the filter area and the pane names the items to pick.
 * Totals are checked by applying the recorded filters to the table's rows in the double.
 */
import { buildSummary } from "../../../src/taskpane/actions/summary";
import { TABLES } from "../../../src/core/workbook/layout";
import type { WorkbookDouble } from "../../double/workbookDouble";
import {
  assignmentHeader,
  catalogueWithRows,
  colName,
  installDouble,
  pull,
  REPORT_DATE,
} from "../../double/testkit";

const ROLE = assignmentHeader("role");
const IN_CAT = assignmentHeader("inCatalogue");

async function tracker(): Promise<WorkbookDouble> {
  const d = installDouble();
  await pull(d, catalogueWithRows(55), { reportDate: REPORT_DATE });
  return d;
}

/** Rows of PhanCong the recorded PivotTable shows (every filter with a selection applied). */
function pivotRowCount(d: WorkbookDouble): number {
  const [p] = d.workbook.pivots();
  const t = d.workbook.table(TABLES.assignments);
  return t.rows.filter((row) =>
    (p.filters ?? []).every(
      (f) => !f.selected || f.selected.includes(String(row[t.headers.indexOf(f.field)] ?? "")),
    ),
  ).length;
}

/** A host whose ExcelApi stops at `max` (e.g. "1.11"). */
function hostWithExcelApi(max: number): () => void {
  const g = globalThis as { Office?: unknown };
  const before = g.Office;
  g.Office = {
    context: {
      requirements: {
        isSetSupported: (name: string, v = "1.1") => name === "ExcelApi" && Number(v.split(".")[1]) <= max,
      },
    },
  };
  return () => {
    g.Office = before;
  };
}

describe("buildSummary({ pivot: true }): the PivotTable counts the rows Tổng hợp counts", () => {
  test("lead rows only by default: Vai trò filtered to “Chủ trì”; its total equals Tổng hợp's", async () => {
    const d = await tracker();
    const t = d.workbook.table(TABLES.assignments);
    const roles = new Set(t.rows.map((r) => r[t.headers.indexOf(ROLE)]));
    expect(roles).toEqual(new Set(["Chủ trì", "Phối hợp"])); // the case has coordinating rows to leave out
    const out = await d.Excel.run((ctx) => buildSummary(ctx, { pivot: true }));
    expect(d.workbook.pivots()[0].filters).toEqual([
      { field: ROLE, selected: ["Chủ trì"] },
      { field: IN_CAT },
    ]);
    expect(pivotRowCount(d)).toBe(out.total.assigned);
    expect(pivotRowCount(d)).toBeLessThan(t.rows.length);
    expect(out.pivot).toEqual({
      sheet: "Pivot Phân công",
      filtered: [{ field: ROLE, values: ["Chủ trì"] }],
      toPick: [],
    });
  });

  test("rows no longer in the catalogue are left out as Tổng hợp leaves them out", async () => {
    const d = await tracker();
    const t = d.workbook.table(TABLES.assignments);
    const c = colName(t.headers.indexOf(IN_CAT));
    d.workbook.setRaw(
      t.sheet,
      `${c}2:${c}${t.rows.length + 1}`,
      t.rows.map((_, i) => [i % 4 === 0 ? "Không" : "Có"]),
    );
    const out = await d.Excel.run((ctx) => buildSummary(ctx, { pivot: true }));
    expect(d.workbook.pivots()[0].filters).toEqual([
      { field: ROLE, selected: ["Chủ trì"] },
      { field: IN_CAT, selected: ["Có"] },
    ]);
    expect(pivotRowCount(d)).toBe(out.total.assigned);
  });

  test("TinhPhoiHop = TRUE: no role selection (Tổng hợp counts coordinating rows too)", async () => {
    const d = await tracker();
    const name = d.workbook.names().find((n) => n.name === "TinhPhoiHop");
    const m = /^'?(.+?)'?!\$([A-Z]+)\$(\d+)$/.exec(name?.formula.replace(/^=/, "") ?? "");
    expect(m).not.toBeNull();
    d.workbook.type(m![1], `${m![2]}${m![3]}`, [[true]]);
    const out = await d.Excel.run((ctx) => buildSummary(ctx, { pivot: true }));
    expect(out.settings.includeCoordinating).toBe(true);
    expect(d.workbook.pivots()[0].filters).toEqual([{ field: ROLE }, { field: IN_CAT }]);
    expect(pivotRowCount(d)).toBe(out.total.assigned);
    expect(out.pivot?.filtered).toEqual([]);
  });

  test("ExcelApi 1.11: the fields wait in the filter area and the outcome names the item to pick", async () => {
    const d = await tracker();
    const restore = hostWithExcelApi(11);
    try {
      const out = await d.Excel.run((ctx) => buildSummary(ctx, { pivot: true }));
      expect(d.workbook.pivots()[0].filters).toEqual([{ field: ROLE }, { field: IN_CAT }]);
      expect(out.pivot).toEqual({
        sheet: "Pivot Phân công",
        filtered: [],
        toPick: [{ field: ROLE, values: ["Chủ trì"] }],
      });
    } finally {
      restore();
    }
  });
});
