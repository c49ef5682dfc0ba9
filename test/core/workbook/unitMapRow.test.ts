/**
 * Issue 20 (round 2): the "Bản đồ đơn vị" row of Cấu hình is read back, by the pane's reader
 * (readConfig) and by consolidation's (catalogueInfo), so a new-map workbook keeps its map
 * without the catalogue; a 2024 workbook (no row) still reads as the 2024 map.
 */
import fc from "fast-check";
import { readConfig } from "../../../src/core/workbook/config";
import {
  CONFIG_FIRST_ROW,
  CONFIG_LAST_ROW,
  CONFIG_ROWS,
  UNIT_MAP_LABEL,
  UNIT_MAP_ROW,
  readUnitMapRow,
  unitMapCellText,
} from "../../../src/core/workbook/configLayout";
import { catalogueInfoRows, type CatalogueRecord } from "../../../src/core/workbook/sheets";
import { catalogueInfo } from "../../../src/core/consolidate/read";
import { unitsAsOfOf, unitsAsOfWith } from "../../../src/core/catalogue/planYear";
import { unitMapAt } from "../../../src/core/units/units";

function record(planYear: number, unitsAsOf?: string): CatalogueRecord {
  return {
    banner: { id: "kh", title: "Kế hoạch", document: "QĐ", official: false, planYear },
    planYear,
    loadedFrom: "demo",
    loadedAt: "2026-06-30T01:00:00.000Z",
    unit: null,
    unitsAsOf: unitsAsOfOf({ planYear, unitsAsOf }),
  };
}

/** The Cấu hình sheet as values (row 1 first), with the settings a default workbook writes. */
function sheetOf(r: CatalogueRecord): unknown[][] {
  const rows: unknown[][] = Array.from({ length: 45 }, () => ["", "", ""]);
  const set = (row: number, label: string, value: unknown) => (rows[row - 1] = [label, value, ""]);
  set(CONFIG_ROWS.reportDate, "Ngày báo cáo", 46203);
  set(CONFIG_ROWS.dueSoonDays, "Số ngày", 7);
  set(CONFIG_ROWS.includeCoordinating, "Phối hợp", true);
  set(CONFIG_ROWS.scoreMode, "Cách tính", "Tỷ lệ");
  set(CONFIG_ROWS.maxPoints, "Điểm tối đa", 2);
  catalogueInfoRows(r).forEach((row, i) => (rows[CONFIG_ROWS.catalogueFirst - 1 + i] = row.map((c) => c)));
  return rows;
}
const blockOf = (sheet: unknown[][]) => sheet.slice(CONFIG_FIRST_ROW - 1, CONFIG_LAST_ROW);

describe("write → read of the map row", () => {
  test.each([
    ["2024 plan", record(2024), null, "2024"],
    ["2025 plan issued before July (2024 map)", record(2025), null, "2024"],
    ["2025 plan re-issued for the new province", record(2025, "2025-07-14"), "2025-07-14", "2025-07"],
    ["2026 plan", record(2026), "2026-01-01", "2025-07"],
    ["2027 plan, explicit date", record(2027, "2027-03-01"), "2027-03-01", "2025-07"],
  ])("%s", (_name, r, expected, map) => {
    const sheet = sheetOf(r);
    const pane = readConfig(blockOf(sheet), []);
    expect(pane.problems).toEqual([]);
    expect(pane.catalogue.unitsAsOf).toBe(expected);
    expect(unitMapAt(pane.catalogue.unitsAsOf)).toBe(map);
    const headless = catalogueInfo(sheet);
    expect(headless?.unitsAsOf).toBe(expected);
    expect(headless?.unitMapProblem).toBeUndefined();
    // The row is there exactly for the new map; a 2024 workbook is written as before.
    expect(sheet[UNIT_MAP_ROW - 1][0] === UNIT_MAP_LABEL).toBe(expected !== null);
  });

  test("a workbook built before the row (row 32 empty, the block one row shorter) reads as 2024", () => {
    const sheet = sheetOf(record(2024));
    const short = sheet.slice(CONFIG_FIRST_ROW - 1, CONFIG_LAST_ROW - 1);
    const out = readConfig(short, []);
    expect(out.problems).toEqual([]);
    expect(out.catalogue.unitsAsOf).toBeNull();
    expect(catalogueInfo(sheet.slice(0, UNIT_MAP_ROW - 1))?.unitsAsOf).toBeNull();
  });

  test("property: every date of the new map round-trips", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2025-07-01"), max: new Date("2099-12-31"), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          const r = record(Number(iso.slice(0, 4)), iso);
          expect(readConfig(blockOf(sheetOf(r)), []).catalogue.unitsAsOf).toBe(iso);
          expect(catalogueInfo(sheetOf(r))?.unitsAsOf).toBe(iso);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("readUnitMapRow", () => {
  test.each([
    ["", "", { kind: "absent" }],
    ["Ghi chú", "Từ 01/07/2025 (2026-01-01)", { kind: "absent" }],
    [UNIT_MAP_LABEL, unitMapCellText("2026-01-01"), { kind: "date", unitsAsOf: "2026-01-01" }],
    [` ${UNIT_MAP_LABEL} `, "  Từ 01/07/2025 (2025-07-14) ", { kind: "date", unitsAsOf: "2025-07-14" }],
    [UNIT_MAP_LABEL, "2026-01-01", { kind: "date", unitsAsOf: "2026-01-01" }],
    [UNIT_MAP_LABEL, "Từ 1/7/2025", { kind: "date", unitsAsOf: "2025-07-01" }],
    [UNIT_MAP_LABEL, 46023, { kind: "date", unitsAsOf: "2026-01-01" }],
  ])("%j %j", (label, value, expected) => {
    expect(readUnitMapRow(label, value)).toEqual(expected);
  });

  test.each(["", "mới", "Từ 01/07/2025 (2026-02-30)", 46023.5, "Từ 31/02/2026"])(
    "an unreadable value %j is a Vietnamese problem, never a silent 2024 map",
    (value) => {
      const out = readUnitMapRow(UNIT_MAP_LABEL, value);
      expect(out.kind).toBe("bad");
      expect(out.kind === "bad" && out.problem).toMatch(/Bản đồ đơn vị.*không đọc được.*Hãy/);
    },
  );

  test("readConfig refuses the settings (problem) when the row is unreadable", () => {
    const sheet = sheetOf(record(2026));
    sheet[UNIT_MAP_ROW - 1] = [UNIT_MAP_LABEL, "mới", ""];
    const out = readConfig(blockOf(sheet), []);
    expect(out.settings).toBeNull();
    expect(out.problems.join(" ")).toContain("Bản đồ đơn vị");
    expect(catalogueInfo(sheet)?.unitMapProblem).toContain("Bản đồ đơn vị");
  });
});

describe("unitsAsOfWith: a re-pull keeps the recorded map", () => {
  test.each([
    [
      "2024 workbook, 2024 catalogue",
      { id: "a", planYear: 2024 },
      { id: "a", unitsAsOf: null },
      "2024-01-01",
    ],
    [
      "same catalogue, no date of its own",
      { id: "a", planYear: 2025 },
      { id: "a", unitsAsOf: "2025-07-14" },
      "2025-07-14",
    ],
    [
      "the catalogue's own date wins",
      { id: "a", planYear: 2025, unitsAsOf: "2025-03-01" },
      { id: "a", unitsAsOf: "2025-07-14" },
      "2025-03-01",
    ],
    [
      "another catalogue decides for itself",
      { id: "b", planYear: 2024 },
      { id: "a", unitsAsOf: "2026-01-01" },
      "2024-01-01",
    ],
    ["no workbook yet", { id: "a", planYear: 2026 }, null, "2026-01-01"],
  ])("%s", (_n, c, recorded, expected) => {
    expect(unitsAsOfWith(c, recorded)).toBe(expected);
  });
});
