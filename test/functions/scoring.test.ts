/** CCHC.SCORE and CCHC.SCORETIERS called as Excel calls them. */
import { ErrorCode, expectExcelError, thrownBy } from "./customFunctionsFake";
import * as F from "../../src/functions/functions";

const score = F.score;
const scoreTiers = F.scoreTiers as (...args: unknown[]) => number;

describe("CCHC.SCORE", () => {
  test.each<[unknown[], number]>([
    [[1, 2, null, null, null], 2],
    [[0.9, 2, null, null, null], 1.8],
    [[0.9, 2, 0.8, null, null], 1.8],
    [[0.8, 2, 0.8, null, null], 1.6],
    [[0.79, 2, 0.8, null, null], 0],
    [[0.79, 2, "80%", null, null], 0],
    [["85%", 2, null, null, null], 1.7],
    [["86,45%", 100, null, null, null], 86.45],
    [["0,5", "2", "", "", ""], 1],
    [[0.9, 2, 0.8, 2, 0.5], 0.8],
    [[0.9, 2, 0.8, 10, 0.5], 0],
    [[1, 2, undefined, 1, 0.25], 1.75],
    [[0, 2, null, null, null], 0],
    [[0.5, 0, null, null, null], 0],
  ])("SCORE(%p) → %p", (args, expected) => {
    expect(score(...(args as [unknown, unknown, unknown, unknown, unknown]))).toBeCloseTo(expected, 10);
  });

  test.each<[unknown[], RegExp]>([
    [[86.45, 2], /phải từ 0 đến 1.*86.45%/],
    [[-0.1, 2], /không được âm/],
    [[null, 2], /Thiếu tỷ lệ/],
    [[0.5, null], /Thiếu điểm tối đa/],
    [[0.5, -2], /Điểm tối đa không được âm/],
    [[0.5, 2, 1.5], /Ngưỡng phải từ 0 đến 1/],
    [[0.5, 2, null, 1.5], /số nguyên/],
    [[0.5, 2, null, -1], /không được âm/],
    [[0.5, 2, null, 1, -0.5], /không được âm/],
    [[Number.NaN, 2], /số hữu hạn/],
    [[0.5, Number.POSITIVE_INFINITY], /số hữu hạn/],
    [["nhiều", 2], /phải là một số/],
    [[true, 2], /không phải TRUE/],
  ])("SCORE(%p) → #VALUE!", (args, message) => {
    const [a, b, c, d, e] = [...args, null, null, null, null, null];
    expect(
      expectExcelError(
        thrownBy(() => score(a, b, c, d, e)),
        [ErrorCode.invalidValue],
      ),
    ).toMatch(message);
  });
});

describe("CCHC.SCORETIERS", () => {
  const tiers = [
    ["Tỷ lệ tối thiểu", "Điểm"],
    [1, 2],
    ["80%", 1],
    ["", ""],
  ];
  test.each<[unknown, unknown, unknown, number]>([
    [1, null, null, 2],
    [0.95, null, null, 1],
    [0.8, null, null, 1],
    [0.79, null, null, 0],
    ["100%", 1, 0.5, 1.5],
    [0.9, 3, 0.5, 0],
  ])("rate %p, %p late × %p → %p", (rate, late, penalty, expected) => {
    expect(scoreTiers(rate, tiers, late, penalty)).toBeCloseTo(expected, 10);
  });

  test.each<[unknown, RegExp]>([
    [[[1, 2, 3]], /đúng 2 cột/],
    [2, /đúng 2 cột/],
    [[["a", "b"]], /không có bậc nào/],
    [[[1.5, 2]], /phải từ 0 đến 1/],
    [[[1, -2]], /không được âm/],
    [
      [
        [1, 2],
        [1, 1],
      ],
      /bị lặp/,
    ],
    [[[1, ""]], /cần cả tỷ lệ tối thiểu và điểm/],
    [null, /Thiếu bảng bậc/],
  ])("tiers %p → #VALUE!", (t, message) => {
    expect(
      expectExcelError(
        thrownBy(() => scoreTiers(0.9, t, null, null)),
        [ErrorCode.invalidValue],
      ),
    ).toMatch(message);
  });
});
