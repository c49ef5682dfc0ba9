/**
 * One headless export in a fresh process, for `npm run bench`'s export.peak_rss_mb.<rows>:
 * `tsx bench/exportRss.ts <assignment rows>` builds a generated catalogue of that many
 * assignment rows, plans and writes the .xlsx in memory (as `npm run workbook` does), and prints
 * {"rows", "peak_rss_mb", "ms", "bytes"} — peak resident memory from process.resourceUsage().
 */
import { generateCatalogue } from "../test/e2e/lib/generate";
import { planExport } from "../src/export/cli";
import { defaultSettings } from "../src/core/workbook/evaluate";
import { writeWorkbook } from "../src/export/xlsxWriter";

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? "50000");
  // The generator fits a few hundred bodies per task: above 50,000 rows the catalogue has more tasks.
  const tasks = rows > 50_000 ? Math.ceil(rows / 500) : 55;
  const catalogue = generateCatalogue({ seed: 20241130 + rows, assignments: rows, tasks });
  const t0 = Date.now();
  const built = planExport({
    catalogue,
    settings: defaultSettings("2024-12-31"),
    loadedFrom: catalogue.id,
    loadedAt: "2024-11-15T08:00:00.000Z",
  });
  if (!built.plan) throw new Error(built.problems.join(" "));
  const bytes = await writeWorkbook(built.plan.plan, { created: new Date(Date.UTC(2024, 10, 15)) });
  console.log(
    JSON.stringify({
      rows: built.plan.model.assignments.length,
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      ms: Date.now() - t0,
      bytes: bytes.length,
    }),
  );
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
