/** The task pane with a fake host and fake actions: first screen, language, busy state, errors, catalogue workflows. */
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { toTCVN3 } from "vietnamese-conversion";
import { ActionError } from "../../src/taskpane/actions";
import { CatalogueError } from "../../src/core";
import { FetchCatalogueError } from "../../src/net/fetchCatalogueError";
import type { PullOutcome } from "../../src/taskpane/actions";
import {
  DEMO_TRACKER,
  PULL_DONE,
  STATS,
  deferred,
  fakeContext,
  fakeServices,
  renderApp,
  sampleCatalogue,
} from "./helpers";
import { installFastComputedStyle } from "./fastComputedStyle";

installFastComputedStyle();

jest.setTimeout(60_000);

/**
 * Role queries compute accessible names with getComputedStyle, which jsdom makes slow (~1 s per
 * query over Fluent's hundreds of CSS rules): most queries here go by text or label, and role
 * queries are kept for what they prove, within small regions.
 */
const button = (name: string | RegExp, scope: HTMLElement = document.body): HTMLElement =>
  within(scope).getByText(name, { selector: "button" });
const findButton = (name: string | RegExp): Promise<HTMLElement> =>
  screen.findByText(name, { selector: "button" }, { timeout: 4000 });

async function ready(): Promise<void> {
  await findButton("Nạp danh mục");
  await waitFor(() => expect(button("Nạp danh mục")).toBeEnabled());
}

async function openWorkflow(user: ReturnType<typeof userEvent.setup>, name: string): Promise<void> {
  await user.click(button(name));
}

describe("first screen", () => {
  test("renders in Vietnamese and shows what the workbook tracks", async () => {
    const services = fakeServices({ readTrackerStatus: jest.fn(async () => DEMO_TRACKER) });
    renderApp({ services });
    // One h1, then h2 for the status and for each workflow (the accordion headers).
    expect([...document.querySelectorAll("h1")].map((h) => h.textContent)).toEqual(["Theo dõi CCHC 2024"]);
    expect([...document.querySelectorAll("h2")].map((h) => h.textContent)).toEqual([
      "Sổ đang theo dõi",
      "1. Nạp danh mục",
      "2. Ngày báo cáo",
      "3. Đánh dấu quá hạn",
      "4. Tổng hợp",
      "5. Chấm điểm",
      "6. Báo cáo Sở Nội vụ",
      "7. Xuất danh mục",
    ]);
    await ready();
    expect(services.readTrackerStatus).toHaveBeenCalledWith(fakeContext);
    expect(services.loadDocumentSettings).toHaveBeenCalledWith(fakeContext);
    expect(screen.getByText("DỮ LIỆU MINH HỌA — Kế hoạch CCHC 2024")).toBeInTheDocument();
    expect(screen.getByText("15/12/2024")).toBeInTheDocument();
    const status = screen.getByText("Sổ đang theo dõi").closest("section") as HTMLElement;
    expect(status).toHaveAttribute("aria-labelledby", "status-heading");
    expect(within(status).getByText("dữ liệu minh họa")).toBeInTheDocument();
    expect(screen.getByLabelText(/Nhiệm vụ theo Công văn 5893/)).toBeInTheDocument();
    expect(screen.getByLabelText("Ngôn ngữ")).toHaveValue("vi");
  });

  test("an empty workbook says to load a catalogue", async () => {
    renderApp();
    await ready();
    expect(screen.getByText("Sổ này chưa có bảng theo dõi. Hãy nạp danh mục (mục 1).")).toBeInTheDocument();
  });

  test("switches to English and saves the choice in the document", async () => {
    const user = userEvent.setup({ delay: null });
    const { services } = renderApp();
    await ready();
    await user.selectOptions(screen.getByLabelText("Ngôn ngữ"), "en");
    expect(document.querySelector("h1")).toHaveTextContent("CCHC 2024 tracker");
    expect(screen.getByText("1. Load the catalogue").closest("h2")).not.toBeNull();
    expect(button("Load catalogue")).toBeInTheDocument();
    expect(screen.getByLabelText(/Demonstration plan of 55 tasks/)).toBeInTheDocument();
    expect(screen.queryByText("1. Nạp danh mục")).not.toBeInTheDocument();
    expect(document.documentElement.lang).toBe("en");
    await waitFor(() =>
      expect(services.saveDocumentSettings).toHaveBeenCalledWith(fakeContext, { language: "en" }),
    );
  });

  test("a language saved in the workbook wins over the Office display language", async () => {
    const services = fakeServices({ loadDocumentSettings: jest.fn(async () => ({ language: "vi" })) });
    renderApp({ services, lang: "en" });
    await ready();
    expect(document.querySelector("h1")).toHaveTextContent("Theo dõi CCHC 2024");
  });

  test("outside Excel the pane renders, says it needs Excel, and every action is disabled", async () => {
    renderApp({ host: null });
    expect(screen.getByText("Chưa kết nối với Excel")).toBeInTheDocument();
    const pull = await findButton("Nạp danh mục");
    expect(pull).toBeDisabled();
    expect(screen.queryByRole("button", { name: "Đọc lại sổ" })).not.toBeInTheDocument();
  });
});

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

describe("Bảng của đơn vị (import)", () => {
  const address = "'Kế hoạch đơn vị'!A1:F5";
  const rows = [
    ["STT", "Nội dung công việc", "Đơn vị chủ trì", "Phối hợp", "Thời gian hoàn thành", "Ghi chú"],
    ["I", "CÔNG TÁC CHỈ ĐẠO", "", "", "", ""],
    [1, "Ban hành kế hoạch CCHC năm 2024", "Văn phòng", "Sở Nội vụ", "Quý I/2024", "Đã xong"],
    [2, "Tự kiểm tra công tác CCHC", "Sở Nội vụ", "", "Quý IV/2024", ""],
    ["", "", "", "", "", ""],
  ];

  test("shows the detected mapping; a changed dropdown changes the map given to the parser and the pull", async () => {
    const user = userEvent.setup({ delay: null });
    const services = fakeServices({
      readSheetForImport: jest.fn(async () => ({ sheet: "Kế hoạch đơn vị", address, rows })),
    });
    renderApp({ services });
    await ready();
    await user.click(screen.getByLabelText("Bảng của đơn vị (trang đang mở trong sổ)"));
    await user.click(button("Đọc bảng đang mở"));
    expect(
      await screen.findByText("Cột của bảng", { selector: "h3" }, { timeout: 4000 }),
    ).toBeInTheDocument();
    expect(services.readSheetForImport).toHaveBeenCalledWith(fakeContext);

    const dropdown = (label: RegExp) => screen.getByLabelText(label, { selector: "[role=combobox]" });
    expect(dropdown(/^Nội dung nhiệm vụ/)).toHaveTextContent("B — Nội dung công việc");
    expect(dropdown(/^Cơ quan chủ trì/)).toHaveTextContent("C — Đơn vị chủ trì");
    expect(dropdown(/^Thời hạn hoàn thành/)).toHaveTextContent("E — Thời gian hoàn thành");
    expect(dropdown(/^Ghi chú/)).toHaveTextContent("F — Ghi chú");
    expect(dropdown(/^Sản phẩm/)).toHaveTextContent("(không có)");

    // The user says column F holds the progress, not a note.
    await user.click(dropdown(/^Ghi chú/));
    await user.click(await screen.findByText("(không có)", { selector: "[role=option]" }));
    await user.click(dropdown(/^Tiến độ/));
    await user.click(await screen.findByText("F — Ghi chú", { selector: "[role=option]" }));
    expect(dropdown(/^Tiến độ/)).toHaveTextContent("F — Ghi chú");

    await user.click(button("Nạp bảng này"));
    await screen.findByTestId("feedback-success");
    const [parsedRows, year, options] = services.tasksFromTable.mock.calls[0];
    expect(parsedRows).toBe(rows);
    expect(year).toBe(2024);
    expect(options).toMatchObject({ headerRow: 0, convertLegacy: false });
    expect(options.map).toEqual({ id: 0, title: 1, lead: 2, coordinating: 3, deadline: 4, status: 5 });
    const req = services.pullCatalogue.mock.calls[0][1];
    expect(req.loadedFrom).toBe(address);
    expect(req.catalogue).toMatchObject({
      id: "bang-ke-hoach-don-vi",
      planYear: 2024,
      source: { document: `Bảng của đơn vị: ${address}`, official: false },
    });
    expect(req.catalogue.tasks[0]).toMatchObject({
      id: "I.1",
      area: "I",
      lead: "Văn phòng",
      progress: { status: "Đã xong" },
    });
    expect(services.saveDocumentSettings).toHaveBeenCalledWith(fakeContext, { lastSource: address });
  });

  test("a TCVN3 table: the convert button re-parses it with convertLegacy and loads Unicode text", async () => {
    const user = userEvent.setup({ delay: null });
    const legacyRows = rows.map((r) => r.map((c) => (typeof c === "string" ? toTCVN3(c, "unicode") : c)));
    const services = fakeServices({
      readSheetForImport: jest.fn(async () => ({ sheet: "KH", address: "KH!A1:F5", rows: legacyRows })),
    });
    renderApp({ services });
    await ready();
    await user.click(screen.getByLabelText("Bảng của đơn vị (trang đang mở trong sổ)"));
    await user.click(button("Đọc bảng đang mở"));
    await user.click(await findButton("Nạp bảng này"));
    const bar = await screen.findByTestId("feedback-error");
    expect(bar).toHaveTextContent("bảng mã cũ TCVN3");
    expect(services.pullCatalogue).not.toHaveBeenCalled();
    await user.click(button("Chuyển mã sang Unicode và nạp lại", bar));
    await screen.findByTestId("feedback-success");
    expect(services.tasksFromTable).toHaveBeenCalledTimes(2);
    expect(services.tasksFromTable.mock.calls[1][2]).toMatchObject({ convertLegacy: true });
    const req = services.pullCatalogue.mock.calls[0][1];
    expect(req.catalogue.tasks.map((t: { title: string }) => t.title)).toEqual([
      "Ban hành kế hoạch CCHC năm 2024",
      "Tự kiểm tra công tác CCHC",
    ]);
  });
});

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
    const list = screen.getByTestId("overdue-list");
    expect(list.querySelectorAll("li")).toHaveLength(2);
    await user.click(within(list).getByRole("button", { name: "Đi tới dòng VII.2 — Huyện Bình Sơn" }));
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
    expect(cells(sn)).toEqual(["3", "2", "1", "66,7\u00a0%", "0"]);
    const total = screen.getByTestId("summary-total");
    expect(total.querySelector("th")).toHaveTextContent("Tổng cộng");
    expect(cells(total)).toEqual(["7", "6", "1", "85,7\u00a0%", "—"]);
    expect(within(table).getByText("Ủy ban nhân dân huyện Sơn Tây và các xã trực thuộc")).toBeInTheDocument();
  });

  test("Báo cáo Sở Nội vụ calls buildReport", async () => {
    const user = userEvent.setup({ delay: null });
    const { services } = renderApp();
    await ready();
    await openWorkflow(user, "6. Báo cáo Sở Nội vụ");
    await user.click(await findButton("Lập báo cáo"));
    expect(await screen.findByTestId("feedback-success")).toHaveTextContent("Đã lập trang “Báo cáo”.");
    expect(services.buildReport).toHaveBeenCalledWith(fakeContext);
  });

  test("Xuất danh mục offers a download link and a copy button", async () => {
    const user = userEvent.setup({ delay: null });
    const json = '{"schema":"cchc-catalogue/1","id":"demo-2024"}';
    const services = fakeServices({
      exportCatalogue: jest.fn(async () => ({
        json,
        fileName: "demo-2024.json",
        taskCount: 55,
        official: false,
      })),
    });
    const createObjectURL = jest.fn(() => "blob:fake-url");
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const writeText = jest.fn(async () => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    renderApp({ services });
    await ready();
    await openWorkflow(user, "7. Xuất danh mục");
    await user.click(await findButton("Xuất danh mục"));
    expect(await screen.findByText("Đã xuất 55 nhiệm vụ (demo-2024.json).")).toBeInTheDocument();
    const link = await screen.findByRole("link", { name: "Tải về demo-2024.json" });
    expect(link).toHaveAttribute("href", "blob:fake-url");
    expect(link).toHaveAttribute("download", "demo-2024.json");
    const blob = (createObjectURL.mock.calls[0] as unknown as [Blob])[0];
    expect(blob.type).toBe("application/json;charset=utf-8");
    await user.click(button("Sao chép"));
    expect(writeText).toHaveBeenCalledWith(json);
    expect(await screen.findByText("Đã sao chép nội dung tệp vào bộ nhớ tạm.")).toBeInTheDocument();
    expect(screen.getByLabelText("Nội dung tệp")).toHaveValue(json);
  });
});
