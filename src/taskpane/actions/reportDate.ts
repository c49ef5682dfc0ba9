/** Ngày báo cáo: the one named cell every formula and colour rule refers to. */
import { isIsoDate, toExcelSerial } from "../../core/dates/isoDate";
import { writeReportDateCell } from "../excel/workbookOps";
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
    const written = await writeReportDateCell(
      context,
      meter.sync,
      date === "today" ? { formula: "=TODAY()" } : { serial: toExcelSerial(date) },
    );
    if (!written) {
      throw new ActionError(
        ["Sổ chưa có ô “Ngày báo cáo” (tên NgayBaoCao)."],
        "Hãy bấm “Nạp danh mục” trước.",
      );
    }
    return meter.stats();
  } catch (e) {
    throw explainOfficeError(e);
  }
}
