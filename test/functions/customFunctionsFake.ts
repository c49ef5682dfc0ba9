/**
 * A faithful stand-in for Office's `CustomFunctions` global (jest has none): `Error` is a class
 * with `code` and `message` (as documented for CustomFunctionsRuntime 1.2), `ErrorCode` holds the
 * real cell values. Import this file first in every functions test.
 */
import { VIETNAMESE } from "../hardening/lib/vietnamese";

export const ErrorCode = {
  divisionByZero: "#DIV/0!",
  invalidName: "#NAME?",
  invalidNumber: "#NUM!",
  invalidReference: "#REF!",
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  nullReference: "#NULL!",
} as const;

export class FakeCustomFunctionsError {
  code: string;
  message?: string;
  constructor(code: string, message?: string) {
    this.code = code;
    this.message = message;
  }
}

(globalThis as { CustomFunctions?: unknown }).CustomFunctions = {
  Error: FakeCustomFunctionsError,
  ErrorCode,
  associate: () => undefined,
};

/** The value `fn` throws (fails when it returns). */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw");
}

/** Asserts an Excel error of one of `codes` with a Vietnamese message; returns the message. */
export function expectExcelError(
  e: unknown,
  codes: string[] = [ErrorCode.invalidValue, ErrorCode.notAvailable],
): string {
  expect(e).toBeInstanceOf(FakeCustomFunctionsError);
  const err = e as FakeCustomFunctionsError;
  expect(codes).toContain(err.code);
  expect(typeof err.message).toBe("string");
  expect(err.message).toMatch(VIETNAMESE);
  return err.message as string;
}

/** A cell value Excel can display: no error objects, no NaN/Infinity, no undefined. */
export function expectPlainCell(v: unknown): void {
  const ok = typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));
  if (!ok) throw new Error(`not a plain cell value: ${String(v)}`);
}

/** A function result: a plain value, or a rectangular matrix of plain values. */
export function expectPlainResult(v: unknown): void {
  if (Array.isArray(v)) {
    expect(v.length).toBeGreaterThan(0);
    const width = (v[0] as unknown[]).length;
    for (const row of v) {
      expect(Array.isArray(row)).toBe(true);
      expect((row as unknown[]).length).toBe(width);
      (row as unknown[]).forEach(expectPlainCell);
    }
  } else expectPlainCell(v);
}
