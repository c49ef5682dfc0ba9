/**
 * The PivotTable the pane adds on Phân công ("Pivot Phân công"). Its filters count the rows
 * Tổng hợp counts (isCounted: tasks still in the catalogue; lead units unless TinhPhoiHop), so
 * its totals equal Tổng hợp's. Both filter fields sit in the PivotTable's filter area; where the
 * host cannot select items (ExcelApi < 1.12), the person picks the listed values there.
 */
import { ASSIGNMENT_COLUMNS, IN_CATALOGUE, ROLE, TABLES, type AssignmentColumnKey } from "./layout";
import type { AssignmentRecord } from "./model";
import type { PivotFilter, PlanOp } from "./plan";
import type { TrackerSettings } from "./evaluate";

export const PIVOT_SHEET = "Pivot Phân công";
export const PIVOT_NAME = "PivotPhanCong";

const header = (key: AssignmentColumnKey): string =>
  ASSIGNMENT_COLUMNS.find((c) => c.key === key)?.header as string;

/**
 * The filters that make the PivotTable count what Tổng hợp counts. A value no row holds is left
 * out (a host refuses to select an item the field lacks); `values` empty = every item shown.
 */
export function pivotCountedFilters(
  assignments: readonly Pick<AssignmentRecord, "role" | "inCatalogue">[],
  settings: Pick<TrackerSettings, "includeCoordinating">,
): PivotFilter[] {
  const anyLead = assignments.some((a) => a.role === ROLE.lead);
  const anyOut = assignments.some((a) => !a.inCatalogue);
  const anyIn = assignments.some((a) => a.inCatalogue);
  return [
    { field: header("role"), values: !settings.includeCoordinating && anyLead ? [ROLE.lead] : [] },
    { field: header("inCatalogue"), values: anyOut && anyIn ? [IN_CATALOGUE.yes] : [] },
  ];
}

/** The ops that add the PivotTable sheet: units down, Tình trạng across, counted rows only. */
export function assignmentPivotOps(
  assignments: readonly Pick<AssignmentRecord, "role" | "inCatalogue">[],
  settings: Pick<TrackerSettings, "includeCoordinating">,
): PlanOp[] {
  return [
    { op: "ensureSheet", sheet: PIVOT_SHEET },
    {
      op: "pivotTable",
      sheet: PIVOT_SHEET,
      name: PIVOT_NAME,
      sourceTable: TABLES.assignments,
      anchor: "A3",
      rows: [header("unit")],
      columns: [header("state")],
      values: [{ field: header("taskId"), summarizeBy: "count" }],
      filters: pivotCountedFilters(assignments, settings),
    },
  ];
}
