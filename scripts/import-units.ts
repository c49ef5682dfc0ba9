/**
 * Regenerates the unit maps of src/core/units from ../shared/data:
 *   units-2024.json     the 2024 units of Quảng Ngãi;
 *   units-2025-07.json  the new Quảng Ngãi from 01/07/2025 (communes, departments, lineage).
 *   npx tsx scripts/import-units.ts [sharedDataDir]
 * The JSON is committed; test/core/units.test.ts and test/core/units/registry.test.ts check it
 * still matches the CSV files.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildUnits2025Data, buildUnitsData } from "./lib/unitsData";

const dataDir = resolve(process.argv[2] ?? join(__dirname, "..", "..", "shared", "data"));
const outDir = join(__dirname, "..", "src", "core", "units");
const read = (f: string) => readFileSync(join(dataDir, f), "utf8");
const data = buildUnitsData(read("quang-ngai-2024-admin-units.csv"), read("quang-ngai-2024-agencies.csv"));
writeFileSync(join(outDir, "units-2024.json"), JSON.stringify(data, null, 1) + "\n");
console.log(`Wrote ${data.units.length} units to units-2024.json`);
const data2025 = buildUnits2025Data(
  read("quang-ngai-2025-07-communes.csv"),
  read("quang-ngai-2025-07-lineage.csv"),
  read("quang-ngai-2025-07-agencies.csv"),
  read("quang-ngai-2024-agencies.csv"),
);
writeFileSync(join(outDir, "units-2025-07.json"), JSON.stringify(data2025, null, 1) + "\n");
console.log(
  `Wrote ${data2025.units.length} units, ${data2025.lineage.length} lineage rows to units-2025-07.json`,
);
