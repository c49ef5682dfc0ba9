/**
 * Issue 19: at 320 px the filter boxes are about 130 px wide, so their placeholders are a few
 * words; what the person needs to know (marks or not) is in the field's hint, which wraps.
 */
import { MESSAGES, type Language } from "../../../src/taskpane/i18n";

/** About what a 130 px box shows at the pane's 14 px font. */
const MAX_PLACEHOLDER = 16;

const KEYS = ["unitPlaceholder", "summaryFilterPlaceholder", "reportDatePlaceholder"] as const;

describe.each(["vi", "en"] as Language[])("%s", (lang) => {
  test.each(KEYS)("%s fits a narrow box", (key) => {
    expect(MESSAGES[lang][key].length).toBeLessThanOrEqual(MAX_PLACEHOLDER);
  });

  test("the hints say what the placeholders no longer do", () => {
    expect(MESSAGES[lang].summaryFilterHint).toMatch(lang === "vi" ? /dấu/ : /marks/);
    expect(MESSAGES[lang].unitFilterHint).toMatch(lang === "vi" ? /dấu/ : /marks/);
  });
});
