/**
 * Issue 19 at 320 px: Tổng hợp in the pane as one unit per row (rate and points), sorted by rate
 * with a toggle, filtered by name (marks ignored) and level, capped with a pointer to the sheet;
 * the overdue list grouped by unit, collapsed, filtered, capped, "Đi tới" per item.
 */
import * as React from "react";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { I18nProvider, type Language } from "../../../src/taskpane/i18n";
import { SummaryTable } from "../../../src/taskpane/views/SummaryTable";
import { OverduePanel } from "../../../src/taskpane/views/OverduePanel";
import type { OverdueOutcome, SummaryOutcome } from "../../../src/taskpane/app/types";
import { PANE_OVERDUE_GROUPS, PANE_SUMMARY_CAP } from "../../../src/core";
import { sampleSummary } from "../helpers";

function wrap(ui: React.ReactElement, lang: Language = "vi") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider lang={lang}>{ui}</I18nProvider>
    </FluentProvider>,
  );
}

function summaryOf(units: Array<[string, string | null, number]>): SummaryOutcome {
  const base = sampleSummary();
  const template = base.lines[0];
  return {
    ...base,
    lines: units.map(([unit, unitId, rate]) => ({
      ...template,
      unit,
      unitId,
      assigned: 10,
      done: Math.round(rate * 10),
      completionRate: rate,
      points: rate,
    })),
  };
}

const UNITS: Array<[string, string | null, number]> = [
  ["Sở Nội vụ", "SNV", 0.5],
  ["Huyện Bình Sơn", "524", 0.2],
  ["Phường Lê Hồng Phong", "21010", 0.9],
  ["Sở Tư pháp", "STP", 0.7],
];

const rowNames = () =>
  [
    ...screen.getByTestId("summary-table").querySelectorAll("tbody tr:not([data-testid=summary-total]) th"),
  ].map((th) => th.querySelector("span")?.textContent);

describe("SummaryTable in the pane", () => {
  test("three columns; lowest rate first, the toggle turns the order", async () => {
    const user = userEvent.setup({ delay: null });
    wrap(<SummaryTable summary={summaryOf(UNITS)} />);
    const table = screen.getByTestId("summary-table");
    expect([...table.querySelectorAll("thead th")].map((th) => th.textContent)).toEqual([
      "Đơn vị",
      "Tỷ lệ",
      "Điểm",
    ]);
    expect(rowNames()).toEqual(["Huyện Bình Sơn", "Sở Nội vụ", "Sở Tư pháp", "Phường Lê Hồng Phong"]);
    await user.click(screen.getByRole("button", { name: "Thứ tự: tỷ lệ thấp nhất trước" }));
    expect(rowNames()).toEqual(["Phường Lê Hồng Phong", "Sở Tư pháp", "Sở Nội vụ", "Huyện Bình Sơn"]);
    expect(screen.getByTestId("summary-order")).toHaveTextContent("Thứ tự: tỷ lệ cao nhất trước");
  });

  test("the filter ignores Vietnamese marks; the level filter keeps sở/ngành, huyện or xã", async () => {
    const user = userEvent.setup({ delay: null });
    wrap(<SummaryTable summary={summaryOf(UNITS)} />);
    await user.type(screen.getByLabelText("Lọc theo tên đơn vị"), "binh son");
    expect(rowNames()).toEqual(["Huyện Bình Sơn"]);
    expect(screen.getByTestId("summary-count")).toHaveTextContent("1/1 đơn vị khớp bộ lọc (trong 4)");
    await user.clear(screen.getByLabelText("Lọc theo tên đơn vị"));
    await user.type(screen.getByLabelText("Lọc theo tên đơn vị"), "TU PHAP");
    expect(rowNames()).toEqual(["Sở Tư pháp"]);
    await user.clear(screen.getByLabelText("Lọc theo tên đơn vị"));
    const level = screen.getByLabelText("Cấp");
    await user.selectOptions(level, "Cấp huyện");
    expect(rowNames()).toEqual(["Huyện Bình Sơn"]);
    await user.selectOptions(level, "Cấp xã");
    expect(rowNames()).toEqual(["Phường Lê Hồng Phong"]);
    await user.selectOptions(level, "Sở, ban, ngành");
    expect(rowNames()).toEqual(["Sở Nội vụ", "Sở Tư pháp"]);
    await user.type(screen.getByLabelText("Lọc theo tên đơn vị"), "khong co");
    expect(screen.getByText("Không có đơn vị nào khớp bộ lọc.")).toBeInTheDocument();
    // The total stays the workbook's total.
    expect(screen.getByTestId("summary-total")).toHaveTextContent("Tổng cộng");
  });

  test("at most the cap, then how many more and where the full table is (English too)", () => {
    const many = Array.from({ length: PANE_SUMMARY_CAP + 7 }, (_, i): [string, null, number] => [
      `Đơn vị số ${i + 1}`,
      null,
      i / 100,
    ]);
    const { unmount } = wrap(<SummaryTable summary={summaryOf(many)} />);
    expect(rowNames()).toHaveLength(PANE_SUMMARY_CAP);
    expect(rowNames()[0]).toBe("Đơn vị số 1");
    expect(screen.getByTestId("summary-more")).toHaveTextContent(
      "… còn 7 đơn vị nữa — xem đủ bảng ở trang Tổng hợp.",
    );
    unmount();
    wrap(<SummaryTable summary={summaryOf(many)} />, "en");
    expect(screen.getByTestId("summary-more")).toHaveTextContent(
      "… 7 more units — the full table is on the Tổng hợp sheet.",
    );
    expect(screen.getByLabelText("Filter by unit name")).toBeInTheDocument();
  });
});

function overdueOf(items: OverdueOutcome["items"]): OverdueOutcome {
  return {
    items,
    counts: {
      overdue: items.length,
      overdueQ4: items.length,
      dueSoon: 0,
      missingEvidence: 0,
      unknownStatus: 0,
      total: 99,
    },
    reportDate: "2024-12-15",
    filterApplied: true,
    stats: {} as OverdueOutcome["stats"],
  };
}

describe("OverduePanel grouped by unit", () => {
  const props = { disabled: false, onFlag: jest.fn(), onClearFilter: jest.fn() };

  test("collapsed groups with counts, most overdue first; opening one shows its items and Đi tới", async () => {
    const user = userEvent.setup({ delay: null });
    const onGoTo = jest.fn();
    const items = [
      { row: 1, taskId: "I.1", title: "Kế hoạch", unit: "Sở Tư pháp", period: "Quý IV/2024" },
      { row: 5, taskId: "II.3", title: "Số hóa", unit: "Huyện Bình Sơn", period: "" },
      { row: 9, taskId: "VII.2", title: "Số hóa hồ sơ", unit: "Huyện Bình Sơn", period: "Thường xuyên" },
    ];
    wrap(<OverduePanel {...props} onGoTo={onGoTo} outcome={overdueOf(items)} />);
    const groups = screen.getAllByTestId("overdue-group");
    expect(groups.map((g) => g.querySelector("summary")?.textContent)).toEqual([
      "Huyện Bình Sơn2 quá hạn",
      "Sở Tư pháp1 quá hạn",
    ]);
    for (const g of groups) expect(g).not.toHaveAttribute("open");
    expect(screen.getByTestId("overdue-groups-count")).toHaveTextContent("3 phân công quá hạn ở 2 đơn vị");
    await user.click(within(groups[0]).getByText("Huyện Bình Sơn"));
    expect(groups[0]).toHaveAttribute("open");
    await user.click(within(groups[0]).getByRole("button", { name: "Đi tới dòng VII.2 — Huyện Bình Sơn" }));
    expect(onGoTo).toHaveBeenCalledWith(9);
    // The filter (marks ignored) matches unit, task code or title.
    await user.type(screen.getByLabelText("Lọc theo đơn vị, mã hay tên nhiệm vụ"), "ke hoach");
    expect(
      screen.getAllByTestId("overdue-group").map((g) => g.querySelector("summary span")?.textContent),
    ).toEqual(["Sở Tư pháp"]);
    await user.type(screen.getByLabelText("Lọc theo đơn vị, mã hay tên nhiệm vụ"), " zzz");
    expect(screen.queryAllByTestId("overdue-group")).toHaveLength(0);
    expect(screen.getByText("Không có phân công quá hạn nào khớp bộ lọc.")).toBeInTheDocument();
  });

  test("at most PANE_OVERDUE_GROUPS groups, the rest counted", () => {
    const items = Array.from({ length: PANE_OVERDUE_GROUPS + 3 }, (_, i) => ({
      row: i,
      taskId: `I.${i}`,
      title: "Nhiệm vụ",
      unit: `Xã số ${i}`,
      period: "",
    }));
    wrap(<OverduePanel {...props} onGoTo={jest.fn()} outcome={overdueOf(items)} />, "en");
    expect(screen.getAllByTestId("overdue-group")).toHaveLength(PANE_OVERDUE_GROUPS);
    expect(screen.getByTestId("overdue-more")).toHaveTextContent(
      "… and 3 more units (3 assignments) — type a unit's name in the filter to find it.",
    );
    expect(screen.getAllByTestId("overdue-group")[0].querySelector("summary")).toHaveTextContent("1 overdue");
  });
});
