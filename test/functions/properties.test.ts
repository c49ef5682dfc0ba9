/** Cross-checks against the domain core with fast-check. */
import fc from "fast-check";
import "./customFunctionsFake";
import * as F from "../../src/functions/functions";
import { NO_UNIT_LABEL, UNIT_SUMMARY_HEADER } from "../../src/functions/units";
import {
  createUnitResolver,
  fromExcelSerial,
  MAX_EXCEL_SERIAL,
  parseDeadline,
  parseStatus,
  planScore,
  summarizeByUnit,
  toExcelSerial,
  type SummaryRow,
} from "../../src/core";

const S = toExcelSerial;
// Excel passes untyped values (null for an omitted argument): call the functions the same way.
const { completion, deadline, score, scoreTiers } = F;
const unitSummary = F.unitSummary as (...args: unknown[]) => (string | number)[][];
const UNITS = [
  "Sở Nội vụ",
  "SNV",
  "sở nội vụ",
  "Sở Tư pháp",
  "UBND huyện Bình Sơn",
  "Huyện Bình Sơn",
  "Ban ABC",
  "ban abc",
  "Sở Nội vụ ",
  "Sở Nội vụ".normalize("NFD"),
  "Ban  ABC",
  "",
];
const DUES = [
  "Quý IV/2024",
  "Tháng 6/2024",
  "Thường xuyên",
  "Theo yêu cầu",
  "",
  S("2024-09-30"),
  S("2024-12-31"),
  "15/11/2024",
];
const STATUSES = ["Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện", "x", "", true, false, 0, 1, 0.5];
const COMPLETED = ["", S("2024-06-01"), S("2024-12-31"), S("2025-01-10"), "20/11/2024"];
const REPORTS = [S("2024-06-30"), S("2024-12-31"), S("2025-02-01")];

const row = fc.record({
  unit: fc.constantFrom(...UNITS),
  due: fc.constantFrom(...DUES),
  status: fc.constantFrom(...STATUSES),
  completedOn: fc.constantFrom(...COMPLETED),
});

/** The cell text a UNITSUMMARY label stands for (labels of cells written otherwise carry a note). */
const textOfLabel = (label: string) =>
  label === NO_UNIT_LABEL ? "" : label.replace(/ \(khác tên chuẩn .*\)$/, "");

/**
 * What UNITSUMMARY should compute, keyed by the COUNTIFS group (the cell's text, case aside):
 * rows grouped as COUNTIFS groups them, written directly; each group's figures from the core.
 */
function expectedSummary(
  rows: Array<{ unit: string; due: unknown; status: unknown; completedOn: unknown }>,
  report: number,
): Map<string, Array<string | number>> {
  const blank = (v: unknown) => v === "" || v === null;
  const date = (v: unknown) =>
    blank(v) ? null : typeof v === "number" ? fromExcelSerial(v) : (parseDeadline(v, 2024).due as string);
  const groups = new Map<string, SummaryRow[]>();
  for (const r of rows) {
    if (blank(r.unit) && blank(r.due) && blank(r.status) && blank(r.completedOn)) continue;
    const row: SummaryRow = {
      unit: r.unit,
      due: blank(r.due)
        ? null
        : typeof r.due === "number"
          ? fromExcelSerial(r.due)
          : parseDeadline(r.due, 2024).due,
      done: parseStatus(r.status) === "done",
      completedOn: date(r.completedOn),
    };
    const key = r.unit.toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const out = new Map<string, Array<string | number>>();
  for (const [key, g] of groups) {
    const [s] = summarizeByUnit(g, fromExcelSerial(report));
    out.set(key, [s.assigned, s.done, s.doneOnTime, s.doneLate, s.overdue, s.completionRate]);
  }
  return out;
}

test("UNITSUMMARY over random rows counts each unit cell text as COUNTIFS does", () => {
  fc.assert(
    fc.property(fc.array(row, { maxLength: 60 }), fc.constantFrom(...REPORTS), (rows, report) => {
      const table = unitSummary(
        rows.map((r) => [r.unit]),
        rows.map((r) => [r.due]),
        rows.map((r) => [r.status]),
        rows.map((r) => [r.completedOn]),
        report,
      );
      expect(table[0]).toEqual([...UNIT_SUMMARY_HEADER]);
      const got = new Map(table.slice(1).map((l) => [textOfLabel(l[0] as string).toLowerCase(), l.slice(1)]));
      expect(got.size).toBe(table.length - 1);
      expect(got).toEqual(expectedSummary(rows, report));
    }),
    { numRuns: 300 },
  );
});

test("COMPLETION of a unit equals its UNITSUMMARY completion rate, or names the rows COUNTIFS leaves out", () => {
  fc.assert(
    fc.property(
      fc.array(row, { minLength: 1, maxLength: 40 }),
      fc.constantFrom(...UNITS.filter((u) => u !== "")),
      (rows, name) => {
        const units = rows.map((r) => [r.unit]);
        const statuses = rows.map((r) => [r.status]);
        const table = unitSummary(
          units,
          rows.map(() => [""]),
          statuses,
          null,
          REPORTS[0],
        );
        const resolve = createUnitResolver();
        const sameUnitOtherwise = rows.some(
          (r) =>
            r.unit !== "" &&
            r.unit.toLowerCase() !== name.toLowerCase() &&
            resolve(r.unit).key === resolve(name).key,
        );
        const line = table
          .slice(1)
          .find((l) => textOfLabel(l[0] as string).toLowerCase() === name.toLowerCase());
        if (sameUnitOtherwise || !line) {
          expect(() => completion(units, statuses, name)).toThrow(
            sameUnitOtherwise ? /theo cách khác/ : /Không có nhiệm vụ nào/,
          );
          return;
        }
        expect(completion(units, statuses, name)).toBeCloseTo(line[6] as number, 12);
      },
    ),
    { numRuns: 300 },
  );
});

test("SCORE equals planScore (proportional)", () => {
  fc.assert(
    fc.property(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 100, noNaN: true }),
      fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
      fc.nat(50),
      fc.double({ min: 0, max: 5, noNaN: true }),
      (rate, maxPoints, threshold, late, penalty) => {
        const expected = planScore(
          rate,
          { maxPoints, mode: "proportional", threshold: threshold ?? 0, latePenalty: penalty },
          late,
        );
        expect(score(rate, maxPoints, threshold, late, penalty)).toBe(expected);
      },
    ),
  );
});

test("SCORETIERS equals planScore (tiers)", () => {
  const tier = fc.record({
    minRate: fc.double({ min: 0, max: 1, noNaN: true }),
    points: fc.double({ min: 0, max: 10, noNaN: true }),
  });
  fc.assert(
    fc.property(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.uniqueArray(tier, { minLength: 1, maxLength: 6, selector: (t) => t.minRate }),
      fc.nat(5),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (rate, tiers, late, penalty) => {
        const maxPoints = tiers.reduce((m, t) => Math.max(m, t.points), 0);
        const expected = planScore(rate, { maxPoints, mode: "tiers", tiers, latePenalty: penalty }, late);
        const range = tiers.map((t) => [t.minRate, t.points]);
        expect(scoreTiers(rate, range, late, penalty)).toBe(expected);
      },
    ),
  );
});

test("DEADLINE of a date serial is that date (every serial but Excel's phantom 29/02/1900)", () => {
  fc.assert(
    fc.property(
      fc
        .double({ min: 1, max: MAX_EXCEL_SERIAL + 0.999, noNaN: true })
        .filter((serial) => Math.floor(serial) !== 60),
      (serial) => {
        expect(deadline(serial, null)).toBe(Math.floor(serial));
      },
    ),
  );
});

test("DEADLINE of serial 60 (Excel's 29/02/1900, a day that never was) is 28/02/1900, as the core reads it", () => {
  // fromExcelSerial(60) is "1900-02-28" (test/core/dates/serial.test.ts); the function must agree with it.
  for (const serial of [60, 60.25, 60.999]) expect(deadline(serial, null)).toBe(59);
  expect(deadline(59, null)).toBe(59);
  expect(deadline(61, null)).toBe(61);
});
