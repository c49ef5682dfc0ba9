/** Nạp danh mục: switching catalogues (confirmation) and the one-unit scope. */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DEMO_TRACKER, PULL_DONE, STATS, fakeContext, fakeServices, renderApp } from "../helpers";
import { installFastComputedStyle } from "../fastComputedStyle";
import { button, ready } from "./queries";

installFastComputedStyle();

jest.setTimeout(60_000);

describe("Nạp danh mục", () => {
  test("needs-confirmation opens a dialog naming both catalogues; confirming pulls again with confirmSwitch", async () => {
    const user = userEvent.setup({ delay: null });
    const pullCatalogue = jest
      .fn()
      .mockResolvedValueOnce({
        kind: "needs-confirmation",
        from: "demo-2024",
        to: "cv-5893-2024",
        stats: STATS,
      })
      .mockResolvedValueOnce({ ...PULL_DONE, fresh: false });
    const services = fakeServices({ pullCatalogue, readTrackerStatus: jest.fn(async () => DEMO_TRACKER) });
    renderApp({ services });
    await ready();
    await user.click(screen.getByLabelText(/Công văn 5893/));
    await user.click(button("Nạp danh mục"));
    const dialog = await screen.findByRole("alertdialog");
    expect(dialog).toHaveTextContent(
      "Sổ đang theo dõi danh mục “demo-2024”. Bạn có muốn nạp danh mục “cv-5893-2024” vào sổ này không?",
    );
    expect(pullCatalogue).toHaveBeenCalledTimes(1);
    await user.click(button("Nạp danh mục mới", dialog));
    await screen.findByTestId("feedback-success");
    expect(pullCatalogue).toHaveBeenCalledTimes(2);
    const [ctx, second] = pullCatalogue.mock.calls[1];
    expect(ctx).toBe(fakeContext);
    expect(second).toMatchObject({
      confirmSwitch: true,
      loadedFrom: "cv-5893-2024",
      catalogue: { id: "cv-5893-2024" },
    });
    expect(pullCatalogue.mock.calls[0][1].confirmSwitch).toBeUndefined();
    // The catalogue was not loaded again.
    expect(services.loadBundledCatalogue).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(screen.getByText("Đã cập nhật bảng theo dõi.")).toBeInTheDocument();
  });

  test("cancelling the switch leaves the workbook alone", async () => {
    const user = userEvent.setup({ delay: null });
    const pullCatalogue = jest
      .fn()
      .mockResolvedValue({ kind: "needs-confirmation", from: "demo-2024", to: "cv-5893-2024", stats: STATS });
    renderApp({ services: fakeServices({ pullCatalogue }) });
    await ready();
    await user.click(button("Nạp danh mục"));
    const dialog = await screen.findByRole("alertdialog");
    await user.click(button("Hủy", dialog));
    expect(await screen.findByText("Đã hủy: sổ vẫn theo dõi danh mục cũ.")).toBeInTheDocument();
    expect(pullCatalogue).toHaveBeenCalledTimes(1);
  });

  test("a one-unit workbook: the unit picker filters without diacritics and the unit goes to pullCatalogue", async () => {
    const user = userEvent.setup({ delay: null });
    const { services } = renderApp();
    await ready();
    await user.click(screen.getByLabelText("Chỉ các phân công của đơn vị"));
    // Without a unit, the pull is refused with a next step.
    await user.click(button("Nạp danh mục"));
    expect(await screen.findByTestId("feedback-error")).toHaveTextContent("Chưa chọn đơn vị.");
    const combo = await screen.findByLabelText(/Đơn vị/);
    await user.click(combo);
    await user.paste("binh son");
    const option = await screen.findByText("Huyện Bình Sơn", { selector: "[role=option]" });
    await user.click(option);
    await user.click(button("Nạp danh mục"));
    await screen.findByTestId("feedback-success");
    expect(services.pullCatalogue.mock.calls[0][1].unit).toMatchObject({
      name: "Huyện Bình Sơn",
      level: "district",
    });
  });

  test.each([
    ["a one-unit workbook", "Huyện Bình Sơn", true, "Sổ này chỉ theo dõi đơn vị “Huyện Bình Sơn”"],
    ["an all-units workbook", null, false, "Sổ này theo dõi tất cả đơn vị"],
  ])(
    "%s that already tracks: the scope is shown, locked, and the re-pull keeps it",
    async (_name, unitName, checked, hint) => {
      const user = userEvent.setup({ delay: null });
      const tracker = { ...DEMO_TRACKER, catalogue: { ...DEMO_TRACKER.catalogue!, unitName } };
      const services = fakeServices({ readTrackerStatus: jest.fn(async () => tracker) });
      renderApp({ services });
      await ready();
      const box = screen.getByLabelText("Chỉ các phân công của đơn vị");
      expect(box).toBeDisabled();
      if (checked) expect(box).toBeChecked();
      else expect(box).not.toBeChecked();
      expect(screen.getByTestId("scope-hint")).toHaveTextContent(hint);
      expect(screen.getByTestId("scope-hint")).toHaveTextContent("hãy nạp vào một sổ Excel mới");
      expect(screen.queryByLabelText(/^Đơn vị/, { selector: "input" })).not.toBeInTheDocument();
      await user.click(button("Nạp danh mục"));
      await screen.findByTestId("feedback-success");
      // No unit from the pane: the adapter keeps the scope recorded in Cấu hình.
      expect(services.pullCatalogue.mock.calls[0][1].unit).toBeUndefined();
    },
  );
});
