/**
 * Legacy encodings. The npm package vietnamese-conversion@2.0.0 is used only as an independent
 * ENCODER (Unicode → TCVN3 / VNI), never as the decoder under test. What we learnt about it:
 * - It maps letter by letter, so it keeps whatever tone style came in (no style is forced):
 *   "hoà" → "hoaø", "hòa" → "hoøa". Round trips therefore compare with the NFC original exactly.
 * - It only knows precomposed letters: NFD input passes through unencoded, so we feed it NFC.
 * - VNI: ỷ/ỹ/Ỷ/Ỹ are wrong in its table ("ë", "ì", "Ë", "Ì": the marks of ặ and the letter ì),
 *   e.g. "Mỹ" → "Mì". Real VNI writes "yû", "yõ", "YÛ", "YÕ". `toVniFixed` patches those four.
 * - TCVN3 has no capital letters carrying a tone mark; the package writes them as the capital
 *   base + the small toned letter ("Ủ" → "Uñ", "Ấ" → "¢Ê"), and its own decoder then turns
 *   "¢Ê" into "Âấ". Our decoder reads those pairs back as one capital.
 * - Its VNI decoder breaks ơ/ư with a tone ("Sôû" → "Sơû"); its detectCharset misses most text.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import Papa from "papaparse";
import { detectCharset, toTCVN3, toUnicode, toVNI } from "vietnamese-conversion";
import { decodeLegacyVietnamese, detectLegacyEncoding, normalizeVietnamese } from "../../../src/core/text";

const SHARED = join(__dirname, "..", "..", "..", "..", "shared");
const SEED_LETTER = readFileSync(join(SHARED, "seed", "cong-van-5893-UBND-TTHC.txt"), "utf8").normalize(
  "NFC",
);

function csvRows(file: string): Record<string, string>[] {
  const text = readFileSync(join(SHARED, "data", file), "utf8");
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}
const UNITS = csvRows("quang-ngai-2024-admin-units.csv");
const AGENCIES = csvRows("quang-ngai-2024-agencies.csv");

/** Every unit and agency name of the data files and every non-empty line of the letter, NFC. */
const CORPUS: string[] = [
  ...new Set(
    [
      ...UNITS.flatMap((r) => [r.name, r.full_name]),
      ...AGENCIES.flatMap((r) => [r.name, ...(r.common_abbreviations ?? "").split("|")]),
      ...SEED_LETTER.split(/\r?\n/),
    ]
      .filter((s): s is string => typeof s === "string" && s.trim() !== "")
      .map((s) => s.normalize("NFC")),
  ),
];

const toTcvn3 = (s: string): string => toTCVN3(s.normalize("NFC"), "unicode");
const VNI_FIX: Record<string, string> = { ỷ: "yû", ỹ: "yõ", Ỷ: "YÛ", Ỹ: "YÕ" };
const VNI_PLACEHOLDER: Record<string, string> = { ỷ: "\ue000", ỹ: "\ue001", Ỷ: "\ue002", Ỹ: "\ue003" };
/** npm VNI encoder with its four wrong letters replaced by the real VNI sequences. */
function toVniFixed(s: string): string {
  const marked = s.normalize("NFC").replace(/[ỷỹỶỸ]/g, (c) => VNI_PLACEHOLDER[c]);
  let out = toVNI(marked, "unicode");
  for (const [letter, ph] of Object.entries(VNI_PLACEHOLDER)) out = out.split(ph).join(VNI_FIX[letter]);
  return out;
}

const ENCODERS = { tcvn3: toTcvn3, vni: toVniFixed } as const;
type Legacy = keyof typeof ENCODERS;

/** All 134 Vietnamese letters outside ASCII, small and capital. */
const LETTERS: string[] = (() => {
  const small: string[] = ["đ"];
  for (const base of Array.from("aăâeêioôơuưy")) {
    for (const tone of ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]) {
      const letter = (base + tone).normalize("NFC");
      if (letter.charCodeAt(0) > 0x7f) small.push(letter);
    }
  }
  return [...small, ...small.map((c) => c.toUpperCase())];
})();

// ---------------------------------------------------------------------------------------------

describe("tables against the npm encoder", () => {
  test("there are 134 letters to check", () => {
    expect(LETTERS).toHaveLength(134);
  });

  test.each(LETTERS)("TCVN3 %s", (letter) => {
    const encoded = toTcvn3(letter);
    if (letter !== "ý") expect(encoded).not.toBe(letter); // ý is 0xFD in TCVN3 and in Latin-1
    expect(decodeLegacyVietnamese(encoded, "tcvn3")).toBe(letter);
  });

  test("TCVN3 small letters are single bytes in 0xA1–0xFE, all different", () => {
    const small = LETTERS.filter((c) => c === c.toLowerCase());
    const bytes = small.map(toTcvn3);
    for (const b of bytes) {
      expect(b).toHaveLength(1);
      expect(b.charCodeAt(0)).toBeGreaterThanOrEqual(0xa1);
      expect(b.charCodeAt(0)).toBeLessThanOrEqual(0xfe);
    }
    expect(new Set(bytes).size).toBe(small.length);
  });

  test("TCVN3: bytes the encoder never produces decode to themselves", () => {
    const used = new Set(LETTERS.map(toTcvn3).join(""));
    for (let code = 0xa0; code <= 0xff; code++) {
      const ch = String.fromCharCode(code);
      if (!used.has(ch)) expect(decodeLegacyVietnamese(`a${ch}b`, "tcvn3")).toBe(`a${ch}b`);
    }
  });

  test.each(LETTERS.filter((c) => !/[ỷỹỶỸ]/.test(c)))("VNI %s (npm encoder as is)", (letter) => {
    const encoded = toVNI(letter, "unicode");
    expect(encoded).not.toBe(letter.normalize("NFD"));
    expect(decodeLegacyVietnamese(encoded, "vni")).toBe(letter);
  });

  test.each([
    ["ỷ", "ë", "yû"],
    ["ỹ", "ì", "yõ"],
    ["Ỷ", "Ë", "YÛ"],
    ["Ỹ", "Ì", "YÕ"],
  ])("VNI %s: npm writes %j (wrong), real VNI %j decodes", (letter, npm, real) => {
    expect(toVNI(letter, "unicode")).toBe(npm);
    expect(decodeLegacyVietnamese(real, "vni")).toBe(letter);
    expect(decodeLegacyVietnamese(`M${real.toLowerCase()}`, "vni")).toBe(`M${letter.toLowerCase()}`);
  });

  test.each([
    ["î", "ỵ"],
    ["Î", "Ỵ"],
    ["ñ", "đ"],
    ["Ñ", "Đ"],
    ["ô", "ơ"],
    ["ö", "ư"],
    ["æ", "ỉ"],
    ["ó", "ĩ"],
    ["ò", "ị"],
  ])("VNI single character %s is %s", (vni, letter) => {
    expect(decodeLegacyVietnamese(vni, "vni")).toBe(letter);
  });
});

describe("forced decoding round-trips the whole corpus", () => {
  test.each(["tcvn3", "vni"] as const)("%s: every name and letter line", (enc) => {
    const failures = CORPUS.filter((s) => decodeLegacyVietnamese(ENCODERS[enc](s), enc) !== s);
    expect(failures).toEqual([]);
  });

  test.each(["tcvn3", "vni"] as const)("%s: the whole letter", (enc) => {
    expect(decodeLegacyVietnamese(ENCODERS[enc](SEED_LETTER), enc)).toBe(SEED_LETTER);
  });

  test("new-style input keeps its style; normalizeVietnamese then unifies", () => {
    expect(decodeLegacyVietnamese(toVniFixed("Uỷ ban, hoà"), "vni")).toBe("Uỷ ban, hoà");
    expect(normalizeVietnamese(decodeLegacyVietnamese(toTcvn3("Uỷ ban, hoà"), "tcvn3"))).toBe("Ủy ban, hòa");
  });
});

describe("detection on the corpus", () => {
  const cases = (enc: Legacy) =>
    CORPUS.map((s) => [s, ENCODERS[enc](s)] as const).filter(([s, e]) => e !== s);

  test.each(["tcvn3", "vni"] as const)("%s: never the wrong encoding, exact when detected", (enc) => {
    for (const [original, encoded] of cases(enc)) {
      const detected = detectLegacyEncoding(encoded);
      expect([enc, "unicode"]).toContain(detected);
      if (detected === enc) expect(decodeLegacyVietnamese(encoded)).toBe(original);
      else expect(decodeLegacyVietnamese(encoded)).toBe(encoded);
    }
  });

  test.each([
    ["tcvn3", 0.95],
    ["vni", 0.95],
  ] as const)("%s: at least %p of the encoded names and lines are recognised", (enc, share) => {
    const all = cases(enc);
    const found = all.filter(([, encoded]) => detectLegacyEncoding(encoded) === enc);
    expect(all.length).toBeGreaterThan(300);
    expect(found.length / all.length).toBeGreaterThanOrEqual(share);
  });

  test.each(["tcvn3", "vni"] as const)("%s: every miss has at most two legacy-coded words", (enc) => {
    // A miss is only allowed where there is little evidence: e.g. VNI "Ba Tô" (Ba Tơ) is also
    // valid Unicode, TCVN3 "Phæ" is Phổ but VNI "Phæ" is Phỉ.
    const wellEvidencedMisses = cases(enc)
      .map(([, encoded]) => encoded)
      .filter((encoded) => detectLegacyEncoding(encoded) !== enc)
      .filter(
        (encoded) =>
          (encoded.match(/[A-Za-z\u00a1-\u00ff]*[\u00a1-\u00ff][A-Za-z\u00a1-\u00ff]*/g) ?? []).length > 2,
      );
    expect(wellEvidencedMisses).toEqual([]);
  });

  test.each(["tcvn3", "vni"] as const)("%s: whole documents are recognised", (enc) => {
    const letter = ENCODERS[enc](SEED_LETTER);
    expect(detectLegacyEncoding(letter)).toBe(enc);
    expect(decodeLegacyVietnamese(letter)).toBe(SEED_LETTER);
    const names = UNITS.map((r) => r.full_name.normalize("NFC")).join("\n");
    expect(detectLegacyEncoding(ENCODERS[enc](names))).toBe(enc);
    expect(decodeLegacyVietnamese(ENCODERS[enc](names))).toBe(names);
    const agencyCsv = readFileSync(join(SHARED, "data", "quang-ngai-2024-agencies.csv"), "utf8").normalize(
      "NFC",
    );
    expect(detectLegacyEncoding(ENCODERS[enc](agencyCsv))).toBe(enc);
    expect(decodeLegacyVietnamese(ENCODERS[enc](agencyCsv))).toBe(agencyCsv);
  });

  test.each([
    ["Së Néi vô", "tcvn3", "Sở Nội vụ"],
    ["Sôû Noäi vuï", "vni", "Sở Nội vụ"],
    ["Uû ban nh©n d©n tØnh Qu¶ng Ng·i", "tcvn3", "Uỷ ban nhân dân tỉnh Quảng Ngãi"],
    ["UÛy ban nhaân daân tænh Quaûng Ngaõi", "vni", "Ủy ban nhân dân tỉnh Quảng Ngãi"],
    ["Chñ tÞch UBND tØnh", "tcvn3", "Chủ tịch UBND tỉnh"],
    ["Chuû tòch UBND tænh", "vni", "Chủ tịch UBND tỉnh"],
    ["Së Lao ®éng - Th­¬ng binh vµ X· héi", "tcvn3", "Sở Lao động - Thương binh và Xã hội"],
    ["Sôû Lao ñoäng - Thöông binh vaø Xaõ hoäi", "vni", "Sở Lao động - Thương binh và Xã hội"],
    ["Së NN&PTNT vµ Së KH&§T", "tcvn3", "Sở NN&PTNT và Sở KH&ĐT"],
    ["H§ND tØnh", "tcvn3", "HĐND tỉnh"],
    ["B×nh S¬n", "tcvn3", "Bình Sơn"],
    ["Lý S¬n", "tcvn3", "Lý Sơn"],
    ["Lyù Sôn", "vni", "Lý Sơn"],
    ["Nghóa Haønh", "vni", "Nghĩa Hành"],
    ["®óng tiÕn ®é", "tcvn3", "đúng tiến độ"],
    ["ñuùng tieán ñoä", "vni", "đúng tiến độ"],
    ["Thêi h¹n: 31/12/2024", "tcvn3", "Thời hạn: 31/12/2024"],
    ["Thôøi haïn: 31/12/2024", "vni", "Thời hạn: 31/12/2024"],
    ["Tû lÖ 86,45%", "tcvn3", "Tỷ lệ 86,45%"],
    ["Tyû leä 86,45%", "vni", "Tỷ lệ 86,45%"],
  ])("%s is %s → %s", (text, enc, expected) => {
    expect(detectLegacyEncoding(text)).toBe(enc);
    expect(decodeLegacyVietnamese(text)).toBe(expected);
  });

  // Words that read as Vietnamese in both encodings are not guessed: the text stays as it is, and a
  // caller who knows the file's encoding decodes it with `from`. Found by fast-check ("Ọm" in VNI).
  test.each([
    ["OÏm", "Ọm", "Oẽm"],
    ["OÏn", "Ọn", "Oẽn"],
    ["IØu", "Ìu", "Ỉu"],
  ])("%s (VNI %s, TCVN3 %s) is left as it is", (text, vni, tcvn3) => {
    expect(detectLegacyEncoding(text)).toBe("unicode");
    expect(decodeLegacyVietnamese(text)).toBe(text);
    expect(decodeLegacyVietnamese(text, "vni")).toBe(vni);
    expect(decodeLegacyVietnamese(text, "tcvn3")).toBe(tcvn3);
  });

  test.each([
    ["OÏm Sôû Noäi vuï", "vni", "Ọm Sở Nội vụ"],
    ["IØu Së Néi vô", "tcvn3", "Ỉu Sở Nội vụ"],
  ])("with other words, %s is %s → %s", (text, enc, expected) => {
    expect(detectLegacyEncoding(text)).toBe(enc);
    expect(decodeLegacyVietnamese(text)).toBe(expected);
  });

  test("the npm package's own VNI decoder and detector are not usable (why we have our own)", () => {
    expect(toUnicode("Sôû Noäi vuï", "vni")).toBe("Sơû Nội vụ");
    expect(decodeLegacyVietnamese("Sôû Noäi vuï")).toBe("Sở Nội vụ");
    expect(detectCharset("Së Néi vô")).not.toBe("tcvn3");
  });
});

describe("TCVN3 capitals", () => {
  test.each([
    // converter style: capital base + small toned letter
    ["UñY BAN NH¢N D¢N TIØNH", "ỦY BAN NHÂN DÂN TỈNH"],
    ["Uñy ban", "Ủy ban"],
    ["¢Ên §«ng", "Ấn Đông"],
    // typed in the all-caps font .VnTimeH: toned letters arrive as small codes
    ["ñY BAN NH¢N D¢N TØNH QU¶NG NG·I", "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"],
    ["CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["KT. CHñ TÞCH", "KT. CHỦ TỊCH"],
    ["CHñ", "CHỦ"],
    ["THñ TR¦ëNG", "THỦ TRƯỞNG"],
    // a capital followed by small letters stays a capitalised word
    ["Sè: 5893/UBND-TTHC", "Số: 5893/UBND-TTHC"],
    ["§ç V¨n Hïng", "Đỗ Văn Hùng"],
    ["Tû lÖ", "Tỷ lệ"],
  ])("%s → %s", (text, expected) => {
    expect(decodeLegacyVietnamese(text, "tcvn3")).toBe(expected);
  });
});

describe("Windows-1252 and ISO-8859-1 readings", () => {
  /**
   * Windows-1252 for 0x80–0x9F (WHATWG index; 81 8D 8F 90 9D undefined). Written out because
   * Node 20's TextDecoder("windows-1252") silently drops these bytes.
   */
  const CP1252: Record<number, number> = {
    0x80: 0x20ac,
    0x82: 0x201a,
    0x83: 0x0192,
    0x84: 0x201e,
    0x85: 0x2026,
    0x86: 0x2020,
    0x87: 0x2021,
    0x88: 0x02c6,
    0x89: 0x2030,
    0x8a: 0x0160,
    0x8b: 0x2039,
    0x8c: 0x0152,
    0x8e: 0x017d,
    0x91: 0x2018,
    0x92: 0x2019,
    0x93: 0x201c,
    0x94: 0x201d,
    0x95: 0x2022,
    0x96: 0x2013,
    0x97: 0x2014,
    0x98: 0x02dc,
    0x99: 0x2122,
    0x9a: 0x0161,
    0x9b: 0x203a,
    0x9c: 0x0153,
    0x9e: 0x017e,
    0x9f: 0x0178,
  };
  const readCp1252 = (bytes: Buffer): string =>
    Array.from(bytes, (b) => String.fromCharCode(CP1252[b] ?? b)).join("");

  /** The same bytes as a CSV reader would show them with either code page. */
  function readings(legacyText: string, extraBytes: number[]): [string, string] {
    const bytes = Buffer.concat([Buffer.from(legacyText, "latin1"), Buffer.from(extraBytes)]);
    return [readCp1252(bytes), bytes.toString("latin1")];
  }

  test("“quoted” TCVN3 text with an en dash decodes the same from both readings", () => {
    const [cp1252, iso] = readings("Së Néi vô ", [0x93, 0x48, 0xb5, 0x94, 0x20, 0x96, 0x20, 0x85]);
    expect(cp1252).toBe("Së Néi vô “Hµ” – …");
    expect(iso).toBe("Së Néi vô \u0093Hµ\u0094 \u0096 \u0085");
    for (const text of [cp1252, iso]) {
      expect(detectLegacyEncoding(text)).toBe("tcvn3");
      expect(decodeLegacyVietnamese(text)).toBe("Sở Nội vụ “Hà” – …");
    }
  });

  test("VNI text with C1 controls", () => {
    const [cp1252, iso] = readings("Sôû Noäi vuï ", [0x96, 0x20, 0x91, 0x54, 0x92]);
    for (const text of [cp1252, iso]) {
      expect(detectLegacyEncoding(text)).toBe("vni");
      expect(decodeLegacyVietnamese(text)).toBe("Sở Nội vụ – ‘T’");
    }
  });

  test("every C1 control becomes what Windows-1252 shows for that byte", () => {
    for (let byte = 0x80; byte <= 0x9f; byte++) {
      const expected = readCp1252(Buffer.from([byte]));
      const decoded = decodeLegacyVietnamese(`Së Néi vô ${String.fromCharCode(byte)}`);
      expect(decoded).toBe(`Sở Nội vụ ${expected}`);
    }
  });

  test("Unicode text keeps its C1 controls untouched", () => {
    expect(decodeLegacyVietnamese("Sở Nội vụ \u0093x\u0094")).toBe("Sở Nội vụ \u0093x\u0094");
  });
});

describe("plain Unicode is never misdetected", () => {
  const WESTERN = [
    "café",
    "Café crème",
    "crème brûlée",
    "naïve résumé",
    "déjà vu",
    "à la carte",
    "tête-à-tête",
    "Il l'a dû",
    "Où est la gare ?",
    "C'est sûr, c'est tôt",
    "Noël à Zoë",
    "Loïc et Anaïs",
    "Caïn",
    "goût, août, coûter",
    "Hôtel-Dieu",
    "Crêpes Suzette",
    "forêt, fenêtre, hôpital",
    "français, garçon, façade",
    "Müller-Lüdenscheidt",
    "Größe, Straße, Fuß",
    "für, über, schön, grün",
    "Ärger, Öl, Übung",
    "Zürich, Köln, Düsseldorf",
    "São Paulo",
    "mãe, pão, não, irmã",
    "Minha mãe",
    "você está",
    "años, niño, señor, piñata",
    "aún no",
    "Raúl, Saúl, baúl",
    "¿Qué pasa? ¡Hola!",
    "José Martí",
    "Bogotá, Perú, Panamá",
    "più, può, così, perché, città",
    "Ångström, Malmö, Åland",
    "søn, fløde, Ærø",
    "Þór, Ísland",
    "Citroën, Curaçao",
    "Dvořák",
    "5 µm",
    "10 µg/ml",
    "25°C",
    "± 5%",
    "½ kg, ¼ h, ¾",
    "© 2024 Microsoft®",
    "§ 3 Abs. 2, §§ 5-7",
    "Mª José, Dª Ana",
    "Mª Ana\nMª Luisa\nMª Pilar\nMª Carmen",
    "dû dû dû",
    "1º, 2ª",
    "£100, ¥500, €20",
    "x² + y³",
    "3 × 4 ÷ 2",
    "« guillemets »",
    "col·legi, l·l",
    "Straße ß",
    "Æble, Œuvre",
    "https://example.com/ä?x=1&y=é",
    "nguyen.van.a@example.com",
    "31/12/2024",
    "86,45%",
    "45292",
    "Hello world",
    "The quick brown fox jumps over the lazy dog.",
  ];

  test.each(WESTERN)("%s", (text) => {
    expect(detectLegacyEncoding(text)).toBe("unicode");
    expect(decodeLegacyVietnamese(text)).toBe(text);
    expect(detectLegacyEncoding(text.normalize("NFD"))).toBe("unicode");
  });

  test.each(CORPUS)("Vietnamese Unicode: %s", (text) => {
    expect(detectLegacyEncoding(text)).toBe("unicode");
    expect(decodeLegacyVietnamese(text)).toBe(text);
    expect(decodeLegacyVietnamese(text.normalize("NFD"))).toBe(text.normalize("NFD"));
  });

  test.each([
    // Vietnamese whose letters all happen to be Latin-1: must stay Unicode
    "Tân Hòa",
    "Hòa Bình",
    "Bình Châu",
    "Cà Mau",
    "Tây Ninh",
    "Thành phố",
    "Bình Son",
    "Tô Hiên Thành",
    "Sè",
    "tôt",
    "thé",
  ])("Latin-1-only Vietnamese-looking text %s", (text) => {
    expect(detectLegacyEncoding(text)).toBe("unicode");
  });

  test.each(UNITS.map((r) => r.name_ascii).filter(Boolean))("ASCII name %s", (text) => {
    expect(detectLegacyEncoding(text)).toBe("unicode");
    expect(decodeLegacyVietnamese(text)).toBe(text);
  });
});

describe("never throws", () => {
  test.each([null, undefined, 42, {}, Symbol.for("x")])("non-string %p", (value) => {
    expect(detectLegacyEncoding(value as unknown as string)).toBe("unicode");
    expect(decodeLegacyVietnamese(value as unknown as string)).toBe("");
  });

  test.each(["", " ", "\u00a0", "©", "ë", "\ud800", "Së\ud800"])("odd input %j", (text) => {
    expect(() => detectLegacyEncoding(text)).not.toThrow();
    expect(typeof decodeLegacyVietnamese(text)).toBe("string");
    expect(typeof decodeLegacyVietnamese(text, "tcvn3")).toBe("string");
    expect(typeof decodeLegacyVietnamese(text, "vni")).toBe("string");
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests

const INITIALS = [
  "",
  "b",
  "c",
  "ch",
  "d",
  "đ",
  "g",
  "gh",
  "gi",
  "h",
  "k",
  "kh",
  "l",
  "m",
  "n",
  "ng",
  "ngh",
  "nh",
  "ph",
  "qu",
  "s",
  "t",
  "th",
  "tr",
  "v",
  "x",
];
const OPEN_RHYMES = (
  "a ai am an ang anh ao au ay ăm ăn ăng âm ân âng âu ây e em en eo ê êm ên ênh êu i ia im in inh iu " +
  "iêm iên iêng iêu o oi om on ong ô ôi ôm ôn ông ơ ơi ơm ơn u ua ui um un ung uôi uôm uôn uông ư ưa ưi " +
  "ưng ươi ươm ươn ương ưu oa oai oan oang oanh oe uân uy uyên uynh"
).split(" ");
const CHECKED_RHYMES = (
  "ac ach ap at ăc ăp ăt âc âp ât ec ep et êch êp êt ich ip it iêc iêp iêt oc op ot ôc ôp ôt ơp ơt " +
  "uc up ut uôc uôt ưc ưt ươc ươp ươt oac oach oat uât uyêt uyt"
).split(" ");
const TONES = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];

/** Spelling rules: c/k, g/gh, ng/ngh, qu-, gi-. */
function spellingOk(initial: string, rhyme: string): boolean {
  const front = /^[eêiy]/.test(rhyme);
  if (initial === "c" || initial === "g" || initial === "ng") return !front;
  if (initial === "k") return front;
  if (initial === "gh" || initial === "ngh") return /^[eêi]/.test(rhyme);
  if (initial === "qu") return !/^[uưoôơi]/.test(rhyme);
  if (initial === "gi") return !/^[iy]/.test(rhyme);
  return true;
}

/** Puts the tone on the main vowel (closed oa/oe/uy on the second vowel). */
function placeTone(rhyme: string, tone: string): string {
  const chars = Array.from(rhyme);
  const vowels = chars.flatMap((c, i) => ("aăâeêioôơuưy".includes(c) ? [i] : []));
  const marked = vowels.filter((i) => "ăâêôơư".includes(chars[i]));
  let at = vowels[0];
  if (marked.length > 0) at = marked[marked.length - 1];
  else if (vowels.length > 1 && vowels[vowels.length - 1] < chars.length - 1) at = vowels[vowels.length - 1];
  else if (vowels.length === 3) at = vowels[1];
  chars[at] += tone;
  return chars.join("").normalize("NFC");
}

const syllable = fc
  .oneof(
    fc.tuple(fc.constantFrom(...INITIALS), fc.constantFrom(...OPEN_RHYMES), fc.constantFrom(...TONES)),
    fc.tuple(
      fc.constantFrom(...INITIALS),
      fc.constantFrom(...CHECKED_RHYMES),
      fc.constantFrom("\u0301", "\u0323"),
    ),
  )
  .filter(([initial, rhyme]) => spellingOk(initial, rhyme))
  .chain(([initial, rhyme, tone]) =>
    fc.boolean().map((capital) => {
      const word = initial + placeTone(rhyme, tone);
      return capital ? word.charAt(0).toUpperCase() + word.slice(1) : word;
    }),
  );

const phrase = (min: number, max: number) =>
  fc
    .tuple(
      fc.array(syllable, { minLength: min, maxLength: max }),
      fc.array(fc.constantFrom(" ", " ", " ", ", ", " - ", ". ", ": ", " 2024 "), {
        minLength: max,
        maxLength: max,
      }),
    )
    .map(([words, seps]) => words.map((w, i) => (i === 0 ? w : seps[i] + w)).join(""));

/** Strings made of what legacy text is made of: ASCII, Latin-1, Windows-1252 punctuation. */
const eightBit = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    fc.integer({ min: 0x80, max: 0xff }).map((c) => String.fromCharCode(c)),
    fc.constantFrom("“", "”", "–", "…", "€", "™"),
  ),
  maxLength: 40,
});

describe("properties", () => {
  test.each([
    ["any code points", fc.string({ unit: "binary", maxLength: 60 })],
    ["any graphemes", fc.string({ unit: "grapheme", maxLength: 30 })],
    ["8-bit text", eightBit],
  ] as const)("detect and decode never throw on %s; Unicode passes through", (_name, arb) => {
    fc.assert(
      fc.property(arb, (x) => {
        const detected = detectLegacyEncoding(x);
        expect(["unicode", "tcvn3", "vni"]).toContain(detected);
        const decoded = decodeLegacyVietnamese(x);
        expect(typeof decoded).toBe("string");
        if (detected === "unicode") expect(decoded).toBe(x);
        else expect(decoded).toBe(decoded.normalize("NFC"));
        expect(typeof decodeLegacyVietnamese(x, "tcvn3")).toBe("string");
        expect(typeof decodeLegacyVietnamese(x, "vni")).toBe("string");
      }),
      { numRuns: 300 },
    );
  });

  test("text with a character no 8-bit code page has is always Unicode", () => {
    fc.assert(
      fc.property(
        eightBit,
        fc.constantFrom("ơ", "ư", "đ", "ạ", "\u0301", "→", "中", "😀"),
        eightBit,
        (a, c, b) => {
          const x = a + c + b;
          expect(detectLegacyEncoding(x)).toBe("unicode");
          expect(decodeLegacyVietnamese(x)).toBe(x);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("Vietnamese Unicode phrases are detected as Unicode and unchanged", () => {
    fc.assert(
      fc.property(phrase(1, 12), (x) => {
        expect(detectLegacyEncoding(x)).toBe("unicode");
        expect(decodeLegacyVietnamese(x)).toBe(x);
      }),
      { numRuns: 500 },
    );
  });

  test("Vietnamese phrases whose letters are all Latin-1 are still Unicode", () => {
    const latin1Phrase = phrase(1, 8).filter(
      (x) => /^[\u0000-\u00ff]*$/.test(x) && /[\u00c0-\u00ff]/.test(x),
    );
    fc.assert(
      fc.property(latin1Phrase, (x) => {
        expect(detectLegacyEncoding(x)).toBe("unicode");
      }),
      { numRuns: 300 },
    );
  });

  test.each(["tcvn3", "vni"] as const)("%s phrases: forced decode is exact, detection never wrong", (enc) => {
    fc.assert(
      fc.property(phrase(1, 12), (x) => {
        const encoded = ENCODERS[enc](x);
        expect(decodeLegacyVietnamese(encoded, enc)).toBe(x);
        const detected = detectLegacyEncoding(encoded);
        if (encoded === x) expect(detected).toBe("unicode");
        else expect([enc, "unicode"]).toContain(detected);
        if (detected === enc) expect(decodeLegacyVietnamese(encoded)).toBe(x);
      }),
      { numRuns: 500 },
    );
  });

  test.each([
    ["tcvn3", 3, 0.97],
    ["tcvn3", 6, 0.995],
    ["vni", 3, 0.97],
    ["vni", 6, 0.995],
  ] as const)("%s: phrases of %i syllables are recognised at least %p of the time", (enc, n, share) => {
    // Deterministic sample (fixed seed): a recall measurement, not a random pass/fail.
    const samples = fc.sample(phrase(n, n), { numRuns: 2000, seed: 20241031 });
    const encoded = samples.map((x) => ENCODERS[enc](x)).filter((e, i) => e !== samples[i]);
    const found = encoded.filter((e) => detectLegacyEncoding(e) === enc).length;
    expect(encoded.length).toBeGreaterThan(1900);
    expect(found / encoded.length).toBeGreaterThanOrEqual(share);
  });
});
