import { promises as fs } from "node:fs";
import path from "node:path";
import { generateCatalogue, generateProgressCsv } from "../test/e2e/lib/generate";
import { recalcToCsv } from "../test/e2e/lib/libreoffice";
import { buildModel } from "../src/core/workbook/model";
import { buildWorkbookPlan } from "../src/core/workbook/tracker";
import { defaultSettings } from "../src/core/workbook/evaluate";
import { parseProgressCsv } from "../src/core/workbook/progress";
import { writeWorkbook } from "../src/export/xlsxWriter";
import { checkFormula } from "../src/core/workbook/formulas";
import type { PlanOp } from "../src/core/workbook/plan";

async function main() {
  const n = Number(process.argv[2]);
  const variant = process.argv[3];
  const catalogue = generateCatalogue({ seed: 11, assignments: n });
  const csv = generateProgressCsv(buildModel(catalogue), { seed: 12, share: 0.6 });
  const { plan } = buildWorkbookPlan({ catalogue, settings: defaultSettings("2025-01-15"), reportDateIsToday: false, progress: parseProgressCsv(csv), loadedFrom: "x", loadedAt: "2024-11-15T08:00:00.000Z" });
  let ops: PlanOp[] = plan.ops.filter((o) => o.op !== "numberFormat");
  const cf = checkFormula();
  if (variant === "nocheck") ops = ops.filter((o) => !(o.op === "fillFormula" && o.formula === cf));
  if (variant === "nocharts") ops = ops.filter((o) => !("sheet" in o && (o.sheet === "Biểu đồ" || o.sheet === "Báo cáo")));
  if (variant === "nosummary") ops = ops.filter((o) => !("sheet" in o && (o.sheet === "Biểu đồ" || o.sheet === "Báo cáo" || o.sheet === "Tổng hợp")));
  const bytes = await writeWorkbook({ ops }, { cachedValues: false });
  const file = path.join("/tmp", `lo-${n}-${variant}.xlsx`);
  await fs.writeFile(file, bytes);
  const r = await recalcToCsv(file, ["Phân công"], 600_000);
  console.log(n, variant, r.seconds.toFixed(1), "s");
}
void main();
