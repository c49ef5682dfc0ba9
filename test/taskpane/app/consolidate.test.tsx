/** 9. Tổng hợp từ đơn vị: the container with fake services — files picked, preview, conflict choices, one write; a one-unit workbook refused. */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DEMO_TRACKER, fakeContext, fakeServices, renderApp, STATS } from "../helpers";
import { installFastComputedStyle } from "../fastComputedStyle";
import type { ConsolidationReport } from "../../../src/core/consolidate/types";
import { button, openWorkflow, ready } from "./queries";

installFastComputedStyle();
jest.setTimeout(60_000);

const REPORT: ConsolidationReport = {
  filesRead: 2,
  accepted: [
    {
      file: "snv.xlsx",
      unitId: "snv",
      unit: "Sở Nội vụ",
      catalogueVersion: "1",
      savedAt: null,
      rows: 4,
      rowsUpdated: 2,
      notes: [],
    },
  ],
  rejected: [
    {
      file: "hong.xlsx",
      reason: "Tệp .xlsx bị hỏng hoặc bị cắt cụt (không tìm thấy mục lục của tệp nén): hãy gửi lại tệp gốc.",
    },
  ],
  superseded: [],
  rowsUpdated: 2,
  conflicts: [
    {
      file: "snv.xlsx",
      unit: "Sở Nội vụ",
      taskId: "I.1",
      fields: [{ column: "Trạng thái", province: "Đang thực hiện", unit: "Đã hoàn thành" }],
      kept: "province",
    },
    {
      file: "snv.xlsx",
      unit: "Sở Nội vụ",
      taskId: "I.2",
      fields: [{ column: "Ghi chú", province: "a", unit: "b" }],
      kept: "province",
    },
  ],
  unitsMissing: ["Sở Tư pháp"],
  extraTasks: [],
  otherUnitRows: [],
  unitsReported: 1,
  unitsExpected: 2,
};

const picked = [
  new File([new Uint8Array([0x50, 0x4b])], "snv.xlsx"),
  new File([new Uint8Array([1])], "hong.xlsx"),
];

describe("Tổng hợp từ đơn vị", () => {
  test("reads the picked files, previews, takes the unit's value for one row, writes once", async () => {
    const user = userEvent.setup({ delay: null });
    const files = [
      { name: "snv.xlsx", fileTime: null },
      { name: "hong.xlsx", fileTime: null, problem: "x" },
    ];
    const services = fakeServices({
      readTrackerStatus: jest.fn(async () => DEMO_TRACKER),
      readUnitFiles: jest.fn(async (_f: File[], progress: (d: number, t: number) => void) => {
        progress(2, 2);
        return files;
      }),
      previewConsolidation: jest.fn(async () => ({ report: REPORT, stats: STATS })),
      applyConsolidation: jest.fn(async () => ({
        report: { ...REPORT, unitsReported: 1 },
        stats: STATS,
        rowsWritten: 3,
        addedColumns: ["Nguồn cập nhật", "Cập nhật lúc"],
        clearedFilters: [],
      })),
    });
    renderApp({ services });
    await ready();
    await openWorkflow(user, "9. Tổng hợp từ đơn vị");
    const input = await screen.findByLabelText("Chọn các tệp .xlsx của đơn vị");
    expect(input).toHaveAttribute("type", "file");
    expect(input).toHaveAttribute("multiple");
    await user.upload(input, picked);
    expect(await screen.findByTestId("consolidate-summary")).toHaveTextContent(
      "Nhận 1 tệp · từ chối 1 · bị thay thế 0",
    );
    expect(services.readUnitFiles).toHaveBeenCalledWith(picked, expect.any(Function));
    expect(services.previewConsolidation).toHaveBeenCalledWith(fakeContext, files);
    const list = screen.getByTestId("consolidate-file-list");
    expect(within(list).getByText(/Sở Nội vụ · danh mục 1 · 2 dòng thay đổi/)).toBeInTheDocument();
    expect(within(list).getByText(/không tìm thấy mục lục/)).toBeInTheDocument();
    const row = within(screen.getByRole("group", { name: "Xung đột I.2 — Sở Nội vụ" }));
    await user.click(row.getByRole("button", { name: "Lấy giá trị của đơn vị" }));
    expect(row.getByRole("button", { name: "Lấy giá trị của đơn vị" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await user.click(button("Ghi vào sổ (1 tệp)"));
    await waitFor(() => expect(services.applyConsolidation).toHaveBeenCalledTimes(1));
    expect(services.applyConsolidation).toHaveBeenCalledWith(fakeContext, files, {
      all: "province",
      rows: { "snv.xlsx\u0001I.2": "unit" },
    });
    expect(await screen.findByText("Đã tổng hợp 1 tệp: cập nhật 3 dòng phân công.")).toBeInTheDocument();
    expect(
      screen.getByText("Xung đột: giữ giá trị sổ tỉnh 1 dòng, lấy của đơn vị 1 dòng."),
    ).toBeInTheDocument();
    expect(screen.queryByTestId("consolidate-summary")).toBeNull();
  });

  test("a one-unit workbook: the workflow says why and offers no file input", async () => {
    const user = userEvent.setup({ delay: null });
    const oneUnit = { ...DEMO_TRACKER, catalogue: { ...DEMO_TRACKER.catalogue!, unitName: "Sở Nội vụ" } };
    const services = fakeServices({ readTrackerStatus: jest.fn(async () => oneUnit) });
    renderApp({ services });
    await ready();
    await openWorkflow(user, "9. Tổng hợp từ đơn vị");
    expect(await screen.findByTestId("consolidate-one-unit")).toHaveTextContent(
      /sổ của một đơn vị \(“Sở Nội vụ”\), không phải sổ tỉnh/,
    );
    expect(screen.queryByLabelText("Chọn các tệp .xlsx của đơn vị")).toBeNull();
    expect(services.readUnitFiles).not.toHaveBeenCalled();
  });
});
