/**
 * Issue 20 (round 2): consolidation reads a unit's workbook of the map from 01/07/2025 by the map
 * its Cấu hình records ("Bản đồ đơn vị"); without that row the unit is judged on the 2024 map.
 */
import { readUnitFile, REQUIRED_UNIT_HEADERS, type WorkbookValues } from "../../../src/core/consolidate";
import { CONFIG_ROWS } from "../../../src/core/workbook/sheets";
import { UNIT_MAP_LABEL, UNIT_MAP_ROW, unitMapCellText } from "../../../src/core/workbook/configLayout";

function file(unitName: string, unitsAsOf: string | null, rowUnit = unitName) {
  const config: unknown[][] = Array.from({ length: 45 }, () => ["", "", ""]);
  [
    ["Mã danh mục", "kh-2026"],
    ["Tên danh mục", "Kế hoạch 2026"],
    ["Văn bản nguồn", "x"],
    ["Chính thức", "Không"],
    ["Phiên bản", "1"],
    ["Ghi chú nguồn", ""],
    ["Năm kế hoạch", 2026],
    ["Nạp từ", "x"],
    ["Nạp lúc", "2026-06-01T00:00:00Z"],
    ["Đơn vị của sổ", unitName],
  ].forEach((r, k) => (config[CONFIG_ROWS.catalogueFirst - 1 + k] = [...r, ""]));
  if (unitsAsOf) config[UNIT_MAP_ROW - 1] = [UNIT_MAP_LABEL, unitMapCellText(unitsAsOf), ""];
  const values: WorkbookValues = {
    sheetNames: ["Cấu hình", "Phân công"],
    config,
    assignments: {
      headers: [...REQUIRED_UNIT_HEADERS],
      rows: [["I.1", "Nhiệm vụ", rowUnit, "Chủ trì", "Hoàn thành", "", "", ""]],
    },
    savedAt: null,
  };
  return { name: "xa.xlsx", fileTime: null, values };
}

test.each([
  [
    "new map recorded: a new commune, spelled another way in a row",
    "Xã Đặng Thùy Trâm",
    "2026-01-01",
    "Đặng Thuỳ Trâm",
    true,
  ],
  ["new map recorded: Đặc khu Lý Sơn", "Đặc khu Lý Sơn", "2026-01-01", "Đặc khu Lý Sơn", true],
  ["no map row (2024): a new commune is not a unit", "Xã Đặng Thùy Trâm", null, "Xã Đặng Thùy Trâm", false],
  ["no map row (2024): a 2024 department reads", "Sở Nội vụ", null, "SNV", true],
])("%s", (_n, unit, asOf, rowUnit, ok) => {
  const read = readUnitFile(file(unit, asOf, rowUnit), "kh-2026");
  if (ok) {
    expect(read.ok).toBe(true);
    expect(read.ok && read.submission.rows.size).toBe(1);
  } else {
    expect(read.ok).toBe(false);
    expect(!read.ok && read.reason).toContain("năm 2024");
  }
});

test("an unreadable map row refuses the file with the reason", () => {
  const f = file("Đặc khu Lý Sơn", "2026-01-01");
  (f.values.config as unknown[][])[UNIT_MAP_ROW - 1] = [UNIT_MAP_LABEL, "mới", ""];
  const read = readUnitFile(f, "kh-2026");
  expect(read.ok).toBe(false);
  expect(!read.ok && read.reason).toContain(UNIT_MAP_LABEL);
});
