/**
 * Issue 20 (round 2), headless readers: a 2026 provincial workbook and a 2026 unit workbook (both
 * made by `npm run workbook`) are consolidated on the map recorded in their Cấu hình (“Bản đồ đơn
 * vị”), with no catalogue supplied; the merged workbook keeps the row.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { runConsolidateCli } from "../../src/export/consolidateCli";
import { SHEETS } from "../../src/core/workbook/layout";
import { STATUS_CHOICES } from "../../src/core/status/status";
import { UNIT_MAP_LABEL, UNIT_MAP_ROW } from "../../src/core/workbook/configLayout";
import type { ConsolidationReport } from "../../src/core/consolidate";
import { runWorkbook } from "./lib/runCli";

jest.setTimeout(180_000);

const PLAN = path.join(__dirname, "..", "fixtures", "plan-2026.json");
let dir = "";
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "consolidate-2026-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function exportBook(out: string, unit?: string): Promise<void> {
  const r = await runWorkbook(
    ["--catalogue", PLAN, "--report-date", "2026-06-30", "--out", out, ...(unit ? ["--unit", unit] : [])],
    new Date(Date.UTC(2026, 5, 15, 8)),
  );
  if (r.code !== 0) throw new Error(r.stderr);
}

test("a 2026 unit workbook is accepted into the 2026 provincial workbook on the new map", async () => {
  const province = path.join(dir, "tinh.xlsx");
  const unitBook = path.join(dir, "ly-son.xlsx");
  await exportBook(province);
  await exportBook(unitBook, "Đặc khu Lý Sơn");

  // The unit marks its first task done (as in Excel).
  const inbox = path.join(dir, "hop-thu");
  await fs.mkdir(inbox);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(unitBook);
  const pc = wb.getWorksheet(SHEETS.assignments) as ExcelJS.Worksheet;
  const header = (pc.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
  pc.getCell(2, header.indexOf("Trạng thái")).value = STATUS_CHOICES.done.vi;
  wb.modified = new Date(Date.UTC(2026, 5, 20, 9));
  await wb.xlsx.writeFile(path.join(inbox, "ly-son.xlsx"));

  let stdout = "";
  let stderr = "";
  const out = path.join(dir, "ket-qua.xlsx");
  const code = await runConsolidateCli(["--into", province, "--out", out, inbox, "--json"], {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    now: () => new Date(Date.UTC(2026, 5, 21, 8)),
  });
  expect(stderr).toBe("");
  expect(code).toBe(0);
  const rep = JSON.parse(stdout) as ConsolidationReport;
  expect(rep.rejected).toEqual([]);
  expect(rep.accepted.map((a) => a.unit)).toEqual(["Đặc khu Lý Sơn"]);
  expect(rep.rowsUpdated).toBe(1);

  const merged = new ExcelJS.Workbook();
  await merged.xlsx.readFile(out);
  const cfg = merged.getWorksheet(SHEETS.config) as ExcelJS.Worksheet;
  expect(cfg.getCell(`A${UNIT_MAP_ROW}`).value).toBe(UNIT_MAP_LABEL);
  expect(String(cfg.getCell(`B${UNIT_MAP_ROW}`).value)).toContain("2026-01-01");
});
