/**
 * Issue 19: the pane says things as an office worker would; a technical term (the catalogue
 * format's name, a "raw" link) only comes second, after the plain words.
 */
import { MESSAGES, type Language } from "../../../src/taskpane/i18n";

/** Every string of a language: plain strings, and functions called with sample arguments. */
function strings(lang: Language): Array<[string, string]> {
  return Object.entries(MESSAGES[lang]).flatMap(([key, v]): Array<[string, string]> => {
    if (typeof v === "string") return [[key, v]];
    if (typeof v === "function") {
      const f = v as (...a: unknown[]) => unknown;
      for (const args of [
        [3, "x", "y"],
        ["x", "y", "z"],
        [3, 4, 5],
      ]) {
        try {
          return [[key, String(f(...args))]];
        } catch {
          // another argument shape
        }
      }
      return [];
    }
    if (typeof v === "object" && v !== null)
      return Object.entries(v).map(([k, s]) => [`${key}.${k}`, String(s)] as [string, string]);
    return [];
  });
}

const PLAIN: Record<Language, { format: RegExp; raw: RegExp }> = {
  vi: { format: /định dạng JSON cchc-catalogue\/1/, raw: /liên kết tải trực tiếp tệp \(liên kết “raw”/ },
  en: { format: /JSON cchc-catalogue\/1 format/, raw: /link that downloads the file itself \(the “raw”/ },
};

describe.each(["vi", "en"] as Language[])("%s strings", (lang) => {
  test.each(strings(lang))("%s: the format name only as “the … format”, never bare", (_key, text) => {
    if (text.includes("cchc-catalogue/1")) expect(text).toMatch(PLAIN[lang].format);
    expect(text).not.toMatch(/\bJSON \(cchc-catalogue\/1\)|\(JSON cchc-catalogue\/1 (hoặc|or) CSV\)/);
  });

  test.each(strings(lang))("%s: a “raw” link only after the plain words", (_key, text) => {
    if (/\braw\b/i.test(text)) expect(text).toMatch(PLAIN[lang].raw);
  });

  test("the address field says what to paste in plain words", () => {
    expect(MESSAGES[lang].urlHint).toMatch(PLAIN[lang].raw);
    expect(MESSAGES[lang].urlLabel).not.toMatch(/JSON|cchc-catalogue/);
  });
});
