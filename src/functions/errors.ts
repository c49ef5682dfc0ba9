/**
 * Excel errors with Vietnamese messages for the custom functions.
 *
 * Only #VALUE! (ErrorCode.invalidValue) and #N/A (ErrorCode.notAvailable) carry a custom message
 * in Excel, so those are the two codes used. `CustomFunctions.Error` exists from
 * CustomFunctionsRuntime 1.2; where it does not (a browser outside Office, where runtimeGuard.ts
 * installs a stub), an object of the same shape is thrown instead.
 *
 * Everything a function throws goes through `toExcelError`, so Excel never sees an exception of
 * another type (which it would show as a bare #VALUE! without a reason).
 */
import { CatalogueError, ScoreRuleError } from "./core";
import { FetchCatalogueError } from "../net/fetchCatalogueError";

/** The cell values of the two codes (CustomFunctions.ErrorCode.invalidValue / notAvailable). */
export const EXCEL_ERROR_VALUES = { invalidValue: "#VALUE!", notAvailable: "#N/A" } as const;
export type ExcelErrorKind = keyof typeof EXCEL_ERROR_VALUES;

/** The shape of CustomFunctions.Error (code + message). */
export interface ExcelError {
  code: string;
  message?: string;
}

type ErrorConstructorLike = new (code: string, message?: string) => ExcelError;
interface CustomFunctionsGlobal {
  Error?: ErrorConstructorLike;
  ErrorCode?: Partial<Record<string, string>>;
}

function runtime(): CustomFunctionsGlobal | undefined {
  const g = (globalThis as { CustomFunctions?: CustomFunctionsGlobal }).CustomFunctions;
  return g && typeof g === "object" ? g : undefined;
}

/** Thrown where CustomFunctions.Error is unavailable (never inside Excel ≥ CustomFunctionsRuntime 1.2). */
export class FallbackExcelError extends Error implements ExcelError {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(message);
    this.name = "CustomFunctions.Error";
    this.code = code;
  }
}

const MAX_MESSAGE = 400;

function shorten(message: string): string {
  const m = message.replace(/\s+/g, " ").trim();
  return m.length > MAX_MESSAGE ? m.slice(0, MAX_MESSAGE - 1) + "…" : m;
}

export function excelError(kind: ExcelErrorKind, message: string): ExcelError {
  const cf = runtime();
  const code = cf?.ErrorCode?.[kind] ?? EXCEL_ERROR_VALUES[kind];
  const text = shorten(message);
  if (cf && typeof cf.Error === "function") return new cf.Error(code, text);
  return new FallbackExcelError(code, text);
}

/** #VALUE! — an argument has the wrong type or value. */
export function valueError(message: string): ExcelError {
  return excelError("invalidValue", message);
}

/** #N/A — nothing found, or a service (network, catalogue) is not available. */
export function notAvailableError(message: string): ExcelError {
  return excelError("notAvailable", message);
}

export function isExcelError(e: unknown): e is ExcelError {
  if (e instanceof FallbackExcelError) return true;
  const Ctor = runtime()?.Error;
  return typeof Ctor === "function" && e instanceof Ctor;
}

function problemsText(problems: readonly string[]): string {
  const shown = problems.slice(0, 2).join(" ");
  return problems.length > 2 ? `${shown} (và ${problems.length - 2} lỗi khác)` : shown;
}

/** Any thrown value → an Excel error with a Vietnamese message. */
export function toExcelError(e: unknown): ExcelError {
  if (isExcelError(e)) return e;
  if (e instanceof FetchCatalogueError) {
    return e.kind === "url"
      ? valueError(problemsText(e.problems))
      : notAvailableError(problemsText(e.problems));
  }
  if (e instanceof CatalogueError) return valueError(`Danh mục không hợp lệ: ${problemsText(e.problems)}`);
  if (e instanceof ScoreRuleError || e instanceof RangeError) return valueError(e.message);
  const detail = e instanceof Error ? e.message : String(e);
  return valueError(`Lỗi không mong đợi: ${detail || "không rõ nguyên nhân"}.`);
}

/** Runs `fn`; whatever it throws is rethrown as an Excel error. */
export function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw toExcelError(e);
  }
}

/** Async version of `guard`: the promise rejects only with Excel errors. */
export async function guardAsync<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toExcelError(e);
  }
}
