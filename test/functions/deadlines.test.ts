/** CCHC.DEADLINE, CCHC.STATUS, CCHC.ISOVERDUE called as Excel calls them (null = omitted). */
import { ErrorCode, expectExcelError, thrownBy } from "./customFunctionsFake";
import { deadline, isOverdue, taskStatus } from "../../src/functions/functions";
import { TASK_STATUS_LABELS, toExcelSerial } from "../../src/core";

const S = (iso: string) => toExcelSerial(iso);

describe("CCHC.DEADLINE", () => {
  test.each<[unknown, unknown, number | string]>([
    ["Quý IV/2024", null, S("2024-12-31")],
    ["Quí IV", null, S("2024-12-31")],
    ["Tháng 12/2024", null, S("2024-12-31")],
    ["Trước ngày 15/12", null, S("2024-12-15")],
    ["Trước ngày 15/12", 2025, S("2025-12-15")],
    ["31/12/2024", undefined, S("2024-12-31")],
    ["6 tháng đầu năm", null, S("2024-06-30")],
    ["Quý III-IV/2024", null, S("2024-12-31")],
    [45657, null, 45657],
    [45657.75, null, 45657],
    ["Thường xuyên", null, S("2024-12-31")],
    ["Thường xuyên", 2025, S("2025-12-31")],
    ["Thường xuyên", "2025", S("2025-12-31")],
    ["Hằng quý", null, S("2024-12-31")],
    ["Theo yêu cầu", null, ""],
    ["Theo quy định", null, ""],
    ["", null, ""],
    [null, null, ""],
    ["   ", null, ""],
  ])("%p (plan year %p) → %p", (text, year, expected) => {
    expect(deadline(text, year)).toBe(expected);
  });

  test.each<[unknown, unknown, RegExp]>([
    ["Quý 5/2024", null, /quý “5” không tồn tại/],
    ["31/11/2024", null, /31\/11\/2024 không tồn tại/],
    ["abc xyz", null, /Không hiểu thời hạn “abc xyz”/],
    [-1, null, /số âm/],
    [0, null, /trước năm 1900/],
    [Number.NaN, null, /không phải là một ngày/],
    [Number.POSITIVE_INFINITY, null, /không phải là một ngày/],
    [true, null, /không phải TRUE/],
    ["Quý IV/2024", -2024, /Năm kế hoạch/],
    ["Quý IV/2024", 2024.5, /số nguyên/],
    ["Quý IV/2024", "năm nay", /Năm kế hoạch phải là một số/],
    ["Quý IV/2024", 1800, /Năm kế hoạch/],
  ])("%p (plan year %p) → #VALUE! %p", (text, year, message) => {
    const msg = expectExcelError(
      thrownBy(() => deadline(text, year)),
      [ErrorCode.invalidValue],
    );
    expect(msg).toMatch(message);
  });
});

describe("CCHC.STATUS and CCHC.ISOVERDUE", () => {
  const due = S("2024-12-31");
  const label = (k: keyof typeof TASK_STATUS_LABELS) => TASK_STATUS_LABELS[k].vi;

  test.each<[unknown, unknown, unknown, unknown, string, boolean]>([
    [due, "Đã hoàn thành", S("2024-12-20"), S("2025-01-05"), label("done-on-time"), false],
    [due, "Đã hoàn thành", due, S("2025-01-05"), label("done-on-time"), false],
    [due, "Hoàn thành", S("2025-01-02"), S("2025-01-05"), label("done-late"), false],
    [due, "done", null, S("2025-01-05"), label("done"), false],
    [due, true, "20/12/2024", "05/01/2025", label("done-on-time"), false],
    [due, "x", null, null, label("done"), false],
    [due, "Đang thực hiện", null, S("2025-01-01"), label("overdue"), true],
    [due, false, null, S("2025-01-01"), label("overdue"), true],
    [due, "", null, S("2025-01-01"), label("overdue"), true],
    [due, null, null, S("2025-01-01"), label("overdue"), true],
    [due, "Chưa thực hiện", null, S("2024-12-31"), label("due-soon"), false],
    [due, "Chưa thực hiện", null, S("2024-12-24"), label("due-soon"), false],
    [due, "Chưa thực hiện", null, S("2024-12-01"), label("open"), false],
    ["Quý IV/2024", 0, null, "02/01/2025", label("overdue"), true],
    ["Theo yêu cầu", "Đang thực hiện", null, S("2025-06-01"), label("no-deadline"), false],
    ["", "Chưa thực hiện", null, S("2025-06-01"), label("no-deadline"), false],
    ["Thường xuyên", "Chưa thực hiện", null, S("2025-01-01"), label("overdue"), true],
  ])("due %p, status %p, done on %p, report %p → %p", (d, st, c, r, expected, overdue) => {
    expect(taskStatus(d, st, c, r)).toBe(expected);
    expect(isOverdue(d, st, r)).toBe(overdue);
  });

  test("an omitted report date means today (local date)", () => {
    jest.useFakeTimers({ now: new Date(2024, 11, 28, 23, 30) });
    try {
      expect(taskStatus(due, "Chưa thực hiện", null, null)).toBe(label("due-soon"));
      expect(isOverdue(S("2024-12-27"), "Chưa thực hiện", undefined)).toBe(true);
      expect(isOverdue(S("2024-12-28"), "Chưa thực hiện", null)).toBe(false);
    } finally {
      jest.useRealTimers();
    }
  });

  test.each<[unknown, unknown, unknown, unknown, RegExp]>([
    [due, "có lẽ", null, null, /không hiểu trạng thái “có lẽ”/],
    [due, 250, null, null, /không hiểu trạng thái/],
    ["Quý 5", "x", null, null, /Thời hạn: Không hiểu thời hạn/],
    [due, "x", "31/02/2024", null, /Ngày hoàn thành: ngày “31\/02\/2024” không tồn tại/],
    [due, "x", null, "hôm qua", /Ngày báo cáo: không hiểu ngày/],
    [due, "x", null, "15/01/1899", /trước năm 1900/],
    [due, "x", null, -5, /số âm/],
    [due, "x", true, null, /Ngày hoàn thành phải là một ngày/],
    [[[1, 2]], "x", null, null, /cần một ô/],
  ])("due %p, status %p, done on %p, report %p → #VALUE!", (d, st, c, r, message) => {
    const msg = expectExcelError(
      thrownBy(() => taskStatus(d, st, c, r)),
      [ErrorCode.invalidValue],
    );
    expect(msg).toMatch(message);
  });
});
