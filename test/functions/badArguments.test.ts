/**
 * Every function × every argument × awkward values (empty, text, error-like values, wrong shapes,
 * huge ranges, dates before 1900, negative numbers, NaN, Infinity): each call returns a plain
 * value/table or throws a CustomFunctions.Error #VALUE!/#N/A with a Vietnamese message — never
 * another exception, never an error value inside a returned table.
 */
import {
  ErrorCode,
  expectExcelError,
  expectPlainResult,
  FakeCustomFunctionsError,
} from "./customFunctionsFake";
import * as F from "../../src/functions/functions";
import { clearTasksCache } from "../../src/functions/tasks";

const col = (...values: unknown[]) => values.map((v) => [v]);

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

type Fn = (...args: unknown[]) => unknown;

const CASES: Array<[string, Fn, unknown[]]> = [
  ["DEADLINE", F.deadline as Fn, ["Quý IV/2024", 2024]],
  ["STATUS", F.taskStatus as Fn, [45657, "x", 45650, 45660]],
  ["ISOVERDUE", F.isOverdue as Fn, [45657, "", 45660]],
  ["COMPLETION", F.completion as Fn, [col("SNV", "Sở Tư pháp"), col("x", ""), "SNV"]],
  [
    "UNITSUMMARY",
    F.unitSummary as Fn,
    [col("SNV", "Sở Tư pháp"), col("Quý IV/2024", 45657), col("x", ""), col(45650, ""), 45660],
  ],
  ["SCORE", F.score as Fn, [0.9, 2, 0.8, 1, 0.1]],
  [
    "SCORETIERS",
    F.scoreTiers as Fn,
    [
      0.9,
      [
        [1, 2],
        [0.8, 1],
      ],
      1,
      0.1,
    ],
  ],
  ["UNIT", F.unit as Fn, ["SNV", null]],
  ["TASKS", F.tasks as Fn, [null]],
];

function describeFailure(e: unknown): string {
  if (e instanceof FakeCustomFunctionsError) return `${e.code} ${String(e.message)}`;
  return e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e);
}

/** Null when the outcome is acceptable, else what was wrong. */
async function check(fn: Fn, args: unknown[]): Promise<string | null> {
  let result: unknown;
  try {
    result = fn(...args);
  } catch (e) {
    try {
      expectExcelError(e, [ErrorCode.invalidValue, ErrorCode.notAvailable]);
      return null;
    } catch {
      return `threw ${describeFailure(e)}`;
    }
  }
  if (result instanceof Promise) {
    try {
      result = await result;
    } catch (e) {
      try {
        expectExcelError(e, [ErrorCode.invalidValue, ErrorCode.notAvailable]);
        return null;
      } catch {
        return `rejected with ${describeFailure(e)}`;
      }
    }
  }
  try {
    expectPlainResult(result);
    return null;
  } catch (e) {
    return `returned ${JSON.stringify(result)?.slice(0, 200)} (${(e as Error).message})`;
  }
}

beforeAll(() => clearTasksCache());

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
