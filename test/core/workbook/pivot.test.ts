/** pivotCountedFilters: the PivotTable's filters select the rows isCounted counts (issue 19). */
import fc from "fast-check";
import { assignmentPivotOps, pivotCountedFilters } from "../../../src/core/workbook/pivot";
import { isCounted } from "../../../src/core/workbook/evaluate";
import type { AssignmentRecord } from "../../../src/core/workbook/model";

type Row = Pick<AssignmentRecord, "role" | "inCatalogue">;
const lead = (inCatalogue = true): Row => ({ role: "Chủ trì", inCatalogue });
const coord = (inCatalogue = true): Row => ({ role: "Phối hợp", inCatalogue });

describe("pivotCountedFilters", () => {
  test.each<[string, Row[], boolean, string[], string[]]>([
    ["lead and coordinating rows, lead only", [lead(), coord()], false, ["Chủ trì"], []],
    ["coordinating counted: no role selection", [lead(), coord()], true, [], []],
    ["no lead row: nothing to select (a host refuses a missing item)", [coord()], false, [], []],
    ["rows out of the catalogue: “Có” selected", [lead(), lead(false)], false, ["Chủ trì"], ["Có"]],
    ["every row out of the catalogue: no selection", [lead(false)], false, ["Chủ trì"], []],
    ["empty table", [], false, [], []],
  ])("%s", (_, rows, includeCoordinating, role, inCat) => {
    expect(pivotCountedFilters(rows, { includeCoordinating })).toEqual([
      { field: "Vai trò", values: role },
      { field: "Trong danh mục", values: inCat },
    ]);
  });

  test("the rows the filters show are the rows isCounted counts (whenever any row is counted)", () => {
    const row = fc.record({
      role: fc.constantFrom<Row["role"]>("Chủ trì", "Phối hợp"),
      inCatalogue: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.boolean(), (rows, includeCoordinating) => {
        const s = { includeCoordinating };
        const filters = pivotCountedFilters(rows, s);
        const shown = rows.filter((r) =>
          filters.every(
            (f) =>
              f.values.length === 0 ||
              f.values.includes(f.field === "Vai trò" ? r.role : r.inCatalogue ? "Có" : "Không"),
          ),
        );
        const counted = rows.filter((r) => isCounted(r, s));
        if (counted.length > 0) expect(shown).toEqual(counted);
      }),
    );
  });

  test("assignmentPivotOps: the sheet, then the PivotTable with its filters", () => {
    const ops = assignmentPivotOps([lead(), coord()], { includeCoordinating: false });
    expect(ops).toEqual([
      { op: "ensureSheet", sheet: "Pivot Phân công" },
      {
        op: "pivotTable",
        sheet: "Pivot Phân công",
        name: "PivotPhanCong",
        sourceTable: "PhanCong",
        anchor: "A3",
        rows: ["Đơn vị"],
        columns: ["Tình trạng"],
        values: [{ field: "Mã NV", summarizeBy: "count" }],
        filters: [
          { field: "Vai trò", values: ["Chủ trì"] },
          { field: "Trong danh mục", values: [] },
        ],
      },
    ]);
  });
});
