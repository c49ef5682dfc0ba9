/** The report's label tables, now derived from Tổng hợp's: the printed words stay exactly these. */
import {
  REPORT_FIGURE_HEADERS,
  REPORT_UNIT_HEADERS,
  reportDocumentOps,
} from "../../../src/core/workbook/reportDoc";
import { reportSheetOps } from "../../../src/core/workbook/sheets";

test("REPORT_FIGURE_HEADERS", () => {
  expect([...REPORT_FIGURE_HEADERS]).toEqual([
    "Được giao",
    "Hoàn thành",
    "Đúng hạn",
    "Trễ hạn",
    "Quá hạn",
    "Tỷ lệ hoàn thành",
    "Điểm tự đánh giá",
    "Điểm thẩm định",
    "Chưa thẩm định",
  ]);
  expect([...REPORT_UNIT_HEADERS]).toEqual([
    "STT",
    "Đơn vị",
    "Được giao",
    "Hoàn thành",
    "Quá hạn",
    "Tỷ lệ hoàn thành",
    "Điểm tự đánh giá",
    "Điểm thẩm định",
    "Chưa thẩm định",
  ]);
});

test("reportSheetOps is the report document's one writer", () => {
  expect(reportSheetOps).toBe(reportDocumentOps);
});
