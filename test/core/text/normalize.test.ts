import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import Papa from "papaparse";
import { foldVietnamese, normalizeVietnamese } from "../../../src/core/text";

const SHARED = join(__dirname, "..", "..", "..", "..", "shared");
const SEED_LETTER = readFileSync(join(SHARED, "seed", "cong-van-5893-UBND-TTHC.txt"), "utf8");

function csvColumn(file: string, column: string): string[] {
  const text = readFileSync(join(SHARED, "data", file), "utf8");
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
  return rows.map((r) => r[column]).filter((v): v is string => typeof v === "string" && v !== "");
}

const UNIT_NAMES = [
  ...csvColumn("quang-ngai-2024-admin-units.csv", "name"),
  ...csvColumn("quang-ngai-2024-admin-units.csv", "full_name"),
  ...csvColumn("quang-ngai-2024-agencies.csv", "name"),
];

/** Collapses whitespace the way the brief defines it, independently of the implementation. */
function collapse(text: string): string {
  return text
    .split(/[\s\u0085\u180e\u200b-\u200d\u2060]+/)
    .filter((w) => w !== "")
    .join(" ");
}

/** Removes the five tone marks only (keeps ă â ê ô ơ ư đ and letter case). */
function withoutTones(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300\u0301\u0303\u0309\u0323]/g, "")
    .normalize("NFC");
}

describe("normalizeVietnamese: new-style tone placement → traditional", () => {
  test.each([
    ["Uỷ ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh"],
    ["UỶ BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN"],
    ["Văn phòng Uỷ ban", "Văn phòng Ủy ban"],
    ["hoá", "hóa"],
    ["Sở Văn hoá, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"],
    ["hệ thống hoá văn bản", "hệ thống hóa văn bản"],
    ["số hoá hồ sơ", "số hóa hồ sơ"],
    ["đơn giản hoá TTHC", "đơn giản hóa TTHC"],
    ["thuỷ lợi", "thủy lợi"],
    ["Thuỷ sản", "Thủy sản"],
    ["hoà", "hòa"],
    ["Cộng hoà", "Cộng hòa"],
    ["CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["Tịnh Hoà", "Tịnh Hòa"],
    ["Phổ Hoà", "Phổ Hòa"],
    ["khoẻ", "khỏe"],
    ["Sức khoẻ", "Sức khỏe"],
    ["xoè", "xòe"],
    ["loè loẹt", "lòe loẹt"],
    ["thuý", "thúy"],
    ["Thuỵ Điển", "Thụy Điển"],
    ["hoạ sĩ", "họa sĩ"],
    ["toà án", "tòa án"],
    ["goá phụ", "góa phụ"],
    ["tuỳ", "tùy"],
    ["huỷ bỏ", "hủy bỏ"],
    ["luỹ kế", "lũy kế"],
    ["uỷ quyền", "ủy quyền"],
    ["oà khóc", "òa khóc"],
    ["nhoè", "nhòe"],
    ["Thoả thuận", "Thỏa thuận"],
    ["Khoá học", "Khóa học"],
    ["ngoạ", "ngọa"],
    // mixed case is preserved letter by letter
    ["hOà", "hÒa"],
    ["HoÀ", "HòA"],
    ["hOÀ", "hÒA"],
    ["THUỴ", "THỤY"],
    ["Tỉnh uỷ", "Tỉnh ủy"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeVietnamese(input)).toBe(expected);
  });
});

describe("normalizeVietnamese: words that must not change", () => {
  test.each([
    // closed syllables: the tone is on the second vowel in both styles
    "hoàn thành",
    "thuyết phục",
    "khoảng",
    "toán",
    "hoạt động",
    "Huỳnh",
    "quyết định",
    "khuyến khích",
    "tuyển dụng",
    "hoặc",
    "xoáy",
    "ngoài",
    "hoài",
    "khuya",
    "ngoằn ngoèo",
    "khuỷu",
    "thuở",
    "huyện",
    "thuế",
    "chuyển đổi",
    "Hoàng",
    // u / i belong to the consonant: qu, gi
    "quý",
    "quả",
    "quỳ",
    "Quỳnh",
    "quá hạn",
    "quà",
    "giữa",
    "già",
    "giá",
    "gìn giữ",
    "Quảng Ngãi",
    // already traditional style
    "Ủy ban",
    "hòa",
    "khỏe",
    "thủy",
    "Tỉnh ủy",
    // not Vietnamese
    "Café crème",
    "Noël",
    "naïve",
    "Straße",
    "Москва",
    "東京",
  ])("%s", (word) => {
    expect(normalizeVietnamese(word)).toBe(word.normalize("NFC"));
  });

  test.each(UNIT_NAMES)("unit name %s keeps its letters (only tone marks may move)", (name) => {
    const out = normalizeVietnamese(name);
    expect(withoutTones(out)).toBe(withoutTones(collapse(name)));
    expect(foldVietnamese(out)).toBe(foldVietnamese(name));
  });
});

describe("normalizeVietnamese: NFC and combining-mark variants", () => {
  test.each([
    ["Ho\u0300a", "Hòa"],
    ["hoa\u0300", "hòa"],
    ["U\u0309y ban", "Ủy ban"],
    ["Uy\u0309 ban", "Ủy ban"],
    ["Nguye\u0302\u0303n", "Nguyễn"],
    // tone typed before the quality mark (same canonical class, so NFC alone cannot fix it)
    ["Nguye\u0303\u0302n", "Nguyễn"],
    ["a\u0301\u0302", "ấ"],
    ["a\u0301\u0306", "ắ"],
    ["o\u0309\u031b", "ở"],
    ["u\u0323\u031b", "ự"],
    ["a\u0323\u0306", "ặ"],
    ["a\u0323\u0302", "ậ"],
    // deprecated Vietnamese tone marks U+0340 / U+0341
    ["ho\u0340a", "hòa"],
    ["toa\u0341n", "toán"],
    // NFD new style → NFC old style
    ["Thu\u0079\u0309", "Thủy"],
    ["S\u01a1\u0309 No\u0302\u0323i vu\u0323", "Sở Nội vụ"],
  ])("%j → %s", (input, expected) => {
    const out = normalizeVietnamese(input);
    expect(out).toBe(expected);
    expect(out).toBe(out.normalize("NFC"));
  });

  // Mark storms are cut to 4 marks per letter, counted after decomposition, so a second pass keeps
  // what the first kept. Found by fast-check: "Ể" + 4 marks was cut to 4 in pass 1, to 3 in pass 2.
  test.each([
    ["\u1ec2\u0300\u0306\u0300\u0300", "\u00ca\u0306\u0309\u0300"],
    ["E\u0302\u0309\u0300\u0306\u0300\u0300", "\u00ca\u0306\u0309\u0300"],
    ["\u1ec7\u0301\u0301\u0301\u0301\u0301", "\u1ec7\u0301\u0301"],
  ])("mark storm %j → %j, and again the same", (input, expected) => {
    expect(normalizeVietnamese(input)).toBe(expected);
    expect(normalizeVietnamese(expected)).toBe(expected);
  });

  test.each(UNIT_NAMES)("NFD of %s comes back NFC", (name) => {
    expect(normalizeVietnamese(name.normalize("NFD"))).toBe(normalizeVietnamese(name));
  });
});

describe("normalizeVietnamese: whitespace", () => {
  test.each([
    ["  Sở  Nội   vụ  ", "Sở Nội vụ"],
    ["Sở\u00a0Nội\u00a0vụ", "Sở Nội vụ"],
    ["Sở\tNội\r\nvụ\n", "Sở Nội vụ"],
    ["\ufeffSở Nội vụ", "Sở Nội vụ"],
    ["Sở\u200bNội vụ", "Sở Nội vụ"],
    ["Sở \u200b Nội\u2060vụ", "Sở Nội vụ"],
    ["Sở\u3000Nội\u202fvụ\u2028", "Sở Nội vụ"],
    ["\u200c\u200d", ""],
    ["   ", ""],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(normalizeVietnamese(input)).toBe(expected);
  });

  test("new-style words are found across any whitespace", () => {
    expect(normalizeVietnamese("Văn\u00a0hoá\tThể\u200bthao")).toBe("Văn hóa Thể thao");
  });
});

describe("normalizeVietnamese: never throws", () => {
  test.each([null, undefined, 42, {}, Symbol.for("x")])("non-string %p → empty string", (value) => {
    expect(normalizeVietnamese(value as unknown as string)).toBe("");
  });

  test("lone surrogates pass through", () => {
    expect(normalizeVietnamese("\ud800hoà\udfff")).toBe("\ud800hòa\udfff");
  });
});

describe("normalizeVietnamese: the CV 5893 letter (traditional style)", () => {
  test("the whole letter changes only in whitespace", () => {
    expect(normalizeVietnamese(SEED_LETTER)).toBe(collapse(SEED_LETTER.normalize("NFC")));
  });

  test("every line is already normalised", () => {
    for (const line of SEED_LETTER.split(/\r?\n/)) {
      expect(normalizeVietnamese(line)).toBe(collapse(line.normalize("NFC")));
    }
  });

  test("the letter rewritten in new style normalises back to the letter", () => {
    const newStyle = SEED_LETTER.replace(/ỦY/g, "UỶ")
      .replace(/Ủy/g, "Uỷ")
      .replace(/ủy/g, "uỷ")
      .replace(/hóa/g, "hoá")
      .replace(/HÒA/g, "HOÀ");
    expect(newStyle).not.toBe(SEED_LETTER);
    expect(normalizeVietnamese(newStyle)).toBe(collapse(SEED_LETTER.normalize("NFC")));
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests

const TONES = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];
const INITIALS = [
  "",
  "b",
  "c",
  "ch",
  "d",
  "đ",
  "g",
  "h",
  "kh",
  "l",
  "m",
  "n",
  "ng",
  "nh",
  "ph",
  "s",
  "t",
  "th",
  "tr",
  "v",
  "x",
];
const VIETNAMESE_LETTERS = Array.from(
  "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ" + "bcdghklmnpqrstvx",
);
const ALL_LETTERS = [...VIETNAMESE_LETTERS, ...VIETNAMESE_LETTERS.map((c) => c.toUpperCase())];
const COMBINING = [
  "\u0300",
  "\u0301",
  "\u0302",
  "\u0303",
  "\u0306",
  "\u0309",
  "\u031b",
  "\u0323",
  "\u0340",
  "\u0341",
];
const SPACES = [" ", "  ", "\t", "\n", "\u00a0", "\u200b", "\u200c", "\ufeff", "\u3000", "\u2028"];
const PUNCTUATION = ["-", "–", "—", ",", ".", ";", ":", "&", "/", "(", ")", '"', "'", "%", "0", "1", "9"];

/** Vietnamese-heavy text: letters, loose combining marks, odd spaces, punctuation. */
const vietnameseText = fc.string({
  unit: fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(...ALL_LETTERS) },
    { weight: 2, arbitrary: fc.constantFrom(...COMBINING) },
    { weight: 3, arbitrary: fc.constantFrom(...SPACES) },
    { weight: 2, arbitrary: fc.constantFrom(...PUNCTUATION) },
  ),
  maxLength: 60,
});

const casing = fc.constantFrom("lower", "upper", "title", "random");
function applyCase(word: string, mode: string, seed: number): string {
  if (mode === "lower") return word;
  if (mode === "upper") return word.toUpperCase();
  if (mode === "title") return word.charAt(0).toUpperCase() + word.slice(1);
  return Array.from(word)
    .map((c, i) => ((seed >> i) & 1 ? c.toUpperCase() : c))
    .join("");
}

/** An open oa/oe/uy syllable in both spellings: [traditional, new style]. */
const openRhymeSyllable = fc
  .record({
    initial: fc.constantFrom(...INITIALS),
    rhyme: fc.constantFrom("oa", "oe", "uy"),
    tone: fc.constantFrom(...TONES.slice(1)),
    mode: casing,
    seed: fc.nat(),
  })
  .map(({ initial, rhyme, tone, mode, seed }) => {
    const v1 = rhyme.charAt(0);
    const v2 = rhyme.charAt(1);
    const oldStyle = applyCase((initial + v1 + tone + v2).normalize("NFC"), mode, seed).normalize("NFC");
    const newStyle = applyCase((initial + v1 + v2 + tone).normalize("NFC"), mode, seed).normalize("NFC");
    return [oldStyle, newStyle] as const;
  });

/** Syllables that must never change: closed oa/oe/uy rhymes, qu-/gi- words, plain rhymes. */
const stableSyllable = fc
  .record({
    initial: fc.constantFrom(...INITIALS),
    tone: fc.constantFrom(...TONES),
    // "before tone|after tone": the tone goes where both styles put it
    kind: fc.constantFrom(
      "oa|n",
      "oa|ng",
      "oa|nh",
      "oa|t",
      "oa|ch",
      "oe|n",
      "oe|t",
      "uy|nh",
      "uy|t",
      "uyê|n",
      "oa|i",
      "oa|y",
      "a|",
      "ô|ng",
      "ươ|ng",
    ),
    mode: casing,
    seed: fc.nat(),
  })
  .map(({ initial, tone, kind, mode, seed }) => {
    const [before, after] = kind.split("|");
    return applyCase((initial + before + tone + after).normalize("NFC"), mode, seed).normalize("NFC");
  });

const quGiSyllable = fc
  .record({
    head: fc.constantFrom("qu", "gi", "Qu", "GI"),
    vowel: fc.constantFrom("a", "e", "y", "ê", "ư", "ơ", "o"),
    tone: fc.constantFrom(...TONES),
    tail: fc.constantFrom("", "n", "nh", "a"),
  })
  .map(({ head, vowel, tone, tail }) => (head + vowel + tone + tail).normalize("NFC"));

describe("normalizeVietnamese: properties", () => {
  const inputs = [
    ["Vietnamese-heavy text", vietnameseText],
    ["any Unicode text", fc.string({ unit: "grapheme", maxLength: 40 })],
    ["any code points", fc.string({ unit: "binary", maxLength: 40 })],
  ] as const;

  test.each(inputs)("idempotent on %s", (_name, arb) => {
    fc.assert(
      fc.property(arb, (x) => normalizeVietnamese(normalizeVietnamese(x)) === normalizeVietnamese(x)),
      { numRuns: 500 },
    );
  });

  test.each(inputs)("output is NFC, trimmed, single-spaced on %s", (_name, arb) => {
    fc.assert(
      fc.property(arb, (x) => {
        const out = normalizeVietnamese(x);
        expect(out).toBe(out.normalize("NFC"));
        expect(out).toBe(out.trim());
        expect(out).not.toMatch(/[\s\u0085\u180e\u200b-\u200d\u2060]{2,}/);
        expect(out).not.toMatch(/[\t\n\r\u00a0\u200b-\u200d\u2060\ufeff\u3000\u2028]/);
      }),
      { numRuns: 500 },
    );
  });

  test.each(inputs)("keeps the folded matching key on %s", (_name, arb) => {
    fc.assert(
      fc.property(arb, (x) => foldVietnamese(normalizeVietnamese(x)) === foldVietnamese(x)),
      { numRuns: 500 },
    );
  });

  test("only moves tone marks: letters (with case) are unchanged (text without mark storms)", () => {
    fc.assert(
      fc.property(vietnameseText, (x) => {
        // A storm (5+ marks on one letter once decomposed) is cut to 4 marks: see the storm cases.
        fc.pre(!/\p{M}{5,}/u.test(x.normalize("NFD")));
        expect(withoutTones(normalizeVietnamese(x))).toBe(withoutTones(collapse(x)));
      }),
      { numRuns: 300 },
    );
  });

  test("old- and new-style spellings of an open oa/oe/uy syllable normalise to the old style", () => {
    fc.assert(
      fc.property(openRhymeSyllable, ([oldStyle, newStyle]) => {
        expect(normalizeVietnamese(newStyle)).toBe(oldStyle);
        expect(normalizeVietnamese(oldStyle)).toBe(oldStyle);
        expect(normalizeVietnamese(newStyle.normalize("NFD"))).toBe(oldStyle);
      }),
      { numRuns: 500 },
    );
  });

  test("whole phrases: style and spacing never change the result", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(openRhymeSyllable, stableSyllable), { minLength: 1, maxLength: 6 }),
        fc.array(fc.constantFrom(...SPACES), { minLength: 6, maxLength: 6 }),
        (pairs, spaces) => {
          const oldText = pairs.map(([[o], s]) => `${o} ${s}`).join(" ");
          const newText = pairs
            .map(([[, n], s], i) => `${n}${spaces[i]}${s}`)
            .join(spaces[(pairs.length + 1) % 6]);
          expect(normalizeVietnamese(newText)).toBe(oldText);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("closed rhymes, qu-/gi- words and plain rhymes are left alone", () => {
    fc.assert(
      fc.property(fc.oneof(stableSyllable, quGiSyllable), (word) => {
        expect(normalizeVietnamese(word)).toBe(word);
        expect(normalizeVietnamese(word.normalize("NFD"))).toBe(word);
      }),
      { numRuns: 500 },
    );
  });

  test("letter case commutes with normalisation", () => {
    fc.assert(
      fc.property(vietnameseText, (x) => {
        expect(normalizeVietnamese(x.toUpperCase())).toBe(normalizeVietnamese(x).toUpperCase());
        expect(normalizeVietnamese(x.toLowerCase())).toBe(normalizeVietnamese(x).toLowerCase());
      }),
      { numRuns: 300 },
    );
  });
});
