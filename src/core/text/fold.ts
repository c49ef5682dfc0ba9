/**
 * Matching key for Vietnamese text (khóa so khớp): lowercase, no diacritics, đ→d, "&"→"va",
 * punctuation and dashes treated as spaces, single spaces, trimmed.
 * Display text is never replaced by this key; it is only for comparing.
 */
import { limitMarks } from "./normalize";

const COMBINING_MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

export function foldVietnamese(text: string): string {
  if (typeof text !== "string" || text.length === 0) return "";
  return (
    limitMarks(text)
      // NFKD splits tone marks off their letters and maps full-width/compatibility forms to ASCII.
      .normalize("NFKD")
      .replace(COMBINING_MARKS, "")
      .replace(/[đĐðÐ]/g, "d")
      .replace(/&/g, " va ")
      .replace(NOT_LETTER_OR_DIGIT, " ")
      // Lowercase after separators are spaces: Greek final sigma then depends only on word
      // boundaries, not on which invisible separator (ZWSP, soft hyphen…) sat there.
      .toLowerCase()
      .trim()
      .replace(/ {2,}/g, " ")
  );
}
