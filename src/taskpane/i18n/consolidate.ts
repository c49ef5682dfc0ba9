/**
 * Strings of 9. Tổng hợp từ đơn vị, Vietnamese first, English with exactly the same keys (the
 * type makes a missing key a compile error). Kept out of vi.ts / en.ts so that they load with
 * the workflow's chunk, not with the pane's first screen (its 110 KB gzip budget); the heading
 * (`wfConsolidate`) stays in Messages.
 */
import { MESSAGES, useT, type Messages } from "./index";

export const consolidateVi = {
  busyReadFiles: (done: number, total: number) => `Đang đọc tệp ${done}/${total}…`,
  busyConsolidatePreview: "Đang đối chiếu các tệp với sổ tỉnh…",
  busyConsolidate: "Đang ghi kết quả tổng hợp vào sổ…",
  consolidateExplain:
    "Gộp sổ theo dõi mà các đơn vị gửi về (tệp .xlsx) vào sổ tỉnh này: mỗi tệp chỉ cập nhật phân công của chính đơn vị đó; giá trị người rà soát đã nhập không bị thay mà được nêu là xung đột để chọn. Xem trước rồi mới ghi.",
  consolidateOneUnit: (unit: string) =>
    `Sổ này là sổ của một đơn vị (“${unit}”), không phải sổ tỉnh, nên không tổng hợp được: chỉ sổ theo dõi tất cả đơn vị mới gộp được sổ của các đơn vị. Hãy mở sổ tỉnh rồi dùng mục này.`,
  consolidatePickLabel: "Chọn các tệp .xlsx của đơn vị",
  consolidateDrop: "hoặc kéo thả các tệp vào khung này",
  consolidateFilesRead: (n: number) => `Đã đọc ${n} tệp.`,
  consolidateSummary: (accepted: number, rejected: number, superseded: number) =>
    `Nhận ${accepted} tệp · từ chối ${rejected} · bị thay thế ${superseded}`,
  consolidateRowsConflicts: (rows: number, conflicts: number) =>
    `${rows} dòng phân công sẽ được cập nhật · ${conflicts} xung đột`,
  consolidateReported: (reported: number, expected: number) =>
    `Đơn vị đã nộp sau khi ghi: ${reported}/${expected}`,
  consolidateFilesLabel: "Các tệp đã chọn",
  consolidateAccepted: (unit: string, version: string, rows: number) =>
    `→ ${unit} · danh mục ${version || "—"} · ${rows} dòng thay đổi`,
  consolidateRejected: "Từ chối",
  consolidateSuperseded: (by: string) => `Bị thay thế bởi ${by} (lưu sau)`,
  consolidateExtraTasks: (n: number) => `${n} nhiệm vụ không có trong danh mục của sổ tỉnh (không ghi)`,
  consolidateOtherRows: (n: number) => `${n} dòng của đơn vị khác (không ghi)`,
  consolidateConflictsTitle: (n: number) => `Xung đột (${n}): ô sổ tỉnh đã có giá trị khác`,
  consolidateAllLabel: "Với mọi xung đột",
  consolidateKeepProvince: "Giữ giá trị sổ tỉnh",
  consolidateTakeUnit: "Lấy giá trị của đơn vị",
  consolidateConflictLabel: (task: string, unit: string) => `Xung đột ${task} — ${unit}`,
  consolidateConflictField: (column: string, province: string, unit: string) =>
    `${column}: sổ tỉnh “${province}” ≠ đơn vị “${unit}”`,
  consolidateMoreConflicts: (n: number) => `… và ${n} xung đột khác (theo lựa chọn chung ở trên).`,
  consolidateMissingTitle: (n: number) => `Đơn vị chưa nộp (${n})`,
  consolidateApply: (n: number) => `Ghi vào sổ (${n} tệp)`,
  consolidateClear: "Chọn lại tệp",
  consolidateNothing: "Không có tệp nào hợp lệ để ghi: xem lý do từng tệp ở trên.",
  consolidateDone: (rows: number, files: number) =>
    `Đã tổng hợp ${files} tệp: cập nhật ${rows} dòng phân công.`,
  consolidateDoneReported: (reported: number, expected: number) =>
    `${reported}/${expected} đơn vị đã nộp — xem trang “Nộp báo cáo”.`,
  consolidateDoneConflicts: (kept: number, taken: number) =>
    `Xung đột: giữ giá trị sổ tỉnh ${kept} dòng, lấy của đơn vị ${taken} dòng.`,
  consolidateDoneRejected: (n: number, files: string) =>
    `${n} tệp bị từ chối, không ghi gì từ tệp đó: ${files}. Yêu cầu đơn vị gửi lại rồi tổng hợp thêm.`,
  consolidateChooseFiles: "Chọn tệp…",
  consolidateAddedColumns: "Đã thêm cột “Nguồn cập nhật” và “Cập nhật lúc” vào cuối bảng Phân công.",
  consolidatePreviewed: (files: number) =>
    `Đã đối chiếu ${files} tệp với sổ tỉnh. Xem lại rồi bấm “Ghi vào sổ”.`,
};

export type ConsolidateMessages = typeof consolidateVi;

export const consolidateEn: ConsolidateMessages = {
  busyReadFiles: (done: number, total: number) => `Reading file ${done} of ${total}…`,
  busyConsolidatePreview: "Comparing the files with the provincial workbook…",
  busyConsolidate: "Writing the merge into the workbook…",
  consolidateExplain:
    "Merges the tracking workbooks (.xlsx files) that units send back into this provincial workbook: each file updates only its own unit's assignments; a value the reviewer typed is never replaced silently but listed as a conflict for you to decide. Preview first, then write.",
  consolidateOneUnit: (unit: string) =>
    `This workbook tracks one unit (“${unit}”), not the whole province, so it cannot merge: only an all-units workbook can merge the units' workbooks. Open the provincial workbook and use this section there.`,
  consolidatePickLabel: "Choose the units' .xlsx files",
  consolidateDrop: "or drop the files onto this box",
  consolidateFilesRead: (n: number) => `${n} files read.`,
  consolidateSummary: (accepted: number, rejected: number, superseded: number) =>
    `${accepted} files accepted · ${rejected} rejected · ${superseded} superseded`,
  consolidateRowsConflicts: (rows: number, conflicts: number) =>
    `${rows} assignment ${rows === 1 ? "row" : "rows"} will be updated · ${conflicts} ${conflicts === 1 ? "conflict" : "conflicts"}`,
  consolidateReported: (reported: number, expected: number) =>
    `Units reported after writing: ${reported} of ${expected}`,
  consolidateFilesLabel: "The chosen files",
  consolidateAccepted: (unit: string, version: string, rows: number) =>
    `→ ${unit} · catalogue ${version || "—"} · ${rows} ${rows === 1 ? "row" : "rows"} changed`,
  consolidateRejected: "Rejected",
  consolidateSuperseded: (by: string) => `Superseded by ${by} (saved later)`,
  consolidateExtraTasks: (n: number) => `${n} tasks not in the provincial catalogue (not written)`,
  consolidateOtherRows: (n: number) => `${n} rows of other units (not written)`,
  consolidateConflictsTitle: (n: number) =>
    `Conflicts (${n}): the provincial cell already holds another value`,
  consolidateAllLabel: "For every conflict",
  consolidateKeepProvince: "Keep the provincial value",
  consolidateTakeUnit: "Take the unit's value",
  consolidateConflictLabel: (task: string, unit: string) => `Conflict ${task} — ${unit}`,
  consolidateConflictField: (column: string, province: string, unit: string) =>
    `${column}: province “${province}” ≠ unit “${unit}”`,
  consolidateMoreConflicts: (n: number) => `… and ${n} more conflicts (following the choice above).`,
  consolidateMissingTitle: (n: number) => `Units that have not reported (${n})`,
  consolidateApply: (n: number) => `Write into the workbook (${n} files)`,
  consolidateClear: "Choose other files",
  consolidateNothing: "No valid file to write: see each file's reason above.",
  consolidateDone: (rows: number, files: number) => `Merged ${files} files: ${rows} assignment rows updated.`,
  consolidateDoneReported: (reported: number, expected: number) =>
    `${reported} of ${expected} units have reported — see the “Nộp báo cáo” (submissions) sheet.`,
  consolidateDoneConflicts: (kept: number, taken: number) =>
    `Conflicts: the provincial value kept in ${kept} rows, the unit's taken in ${taken}.`,
  consolidateDoneRejected: (n: number, files: string) =>
    `${n} ${n === 1 ? "file was" : "files were"} rejected, nothing written from ${n === 1 ? "it" : "them"}: ${files}. Ask the units to send them again, then merge again.`,
  consolidateChooseFiles: "Choose files…",
  consolidateAddedColumns:
    "Added the provenance columns (“Nguồn cập nhật”, “Cập nhật lúc”) at the end of the Phân công table.",
  consolidatePreviewed: (files: number) =>
    `${files} files compared with the provincial workbook. Check, then click “Write into the workbook”.`,
};

/** The strings of the language whose Messages are given (messages are built per language). */
export function consolidateStrings(t: Messages): ConsolidateMessages {
  return t === MESSAGES.en ? consolidateEn : consolidateVi;
}

/** The strings of the pane's current language. */
export function useConsolidateT(): ConsolidateMessages {
  return consolidateStrings(useT().t);
}
