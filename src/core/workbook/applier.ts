/**
 * The one contract of the two plan appliers: the Office.js applier (src/taskpane/excel/applyPlan.ts,
 * writes into the open workbook) and the .xlsx writer (src/export/xlsxWriter.ts, writes a file).
 * Both take a WorkbookPlan and fail with a PlanApplyError.
 */
import type { WorkbookPlan } from "./plan";

/** Applies a plan to one target (an open workbook, a new file) and reports what it did. */
export interface PlanApplier<Result> {
  apply(plan: WorkbookPlan): Promise<Result>;
}

export interface PlanApplyErrorDetails {
  /** The underlying failure (an Office.js error, a bad op). */
  cause?: unknown;
  /** Sheets the plan created before it failed (the caller may remove them). */
  createdSheets?: string[];
  /** Workbook names the plan added before it failed. */
  createdNames?: string[];
}

/** A plan could not be applied, by either applier. */
export class PlanApplyError extends Error {
  override readonly cause: unknown;
  readonly createdSheets: string[];
  readonly createdNames: string[];
  constructor(message: string, details: PlanApplyErrorDetails = {}) {
    super(message);
    this.name = "PlanApplyError";
    this.cause = details.cause;
    this.createdSheets = details.createdSheets ?? [];
    this.createdNames = details.createdNames ?? [];
  }
}
