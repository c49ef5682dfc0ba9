/**
 * Issue 20 (round 2), task pane on the workbook double: the map recorded in Cấu hình is read back,
 * so a one-unit workbook of the new map re-pulls and reports with a catalogue that states no map
 * of its own (a 2025 plan re-issued for the new province, pulled again from a CSV or URL).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCatalogue } from "../../../src/core/catalogue/parse";
import type { Catalogue } from "../../../src/core/catalogue/types";
import { displayName, findUnit } from "../../../src/core/units/units";
import { SHEETS, TABLES } from "../../../src/core/workbook/layout";
import { UNIT_MAP_LABEL } from "../../../src/core/workbook/configLayout";
import { readTrackerStatus } from "../../../src/taskpane/actions/status";
import { buildReport } from "../../../src/taskpane/actions/summary";
import { installDouble, pull, tableRecords } from "../../double/testkit";

jest.setTimeout(120_000);

/** The 2026 test plan re-issued as a 2025 plan naming the new units (QĐ 393 style). */
function reissued2025(withDate: boolean): Catalogue {
  const c = parseCatalogue(readFileSync(join(__dirname, "..", "..", "fixtures", "plan-2026.json"), "utf8"));
  const out: Catalogue = { ...c, id: "test-2025-reissued", planYear: 2025 };
  if (withDate) out.unitsAsOf = "2025-07-14";
  else delete out.unitsAsOf;
  return out;
}

test("a one-unit 2025 re-issued workbook re-pulls with a catalogue that states no map, and reports", async () => {
  const d = installDouble();
  const unit = findUnit("Xã Đặng Thùy Trâm", undefined, "2025-07-14");
  expect(unit).not.toBeNull();
  const first = await pull(d, reissued2025(true), { unit, reportDate: "2025-12-31" });
  expect(first.kind).toBe("done");
  const config = d.workbook.sheet(SHEETS.config).values();
  expect(config.map((r) => String(r[0] ?? ""))).toContain(UNIT_MAP_LABEL);

  const status = await d.Excel.run((ctx) => readTrackerStatus(ctx));
  expect(status.catalogue?.unitsAsOf).toBe("2025-07-14");

  // Pulled again without "unitsAsOf" (planYear 2025 alone would mean the 2024 map).
  const again = await pull(d, reissued2025(false));
  expect(again.kind).toBe("done");
  const units = new Set(tableRecords(d, TABLES.assignments).map((r) => String(r["Đơn vị"])));
  expect([...units]).toEqual([displayName(unit!)]);
  // The map row stays.
  expect(
    d.workbook
      .sheet(SHEETS.config)
      .values()
      .some((r) => r[0] === UNIT_MAP_LABEL && String(r[1]).includes("2025-07-14")),
  ).toBe(true);

  // The report finds the workbook's unit in its own map.
  await d.Excel.run((ctx) => buildReport(ctx));
  const report = d.workbook.sheet(SHEETS.report);
  const texts = report
    .values(report.usedAddress() ?? "A1:A1")
    .flat()
    .map((v) => String(v ?? ""))
    .join("\n");
  expect(texts).toContain(displayName(unit!));
});
