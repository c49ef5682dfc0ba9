/** Views and helpers on their own: score form validation, summary table formatting, i18n, error shapes, host. */
import * as React from "react";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import {
  I18nProvider,
  MESSAGES,
  formatNumber,
  formatPercent,
  languageFromLocale,
  type Language,
} from "../../../src/taskpane/i18n";
import { ScorePanel } from "../../../src/taskpane/views/ScorePanel";
import { SummaryTable } from "../../../src/taskpane/views/SummaryTable";
import { parseDecimal, type ScoreDraft } from "../../../src/taskpane/views/scoreDraft";
import { errorFeedback, isLegacyEncodingError } from "../../../src/taskpane/app/feedback";
import { catalogueIdForSheet, columnLabels, firstColumnOf } from "../../../src/taskpane/app/sheetImport";
import { columnLetter } from "../../../src/core/workbook/plan";
import { detectExcelHost, officeHost } from "../../../src/taskpane/host";
import { ActionError } from "../../../src/taskpane/actions";
import { CatalogueError, DEFAULT_SCORE_RULE, type ScoreRule } from "../../../src/core";
import { FetchCatalogueError } from "../../../src/net/fetchCatalogueError";
import { fakeContext, fakeServices, renderApp, sampleSummary } from "../helpers";
import { installFastComputedStyle } from "../fastComputedStyle";

installFastComputedStyle();
jest.setTimeout(60_000);

function inPane(ui: React.ReactNode, lang: Language = "vi") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider lang={lang}>{ui}</I18nProvider>
    </FluentProvider>,
  );
}

function ScoreHarness(props: {
  rule: ScoreRule | null;
  onApply: (r: ScoreRule) => void;
  onInvalid: (m: string[]) => void;
}) {
  const [draft, setDraft] = React.useState<ScoreDraft | null>(null);
  return (
    <ScorePanel
      disabled={false}
      rule={props.rule}
      draft={draft}
      onDraftChange={setDraft}
      onApply={props.onApply}
      onInvalid={props.onInvalid}
    />
  );
}

const submit = () => screen.getByText("Áp dụng quy tắc", { selector: "button" });

describe("Chấm điểm form", () => {
  test("prefilled with the default rule, labelled as not yet the province's rule", () => {
    inPane(<ScoreHarness rule={null} onApply={jest.fn()} onInvalid={jest.fn()} />);
    expect(screen.getByText("mặc định — chưa phải quy tắc của tỉnh")).toBeInTheDocument();
    expect(screen.getByLabelText("Tỷ lệ (tỷ lệ × điểm tối đa, từ ngưỡng trở lên)")).toBeChecked();
    expect(screen.getByLabelText("Điểm tối đa")).toHaveValue("2");
    expect(screen.getByLabelText(/^Ngưỡng/)).toHaveValue("80");
    expect(screen.getByLabelText("Điểm trừ mỗi nhiệm vụ trễ hạn")).toHaveValue("0");
    expect(screen.getByLabelText("Bậc 1: tỷ lệ tối thiểu (%)")).toHaveValue("100");
    expect(screen.getByLabelText("Bậc 2: điểm")).toHaveValue("1");
  });

  test("a threshold above 100 % is refused with a message on the field; nothing is applied", async () => {
    const user = userEvent.setup({ delay: null });
    const onApply = jest.fn();
    const onInvalid = jest.fn();
    inPane(<ScoreHarness rule={null} onApply={onApply} onInvalid={onInvalid} />);
    const threshold = screen.getByLabelText(/^Ngưỡng/);
    await user.clear(threshold);
    await user.type(threshold, "120");
    await user.click(submit());
    expect(onApply).not.toHaveBeenCalled();
    expect(onInvalid).toHaveBeenCalledWith(["Ngưỡng (%): Ngưỡng không được lớn hơn 100 %."]);
    expect(screen.getByText("Ngưỡng không được lớn hơn 100 %.")).toBeInTheDocument();
    expect(threshold).toHaveAttribute("aria-invalid", "true");
    // Corrected: the message goes away and the rule is applied.
    await user.clear(threshold);
    await user.type(threshold, "100");
    expect(screen.queryByText("Ngưỡng không được lớn hơn 100 %.")).toBeNull();
    await user.click(submit());
    expect(onApply).toHaveBeenCalledWith(expect.objectContaining({ threshold: 1 }));
  });

  test("other invalid fields: not a number, negative, tier over 100 %, repeated tier, no tier in tier mode", async () => {
    const user = userEvent.setup({ delay: null });
    const onInvalid = jest.fn();
    inPane(<ScoreHarness rule={null} onApply={jest.fn()} onInvalid={onInvalid} />);
    await user.clear(screen.getByLabelText("Điểm tối đa"));
    await user.type(screen.getByLabelText("Điểm tối đa"), "hai");
    await user.clear(screen.getByLabelText("Điểm trừ mỗi nhiệm vụ trễ hạn"));
    await user.type(screen.getByLabelText("Điểm trừ mỗi nhiệm vụ trễ hạn"), "-1");
    await user.clear(screen.getByLabelText("Bậc 2: tỷ lệ tối thiểu (%)"));
    await user.type(screen.getByLabelText("Bậc 2: tỷ lệ tối thiểu (%)"), "100");
    await user.click(submit());
    expect(onInvalid.mock.calls[0][0]).toEqual([
      "Điểm tối đa: Hãy nhập một số (ví dụ 2 hoặc 1,5).",
      "Điểm trừ mỗi nhiệm vụ trễ hạn: Không được là số âm.",
      "Bậc 2: tỷ lệ tối thiểu (%): Tỷ lệ tối thiểu này bị lặp.",
    ]);
    await user.clear(screen.getByLabelText("Bậc 2: tỷ lệ tối thiểu (%)"));
    await user.type(screen.getByLabelText("Bậc 2: tỷ lệ tối thiểu (%)"), "150");
    expect(screen.getByText("Phải từ 0 đến 100 %.")).toBeInTheDocument();
    await user.click(screen.getByLabelText("Bậc (theo bảng bậc)"));
    await user.click(screen.getByText("Xóa", { selector: "button[aria-label='Xóa bậc 2']" }));
    await user.click(screen.getByText("Xóa", { selector: "button[aria-label='Xóa bậc 1']" }));
    expect(screen.getByText("Cách tính theo bậc cần ít nhất một bậc.")).toBeInTheDocument();
  });

  test("a valid tier rule, typed with Vietnamese decimal commas, reaches onApply as rates 0–1", async () => {
    const user = userEvent.setup({ delay: null });
    const onApply = jest.fn();
    inPane(<ScoreHarness rule={null} onApply={onApply} onInvalid={jest.fn()} />);
    await user.click(screen.getByLabelText("Bậc (theo bảng bậc)"));
    await user.clear(screen.getByLabelText("Điểm tối đa"));
    await user.type(screen.getByLabelText("Điểm tối đa"), "2,5");
    await user.clear(screen.getByLabelText("Điểm trừ mỗi nhiệm vụ trễ hạn"));
    await user.type(screen.getByLabelText("Điểm trừ mỗi nhiệm vụ trễ hạn"), "0,25");
    await user.click(screen.getByText("Thêm bậc", { selector: "button" }));
    await user.type(screen.getByLabelText("Bậc 3: tỷ lệ tối thiểu (%)"), "50");
    await user.type(screen.getByLabelText("Bậc 3: điểm"), "0,5");
    expect(screen.queryByText("mặc định — chưa phải quy tắc của tỉnh")).toBeNull();
    await user.click(submit());
    expect(onApply).toHaveBeenCalledWith({
      mode: "tiers",
      maxPoints: 2.5,
      threshold: 0.8,
      latePenalty: 0.25,
      tiers: [
        { minRate: 1, points: 2 },
        { minRate: 0.8, points: 1 },
        { minRate: 0.5, points: 0.5 },
      ],
    });
  });

  test("through the App: applyScoreRule gets the rule; the form then shows the workbook's rule", async () => {
    const user = userEvent.setup({ delay: null });
    const reviewed = sampleSummary();
    reviewed.settings.rule = {
      mode: "proportional",
      maxPoints: 3,
      threshold: 0.7,
      latePenalty: 0.1,
      tiers: [],
    };
    const services = fakeServices({ buildSummary: jest.fn(async () => reviewed) });
    renderApp({ services });
    await screen.findByText("Nạp danh mục", { selector: "button" }, { timeout: 4000 });
    await waitFor(() => expect(screen.getByText("Nạp danh mục", { selector: "button" })).toBeEnabled());
    await user.click(screen.getByText("4. Tổng hợp"));
    await user.click(await screen.findByText("Tổng hợp", { selector: "button" }, { timeout: 4000 }));
    await screen.findByTestId("summary-table");
    await user.click(screen.getByText("5. Chấm điểm"));
    const max = await screen.findByLabelText("Điểm tối đa", {}, { timeout: 4000 });
    expect(max).toHaveValue("3");
    expect(screen.getByLabelText(/^Ngưỡng/)).toHaveValue("70");
    expect(screen.getByText("theo trang Cấu hình của sổ")).toBeInTheDocument();
    await user.clear(screen.getByLabelText(/^Ngưỡng/));
    await user.type(screen.getByLabelText(/^Ngưỡng/), "75");
    await user.click(submit());
    await waitFor(() => expect(services.applyScoreRule).toHaveBeenCalled());
    expect(services.applyScoreRule).toHaveBeenCalledWith(fakeContext, {
      mode: "proportional",
      maxPoints: 3,
      threshold: 0.75,
      latePenalty: 0.1,
      tiers: [],
    });
    expect(await screen.findByTestId("feedback-success")).toHaveTextContent(
      "Đã ghi quy tắc vào trang Cấu hình",
    );
  });
});

describe("summary table", () => {
  test("English uses a decimal point; long unit names keep their full text for screen readers", () => {
    inPane(<SummaryTable summary={sampleSummary()} />, "en");
    const table = screen.getByTestId("summary-table");
    expect(within(table).getByText("Summary by unit as of 15/12/2024")).toBeInTheDocument();
    const total = screen.getByTestId("summary-total");
    expect([...total.querySelectorAll("td")].map((c) => c.textContent)).toEqual(["85.7\u00a0%", "—"]);
    expect(total.querySelector("th")).toHaveTextContent("6/7 done · 1 overdue");
    // Long names are shown whole (wrapping), never cut to an ellipsis.
    const long = within(table).getByText("Ủy ban nhân dân huyện Sơn Tây và các xã trực thuộc");
    expect(long.textContent).toBe("Ủy ban nhân dân huyện Sơn Tây và các xã trực thuộc");
    expect(getComputedStyle(long.closest("th") as Element).textOverflow).not.toBe("ellipsis");
    expect(table.closest("[role=region]")).toHaveAttribute("aria-labelledby");
  });
});

describe("i18n", () => {
  test("English has exactly the Vietnamese keys", () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.vi).sort());
    expect(Object.keys(MESSAGES.en.fields).sort()).toEqual(Object.keys(MESSAGES.vi.fields).sort());
  });

  test("Office display language → pane language", () => {
    expect(languageFromLocale("vi-VN")).toBe("vi");
    expect(languageFromLocale("vi")).toBe("vi");
    expect(languageFromLocale("en-US")).toBe("en");
    expect(languageFromLocale("fr-FR")).toBe("en");
    expect(languageFromLocale(undefined)).toBe("vi");
  });

  test("numbers and rates: comma in Vietnamese, point in English", () => {
    expect(formatPercent(0.855, "vi")).toBe("85,5\u00a0%");
    expect(formatPercent(0.855, "en")).toBe("85.5\u00a0%");
    expect(formatPercent(1, "vi")).toBe("100,0\u00a0%");
    expect(formatNumber(1.6, "vi")).toBe("1,6");
    expect(formatNumber(2, "vi")).toBe("2");
    expect(formatNumber(1 / 3, "en")).toBe("0.33");
    expect(parseDecimal("1,5")).toBe(1.5);
    expect(parseDecimal(" 80 % ")).toBe(80);
    expect(parseDecimal("")).toBeNull();
    expect(parseDecimal("1,5,2")).toBeNull();
  });
});

describe("error messages", () => {
  const t = MESSAGES.vi;
  test("the real error classes are recognised by shape", () => {
    expect(errorFeedback(new ActionError(["A"], "B"), t)).toMatchObject({
      title: t.errActionTitle,
      lines: ["A"],
      hint: "B",
    });
    expect(errorFeedback(new CatalogueError(["C"]), t)).toMatchObject({
      title: t.errCatalogueTitle,
      lines: ["C"],
      hint: t.errCatalogueHint,
    });
    expect(errorFeedback(new FetchCatalogueError("url", ["D"]), t)).toMatchObject({
      title: t.errFetchTitle,
      lines: ["D"],
    });
    const generic = errorFeedback(new RangeError("boom"), t);
    expect(generic).toMatchObject({ title: t.errGenericTitle, hint: t.errGenericHint });
    expect(generic.detail).toContain("RangeError: boom");
  });

  test("the parser's legacy-encoding message is recognised", () => {
    expect(
      isLegacyEncodingError(
        Object.assign(
          new CatalogueError(["Văn bản dùng bảng mã cũ VNI (phông VNI-Times), không phải Unicode."]),
          {
            legacyEncoding: "vni",
          },
        ),
      ),
    ).toBe(true);
    expect(isLegacyEncodingError(new CatalogueError(["Thiếu trường “id”."]))).toBe(false);
    expect(isLegacyEncodingError(new ActionError(["bảng mã cũ"], ""))).toBe(false);
  });
});

describe("sheet import helpers", () => {
  test("column letters and labels follow the range's position", () => {
    expect(columnLetter(0)).toBe("A");
    expect(columnLetter(27)).toBe("AB");
    expect(firstColumnOf("'Kế hoạch'!B2:F60")).toBe(1);
    expect(firstColumnOf("Sheet1!$AA$3:$AC$9")).toBe(26);
    expect(
      columnLabels(
        [
          ["STT", "", "Nội dung"],
          [1, 2, 3, 4],
        ],
        0,
        "S!B1:E2",
        "(trống)",
      ),
    ).toEqual(["B — STT", "C — (trống)", "D — Nội dung", "E — (trống)"]);
  });

  test("catalogue id from the sheet name", () => {
    expect(catalogueIdForSheet("Kế hoạch Đơn vị 2024")).toBe("bang-ke-hoach-don-vi-2024");
    expect(catalogueIdForSheet("!!!")).toBe("bang-don-vi");
    expect(catalogueIdForSheet("x".repeat(100))).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/);
  });

  test("the default score rule is the core's", () => {
    expect(DEFAULT_SCORE_RULE.threshold).toBe(0.8);
  });
});

describe("host", () => {
  afterEach(() => {
    delete (globalThis as { Excel?: unknown }).Excel;
  });

  test("no Excel global → no host; an Excel.run (Excel or the e2e fake) → the Office host, which calls it", async () => {
    expect(detectExcelHost()).toBeNull();
    const run = jest.fn(async (fn: (ctx: unknown) => Promise<unknown>) => fn(fakeContext));
    (globalThis as { Excel?: unknown }).Excel = { run };
    const host = detectExcelHost();
    expect(host).toBe(officeHost);
    await expect(host?.run(async (ctx) => ctx)).resolves.toBe(fakeContext);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
