/**
 * Every function × every argument × awkward values (empty, text, error-like values, wrong shapes,
 * huge ranges, dates before 1900, negative numbers, NaN, Infinity): each call returns a plain
 * value/table or throws a CustomFunctions.Error #VALUE!/#N/A with a Vietnamese message — never
 * another exception, never an error value inside a returned table.
 */
import { ErrorCode, expectPlainResult, FakeCustomFunctionsError } from "./customFunctionsFake";
import * as F from "../../src/functions/functions";
import { clearTasksCache } from "../../src/functions/tasks";
import { checkCall as check, col, VALID_CALLS as CASES } from "./calls";
import { FUNCTION_IDS } from "./ids";

const hugeColumn = Array.from({ length: 200_000 }, (_, i) => [i % 2 === 0 ? "x" : ""]);
const overCap = Array.from({ length: 2_501 }, () => new Array<unknown>(2_000).fill(""));

const BAD_VALUES: Array<[string, unknown]> = [
  ["empty text", ""],
  ["null", null],
  ["undefined", undefined],
  ["spaces", "   "],
  ["text", "abc"],
  ["formula-looking text", "=1+1"],
  ["TRUE", true],
  ["FALSE", false],
  ["zero", 0],
  ["negative", -1],
  ["negative date", -45657],
  ["fraction", 0.5],
  ["huge number", 1e308],
  ["NaN", Number.NaN],
  ["Infinity", Number.POSITIVE_INFINITY],
  ["-Infinity", Number.NEGATIVE_INFINITY],
  ["date before 1900 (text)", "31/12/1899"],
  ["impossible date", "31/02/2024"],
  ["percent text", "150%"],
  ["#N/A error object", new FakeCustomFunctionsError(ErrorCode.notAvailable)],
  ["#DIV/0! error object", new FakeCustomFunctionsError(ErrorCode.divisionByZero)],
  ["Excel.ErrorCellValue", { type: "Error", errorType: "Div0", basicValue: "#DIV/0!" }],
  ["FormattedNumber data type", { type: "FormattedNumber", basicValue: 45657, numberFormat: "dd/mm/yyyy" }],
  ["plain object", {}],
  ["invalid Date", new Date(Number.NaN)],
  ["empty array", []],
  ["empty row", [[]]],
  ["1-D array", [1, 2, 3]],
  ["jagged range", [[1, 2], [3]]],
  [
    "2×2 range",
    [
      [1, 2],
      [3, 4],
    ],
  ],
  ["range holding an error", col("SNV", new FakeCustomFunctionsError(ErrorCode.notAvailable))],
  ["range of TRUE", col(true, true)],
  ["huge column (200,000 rows)", hugeColumn],
  ["range over the 5,000,000-cell cap", overCap],
];

beforeAll(() => clearTasksCache());

test("the matrix covers every function id", () => {
  expect(CASES.map(([id]) => id)).toEqual(FUNCTION_IDS);
});

describe.each(CASES)("CCHC.%s", (_id, fn, valid) => {
  test("valid arguments give a plain result", async () => {
    expect(await check(fn, valid)).toBeNull();
    const result = await fn(...valid);
    expectPlainResult(result);
  });

  test.each(valid.map((_, slot) => slot))("argument %i × every awkward value", async (slot) => {
    const failures: string[] = [];
    for (const [name, value] of BAD_VALUES) {
      const args = [...valid];
      args[slot] = value;
      const problem = await check(fn, args);
      if (problem) failures.push(`${name}: ${problem}`);
    }
    expect(failures).toEqual([]);
  });

  test("every argument omitted", async () => {
    expect(
      await check(
        fn,
        valid.map(() => null),
      ),
    ).toBeNull();
    expect(await check(fn, [])).toBeNull();
  });
});

test("TASKS never throws synchronously (Excel expects a promise)", () => {
  for (const [, value] of BAD_VALUES) {
    const out = F.tasks(value);
    expect(out).toBeInstanceOf(Promise);
    out.catch(() => undefined);
  }
});
