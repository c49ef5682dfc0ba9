/**
 * Plan ops of the bundled 2024 catalogues (whole workbook, all units and one unit), as JSON: the
 * fixture `fixtures/plan-ops-2024.json` was written by this function BEFORE plan years and unit
 * maps by date were added (issue 20), so a 2024 workbook built after the change is compared with
 * the one built before it. Regenerate only on purpose: `UPDATE_PLAN_SNAPSHOT=1 npx jest test/core/planYears`.
 */
import { loadBundledCatalogue, findUnit } from "../../../src/core";
import { buildWorkbookPlan, defaultSettings } from "../../../src/core/workbook";

export async function bundledPlanSnapshot(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const id of ["demo-2024", "cv-5893-2024"] as const) {
    const catalogue = await loadBundledCatalogue(id);
    for (const unitName of [null, "Sở Nội vụ", "UBND huyện Bình Sơn"]) {
      const unit = unitName ? findUnit(unitName) : null;
      const { plan } = buildWorkbookPlan({
        catalogue,
        settings: defaultSettings("2024-12-31"),
        reportDateIsToday: false,
        unit,
        loadedFrom: id,
        loadedAt: "2024-12-01T08:00:00.000Z",
      });
      out[`${id}|${unitName ?? "all"}`] = JSON.parse(JSON.stringify(plan.ops));
    }
  }
  return out;
}
