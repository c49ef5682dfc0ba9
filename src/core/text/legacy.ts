/**
 * Legacy 8-bit Vietnamese encodings (bảng mã cũ): detection and conversion to Unicode NFC.
 *
 * - TCVN3 (ABC; fonts .VnTime, .VnArial): one byte per Vietnamese letter in 0xA1–0xFE. Read as
 *   Latin-1/Windows-1252 the text shows mojibake: "Sở Nội vụ" → "Së Néi vô". The standard has no
 *   upper-case letters carrying a tone mark (documents used the all-caps fonts .VnTimeH etc.),
 *   so those are rebuilt by two rules, see `decodeTcvn3`.
 * - VNI (VNI-Windows; fonts VNI-Times): a base letter followed by a separate mark character,
 *   "Sở Nội vụ" → "Sôû Noäi vuï"; i with a tone, ơ, ư, đ and ỵ are single characters.
 *
 * The bytes 0x80–0x9F carry no Vietnamese letter in either encoding. Read as Windows-1252 they are
 * punctuation (“ ” – … €), read as ISO-8859-1 they are C1 controls; both are accepted, and the
 * decoder turns C1 controls into the Windows-1252 punctuation the Windows document meant.
 *
 * Detection is conservative: a text is only called legacy when decoding turns words that are not
 * Vietnamese into well-formed Vietnamese syllables, with enough evidence (see `charWeight` and
 * `qualifies`); if both encodings qualify, the one with more evidence wins, a tie is "unicode".
 * Vietnamese Unicode, English, French/German/Spanish words, numbers, dates and URLs stay
 * "unicode". A single short word ("Së" = "Sở") is not enough evidence; decode it with an explicit
 * encoding when the file's encoding is known from elsewhere.
 *
 * Pure: no Node, DOM or Office APIs. Never throws.
 */

export type TextEncoding = "unicode" | "tcvn3" | "vni";
export type LegacyEncoding = Exclude<TextEncoding, "unicode">;

// ---------------------------------------------------------------------------------------------
// Tables

/**
 * TCVN3 byte → Unicode letter, as runs of consecutive bytes. Tones within a vowel follow the
 * TCVN3 order grave, hook, tilde, acute, dot (à ả ã á ạ).
 */
const TCVN3_RUNS: ReadonlyArray<readonly [number, string]> = [
  [0xa1, "ĂÂÊÔƠƯĐăâêôơưđ"],
  [0xb5, "àảãáạ"],
  [0xbb, "ằẳẵắ"],
  [0xc6, "ặầẩẫấậè"],
  [0xce, "ẻẽéẹềểễếệìỉ"],
  [0xdc, "ĩíịò"],
  [0xe1, "ỏõóọồổỗốộờởỡớợù"],
  [0xf1, "ủũúụừửữứựỳỷỹýỵ"],
];

const TCVN3: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [start, letters] of TCVN3_RUNS) {
    Array.from(letters).forEach((letter, i) => map.set(String.fromCharCode(start + i), letter));
  }
  return map;
})();

/** VNI single characters that are whole letters. */
const VNI_LETTERS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    ô: "ơ",
    Ô: "Ơ",
    ö: "ư",
    Ö: "Ư",
    ñ: "đ",
    Ñ: "Đ",
    í: "í",
    Í: "Í",
    ì: "ì",
    Ì: "Ì",
    æ: "ỉ",
    Æ: "Ỉ",
    ó: "ĩ",
    Ó: "Ĩ",
    ò: "ị",
    Ò: "Ị",
    î: "ỵ",
    Î: "Ỵ",
  }),
);

const GRAVE = "\u0300";
const ACUTE = "\u0301";
const TILDE = "\u0303";
const HOOK = "\u0309";
const DOT = "\u0323";
const CIRCUMFLEX = "\u0302";
const BREVE = "\u0306";

interface VniMark {
  /** Vowel-quality mark: circumflex (a/e/o only) or breve (a only). */
  readonly quality: "" | typeof CIRCUMFLEX | typeof BREVE;
  readonly tone: string;
  /** Rarely follows a vowel in Western European text: stronger evidence for VNI. */
  readonly strong: boolean;
}

/** VNI mark characters (lower- and upper-case glyph variants), each following its vowel. */
const VNI_MARKS: ReadonlyMap<string, VniMark> = (() => {
  const rows: Array<[string, VniMark["quality"], string, boolean]> = [
    ["ùÙ", "", ACUTE, true],
    ["øØ", "", GRAVE, true],
    ["ûÛ", "", HOOK, true],
    ["õÕ", "", TILDE, true],
    ["ïÏ", "", DOT, false], // naïf, Loïc
    ["âÂ", CIRCUMFLEX, "", true],
    ["áÁ", CIRCUMFLEX, ACUTE, true],
    ["àÀ", CIRCUMFLEX, GRAVE, true],
    ["åÅ", CIRCUMFLEX, HOOK, true],
    ["ãÃ", CIRCUMFLEX, TILDE, true],
    ["äÄ", CIRCUMFLEX, DOT, true],
    ["êÊ", BREVE, "", true],
    ["éÉ", BREVE, ACUTE, false], // poésie, aéroport
    ["èÈ", BREVE, GRAVE, false],
    ["úÚ", BREVE, HOOK, false], // aún, Raúl
    ["üÜ", BREVE, TILDE, false],
    ["ëË", BREVE, DOT, false], // Noël, Raphaël
  ];
  const map = new Map<string, VniMark>();
  for (const [chars, quality, tone, strong] of rows) {
    for (const ch of chars) map.set(ch, { quality, tone, strong });
  }
  return map;
})();

/** Letters that can carry a VNI mark, mapped to the Unicode base letter. */
const VNI_BASES: ReadonlyMap<string, string> = new Map(
  [..."aeiouyAEIOUY"]
    .map((c): [string, string] => [c, c])
    .concat([
      ["ô", "ơ"],
      ["Ô", "Ơ"],
      ["ö", "ư"],
      ["Ö", "Ư"],
    ]),
);

/** Windows-1252 meaning of the bytes 0x80–0x9F (undefined bytes are absent). */
const CP1252_C1: ReadonlyMap<string, string> = (() => {
  const chars = "€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ";
  const map = new Map<string, string>();
  Array.from(chars).forEach((ch, i) => {
    if (ch !== "\0") map.set(String.fromCharCode(0x80 + i), ch);
  });
  return map;
})();

const CP1252_EXTRAS = [...CP1252_C1.values()].join("");

/** A character that neither Latin-1 nor Windows-1252 can show: the text is real Unicode. */
const BEYOND_8_BIT = new RegExp(`[^\\u0000-\\u00ff${CP1252_EXTRAS}]`, "u");
/** Words as the legacy text shows them: ASCII letters and everything in 0xA1–0xFF. */
const LEGACY_WORD = /[A-Za-z\u00a1-\u00ff]+/g;
const HIGH = /[\u00a1-\u00ff]/;

// ---------------------------------------------------------------------------------------------
// Decoders

function decodeC1(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1.get(c) ?? c);
}

/** Unicode letter without its tone: "ấ" → "â", "Ỷ" → "Y". */
function stripTone(letter: string): string {
  return letter
    .normalize("NFD")
    .replace(/[\u0300\u0301\u0303\u0309\u0323]/g, "")
    .normalize("NFC");
}

const UPPER_BASES = "AĂÂEÊIOÔƠUƯY";

/**
 * TCVN3 → Unicode, character by character, plus the two upper-case rules:
 * 1. An upper-case vowel followed by the same vowel with a tone ("Uñ" = "U"+"ủ", "¢Ê" = "Â"+"ấ")
 *    is one upper-case toned letter ("Ủ", "Ấ"). Vietnamese never doubles these vowels, and this
 *    is how converters (the npm package vietnamese-conversion among them) write capitals TCVN3
 *    lacks.
 * 2. In an all-caps word typed in an all-caps font (.VnTimeH) the toned letters arrive as their
 *    lower-case codes: "TØNH", "ñY", "HµNH". A word with no lower-case ASCII letter and either two
 *    capitals or a capital after a small letter is upper-cased whole; so is a short word like
 *    "X·" next to such a word ("X· HéI" → "XÃ HỘI"). "Sè" ("Số") and "§ç" ("Đỗ") on their own,
 *    or next to plain abbreviations ("Sè: 5893/UBND"), read as capitalised words and stay.
 */
function decodeTcvn3(text: string): string {
  let out = "";
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const letter = TCVN3.get(ch) ?? ch;
    const next = i + 1 < chars.length ? TCVN3.get(chars[i + 1]) : undefined;
    if (next !== undefined && UPPER_BASES.includes(letter) && next !== stripTone(next)) {
      if (stripTone(next).toUpperCase() === letter) {
        out += next.toUpperCase();
        i++;
        continue;
      }
    }
    out += letter;
  }
  return out
    .split(/(\r\n|\r|\n)/)
    .map(upperCaseAllCapsWords)
    .join("");
}

function upperCaseAllCapsWords(line: string): string {
  const parts = line.split(/(\p{L}+)/u); // odd indices are words
  const shouted = parts.map((part, i) => {
    if (i % 2 === 0 || /[a-z]/.test(part) || !/\p{Ll}/u.test(part)) return false;
    const capitals = part.match(/\p{Lu}/gu)?.length ?? 0;
    return capitals >= 2 || /\p{Ll}\p{Lu}/u.test(part);
  });
  return parts
    .map((part, i) => {
      if (i % 2 === 0 || /[a-z]/.test(part)) return part;
      const nextToShouted = shouted[i - 2] === true || shouted[i + 2] === true;
      return shouted[i] || (nextToShouted && /\p{Lu}/u.test(part)) ? part.toUpperCase() : part;
    })
    .join("");
}

/** VNI → Unicode. A mark that cannot sit on the letter before it is kept as it is. */
function decodeVni(text: string): string {
  let out = "";
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const base = VNI_BASES.get(ch);
    const mark = i + 1 < chars.length ? VNI_MARKS.get(chars[i + 1]) : undefined;
    if (base !== undefined && mark !== undefined && vniMarkFits(base, mark)) {
      out += (base + mark.quality + mark.tone).normalize("NFC");
      i++;
      continue;
    }
    out += VNI_LETTERS.get(ch) ?? ch;
  }
  return out;
}

function vniMarkFits(base: string, mark: VniMark): boolean {
  const lower = base.toLowerCase();
  if (mark.quality === BREVE) return lower === "a";
  if (mark.quality === CIRCUMFLEX) return lower === "a" || lower === "e" || lower === "o";
  return true; // a tone alone fits every vowel, ơ and ư included
}

const DECODERS: Readonly<Record<LegacyEncoding, (text: string) => string>> = {
  tcvn3: decodeTcvn3,
  vni: decodeVni,
};

// ---------------------------------------------------------------------------------------------
// Vietnamese syllable check (used only to weigh the evidence for an encoding)

const VOWELS = "aăâeêioôơuưy";
const FINALS = new Set(["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]);
const INITIALS = [
  "ngh",
  "ng",
  "nh",
  "ch",
  "gh",
  "gi",
  "kh",
  "ph",
  "qu",
  "th",
  "tr",
  "b",
  "c",
  "d",
  "đ",
  "g",
  "h",
  "k",
  "l",
  "m",
  "n",
  "p",
  "r",
  "s",
  "t",
  "v",
  "x",
  "",
];
/** The rhymes (vần) of standard Vietnamese, without tone. */
const RHYMES = new Set(
  `a ac ach ai am an ang anh ao ap at au ay ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây
   e ec em en eng eo ep et ê êch êm ên ênh êp êt êu
   i ia ich iêc iêm iên iêng iêp iêt iêu im in inh ip it iu
   o oc oi om on ong op ot ooc oong ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt
   u ua uc ui um un ung up ut uôc uôi uôm uôn uông uôt
   ư ưa ưc ưi ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
   y yêm yên yêt yêu
   oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oem oen oeo oet
   uân uâng uât uây uê uêch uênh uơ uy uya uych uyên uyêt uyn uynh uyp uyt uyu`.split(/\s+/),
);
const TONES: Record<string, string> = {
  [GRAVE]: "grave",
  [ACUTE]: "acute",
  [TILDE]: "tilde",
  [HOOK]: "hook",
  [DOT]: "dot",
};

interface Parsed {
  /** Lower-case letters without tone, NFC. */
  letters: string[];
  /** Index into `letters` of the letter carrying the tone, or -1. */
  toneAt: number;
  tone: string;
}

function parseLetters(word: string): Parsed | null {
  const letters: string[] = [];
  let toneAt = -1;
  let tone = "";
  for (const ch of word.toLowerCase().normalize("NFD")) {
    if (TONES[ch] !== undefined) {
      if (toneAt !== -1 || letters.length === 0) return null;
      toneAt = letters.length - 1;
      tone = TONES[ch];
    } else if (ch === CIRCUMFLEX || ch === BREVE || ch === "\u031b") {
      if (letters.length === 0) return null;
      letters[letters.length - 1] = (letters[letters.length - 1] + ch).normalize("NFC");
    } else {
      letters.push(ch);
    }
  }
  return { letters, toneAt, tone };
}

/** Where the tone of a vowel cluster may sit (indices into the cluster). */
function tonePositions(cluster: string, closed: boolean): number[] {
  const chars = Array.from(cluster);
  if (chars.length === 1) return [0];
  let quality = -1;
  chars.forEach((c, i) => {
    if ("ăâêôơư".includes(c)) quality = i;
  });
  if (quality !== -1) return [quality];
  if (closed) return [chars.length - 1];
  if (chars.length === 3) return [1];
  return cluster === "oa" || cluster === "oe" || cluster === "uy" ? [0, 1] : [0];
}

/**
 * Is `word` one well-formed Vietnamese syllable: initial, rhyme, c/k/g/gh/ng/ngh/qu spelling,
 * the tone on the main vowel (either style for open oa/oe/uy), no capital after a small letter?
 * `strict` adds "only sắc/nặng before p/t/c/ch". The lenient form judges the text as it stands,
 * so that a word that could be real Unicode ("tôt") is not counted as garbage.
 */
function isVietnameseSyllable(word: string, strict: boolean): boolean {
  if (/\p{Ll}\p{Lu}/u.test(word)) return false;
  const parsed = parseLetters(word);
  if (parsed === null || parsed.letters.length === 0) return false;
  const { letters, toneAt, tone } = parsed;
  const text = letters.join("");
  if (!/^[a-zđăâêôơư]+$/.test(text)) return false;
  for (const initial of INITIALS) {
    if (!text.startsWith(initial)) continue;
    const rest = letters.slice(Array.from(initial).length);
    let n = 0;
    while (n < rest.length && VOWELS.includes(rest[n])) n++;
    if (n === 0) continue;
    const cluster = rest.slice(0, n).join("");
    const final = rest.slice(n).join("");
    if (!FINALS.has(final)) continue;
    const rhyme = cluster + final;
    if (initial === "qu") {
      if (/^[uưo]/.test(rhyme) || !(RHYMES.has(rhyme) || RHYMES.has("u" + rhyme))) continue;
    } else if (initial === "gi") {
      if (!RHYMES.has(rhyme) || rhyme.startsWith("i")) continue;
    } else if (!RHYMES.has(rhyme)) {
      continue;
    }
    const first = rest[0];
    if (initial === "c" && "eêiy".includes(first)) continue;
    if (initial === "k" && !"eêiy".includes(first)) continue;
    if ((initial === "gh" || initial === "ngh") && !"eêi".includes(first)) continue;
    if ((initial === "g" || initial === "ng") && "eê".includes(first)) continue;
    if (initial === "ng" && first === "i") continue;
    if (rhyme.startsWith("yê") && initial !== "" && initial !== "qu") continue;
    if (toneAt !== -1) {
      const offset = Array.from(initial).length;
      if (!tonePositions(cluster, final !== "").includes(toneAt - offset)) continue;
    }
    if (strict && /^(c|ch|p|t)$/.test(final) && tone !== "acute" && tone !== "dot") continue;
    return true;
  }
  return false;
}

/** Upper-case abbreviations written without tone marks: HĐND, UBND, TTHC (not "ĐĐ" from "§§"). */
function isAbbreviation(word: string): boolean {
  return /^[A-ZĐ]{2,}$/.test(word) && /[A-Z]/.test(word);
}

// ---------------------------------------------------------------------------------------------
// Detection

interface Score {
  /** Words that only read as Vietnamese after decoding. */
  gained: number;
  /** Words that read as Vietnamese only before decoding. */
  lost: number;
  /** Words that read as Vietnamese after decoding. */
  valid: number;
  /** Weighted evidence from the distinct gained words. */
  evidence: number;
  /** The distinct gained words. */
  gainedWords: Set<string>;
}

/**
 * How strongly one legacy character of a word that decoding turned into Vietnamese speaks for the
 * encoding: 2 when Western European text would hardly have it there, else 1.
 * TCVN3: a symbol (¸ µ ¶ · ¹ ¬ « © ×…; not a closing ordinal "ª", nor "µ" opening "µm"),
 * a capital inside a word next to a small letter ("viÖc", "tÕ", "BÝch"), or, in a word of 3+ characters, a
 * letter that decodes beyond Latin-1 ("Phæ" → "Phổ"; "mãe" → "móe" stays 1).
 * VNI: in a word of 3+ characters, a mark after a vowel that Western words rarely have there
 * ("oä", "ôû", "yù", "aõ"), or one of the others (ï é è ú ü ë, as in "naïf", "aún") in a word
 * of 5+ characters; or a single-character letter that decodes beyond Latin-1 ("Tònh" → "Tịnh").
 */
function charWeight(encoding: LegacyEncoding, word: string, i: number): number {
  const chars = Array.from(word);
  const ch = chars[i];
  const beyondLatin1 = (decoded: string | undefined): boolean =>
    decoded !== undefined && decoded.charCodeAt(0) > 0xff;
  if (encoding === "tcvn3") {
    const code = ch.charCodeAt(0);
    const symbol = (code >= 0xa1 && code <= 0xbf) || ch === "×" || ch === "÷";
    const ordinal = ch === "ª" && i === chars.length - 1; // "Mª", "1ª"
    const unitPrefix = ch === "µ" && i === 0; // "µm", "µg"
    const capitalInside =
      i > 0 && /\p{Lu}/u.test(ch) && (/\p{Ll}/u.test(chars[i - 1]) || /\p{Ll}/u.test(chars[i + 1] ?? ""));
    if ((symbol && !unitPrefix && !ordinal) || capitalInside) return 2;
    return chars.length >= 3 && beyondLatin1(TCVN3.get(ch)) ? 2 : 1;
  }
  const mark = VNI_MARKS.get(ch);
  if (mark !== undefined && i > 0 && VNI_BASES.has(chars[i - 1])) {
    return chars.length >= (mark.strong ? 3 : 5) ? 2 : 1;
  }
  return chars.length >= 3 && beyondLatin1(VNI_LETTERS.get(ch)) ? 2 : 1;
}

/** `words` maps each distinct word (2+ characters, one of them in 0xA1–0xFF) to its count. */
function scoreEncoding(encoding: LegacyEncoding, words: ReadonlyMap<string, number>): Score {
  const score: Score = { gained: 0, lost: 0, valid: 0, evidence: 0, gainedWords: new Set() };
  for (const [word, count] of words) {
    const before = isVietnameseSyllable(word, false);
    const decoded = DECODERS[encoding](word);
    const after = isVietnameseSyllable(decoded, true) || isAbbreviation(decoded);
    if (after) score.valid += count;
    if (before && !after) score.lost += count;
    if (!before && after) {
      score.gained += count;
      score.gainedWords.add(word);
      Array.from(word).forEach((ch, i) => {
        // Evidence counts distinct words: "Mª" on every row of a column is still one hint.
        if (HIGH.test(ch)) score.evidence += charWeight(encoding, word, i);
      });
    }
  }
  return score;
}

/**
 * An encoding is claimed when decoding makes at least one word Vietnamese, the evidence weighs at
 * least 2 (two ordinary hints or one strong one), it gains at least twice the words it loses,
 * and at least 3 in 4 of the words read as Vietnamese afterwards.
 */
function qualifies(score: Score, words: number): boolean {
  return (
    score.gained >= 1 && score.evidence >= 2 && score.gained >= 2 * score.lost && score.valid >= 0.75 * words
  );
}

function hasOwnWord(score: Score, other: Score): boolean {
  for (const word of score.gainedWords) if (!other.gainedWords.has(word)) return true;
  return false;
}

export function detectLegacyEncoding(text: string): TextEncoding {
  if (typeof text !== "string") return "unicode";
  try {
    if (BEYOND_8_BIT.test(text) || !HIGH.test(text)) return "unicode";
    // Words of one character ("µ", "©", "ë") say nothing either way.
    const words = new Map<string, number>();
    let total = 0;
    for (const w of text.match(LEGACY_WORD) ?? []) {
      if (w.length < 2 || !HIGH.test(w)) continue;
      words.set(w, (words.get(w) ?? 0) + 1);
      total++;
    }
    if (total === 0) return "unicode";
    const tcvn3 = scoreEncoding("tcvn3", words);
    const vni = scoreEncoding("vni", words);
    // A word that reads as Vietnamese in both encodings ("OÏm": VNI "Ọm", TCVN3 "Oẽm") cannot tell
    // them apart: an encoding is claimed only with a word that the other encoding does not gain.
    const okTcvn3 = qualifies(tcvn3, total) && hasOwnWord(tcvn3, vni);
    const okVni = qualifies(vni, total) && hasOwnWord(vni, tcvn3);
    if (okTcvn3 && okVni) {
      if (tcvn3.evidence !== vni.evidence) return tcvn3.evidence > vni.evidence ? "tcvn3" : "vni";
      if (tcvn3.gained !== vni.gained) return tcvn3.gained > vni.gained ? "tcvn3" : "vni";
      return "unicode";
    }
    if (okTcvn3) return "tcvn3";
    if (okVni) return "vni";
    return "unicode";
  } catch {
    return "unicode";
  }
}

/**
 * Converts TCVN3 or VNI text to Unicode NFC. Without `from` the encoding is detected and text
 * detected as Unicode is returned unchanged (not even re-normalised). With `from` the text is
 * decoded as that encoding regardless of detection: use it for short cells of a file whose
 * encoding is already known. A non-string gives "".
 */
export function decodeLegacyVietnamese(text: string, from?: LegacyEncoding): string {
  if (typeof text !== "string") return "";
  try {
    const encoding = from ?? detectLegacyEncoding(text);
    if (encoding !== "tcvn3" && encoding !== "vni") return text;
    return DECODERS[encoding](decodeC1(text)).normalize("NFC");
  } catch {
    return text;
  }
}
