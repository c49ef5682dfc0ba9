/**
 * Nạp danh mục (pull the catalogue): builds the task and assignment tables, or merges a new
 * catalogue version into them. The plan is computed in full before anything is written; a
 * failed first build removes the sheets it created, so no half-written sheet is left.
 */
import { problem } from "../../core/problems/problem";
import type { Catalogue } from "../../core/catalogue/types";
import type { Unit } from "../../core/units/units";
import { findUnit } from "../../core/units/units";
import { unitsAsOfOf, unitsAsOfWith } from "../../core/catalogue/planYear";
import { todayIso } from "../../core/dates/isoDate";
import {
  ASSIGNMENT_COLUMNS,
  findTasksSheet,
  SHEETS,
  TASK_COLUMNS,
  tasksSheetName,
} from "../../core/workbook/layout";
import { defaultReportDate, formatViDate } from "../../core/dates/userDate";
import { defaultSettings } from "../../core/workbook/evaluate";
import { buildPullPlan, TrackerError } from "../../core/workbook/tracker";
import { WorkbookShapeError, type MergeCounts } from "../../core/workbook/merge";
import { TooManyAssignmentsError, type ProgressEntry } from "../../core/workbook/model";
import { applyPlan, ApplyError, removeCreatedSheets } from "../excel/applyPlan";
import { ActionError, explainOfficeError, readTracker, SyncMeter, type ActionStats } from "./common";

export interface PullRequest {
  catalogue: Catalogue;
  /** Bundled id, https URL or sheet address. */
  loadedFrom: string;
  /** Build a one-unit workbook. */
  unit?: Unit | null;
  /** First build only: a fixed report date; null/undefined writes =TODAY(). */
  reportDate?: string | null;
  /** Progress carried from an imported table (besides catalogue task.progress). */
  progress?: ProgressEntry[];
  /** The workbook tracks another catalogue: go ahead anyway. */
  confirmSwitch?: boolean;
  now?: Date;
  chunkBytes?: number;
  onProgress?: (fraction: number) => void;
}

export type PullOutcome =
  | { kind: "needs-confirmation"; from: string; to: string; stats: ActionStats }
  | {
      kind: "done";
      fresh: boolean;
      tasks: MergeCounts;
      assignments: MergeCounts;
      warnings: string[];
      /** Set when the report date was clamped to the plan year's end (a past year's plan). */
      reportDate?: string;
      clearedFilters: string[];
      stats: ActionStats;
    };

/** Columns a merge reads from big tables (the rest comes from the first slice or is not needed). */
const KEY_COLUMNS = {
  tasks: TASK_COLUMNS.filter((c) => c.kind === "catalogue").map((c) => c.header),
  assignments: ASSIGNMENT_COLUMNS.filter((c) =>
    ["taskId", "unit", "role", "level", "inCatalogue"].includes(c.key),
  ).map((c) => c.header),
};

export async function pullCatalogue(context: Excel.RequestContext, req: PullRequest): Promise<PullOutcome> {
  const meter = new SyncMeter(context);
  const now = req.now ?? new Date();
  let created: string[] = [];
  let createdNames: string[] = [];
  try {
    const snap = await readTracker(context, meter, KEY_COLUMNS, req.chunkBytes);
    // A re-pull of a new-map workbook keeps the map recorded in Cấu hình when the catalogue states none.
    const asOf = unitsAsOfWith(req.catalogue, snap.config?.catalogue);
    const catalogue: Catalogue =
      asOf === unitsAsOfOf(req.catalogue) ? req.catalogue : { ...req.catalogue, unitsAsOf: asOf };
    const hasTables = snap.tasks.exists || snap.assignments.exists;
    // The tasks sheet is named after the plan year ("Nhiệm vụ 2026"); an existing one is found whatever its year.
    const tasksSheet = hasTables
      ? findTasksSheet(snap.meta.sheets, req.catalogue.planYear)
      : tasksSheetName(req.catalogue.planYear);
    for (const sheet of [tasksSheet, SHEETS.assignments]) {
      if (!hasTables && snap.meta.sheets.has(sheet)) {
        throw new ActionError(
          [
            problem(
              "pull.sheetNotOurs",
              { sheet },
              `Sổ đã có trang “${sheet}” nhưng không phải do bổ trợ tạo.`,
            ),
          ],
          problem(
            "pull.sheetNotOursHint",
            { sheet },
            `Hãy đổi tên trang “${sheet}” (nhấp phải vào thẻ trang › Đổi tên) rồi nạp lại; bổ trợ không ghi đè trang của bạn.`,
          ),
        );
      }
    }
    // A re-pull keeps the workbook's scope (one unit or all); another scope is refused by the plan.
    const recordedUnit = snap.config ? snap.config.catalogue.unitName : undefined;
    const unit =
      req.unit !== undefined ? req.unit : recordedUnit ? findUnit(recordedUnit, undefined, asOf) : null;
    // A first build of a past year's plan: today clamped to the plan year's end, written as a fixed
    // date (a 2024 plan opened in 2026 would otherwise show nearly every task overdue).
    const fallback = defaultReportDate(todayIso(now), req.catalogue.planYear);
    const clampedDate = !snap.config && !req.reportDate && fallback.clamped ? fallback.date : null;
    const reportDate = snap.config?.settings?.reportDate ?? req.reportDate ?? fallback.date;
    const settings = snap.config?.settings ?? defaultSettings(reportDate);
    const result = buildPullPlan(
      {
        catalogue,
        settings,
        reportDateIsToday: !req.reportDate && !clampedDate,
        unit,
        progress: req.progress,
        loadedFrom: req.loadedFrom,
        loadedAt: now.toISOString(),
      },
      {
        tasks: snap.tasks.exists ? { headers: snap.tasks.headers, rows: snap.tasks.rows } : null,
        assignments: snap.assignments.exists
          ? { headers: snap.assignments.headers, rows: snap.assignments.rows }
          : null,
        hasConfig: snap.config !== null,
        catalogueId: snap.config?.catalogue.id || null,
        unitName: recordedUnit,
        ...(hasTables && snap.meta.sheets.has(tasksSheet) ? { tasksSheet } : {}),
      },
    );
    if (result.catalogueSwitch && !req.confirmSwitch) {
      return { kind: "needs-confirmation", ...result.catalogueSwitch, stats: meter.stats() };
    }
    const report = await applyPlan(context, result.plan, {
      meta: snap.meta,
      chunkBytes: req.chunkBytes,
      onProgress: req.onProgress,
    });
    meter.add(report);
    const fresh = result.merge === null;
    const count = (n: number): MergeCounts => ({ added: n, changed: 0, removed: 0, unchanged: 0 });
    return {
      kind: "done",
      fresh,
      tasks: result.merge?.tasks ?? count(result.model.tasks.length),
      assignments: result.merge?.assignments ?? count(result.model.assignments.length),
      warnings: [
        ...(clampedDate
          ? [
              `Ngày báo cáo đang dùng: ${formatViDate(clampedDate)} (cuối năm kế hoạch ${req.catalogue.planYear}), ` +
                `không phải hôm nay ${formatViDate(todayIso(now))}. Đổi ở mục “2. Ngày báo cáo”.`,
            ]
          : []),
        ...result.model.warnings,
        ...(result.merge?.cellProblems ?? []),
      ],
      reportDate: clampedDate ?? undefined,
      clearedFilters: report.clearedFilters,
      stats: meter.stats(),
    };
  } catch (e) {
    if (e instanceof ApplyError) {
      created = e.createdSheets;
      createdNames = e.createdNames;
    }
    if (created.length > 0 || createdNames.length > 0) {
      try {
        await removeCreatedSheets(context, created, createdNames);
      } catch {
        // The original error is what the user needs to see.
      }
    }
    if (e instanceof TrackerError)
      throw new ActionError(
        e.problems,
        e.hint ?? problem("pull.otherChoiceHint", {}, "Hãy chọn danh mục hoặc đơn vị khác."),
      );
    if (e instanceof TooManyAssignmentsError)
      throw new ActionError(
        e.problems,
        problem(
          "pull.tooManyHint",
          {},
          "Sổ không được ghi gì; hãy chọn một đơn vị hoặc tách danh mục rồi nạp lại.",
        ),
      );
    if (e instanceof WorkbookShapeError)
      throw new ActionError(
        e.problems,
        problem("pull.restoreColumnsHint", {}, "Khôi phục tên cột (hoặc Ctrl+Z) rồi nạp lại."),
      );
    throw explainOfficeError(e);
  }
}
