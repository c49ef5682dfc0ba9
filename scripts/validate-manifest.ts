/**
 * Offline manifest validation (XML Schema via xmllint + the project's own rules).
 *
 *   npx tsx scripts/validate-manifest.ts manifest.xml
 *
 * Schemas: ../shared/schemas/office-addin-manifest relative to the repository root, or the
 * folder in CCHC_MANIFEST_SCHEMA_DIR. Exit code 0 when valid, 1 otherwise.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { checkManifest } from "./lib/manifestCheck";

const repoRoot = path.resolve(__dirname, "..");

function main(argv: string[]): number {
  const file = argv[0] ?? "manifest.xml";
  const schemaDir =
    process.env.CCHC_MANIFEST_SCHEMA_DIR ??
    path.resolve(repoRoot, "..", "shared", "schemas", "office-addin-manifest");

  let xml: string;
  try {
    xml = fs.readFileSync(file, "utf8");
  } catch (error) {
    console.error(`Không đọc được / cannot read ${file}: ${(error as Error).message}`);
    return 1;
  }

  const result = checkManifest(xml, { schemaDir });
  for (const warning of result.warnings) console.warn(`Cảnh báo / warning: ${warning}`);
  if (!result.ok) {
    console.error(`Manifest KHÔNG hợp lệ / invalid: ${file} (${result.problems.length} lỗi / problem(s))`);
    for (const problem of result.problems) console.error(`  - ${problem}`);
    return 1;
  }
  const schemaNote = result.schemaChecked ? "XML Schema + rules" : "rules only, XML Schema NOT checked";
  console.log(`Manifest hợp lệ / valid: ${file} (${schemaNote})`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
