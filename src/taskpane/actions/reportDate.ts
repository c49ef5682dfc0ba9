/** Ngày báo cáo: the one named cell every formula and colour rule refers to. */
import { isIsoDate, toExcelSerial } from "../../core/dates/isoDate";
import { NAMES } from "../../core/workbook/layout";
import { ActionError, explainOfficeError, SyncMeter, type ActionStats } from "./common";

/** `date` "YYYY-MM-DD" fixes the report date; "today" writes =TODAY() (follows the calendar). */
export async function setReportDate(
  context: Excel.RequestContext,
  date: string | "today",
): Promise<ActionStats> {
  if (date !== "today" && !isIsoDate(date)) {
    throw new ActionError([`Ngày báo cáo không hợp lệ: ${String(date)}.`], "Hãy chọn một ngày trong lịch.");
  }
  const meter = new SyncMeter(context);
  try {
    const name = context.workbook.names.getItemOrNullObject(NAMES.reportDate);
    name.load("name");
    await meter.sync();
    if (name.isNullObject) {
      throw new ActionError(
        ["Sổ chưa có ô “Ngày báo cáo” (tên NgayBaoCao)."],
        "Hãy bấm “Nạp danh mục” trước.",
      );
    }
    const cell = name.getRange();
    if (date === "today") cell.formulas = [["=TODAY()"]];
    else cell.values = [[toExcelSerial(date)]];
    cell.numberFormat = [["dd/mm/yyyy"]];
    await meter.sync();
    return meter.stats();
  } catch (e) {
    throw explainOfficeError(e);
  }
}
