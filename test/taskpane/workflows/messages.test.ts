/** Each workflow's outcome → message, in both languages (pure functions, no rendering). */
import { MESSAGES, type Language } from "../../../src/taskpane/i18n";
import { catalogueMessage } from "../../../src/taskpane/workflows/catalogue/messages";
import { reportDateMessage } from "../../../src/taskpane/workflows/reportDate/messages";
import { overdueMessage } from "../../../src/taskpane/workflows/overdue/messages";
import { summaryMessage } from "../../../src/taskpane/workflows/summary/messages";
import { scoreMessage } from "../../../src/taskpane/workflows/score/messages";
import { reportMessage } from "../../../src/taskpane/workflows/report/messages";
import { exportMessage } from "../../../src/taskpane/workflows/export/messages";
import type { FeedbackContent } from "../../../src/taskpane/app/feedback";
import { ActionError } from "../../../src/taskpane/actions";
import { CatalogueError } from "../../../src/core";

const vi = MESSAGES.vi;
const en = MESSAGES.en;

type Row = [string, (lang: Language) => FeedbackContent, Partial<FeedbackContent>, Partial<FeedbackContent>];

const rows: Row[] = [
  [
    "pulled (new tables)",
    (l) => catalogueMessage({ kind: "pulled", title: "Kế hoạch", fresh: true }, MESSAGES[l]),
    { intent: "success", title: "Đã nạp danh mục “Kế hoạch”.", lines: [vi.pullDoneFresh] },
    {
      intent: "success",
      title: "Loaded the catalogue “Kế hoạch”.",
      lines: ["New tracking tables were created."],
    },
  ],
  [
    "pulled (merged)",
    (l) => catalogueMessage({ kind: "pulled", title: "K", fresh: false }, MESSAGES[l]),
    { lines: ["Đã cập nhật bảng theo dõi."] },
    { lines: ["The tracking tables were updated."] },
  ],
  [
    "no unit chosen",
    (l) => catalogueMessage({ kind: "noUnit" }, MESSAGES[l]),
    { intent: "error", title: "Chưa chọn đơn vị.", hint: vi.errNoUnitHint },
    { intent: "error", title: "No unit chosen.", hint: en.errNoUnitHint },
  ],
  [
    "switch cancelled",
    (l) => catalogueMessage({ kind: "switchCancelled" }, MESSAGES[l]),
    { intent: "info", title: "Đã hủy: sổ vẫn theo dõi danh mục cũ." },
    { intent: "info", title: en.confirmCancelled },
  ],
  [
    "sheet read",
    (l) => catalogueMessage({ kind: "sheetRead", address: "KH!A1:F5", rows: 5 }, MESSAGES[l]),
    { intent: "info", title: vi.readSheetDone("KH!A1:F5", 5) },
    { intent: "info", title: en.readSheetDone("KH!A1:F5", 5) },
  ],
  [
    "an action error",
    (l) => catalogueMessage({ kind: "failed", error: new ActionError(["Lỗi A"], "Làm B") }, MESSAGES[l]),
    { intent: "error", lines: ["Lỗi A"], linesLang: "vi", hint: "Làm B", title: "Chưa thực hiện được." },
    { intent: "error", lines: ["Lỗi A"], linesLang: "vi", hint: "Làm B", title: en.errActionTitle },
  ],
  [
    "a fixed report date",
    (l) => reportDateMessage({ kind: "dateSet", date: "2024-12-31" }, MESSAGES[l]),
    { intent: "success", title: "Đã đặt ngày báo cáo 31/12/2024." },
    { intent: "success", title: "Report date set to 31/12/2024." },
  ],
  [
    "today",
    (l) => reportDateMessage({ kind: "todaySet" }, MESSAGES[l]),
    { title: vi.dateTodayDone },
    { title: en.dateTodayDone },
  ],
  [
    "no date",
    (l) => reportDateMessage({ kind: "dateRequired" }, MESSAGES[l]),
    { intent: "error", title: vi.errActionTitle, hint: vi.dateRequired },
    { intent: "error", title: en.errActionTitle, hint: "Type the date as day/month/year, e.g. 31/12/2024." },
  ],
  [
    "overdue found",
    (l) => overdueMessage({ kind: "flagged", overdueQ4: 2, reportDate: "2024-12-15" }, MESSAGES[l]),
    { intent: "warning", title: "Tính đến 15/12/2024: 2 phân công Quý IV/thường xuyên quá hạn." },
    { intent: "warning", title: "As of 15/12/2024: 2 Q4/recurring assignments overdue." },
  ],
  [
    "nothing overdue",
    (l) => overdueMessage({ kind: "flagged", overdueQ4: 0, reportDate: "2024-12-15" }, MESSAGES[l]),
    { intent: "success" },
    { intent: "success" },
  ],
  [
    "filter cleared",
    (l) => overdueMessage({ kind: "filterCleared" }, MESSAGES[l]),
    { title: "Đã bỏ lọc: bảng Phân công hiện đủ các dòng." },
    { title: en.filterCleared },
  ],
  [
    "summary",
    (l) => summaryMessage({ kind: "built", units: 3 }, MESSAGES[l]),
    { intent: "success", title: vi.summaryDone(3) },
    { intent: "success", title: "The “Tổng hợp” sheet was updated: 3 units." },
  ],
  [
    "summary with a filtered PivotTable",
    (l) =>
      summaryMessage(
        {
          kind: "built",
          units: 3,
          pivot: {
            sheet: "Pivot Phân công",
            filtered: [{ field: "Vai trò", values: ["Chủ trì"] }],
            toPick: [],
          },
        },
        MESSAGES[l],
      ),
    {
      intent: "success",
      lines: [
        "PivotTable chỉ đếm các dòng “Vai trò” = “Chủ trì”, như trang “Tổng hợp”, nên tổng của hai bên bằng nhau.",
      ],
    },
    {
      intent: "success",
      lines: [
        "The PivotTable counts only the rows where “Vai trò” = “Chủ trì”, as the “Tổng hợp” sheet does, so their totals are equal.",
      ],
    },
  ],
  [
    "summary: an older Excel leaves the PivotTable filter to the person",
    (l) =>
      summaryMessage(
        {
          kind: "built",
          units: 3,
          pivot: {
            sheet: "Pivot Phân công",
            filtered: [],
            toPick: [{ field: "Vai trò", values: ["Chủ trì"] }],
          },
        },
        MESSAGES[l],
      ),
    {
      intent: "warning",
      lines: [
        "Phiên bản Excel này chưa tự lọc được PivotTable. Trên trang “Pivot Phân công”, ở ô lọc “Vai trò”, hãy chọn “Chủ trì” để tổng khớp với trang “Tổng hợp”.",
      ],
    },
    {
      intent: "warning",
      lines: [
        "This version of Excel cannot filter the PivotTable itself. On the “Pivot Phân công” sheet, in the “Vai trò” filter, pick “Chủ trì” so its totals equal the “Tổng hợp” sheet.",
      ],
    },
  ],
  [
    "rule applied",
    (l) => scoreMessage({ kind: "applied" }, MESSAGES[l]),
    { intent: "success", title: vi.ruleApplied },
    { intent: "success", title: en.ruleApplied },
  ],
  [
    "rule invalid",
    (l) => scoreMessage({ kind: "invalid", problems: ["Điểm tối đa phải > 0"] }, MESSAGES[l]),
    { intent: "error", lines: ["Điểm tối đa phải > 0"], title: vi.formInvalid, hint: vi.formInvalidHint },
    { intent: "error", lines: ["Điểm tối đa phải > 0"], title: en.formInvalid },
  ],
  [
    "report",
    (l) => reportMessage({ kind: "built" }, MESSAGES[l]),
    { title: "Đã lập trang “Báo cáo”. Hãy kiểm tra rồi in hoặc lưu PDF từ Excel." },
    { title: en.reportDone },
  ],
  [
    "export",
    (l) => exportMessage({ kind: "exported", taskCount: 55, fileName: "demo-2024.json" }, MESSAGES[l]),
    { title: "Đã xuất 55 nhiệm vụ (demo-2024.json)." },
    { title: "Exported 55 tasks (demo-2024.json)." },
  ],
];

test.each(rows)("%s", (_name, message, inVi, inEn) => {
  expect(message("vi")).toMatchObject(inVi);
  expect(message("en")).toMatchObject(inEn);
  // Every message has a title and lines, in every language.
  for (const l of ["vi", "en"] as const) {
    expect(message(l).title.length).toBeGreaterThan(0);
    expect(Array.isArray(message(l).lines)).toBe(true);
  }
});

test("a legacy-encoding error carries a button that converts and pulls again", () => {
  const convert = jest.fn();
  const error = Object.assign(new CatalogueError(["bảng mã cũ TCVN3"]), { legacyEncoding: "tcvn3" });
  const m = catalogueMessage({ kind: "legacyEncoding", error, convert }, vi);
  expect(m).toMatchObject({ intent: "error", title: "Danh mục có lỗi.", hint: vi.errLegacyHint });
  expect(m.action?.label).toBe("Chuyển mã sang Unicode và nạp lại");
  m.action?.run();
  expect(convert).toHaveBeenCalledTimes(1);
});

test.each([
  [
    "ActionError",
    new ActionError(["Lỗi"], "Làm lại"),
    { title: vi.errActionTitle, hint: "Làm lại", hintLang: "vi" },
  ],
  [
    "CatalogueError",
    new CatalogueError(["Thiếu cột"]),
    { title: vi.errCatalogueTitle, hint: vi.errCatalogueHint },
  ],
  [
    "FetchCatalogueError",
    Object.assign(new Error("x"), { name: "FetchCatalogueError", problems: ["HTTP 404"] }),
    { title: vi.errFetchTitle, hint: vi.errFetchHint },
  ],
])("errorFeedback: a %s lists its Vietnamese problems with the next step", (_n, error, want) => {
  const m = catalogueMessage({ kind: "failed", error }, vi);
  expect(m).toMatchObject({ intent: "error", linesLang: "vi", ...want });
  expect(m.lines.length).toBe(1);
  if (!("hintLang" in want)) expect(m.hintLang).toBeUndefined();
});

test("errorFeedback: anything else is generic, with the technical detail", () => {
  const m = catalogueMessage({ kind: "failed", error: new TypeError("x is undefined") }, en);
  expect(m).toMatchObject({ intent: "error", title: en.errGenericTitle, lines: [], hint: en.errGenericHint });
  expect(m.detail).toMatch(/^TypeError: x is undefined/);
});
