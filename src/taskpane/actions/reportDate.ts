/** Ngày báo cáo: the one named cell every formula and colour rule refers to. */
import { isIsoDate, toExcelSerial } from "../../core/dates/isoDate";
import { writeReportDateCell } from "../excel/workbookOps";
import { problem } from "../../core/problems/problem";
import { ActionError, explainOfficeError, SyncMeter, type ActionStats } from "./common";

/** `date` "YYYY-MM-DD" fixes the report date; "today" writes =TODAY() (follows the calendar). */
export async function setReportDate(
  context: Excel.RequestContext,
  date: string | "today",
): Promise<ActionStats> {
  if (date !== "today" && !isIsoDate(date)) {
    throw new ActionError(
      [problem("reportDate.invalid", { value: String(date) }, `Ngày báo cáo không hợp lệ: ${String(date)}.`)],
      problem("reportDate.invalidHint", {}, "Hãy gõ ngày dạng dd/mm/yyyy hoặc chọn một ngày trong lịch."),
    );
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
        [problem("reportDate.noCell", {}, "Sổ chưa có ô “Ngày báo cáo” (tên NgayBaoCao).")],
        problem("tracker.loadFirstHint", {}, "Hãy bấm “Nạp danh mục” trước."),
      );
    }
    return meter.stats();
  } catch (e) {
    throw explainOfficeError(e);
  }
}
