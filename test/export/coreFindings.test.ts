/**
 * Core behaviour found while checking the export against LibreOffice (see the report of issue 6):
 * each test pins one finding so a change in the core shows up here.
 */
import { loadBundledCatalogue } from "../../src/core/catalogue/bundled";
import { buildModel } from "../../src/core/workbook/model";
import { defaultSettings, summaryLines } from "../../src/core/workbook/evaluate";

describe("units that share a display name (Phường Nguyễn Nghiêm in TP Quảng Ngãi and TX Đức Phổ)", () => {
  test("progress that names the ward with its district reaches that ward", async () => {
    const catalogue = await loadBundledCatalogue("cv-5893-2024");
    const model = buildModel(catalogue, {
      progress: [
        {
          taskId: "CV5893.1a",
          unit: "Phường Nguyễn Nghiêm, thị xã Đức Phổ",
          status: "x",
          completedOn: "2024-12-01",
          evidence: "CV 1",
        },
      ],
    });
    expect(model.unmatchedProgress).toEqual([]);
    const wards = model.assignments.filter(
      (a) => a.taskId === "CV5893.1a" && a.unit.startsWith("Phường Nguyễn Nghiêm"),
    );
    expect(wards.map((a) => [a.unitId, a.unit, a.status])).toEqual([
      ["21025", "Phường Nguyễn Nghiêm (Thành phố Quảng Ngãi)", null],
      ["21439", "Phường Nguyễn Nghiêm (Thị xã Đức Phổ)", "Đã hoàn thành"],
    ]);
  });

  test("a progress row that names only “Phường Nguyễn Nghiêm” matches neither ward (it is ambiguous)", async () => {
    const catalogue = await loadBundledCatalogue("cv-5893-2024");
    const model = buildModel(catalogue, {
      progress: [{ taskId: "CV5893.1a", unit: "Phường Nguyễn Nghiêm", status: "x" }],
    });
    expect(model.unmatchedProgress).toHaveLength(1);
  });

  // Found by the LibreOffice suite, fixed in the core (units.displayName): one summary line per ward.
  test("the summary keeps the two wards apart", async () => {
    const catalogue = await loadBundledCatalogue("cv-5893-2024");
    const { lines } = summaryLines(buildModel(catalogue).assignments, defaultSettings("2024-12-24"));
    expect(lines.filter((l) => l.unit.startsWith("Phường Nguyễn Nghiêm"))).toHaveLength(2);
  });
});
