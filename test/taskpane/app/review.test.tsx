/** 8. Thẩm định: the container with fake actions — list, filter, one click per row, one batched write, jump. */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeContext, fakeServices, renderApp, STATS } from "../helpers";
import { installFastComputedStyle } from "../fastComputedStyle";
import { ActionError } from "../../../src/taskpane/actions";
import type { ReviewClaim } from "../../../src/taskpane/app/types";
import { button, findButton, openWorkflow, ready } from "./queries";

installFastComputedStyle();

jest.setTimeout(60_000);

const claim = (row: number, unit: string, missingEvidence = false): ReviewClaim => ({
  row,
  taskId: `II.${row}`,
  title: `Nhiệm vụ ${row}`,
  unit,
  evidence: missingEvidence ? null : `https://minhchung.quangngai.gov.vn/${row}`,
  link: missingEvidence ? null : `https://minhchung.quangngai.gov.vn/${row}`,
  missingEvidence,
});
// 60 claims: the first two without evidence; every third of the Sơn Tây district.
const CLAIMS = Array.from({ length: 60 }, (_, i) =>
  claim(i + 1, i % 3 === 0 ? "Ủy ban nhân dân huyện Sơn Tây" : "Sở Nội vụ", i < 2),
);

const item = (taskId: string): HTMLElement =>
  within(screen.getByTestId("review-list"))
    .getByText(taskId, { selector: "strong" })
    .closest("li") as HTMLElement;

describe("Thẩm định", () => {
  test("lists the claims (capped, filtered), collects verdicts and writes them in one call, jumps to a row", async () => {
    const user = userEvent.setup({ delay: null });
    const services = fakeServices({
      listReviewClaims: jest.fn(async () => ({ claims: CLAIMS, invalidVerdicts: 0, stats: STATS })),
      writeVerdicts: jest.fn(async () => ({
        claims: CLAIMS.slice(2),
        invalidVerdicts: 0,
        written: [],
        skipped: [],
        clearedFilters: [],
        stats: STATS,
      })),
    });
    renderApp({ services });
    await ready();
    await openWorkflow(user, "8. Thẩm định");
    await user.click(await findButton("Tải danh sách chờ thẩm định"));
    expect(await screen.findByText("60 phân công đã báo hoàn thành đang chờ thẩm định.")).toBeInTheDocument();
    expect(services.listReviewClaims).toHaveBeenCalledWith(fakeContext);
    const list = screen.getByTestId("review-list");
    expect(list.querySelectorAll("li")).toHaveLength(50);
    expect(screen.getByText("… và 10 phân công khác: gõ tên đơn vị vào ô lọc để xem.")).toBeInTheDocument();
    expect(within(item("II.1")).getByText("Thiếu minh chứng")).toBeInTheDocument();
    const link = within(item("II.3")).getByText("Mở minh chứng");
    expect(link).toHaveAttribute("href", "https://minhchung.quangngai.gov.vn/3");
    expect(link).toHaveAttribute("target", "_blank");
    expect(link).toHaveAttribute("rel", "noopener noreferrer");
    expect(within(item("II.1")).queryByText("Mở minh chứng")).toBeNull();

    // The unit filter (accents and case ignored).
    await user.type(screen.getByTestId("review-filter"), "son tay");
    expect(screen.getByTestId("review-list").querySelectorAll("li")).toHaveLength(20);
    expect(screen.getByText("Đang hiện 20/60 phân công chờ thẩm định.")).toBeInTheDocument();
    await user.clear(screen.getByTestId("review-filter"));

    const write = () => button(/^Ghi kết quả thẩm định/);
    expect(write()).toBeDisabled();
    await user.click(button("Đạt", item("II.1")));
    await user.click(button("Không đạt", item("II.2")));
    await user.click(button("Cần bổ sung", item("II.4")));
    await user.click(button("Cần bổ sung", item("II.4"))); // clicked again: taken back
    expect(button("Đạt", item("II.1"))).toHaveAttribute("aria-pressed", "true");
    expect(write()).toHaveTextContent("Ghi kết quả thẩm định (2)");
    await user.click(write());
    await waitFor(() =>
      expect(services.writeVerdicts).toHaveBeenCalledWith(fakeContext, [
        { row: 1, taskId: "II.1", unit: "Ủy ban nhân dân huyện Sơn Tây", verdict: "accepted" },
        { row: 2, taskId: "II.2", unit: "Sở Nội vụ", verdict: "rejected" },
      ]),
    );
    expect(services.writeVerdicts).toHaveBeenCalledTimes(1);
    expect(await screen.findByText("Còn 58 phân công chờ thẩm định.")).toBeInTheDocument();
    expect(screen.queryByText("II.1", { selector: "strong" })).toBeNull();

    await user.click(within(item("II.7")).getByText("Đi tới", { selector: "button" }));
    await waitFor(() => expect(services.selectAssignmentRow).toHaveBeenCalledWith(fakeContext, 7));
  });

  test("a failed write says what went wrong in Vietnamese and keeps the choices", async () => {
    const user = userEvent.setup({ delay: null });
    const services = fakeServices({
      listReviewClaims: jest.fn(async () => ({
        claims: CLAIMS.slice(0, 3),
        invalidVerdicts: 1,
        stats: STATS,
      })),
      writeVerdicts: jest.fn(async () => {
        throw new ActionError(
          ["Bảng Phân công (PhanCong) chưa có cột “Kết quả thẩm định”."],
          "Hãy thêm cột rồi thực hiện lại.",
        );
      }),
    });
    renderApp({ services });
    await ready();
    await openWorkflow(user, "8. Thẩm định");
    await user.click(await findButton("Tải danh sách chờ thẩm định"));
    expect(
      await screen.findByText(
        "1 dòng có “Kết quả thẩm định” không phải Đạt / Không đạt / Cần bổ sung: hãy sửa trong trang Phân công.",
      ),
    ).toBeInTheDocument();
    await user.click(button("Đạt", item("II.3")));
    await user.click(button(/^Ghi kết quả thẩm định/));
    expect(await screen.findByText(/chưa có cột “Kết quả thẩm định”/)).toBeInTheDocument();
    expect(button(/^Ghi kết quả thẩm định/)).toHaveTextContent("(1)");
  });

  test("English", async () => {
    const user = userEvent.setup({ delay: null });
    const services = fakeServices({
      listReviewClaims: jest.fn(async () => ({ claims: [], invalidVerdicts: 0, stats: STATS })),
    });
    renderApp({ services, lang: "en" });
    await findButton("Load catalogue");
    await waitFor(() => expect(button("Load catalogue")).toBeEnabled());
    await user.click(await findButton("8. Review"));
    await user.click(await findButton("List claims awaiting review"));
    expect(await screen.findByText("No claims are awaiting review.")).toBeInTheDocument();
  });
});
