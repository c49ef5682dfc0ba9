/**
 * Issue 19 in the views: the report date typed and shown dd/mm/yyyy in both languages, and the
 * overdue count stated with its definition (lead units, as Tổng hợp counts · coordinating).
 */
import * as React from "react";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { I18nProvider, type Language } from "../../../src/taskpane/i18n";
import { ReportDatePanel } from "../../../src/taskpane/views/ReportDatePanel";
import { OverduePanel } from "../../../src/taskpane/views/OverduePanel";
import type { OverdueOutcome } from "../../../src/taskpane/actions/overdue";

function wrap(ui: React.ReactElement, lang: Language) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider lang={lang}>{ui}</I18nProvider>
    </FluentProvider>,
  );
}

describe.each<Language>(["vi", "en"])("ReportDatePanel (%s)", (lang) => {
  test("shows dd/mm/yyyy and passes typed dates on as YYYY-MM-DD; bad text is flagged", async () => {
    const user = userEvent.setup({ delay: null });
    const onChange = jest.fn();
    const props = { disabled: false, isToday: false, onChange, onSetDate: jest.fn(), onToday: jest.fn() };
    const { rerender } = wrap(<ReportDatePanel {...props} value="2025-01-05" />, lang);
    const input = screen.getByTestId("report-date-input");
    expect(input).toHaveValue("05/01/2025");
    await user.clear(input);
    await user.type(input, "15/12/2024");
    expect(onChange).toHaveBeenLastCalledWith("2024-12-15");
    await user.clear(input);
    await user.type(input, "12/31/2024");
    expect(onChange).toHaveBeenLastCalledWith("12/31/2024");
    expect(
      screen.getByText(lang === "vi" ? /Chưa đúng dạng ngày\/tháng\/năm/ : /Not a day\/month\/year date/),
    ).toBeInTheDocument();
    // A date set from outside (the workbook) replaces the text.
    rerender(
      <FluentProvider theme={webLightTheme}>
        <I18nProvider lang={lang}>
          <ReportDatePanel {...props} value="2024-12-31" />
        </I18nProvider>
      </FluentProvider>,
    );
    expect(screen.getByTestId("report-date-input")).toHaveValue("31/12/2024");
  });
});

test("overdue counts say which definition: lead (Tổng hợp) · coordinating", () => {
  const outcome: OverdueOutcome = {
    items: [],
    counts: {
      overdue: 1898,
      overdueLead: 1011,
      overdueCoordinating: 887,
      overdueQ4: 0,
      dueSoon: 0,
      missingEvidence: 0,
      unknownStatus: 0,
      total: 1954,
    },
    reportDate: "2025-01-05",
    filterApplied: false,
    stats: {
      syncs: 1,
      bytes: 0,
      largestRequest: 0,
      largestResponse: 0,
    } as unknown as OverdueOutcome["stats"],
  };
  const props = { disabled: false, outcome, onFlag: jest.fn(), onGoTo: jest.fn(), onClearFilter: jest.fn() };
  const { unmount } = wrap(<OverduePanel {...props} />, "vi");
  expect(screen.getByTestId("overdue-split")).toHaveTextContent(
    "1011 nhiệm vụ chủ trì quá hạn (số trang Tổng hợp tính) · 887 phối hợp",
  );
  unmount();
  wrap(<OverduePanel {...props} />, "en");
  expect(screen.getByTestId("overdue-split")).toHaveTextContent(
    "1011 lead-unit assignments overdue (what Tổng hợp counts) · 887 coordinating",
  );
});
