/**
 * Issue 15 item 10: written forms people use, and the reading decided for each (the table in
 * docs/written-forms.md). The kind never depends on word order.
 */
import { parseDeadline, parseStatus } from "../../../src/core";

describe("statuses", () => {
  test.each<[string, string | null]>([
    ["√", "done"],
    ["✔️", "done"],
    ["✔", "done"],
    ["✓", "done"],
    [" √ ", "done"],
    ["❌", "not-started"],
    ["\uFE0F", null],
  ])("%j → %s", (text, want) => {
    expect(parseStatus(text)).toBe(want);
  });
});

describe("deadlines", () => {
  test.each<[string, string, string | null]>([
    ["Quý 04/2024", "date", "2024-12-31"],
    ["Quý 01/2024", "date", "2024-03-31"],
    ["Tuần 1 tháng 12/2024", "date", "2024-12-07"],
    ["tuần 2 tháng 11 năm 2024", "date", "2024-11-14"],
    ["Tuần 5 tháng 2/2024", "date", "2024-02-29"],
    ["2024/12/31", "date", "2024-12-31"],
    ["2024.11.05", "date", "2024-11-05"],
    ["Thường xuyên; trước 15/11/2024", "recurring", "2024-12-31"],
    ["Trước 15/11/2024 và thường xuyên", "recurring", "2024-12-31"],
    ["Trước 20/12/2024 và thường xuyên", "recurring", "2024-12-31"],
  ])("%j → %s %s", (text, kind, due) => {
    const p = parseDeadline(text, 2024);
    expect(p.problem).toBeUndefined();
    expect([p.kind, p.due]).toEqual([kind, due]);
  });

  test("Tuần 6 is refused with a reason", () => {
    expect(parseDeadline("Tuần 6 tháng 12/2024", 2024).problem).toMatch(/tuần 6/);
  });

  test("the kind does not depend on the order of the words", () => {
    const parts = ["Thường xuyên", "trước 15/11/2024", "Quý IV/2024", "hằng quý"];
    for (const a of parts)
      for (const b of parts) {
        if (a === b) continue;
        const x = parseDeadline(`${a}; ${b}`, 2024);
        const y = parseDeadline(`${b}; ${a}`, 2024);
        expect([x.kind, x.due]).toEqual([y.kind, y.due]);
      }
  });
});
