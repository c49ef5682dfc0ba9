/** The workbook plans, directly (without the workbook double): A1 addressing and what a fresh pull's plan holds. */
import fc from "fast-check";
import {
  cellAddress,
  columnLetter,
  isSafeLink,
  parseCellAddress,
  parseRangeAddress,
  rangeAddress,
  sheetRef,
  type PlanOp,
} from "../../../src/core/workbook/plan";
import { buildWorkbookPlan, checkUnitScope, TrackerError } from "../../../src/core/workbook/tracker";
import { defaultSettings } from "../../../src/core/workbook/evaluate";
import { NAMES, SHEETS, TABLES } from "../../../src/core/workbook/layout";
import { loadBundledCatalogue } from "../../../src/core/catalogue/bundled";
import { findUnit } from "../../../src/core/units/units";

describe("A1 addressing", () => {
  test.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [27, "AB"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %i is %s", (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
  });

  test.each([
    [0, 0, "A1"],
    [6, 1, "B7"],
    [1048575, 16383, "XFD1048576"],
  ])("cell (%i, %i) is %s and back", (row, column, address) => {
    expect(cellAddress(row, column)).toBe(address);
    expect(parseCellAddress(address)).toEqual({ row, column });
  });

  test.each([
    ["$B$7", { row: 6, column: 1 }],
    [" c3 ", { row: 2, column: 2 }],
  ])("%p parses (absolute marks, case, spaces)", (address, want) => {
    expect(parseCellAddress(address)).toEqual(want);
  });

  test.each(["", "7B", "A", "ABCD1", "A1:B2", "Sheet!A1"])("%p is not a cell address", (bad) => {
    expect(() => parseCellAddress(bad)).toThrow(/Bad cell address/);
  });

  test.each([
    ["A1:C9", { row: 0, column: 0, lastRow: 8, lastColumn: 2 }],
    ["B2", { row: 1, column: 1, lastRow: 1, lastColumn: 1 }],
  ])("range %s", (address, bounds) => {
    expect(parseRangeAddress(address)).toEqual(bounds);
  });

  test("rangeAddress and parseRangeAddress invert each other (property)", () => {
    fc.assert(
      fc.property(
        fc.nat(1_048_575),
        fc.nat(16_383),
        fc.nat(1_048_575),
        fc.nat(16_383),
        (row, column, lastRow, lastColumn) => {
          const a = rangeAddress(row, column, lastRow, lastColumn);
          expect(parseRangeAddress(a)).toEqual({ row, column, lastRow, lastColumn });
        },
      ),
    );
  });

  test.each([
    ["Cấu hình", "B3", "'Cấu hình'!$B$3"],
    ["Tổng hợp", "A1:C4", "'Tổng hợp'!$A$1:$C$4"],
    ["O'Neil", "A1", "'O''Neil'!$A$1"],
  ])("sheetRef(%p, %p) = %s", (sheet, address, ref) => {
    expect(sheetRef(sheet, address)).toBe(ref);
  });

  test.each([
    ["https://dichvucong.quangngai.gov.vn/a?b=1", true],
    ["http://example.vn", true],
    ["  https://x.vn  ", true],
    ["javascript:alert(1)", false],
    ["file:///C:/x", false],
    ["https://x.vn/a b", false],
    ['https://x.vn/"onmouseover', false],
    ['=HYPERLINK("https://x.vn")', false],
  ])("isSafeLink(%p) = %p", (url, ok) => {
    expect(isSafeLink(url)).toBe(ok);
  });
});

describe("a fresh pull's plan", () => {
  const catalogue = loadBundledCatalogue("demo-2024");
  const base = {
    settings: defaultSettings("2024-12-15"),
    reportDateIsToday: false,
    loadedFrom: "demo-2024",
    loadedAt: "2024-12-15T08:00:00.000Z",
  };

  test.each([
    ["all units", null],
    ["one unit", "Sở Nội vụ"],
  ])(
    "%s: every sheet is ensured before it is used, and every table and name is created once",
    async (_n, unitName) => {
      const unit = unitName ? (findUnit(unitName) ?? null) : null;
      const { plan, model } = buildWorkbookPlan({ ...base, catalogue: await catalogue, unit });
      const ensured = new Set<string>();
      const tables: string[] = [];
      const names: string[] = [];
      for (const op of plan.ops) {
        if (op.op === "ensureSheet") ensured.add(op.sheet);
        else if ("sheet" in op)
          expect(`${op.op} on ${op.sheet}: ${ensured.has(op.sheet)}`).toBe(`${op.op} on ${op.sheet}: true`);
        if (op.op === "createTable") tables.push(op.name);
        if (op.op === "defineName") names.push(op.name);
      }
      expect([...ensured]).toEqual(
        expect.arrayContaining(Object.values(SHEETS).filter((s) => s !== SHEETS.report)),
      );
      expect(new Set(tables).size).toBe(tables.length);
      expect(tables).toEqual(expect.arrayContaining([TABLES.tasks, TABLES.assignments, TABLES.tiers]));
      expect(new Set(names).size).toBe(names.length);
      expect(names).toContain(NAMES.reportDate);
      if (unit)
        expect(model.assignments.every((a) => a.unitId === unit.id || a.unit === unit.name)).toBe(true);
      else expect(model.assignments.length).toBeGreaterThan(model.tasks.length);
    },
  );

  test("every formula a plan writes starts with “=”, and no text cell does", async () => {
    const { plan } = buildWorkbookPlan({ ...base, catalogue: await catalogue });
    const cells = (op: PlanOp): unknown[] =>
      op.op === "writeCells" || op.op === "appendTableRows" || op.op === "updateTableCells"
        ? op.rows.flat()
        : [];
    for (const op of plan.ops) {
      if (op.op === "fillFormula" || op.op === "fillTableFormula")
        expect(op.formula.startsWith("=")).toBe(true);
      for (const c of cells(op)) {
        if (typeof c === "object" && c !== null && "formula" in c)
          expect(String((c as { formula: string }).formula).startsWith("=")).toBe(true);
        if (typeof c === "string") expect(c.startsWith("=")).toBe(false);
      }
    }
  });
});

describe("checkUnitScope: a workbook keeps the scope it was built with", () => {
  const snv = findUnit("Sở Nội vụ");
  const bs = findUnit("Huyện Bình Sơn");
  test.each([
    ["no tracker yet, all units", undefined, null, null],
    ["no tracker yet, one unit", undefined, snv, null],
    ["all units, all units", null, null, null],
    ["one unit, same unit", "Sở Nội vụ", snv, null],
    ["all units → one unit", null, snv, /theo dõi tất cả đơn vị/],
    ["one unit → all units", "Sở Nội vụ", null, /không thể nạp thành sổ của tất cả đơn vị/],
    ["one unit → another unit", "Sở Nội vụ", bs, /không thể nạp thành sổ của “Huyện Bình Sơn”/],
    ["an unknown recorded unit", "Sở Không Có", null, /không phải tên một đơn vị/],
  ])("%s", (_n, recorded, requested, refused) => {
    const call = () => checkUnitScope(recorded as string | null | undefined, requested ?? null);
    if (refused === null) expect(call).not.toThrow();
    else {
      expect(call).toThrow(TrackerError);
      expect(call).toThrow(refused);
    }
  });
});
