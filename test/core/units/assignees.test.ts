/**
 * expandAssignees(text) — lists separated by commas, semicolons, line breaks or "và"; group
 * phrases stand for all their members. "và" and commas also occur inside names.
 */
import fc from "fast-check";
import { expandAssignees, findUnit, listUnits, type Unit } from "../../../src/core";
import { CENTRAL, COMMUNES, DEPARTMENTS, DISTRICTS, hasUniqueExactName } from "../helpers/data";

const ids = (text: string) => expandAssignees(text).map((u) => u.id);
const sorted = (xs: readonly string[]) => [...xs].sort();

const DEPARTMENT_IDS = DEPARTMENTS.map((r) => r.id);
const CENTRAL_IDS = CENTRAL.map((r) => r.id);
const DISTRICT_IDS = DISTRICTS.map((r) => r.code);
const COMMUNE_IDS = COMMUNES.map((r) => r.code);

describe("expandAssignees: single units and separators", () => {
  test.each([
    ["Sở Nội vụ", ["SNV"]],
    ["Sở Nội vụ, Sở Tư pháp", ["SNV", "STP"]],
    ["Sở Nội vụ; Sở Tư pháp", ["SNV", "STP"]],
    ["Sở Nội vụ;Sở Tư pháp", ["SNV", "STP"]],
    ["Sở Nội vụ,Sở Tư pháp", ["SNV", "STP"]],
    ["Sở Nội vụ\nSở Tư pháp", ["SNV", "STP"]],
    ["Sở Nội vụ\r\nSở Tư pháp", ["SNV", "STP"]],
    ["- Sở Nội vụ\n- Sở Tư pháp", ["SNV", "STP"]],
    ["Sở Nội vụ và Sở Tư pháp", ["SNV", "STP"]],
    ["Sở Nội vụ; Sở Tư pháp;", ["SNV", "STP"]],
    ["Sở Nội vụ,,Sở Tư pháp", ["SNV", "STP"]],
    ["Sở Nội vụ + Sở Tư pháp", ["SNV", "STP"]],
    ["SNV, STP", ["SNV", "STP"]],
    ["SNV; STTTT; VPUB", ["SNV", "STTTT", "VPUB"]],
    ["Sở NN&PTNT, Sở TN&MT", ["SNNPTNT", "STNMT"]],
    ["Sở VHTT&DL; Sở TT&TT", ["SVHTTDL", "STTTT"]],
    ["Văn phòng UBND tỉnh; Sở Nội vụ", ["VPUB", "SNV"]],
    ["Sở Nội vụ; Công an tỉnh", ["SNV", "CAT"]],
    ["Cục Thuế tỉnh, Cục Hải quan tỉnh và Bảo hiểm xã hội tỉnh", ["CT", "HQ", "BHXH"]],
    ["UBND huyện Bình Sơn, UBND huyện Sơn Tịnh", ["524", "527"]],
    ["UBND TP Quảng Ngãi, UBND TX Đức Phổ", ["522", "534"]],
    ["Huyện Bình Sơn, Sở Nội vụ", ["524", "SNV"]],
    ["UBND huyện Bình Sơn và UBND xã Bình Hòa", ["524", "21079"]],
    ["Xã Bình Hòa và Xã Bình Tân Phú", ["21079", "21109"]],
    ["Xã Bình Hòa, huyện Bình Sơn", ["21079"]],
    ["Sở Nội vụ, Sở Nội vụ", ["SNV"]],
    ["SNV; Sở Nội vụ; Sở Nội Vụ", ["SNV"]],
  ])("%j → %j", (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  test("empty and blank cells → no units", () => {
    for (const t of ["", "   ", "\n", ";", ", ,"]) expect(expandAssignees(t)).toEqual([]);
  });

  test("vague phrases add no unit and do not swallow their neighbours", () => {
    expect(ids("Sở Nội vụ và các cơ quan, đơn vị có liên quan")).toEqual(["SNV"]);
    expect(ids("Sở Nội vụ, Sở Tư pháp và các cơ quan liên quan")).toEqual(["SNV", "STP"]);
  });

  test("returns the same Unit objects as findUnit", () => {
    const [a, b] = expandAssignees("Sở Nội vụ; Huyện Bình Sơn");
    expect(a).toEqual(findUnit("Sở Nội vụ"));
    expect(b).toEqual(findUnit("Huyện Bình Sơn"));
  });
});

describe("expandAssignees: 'và' and commas inside names", () => {
  test.each([
    ["Sở Kế hoạch và Đầu tư", ["SKHDT"]],
    ["Sở Văn hóa, Thể thao và Du lịch", ["SVHTTDL"]],
    ["Sở Văn hoá, Thể thao và Du lịch", ["SVHTTDL"]],
    ["Sở Văn hóa - Thể thao và Du lịch", ["SVHTTDL"]],
    ["Sở Lao động - Thương binh và Xã hội", ["SLDTBXH"]],
    ["Sở Nội vụ, Sở Văn hóa, Thể thao và Du lịch", ["SNV", "SVHTTDL"]],
    [
      "Sở Văn hóa, Thể thao và Du lịch, Sở Kế hoạch và Đầu tư và Sở Tài nguyên và Môi trường",
      ["SVHTTDL", "SKHDT", "STNMT"],
    ],
    ["Sở Tài nguyên và Môi trường và Sở Kế hoạch và Đầu tư", ["STNMT", "SKHDT"]],
    ["Sở Thông tin và Truyền thông và Sở Kế hoạch và Đầu tư", ["STTTT", "SKHDT"]],
    ["Sở Lao động - Thương binh và Xã hội và Sở Y tế", ["SLDTBXH", "SYT"]],
    ["Sở Tài nguyên và Môi trường, Sở Khoa học và Công nghệ", ["STNMT", "SKHCN"]],
    ["Sở Nội vụ, Sở Tư pháp, Sở Kế hoạch và Đầu tư, Sở Tài chính", ["SNV", "STP", "SKHDT", "STC"]],
    ["Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi, Sở Nội vụ", ["BQLKKT", "SNV"]],
    ["Sở Nội vụ và Sở Ngoại vụ", ["SNV", "SNGV"]],
  ])("%j → %j", (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });
});

describe("expandAssignees: groups stand for all their members", () => {
  test.each([
    ["Các sở, ban, ngành", DEPARTMENT_IDS],
    ["các sở, ban, ngành", DEPARTMENT_IDS],
    ["Các Sở, Ban, Ngành", DEPARTMENT_IDS],
    ["các Sở, ban, ngành tỉnh", DEPARTMENT_IDS],
    ["UBND các huyện, thị xã, thành phố", DISTRICT_IDS],
    ["Ủy ban nhân dân các huyện, thị xã, thành phố", DISTRICT_IDS],
    ["UBND các huyện, thành phố, thị xã", DISTRICT_IDS],
    ["UBND các huyện, thị xã, TP", DISTRICT_IDS],
    ["UBND cấp huyện", DISTRICT_IDS],
    ["UBND các xã, phường, thị trấn", COMMUNE_IDS],
    ["Uỷ ban nhân dân các xã, phường, thị trấn", COMMUNE_IDS],
    ["Các xã, phường, thị trấn", COMMUNE_IDS],
    ["UBND cấp xã", COMMUNE_IDS],
    ["các cơ quan Trung ương đóng trên địa bàn", CENTRAL_IDS],
    ["Các cơ quan Trung ương đóng trên địa bàn tỉnh", CENTRAL_IDS],
    ["Các cơ quan Trung ương trên địa bàn tỉnh", CENTRAL_IDS],
  ])("%j", (text, expected) => {
    expect(sorted(ids(text))).toEqual(sorted(expected));
    expect(sorted(ids(text.normalize("NFD")))).toEqual(sorted(expected));
    expect(sorted(ids(text.toUpperCase()))).toEqual(sorted(expected));
  });

  test("the groups have 20, 13, 173 and 5 members", () => {
    expect(expandAssignees("Các sở, ban, ngành")).toHaveLength(20);
    expect(expandAssignees("UBND các huyện, thị xã, thành phố")).toHaveLength(13);
    expect(expandAssignees("UBND các xã, phường, thị trấn")).toHaveLength(173);
    expect(expandAssignees("các cơ quan Trung ương đóng trên địa bàn")).toHaveLength(5);
  });

  test("group members are the listed units of that level", () => {
    const levelOf = (us: Unit[]) => [...new Set(us.map((u) => u.level))];
    expect(levelOf(expandAssignees("Các sở, ban, ngành"))).toEqual(["agency"]);
    expect(levelOf(expandAssignees("UBND các huyện, thị xã, thành phố"))).toEqual(["district"]);
    expect(levelOf(expandAssignees("UBND các xã, phường, thị trấn"))).toEqual(["commune"]);
    expect(levelOf(expandAssignees("các cơ quan Trung ương đóng trên địa bàn"))).toEqual(["central"]);
    expect(expandAssignees("UBND các xã, phường, thị trấn")).toEqual([...listUnits("commune")]);
  });

  test.each([
    ["Các sở, ban, ngành; UBND các huyện, thị xã, thành phố", [...DEPARTMENT_IDS, ...DISTRICT_IDS]],
    ["Các sở, ban, ngành, UBND các huyện, thị xã, thành phố", [...DEPARTMENT_IDS, ...DISTRICT_IDS]],
    ["Các sở, ban, ngành và UBND các huyện, thị xã, thành phố", [...DEPARTMENT_IDS, ...DISTRICT_IDS]],
    ["UBND các huyện, thị xã, thành phố; UBND các xã, phường, thị trấn", [...DISTRICT_IDS, ...COMMUNE_IDS]],
    [
      "Sở Thông tin và Truyền thông, Sở Nội vụ, UBND các huyện, thị xã, thành phố",
      ["STTTT", "SNV", ...DISTRICT_IDS],
    ],
    ["Sở Khoa học và Công nghệ và UBND các xã, phường, thị trấn", ["SKHCN", ...COMMUNE_IDS]],
    ["Sở Tư pháp và các Sở, ban, ngành", DEPARTMENT_IDS],
    [
      "Các sở, ban, ngành; các cơ quan Trung ương đóng trên địa bàn; UBND các huyện, thị xã, thành phố; UBND các xã, phường, thị trấn",
      [...DEPARTMENT_IDS, ...CENTRAL_IDS, ...DISTRICT_IDS, ...COMMUNE_IDS],
    ],
  ])("combined %j has no duplicates", (text, expected) => {
    const got = ids(text);
    expect(new Set(got).size).toBe(got.length);
    expect(sorted(got)).toEqual(sorted(expected));
  });

  test("every unit CV 5893 addresses: 20 + 5 + 13 + 173 = 211", () => {
    const all = expandAssignees(
      "Các sở, ban, ngành; các cơ quan Trung ương đóng trên địa bàn; UBND các huyện, thị xã, thành phố; UBND các xã, phường, thị trấn",
    );
    expect(all).toHaveLength(211);
  });
});

describe("expandAssignees: ambiguous names are not guessed", () => {
  test("Phường Nguyễn Nghiêm alone adds no unit; with its district it does", () => {
    expect(ids("Phường Nguyễn Nghiêm")).toEqual([]);
    expect(ids("Phường Nguyễn Nghiêm (TX Đức Phổ)")).toEqual(["21439"]);
  });
});

// ─────────────────────────── Bugs found (keep failing until fixed) ───────────────────────────

describe("expandAssignees: lists of districts and towns", () => {
  // findUnit's "commune, district" splitter swallows the next list item whenever it starts with
  // a district word (huyện, thị xã, thành phố, TP, TX, H.).
  test.each([
    ["Huyện Bình Sơn, Huyện Trà Bồng", ["524", "525"]],
    ["huyện Bình Sơn, huyện Trà Bồng, huyện Sơn Tịnh", ["524", "525", "527"]],
    ["Sở Nội vụ, Huyện Bình Sơn", ["SNV", "524"]],
    ["TP Quảng Ngãi, TX Đức Phổ", ["522", "534"]],
    ["Thành phố Quảng Ngãi, Thị xã Đức Phổ, Huyện Lý Sơn", ["522", "534", "536"]],
    ["Xã Bình Hòa, Huyện Sơn Tịnh", ["21079", "527"]],
  ])("%j → %j", (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  test("every department, central agency and district, written out in full and joined by ', '", () => {
    const units = [...listUnits("agency"), ...listUnits("central"), ...listUnits("district")];
    expect(ids(units.map((u) => u.name).join(", "))).toEqual(units.map((u) => u.id));
  });
});

describe("expandAssignees: 'Các cơ quan chuyên môn thuộc UBND tỉnh' is the legal name of the departments group", () => {
  // The group pattern lists it, but the "tỉnh" suffix is stripped before the pattern is tried.
  test.each(["Các cơ quan chuyên môn thuộc UBND tỉnh", "Các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh"])(
    "%j",
    (text) => {
      expect(sorted(ids(text))).toEqual(sorted(DEPARTMENT_IDS));
    },
  );
});

describe("expandAssignees: communes whose names differ only by a tone mark", () => {
  test("Xã Bình Thạnh; Xã Bình Thanh → two communes", () => {
    expect(ids("Xã Bình Thạnh; Xã Bình Thanh")).toEqual(["21046", "21091"]);
  });
});

describe("judgement calls", () => {
  test("a role note in brackets does not hide the unit: 'Sở Nội vụ (chủ trì), Sở Tư pháp'", () => {
    expect(ids("Sở Nội vụ (chủ trì), Sở Tư pháp")).toEqual(["SNV", "STP"]);
  });

  test("the districts group with both abbreviations: 'UBND các huyện, TX, TP'", () => {
    // "UBND các huyện, thị xã, TP" is recognised, "UBND các huyện, TX, TP" adds nothing.
    expect(sorted(ids("UBND các huyện, TX, TP"))).toEqual(sorted(DISTRICT_IDS));
  });

  test("a dangling 'và' at the end of a cell does not hide the unit", () => {
    expect(ids("Sở Nội vụ và")).toEqual(["SNV"]);
  });

  test("'các sở, ban, ngành liên quan' after a unit is treated like 'các sở, ban, ngành có liên quan'", () => {
    // "Các sở, ban, ngành có liên quan" → all 20 departments, but after "Sở Nội vụ, " the same
    // phrase without "có" gives only SNV (and an unknown piece "các sở"). Whichever reading is
    // chosen ("relevant" departments = all, or = none in particular), it should be the same.
    const alone = ids("Các sở, ban, ngành có liên quan");
    const after = ids("Sở Nội vụ, các sở, ban, ngành liên quan").filter((id) => id !== "SNV");
    expect(sorted(after)).toEqual(sorted(alone.filter((id) => id !== "SNV")));
  });
});

// ─────────────────────────────────── Properties ───────────────────────────────────

describe("expandAssignees: properties", () => {
  const all = listUnits();

  test("never throws on arbitrary strings; units are listed units without duplicates", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 120 }), (s) => {
        const us = expandAssignees(s);
        expect(us.every((u) => all.includes(u))).toBe(true);
        expect(new Set(us.map((u) => u.id)).size).toBe(us.length);
      }),
      { numRuns: 500 },
    );
  });

  test("never throws on strings made of separators and name words", () => {
    const w = fc.constantFrom(
      "Sở",
      "và",
      ",",
      ";",
      "\n",
      "UBND",
      "các",
      "huyện",
      "xã",
      "Nội vụ",
      "Kế hoạch",
      "Đầu tư",
      "thị xã",
      "thành phố",
      "ban",
      "ngành",
      "&",
      "+",
      " ",
    );
    fc.assert(
      fc.property(fc.array(w, { maxLength: 30 }), (ws) => {
        const us = expandAssignees(ws.join(" "));
        expect(us.every((u) => all.includes(u))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test("non-string input → [] without throwing", () => {
    for (const v of [null, undefined, 1, {}, [], true])
      expect(expandAssignees(v as unknown as string)).toEqual([]);
  });

  test("any list of departments and central agencies, joined by any separator, expands to exactly those units", () => {
    const named = [...listUnits("agency"), ...listUnits("central")];
    fc.assert(
      fc.property(
        fc.shuffledSubarray(named, { minLength: 1, maxLength: 8 }),
        fc.array(fc.constantFrom(", ", "; ", "\n", " và ", ",", ";", " ; "), { minLength: 8, maxLength: 8 }),
        fc.constantFrom("none", "nfd", "upper"),
        (us, seps, change) => {
          let text = us.map((u, i) => (i === 0 ? "" : seps[i]) + u.name).join("");
          if (change === "nfd") text = text.normalize("NFD");
          if (change === "upper") text = text.toUpperCase();
          expect(ids(text)).toEqual(us.map((u) => u.id));
        },
      ),
      { numRuns: 500 },
    );
  });

  test("any list of communes with unique names, with 'UBND xã …', joined by '; ' expands to exactly those", () => {
    const communes = listUnits("commune").filter((u) => {
      const row = COMMUNES.find((c) => c.code === u.id);
      return row !== undefined && hasUniqueExactName(row) && findUnit(u.name) !== null;
    });
    fc.assert(
      fc.property(fc.shuffledSubarray(communes, { minLength: 1, maxLength: 10 }), (us) => {
        expect(ids(us.map((u) => "UBND " + u.name).join("; "))).toEqual(us.map((u) => u.id));
      }),
      { numRuns: 300 },
    );
  });

  test("mixed lists of departments and districts joined by any separator (catches swallowed items)", () => {
    const named = [...listUnits("agency"), ...listUnits("district")];
    fc.assert(
      fc.property(
        fc.shuffledSubarray(named, { minLength: 2, maxLength: 6 }),
        fc.constantFrom(", ", "; ", "\n", " và "),
        (us, sep) => {
          expect(ids(us.map((u) => u.name).join(sep))).toEqual(us.map((u) => u.id));
        },
      ),
      { numRuns: 300 },
    );
  });
});
