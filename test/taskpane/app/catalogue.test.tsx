/** Nạp danh mục: busy state, results, and each kind of error with its next step. */
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ActionError } from "../../../src/taskpane/actions";
import { CatalogueError } from "../../../src/core";
import { FetchCatalogueError } from "../../../src/net/fetchCatalogueError";
import type { PullOutcome } from "../../../src/taskpane/actions";
import { PULL_DONE, deferred, fakeContext, fakeServices, renderApp, sampleCatalogue } from "../helpers";
import { installFastComputedStyle } from "../fastComputedStyle";
import { button, ready } from "./queries";

installFastComputedStyle();

jest.setTimeout(60_000);

describe("Nạp danh mục", () => {
  test("the demonstration catalogue comes first, with its “dữ liệu minh họa” badge, and is selected", async () => {
    renderApp();
    await ready();
    const radios = screen.getAllByRole("radio");
    const label = (radio: HTMLElement) => document.querySelector(`label[for="${radio.id}"]`) as HTMLElement;
    expect(radios[0]).toHaveAccessibleName(/^Kế hoạch minh họa 55 nhiệm vụ/);
    expect(radios[0]).toBeChecked();
    expect(within(label(radios[0])).getByText("dữ liệu minh họa")).toBeInTheDocument();
    expect(radios[1]).toHaveAccessibleName(/Công văn 5893/);
    expect(within(label(radios[1])).queryByText("dữ liệu minh họa")).toBeNull();
    expect(radios.slice(2).map((r) => label(r).textContent)).toEqual([
      "Tệp danh mục trên mạng (địa chỉ https)",
      "Bảng của đơn vị (trang đang mở trong sổ)",
    ]);
  });

  test("buttons are disabled while an action runs; progress is shown; results and the sample-data warning follow", async () => {
    const user = userEvent.setup({ delay: null });
    const gate = deferred<PullOutcome>();
    let report: ((f: number) => void) | undefined;
    const services = fakeServices({
      pullCatalogue: jest.fn((_ctx, req: { onProgress?: (f: number) => void }) => {
        report = req.onProgress;
        return gate.promise;
      }),
    });
    renderApp({ services });
    await ready();
    await user.click(button("Nạp danh mục"));
    await waitFor(() => expect(services.pullCatalogue).toHaveBeenCalled());
    // Every action button (not the accordion headers, which only navigate).
    const actionButtons = [...document.querySelectorAll("button")].filter(
      (b) => !b.hasAttribute("aria-expanded"),
    );
    expect(actionButtons.map((b) => b.textContent)).toEqual(
      expect.arrayContaining(["Đọc lại sổ", "Nạp danh mục"]),
    );
    for (const b of actionButtons) expect(b).toBeDisabled();
    expect(screen.getByLabelText("Chỉ các phân công của đơn vị")).toBeDisabled();
    expect(screen.getByRole("progressbar")).toBeInTheDocument();
    act(() => report?.(0.5));
    expect(screen.getByText(/Đang nạp danh mục… — Đã xong 50 %/)).toBeInTheDocument();
    expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "0.5");

    await act(async () => gate.resolve(PULL_DONE));
    await waitFor(() => expect(button("Nạp danh mục")).toBeEnabled());
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();

    const [, req] = services.pullCatalogue.mock.calls[0];
    expect(services.loadBundledCatalogue).toHaveBeenCalledWith("demo-2024");
    expect(req).toMatchObject({ loadedFrom: "demo-2024", catalogue: { id: "demo-2024" } });
    expect(req.confirmSwitch).toBeUndefined();
    const success = screen.getByTestId("feedback-success");
    expect(success).toHaveTextContent("Đã nạp danh mục “DỮ LIỆU MINH HỌA — Kế hoạch CCHC 2024”.");
    expect(success).toHaveFocus();
    const result = screen.getByTestId("pull-result");
    expect(within(result).getByText("Dữ liệu minh họa — không phải văn bản chính thức")).toBeInTheDocument();
    const taskRow = within(result).getByRole("row", { name: /Nhiệm vụ/ });
    expect(
      within(taskRow)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["55", "0", "0"]);
    expect(within(result).getByText("1 lưu ý khi nạp")).toBeInTheDocument();
    expect(services.saveDocumentSettings).toHaveBeenCalledWith(fakeContext, { lastSource: "demo-2024" });
    expect(services.readTrackerStatus).toHaveBeenCalledTimes(2);
  });

  test("an official catalogue shows no sample-data warning", async () => {
    const user = userEvent.setup({ delay: null });
    const { services } = renderApp();
    await ready();
    await user.click(screen.getByLabelText(/Công văn 5893/));
    await user.click(button("Nạp danh mục"));
    await screen.findByTestId("pull-result");
    expect(services.loadBundledCatalogue).toHaveBeenCalledWith("cv-5893-2024");
    expect(screen.queryByText("Dữ liệu minh họa — không phải văn bản chính thức")).not.toBeInTheDocument();
  });

  test("an ActionError's problems and hint appear in an error MessageBar that takes focus", async () => {
    const user = userEvent.setup({ delay: null });
    const services = fakeServices({
      pullCatalogue: jest.fn(async () => {
        throw new ActionError(
          ["Sổ đã có trang “Phân công” nhưng không phải do bổ trợ tạo."],
          "Hãy đổi tên trang “Phân công” rồi nạp lại; bổ trợ không ghi đè trang của bạn.",
        );
      }),
    });
    renderApp({ services });
    await ready();
    await user.click(button("Nạp danh mục"));
    const bar = await screen.findByTestId("feedback-error");
    expect(bar).toHaveTextContent("Chưa thực hiện được.");
    expect(bar).toHaveTextContent("Sổ đã có trang “Phân công” nhưng không phải do bổ trợ tạo.");
    expect(bar).toHaveTextContent(
      "Cách xử lý: Hãy đổi tên trang “Phân công” rồi nạp lại; bổ trợ không ghi đè trang của bạn.",
    );
    expect(bar).toHaveFocus();
    expect(bar.closest("[aria-live]")).toHaveAttribute("aria-live", "polite");
    expect(button("Nạp danh mục")).toBeEnabled();
  });

  test("a download error (FetchCatalogueError) lists its problems with a next step", async () => {
    const user = userEvent.setup({ delay: null });
    const services = fakeServices({
      loadDocumentSettings: jest.fn(async () => ({
        catalogueUrl: "https://data.example.vn/cchc.json",
        lastSource: "https://data.example.vn/cchc.json",
      })),
      fetchCatalogue: jest.fn(async () => {
        throw new FetchCatalogueError(
          "http",
          ["Lỗi HTTP 404 — không tìm thấy tệp danh mục tại địa chỉ này (data.example.vn)."],
          404,
        );
      }),
    });
    renderApp({ services });
    await ready();
    // The saved address and source are restored.
    expect(screen.getByLabelText("Tệp danh mục trên mạng (địa chỉ https)")).toBeChecked();
    expect(screen.getByLabelText(/Địa chỉ tệp/)).toHaveValue("https://data.example.vn/cchc.json");
    await user.click(button("Nạp danh mục"));
    const bar = await screen.findByTestId("feedback-error");
    expect(bar).toHaveTextContent("Không tải được danh mục.");
    expect(bar).toHaveTextContent("Lỗi HTTP 404");
    expect(bar).toHaveTextContent("Cách xử lý: Kiểm tra địa chỉ và kết nối mạng rồi thử lại.");
    expect(services.pullCatalogue).not.toHaveBeenCalled();
  });

  test("an unexpected error gets a generic Vietnamese message with the technical detail collapsed", async () => {
    const user = userEvent.setup({ delay: null });
    const services = fakeServices({
      loadBundledCatalogue: jest.fn(async () => Promise.reject(new TypeError("x is undefined"))),
    });
    renderApp({ services });
    await ready();
    await user.click(button("Nạp danh mục"));
    const bar = await screen.findByTestId("feedback-error");
    expect(bar).toHaveTextContent("Đã xảy ra lỗi không mong đợi.");
    expect(bar).toHaveTextContent("Cách xử lý: Hãy thử lại.");
    const details = bar.querySelector("details") as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(within(details).getByText("Chi tiết kỹ thuật")).toBeInTheDocument();
    expect(details).toHaveTextContent("TypeError: x is undefined");
  });

  test("a legacy-encoding CatalogueError offers “Chuyển mã sang Unicode và nạp lại”, which re-parses with convertLegacy", async () => {
    const user = userEvent.setup({ delay: null });
    const legacy = Object.assign(
      new CatalogueError([
        "Văn bản dùng bảng mã cũ TCVN3 (ABC, phông .VnTime), không phải Unicode. Hãy chuyển sang Unicode (Unikey: Ctrl+Shift+F6) hoặc chọn “Chuyển mã sang Unicode” rồi nạp lại.",
      ]),
      { legacyEncoding: "tcvn3" },
    );
    const fetchCatalogue = jest
      .fn()
      .mockRejectedValueOnce(legacy)
      .mockResolvedValueOnce(sampleCatalogue("data.example.vn-ke-hoach", false));
    const services = fakeServices({ fetchCatalogue });
    renderApp({ services });
    await ready();
    await user.click(screen.getByLabelText("Tệp danh mục trên mạng (địa chỉ https)"));
    await user.type(screen.getByLabelText(/Địa chỉ tệp/), "https://data.example.vn/ke-hoach.csv");
    await user.click(button("Nạp danh mục"));
    const bar = await screen.findByTestId("feedback-error");
    expect(bar).toHaveTextContent("Danh mục có lỗi.");
    expect(bar).toHaveTextContent("bảng mã cũ TCVN3");
    expect(fetchCatalogue).toHaveBeenLastCalledWith(
      "https://data.example.vn/ke-hoach.csv",
      expect.objectContaining({ convertLegacy: false }),
    );
    expect(services.pullCatalogue).not.toHaveBeenCalled();

    await user.click(button("Chuyển mã sang Unicode và nạp lại", bar));
    await screen.findByTestId("feedback-success");
    expect(fetchCatalogue).toHaveBeenCalledTimes(2);
    expect(fetchCatalogue).toHaveBeenLastCalledWith(
      "https://data.example.vn/ke-hoach.csv",
      expect.objectContaining({ convertLegacy: true }),
    );
    expect(services.pullCatalogue).toHaveBeenCalledTimes(1);
    expect(services.saveDocumentSettings).toHaveBeenCalledWith(fakeContext, {
      catalogueUrl: "https://data.example.vn/ke-hoach.csv",
      lastSource: "https://data.example.vn/ke-hoach.csv",
    });
    // Not the bundled sample: the generic “not official” warning, naming the source.
    expect(screen.getByText("Danh mục không chính thức")).toBeInTheDocument();
  });

  test("a catalogue error that is not about encoding offers no conversion", async () => {
    const user = userEvent.setup({ delay: null });
    const services = fakeServices({
      fetchCatalogue: jest.fn(async () => {
        throw new CatalogueError(["Nhiệm vụ thứ 3 (II.1): thiếu cơ quan chủ trì (lead)."]);
      }),
    });
    renderApp({ services });
    await ready();
    await user.click(screen.getByLabelText("Tệp danh mục trên mạng (địa chỉ https)"));
    await user.type(screen.getByLabelText(/Địa chỉ tệp/), "https://x.example/a.json");
    await user.click(button("Nạp danh mục"));
    const bar = await screen.findByTestId("feedback-error");
    expect(bar).toHaveTextContent("thiếu cơ quan chủ trì");
    expect(bar).toHaveTextContent("Cách xử lý: Hãy sửa tệp hoặc bảng theo các lỗi trên rồi nạp lại.");
    expect(within(bar).queryByRole("button", { name: "Chuyển mã sang Unicode và nạp lại" })).toBeNull();
  });
});
