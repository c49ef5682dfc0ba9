/** Bảng của đơn vị: importing the table a unit keeps in its own sheet. */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { toTCVN3 } from "vietnamese-conversion";
import { fakeContext, fakeServices, renderApp } from "../helpers";
import { installFastComputedStyle } from "../fastComputedStyle";
import { button, findButton, ready } from "./queries";

installFastComputedStyle();

// Dropdowns make role queries slow in jsdom; on a loaded 2-core machine this file needs the room.
jest.setTimeout(120_000);

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
