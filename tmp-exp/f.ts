import { loadBundledCatalogue } from "../src/core/catalogue/bundled";
import { buildWorkbookPlan } from "../src/core/workbook/tracker";
import { defaultSettings } from "../src/core/workbook/evaluate";
async function main() {
  const catalogue = await loadBundledCatalogue("demo-2024");
  const { plan } = buildWorkbookPlan({ catalogue, settings: defaultSettings("2024-12-31"), reportDateIsToday: false, loadedFrom: "x", loadedAt: "2024-11-15T08:00:00.000Z" });
  const counts: Record<string, number> = {};
  for (const o of plan.ops as any[]) {
    if (o.op !== "writeCells") continue;
    const row = o.rows[0] ?? [];
    let c = 0;
    for (const r of o.rows) for (const cell of r) if (cell && typeof cell === "object" && "formula" in cell) c += (String(cell.formula).match(/COUNTIFS|SUMPRODUCT|SUMIFS/g) ?? []).length;
    counts[o.sheet] = (counts[o.sheet] ?? 0) + c;
  }
  console.log(counts);
  const s = (plan.ops as any[]).find((o) => o.op === "writeCells" && o.sheet === "Tổng hợp" && o.rows.length > 5);
  console.log(JSON.stringify(s.rows[0]).slice(0, 3000));
}
void main();
