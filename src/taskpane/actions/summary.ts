/**
 * Tổng hợp theo đơn vị, Chấm điểm and Báo cáo Sở Nội vụ. The sheets hold native formulas
 * (COUNTIFS over PhanCong, the score rule from Cấu hình), so a workbook opened without the
 * add-in still shows the right numbers. The pane shows the same numbers computed by the core's
 * twins of those formulas (checked against a real spreadsheet engine in the e2e suite).
 */
import { problem } from "../../core/problems/problem";
import { chartSheetOps } from "../../core/workbook/charts";
import {
  isDefaultScoreRule,
  validateScoreRule,
  ScoreRuleError,
  type ScoreRule,
} from "../../core/scoring/score";
import { assignmentColumnIndex, assignmentFromRow } from "../../core/workbook/assignmentRow";
import { formatCellIssue, type CellIssue } from "../../core/workbook/cellValues";
import { findUnit } from "../../core/units/units";
import { SCORE_MODE, SHEETS, TABLES, type AssignmentColumnKey } from "../../core/workbook/layout";
import { summaryLines, type SummaryLine, type TrackerSettings } from "../../core/workbook/evaluate";
import type { AssignmentRecord } from "../../core/workbook/model";
import {
  CONFIG_ROWS,
  reportSheetOps,
  ruleTitleCell,
  ruleWordsRow,
  summarySheetOps,
  tierRows as tierCellRows,
  type CatalogueBanner,
} from "../../core/workbook/sheets";
import { TIER_HEADERS } from "../../core/workbook/configLayout";
import { defaultReportDoc, type ReportDoc } from "../../core/workbook/reportDoc";
import type { ScoreTier } from "../../core/scoring/score";

const tierCells = (t: ScoreTier) => tierCellRows([t])[0];
import type { PivotFilter, PlanOp } from "../../core/workbook/plan";
import { assignmentPivotOps, PIVOT_SHEET } from "../../core/workbook/pivot";
import type { UnitSummary } from "../../core/summary/summarize";
import { applyPlan } from "../excel/applyPlan";
import { queueUsedValues } from "../excel/consolidateOps";
import { readSubmissions, SUBMISSIONS_SHEET } from "../../core/consolidate/read";
import { reportedLineOps } from "../../core/consolidate/sheets";
import type { SubmissionRow } from "../../core/consolidate/types";
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
  /** Cells the formulas cannot read (sheet, row, column, value, what to do); the rest was counted. */
  cellProblems?: string[];
  /**
   * The PivotTable, when one was added: the filters applied so its totals equal Tổng hợp's, and
   * those the host could not apply (ExcelApi < 1.12) that the person picks in its filter area.
   */
  pivot?: { sheet: string; filtered: PivotFilter[]; toPick: PivotFilter[] };
}

const NEEDED: AssignmentColumnKey[] = [
  "taskId",
  "unit",
  "role",
  "inCatalogue",
  "due",
  "status",
  "completedOn",
  "review",
  "level",
];
/** The report's Phụ lục lists each task of the unit with its evidence and review. */
const REPORT_NEEDED: AssignmentColumnKey[] = [...NEEDED, "title", "evidence", "explanation", "reviewNote"];
const header = assignmentHeader;
/** Columns the summary formulas, the report and the PivotTable refer to. */
const SUMMARY_USES: AssignmentColumnKey[] = ["state", "check", "period"];

/** The assignment rows as the summary formulas see them (the core's one row reader). */
export function assignmentsFromSnapshot(snap: TrackerSnapshot, issues?: CellIssue[]): AssignmentRecord[] {
  const idx = assignmentColumnIndex(snap.assignments.headers);
  return snap.assignments.rows.map((r, i) => assignmentFromRow(r, idx, i, issues));
}

/** Shape flags of an older workbook: Thẩm định columns and the tier bound column may be missing. */
function shapeOf(snap: TrackerSnapshot): { review: boolean; tierBound: boolean } {
  return {
    review: snap.assignments.headers.includes(header("review")),
    tierBound: !snap.tiers.exists || snap.tiers.headers.includes(TIER_HEADERS[2]),
  };
}

function bannerFromSnapshot(snap: TrackerSnapshot): CatalogueBanner {
  const c = snap.config?.catalogue;
  return {
    id: c?.id ?? "",
    title: c?.title ?? "",
    document: c?.document ?? "",
    official: c?.official ?? false,
    ...(typeof c?.planYear === "number" ? { planYear: c.planYear } : {}),
  };
}

async function writeSummary(
  context: Excel.RequestContext,
  meter: SyncMeter,
  snap: TrackerSnapshot,
  settings: TrackerSettings,
  extra: {
    report: boolean;
    pivot?: boolean;
    before?: PlanOp[];
    chunkBytes?: number;
    /** Rows of the "Nộp báo cáo" sheet (a consolidated workbook): the units-reported line stays. */
    submissions?: SubmissionRow[];
  },
): Promise<SummaryOutcome> {
  const issues: CellIssue[] = [];
  const assignments = assignmentsFromSnapshot(snap, issues);
  const shape = shapeOf(snap);
  const ops: PlanOp[] = [...(extra.before ?? []), ...summarySheetOps(assignments, settings, shape)];
  if (extra.report) {
    const unitName = snap.config?.catalogue.unitName;
    // The workbook's map of units (Cấu hình › Bản đồ đơn vị; none: 2024).
    const unit = unitName ? findUnit(unitName, undefined, snap.config?.catalogue.unitsAsOf ?? null) : null;
    const read = snap.config?.report;
    const defaults = defaultReportDoc(unit);
    // Cells left empty (or a workbook built before the report settings) fall back to the defaults.
    const doc: ReportDoc = {
      issuer: read?.issuer || defaults.issuer,
      docNumber: read?.docNumber || defaults.docNumber,
      recipient: read?.recipient || defaults.recipient,
      signerTitle: read?.signerTitle || defaults.signerTitle,
      signerName: read?.signerName ?? defaults.signerName,
      reportUnit: read?.reportUnit || defaults.reportUnit,
    };
    ops.push(
      ...reportSheetOps(assignments, settings, bannerFromSnapshot(snap), unit, {
        ...shape,
        doc,
        planYear: snap.config?.catalogue.planYear ?? undefined,
      }),
    );
  }
  ops.push(...chartSheetOps(assignments, settings));
  let pivotFilters: PivotFilter[] = [];
  if (extra.pivot) {
    if (snap.meta.sheets.has(PIVOT_SHEET)) {
      throw new ActionError(
        [problem("pivot.sheetExists", { sheet: PIVOT_SHEET }, `Đã có trang “${PIVOT_SHEET}”.`)],
        problem("pivot.sheetExistsHint", {}, "Xóa hoặc đổi tên trang đó nếu muốn tạo PivotTable mới."),
      );
    }
    const pivotOps = assignmentPivotOps(assignments, settings);
    for (const op of pivotOps) if (op.op === "pivotTable") pivotFilters = op.filters ?? [];
    ops.push(...pivotOps);
  }
  ops.push(...reportedLineOps(ops, extra.submissions ?? []));
  const applied = await applyPlan(context, { ops }, { meta: snap.meta, chunkBytes: extra.chunkBytes });
  meter.add(applied);
  const { lines, total } = summaryLines(assignments, settings);
  const outcome: SummaryOutcome = {
    lines,
    total,
    settings,
    stats: meter.stats(),
    cellProblems: issues.map(formatCellIssue),
  };
  if (extra.pivot) {
    const toPick = applied.pivotFiltersToPick.map(({ field, values }) => ({ field, values }));
    outcome.pivot = {
      sheet: PIVOT_SHEET,
      filtered: pivotFilters.filter((f) => f.values.length > 0 && !toPick.some((p) => p.field === f.field)),
      toPick,
    };
  }
  return outcome;
}

/** Reads the tracker, then writes Tổng hợp (and the report): the shared body of both actions. */
async function summaryAction(
  context: Excel.RequestContext,
  options: { report: boolean; pivot?: boolean; chunkBytes?: number },
): Promise<SummaryOutcome> {
  const meter = new SyncMeter(context);
  try {
    const submissions = queueUsedValues(context, SUBMISSIONS_SHEET); // read in the same round trip
    const { snap, settings } = await readTrackerFor(
      context,
      meter,
      options.report ? REPORT_NEEDED : NEEDED,
      options.chunkBytes,
      SUMMARY_USES,
    );
    return await writeSummary(context, meter, snap, settings, {
      ...options,
      submissions: readSubmissions(submissions.resolve()),
    });
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
      problem("score.fixRuleHint", {}, "Hãy sửa quy tắc rồi bấm lại."),
    );
  }
  const meter = new SyncMeter(context);
  try {
    const submissions = queueUsedValues(context, SUBMISSIONS_SHEET); // read in the same round trip
    const read = await readTrackerFor(context, meter, NEEDED, options.chunkBytes, SUMMARY_USES);
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
      { op: "writeCells", sheet: SHEETS.config, address: `A${R.ruleWords}`, rows: [ruleWordsRow(rule)] },
      {
        op: "writeCells",
        sheet: SHEETS.config,
        address: `A${R.ruleTitle}`,
        rows: [[ruleTitleCell(isDefaultScoreRule(rule))]],
        style: { bold: true, fontColor: isDefaultScoreRule(rule) ? "#C00000" : "#000000" },
      },
    ];
    // A tier table written before the "Cận dưới" column keeps two columns (all bounds inclusive).
    const width = shapeOf(snap).tierBound ? 3 : 2;
    if (width === 2 && tiers.some((t) => t.strict)) {
      throw new ActionError(
        [
          problem(
            "tiers.noBoundColumn",
            { column: TIER_HEADERS[2] },
            `Bảng bậc của sổ này chưa có cột “${TIER_HEADERS[2]}” nên không ghi được bậc “trên” (>).`,
          ),
        ],
        problem(
          "tiers.noBoundColumnHint",
          {},
          "Hãy nạp lại danh mục vào một sổ mới để có bảng bậc mới, hoặc dùng bậc “từ” (≥).",
        ),
      );
    }
    if (tiers.length > current) {
      before.push({
        op: "appendTableRows",
        table: TABLES.tiers,
        rows: Array.from({ length: tiers.length - current }, () => new Array<null>(width).fill(null)),
      });
    }
    before.push({
      op: "updateTableCells",
      table: TABLES.tiers,
      row: 0,
      column: 0,
      rows: Array.from({ length: Math.max(tierRows, current) }, (_, i) =>
        tiers[i] ? tierCells(tiers[i]).slice(0, width) : new Array<null>(width).fill(null),
      ),
    });
    const outcome = await writeSummary(context, meter, snap, settings, {
      report: false,
      before,
      chunkBytes: options.chunkBytes,
      submissions: readSubmissions(submissions.resolve()),
    });
    return outcome;
  } catch (e) {
    throw explainOfficeError(e);
  }
}
