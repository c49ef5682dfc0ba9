/**
 * findUnit(name, district?) — spec (issue 3) and ../shared/DOMAIN.md §3, §6. The expected units come from
 * the reference CSVs in ../shared/data, read here independently of src/core/units/units-2024.json.
 */
import fc from "fast-check";
import { findUnit, listUnits, type Unit } from "../../../src/core";
import {
  ADMIN_UNITS,
  AGENCIES,
  CENTRAL,
  COMMUNES,
  DEPARTMENTS,
  DISTRICTS,
  districtOf,
  hasUniqueExactName,
  otherToneStyle,
  type AdminUnitRow,
} from "../helpers/data";

const nfc = (s: string) => s.normalize("NFC");

function expectUnit(found: Unit | null, id: string, label: string): void {
  expect({ label, id: found?.id ?? null }).toEqual({ label, id });
}

/** Folded key as the brief defines it (lowercase, no marks, đ→d, single spaces), for ambiguity checks. */
function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

describe("reference data", () => {
  test("the CSVs hold 13 districts, 173 communes, 20 departments and boards, 5 central agencies", () => {
    expect(DISTRICTS).toHaveLength(13);
    expect(COMMUNES).toHaveLength(173);
    expect(DEPARTMENTS).toHaveLength(20);
    expect(CENTRAL).toHaveLength(5);
  });

  test("listUnits matches the CSVs: ids, official names, levels and parents", () => {
    expect(listUnits("agency").map((u) => u.id)).toEqual(DEPARTMENTS.map((r) => r.id));
    expect(listUnits("central").map((u) => u.id)).toEqual(CENTRAL.map((r) => r.id));
    expect([...listUnits("district").map((u) => u.id)].sort()).toEqual(DISTRICTS.map((r) => r.code).sort());
    expect([...listUnits("commune").map((u) => u.id)].sort()).toEqual(COMMUNES.map((r) => r.code).sort());
    for (const r of AGENCIES) {
      const u = listUnits().find((x) => x.id === r.id);
      expect(u).toEqual({
        id: r.id,
        name: nfc(r.name),
        level: r.group === "so-ban-nganh" ? "agency" : "central",
      });
    }
    for (const r of DISTRICTS) {
      expect(listUnits().find((x) => x.id === r.code)).toEqual({
        id: r.code,
        name: nfc(r.full_name),
        level: "district",
      });
    }
    for (const r of COMMUNES) {
      expect(listUnits().find((x) => x.id === r.code)).toEqual({
        id: r.code,
        name: nfc(r.full_name),
        level: "commune",
        parentId: r.parent_code,
      });
    }
  });

  test("Lý Sơn has no commune-level units; Phường Nguyễn Nghiêm is in two districts", () => {
    expect(COMMUNES.filter((c) => c.parent_code === "536")).toHaveLength(0);
    expect(
      COMMUNES.filter((c) => c.full_name === "Phường Nguyễn Nghiêm")
        .map((c) => c.parent_code)
        .sort(),
    ).toEqual(["522", "534"]);
  });
});

describe("findUnit: every department and central agency", () => {
  test.each(AGENCIES.map((r) => [r.id, r] as const))("%s", (id, r) => {
    const variants = [
      r.name,
      "UBND " + r.name,
      r.name.normalize("NFD"),
      otherToneStyle(r.name),
      r.name.toUpperCase(),
      r.name.toLowerCase(),
      "  " + r.name.replace(/ /g, "   ") + " ",
      r.id,
      ...r.common_abbreviations.split("|").filter((a) => a !== ""),
    ];
    for (const v of variants) {
      const u = findUnit(v);
      expectUnit(u, id, v);
    }
    expect(findUnit(r.name)).toEqual({
      id,
      name: nfc(r.name),
      level: r.group === "so-ban-nganh" ? "agency" : "central",
    });
  });
});

describe("findUnit: every district", () => {
  test.each(DISTRICTS.map((r) => [r.code, r.full_name, r] as const))("%s %s", (code, _name, r) => {
    const kindWord =
      r.kind === "thanh-pho"
        ? ["TP", "TP.", "Tp", "thành phố"]
        : r.kind === "thi-xa"
          ? ["TX", "TX.", "thị xã"]
          : ["H.", "huyện"];
    const variants = [
      r.full_name,
      "UBND " + r.full_name,
      "Ủy ban nhân dân " + r.full_name,
      "Uỷ ban nhân dân " + r.full_name,
      "UBND " + r.full_name.toLowerCase(),
      r.full_name.normalize("NFD"),
      otherToneStyle(r.full_name),
      r.full_name.toUpperCase(),
      ` ${r.full_name.replace(/ /g, "  ")} `,
      ...kindWord.map((k) => `${k} ${r.name}`),
      ...kindWord.map((k) => `UBND ${k} ${r.name}`),
    ];
    for (const v of variants) expectUnit(findUnit(v), code, v);
    expect(findUnit(r.full_name)).toEqual({ id: code, name: nfc(r.full_name), level: "district" });
  });
});

describe("findUnit: every commune, with its district", () => {
  const rows: Array<[string, string, string, AdminUnitRow]> = COMMUNES.map((r) => [
    r.code,
    r.full_name,
    districtOf(r).full_name,
    r,
  ]);

  test.each(rows)("%s %s (%s)", (code, full, districtName, r) => {
    const district = districtOf(r);
    const names = [
      full,
      "UBND " + full,
      "Ủy ban nhân dân " + full,
      "UBND " + full.toLowerCase(),
      full.normalize("NFD"),
      otherToneStyle(full),
      otherToneStyle(full).normalize("NFD"),
      full.toUpperCase(),
      ` ${full.replace(/ /g, "  ")} `,
    ];
    const districts = [districtName, district.code, "UBND " + districtName, districtName.normalize("NFD")];
    for (const n of names) {
      for (const d of districts) expectUnit(findUnit(n, d), code, `${n} | ${d}`);
    }
    expect(findUnit(full, districtName)).toEqual({
      id: code,
      name: nfc(full),
      level: "commune",
      parentId: r.parent_code,
    });
  });

  test.each(COMMUNES.filter(hasUniqueExactName).map((r) => [r.code, r.full_name] as const))(
    "%s %s is findable by its full name alone (its exact name is unique)",
    (code, full) => {
      expectUnit(findUnit(full), code, full);
      expectUnit(findUnit("UBND " + full), code, "UBND " + full);
      expectUnit(findUnit(full.normalize("NFD")), code, full + " (NFD)");
      expectUnit(findUnit(otherToneStyle(full)), code, otherToneStyle(full));
    },
  );
});

describe("findUnit: abbreviations and spellings staff type", () => {
  test.each([
    ["SNV", "SNV"],
    ["snv", "SNV"],
    ["Sở NN&PTNT", "SNNPTNT"],
    ["Sở NN và PTNT", "SNNPTNT"],
    ["Sở Nông nghiệp & PTNT", "SNNPTNT"],
    ["Sở KH&ĐT", "SKHDT"],
    ["Sở Kế hoạch & Đầu tư", "SKHDT"],
    ["Sở TT&TT", "STTTT"],
    ["Sở TN&MT", "STNMT"],
    ["Sở GD&ĐT", "SGDDT"],
    ["Sở KH&CN", "SKHCN"],
    ["Sở GTVT", "SGTVT"],
    ["Sở LĐ-TB&XH", "SLDTBXH"],
    ["Sở LĐTBXH", "SLDTBXH"],
    ["Sở Lao động - Thương binh và Xã hội", "SLDTBXH"],
    ["Sở Lao động-Thương binh và Xã hội", "SLDTBXH"],
    ["Sở Lao động – Thương binh và Xã hội", "SLDTBXH"],
    ["Sở Lao động Thương binh và Xã hội", "SLDTBXH"],
    ["Sở Văn hoá, Thể thao và Du lịch", "SVHTTDL"],
    ["Sở VHTT&DL", "SVHTTDL"],
    ["Sở Giao thông - Vận tải", "SGTVT"],
    ["Văn phòng UBND tỉnh", "VPUB"],
    ["VP UBND tỉnh", "VPUB"],
    ["Văn phòng Uỷ ban nhân dân tỉnh", "VPUB"],
    ["Văn phòng UBND tỉnh Quảng Ngãi", "VPUB"],
    ["Sở Nội vụ tỉnh Quảng Ngãi", "SNV"],
    ["Sở Tư Pháp", "STP"],
    ["Sở Công thương", "SCT"],
    ["BHXH tỉnh", "BHXH"],
    ["Cục Thuế", "CT"],
    ["BQL KKT Dung Quất", "BQLKKT"],
    ["TP Quảng Ngãi", "522"],
    ["TP. Quảng Ngãi", "522"],
    ["UBND TP Quảng Ngãi", "522"],
    ["TX Đức Phổ", "534"],
    ["TX. Đức Phổ", "534"],
    ["UBND thị xã Đức Phổ", "534"],
    ["H. Bình Sơn", "524"],
    ["UBND huyện Bình Sơn", "524"],
    ["Bình Sơn", "524"],
    ["Lý Sơn", "536"],
    ["TT Châu Ổ", "21040"],
    ["TT. Ba Tơ", "21484"],
    ["Thị trấn Ba Tơ", "21484"],
    ["Xã Bình Hoà", "21079"],
    ["Uỷ ban nhân dân xã Bình Hoà", "21079"],
    ["Xã  Bình\u00a0Hòa", "21079"],
    ["Xã Bình-Hòa", "21079"],
    ["UBND xã Bình Hòa, huyện Bình Sơn", "21079"],
    ["Phường Nguyễn Nghiêm, TX Đức Phổ", "21439"],
    ["Phường Nguyễn Nghiêm (TP Quảng Ngãi)", "21025"],
    ["Phường Nguyễn Nghiêm - thị xã Đức Phổ", "21439"],
  ])("%j → %s", (name, id) => expectUnit(findUnit(name), id, name));
});

describe("findUnit: ambiguity is never a silent guess", () => {
  test("Phường Nguyễn Nghiêm alone is ambiguous; its district settles it", () => {
    expect(findUnit("Phường Nguyễn Nghiêm")).toBeNull();
    expect(findUnit("UBND phường Nguyễn Nghiêm")).toBeNull();
    expect(findUnit("Phuong Nguyen Nghiem")).toBeNull();
    expectUnit(findUnit("Phường Nguyễn Nghiêm", "TP Quảng Ngãi"), "21025", "TP");
    expectUnit(findUnit("Phường Nguyễn Nghiêm", "Thành phố Quảng Ngãi"), "21025", "Thành phố");
    expectUnit(findUnit("Phường Nguyễn Nghiêm", "522"), "21025", "522");
    expectUnit(findUnit("Phường Nguyễn Nghiêm", "TX Đức Phổ"), "21439", "TX");
    expectUnit(findUnit("Phường Nguyễn Nghiêm", "Thị xã Đức Phổ"), "21439", "Thị xã");
    expectUnit(findUnit("Phường Nguyễn Nghiêm", "534"), "21439", "534");
    expectUnit(findUnit("P. Nguyễn Nghiêm", "TP Quảng Ngãi"), "21025", "P.");
  });

  test("a district that matches neither candidate, or is empty or unknown, leaves it ambiguous", () => {
    expect(findUnit("Phường Nguyễn Nghiêm", "Huyện Bình Sơn")).toBeNull();
    expect(findUnit("Phường Nguyễn Nghiêm", "")).toBeNull();
    expect(findUnit("Phường Nguyễn Nghiêm", "   ")).toBeNull();
    expect(findUnit("Phường Nguyễn Nghiêm", "xyz")).toBeNull();
  });

  test("a name without diacritics that folds onto two communes of one district stays ambiguous", () => {
    // Xã Bình Thạnh (21046) and Xã Bình Thanh (21091) are both in Huyện Bình Sơn.
    expect(findUnit("Xa Binh Thanh")).toBeNull();
    expect(findUnit("Xa Binh Thanh", "Huyện Bình Sơn")).toBeNull();
  });

  test("every folded name shared by several units returns null without a district", () => {
    const groups = new Map<string, AdminUnitRow[]>();
    for (const r of ADMIN_UNITS.filter((x) => x.level !== "province")) {
      const k = fold(r.full_name);
      groups.set(k, [...(groups.get(k) ?? []), r]);
    }
    const shared = [...groups.entries()].filter(([, rs]) => rs.length > 1);
    expect(shared.length).toBeGreaterThan(0);
    for (const [k] of shared) expect({ k, found: findUnit(k) }).toEqual({ k, found: null });
  });

  test("a bare name shared by a district and its township is ambiguous", () => {
    expect(findUnit("Ba Tơ")).toBeNull();
    expect(findUnit("Mộ Đức")).toBeNull();
    expectUnit(findUnit("Huyện Ba Tơ"), "535", "Huyện Ba Tơ");
    expectUnit(findUnit("Huyện Mộ Đức"), "533", "Huyện Mộ Đức");
  });

  test("'Sở NV' could be Nội vụ or Ngoại vụ", () => {
    expect(findUnit("Sở NV")).toBeNull();
    expectUnit(findUnit("SNgV"), "SNGV", "SNgV");
  });

  test("a list of two units is not one unit", () => {
    expect(findUnit("Sở Nội vụ, Sở Tư pháp")).toBeNull();
    expect(findUnit("UBND các huyện")).toBeNull();
  });
});

describe("findUnit: not a unit", () => {
  test.each(["", "   ", "Sở", "UBND", "Xã", "Huyện", "Sở Nội", "Nội vụ", "abc", "Phòng Nội vụ", "UBND tỉnh"])(
    "%j → null",
    (name) => {
      expect(findUnit(name)).toBeNull();
    },
  );

  test("non-string input → null, no throw", () => {
    for (const v of [null, undefined, 524, {}, [], true]) {
      expect(findUnit(v as unknown as string)).toBeNull();
    }
  });
});

// ─────────────────────────── Bugs found (keep failing until fixed) ───────────────────────────

describe("findUnit: two communes of one district whose names differ only by a tone mark", () => {
  // Huyện Bình Sơn has both Xã Bình Thạnh (21046) and Xã Bình Thanh (21091). Matching only on
  // the folded key makes both exact official names ambiguous, even with the district given.
  test.each([
    ["Xã Bình Thạnh", undefined, "21046"],
    ["Xã Bình Thanh", undefined, "21091"],
    ["Xã Bình Thạnh", "Huyện Bình Sơn", "21046"],
    ["Xã Bình Thanh", "Huyện Bình Sơn", "21091"],
    ["Xã Bình Thạnh", "524", "21046"],
    ["UBND xã Bình Thạnh", undefined, "21046"],
    ["Xã Bình Thạnh, huyện Bình Sơn", undefined, "21046"],
  ])("%j (district %j) → %s", (name, district, id) => {
    expectUnit(findUnit(name, district), id, name);
  });
});

describe("findUnit: a text naming two units is not one of them", () => {
  // The "commune, district" splitter accepts any unit before a district word, and ignores the
  // district when the first part alone matches one unit: the second unit is silently dropped.
  test.each([
    "Huyện Bình Sơn, Huyện Trà Bồng",
    "Sở Nội vụ, huyện Trà Bồng",
    "Thành phố Quảng Ngãi, Huyện Bình Sơn",
    "TP Quảng Ngãi, TX Đức Phổ",
  ])("%j → null", (name) => {
    expect(findUnit(name)).toBeNull();
  });
});

describe("judgement calls", () => {
  test.each([
    ["Sở Thông tin - Truyền thông", "STTTT"],
    ["Sở Giáo dục - Đào tạo", "SGDDT"],
    ["Sở Tài nguyên - Môi trường", "STNMT"],
    ["Sở Kế hoạch - Đầu tư", "SKHDT"],
    ["Sở Lao động-Thương binh-Xã hội", "SLDTBXH"],
  ])("a hyphen standing for 'và': %j → %s", (name, id) => {
    expectUnit(findUnit(name), id, name);
  });

  test("a district that contradicts the commune is not ignored", () => {
    // Xã Bình Hòa is in Huyện Bình Sơn; there is no Xã Bình Hòa in Huyện Sơn Tịnh. The district
    // is only used to break ties, so the contradiction is ignored and Bình Sơn's commune is
    // returned. Expected: null (the caller said Sơn Tịnh).
    expect(findUnit("Xã Bình Hòa", "Huyện Sơn Tịnh")).toBeNull();
    expect(findUnit("Xã Bình Hòa, huyện Sơn Tịnh")).toBeNull();
  });
});

// ─────────────────────────────────── Properties ───────────────────────────────────

describe("findUnit: properties", () => {
  const allUnits = listUnits();

  test("never throws on arbitrary strings; returns null or one of the listed units", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 60 }),
        fc.option(fc.string({ maxLength: 30 })),
        (name, district) => {
          const u = findUnit(name, district ?? undefined);
          expect(u === null || allUnits.includes(u)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test("never throws on strings made of unit-name words", () => {
    const words = fc.constantFrom(
      "Sở",
      "UBND",
      "huyện",
      "xã",
      "phường",
      "Bình",
      "Sơn",
      "Nội",
      "vụ",
      "và",
      ",",
      "-",
      "&",
      "TP",
      "TX",
      "(",
      ")",
      "tỉnh",
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 14 }), fc.array(words, { maxLength: 4 }), (ws, ds) => {
        const u = findUnit(ws.join(" "), ds.join(" "));
        expect(u === null || allUnits.includes(u)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  test("case, NFD, tone style, spacing and a UBND prefix never change which unit is found", () => {
    const unique = allUnits.filter((u) => findUnit(u.name) !== null);
    fc.assert(
      fc.property(
        fc.constantFrom(...unique),
        fc.constantFrom("", "UBND ", "Ủy ban nhân dân ", "Uỷ ban nhân dân "),
        fc.constantFrom("none", "upper", "lower", "nfd", "tone", "spaces"),
        (u, prefix, change) => {
          const base = prefix + u.name;
          const v =
            change === "upper"
              ? base.toUpperCase()
              : change === "lower"
                ? base.toLowerCase()
                : change === "nfd"
                  ? base.normalize("NFD")
                  : change === "tone"
                    ? otherToneStyle(base)
                    : change === "spaces"
                      ? `  ${base.replace(/ /g, " \u00a0")}\t`
                      : base;
          expectUnit(findUnit(v), u.id, v);
        },
      ),
      { numRuns: 600 },
    );
  });
});
