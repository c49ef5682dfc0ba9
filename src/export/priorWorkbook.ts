/**
 * `--prior <sổ 2024.xlsx>`: the per-unit counts of a 2024 tracking workbook (its Phân công, as
 * its Tổng hợp counts them), for the "Tỷ lệ 2024 (ước tính)" column of a workbook of the map from
 * 01/07/2025 (src/core/workbook/priorColumn.ts). Problems are Vietnamese, with what to do.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { catalogueInfo } from "../core/consolidate/read";
import { readConfig } from "../core/workbook/config";
import { CONFIG_FIRST_ROW, CONFIG_LAST_ROW } from "../core/workbook/configLayout";
import { SHEETS, TABLES } from "../core/workbook/layout";
import { priorLinesFromAssignments } from "../core/workbook/priorColumn";
import type { PriorLine } from "../core/units/yearOverYear";
import { readWorkbookValues } from "./readXlsx";

export async function readPriorLines(file: string): Promise<{ lines?: PriorLine[]; problem?: string }> {
  const name = path.basename(file);
  const bytes = await fs.readFile(file).catch(() => null);
  if (!bytes)
    return { problem: `--prior: không đọc được tệp “${file}” (không có tệp hoặc không có quyền đọc).` };
  const read = await readWorkbookValues(bytes);
  if (!read.values) return { problem: `--prior “${name}”: ${read.problem ?? "không đọc được tệp."}` };
  const v = read.values;
  const info = catalogueInfo(v.config);
  if (!info || !v.assignments)
    return {
      problem: `--prior “${name}” không phải sổ theo dõi CCHC (thiếu trang “${SHEETS.config}” hoặc bảng “${TABLES.assignments}”). Hãy dùng sổ năm 2024 do bổ trợ hoặc lệnh này tạo.`,
    };
  if (info.unitsAsOf !== null || (info.planYear !== null && info.planYear !== 2024))
    return {
      problem: `--prior “${name}” là sổ năm ${info.planYear ?? "?"}${info.unitsAsOf ? " theo bản đồ từ 01/07/2025" : ""}, không phải sổ năm 2024: cột “Tỷ lệ 2024 (ước tính)” cần sổ của kế hoạch năm 2024.`,
    };
  const cfg = readConfig((v.config ?? []).slice(CONFIG_FIRST_ROW - 1, CONFIG_LAST_ROW), v.tiers ?? []);
  const lines = priorLinesFromAssignments(
    v.assignments.headers,
    v.assignments.rows,
    cfg.settings?.includeCoordinating ?? false,
  );
  if (!lines)
    return {
      problem: `--prior “${name}”: bảng “${TABLES.assignments}” thiếu cột “Đơn vị”, “Vai trò” hoặc “Trạng thái”. Hãy khôi phục tên cột rồi chạy lại.`,
    };
  return { lines };
}
