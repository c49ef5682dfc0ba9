/**
 * Issue 19: problems from the core carry a code, and the pane says them in its language. Every
 * code the core can emit (PROBLEM_CODES, the single list) has an English template; a problem
 * without one stays Vietnamese, marked lang="vi"; the command line's Vietnamese is unchanged.
 */
import { render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { PROBLEM_CODES, problem, type ProblemCode } from "../../../src/core/problems/problem";
import { CatalogueError, parseCatalogue } from "../../../src/core";
import { checkCatalogueUrl, FetchCatalogueError } from "../../../src/net/fetchCatalogue";
import { ActionError, explainOfficeError } from "../../../src/taskpane/actions/common";
import { loadEnglishProblems, showProblem } from "../../../src/taskpane/i18n/problems";
import { PROBLEM_EN } from "../../../src/taskpane/i18n/problemsEn";
import { errorFeedback } from "../../../src/taskpane/app/feedback";
import { FeedbackBar } from "../../../src/taskpane/views/FeedbackBar";
import { catalogueMessage } from "../../../src/taskpane/workflows/catalogue/messages";
import { I18nProvider, MESSAGES } from "../../../src/taskpane/i18n";
import { VIETNAMESE } from "../../hardening/lib/vietnamese";

/** Proper names that stay as they are in English (sheet names, the add-in's name). */
const PROPER_NAMES = /Cấu hình|Tổng hợp|Phân công|Nhiệm vụ|Sở Nội vụ|Quảng Ngãi|Theo dõi CCHC 2024/g;
const englishOnly = (text: string) => text.replace(PROPER_NAMES, "");

// The English templates are a lazily loaded chunk in the pane (loaded when English is on).
beforeAll(() => loadEnglishProblems());

const PARAMS = { n: 3, id: "I.2", first: 1, value: "IX", row: 4, max: 2000, count: 2001, field: "id" };

describe.each(PROBLEM_CODES.map((c) => [c] as [ProblemCode]))("problem code %s", (code) => {
  test("has an English template without Vietnamese words, shown in an English pane", () => {
    expect(typeof PROBLEM_EN[code]).toBe("function");
    const text = PROBLEM_EN[code](PARAMS);
    expect(text.trim()).not.toBe("");
    expect(englishOnly(text)).not.toMatch(VIETNAMESE);
    const p = problem(code, PARAMS, "Văn bản tiếng Việt.");
    expect(showProblem(p, "en")).toEqual({ text });
    expect(showProblem(p, "vi")).toEqual({ text: "Văn bản tiếng Việt." });
  });
});

test("the table has no template for a code the core cannot emit", () => {
  expect(Object.keys(PROBLEM_EN).sort()).toEqual([...PROBLEM_CODES].sort());
});

test.each([
  ["a plain string (no code yet)", "Lỗi chưa có mã.", { text: "Lỗi chưa có mã.", lang: "vi" }],
  [
    "an unknown code",
    { code: "nope" as ProblemCode, params: {}, vi: "Mã lạ." },
    { text: "Mã lạ.", lang: "vi" },
  ],
])("English falls back to the Vietnamese text, marked lang=vi: %s", (_n, p, want) => {
  expect(showProblem(p, "en")).toEqual(want);
});

/** Errors the core and the adapters really throw, each with at least one coded problem. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("did not throw");
}

const ERRORS: Array<[string, () => unknown]> = [
  ["an empty catalogue", () => thrown(() => parseCatalogue(""))],
  ["bad JSON", () => thrown(() => parseCatalogue("{ nope"))],
  [
    "tasks without title and lead",
    () =>
      thrown(() =>
        parseCatalogue(
          JSON.stringify({
            schema: "cchc-catalogue/1",
            id: "x",
            title: "X",
            planYear: 2024,
            source: { document: "d", official: false },
            tasks: [{ id: "1", area: "IX", title: "", lead: "", deadline: "" }],
          }),
        ),
      ),
  ],
  ["an http:// address", () => thrown(() => checkCatalogueUrl("http://example.org/a.json"))],
  ["an empty address", () => thrown(() => checkCatalogueUrl("  "))],
  // Excel's own detail arrives in Excel's language (here Vietnamese): it is kept, marked lang=vi.
  [
    "Excel refusing a protected sheet",
    () => explainOfficeError({ code: "AccessDenied", message: "Truy cập bị từ chối." }),
  ],
  ["an Excel error without a code", () => explainOfficeError(new Error("Lỗi không rõ của Excel."))],
  [
    "an action error with a coded problem and an uncoded one",
    () =>
      new ActionError(
        [problem("tracker.missing", {}, "Sổ này chưa có bảng theo dõi."), "Một lỗi chưa có mã."],
        problem("tracker.missingHint", {}, "Hãy bấm “Nạp danh mục”."),
      ),
  ],
];

describe.each(ERRORS)("%s", (_name, make) => {
  const error = make();

  test("keeps its Vietnamese problems as before (the command line prints them)", () => {
    const e = error as CatalogueError | FetchCatalogueError | ActionError;
    expect(e.problems.length).toBeGreaterThan(0);
    for (const p of e.problems) expect(p).toMatch(VIETNAMESE);
    expect(errorFeedback(error, MESSAGES.vi)).toMatchObject({ lines: e.problems, linesLang: "vi" });
  });

  test("English mode renders no Vietnamese outside lang=vi", () => {
    const content = errorFeedback(error, MESSAGES.en);
    const { container } = render(
      <FluentProvider theme={webLightTheme}>
        <I18nProvider lang="en">
          <FeedbackBar id={1} content={content} disabled={false} />
        </I18nProvider>
      </FluentProvider>,
    );
    const clone = container.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('[lang="vi"]').forEach((n) => n.remove());
    const outside = clone.textContent ?? "";
    expect(englishOnly(outside)).not.toMatch(VIETNAMESE);
    // Something was said in English (the coded problems are not all hidden under lang=vi).
    expect(content.lines.some((_l, i) => (content.lineLangs ?? [])[i] === undefined)).toBe(true);
  });
});

test("a pulled catalogue's Vietnamese title inside an English message title is marked lang=vi", () => {
  const content = catalogueMessage(
    { kind: "pulled", title: "DỮ LIỆU MINH HỌA — Kế hoạch", fresh: true },
    MESSAGES.en,
  );
  const { container } = render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider lang="en">
        <FeedbackBar id={1} content={content} disabled={false} />
      </I18nProvider>
    </FluentProvider>,
  );
  expect(container.querySelector('[lang="vi"]')?.textContent).toBe("DỮ LIỆU MINH HỌA — Kế hoạch");
  const clone = container.cloneNode(true) as HTMLElement;
  clone.querySelectorAll('[lang="vi"]').forEach((n) => n.remove());
  expect(clone.textContent).not.toMatch(VIETNAMESE);
  expect(clone.textContent).toContain("Loaded the catalogue");
});
