/**
 * Issue 15 item 4, the custom functions: CCHC.COMPLETION and CCHC.UNITSUMMARY count exactly the
 * rows the written COUNTIFS on Tổng hợp counts (the unit cell's exact text, case aside), as the
 * pane does; a cell that is the same unit written otherwise (stray space, NFD, "SNV") is named,
 * never silently left out of (or folded into) a figure.
 */
import fc from "fast-check";
import { ErrorCode, expectExcelError, thrownBy } from "./customFunctionsFake";
import * as F from "../../src/functions/functions";
import { NO_UNIT_LABEL } from "../../src/functions/units";
import { defaultSettings, summaryLines } from "../../src/core/workbook/evaluate";
import type { AssignmentRecord } from "../../src/core/workbook/model";

const completion = F.completion as (...args: unknown[]) => number;
const unitSummary = F.unitSummary as (...args: unknown[]) => (string | number)[][];
const col = (...values: unknown[]) => values.map((v) => [v]);
const DONE = "Đã hoàn thành";
const NFD = (s: string) => s.normalize("NFD");

describe("CCHC.COMPLETION counts the rows COUNTIFS counts", () => {
  test.each<[string, unknown[], unknown[], string, number]>([
    ["canonical cells", ["Sở Nội vụ", "Sở Nội vụ"], [DONE, ""], "Sở Nội vụ", 0.5],
    ["another case counts (COUNTIFS ignores case)", ["SỞ NỘI VỤ", "sở nội vụ"], [DONE, DONE], "Sở Nội vụ", 1],
    [
      "other units' variants are not this unit's",
      ["Sở Nội vụ", "Sở Tư pháp ", NFD("Sở Y tế")],
      [DONE, "", ""],
      "Sở Nội vụ",
      1,
    ],
    [
      "a target written with a stray space counts only such cells",
      ["Sở Nội vụ ", "Sở Nội vụ "],
      [DONE, ""],
      "Sở Nội vụ ",
      0.5,
    ],
    ["a target in NFD counts only NFD cells", [NFD("Sở Nội vụ")], [DONE], NFD("Sở Nội vụ"), 1],
    ["an unknown name, exactly", ["Ban ABC", "ban abc", "Ban ABCD"], [DONE, "", DONE], "BAN ABC", 0.5],
  ])("%s", (_label, units, statuses, name, rate) => {
    expect(completion(col(...units), col(...statuses), name)).toBeCloseTo(rate, 12);
  });

  test.each<[string, unknown[], string, string, RegExp[]]>([
    [
      "a trailing space",
      ["Sở Nội vụ", "Sở Nội vụ "],
      "Sở Nội vụ",
      ErrorCode.invalidValue,
      [/^1 dòng ghi “Sở Nội vụ” theo cách khác/, /Vùng đơn vị, dòng 2 .*thừa khoảng trắng/, /Kiểm tra/],
    ],
    [
      "NFD letters",
      [NFD("Sở Nội vụ"), "Sở Nội vụ"],
      "Sở Nội vụ",
      ErrorCode.invalidValue,
      [/dòng 1 .*dạng tổ hợp \(NFD\)/],
    ],
    [
      "an abbreviation",
      ["SNV", "Sở Nội vụ", "Sở Nội vụ"],
      "Sở Nội vụ",
      ErrorCode.invalidValue,
      [/dòng 1 “SNV” \(viết khác\)/],
    ],
    [
      "only cells written otherwise: nothing COUNTIFS would count",
      ["Sở Nội vụ", "Sở Nội vụ"],
      "SNV",
      ErrorCode.notAvailable,
      [/Không có ô nào ghi đúng “SNV”/, /2 dòng ghi cùng đơn vị theo cách khác/, /CCHC\.UNIT/],
    ],
    [
      "many rows: three named, the rest counted",
      ["Sở Nội vụ", ...Array.from({ length: 5 }, () => "Sở Nội vụ  ")],
      "Sở Nội vụ",
      ErrorCode.invalidValue,
      [/^5 dòng/, /và 2 dòng khác/],
    ],
  ])("%s → refused, naming the rows", (_label, units, name, code, messages) => {
    const msg = expectExcelError(
      thrownBy(() => completion(col(...units), col(...units.map(() => DONE)), name)),
      [code],
    );
    for (const m of messages) expect(msg).toMatch(m);
  });
});

describe("CCHC.UNITSUMMARY groups as COUNTIFS does", () => {
  test("a cell written otherwise is its own line, and its label says so", () => {
    const units = col("Sở Nội vụ", "Sở Nội vụ ", "SNV", "sở nội vụ", "Ban ABC", "Ban  ABC", "");
    const dues = col(...units.map(() => "31/12/2024"));
    const statuses = col(DONE, DONE, "", "", DONE, "", "x");
    const table = unitSummary(units, dues, statuses, null, "31/12/2024");
    expect(table.slice(1).map((l) => [l[0], l[1], l[2]])).toEqual([
      ["Sở Nội vụ", 2, 1],
      ["Ban  ABC (khác tên chuẩn “Ban ABC”: thừa khoảng trắng; COUNTIFS tính riêng)", 1, 0],
      ["Ban ABC", 1, 1],
      ["SNV (khác tên chuẩn “Sở Nội vụ”: viết khác; COUNTIFS tính riêng)", 1, 0],
      ["Sở Nội vụ  (khác tên chuẩn “Sở Nội vụ”: thừa khoảng trắng; COUNTIFS tính riêng)", 1, 1],
      [NO_UNIT_LABEL, 1, 1],
    ]);
  });
});

function record(unit: string, status: string): AssignmentRecord {
  return {
    taskId: "I.1",
    title: "",
    area: "I",
    unit,
    unitId: null,
    level: "",
    role: "Chủ trì",
    due: "2024-12-15",
    kind: "date",
    inCatalogue: true,
    status,
    completedOn: null,
    evidence: null,
    note: null,
  };
}

/** A unit name as a careless user leaves it: stray spaces, NFD letters, another case. */
const BASES = ["Sở Nội vụ", "Sở Tư pháp", "Huyện Bình Sơn", "Ban ABC"];
const dirty = fc
  .record({
    base: fc.constantFrom(...BASES),
    lead: fc.constantFrom("", " ", "  "),
    trail: fc.constantFrom("", " ", "  "),
    inner: fc.boolean(),
    nfd: fc.boolean(),
    kase: fc.constantFrom("as is", "upper", "lower"),
  })
  .map(({ base, lead, trail, inner, nfd, kase }) => {
    let s = base;
    if (inner) s = s.replace(" ", "  ");
    if (kase === "upper") s = s.toUpperCase();
    if (kase === "lower") s = s.toLowerCase();
    if (nfd) s = s.normalize("NFD");
    return lead + s + trail;
  });
/** Mostly names COUNTIFS counts as they are (another case at most), so both outcomes are exercised. */
const clean = fc
  .record({ base: fc.constantFrom(...BASES), upper: fc.boolean() })
  .map(({ base, upper }) => (upper ? base.toUpperCase() : base));
const variant = fc.oneof({ arbitrary: clean, weight: 6 }, { arbitrary: dirty, weight: 1 });

test("property: CCHC.COMPLETION equals the Tổng hợp twin of its COUNTIFS, or refuses naming a row", () => {
  const settings = defaultSettings("2024-12-31");
  const seen = { figure: 0, refused: 0 };
  fc.assert(
    fc.property(
      fc.array(fc.record({ unit: variant, done: fc.boolean() }), { minLength: 1, maxLength: 30 }),
      fc.constantFrom(...BASES),
      (rows, target) => {
        const units = col(...rows.map((r) => r.unit));
        const statuses = col(...rows.map((r) => (r.done ? DONE : "Đang thực hiện")));
        const twin = summaryLines(
          rows.map((r) => record(r.unit, r.done ? DONE : "Đang thực hiện")),
          settings,
        ).lines.find((l) => l.unit.toLowerCase() === target.toLowerCase());
        // Rows COUNTIFS leaves out though they name the target: any variant with spaces or NFD.
        const otherwise = rows.findIndex(
          (r) =>
            r.unit.toLowerCase() !== target.toLowerCase() &&
            r.unit.trim().normalize("NFC").replace(/ +/g, " ").toLowerCase() === target.toLowerCase(),
        );
        if (otherwise >= 0) {
          const msg = expectExcelError(thrownBy(() => completion(units, statuses, target)));
          expect(msg).toContain(`dòng ${otherwise + 1} `);
          seen.refused += 1;
          return;
        }
        if (!twin) {
          expect(
            expectExcelError(
              thrownBy(() => completion(units, statuses, target)),
              [ErrorCode.notAvailable],
            ),
          ).toMatch(/Không có nhiệm vụ nào/);
          return;
        }
        expect(completion(units, statuses, target)).toBeCloseTo(twin.completionRate, 12);
        seen.figure += 1;
        // The oracle written from COUNTIFS's rule: the cell's exact text, case aside.
        const mine = rows.filter((r) => r.unit.toLowerCase() === target.toLowerCase());
        expect(twin.completionRate).toBeCloseTo(mine.filter((r) => r.done).length / mine.length, 12);
      },
    ),
    { numRuns: 400 },
  );
  expect(seen.figure).toBeGreaterThan(40);
  expect(seen.refused).toBeGreaterThan(40);
});
