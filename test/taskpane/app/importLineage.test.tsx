/**
 * Issue 20 (round 2): the import's mapping step of a 2026 table naming old units shows each
 * name's lineage and offers its successors; nothing is pulled until a second click, and only the
 * chosen names are rewritten (never a silent guess).
 */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeServices, renderApp } from "../helpers";
import { installFastComputedStyle } from "../fastComputedStyle";
import { waitFor } from "@testing-library/react";
import { button, findButton, ready } from "./queries";

installFastComputedStyle();
jest.setTimeout(120_000);

const address = "'Kế hoạch 2026'!A1:E5";
const rows = [
  ["STT", "Nội dung công việc", "Đơn vị chủ trì", "Phối hợp", "Thời gian hoàn thành"],
  [1, "Ban hành kế hoạch CCHC năm 2026", "Phường Nguyễn Nghiêm", "Sở Nội vụ", "Quý I/2026"],
  [2, "Tự kiểm tra công tác CCHC", "UBND huyện Lý Sơn", "", "Quý IV/2026"],
  [3, "Rà soát thủ tục hành chính", "Đặc khu Lý Sơn", "", "Quý II/2026"],
];

async function openMapping(lang: "vi" | "en" = "vi") {
  const user = userEvent.setup({ delay: null });
  const services = fakeServices({
    readSheetForImport: jest.fn(async () => ({ sheet: "Kế hoạch 2026", address, rows })),
  });
  renderApp({ services, lang });
  if (lang === "vi") await ready();
  else {
    await findButton("Load catalogue");
    await waitFor(() => expect(button("Load catalogue")).toBeEnabled());
  }
  return { user, services };
}

test("old names in a 2026 table: lineage shown, successors offered, the chosen one written before the pull", async () => {
  const { user, services } = await openMapping();
  await user.click(screen.getByLabelText("Bảng của đơn vị (trang đang mở trong sổ)"));
  await user.click(button("Đọc bảng đang mở"));
  await user.click(await findButton("Nạp bảng này"));

  // First click: nothing pulled; the mapping lists each old name with its lineage.
  const list = await screen.findByTestId("mapping-lineage", {}, { timeout: 4000 });
  expect(services.pullCatalogue).not.toHaveBeenCalled();
  expect(await screen.findByTestId("feedback-warning")).toHaveTextContent("2 tên đơn vị theo bản đồ cũ");
  expect(list).toHaveTextContent("Phường Nguyễn Nghiêm (Thành phố Quảng Ngãi) nay thuộc Phường Cẩm Thành");
  expect(list).toHaveTextContent("cấp huyện đã kết thúc từ 01/07/2025");
  expect(list).toHaveTextContent("Đặc khu Lý Sơn");

  // Choose Phường Cẩm Thành for the ward; keep the district as written.
  const ward = within(list).getByLabelText(/Thay “Phường Nguyễn Nghiêm” bằng/, {
    selector: "[role=combobox]",
  });
  expect(ward).toHaveTextContent("giữ nguyên");
  await user.click(ward);
  await user.click(await screen.findByText("Phường Cẩm Thành", { selector: "[role=option]" }));
  expect(ward).toHaveTextContent("Phường Cẩm Thành");

  await user.click(button("Nạp bảng này"));
  await screen.findByTestId("feedback-success");
  const req = services.pullCatalogue.mock.calls[0][1];
  expect(req.catalogue.planYear).toBe(2026);
  expect(req.catalogue.tasks.map((t: { lead: string }) => t.lead)).toEqual([
    "Phường Cẩm Thành",
    "UBND huyện Lý Sơn",
    "Đặc khu Lý Sơn",
  ]);
});

test("a 2024 table goes straight to the pull (no lineage on the 2024 map)", async () => {
  const { user, services } = await openMapping();
  services.readSheetForImport.mockImplementation(async () => ({
    sheet: "KH",
    address: "KH!A1:E2",
    rows: [rows[0], [1, "Ban hành kế hoạch", "Huyện Lý Sơn", "", "Quý I/2024"]],
  }));
  await user.click(screen.getByLabelText("Bảng của đơn vị (trang đang mở trong sổ)"));
  await user.click(button("Đọc bảng đang mở"));
  await user.click(await findButton("Nạp bảng này"));
  await screen.findByTestId("feedback-success");
  expect(screen.queryByTestId("mapping-lineage")).toBeNull();
  expect(services.pullCatalogue.mock.calls[0][1].catalogue.tasks[0].lead).toBe("Huyện Lý Sơn");
});

test("English: the mapping step's lineage strings", async () => {
  const { user } = await openMapping("en");
  await user.click(screen.getByLabelText(/own table/));
  await user.click(button("Read the open table"));
  await user.click(await findButton("Load this table"));
  const list = await screen.findByTestId("mapping-lineage", {}, { timeout: 4000 });
  expect(list).toHaveTextContent("The table names 2 unit(s) of the old map");
  expect(
    within(list).getByLabelText(/Replace “UBND huyện Lý Sơn” with/, { selector: "[role=combobox]" }),
  ).toHaveTextContent("keep the name as written");
});
