/**
 * Display-safe normalisation of Vietnamese text (chuẩn hóa văn bản tiếng Việt).
 *
 * - Unicode NFC, whatever came in (NFD, the deprecated tone marks U+0340/U+0341, a tone mark typed
 *   before the circumflex/breve: "a\u0301\u0302" → "ấ").
 * - Tone marks in the traditional ("old style") placement used by official letters: only the open
 *   rhymes oa, oe, uy differ between the styles, so "hoà" → "hòa", "khoẻ" → "khỏe", "Uỷ" → "Ủy",
 *   "thuỵ" → "thụy". Closed syllables ("hoàn", "thuyết", "khoảng", "toán") and syllables where the
 *   u/i belongs to the consonant ("quý", "quả", "quỳ", "giữa") are left alone.
 * - Every whitespace run (spaces, tabs, line breaks, NBSP, zero-width space/joiners, BOM) becomes
 *   one space; the result is trimmed.
 *
 * Letters keep their case. Never throws; a non-string gives "".
 */

/** Tone marks (dấu thanh): grave, acute, tilde, hook above, dot below. */
const TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323";
/** Vowel-quality marks: circumflex, breve, horn. */
const QUALITY_MARKS = "\u0302\u0306\u031b";
/** A run of two or more marks, all of them Vietnamese (tone or quality). */
const VIETNAMESE_MARK_RUN = /[\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323]{2,}/g;

/**
 * Whitespace and invisible separators: JS `\s` (which includes NBSP, U+2000–U+200A, U+202F,
 * U+205F, U+3000, U+FEFF, line/paragraph separators), NEL, Mongolian vowel separator,
 * zero-width space / non-joiner / joiner and word joiner.
 */
const WHITESPACE_RUN = /[\s\u0085\u180e\u200b-\u200d\u2060]+/g;

/** A syllable candidate: letters with their combining marks, split on everything else. */
const LETTER_RUN = /[\p{L}\p{M}]+/gu;

/**
 * Initial consonants that can stand before the medial o/u of oa, oe, uy. "q" is deliberately
 * absent: in "qua", "quý", "quỳ" the u belongs to the consonant "qu" and the tone is already on
 * the main vowel in both styles.
 */
const INITIAL = "(?:ngh|ng|nh|ch|gh|kh|ph|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?";

/** New-style open rhyme on an NFD syllable: the tone sits on the second vowel of oa/oe/uy. */
const NEW_STYLE_OPEN_RHYME = new RegExp(`^(${INITIAL})(o(?=[ae])|u(?=y))([aey])([${TONE_MARKS}])$`, "iu");

function isQualityMark(ch: string): boolean {
  return QUALITY_MARKS.includes(ch);
}

/** Puts vowel-quality marks before tone marks inside a run of Vietnamese marks (stable). */
function orderMarks(run: string): string {
  const marks = Array.from(run);
  const quality = marks.filter(isQualityMark);
  const tones = marks.filter((m) => !isQualityMark(m));
  return quality.join("") + tones.join("");
}

/** Moves the tone of an open oa/oe/uy rhyme onto the first vowel (old style). NFD in, NFD out. */
function toOldStyle(syllable: string): string {
  return syllable.replace(
    NEW_STYLE_OPEN_RHYME,
    (_m, initial: string, v1: string, v2: string, tone: string) => {
      return initial + v1 + tone + v2;
    },
  );
}

/** A run of 5+ combining marks (no Vietnamese letter carries more than 2). */
const MARK_STORM = /\p{M}{5,}/gu;

/**
 * Cuts every run of combining marks to 4. String.prototype.normalize reorders a run in quadratic
 * time (20,000 marks: ~0.2 s per call): call this before normalising text from cells and files.
 */
export function limitMarks(text: string): string {
  return text.replace(MARK_STORM, (run) => Array.from(run).slice(0, 4).join(""));
}

export function normalizeVietnamese(text: string): string {
  if (typeof text !== "string" || text.length === 0) return "";
  try {
    // Cut storms before NFD (normalize is quadratic in a run's length) and again after it: NFD
    // turns "Ể" + 4 marks into E + 6 marks, and a second pass must not cut what the first kept.
    return limitMarks(limitMarks(text).normalize("NFD"))
      .replace(VIETNAMESE_MARK_RUN, orderMarks)
      .replace(WHITESPACE_RUN, " ")
      .trim()
      .replace(LETTER_RUN, toOldStyle)
      .normalize("NFC");
  } catch {
    // String.prototype.normalize cannot throw on a string; this only guards the contract.
    return "";
  }
}
