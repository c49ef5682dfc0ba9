/**
 * Top-level plans of the tracking workbook: the whole workbook (export, first pull), a re-pull
 * into an existing workbook (merge), and the summary/report sheets.
 */
import type { Catalogue } from "../catalogue/types";
import type { Unit } from "../units/units";
import { isDefaultScoreRule } from "../scoring/score";
import { buildModel, type AssignmentRecord, type ProgressEntry, type TrackerModel } from "./model";
import type { TrackerSettings } from "./evaluate";
import { mergeTracker, type ExistingTable, type MergeResult } from "./merge";
import {
  assignmentSheetOps,
  bannerOf,
  catalogueInfoOps,
  configSheetOps,
  reportSheetOps,
  summarySheetOps,
  taskBannerOps,
  taskSheetOps,
  type CatalogueBanner,
  type CatalogueRecord,
} from "./sheets";
import type { PlanOp, WorkbookPlan } from "./plan";
import type { ReportOptions } from "./reportDoc";
import { ALL_UNITS, SHEETS, tasksSheetName } from "./layout";
import { findUnit, unitMapAt } from "../units/units";
import { unitsAsOfOf } from "../catalogue/planYear";
import { chartSheetOps } from "./charts";

export interface TrackerInput {
  catalogue: Catalogue;
  settings: TrackerSettings;
  /** true: the report-date cell holds =TODAY(); false: settings.reportDate is written as a fixed date. */
  reportDateIsToday: boolean;
  /** Build a workbook holding only this unit's assignments. */
  unit?: Unit | null;
  progress?: ProgressEntry[];
  /** Where the catalogue came from: a bundled id, an https URL, a sheet address, a file name. */
  loadedFrom: string;
  /** ISO timestamp of the pull. */
  loadedAt: string;
  /**
   * Province-wide report: units expected to report that have not (a consolidation knows them);
   * undefined = not known, the report says so.
   */
  notReported?: string[];
}

export class TrackerError extends Error {
  readonly problems: string[];
  /** What to do next, when it differs from "choose another catalogue or unit". */
  readonly hint?: string;
  constructor(problems: string[], hint?: string) {
    super(problems.join(" "));
    this.name = "TrackerError";
    this.problems = problems;
    if (hint !== undefined) this.hint = hint;
  }
}

function record(input: TrackerInput): CatalogueRecord {
  return {
    banner: bannerOf(input.catalogue),
    planYear: input.catalogue.planYear,
    loadedFrom: input.loadedFrom,
    loadedAt: input.loadedAt,
    unit: input.unit ?? null,
    unitsAsOf: unitsAsOfOf(input.catalogue),
  };
}

/** The settings' rule is the labelled placeholder (one owner: the core's isDefaultScoreRule). */
export function isDefaultRule(s: TrackerSettings): boolean {
  return isDefaultScoreRule(s.rule);
}

/** The model of a pull; refuses a one-unit workbook for a unit with no task. */
export function trackerModel(input: TrackerInput): TrackerModel {
  const model = buildModel(input.catalogue, { unit: input.unit ?? null, progress: input.progress });
  if (model.tasks.length === 0 || model.assignments.length === 0) {
    throw new TrackerError([
      input.unit
        ? `Đơn vị “${input.unit.name}” không có nhiệm vụ nào (chủ trì hay phối hợp) trong danh mục “${input.catalogue.title}”.`
        : `Danh mục “${input.catalogue.title}” không có nhiệm vụ nào để phân công.`,
    ]);
  }
  return model;
}

function freshTrackerOps(input: TrackerInput, model: TrackerModel, withConfig: boolean): PlanOp[] {
  const singleUnit = Boolean(input.unit);
  return [
    // Names and the tier table first, then Phân công (Nhiệm vụ's formulas refer to it).
    ...(withConfig
      ? configSheetOps(input.settings, input.reportDateIsToday, record(input), isDefaultRule(input.settings))
      : [{ op: "ensureSheet", sheet: SHEETS.config } as PlanOp, ...catalogueInfoOps(record(input))]),
    ...assignmentSheetOps(model.assignments, input.settings),
    ...taskSheetOps(model.tasks, model.assignments, input.settings, bannerOf(input.catalogue), singleUnit),
  ];
}

/** The summary and report sheets for an assignment table. */
export function summaryOps(
  assignments: readonly AssignmentRecord[],
  settings: TrackerSettings,
  banner: CatalogueBanner,
  unit: Unit | null,
  report: ReportOptions = {},
): PlanOp[] {
  return [
    ...summarySheetOps(assignments, settings, { review: report.review, tierBound: report.tierBound }),
    ...reportSheetOps(assignments, settings, banner, unit, report),
    ...chartSheetOps(assignments, settings),
  ];
}

/** The whole workbook, as the headless export writes it. */
export function buildWorkbookPlan(input: TrackerInput): { plan: WorkbookPlan; model: TrackerModel } {
  return workbookPlanOfModel(input, trackerModel(input));
}

/** The whole workbook for a model already built (tests edit cells of a model, as a user would). */
export function workbookPlanOfModel(
  input: TrackerInput,
  model: TrackerModel,
): { plan: WorkbookPlan; model: TrackerModel } {
  const ops = [
    ...freshTrackerOps(input, model, true),
    ...summaryOps(model.assignments, input.settings, bannerOf(input.catalogue), input.unit ?? null, {
      planYear: input.catalogue.planYear,
      ...(input.notReported ? { notReported: input.notReported } : {}),
    }),
  ];
  return { plan: { ops }, model };
}

/** What the open workbook already holds (read by the Office adapter). */
export interface ExistingTracker {
  tasks: ExistingTable | null;
  assignments: ExistingTable | null;
  hasConfig: boolean;
  /** MaDanhMuc of the catalogue the workbook tracks, if any. */
  catalogueId: string | null;
  /**
   * The "Đơn vị của sổ" cell of Cấu hình: a unit name (one-unit workbook), null (all units) or
   * undefined (not read). A re-pull keeps this scope; another scope is refused, not merged.
   */
  unitName?: string | null;
  /** Name of the sheet holding NhiemVu ("Nhiệm vụ 2024", "Nhiệm vụ 2026"); absent: the plan year's. */
  tasksSheet?: string;
}

/**
 * A workbook keeps the scope it was built with. Merging another scope would mark every other
 * unit's rows as "no longer in the catalogue" (one unit → all) or leave the old unit's progress
 * formulas in place (all → one unit): wrong numbers either way, so it is refused with a way out.
 */
export function checkUnitScope(
  recorded: string | null | undefined,
  requested: Unit | null,
  /** The date of the workbook's map of units (unitsAsOfOf); absent: 2024. */
  asOf?: string,
): void {
  if (recorded === undefined) return;
  const hint =
    "Nạp lại không đổi phạm vi của sổ đang có. Để theo dõi phạm vi khác, hãy mở một sổ Excel mới " +
    "(Tệp › Mới) rồi nạp danh mục ở đó; sổ này giữ nguyên.";
  if (recorded !== null) {
    const unit = asOf === undefined ? findUnit(recorded) : findUnit(recorded, undefined, asOf);
    if (!unit) {
      throw new TrackerError(
        [
          `Ô “Đơn vị của sổ” (trang ${SHEETS.config}) ghi “${recorded}”, không phải tên một đơn vị ${
            unitMapAt(asOf) === "2024" ? "năm 2024" : "từ 01/07/2025"
          }.`,
        ],
        `Sửa ô đó về tên đơn vị của sổ (hoặc “${ALL_UNITS}”) rồi nạp lại.`,
      );
    }
    if (requested?.id === unit.id) return;
    throw new TrackerError(
      [
        requested
          ? `Sổ này chỉ theo dõi phân công của “${unit.name}”, không thể nạp thành sổ của “${requested.name}”.`
          : `Sổ này chỉ theo dõi phân công của “${unit.name}”, không thể nạp thành sổ của tất cả đơn vị.`,
      ],
      hint,
    );
  }
  if (requested) {
    throw new TrackerError(
      [`Sổ này theo dõi tất cả đơn vị, không thể nạp thành sổ riêng của “${requested.name}”.`],
      hint,
    );
  }
}

export interface PullResult {
  plan: WorkbookPlan;
  model: TrackerModel;
  merge: MergeResult | null;
  /** The assignment table after the pull (for counts and summaries). */
  assignments: AssignmentRecord[];
  /** Set when the workbook tracked another catalogue: the UI asks before applying. */
  catalogueSwitch: { from: string; to: string } | null;
}

/** Pull a catalogue into a workbook: fresh tables, or a merge into the existing ones. */
export function buildPullPlan(input: TrackerInput, existing: ExistingTracker): PullResult {
  if (existing.tasks || existing.assignments)
    checkUnitScope(existing.unitName, input.unit ?? null, unitsAsOfOf(input.catalogue));
  const model = trackerModel(input);
  const banner = bannerOf(input.catalogue);
  const catalogueSwitch =
    existing.catalogueId && existing.catalogueId !== input.catalogue.id
      ? { from: existing.catalogueId, to: input.catalogue.id }
      : null;
  if (!existing.tasks && !existing.assignments) {
    return {
      plan: { ops: freshTrackerOps(input, model, !existing.hasConfig) },
      model,
      merge: null,
      assignments: model.assignments,
      catalogueSwitch,
    };
  }
  if (!existing.tasks || !existing.assignments) {
    throw new TrackerError([
      `Sổ đang có ${existing.tasks ? "bảng NhiemVu nhưng thiếu bảng PhanCong" : "bảng PhanCong nhưng thiếu bảng NhiemVu"}. ` +
        "Hãy khôi phục bảng đã xóa (Ctrl+Z) hoặc đổi tên trang còn lại rồi nạp lại; bổ trợ không ghi gì để tránh mất dữ liệu.",
    ]);
  }
  const merge = mergeTracker(
    model,
    { tasks: existing.tasks, assignments: existing.assignments },
    { singleUnit: Boolean(input.unit), planYear: input.catalogue.planYear, tasksSheet: existing.tasksSheet },
  );
  const tasksSheet = existing.tasksSheet ?? tasksSheetName(input.catalogue.planYear);
  const ops: PlanOp[] = [
    { op: "ensureSheet", sheet: tasksSheet },
    { op: "ensureSheet", sheet: SHEETS.assignments },
    ...(existing.hasConfig
      ? [{ op: "ensureSheet", sheet: SHEETS.config } as PlanOp, ...catalogueInfoOps(record(input))]
      : configSheetOps(
          input.settings,
          input.reportDateIsToday,
          record(input),
          isDefaultRule(input.settings),
        )),
    ...taskBannerOps(banner, tasksSheet),
    ...merge.ops,
  ];
  return { plan: { ops }, model, merge, assignments: merge.merged, catalogueSwitch };
}
