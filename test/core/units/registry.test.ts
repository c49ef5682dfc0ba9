/**
 * Issue 20: the unit registry by date. The map in force from 01/07/2025 (new Quảng Ngãi, no
 * district level) against the reference CSVs of ../shared/data, read here independently of
 * src/core/units/units-2025-07.json; lineage of old units; the 2024 map unchanged by default.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import {
  findUnit,
  listUnits,
  unitCandidates,
  unitLineage,
  unitMapAt,
  predecessorsOf,
} from "../../../src/core";
import { DISTRICTS, SHARED_DATA } from "../helpers/data";

const csv = (file: string) =>
  Papa.parse<Record<string, string>>(readFileSync(join(SHARED_DATA, file), "utf8"), {
    header: true,
    skipEmptyLines: true,
  }).data;
const COMMUNES_2025 = csv("quang-ngai-2025-07-communes.csv");
const LINEAGE = csv("quang-ngai-2025-07-lineage.csv");
const AGENCIES_2025 = csv("quang-ngai-2025-07-agencies.csv");

const NEW = "2026-01-01";
const KIND: Record<string, string> = { xa: "Xã", phuong: "Phường", "dac-khu": "Đặc khu" };
/** "Thủy" ↔ "Thuỷ": the other tone-mark placement (traditional ↔ modern) of oa/oe/uy syllables. */
function otherToneStyle(s: string): string {
  const pairs: Array<[string, string]> = [
    ["ủy", "uỷ"],
    ["ùy", "uỳ"],
    ["úy", "uý"],
    ["ũy", "uỹ"],
    ["ụy", "uỵ"],
    ["òa", "oà"],
    ["óa", "oá"],
    ["ỏa", "oả"],
    ["õa", "oã"],
    ["ọa", "oạ"],
    ["òe", "oè"],
    ["óe", "oé"],
    ["ỏe", "oẻ"],
    ["õe", "oẽ"],
    ["ọe", "oẹ"],
  ];
  let out = s.normalize("NFC");
  for (const [a, b] of pairs) out = out.includes(a) ? out.split(a).join(b) : out.split(b).join(a);
  return out;
}

test("unitMapAt: the 2024 map before 01/07/2025, the new map from that day", () => {
  expect(
    [undefined, null, "", "2024-12-31", "2025-06-30", "2025-07-01", "2026-01-01", "bad"].map(unitMapAt),
  ).toEqual(["2024", "2024", "2024", "2024", "2024", "2025-07", "2025-07", "2024"]);
});

test("the new map holds the 96 communes, the 14 departments and no district", () => {
  expect(listUnits("commune", NEW)).toHaveLength(96);
  expect(listUnits("agency", NEW).map((u) => u.name)).toEqual(AGENCIES_2025.map((r) => r.name));
  expect(listUnits("district", NEW)).toEqual([]);
  expect(new Set(listUnits("commune", NEW).map((u) => u.id))).toEqual(
    new Set(COMMUNES_2025.map((r) => r.code)),
  );
});

describe.each(COMMUNES_2025.map((r) => [r.full_name, r] as const))("%s", (_full, r) => {
  const forms = [
    r.full_name,
    r.name,
    r.name_ascii,
    `UBND ${r.full_name.toLowerCase()}`,
    `${r.full_name} tỉnh Quảng Ngãi`,
    otherToneStyle(r.full_name),
    otherToneStyle(r.name),
    `${KIND[r.kind]} ${r.name_ascii}`,
    r.full_name.normalize("NFD"),
  ];
  test.each(forms)("found as %j", (form) => {
    // A short name shared by a phường/xã and another unit may be ambiguous; the full name never is.
    const found = findUnit(form, undefined, NEW);
    // Without marks, Xã Sơn Hà / Xã Sơn Hạ fold alike: ambiguous (every candidate offered), never a guess.
    const folded = form === r.name_ascii || form === `${KIND[r.kind]} ${r.name_ascii}`;
    if (form === r.name || form === otherToneStyle(r.name) || folded) {
      if (found === null) expect(unitCandidates(form, NEW).map((u) => u.id)).toContain(r.code);
      else expect(found.id).toBe(r.code);
    } else expect(found?.id).toBe(r.code);
  });
});

test("the 2024 map is still the default (no asOf): new communes are unknown there, old ones found", () => {
  expect(findUnit("Xã Đặng Thùy Trâm")).toBeNull();
  expect(findUnit("Đặc khu Lý Sơn")).toBeNull();
  expect(findUnit("Huyện Bình Sơn")?.id).toBe("524");
  expect(findUnit("Xã Đặng Thuỳ Trâm", undefined, NEW)?.name).toBe("Xã Đặng Thuỳ Trâm");
  expect(findUnit("Lý Sơn", undefined, "2025-07-01")?.name).toBe("Đặc khu Lý Sơn");
  expect(findUnit("Huyện Lý Sơn", undefined, "2025-06-30")?.name).toBe("Huyện Lý Sơn");
});

test.each(DISTRICTS.map((d) => [d.full_name, d.code] as const))(
  "no old district resolved in a new-map plan: %s → district level ended, communes listed",
  (name, code) => {
    expect(findUnit(name, undefined, NEW)).toBeNull();
    const a = unitLineage(name, undefined, NEW);
    expect(a?.kind).toBe("district");
    expect(a?.message).toMatch(/cấp huyện đã kết thúc từ 01\/07\/2025/);
    const communes = new Set(
      LINEAGE.filter((l) =>
        csv("quang-ngai-2024-admin-units.csv").some(
          (c) => (c.code === l.old_code && c.parent_code === code) || l.old_code === code,
        ),
      ).map((l) => l.new_code),
    );
    expect(new Set(a?.successors.map((u) => u.id))).toEqual(communes);
    for (const u of a?.successors ?? []) expect(a?.message).toContain(u.name);
  },
);

describe("each of the 274 lineage rows is answered", () => {
  expect(LINEAGE).toHaveLength(274);
  test.each(LINEAGE.map((l, i) => [i + 2, l.old_name.trim(), l.new_full_name, l] as const))(
    "row %i: %s → %s",
    (_line, oldName, newName, l) => {
      const asNew = findUnit(oldName, undefined, NEW);
      if (asNew) {
        // The old name is also a unit of the new map (Phường Nghĩa Lộ, Xã Bình Sơn…): that unit.
        expect(asNew.name.length).toBeGreaterThan(0);
        return;
      }
      const a = unitLineage(oldName, undefined, NEW);
      expect(a).not.toBeNull();
      expect(a?.successors.map((u) => u.id)).toContain(l.new_code);
      expect(a?.message).toContain(newName.replace(/\s+/g, " ").trim());
    },
  );
});

test("the issue's examples: Nguyễn Nghiêm with its district, a split unit, a merged department", () => {
  expect(unitLineage("Phường Nguyễn Nghiêm (TP Quảng Ngãi)", undefined, NEW)?.message).toBe(
    "Phường Nguyễn Nghiêm (Thành phố Quảng Ngãi) nay thuộc Phường Cẩm Thành.",
  );
  const both = unitLineage("Phường Nguyễn Nghiêm", undefined, NEW);
  expect(both?.old).toHaveLength(2);
  const split = LINEAGE.find((l) => l.share === "partial") as Record<string, string>;
  const everySuccessor = LINEAGE.filter((l) => l.old_code === split.old_code).map((l) => l.new_full_name);
  const a = unitLineage(split.old_name, undefined, NEW);
  expect(a?.split).toBe(true);
  for (const s of everySuccessor) expect(a?.message).toContain(s);
  expect(unitLineage("Sở Kế hoạch và Đầu tư", undefined, NEW)?.message).toBe(
    "Sở Kế hoạch và Đầu tư nay thuộc Sở Tài chính (hợp nhất tháng 02/2025).",
  );
  expect(unitLineage("Sở Nội vụ", undefined, NEW)).toBeNull();
  expect(unitLineage("Huyện Bình Sơn", undefined, "2024-12-31")).toBeNull();
});

test("predecessorsOf: the 2024 units that formed a new unit", () => {
  const camThanh = findUnit("Phường Cẩm Thành", undefined, NEW);
  const olds = predecessorsOf(camThanh as NonNullable<typeof camThanh>).map((u) => u.id);
  expect(olds.sort()).toEqual(
    LINEAGE.filter((l) => l.new_code === camThanh?.id)
      .map((l) => l.old_code)
      .sort(),
  );
  const stc = findUnit("STC", undefined, NEW);
  expect(predecessorsOf(stc as NonNullable<typeof stc>).map((u) => u.name)).toEqual([
    "Sở Tài chính",
    "Sở Kế hoạch và Đầu tư",
  ]);
});
