/**
 * Calling the custom functions as Excel does, for the bad-argument suites (issue 4's matrix in
 * test/functions/badArguments.test.ts and issue 8.4's in test/hardening): one valid call per
 * function, and one judge of an outcome — a plain value or rectangular table of plain values, or
 * CustomFunctions.Error #VALUE!/#N/A with a Vietnamese message that is not the guard's
 * "lỗi không mong đợi" (an internal exception it had to catch).
 */
import { ErrorCode, FakeCustomFunctionsError } from "./customFunctionsFake";
import * as F from "../../src/functions/functions";
import { VIETNAMESE } from "../hardening/lib/vietnamese";

/** Excel passes untyped values (null for an omitted argument): call the functions the same way. */
export type Fn = (...args: unknown[]) => unknown;

/** A one-column range. */
export const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);

/** One valid call of each function (TASKS reads the bundled catalogue: no network). */
export const VALID_CALLS: Array<[string, Fn, unknown[]]> = [
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

export function describeValue(v: unknown): string {
  try {
    return JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? `${x}n` : x))?.slice(0, 120) ?? String(v);
  } catch {
    return String(v);
  }
}

function judgeError(e: unknown, how: string): string | null {
  if (!(e instanceof FakeCustomFunctionsError))
    return `${how} ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
  if (e.code !== ErrorCode.invalidValue && e.code !== ErrorCode.notAvailable) return `${how} ${e.code}`;
  if (typeof e.message !== "string" || !VIETNAMESE.test(e.message))
    return `${how} ${e.code} without a Vietnamese message`;
  if (/không mong đợi/i.test(e.message)) return `${how} an internal exception: ${e.message}`;
  return null;
}

function plainCell(v: unknown): boolean {
  return typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));
}

/** A plain value, or a non-empty rectangular table of plain values. */
export function plainProblem(result: unknown): string | null {
  if (!Array.isArray(result)) return plainCell(result) ? null : `returned ${describeValue(result)}`;
  if (result.length === 0 || !Array.isArray(result[0])) return `returned ${describeValue(result)}`;
  const width = (result[0] as unknown[]).length;
  for (const [i, row] of result.entries()) {
    if (!Array.isArray(row) || row.length !== width) return `spill row ${i} is not ${width} wide`;
    const bad = (row as unknown[]).findIndex((c) => !plainCell(c));
    if (bad >= 0) return `spill cell ${i},${bad} is ${describeValue((row as unknown[])[bad])}`;
  }
  return null;
}

/** Null when the outcome of `fn(...args)` is acceptable, else what was wrong. */
export async function checkCall(fn: Fn, args: unknown[]): Promise<string | null> {
  let result: unknown;
  try {
    result = fn(...args);
  } catch (e) {
    return judgeError(e, "threw");
  }
  if (result instanceof Promise) {
    try {
      result = await result;
    } catch (e) {
      return judgeError(e, "rejected with");
    }
  }
  return plainProblem(result);
}
