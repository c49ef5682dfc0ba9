/**
 * Issue 17, nothing lost, against a real engine: a provincial workbook with a sheet of the
 * reviewer's own (formulas over PhanCong and over the sheet) and a column appended to PhanCong
 * goes through `npm run consolidate`; LibreOffice recalculates the result and the reviewer's
 * formulas give the same numbers as in the provincial workbook (and count the extra column's
 * values, so the column is there, inside the table).
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { loadBundledCatalogue } from "../../src/core/catalogue/bundled";
import { findUnit } from "../../src/core/units/units";
import { defaultSettings } from "../../src/core/workbook/evaluate";
import type { WorkbookPlan } from "../../src/core/workbook/plan";
import { appendTableColumns } from "../../src/core/consolidate";
import { planExport } from "../../src/export/cli";
import { writeWorkbook } from "../../src/export/xlsxWriter";
import { runConsolidateCli } from "../../src/export/consolidateCli";
import { hasSoffice, recalcToCsv, tempDir } from "./lib/libreoffice";

jest.setTimeout(600_000);

const OWN = "Theo dõi riêng";
let work = "";
beforeAll(async () => {
  if (!(await hasSoffice()))
    throw new Error(
      "LibreOffice (soffice) is required: apt-get install -y --no-install-recommends libreoffice-calc",
    );
  work = await tempDir("e2e-carry-");
});
afterAll(async () => {
  if (work) await fs.rm(work, { recursive: true, force: true });
});

test("the reviewer's formulas recalculate to the same numbers after consolidation", async () => {
  const catalogue = await loadBundledCatalogue("demo-2024");
  const common = {
    catalogue,
    settings: defaultSettings("2024-12-31"),
    loadedFrom: "demo-2024",
    loadedAt: "2024-12-01T00:00:00Z",
  };
  const built = planExport(common).plan;
  const snv = findUnit("Sở Nội vụ");
  if (!built || !snv) throw new Error("no plan");
  const notes = built.model.assignments.map((_, i) => (i % 4 === 0 ? `Sở ghi ${i}` : null));
  const flagged = notes.filter((n) => n !== null).length;
  let plan: WorkbookPlan = appendTableColumns(built.plan, "PhanCong", [
    { header: "Ghi chú của Sở", values: notes },
  ]);
  plan = {
    ops: [
      ...plan.ops,
      { op: "ensureSheet", sheet: OWN },
      {
        op: "writeCells",
        sheet: OWN,
        address: "A1",
        rows: [
          ["Số dòng", { formula: "=COUNTA(PhanCong[Mã NV])" }],
          ["Dòng Sở đã ghi", { formula: "=COUNTA(PhanCong[Ghi chú của Sở])" }],
          ["Gấp đôi", { formula: "=B1*2" }],
          [
            "Sở Nội vụ chủ trì",
            { formula: `=COUNTIFS(PhanCong[Đơn vị],"Sở Nội vụ",PhanCong[Vai trò],"Chủ trì")` },
          ],
        ],
      },
    ],
  };
  const province = path.join(work, "tinh.xlsx");
  await fs.writeFile(province, await writeWorkbook(plan, { cachedValues: false }));
  const inbox = path.join(work, "inbox");
  await fs.mkdir(inbox);
  const unit = planExport({ ...common, unit: snv }).plan;
  if (!unit) throw new Error("no unit plan");
  await fs.writeFile(path.join(inbox, "snv.xlsx"), await writeWorkbook(unit.plan));
  const out = path.join(work, "ket-qua.xlsx");
  const code = await runConsolidateCli(["--into", province, "--out", out, inbox, "--json"], {
    stdout: () => undefined,
    stderr: () => undefined,
  });
  expect(code).toBe(0);

  const before = (await recalcToCsv(province, [OWN])).sheets.get(OWN) ?? [];
  const after = (await recalcToCsv(out, [OWN])).sheets.get(OWN) ?? [];
  const rows = built.model.assignments.length;
  const snvLead = built.model.assignments.filter((a) => a.unitId === snv.id && a.role === "Chủ trì").length;
  const expected = [
    ["Số dòng", String(rows)],
    ["Dòng Sở đã ghi", String(flagged)],
    ["Gấp đôi", String(rows * 2)],
    ["Sở Nội vụ chủ trì", String(snvLead)],
  ];
  expect(before.map((r) => r.slice(0, 2))).toEqual(expected);
  expect(after.map((r) => r.slice(0, 2))).toEqual(expected);
});
