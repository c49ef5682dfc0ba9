/**
 * Tổng hợp theo đơn vị, Chấm điểm and Báo cáo Sở Nội vụ. The sheets hold native formulas
 * (COUNTIFS over PhanCong, the score rule from Cấu hình), so a workbook opened without the
 * add-in still shows the right numbers. The pane shows the same numbers computed by the core's
 * twins of those formulas (checked against a real spreadsheet engine in the e2e suite).
 */
import { chartSheetOps } from "../../core/workbook/charts";
import { validateScoreRule, ScoreRuleError, type ScoreRule } from "../../core/scoring/score";
import { fromExcelSerial, MAX_EXCEL_SERIAL } from "../../core/dates/isoDate";
import { findUnit } from "../../core/units/units";
import {
  IN_CATALOGUE,
  SCORE_MODE,
  SHEETS,
  TABLES,
  type AssignmentColumnKey,
} from "../../core/workbook/layout";
import { summaryLines, type SummaryLine, type TrackerSettings } from "../../core/workbook/evaluate";
import type { AssignmentRecord } from "../../core/workbook/model";
import {
  CONFIG_ROWS,
  reportSheetOps,
  summarySheetOps,
  type CatalogueBanner,
} from "../../core/workbook/sheets";
import type { PlanOp } from "../../core/workbook/plan";
import type { UnitSummary } from "../../core/summary/summarize";
import { applyPlan } from "../excel/applyPlan";
import {
  ActionError,
  assignmentHeader,
  explainOfficeError,
  readTrackerFor,
  SyncMeter,
  type ActionStats,
  type TrackerSnapshot,
} from "./common";

export interface SummaryOutcome {
  lines: SummaryLine[];
  total: UnitSummary;
  settings: TrackerSettings;
  stats: ActionStats;
}

const NEEDED: AssignmentColumnKey[] = [
  "taskId",
  "unit",
  "role",
  "inCatalogue",
  "due",
  "status",
  "completedOn",
  "level",
];
const header = assignmentHeader;

function isoOrNull(v: unknown): string | null {
  return typeof v === "number" && v >= 1 && v <= MAX_EXCEL_SERIAL ? fromExcelSerial(v) : null;
}

/** The assignment rows as the summary formulas see them. */
export function assignmentsFromSnapshot(snap: TrackerSnapshot): AssignmentRecord[] {
  const h = snap.assignments.headers;
  const col = (k: AssignmentColumnKey) => h.indexOf(header(k));
  return snap.assignments.rows.map((r) => {
    const status = r[col("status")];
    return {
      taskId: String(r[col("taskId")] ?? ""),
      title: "",
      area: "",
      unit: String(r[col("unit")] ?? "").trim(),
      unitId: null,
      level: col("level") >= 0 ? String(r[col("level")] ?? "").trim() : "",
      role: String(r[col("role")] ?? "") === "Phối hợp" ? "Phối hợp" : "Chủ trì",
      due: isoOrNull(r[col("due")]),
      kind: "date",
      inCatalogue: String(r[col("inCatalogue")] ?? "") !== IN_CATALOGUE.no,
      status:
        typeof status === "string" && status !== ""
          ? status
          : status === "" || status === undefined || status === null
            ? null
            : String(status),
      completedOn: isoOrNull(r[col("completedOn")]),
      evidence: null,
      note: null,
    };
  });
}

function bannerFromSnapshot(snap: TrackerSnapshot): CatalogueBanner {
  const c = snap.config?.catalogue;
  return {
    id: c?.id ?? "",
    title: c?.title ?? "",
    document: c?.document ?? "",
    official: c?.official ?? false,
  };
}

async function writeSummary(
  context: Excel.RequestContext,
  meter: SyncMeter,
  snap: TrackerSnapshot,
  settings: TrackerSettings,
  extra: { report: boolean; pivot?: boolean; before?: PlanOp[]; chunkBytes?: number },
): Promise<SummaryOutcome> {
  const assignments = assignmentsFromSnapshot(snap);
  const ops: PlanOp[] = [...(extra.before ?? []), ...summarySheetOps(assignments, settings)];
  if (extra.report) {
    const unitName = snap.config?.catalogue.unitName;
    ops.push(
      ...reportSheetOps(
        assignments,
        settings,
        bannerFromSnapshot(snap),
        unitName ? findUnit(unitName) : null,
      ),
    );
  }
  ops.push(...chartSheetOps(assignments, settings));
  if (extra.pivot) {
    const pivotSheet = "Pivot Phân công";
    if (snap.meta.sheets.has(pivotSheet)) {
      throw new ActionError(
        [`Đã có trang “${pivotSheet}”.`],
        "Xóa hoặc đổi tên trang đó nếu muốn tạo PivotTable mới.",
      );
    }
    ops.push(
      { op: "ensureSheet", sheet: pivotSheet },
      {
        op: "pivotTable",
        sheet: pivotSheet,
        name: "PivotPhanCong",
        sourceTable: TABLES.assignments,
        anchor: "A3",
        rows: [header("unit")],
        columns: [header("state")],
        values: [{ field: header("taskId"), summarizeBy: "count" }],
      },
    );
  }
  meter.add(await applyPlan(context, { ops }, { meta: snap.meta, chunkBytes: extra.chunkBytes }));
  const { lines, total } = summaryLines(assignments, settings);
  return { lines, total, settings, stats: meter.stats() };
}

/** Reads the tracker, then writes Tổng hợp (and the report): the shared body of both actions. */
async function summaryAction(
  context: Excel.RequestContext,
  options: { report: boolean; pivot?: boolean; chunkBytes?: number },
): Promise<SummaryOutcome> {
  const meter = new SyncMeter(context);
  try {
    const { snap, settings } = await readTrackerFor(context, meter, NEEDED, options.chunkBytes);
    return await writeSummary(context, meter, snap, settings, options);
  } catch (e) {
    throw explainOfficeError(e);
  }
}

/** Builds (or rebuilds) the Tổng hợp sheet with its chart; optionally a PivotTable on Phân công. */
export function buildSummary(
  context: Excel.RequestContext,
  options: { pivot?: boolean; chunkBytes?: number } = {},
): Promise<SummaryOutcome> {
  return summaryAction(context, { ...options, report: false });
}

/** Báo cáo Sở Nội vụ: refreshes Tổng hợp and writes the print-ready report sheet. */
export function buildReport(
  context: Excel.RequestContext,
  options: { chunkBytes?: number } = {},
): Promise<SummaryOutcome> {
  return summaryAction(context, { ...options, report: true });
}

/** Chấm điểm: writes a score rule into Cấu hình (the reviewer's rule) and refreshes Tổng hợp. */
export async function applyScoreRule(
  context: Excel.RequestContext,
  rule: ScoreRule,
  options: { chunkBytes?: number } = {},
): Promise<SummaryOutcome> {
  try {
    validateScoreRule(rule);
  } catch (e) {
    throw new ActionError(
      [e instanceof ScoreRuleError ? e.message : String(e)],
      "Hãy sửa quy tắc rồi bấm lại.",
    );
  }
  const meter = new SyncMeter(context);
  try {
    const read = await readTrackerFor(context, meter, NEEDED, options.chunkBytes);
    const snap = read.snap;
    const settings: TrackerSettings = { ...read.settings, rule };
    const R = CONFIG_ROWS;
    const tiers = rule.tiers ?? [];
    const tierRows = Math.max(1, tiers.length);
    const current = snap.tiers.exists ? snap.tiers.rowCount : 0;
    const before: PlanOp[] = [
      { op: "ensureSheet", sheet: SHEETS.config },
      {
        op: "writeCells",
        sheet: SHEETS.config,
        address: `B${R.scoreMode}`,
        rows: [
          [rule.mode === "tiers" ? SCORE_MODE.tiers : SCORE_MODE.proportional],
          [rule.maxPoints],
          [rule.threshold ?? 0],
          [rule.latePenalty ?? 0],
        ],
      },
      {
        op: "writeCells",
        sheet: SHEETS.config,
        address: `A${R.ruleTitle}`,
        rows: [["QUY TẮC CHẤM ĐIỂM"]],
        style: { bold: true, fontColor: "#000000" },
      },
    ];
    if (tiers.length > current) {
      before.push({
        op: "appendTableRows",
        table: TABLES.tiers,
        rows: Array.from({ length: tiers.length - current }, () => [null, null]),
      });
    }
    before.push({
      op: "updateTableCells",
      table: TABLES.tiers,
      row: 0,
      column: 0,
      rows: Array.from({ length: Math.max(tierRows, current) }, (_, i) =>
        tiers[i] ? [tiers[i].minRate, tiers[i].points] : [null, null],
      ),
    });
    const outcome = await writeSummary(context, meter, snap, settings, {
      report: false,
      before,
      chunkBytes: options.chunkBytes,
    });
    return outcome;
  } catch (e) {
    throw explainOfficeError(e);
  }
}
