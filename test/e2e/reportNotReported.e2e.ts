/**
 * Issue 17, the province-wide report after a consolidation, printed by LibreOffice: the Báo cáo
 * pages name every unit that has not reported (the same units as “Nộp báo cáo” says “Chưa nộp”),
 * grouped by level, none cut by a row too short — `pdftotext -layout` of the PDF must hold each
 * name between “Đơn vị chưa gửi báo cáo (N):” and “Nơi nhận:”.
 */
import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import path from "node:path";
import { loadBundledCatalogue } from "../../src/core/catalogue/bundled";
import { findUnit } from "../../src/core/units/units";
import { defaultSettings } from "../../src/core/workbook/evaluate";
import { MOTTO } from "../../src/core/workbook/reportDoc";
import { planExport } from "../../src/export/cli";
import { writeWorkbook } from "../../src/export/xlsxWriter";
import { readWorkbookValues } from "../../src/export/readXlsx";
import {
  consolidate,
  consolidatedWorkbookPlan,
  readProvince,
  SUBMISSION_STATUS,
  type UnitFileInput,
} from "../../src/core/consolidate";
import { convertWithLibreOffice, hasSoffice, tempDir } from "./lib/libreoffice";

jest.setTimeout(600_000);

let work = "";
beforeAll(async () => {
  if (!(await hasSoffice()))
    throw new Error(
      "LibreOffice (soffice) is required: apt-get install -y --no-install-recommends libreoffice-calc",
    );
  work = await tempDir("e2e-not-reported-");
});
afterAll(async () => {
  if (work) await fs.rm(work, { recursive: true, force: true });
});

function tool(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(cmd, args, { maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${cmd}: ${err.message}\n${stderr}`)) : resolve(String(stdout)),
    ),
  );
}

test("the printed province-wide report names every unit that has not reported", async () => {
  const catalogue = await loadBundledCatalogue("demo-2024");
  const common = {
    catalogue,
    settings: defaultSettings("2024-12-31"),
    loadedFrom: "demo-2024",
    loadedAt: "2024-12-01T00:00:00Z",
  };
  const full = planExport(common).plan;
  if (!full) throw new Error("no plan");
  const province = await readWorkbookValues(await writeWorkbook(full.plan));
  const prov = province.values ? readProvince(province.values).province : undefined;
  if (!prov) throw new Error(province.problem ?? "province");
  const files: UnitFileInput[] = [];
  for (const name of ["Sở Nội vụ", "UBND huyện Bình Sơn", "Công an tỉnh"]) {
    const unit = findUnit(name);
    const built = unit ? planExport({ ...common, unit }).plan : undefined;
    if (!built) continue;
    const read = await readWorkbookValues(await writeWorkbook(built.plan));
    files.push({ name: `${name}.xlsx`, fileTime: "2024-12-10T00:00:00Z", ...read });
  }
  const result = consolidate(prov.rows, prov.catalogue.id, files, []);
  expect(result.report.accepted.length).toBeGreaterThan(0);
  const missing = result.submissions
    .filter((s) => s.status !== SUBMISSION_STATUS.submitted)
    .map((s) => s.unit);
  expect(missing.length).toBeGreaterThan(100);
  const xlsx = path.join(work, "tinh-tong-hop.xlsx");
  await fs.writeFile(xlsx, await writeWorkbook(consolidatedWorkbookPlan(prov, result).plan));
  const pdf = path.join(work, "tinh-tong-hop.pdf");
  await fs.writeFile(pdf, await convertWithLibreOffice(xlsx, "pdf"));
  const pages = (await tool("pdftotext", ["-layout", pdf, "-"])).split("\f");
  const first = pages.findIndex((p) => p.includes(MOTTO[0]));
  expect(first).toBeGreaterThanOrEqual(0);
  const flat = pages.slice(first).join("\n").replace(/\s+/g, " ");
  const head = `Đơn vị chưa gửi báo cáo (${missing.length}):`;
  const from = flat.indexOf(head);
  expect(from).toBeGreaterThan(0);
  const to = flat.indexOf("Nơi nhận:", from);
  expect(to).toBeGreaterThan(from);
  const list = flat.slice(from, to);
  expect(missing.filter((u) => !list.includes(u))).toEqual([]);
  for (const level of ["- Sở, ban, ngành (", "- Cơ quan Trung ương (", "- Cấp huyện (", "- Cấp xã ("])
    expect(list).toContain(level);
  expect(list).not.toContain("Sở Nội vụ;");
});
