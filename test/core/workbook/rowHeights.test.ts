/** Row heights of wrapped table rows (issue 19: Phân công printed by LibreOffice overlapped). */
import fc from "fast-check";
import {
  LINE_POINTS,
  MAX_ROW_POINTS,
  wrappedLines,
  wrappedRowHeight,
  wrappedRowHeightOps,
} from "../../../src/core/workbook/rowHeights";
import type { ColumnSpec } from "../../../src/core/workbook/layout";
import type { PlanCell } from "../../../src/core/workbook/plan";
import { assignmentSheetOps } from "../../../src/core/workbook/sheets";
import { defaultSettings } from "../../../src/core/workbook/evaluate";
import { SHEETS } from "../../../src/core/workbook/layout";
import type { AssignmentRecord } from "../../../src/core/workbook/model";

const COLS: ColumnSpec[] = [
  { key: "id", header: "Mã", kind: "catalogue", width: 9 },
  { key: "title", header: "Nhiệm vụ", kind: "catalogue", width: 20, wrap: true },
  { key: "note", header: "Ghi chú", kind: "user", width: 10, wrap: true },
];
const words = (n: number) => Array.from({ length: n }, () => "abcd").join(" "); // 5n - 1 characters

describe("wrappedLines", () => {
  test.each<[string, string, number, number]>([
    ["empty", "", 20, 1],
    ["fits", "abc", 20, 1],
    ["18 characters in 20 (1.1 each = 19.8)", "x".repeat(18), 20, 1],
    ["19 characters in 20 (20.9)", "x".repeat(19), 20, 2],
    ["line breaks count", "a\nb\nc", 20, 3],
    ["a long line and a short one", `${"x".repeat(40)}\nb`, 20, 4],
    ["narrow columns are at least 4 wide", "x".repeat(8), 1, 3],
  ])("%s", (_, text, width, n) => expect(wrappedLines(text, width)).toBe(n));
});

describe("wrappedRowHeight", () => {
  test.each<[string, PlanCell[], number | null]>([
    ["one line everywhere: default height", ["1", "short", "x"], null],
    ["a long title", ["1", words(8), null], LINE_POINTS * 3 + 2],
    ["the taller of title and note", ["1", words(4), words(6)], LINE_POINTS * 4 + 2],
    ["unwrapped columns never raise a row", [words(40), "a", null], null],
    ["a link's text counts", ["1", { hyperlink: "https://a.vn", text: words(8) }, null], LINE_POINTS * 3 + 2],
    ["numbers and formulas do not", ["1", 12345678901234567890, { formula: "=A1", cached: words(9) }], null],
    ["capped at Excel's limit", ["1", "a\n".repeat(100), null], MAX_ROW_POINTS],
  ])("%s", (_, row, h) => expect(wrappedRowHeight(COLS, row)).toBe(h));
});

describe("wrappedRowHeightOps", () => {
  test("runs of equal height share one op; one-line rows get none", () => {
    const rows: PlanCell[][] = [
      ["1", "a", null],
      ["2", words(8), null],
      ["3", words(8), null],
      ["4", words(5), null],
      ["5", "b", null],
    ];
    expect(wrappedRowHeightOps("S", COLS, rows, 1)).toEqual([
      { op: "style", sheet: "S", address: "A3:A4", style: { rowHeight: LINE_POINTS * 3 + 2 } },
      { op: "style", sheet: "S", address: "A5:A5", style: { rowHeight: LINE_POINTS * 2 + 2 } },
    ]);
  });

  test("every row gets exactly its own height (property)", () => {
    const cell = fc.oneof(fc.constant(null), fc.string({ maxLength: 80 }), fc.integer());
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { maxLength: 40 }), fc.nat(20), (rows, first) => {
        const got = new Map<number, number>();
        for (const op of wrappedRowHeightOps("S", COLS, rows, first)) {
          if (op.op !== "style") throw new Error("style ops only");
          const [a, b] = op.address.split(":").map((x) => Number(x.slice(1)) - 1);
          for (let r = a; r <= b; r++) {
            expect(got.has(r)).toBe(false);
            got.set(r, op.style.rowHeight as number);
          }
        }
        rows.forEach((row, i) => expect(got.get(first + i) ?? null).toBe(wrappedRowHeight(COLS, row)));
      }),
    );
  });

  test("Phân công: a long task title makes its row taller", () => {
    const base: AssignmentRecord = {
      taskId: "I.1",
      title:
        "Tuyên truyền công tác cải cách hành chính trên Báo Quảng Ngãi, Đài Phát thanh - Truyền hình tỉnh",
      area: "I",
      unit: "Sở Nội vụ",
      unitId: null,
      level: "Sở, ban, ngành",
      role: "Chủ trì",
      due: "2024-12-31",
      kind: "date",
      inCatalogue: true,
      status: null,
      completedOn: null,
      evidence: null,
      note: null,
    };
    const ops = assignmentSheetOps(
      [base, { ...base, taskId: "I.2", title: "Ngắn" }],
      defaultSettings("2024-12-15"),
    );
    const heights = ops.filter((o) => o.op === "style" && o.style.rowHeight !== undefined);
    expect(heights).toEqual([
      { op: "style", sheet: SHEETS.assignments, address: "A2:A2", style: { rowHeight: LINE_POINTS * 3 + 2 } },
    ]);
  });
});
