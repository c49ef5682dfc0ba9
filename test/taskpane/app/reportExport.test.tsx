/** Báo cáo Sở Nội vụ and Xuất danh mục: each workflow's container with fake actions. */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeContext, fakeServices, renderApp } from "../helpers";
import { installFastComputedStyle } from "../fastComputedStyle";
import { button, findButton, openWorkflow, ready } from "./queries";

installFastComputedStyle();

jest.setTimeout(60_000);

describe("other workflows", () => {
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
