/**
 * toExcelSerial(iso) / fromExcelSerial(serial) — Excel's 1900 date system, including its phantom
 * 29/02/1900 (serial 60). The oracle here counts days from 1899-12-30 independently.
 */
import fc from "fast-check";
import { toExcelSerial, fromExcelSerial } from "../../../src/core";

const DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);
const isoOf = (ms: number) => {
  const d = new Date(ms);
  return `${String(d.getUTCFullYear()).padStart(4, "0")}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`;
};
const MIN_MS = Date.UTC(1900, 2, 1);
const MAX_MS = Date.UTC(9999, 11, 31);
const dayArb = fc.integer({ min: MIN_MS / DAY, max: MAX_MS / DAY }).map((d) => isoOf(d * DAY));

describe("Excel serials: known values", () => {
  test.each([
    [1, "1900-01-01"],
    [31, "1900-01-31"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [25569, "1970-01-01"],
    [36526, "2000-01-01"],
    [45292, "2024-01-01"],
    [45351, "2024-02-29"],
    [45352, "2024-03-01"],
    [45657, "2024-12-31"],
    [45658, "2025-01-01"],
    [2958465, "9999-12-31"],
  ])("%p ↔ %s", (serial, iso) => {
    expect(fromExcelSerial(serial)).toBe(iso);
    expect(toExcelSerial(iso)).toBe(serial);
  });

  test("the time of day is dropped", () => {
    expect(fromExcelSerial(45657.0001)).toBe("2024-12-31");
    expect(fromExcelSerial(45657.5)).toBe("2024-12-31");
    expect(fromExcelSerial(45657.99999)).toBe("2024-12-31");
  });

  test("Excel's phantom 29/02/1900 (serial 60) is not 01/03/1900 and 1900 has no real 29/02", () => {
    expect(fromExcelSerial(60)).not.toBe("1900-03-01");
    expect(["1900-02-28", "1900-02-29"]).toContain(fromExcelSerial(60));
    expect(toExcelSerial("1900-03-01")).toBe(61);
    expect(toExcelSerial("1900-02-28")).toBe(59);
    expect(() => toExcelSerial("1900-02-29")).toThrow();
  });

  test.each([[0], [-1], [0.5], [NaN], [Infinity], [-Infinity], [2958466]])(
    "fromExcelSerial(%p) throws",
    (serial) => {
      expect(() => fromExcelSerial(serial)).toThrow(RangeError);
    },
  );

  test.each([
    ["2024-02-30"],
    ["2023-02-29"],
    ["31/12/2024"],
    ["2024-1-1"],
    [""],
    ["2024-13-01"],
    ["10000-01-01"],
  ])("toExcelSerial(%j) throws", (iso) => {
    expect(() => toExcelSerial(iso)).toThrow(RangeError);
  });
});

describe("Excel serials: properties", () => {
  test("toExcelSerial matches days since 1899-12-30 for every date 1900-03-01..9999-12-31", () => {
    fc.assert(
      fc.property(dayArb, (iso) => {
        expect(toExcelSerial(iso)).toBe((Date.parse(iso + "T00:00:00Z") - EPOCH) / DAY);
      }),
      { numRuns: 2000 },
    );
  });

  test("fromExcelSerial(toExcelSerial(d)) === d over 1900-03-01..9999-12-31", () => {
    fc.assert(
      fc.property(dayArb, (iso) => {
        expect(fromExcelSerial(toExcelSerial(iso))).toBe(iso);
      }),
      { numRuns: 2000 },
    );
  });

  test("toExcelSerial(fromExcelSerial(s)) === floor(s) for serials ≥ 61", () => {
    fc.assert(
      fc.property(fc.double({ min: 61, max: 2958465.999, noNaN: true }), (s) => {
        expect(toExcelSerial(fromExcelSerial(s))).toBe(Math.floor(s));
      }),
      { numRuns: 2000 },
    );
  });

  test("order is preserved and consecutive days are consecutive serials", () => {
    fc.assert(
      fc.property(dayArb, dayArb, (a, b) => {
        expect(Math.sign(toExcelSerial(a) - toExcelSerial(b))).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958464 }), (s) => {
        const next = isoOf(Date.parse(fromExcelSerial(s) + "T00:00:00Z") + DAY);
        expect(fromExcelSerial(s + 1)).toBe(next);
      }),
      { numRuns: 1000 },
    );
  });

  test("serials 1..59 are January and February 1900", () => {
    for (let s = 1; s <= 59; s++) {
      expect(fromExcelSerial(s)).toBe(isoOf(Date.UTC(1900, 0, 1) + (s - 1) * DAY));
      expect(toExcelSerial(fromExcelSerial(s))).toBe(s);
    }
  });
});
