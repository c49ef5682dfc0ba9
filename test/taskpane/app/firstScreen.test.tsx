/** The task pane with a fake host and fake actions: first screen, language, outside Excel. */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DEMO_TRACKER, fakeContext, fakeServices, renderApp } from "../helpers";
import { installFastComputedStyle } from "../fastComputedStyle";
import { button, findButton, ready } from "./queries";

installFastComputedStyle();

jest.setTimeout(60_000);

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
      "8. Thẩm định",
      "9. Tổng hợp từ đơn vị",
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
