/**
 * Xuất danh mục (export the task table as a cchc-catalogue/1 file) and reading the table a
 * unit already has (the selection or the active sheet) for import. Reading never changes the
 * sheet it reads.
 */
import { problem } from "../../core/problems/problem";
import { DEFAULT_PLAN_YEAR } from "../../core/catalogue/planYear";
import { serializeCatalogue } from "../../core/catalogue/serialize";
import {
  AREA_CODES,
  CATALOGUE_SCHEMA_ID,
  CatalogueError,
  type AreaCode,
  type CatalogueTask,
} from "../../core/catalogue/types";
import {
  IN_CATALOGUE,
  SHEETS,
  TASK_COLUMNS,
  tasksSheetName,
  type TaskColumnKey,
} from "../../core/workbook/layout";
import { readSelectionOrUsedRange } from "../excel/workbookOps";
import { ActionError, explainOfficeError, readTracker, SyncMeter } from "./common";

export interface ExportedCatalogue {
  json: string;
  fileName: string;
  taskCount: number;
  official: boolean;
}

const header = (k: TaskColumnKey) => TASK_COLUMNS.find((c) => c.key === k)?.header as string;

export async function exportCatalogue(context: Excel.RequestContext): Promise<ExportedCatalogue> {
  const meter = new SyncMeter(context);
  try {
    const snap = await readTracker(context, meter, {
      tasks: TASK_COLUMNS.map((c) => c.header),
      assignments: [],
    });
    if (!snap.tasks.exists)
      throw new ActionError(
        [problem("export.noTasks", {}, "Sổ chưa có bảng nhiệm vụ (NhiemVu).")],
        problem("export.noTasksHint", {}, "Hãy nạp danh mục trước khi xuất."),
      );
    const h = snap.tasks.headers;
    const col = (k: TaskColumnKey) => h.indexOf(header(k));
    const text = (r: unknown[], k: TaskColumnKey) =>
      String(r[col(k)] ?? "")
        .normalize("NFC")
        .trim();
    const tasks: CatalogueTask[] = snap.tasks.rows
      .filter((r) => text(r, "id") !== "" && text(r, "inCatalogue") !== IN_CATALOGUE.no)
      .map((r) => {
        const area = text(r, "area").toUpperCase();
        const t: CatalogueTask = {
          id: text(r, "id"),
          area: (AREA_CODES as string[]).includes(area) ? (area as AreaCode) : "",
          title: text(r, "title"),
          lead: text(r, "lead"),
          deadline: text(r, "deadline"),
        };
        if (text(r, "coordinating")) t.coordinating = text(r, "coordinating");
        if (text(r, "output")) t.output = text(r, "output");
        return t;
      });
    const c = snap.config?.catalogue;
    const planYear = c?.planYear ?? DEFAULT_PLAN_YEAR;
    const id = c?.id || "danh-muc";
    let json: string;
    try {
      json = serializeCatalogue({
        schema: CATALOGUE_SCHEMA_ID,
        id,
        title: c?.title || "Danh mục nhiệm vụ CCHC",
        planYear,
        source: { document: c?.document || "Xuất từ sổ theo dõi CCHC", official: c?.official ?? false },
        tasks,
      });
    } catch (e) {
      if (e instanceof CatalogueError)
        throw new ActionError(
          e.items,
          problem(
            "export.fixTableHint",
            { sheet: tasksSheetName(planYear) },
            `Sửa bảng “${tasksSheetName(planYear)}” như đã nêu rồi xuất lại.`,
          ),
        );
      throw e;
    }
    return {
      json,
      fileName: `${id.replace(/[^A-Za-z0-9._-]+/g, "-")}.json`,
      taskCount: tasks.length,
      official: c?.official ?? false,
    };
  } catch (e) {
    throw explainOfficeError(e);
  }
}

export interface SheetTable {
  sheet: string;
  /** "Sheet1!A1:F60" */
  address: string;
  rows: unknown[][];
}

/** Cells at most read for an import (a plan of a few hundred tasks is far below). */
export const MAX_IMPORT_CELLS = 200_000;

export { IMPORT_BYTES_PER_CELL, readValuesByBytes } from "../excel/workbookOps";

/** The current selection if it spans more than one cell, else the active sheet's used range. */
export async function readSheetForImport(context: Excel.RequestContext): Promise<SheetTable> {
  try {
    const read = await readSelectionOrUsedRange(context, (source, sheet) => {
      if (!source)
        throw new ActionError(
          [problem("import.emptySheet", { sheet }, `Trang “${sheet}” trống.`)],
          problem(
            "import.emptySheetHint",
            {},
            "Mở trang có bảng nhiệm vụ của đơn vị (hoặc chọn vùng bảng) rồi bấm lại.",
          ),
        );
      if (source.rowCount * source.columnCount > MAX_IMPORT_CELLS) {
        throw new ActionError(
          [
            problem(
              "import.rangeTooLarge",
              { address: source.address, rows: source.rowCount, columns: source.columnCount },
              `Vùng ${source.address} quá lớn (${source.rowCount} dòng × ${source.columnCount} cột).`,
            ),
          ],
          problem("import.pickRangeHint", {}, "Hãy chọn đúng vùng bảng nhiệm vụ rồi bấm lại."),
        );
      }
      if ((Object.values(SHEETS) as string[]).includes(sheet)) {
        throw new ActionError(
          [problem("import.addinSheet", {}, "Đây là trang do bổ trợ tạo.")],
          problem("import.addinSheetHint", {}, "Hãy mở trang bảng gốc của đơn vị rồi bấm lại."),
        );
      }
    });
    return { sheet: read.sheet, address: read.address, rows: read.values };
  } catch (e) {
    throw explainOfficeError(e);
  }
}
