/**
 * Tổng hợp từ đơn vị in the pane: the unit files (already read in the browser into plain values)
 * merged into the open provincial workbook by the core's rules (src/core/consolidate), the same
 * as `npm run consolidate`. Preview: one read, nothing written. Apply: the same read again (the
 * workbook may have changed since the preview), the merge with the reviewer's conflict choices,
 * then one plan through the plan applier — the changed user cells and their provenance, the
 * "Nộp báo cáo" sheet, the units-reported line on Tổng hợp / Báo cáo. Round trips: 1 read (+1 per
 * ~4 MB) and 1 write (+1 per ~4 MB).
 */
// Imported module by module (not the index): the xlsx reader and fflate stay in their own chunk.
import { problem } from "../../core/problems/problem";
import { consolidate } from "../../core/consolidate/merge";
import {
  catalogueInfo,
  readProvince,
  PROVENANCE_HEADERS,
  PROVINCE_ASSIGNMENT_HEADERS,
  PROVINCE_TASK_HEADERS,
  SUBMISSIONS_SHEET,
  SUBMISSIONS_TABLE,
  type ProvinceWorkbook,
} from "../../core/consolidate/read";
import { consolidationPanePlan } from "../../core/consolidate/panePlan";
import { REPORTED_LABEL } from "../../core/consolidate/sheets";
import { conflictKey, type ConsolidationReport, type UnitFileInput } from "../../core/consolidate/types";
import { ALL_UNITS, SHEETS, TABLES } from "../../core/workbook/layout";
import { applyPlan, queueMeta, type WorkbookMeta } from "../excel/applyPlan";
import { queueTableRead } from "../excel/readTables";
import { queueConfigRead } from "../excel/configBlock";
import {
  queueAddTableColumns,
  queueClearFilters,
  queueDropTable,
  queueLineRow,
  queueSheetValues,
  queueUsedValues,
} from "../excel/consolidateOps";
import { ActionError, explainOfficeError, SyncMeter, type ActionStats } from "./common";

/** Which value a conflicting row keeps: the provincial workbook's or the unit file's. */
export type ConflictPick = "province" | "unit";

export interface ConflictChoices {
  /** Applies to every conflict without a per-row pick. */
  all: ConflictPick;
  /** Per row, by conflictKey(file, taskId). */
  rows: Record<string, ConflictPick>;
}

export { conflictKey };

export interface ConsolidationPreview {
  report: ConsolidationReport;
  stats: ActionStats;
}

export interface ConsolidationOutcome extends ConsolidationPreview {
  /** PhanCong rows written. */
  rowsWritten: number;
  /** Provenance columns added to PhanCong by this run. */
  addedColumns: string[];
  clearedFilters: string[];
}

const TASK_COLUMNS = [...PROVINCE_TASK_HEADERS];
const ASSIGNMENT_COLUMNS = [...PROVINCE_ASSIGNMENT_HEADERS, PROVENANCE_HEADERS.source, PROVENANCE_HEADERS.at];

interface ProvinceRead {
  province: ProvinceWorkbook;
  meta: WorkbookMeta;
  headers: string[];
  rowCount: number;
  reportedRow: { summary: number | null; report: number | null };
}

/** The message a one-unit workbook gets (exported for the pane, which says it before any file). */
export function oneUnitProblem(unit: string): ActionError {
  return new ActionError(
    [
      problem(
        "consolidate.oneUnit",
        { unit },
        `Sổ này là sổ của một đơn vị (“${unit}”), không phải sổ tỉnh: chỉ sổ theo dõi tất cả đơn vị mới tổng hợp được sổ của các đơn vị gửi về.`,
      ),
    ],
    problem(
      "consolidate.oneUnitHint",
      { all: ALL_UNITS },
      `Hãy mở sổ tỉnh (trang Cấu hình, ô “Đơn vị của sổ” = “${ALL_UNITS}”) rồi tổng hợp ở đó.`,
    ),
  );
}

async function readProvinceBook(
  context: Excel.RequestContext,
  meter: SyncMeter,
  chunkBytes?: number,
): Promise<ProvinceRead> {
  const meta = queueMeta(context, [TABLES.assignments]);
  const tasks = queueTableRead(context, TABLES.tasks, TASK_COLUMNS, chunkBytes);
  const assignments = queueTableRead(context, TABLES.assignments, ASSIGNMENT_COLUMNS, chunkBytes);
  const config = queueSheetValues(context, SHEETS.config, "A1:C45");
  const cfg = queueConfigRead(context);
  const submissions = queueUsedValues(context, SUBMISSIONS_SHEET);
  const summaryRow = queueLineRow(context, SHEETS.summary, REPORTED_LABEL);
  const reportRow = queueLineRow(context, SHEETS.report, REPORTED_LABEL);
  await meter.sync();
  const configValues = config.resolve();
  const info = catalogueInfo(configValues);
  if (info && info.unitName) throw oneUnitProblem(info.unitName);
  const t = await tasks.finish(meter.sync);
  const a = await assignments.finish(meter.sync);
  if (!t.exists || !a.exists || !configValues) {
    throw new ActionError(
      [
        problem(
          "consolidate.noTracker",
          {},
          "Sổ này chưa có bảng theo dõi (NhiemVu, PhanCong) hoặc trang “Cấu hình”.",
        ),
      ],
      problem("consolidate.noTrackerHint", {}, "Hãy mở sổ tỉnh đã nạp danh mục (mục 1) rồi tổng hợp."),
    );
  }
  const read = readProvince({
    sheetNames: [],
    config: configValues,
    tiers: cfg.resolve().tiers,
    tasks: { headers: t.headers, rows: t.rows },
    assignments: { headers: a.headers, rows: a.rows },
    submissions: submissions.resolve(),
    savedAt: null,
  });
  if (!read.province) {
    throw new ActionError(
      read.problems,
      problem(
        "consolidate.fixProvinceHint",
        {},
        "Hãy sửa những điểm đã nêu trong sổ tỉnh (hoặc nạp lại danh mục) rồi tổng hợp lại.",
      ),
    );
  }
  return {
    province: read.province,
    meta: meta.resolve(),
    headers: a.headers,
    rowCount: a.rowCount,
    reportedRow: { summary: summaryRow.resolve(), report: reportRow.resolve() },
  };
}

/** Reads the provincial workbook and merges the files in memory: what would change (nothing written). */
export async function previewConsolidation(
  context: Excel.RequestContext,
  files: readonly UnitFileInput[],
  options: { chunkBytes?: number } = {},
): Promise<ConsolidationPreview> {
  const meter = new SyncMeter(context);
  try {
    const { province } = await readProvinceBook(context, meter, options.chunkBytes);
    const result = consolidate(province.rows, province.catalogue.id, files, province.previousSubmissions);
    return { report: result.report, stats: meter.stats() };
  } catch (e) {
    throw explainOfficeError(e);
  }
}

/** Merges the files into the open provincial workbook (conflicts as chosen) in one plan. */
export async function applyConsolidation(
  context: Excel.RequestContext,
  files: readonly UnitFileInput[],
  choices: ConflictChoices,
  options: { chunkBytes?: number } = {},
): Promise<ConsolidationOutcome> {
  const meter = new SyncMeter(context);
  try {
    const read = await readProvinceBook(context, meter, options.chunkBytes);
    const { province } = read;
    const result = consolidate(province.rows, province.catalogue.id, files, province.previousSubmissions, {
      unitWins: (c) => (choices.rows[conflictKey(c.file, c.taskId)] ?? choices.all) === "unit",
    });
    if (result.report.accepted.length === 0 && result.report.superseded.length === 0) {
      throw new ActionError(
        [
          files.length === 0
            ? problem("consolidate.noFiles", {}, "Chưa chọn tệp .xlsx nào.")
            : problem(
                "consolidate.noValidFiles",
                {},
                "Không có sổ đơn vị nào hợp lệ trong các tệp đã chọn — không ghi gì vào sổ.",
              ),
        ],
        problem(
          "consolidate.seePreviewHint",
          {},
          "Xem lý do từng tệp ở phần xem trước, yêu cầu đơn vị gửi lại tệp đúng rồi tổng hợp lại.",
        ),
      );
    }
    const pane = consolidationPanePlan({
      headers: read.headers,
      rowCount: read.rowCount,
      result,
      reportedRow: read.reportedRow,
    });
    // Queued before the plan's first batch: they go in the same round trip.
    if (pane.addColumns.length > 0) {
      if (read.meta.filtered.has(TABLES.assignments) || read.meta.filterUnknown)
        queueClearFilters(context, TABLES.assignments);
      queueAddTableColumns(context, TABLES.assignments, pane.addColumns, read.rowCount);
    }
    if (read.meta.tables.has(SUBMISSIONS_TABLE)) queueDropTable(context, SUBMISSIONS_TABLE);
    const report = await applyPlan(context, pane.plan, { meta: read.meta, chunkBytes: options.chunkBytes });
    meter.add(report);
    return {
      report: result.report,
      stats: meter.stats(),
      rowsWritten: pane.rowsWritten,
      addedColumns: pane.addColumns,
      clearedFilters: report.clearedFilters,
    };
  } catch (e) {
    throw explainOfficeError(e);
  }
}
