/**
 * The consolidated workbook as a plan: the same plan as `npm run workbook` builds (so every
 * native formula stays), with the merged user columns, the provenance columns appended at the
 * end of PhanCong, the "Nộp báo cáo" sheet and the count of units that reported on Tổng hợp and
 * Báo cáo (below their tables: the summary header row is a contract).
 */
import { buildWorkbookPlan, TrackerError } from "../workbook/tracker";
import type { ProgressEntry, TrackerModel } from "../workbook/model";
import type { PlanCell, PlanOp, WorkbookPlan } from "../workbook/plan";
import { cellAddress, parseRangeAddress, rangeAddress } from "../workbook/plan";
import { DATE_FORMAT, SHEETS, TABLES } from "../workbook/layout";
import {
  PROVENANCE_HEADERS,
  rowKey,
  serialFromIso,
  SUBMISSION_HEADERS,
  SUBMISSIONS_SHEET,
  SUBMISSIONS_TABLE,
  type ProvinceRow,
  type ProvinceWorkbook,
} from "./read";
import { carriedSheetOps, commonFormat, planCellOf } from "./carry";
import type { ConsolidationResult } from "./merge";
import { SUBMISSION_STATUS, type SubmissionRow } from "./types";

export const DATETIME_FORMAT = "dd/mm/yyyy hh:mm";
export const REPORTED_LABEL = "Số đơn vị đã nộp báo cáo";

/** Appends columns at the end of a table created by the plan (header + one value per data row). */
export function appendTableColumns(
  plan: WorkbookPlan,
  table: string,
  columns: Array<{ header: string; values: PlanCell[]; numberFormat?: string; width?: number }>,
): WorkbookPlan {
  const ops: PlanOp[] = [];
  for (const op of plan.ops) {
    if (op.op !== "createTable" || op.name !== table) {
      ops.push(op);
      continue;
    }
    const r = parseRangeAddress(op.address);
    const first = r.lastColumn + 1;
    const rows = r.lastRow - r.row;
    columns.forEach((c, k) => {
      if (c.values.length !== rows)
        throw new Error(`appendTableColumns: ${c.header} has ${c.values.length} values for ${rows} rows`);
      ops.push({
        op: "writeCells",
        sheet: op.sheet,
        address: cellAddress(r.row, first + k),
        rows: [[c.header], ...c.values.map((v) => [v])],
      });
    });
    ops.push({ ...op, address: rangeAddress(r.row, r.column, r.lastRow, r.lastColumn + columns.length) });
    columns.forEach((c, k) => {
      if (c.numberFormat && rows > 0)
        ops.push({
          op: "numberFormat",
          sheet: op.sheet,
          address: rangeAddress(r.row + 1, first + k, r.lastRow, first + k),
          format: c.numberFormat,
        });
    });
    ops.push({
      op: "columnWidths",
      sheet: op.sheet,
      widths: columns.map((c, k) => ({ column: first + k, width: c.width ?? 16 })),
    });
  }
  return { ops };
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "Số đơn vị đã nộp báo cáo: COUNTIF / total" as native formulas, with the core's numbers cached. */
export function reportedCells(reported: number, expected: number): PlanCell[][] {
  const s = quoteSheet(SUBMISSIONS_SHEET);
  return [
    [
      REPORTED_LABEL,
      { formula: `=COUNTIF(${s}!$B:$B,"${SUBMISSION_STATUS.submitted}")`, cached: reported },
      "trên",
      { formula: `=COUNTA(${s}!$A:$A)-1`, cached: expected },
    ],
  ];
}

function lastRowOn(ops: readonly PlanOp[], sheet: string): number {
  let last = 0;
  for (const op of ops) {
    if (op.op !== "writeCells" || op.sheet !== sheet) continue;
    const { row } = parseRangeAddress(op.address);
    last = Math.max(last, row + op.rows.length);
  }
  return last;
}

export function submissionSheetOps(rows: readonly SubmissionRow[]): PlanOp[] {
  const sheet = SUBMISSIONS_SHEET;
  const n = rows.length;
  const body: PlanCell[][] = rows.map((r) => [
    r.unit,
    r.status,
    r.file,
    r.updatedAt ? serialFromIso(r.updatedAt) : null,
    r.rowsUpdated,
    r.note,
  ]);
  const ops: PlanOp[] = [
    { op: "ensureSheet", sheet, clear: true, tabColor: "#548235" },
    { op: "writeCells", sheet, address: "A1", rows: [[...SUBMISSION_HEADERS], ...body] },
    {
      op: "createTable",
      sheet,
      name: SUBMISSIONS_TABLE,
      address: rangeAddress(0, 0, Math.max(1, n), 5),
      style: "TableStyleMedium7",
    },
    {
      op: "columnWidths",
      sheet,
      widths: [
        { column: 0, width: 40 },
        { column: 1, width: 14 },
        { column: 2, width: 36 },
        { column: 3, width: 14 },
        { column: 4, width: 12 },
        { column: 5, width: 60 },
      ],
    },
    { op: "freezePanes", sheet, rows: 1, columns: 1 },
  ];
  if (n > 0) {
    ops.push(
      { op: "numberFormat", sheet, address: `D2:D${n + 1}`, format: DATE_FORMAT },
      { op: "numberFormat", sheet, address: `E2:E${n + 1}`, format: "0" },
      { op: "style", sheet, address: `F2:F${n + 1}`, style: { wrap: true } },
      {
        op: "conditionalFormat",
        sheet,
        address: `B2:B${n + 1}`,
        rule: { type: "textEquals", text: SUBMISSION_STATUS.missing, fill: "#FCE4D6", fontColor: "#9C0006" },
      },
      {
        op: "conditionalFormat",
        sheet,
        address: `B2:B${n + 1}`,
        rule: { type: "textEquals", text: SUBMISSION_STATUS.rejected, fill: "#FFC7CE", fontColor: "#9C0006" },
      },
      {
        op: "conditionalFormat",
        sheet,
        address: `B2:B${n + 1}`,
        rule: {
          type: "textEquals",
          text: SUBMISSION_STATUS.submitted,
          fill: "#C6EFCE",
          fontColor: "#006100",
        },
      },
    );
  }
  return ops;
}

export class ConsolidationError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join(" "));
    this.name = "ConsolidationError";
    this.problems = problems;
  }
}

/** The whole result workbook. Throws ConsolidationError when a provincial row would be lost. */
export function consolidatedWorkbookPlan(
  province: ProvinceWorkbook,
  result: ConsolidationResult,
): { plan: WorkbookPlan; model: TrackerModel } {
  // The Thẩm định columns are the reviewer's (no unit file writes them): kept as the province holds them.
  const reviewOf = (r: ProvinceRow) =>
    r.review
      ? { explanation: r.review.explanation, review: r.review.review, reviewNote: r.review.reviewNote }
      : {};
  const blank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
  const progress: ProgressEntry[] = result.rows
    .filter(
      (r) =>
        Object.values(r.values).some((v) => v !== null) ||
        (r.review !== undefined && Object.values(r.review).some((v) => !blank(v))),
    )
    .map((r) => ({ taskId: r.taskId, unit: r.unitId ?? r.unit, ...r.values, ...reviewOf(r) }));
  let built: { plan: WorkbookPlan; model: TrackerModel };
  try {
    built = buildWorkbookPlan({
      catalogue: province.catalogue,
      settings: province.settings,
      reportDateIsToday: province.reportDateIsToday,
      unit: null,
      progress,
      loadedFrom: province.loadedFrom,
      loadedAt: province.loadedAt,
      // The same data as “Nộp báo cáo”: every unit whose status is not “Đã nộp”.
      notReported: result.submissions
        .filter((s) => s.status !== SUBMISSION_STATUS.submitted)
        .map((s) => (s.status === SUBMISSION_STATUS.rejected ? `${s.unit} (tệp bị từ chối)` : s.unit)),
    });
  } catch (e) {
    if (e instanceof TrackerError) throw new ConsolidationError(e.problems);
    throw e;
  }
  const { model } = built;
  const modelKeys = new Map<string, number>();
  model.assignments.forEach((a, i) => modelKeys.set(rowKey(a.taskId, a.unitId, a.unit), i));
  const lost = result.rows.filter((r) => !modelKeys.has(rowKey(r.taskId, r.unitId, r.unit)));
  if (lost.length > 0) {
    throw new ConsolidationError([
      `Sổ tỉnh có ${lost.length} dòng phân công không khớp danh mục của sổ (ví dụ: nhiệm vụ ${lost
        .slice(0, 3)
        .map((r) => `${r.taskId} — ${r.unit}`)
        .join(
          "; ",
        )}). Tổng hợp sẽ làm mất các dòng này nên không ghi gì; hãy nạp lại danh mục trong sổ tỉnh rồi chạy lại.`,
    ]);
  }
  const source: PlanCell[] = model.assignments.map(() => null);
  const at: PlanCell[] = model.assignments.map(() => null);
  for (const r of result.rows) {
    const i = modelKeys.get(rowKey(r.taskId, r.unitId, r.unit)) as number;
    source[i] = r.source;
    at[i] = r.sourceAt ? serialFromIso(r.sourceAt) : null;
  }
  // The reviewer's own PhanCong columns, per row (task id, unit), before the provenance columns
  // (always the last two of the table).
  const extraColumns = (province.extraColumns ?? []).map((c) => {
    const format = commonFormat(c.cells.values());
    return {
      header: c.header,
      values: model.assignments.map((a) => planCellOf(c.cells.get(rowKey(a.taskId, a.unitId, a.unit)))),
      ...(format ? { numberFormat: format } : {}),
      width: c.width ?? 18,
    };
  });
  let plan = appendTableColumns(built.plan, TABLES.assignments, [
    ...extraColumns,
    { header: PROVENANCE_HEADERS.source, values: source, width: 30 },
    { header: PROVENANCE_HEADERS.at, values: at, numberFormat: DATETIME_FORMAT, width: 17 },
  ]);
  // The reviewer's own NhiemVu columns, per task id, at the end of the table.
  const taskColumns = (province.extraTaskColumns ?? []).map((c) => {
    const format = commonFormat(c.cells.values());
    return {
      header: c.header,
      values: model.tasks.map((t) => planCellOf(c.cells.get(t.id))),
      ...(format ? { numberFormat: format } : {}),
      width: c.width ?? 18,
    };
  });
  if (taskColumns.length > 0) plan = appendTableColumns(plan, TABLES.tasks, taskColumns);
  const reported = result.report.unitsReported;
  const expected = result.report.unitsExpected;
  const extra: PlanOp[] = [...submissionSheetOps(result.submissions)];
  for (const sheet of [SHEETS.summary, SHEETS.report]) {
    const row = lastRowOn(plan.ops, sheet) + 2;
    extra.push({
      op: "writeCells",
      sheet,
      address: `A${row}`,
      rows: reportedCells(reported, expected),
      style: { italic: true },
    });
  }
  // The reviewer's own sheets, after the add-in's, as they were.
  const planSheets = new Set<string>();
  const tableNames = new Set<string>();
  for (const op of [...plan.ops, ...extra]) {
    if (op.op === "ensureSheet") planSheets.add(op.sheet.toLowerCase());
    if (op.op === "createTable") tableNames.add(op.name.toLowerCase());
  }
  for (const sheet of province.extraSheets ?? []) {
    if (planSheets.has(sheet.name.toLowerCase())) continue;
    planSheets.add(sheet.name.toLowerCase());
    extra.push(...carriedSheetOps(sheet, tableNames));
  }
  plan = { ops: [...plan.ops, ...extra] };
  return { plan, model };
}

/**
 * The units-reported line for a plan that rebuilds Tổng hợp and/or Báo cáo (the pane's Tổng hợp,
 * Chấm điểm and Báo cáo actions): two rows below what the plan writes on each, as the consolidated
 * workbook has it, with the counts of the "Nộp báo cáo" rows. Nothing when there are none.
 */
export function reportedLineOps(ops: readonly PlanOp[], submissions: readonly SubmissionRow[]): PlanOp[] {
  if (submissions.length === 0) return [];
  const reported = submissions.filter((r) => r.status === SUBMISSION_STATUS.submitted).length;
  const out: PlanOp[] = [];
  for (const sheet of [SHEETS.summary, SHEETS.report]) {
    const last = lastRowOn(ops, sheet);
    if (last === 0) continue;
    out.push({
      op: "writeCells",
      sheet,
      address: `A${last + 2}`,
      rows: reportedCells(reported, submissions.length),
      style: { italic: true },
    });
  }
  return out;
}
