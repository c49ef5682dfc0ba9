/**
 * Custom functions of namespace CCHC (=CCHC.DEADLINE(…) …). The ids are a contract stored in
 * workbooks: never rename them. The JSDoc below is Vietnamese (the default language of
 * functions.json); English text lives in metadata.en.json (LocalizeFunctionsPlugin).
 * Thin adapters only: the work is done in the modules imported below, which tests call directly.
 * Parameters are `any` because Excel hands over untyped cell values; every module validates them.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import "./runtimeGuard";
import { deadlineSerial, isOverdue as isOverdueImpl, taskStatusLabel } from "./deadlines";
import { canonicalUnitName, unitCompletion, unitSummaryTable } from "./units";
import { proportionalScore, tieredScore } from "./scoring";
import { tasksOnDemand } from "./lazyTasks";

/**
 * Hạn hoàn thành (ngày Excel) của một thời hạn ghi trong kế hoạch: “Quý IV/2024”, “Tháng 12/2024”, “Trước ngày 15/12”, “31/12/2024”… Nhiệm vụ thường xuyên → 31/12 của năm kế hoạch; không có thời hạn cố định (“Theo yêu cầu”, ô trống) → chuỗi rỗng; không đọc được → #VALUE! kèm lý do. Định dạng ô kết quả là Ngày.
 * @customfunction DEADLINE
 * @param {any} text Thời hạn như ghi trong kế hoạch (chữ) hoặc một ô ngày.
 * @param {any} [planYear] Năm kế hoạch, dùng khi thời hạn không ghi năm và cho nhiệm vụ thường xuyên. Bỏ trống = 2024.
 * @returns Ngày hạn (số ngày Excel) hoặc chuỗi rỗng.
 */
export function deadline(text: any, planYear?: any): number | string {
  return deadlineSerial(text, planYear);
}

/**
 * Tình trạng của nhiệm vụ vào ngày báo cáo: Hoàn thành đúng hạn, Hoàn thành trễ hạn, Hoàn thành, Quá hạn, Sắp đến hạn (trong 7 ngày), Chưa đến hạn, Không có thời hạn. Nên trỏ ngày báo cáo tới một ô để kết quả ổn định; dùng TODAY() làm đối số sẽ khiến hàm tính lại sau mỗi lần sửa bảng.
 * @customfunction STATUS
 * @param {any} due Thời hạn: một ô ngày hoặc chữ như “Quý IV/2024” (không ghi năm thì hiểu là năm 2024).
 * @param {any} status Trạng thái như đã nhập: “Đã hoàn thành”, “Đang thực hiện”, “Chưa thực hiện”, “x”, TRUE/FALSE… Ô trống = chưa hoàn thành.
 * @param {any} [completedOn] Ngày hoàn thành (để biết đúng hạn hay trễ hạn). Có thể bỏ trống.
 * @param {any} [reportDate] Ngày báo cáo. Bỏ trống = hôm nay. Nên dùng một ô ngày báo cáo để kết quả ổn định; TODAY() làm hàm tính lại sau mỗi lần sửa bảng.
 * @returns {string} Tình trạng bằng tiếng Việt.
 */
export function taskStatus(due: any, status: any, completedOn?: any, reportDate?: any): string {
  return taskStatusLabel(due, status, completedOn, reportDate);
}

/**
 * TRUE nếu nhiệm vụ chưa hoàn thành và đã qua thời hạn vào ngày báo cáo, ngược lại FALSE. Nên trỏ ngày báo cáo tới một ô để kết quả ổn định; dùng TODAY() làm đối số sẽ khiến hàm tính lại sau mỗi lần sửa bảng.
 * @customfunction ISOVERDUE
 * @param {any} due Thời hạn: một ô ngày hoặc chữ như “Quý IV/2024” (không ghi năm thì hiểu là năm 2024).
 * @param {any} status Trạng thái như đã nhập (“Đã hoàn thành”, “Đang thực hiện”, TRUE/FALSE…). Ô trống = chưa hoàn thành.
 * @param {any} [reportDate] Ngày báo cáo. Bỏ trống = hôm nay. Nên dùng một ô ngày báo cáo để kết quả ổn định; TODAY() làm hàm tính lại sau mỗi lần sửa bảng.
 * @returns {boolean} TRUE khi quá hạn.
 */
export function isOverdue(due: any, status: any, reportDate?: any): boolean {
  return isOverdueImpl(due, status, reportDate);
}

/**
 * Tỷ lệ hoàn thành (0 đến 1) của một đơn vị: số nhiệm vụ đã hoàn thành chia số nhiệm vụ được giao. Đếm đúng các dòng mà COUNTIFS của trang Tổng hợp đếm: ô ghi đúng tên đơn vị (không phân biệt hoa thường); ô ghi cùng đơn vị theo cách khác (thừa khoảng trắng, dấu tổ hợp, viết tắt như “SNV”) → #VALUE! nêu dòng cần sửa. Định dạng ô kết quả là Phần trăm.
 * @customfunction COMPLETION
 * @param {any[][]} units Vùng tên đơn vị được giao, mỗi dòng một nhiệm vụ.
 * @param {any[][]} statuses Vùng trạng thái, dài bằng vùng đơn vị.
 * @param {any} unit Đơn vị cần tính tỷ lệ.
 * @returns {number} Tỷ lệ hoàn thành từ 0 đến 1.
 */
export function completion(units: any[][], statuses: any[][], unit: any): number {
  return unitCompletion(units, statuses, unit);
}

/**
 * Bảng tổng hợp theo đơn vị (tràn ra nhiều ô): Đơn vị, Được giao, Hoàn thành, Đúng hạn, Trễ hạn, Quá hạn, Tỷ lệ hoàn thành; mỗi tên đơn vị một dòng, nhóm như COUNTIFS của trang Tổng hợp (tên ghi khác tên chuẩn là một dòng riêng, có ghi chú). Nên trỏ ngày báo cáo tới một ô để kết quả ổn định; dùng TODAY() làm đối số sẽ khiến hàm tính lại sau mỗi lần sửa bảng.
 * @customfunction UNITSUMMARY
 * @param {any[][]} units Vùng tên đơn vị được giao, mỗi dòng một nhiệm vụ.
 * @param {any[][]} dues Vùng thời hạn (ô ngày hoặc chữ như “Quý IV/2024”), dài bằng vùng đơn vị.
 * @param {any[][]} statuses Vùng trạng thái, dài bằng vùng đơn vị.
 * @param {any[][]} [completedOns] Vùng ngày hoàn thành, dài bằng vùng đơn vị. Có thể bỏ trống.
 * @param {any} [reportDate] Ngày báo cáo. Bỏ trống = hôm nay. Nên dùng một ô ngày báo cáo để kết quả ổn định; TODAY() làm hàm tính lại sau mỗi lần sửa bảng.
 * @param {any[][]} [verdicts] Vùng kết quả thẩm định (Đạt, Không đạt, Cần bổ sung; trống = chưa thẩm định), dài bằng vùng đơn vị. Có thì thêm cột Hoàn thành (thẩm định), Tỷ lệ (thẩm định), Chưa thẩm định.
 * @returns {any[][]} Bảng tổng hợp có dòng tiêu đề.
 */
export function unitSummary(
  units: any[][],
  dues: any[][],
  statuses: any[][],
  completedOns?: any[][],
  reportDate?: any,
  verdicts?: any[][],
): any[][] {
  return unitSummaryTable(units, dues, statuses, completedOns, reportDate, verdicts);
}

/**
 * Điểm theo cách tính tỷ lệ: đạt 100% được điểm tối đa; từ ngưỡng trở lên được tỷ lệ × điểm tối đa; dưới ngưỡng được 0; sau đó trừ điểm cho mỗi nhiệm vụ trễ hạn, không âm. Quy tắc do người chấm nhập, không mặc định theo văn bản nào.
 * @customfunction SCORE
 * @param {any} rate Tỷ lệ hoàn thành từ 0 đến 1 (hoặc 85%).
 * @param {any} maxPoints Điểm tối đa của tiêu chí.
 * @param {any} [threshold] Ngưỡng tỷ lệ tối thiểu để được điểm (ví dụ 0,8). Bỏ trống = không có ngưỡng.
 * @param {any} [lateCount] Số nhiệm vụ hoàn thành trễ hạn. Bỏ trống = 0.
 * @param {any} [latePenalty] Điểm trừ cho mỗi nhiệm vụ trễ hạn. Bỏ trống = 0.
 * @returns {number} Số điểm.
 */
export function score(
  rate: any,
  maxPoints: any,
  threshold?: any,
  lateCount?: any,
  latePenalty?: any,
): number {
  return proportionalScore(rate, maxPoints, threshold, lateCount, latePenalty);
}

/**
 * Điểm theo bảng bậc: điểm của bậc cao nhất mà tỷ lệ hoàn thành đạt tới (ví dụ 100% → 2 điểm, từ 80% → 1 điểm), dưới mọi bậc được 0; sau đó trừ điểm cho mỗi nhiệm vụ trễ hạn, không âm.
 * @customfunction SCORETIERS
 * @param {any} rate Tỷ lệ hoàn thành từ 0 đến 1 (hoặc 85%).
 * @param {any[][]} tiers Bảng bậc 2 cột: tỷ lệ tối thiểu, điểm (mỗi bậc một dòng; dòng tiêu đề chữ được bỏ qua).
 * @param {any} [lateCount] Số nhiệm vụ hoàn thành trễ hạn. Bỏ trống = 0.
 * @param {any} [latePenalty] Điểm trừ cho mỗi nhiệm vụ trễ hạn. Bỏ trống = 0.
 * @returns {number} Số điểm.
 */
export function scoreTiers(rate: any, tiers: any[][], lateCount?: any, latePenalty?: any): number {
  return tieredScore(rate, tiers, lateCount, latePenalty);
}

/**
 * Tên chính thức của một đơn vị (sở, ngành, huyện, xã) từ cách viết bất kỳ, theo bản đồ đơn vị có hiệu lực vào ngày asOf (bỏ trống = năm 2024): “SNV” → “Sở Nội vụ”, “UBND huyện Bình Sơn” → “Huyện Bình Sơn”. Từ 01/07/2025 không còn cấp huyện; tên đơn vị cũ → #N/A nêu đơn vị kế thừa. Không tìm thấy hoặc trùng tên → #N/A kèm các đơn vị có thể.
 * @customfunction UNIT
 * @param {any} name Tên đơn vị như đã ghi.
 * @param {any} [district] Huyện, thị xã, thành phố của xã/phường (để phân biệt các xã trùng tên; chỉ với bản đồ năm 2024).
 * @param {any} [asOf] Ngày áp dụng (hoặc năm kế hoạch, ví dụ 2026): dùng bản đồ đơn vị có hiệu lực vào ngày đó. Bỏ trống = bản đồ năm 2024.
 * @returns {string} Tên chính thức của đơn vị.
 */
export function unit(name: any, district?: any, asOf?: any): string {
  return canonicalUnitName(name, district, asOf);
}

/**
 * Danh mục nhiệm vụ (tràn ra nhiều ô, có dòng tiêu đề): Mã NV, Lĩnh vực, Nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp, Sản phẩm, Thời hạn, Hạn hoàn thành, Loại thời hạn, Nguồn. Cột Nguồn ghi rõ khi là dữ liệu minh họa, không phải văn bản chính thức.
 * @customfunction TASKS
 * @param {any} [source] “demo-2024” (mặc định, dữ liệu minh họa), “cv-5893-2024” (Công văn 5893/UBND-TTHC) hoặc địa chỉ https:// của tệp danh mục JSON/CSV.
 * @returns {Promise<any[][]>} Bảng nhiệm vụ.
 */
export function tasks(source?: any): Promise<any[][]> {
  return tasksOnDemand(source);
}
