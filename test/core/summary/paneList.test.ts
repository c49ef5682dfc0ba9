/** The pane's view of Tổng hợp and of the overdue list: level, folded filter, sort by rate, cap, grouping. */
import fc from "fast-check";
import {
  groupOverdueByUnit,
  matchesFolded,
  paneLevelOf,
  paneSummaryList,
  PANE_SUMMARY_CAP,
} from "../../../src/core";

describe("paneLevelOf", () => {
  test.each([
    ["SNV", "Sở Nội vụ", "department"],
    ["CAT", "Công an tỉnh", "department"],
    ["524", "Huyện Bình Sơn", "district"],
    ["21010", "Phường Lê Hồng Phong", "commune"],
    ["21025", "Phường Cẩm Thành", "commune"],
    [null, "Sở Nội vụ", "department"],
    [null, "Huyện Bình Sơn", "district"],
    [null, "Ủy ban nhân dân huyện Sơn Tây và các xã trực thuộc", null],
    [null, "", null],
    ["", "  ", null],
    ["no-such-id", "no such unit", null],
  ] as const)("%s / %s → %s", (id, name, level) => {
    expect(paneLevelOf(id, name)).toBe(level);
  });
});

describe("matchesFolded", () => {
  test.each([
    ["", "Sở Nội vụ", true],
    ["so noi vu", "Sở Nội vụ", true],
    ["SỞ NỘI", "Sở Nội vụ", true],
    ["noi   so", "Sở Nội vụ", true],
    ["dien ban", "Xã Điện Bàn", true],
    ["tu phap", "Sở Nội vụ", false],
  ] as const)("%j in %j → %s", (q, text, ok) => {
    expect(matchesFolded(q, text)).toBe(ok);
  });
  test("a name always matches itself, with or without its marks", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (name) => {
        expect(matchesFolded(name, name)).toBe(true);
        expect(matchesFolded(name.normalize("NFD").replace(/\p{M}/gu, ""), name)).toBe(true);
      }),
    );
  });
});

const line = (unit: string, unitId: string | null, completionRate: number) => ({
  unit,
  unitId,
  completionRate,
});
const LINES = [
  line("Sở Nội vụ", "SNV", 0.5),
  line("Huyện Bình Sơn", "524", 0.2),
  line("Phường Lê Hồng Phong", "21010", 0.9),
  line("Công an tỉnh", "CAT", 0.2),
  line("Đơn vị lạ", null, Number.NaN),
];

describe("paneSummaryList", () => {
  test.each([
    [{}, ["Đơn vị lạ", "Huyện Bình Sơn", "Công an tỉnh", "Sở Nội vụ", "Phường Lê Hồng Phong"]],
    [{ order: "desc" }, ["Phường Lê Hồng Phong", "Sở Nội vụ", "Huyện Bình Sơn", "Công an tỉnh", "Đơn vị lạ"]],
    [{ level: "department" }, ["Công an tỉnh", "Sở Nội vụ"]],
    [{ level: "district" }, ["Huyện Bình Sơn"]],
    [{ level: "commune" }, ["Phường Lê Hồng Phong"]],
    [{ text: "noi vu" }, ["Sở Nội vụ"]],
    [{ text: "phuong", level: "district" }, []],
    [{ cap: 2 }, ["Đơn vị lạ", "Huyện Bình Sơn"]],
  ] as const)("%j", (query, units) => {
    const out = paneSummaryList(LINES, query);
    expect(out.shown.map((l) => l.unit)).toEqual(units);
    expect(out.rest).toBe(out.matched - out.shown.length);
  });

  test("sorted by rate, at most the cap, every shown line matches, nothing lost before the cap", () => {
    const arb = fc.array(
      fc.record({
        unit: fc.constantFrom("Sở Nội vụ", "Huyện Bình Sơn", "Phường Trần Phú", "Xã Bình Hòa", "Khác"),
        unitId: fc.constant(null),
        completionRate: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      { maxLength: 80 },
    );
    fc.assert(
      fc.property(arb, fc.constantFrom("", "binh", "so"), fc.boolean(), (lines, text, desc) => {
        const out = paneSummaryList(lines, { text, order: desc ? "desc" : "asc" });
        const matching = lines.filter((l) => matchesFolded(text, l.unit));
        expect(out.matched).toBe(matching.length);
        expect(out.shown.length).toBe(Math.min(PANE_SUMMARY_CAP, matching.length));
        for (let i = 1; i < out.shown.length; i++) {
          const d = out.shown[i].completionRate - out.shown[i - 1].completionRate;
          expect(desc ? d <= 0 : d >= 0).toBe(true);
        }
        for (const l of out.shown) expect(matching).toContain(l);
      }),
    );
  });
});

describe("groupOverdueByUnit", () => {
  const item = (row: number, unit: string, taskId = `T${row}`, title = "Nhiệm vụ") => ({
    row,
    unit,
    taskId,
    title,
  });
  const ITEMS = [
    item(1, "Sở Tư pháp"),
    item(2, "Huyện Bình Sơn"),
    item(3, "Huyện Bình Sơn", "VII.2", "Số hóa hồ sơ"),
    item(4, "Xã Bình Hòa"),
  ];
  test("most overdue first, ties by first appearance; capped with the rest counted", () => {
    const all = groupOverdueByUnit(ITEMS);
    expect(all.groups.map((g) => [g.unit, g.items.map((i) => i.row)])).toEqual([
      ["Huyện Bình Sơn", [2, 3]],
      ["Sở Tư pháp", [1]],
      ["Xã Bình Hòa", [4]],
    ]);
    const capped = groupOverdueByUnit(ITEMS, "", 1);
    expect(capped.groups.map((g) => g.unit)).toEqual(["Huyện Bình Sơn"]);
    expect([capped.matchedGroups, capped.matchedItems, capped.restGroups, capped.restItems]).toEqual([
      3, 4, 2, 2,
    ]);
  });
  test.each([
    ["binh", ["Huyện Bình Sơn", "Xã Bình Hòa"]],
    ["so hoa", ["Huyện Bình Sơn"]],
    ["vii.2", ["Huyện Bình Sơn"]],
    ["tư pháp", ["Sở Tư pháp"]],
    ["khong co", []],
  ])("filter %j", (text, units) => {
    expect(groupOverdueByUnit(ITEMS, text).groups.map((g) => g.unit)).toEqual(units);
  });
  test("every item lands in exactly one group, shown or counted in the rest", () => {
    const arb = fc.array(
      fc.record({
        row: fc.nat(),
        unit: fc.constantFrom("A", "B", "C", "D", "E"),
        taskId: fc.constantFrom("I.1", "II.2"),
        title: fc.string({ maxLength: 8 }),
      }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(arb, fc.nat({ max: 6 }), (items, max) => {
        const out = groupOverdueByUnit(items, "", max);
        const shown = out.groups.reduce((n, g) => n + g.items.length, 0);
        expect(shown + out.restItems).toBe(items.length);
        expect(out.groups.length).toBe(Math.min(max, new Set(items.map((i) => i.unit)).size));
        for (const g of out.groups) for (const i of g.items) expect(i.unit).toBe(g.unit);
      }),
    );
  });
});
