/** Issue 20: a table imported from a sheet takes the plan year its deadlines name (2026 → the new map). */
import { planYearOfTasks, sheetCatalogue } from "../../../src/taskpane/app/sheetImport";
import { buildModel } from "../../../src/core/workbook/model";
import type { CatalogueTask } from "../../../src/core/catalogue/types";

const task = (id: string, lead: string, deadline: string | number): CatalogueTask => ({
  id,
  area: "I",
  title: `Nhiệm vụ ${id}`,
  lead,
  deadline,
});

test.each<[Array<string | number>, number]>([
  [["Quý IV/2024", "Thường xuyên", ""], 2024],
  [["Quý I/2026", "30/09/2026", "Trước 15/12"], 2026],
  [["Quý I/2025", "Quý II/2026"], 2024], // a tie: the default, never a guess
  [[45657, "Thường xuyên"], 2024],
  [["Năm 2026-2027", "Tháng 6/2026"], 2026],
])("deadlines %j → plan year %i", (deadlines, year) => {
  expect(planYearOfTasks(deadlines.map((d, i) => task(String(i + 1), "Sở Nội vụ", d)))).toBe(year);
});

test("a 2026 table names the new units and groups; a 2024 table is read as before", () => {
  const t2026 = sheetCatalogue({ sheet: "KH 2026", address: "'KH 2026'!A1:D4" }, [
    task("1", "UBND các xã, phường, đặc khu", "Quý I/2026"),
    task("2", "Xã Đặng Thùy Trâm", "30/09/2026"),
  ]);
  expect(t2026.planYear).toBe(2026);
  const m = buildModel(t2026);
  expect(new Set(m.assignments.map((a) => a.level))).toEqual(new Set(["Cấp xã"]));
  expect(m.assignments.filter((a) => a.unit === "Xã Đặng Thuỳ Trâm")).toHaveLength(2);
  const t2024 = sheetCatalogue({ sheet: "KH", address: "KH!A1:D4" }, [
    task("1", "UBND huyện Bình Sơn", "Quý IV/2024"),
  ]);
  expect(t2024.planYear).toBe(2024);
  expect(buildModel(t2024).assignments.map((a) => a.unit)).toEqual(["Huyện Bình Sơn"]);
});
