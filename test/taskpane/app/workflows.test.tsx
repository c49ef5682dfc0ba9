/** Ngày báo cáo, Đánh dấu quá hạn, Tổng hợp: each workflow's container with fake actions. */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DEMO_TRACKER, STATS, fakeContext, fakeServices, renderApp } from "../helpers";
import { installFastComputedStyle } from "../fastComputedStyle";
import { button, findButton, openWorkflow, ready } from "./queries";

installFastComputedStyle();

jest.setTimeout(60_000);

describe("other workflows", () => {
  test("Ngày báo cáo: a fixed date and “today”", async () => {
    const user = userEvent.setup({ delay: null });
    const services = fakeServices({ readTrackerStatus: jest.fn(async () => DEMO_TRACKER) });
    renderApp({ services });
    await ready();
    await openWorkflow(user, "2. Ngày báo cáo");
    const input = await screen.findByLabelText(/^Ngày báo cáo/, { selector: "input" });
    expect(input).toHaveValue("15/12/2024"); // dd/mm/yyyy whatever the OS language
    expect(
      screen.getByText("Ngày cố định giữ kết quả ổn định mỗi lần mở sổ; “Hôm nay” đổi theo lịch."),
    ).toBeInTheDocument();
    await user.clear(input);
    await user.type(input, "31/12/2024");
    await user.click(button("Đặt ngày"));
    expect(await screen.findByTestId("feedback-success")).toHaveTextContent(
      "Đã đặt ngày báo cáo 31/12/2024.",
    );
    expect(services.setReportDate).toHaveBeenCalledWith(fakeContext, "2024-12-31");
    await user.click(button("Hôm nay (tự cập nhật)"));
    await waitFor(() => expect(services.setReportDate).toHaveBeenLastCalledWith(fakeContext, "today"));
  });

  test("Đánh dấu quá hạn: counts, the list, “Đi tới” selects the row, “Bỏ lọc” clears the filter", async () => {
    const user = userEvent.setup({ delay: null });
    const services = fakeServices({
      flagOverdue: jest.fn(async () => ({
        items: [
          {
            row: 17,
            taskId: "III.4",
            title: "Công bố thủ tục hành chính",
            unit: "Sở Tư pháp",
            period: "Quý IV/2024",
          },
          { row: 42, taskId: "VII.2", title: "Số hóa hồ sơ", unit: "Huyện Bình Sơn", period: "Thường xuyên" },
        ],
        counts: { overdue: 5, overdueQ4: 2, dueSoon: 3, missingEvidence: 4, unknownStatus: 1, total: 120 },
        reportDate: "2024-12-15",
        filterApplied: true,
        stats: STATS,
      })),
    });
    renderApp({ services });
    await ready();
    await openWorkflow(user, "3. Đánh dấu quá hạn");
    await user.click(await findButton("Đánh dấu quá hạn"));
    expect(
      await screen.findByText("Tính đến 15/12/2024: 2 phân công Quý IV/thường xuyên quá hạn."),
    ).toBeInTheDocument();
    expect(services.flagOverdue).toHaveBeenCalledWith(fakeContext);
    const counts = screen.getByLabelText("Số phân công");
    expect(within(counts).getByText("Thiếu minh chứng").nextElementSibling).toHaveTextContent("4");
    expect(within(counts).getByText("Trạng thái không rõ").nextElementSibling).toHaveTextContent("1");
    // Grouped by unit, each group collapsed with its count; both items are listed once.
    const list = screen.getByTestId("overdue-list");
    const groups = within(list).getAllByTestId("overdue-group");
    expect(groups.map((g) => g.querySelector("summary")?.textContent)).toEqual([
      "Sở Tư pháp1 quá hạn",
      "Huyện Bình Sơn1 quá hạn",
    ]);
    for (const g of groups) expect(g).not.toHaveAttribute("open");
    expect(list.querySelectorAll("li")).toHaveLength(2);
    await user.click(within(list).getByText("Huyện Bình Sơn"));
    expect(groups[1]).toHaveAttribute("open");
    await user.click(within(groups[1]).getByRole("button", { name: "Đi tới dòng VII.2 — Huyện Bình Sơn" }));
    await waitFor(() => expect(services.selectAssignmentRow).toHaveBeenCalledWith(fakeContext, 42));
    // Jumping keeps the result message.
    expect(
      screen.getByText("Tính đến 15/12/2024: 2 phân công Quý IV/thường xuyên quá hạn."),
    ).toBeInTheDocument();
    await user.click(button("Bỏ lọc"));
    expect(await screen.findByText("Đã bỏ lọc: bảng Phân công hiện đủ các dòng.")).toBeInTheDocument();
    expect(services.clearOverdueFilter).toHaveBeenCalledWith(fakeContext);
  });

  test("Tổng hợp: the PivotTable option reaches buildSummary and the table shows the units and the total", async () => {
    const user = userEvent.setup({ delay: null });
    const { services } = renderApp();
    await ready();
    await openWorkflow(user, "4. Tổng hợp");
    await user.click(await screen.findByLabelText(/Tạo PivotTable/));
    await user.click(button("Tổng hợp"));
    const table = await screen.findByTestId("summary-table");
    expect(services.buildSummary).toHaveBeenCalledWith(fakeContext, { pivot: true });
    const cells = (row: Element) => [...row.querySelectorAll("td")].map((c) => c.textContent);
    const sn = within(table).getByText("Sở Nội vụ").closest("tr") as HTMLElement;
    expect(sn.querySelector("th")).toHaveAttribute("scope", "row");
    // One unit per row: rate and points, with done/assigned and overdue under the name.
    expect(cells(sn)).toEqual(["66,7\u00a0%", "0"]);
    expect(sn.querySelector("th")).toHaveTextContent("2/3 hoàn thành · 1 quá hạn");
    const total = screen.getByTestId("summary-total");
    expect(total.querySelector("th")).toHaveTextContent("Tổng cộng");
    expect(total.querySelector("th")).toHaveTextContent("6/7 hoàn thành · 1 quá hạn");
    expect(cells(total)).toEqual(["85,7\u00a0%", "—"]);
    expect(within(table).getByText("Ủy ban nhân dân huyện Sơn Tây và các xã trực thuộc")).toBeInTheDocument();
  });
});
