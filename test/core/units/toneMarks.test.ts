/**
 * Issue 15 item 9: tone marks tell units apart. A trailing "Tịnh" is part of a name (Huyện Sơn
 * Tịnh), not the word "tỉnh" (province) that may follow a unit's name ("Sở Nội vụ tỉnh").
 * Everywhere a unit is read: findUnit, the CLI's --unit, CCHC.UNIT.
 */
import { findUnit } from "../../../src/core";
import { resolveUnitArg } from "../../../src/export/cli";
import { canonicalUnitName } from "../../../src/functions/units";

const cases: Array<[string, string | null, string]> = [
  ["Sơn Tịnh", "Huyện Sơn Tịnh", "the district's short name"],
  ["UBND huyện Sơn Tịnh", "Huyện Sơn Tịnh", "with UBND"],
  ["Huyện Sơn Tịnh", "Huyện Sơn Tịnh", "full name"],
  ["huyen son tinh", "Huyện Sơn Tịnh", "no diacritics, with the kind word"],
  ["Sơn Tinh", "Xã Sơn Tinh", "the commune's short name"],
  ["Xã Sơn Tinh", "Xã Sơn Tinh", "the commune's full name"],
  ["Xã Sơn Tinh, huyện Sơn Tây", "Xã Sơn Tinh", "commune with its district"],
  ["Sở Nội vụ tỉnh", "Sở Nội vụ", "a real trailing “tỉnh” is still dropped"],
  ["Sở Nội vụ tinh", "Sở Nội vụ", "…also written without marks"],
  ["UBND tỉnh Quảng Ngãi", null, "the province itself is no unit of the list"],
  ["Sở Tư pháp tỉnh Quảng Ngãi", "Sở Tư pháp", "tỉnh Quảng Ngãi suffix"],
  ["Tịnh Hà", "Xã Tịnh Hà", "a leading Tịnh is a name"],
];

test.each(cases)("findUnit(%j) → %j (%s)", (name, expected) => {
  expect(findUnit(name)?.name ?? null).toBe(expected);
});

test("CCHC.UNIT tells Sơn Tịnh from Sơn Tinh", () => {
  expect(canonicalUnitName("Sơn Tịnh", null)).toBe("Huyện Sơn Tịnh");
  expect(canonicalUnitName("Sơn Tinh", null)).toBe("Xã Sơn Tinh");
});

test("--unit “Sơn Tịnh” is the district, not ambiguous", () => {
  expect(resolveUnitArg("Sơn Tịnh")).toEqual({ unit: expect.objectContaining({ name: "Huyện Sơn Tịnh" }) });
  expect(resolveUnitArg("Sơn Tinh").unit?.name).toBe("Xã Sơn Tinh");
});
