/**
 * Regenerates src/core/units/units-2024.json from ../shared/data (the 2024 units of Quảng Ngãi).
 *   npx tsx scripts/import-units.ts [sharedDataDir]
 * The JSON is committed; test/core/units/data.test.ts checks it still matches the CSV files.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildUnitsData } from "./lib/unitsData";

const dataDir = resolve(process.argv[2] ?? join(__dirname, "..", "..", "shared", "data"));
const out = join(__dirname, "..", "src", "core", "units", "units-2024.json");
const data = buildUnitsData(
  readFileSync(join(dataDir, "quang-ngai-2024-admin-units.csv"), "utf8"),
  readFileSync(join(dataDir, "quang-ngai-2024-agencies.csv"), "utf8"),
);
writeFileSync(out, JSON.stringify(data, null, 1) + "\n");
console.log(`Wrote ${data.units.length} units to ${out}`);
