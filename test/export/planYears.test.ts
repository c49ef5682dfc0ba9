/**
 * Issue 20, headless exporter: a 2026 plan (new communes and group phrases) is exported on the map
 * in force from 01/07/2025; old names in it are errors (exit 1, no file, every successor listed);
 * --plan-year only where the catalogue does not say its year.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { SHEETS } from "../../src/core/workbook/layout";
import { exists, runWorkbook } from "./lib/runCli";

jest.setTimeout(60_000);

const FIXTURES = path.join(__dirname, "..", "fixtures");
let dir = "";
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "plan-years-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const run = (...argv: string[]) => runWorkbook(argv, new Date(Date.UTC(2026, 5, 15, 8)));

async function assignmentRows(file: string): Promise<Array<{ unit: string; level: string }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(SHEETS.assignments) as ExcelJS.Worksheet;
  const header = (ws.getRow(1).values as unknown[]).map(String);
  const unitCol = header.indexOf("Đơn vị");
  const levelCol = header.indexOf("Cấp");
  const rows: Array<{ unit: string; level: string }> = [];
  for (let r = 2; r <= ws.rowCount; r++)
    rows.push({ unit: String(ws.getCell(r, unitCol).value), level: String(ws.getCell(r, levelCol).value) });
  return rows;
}

test("a 2026 plan: new communes, “UBND các xã, phường, đặc khu”, “UBND cấp xã” — no district level", async () => {
  const out = path.join(dir, "2026.xlsx");
  const r = await run(
    "--catalogue",
    path.join(FIXTURES, "plan-2026.json"),
    "--report-date",
    "2026-06-30",
    "--out",
    out,
  );
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const rows = await assignmentRows(out);
  const units = new Set(rows.map((x) => x.unit));
  for (const name of [
    "Xã Đặng Thuỳ Trâm",
    "Đặc khu Lý Sơn",
    "Phường Cẩm Thành",
    "Xã Sơn Thuỷ",
    "Sở Nông nghiệp và Môi trường",
  ])
    expect(units).toContain(name);
  expect(rows.filter((x) => x.level === "Cấp huyện")).toEqual([]);
  expect(rows.filter((x) => x.level === "Chưa nhận diện")).toEqual([]);
  // I.1 (14 departments + 96 communes), II.1 (96 communes), I.2, III.1 (3), III.2 (2), VII.1 and coordinating units.
  expect(new Set(rows.filter((x) => x.level === "Cấp xã").map((x) => x.unit)).size).toBe(96);
});

test("old names in a 2026 plan are errors: exit 1, no file, every successor listed", async () => {
  const out = path.join(dir, "old.xlsx");
  const r = await run(
    "--catalogue",
    path.join(FIXTURES, "plan-2026-old-names.json"),
    "--report-date",
    "2026-06-30",
    "--out",
    out,
  );
  expect(r.code).toBe(1);
  expect(await exists(out)).toBe(false);
  expect(r.stderr).toContain("Phường Nguyễn Nghiêm (Thành phố Quảng Ngãi) nay thuộc Phường Cẩm Thành");
  expect(r.stderr).toMatch(/Huyện Bình Sơn: cấp huyện đã kết thúc từ 01\/07\/2025/);
  expect(r.stderr).toMatch(/UBND các huyện, thị xã, thành phố.*cấp huyện đã kết thúc/);
  expect(r.stderr).toContain("Sở Kế hoạch và Đầu tư nay thuộc Sở Tài chính");
  expect(r.stderr).toContain("Xã Trà Bùi đã được chia, nay thuộc 2 đơn vị: Xã Cà Đam, Xã Tây Trà Bồng.");
});

test("--unit resolves on the plan's map; an old name is answered with its successor", async () => {
  const out = path.join(dir, "unit.xlsx");
  const ok = await run(
    "--catalogue",
    path.join(FIXTURES, "plan-2026.json"),
    "--report-date",
    "2026-06-30",
    "--unit",
    "Xã Đặng Thùy Trâm",
    "--out",
    out,
  );
  expect(ok.code).toBe(0);
  expect(new Set((await assignmentRows(out)).map((x) => x.unit))).toEqual(new Set(["Xã Đặng Thuỳ Trâm"]));
  const old = await run(
    "--catalogue",
    path.join(FIXTURES, "plan-2026.json"),
    "--report-date",
    "2026-06-30",
    "--unit",
    "Sở Kế hoạch và Đầu tư",
    "--out",
    path.join(dir, "old-unit.xlsx"),
  );
  expect(old.code).toBe(1);
  expect(old.stderr).toContain("Sở Kế hoạch và Đầu tư nay thuộc Sở Tài chính");
});

test("--plan-year: the year of a CSV catalogue; refused when a JSON catalogue says another", async () => {
  const csv = path.join(dir, "ke-hoach.csv");
  await fs.writeFile(
    csv,
    "STT,Nhiệm vụ,Cơ quan chủ trì,Thời hạn\nI,Công tác chỉ đạo,,\n1,Ban hành kế hoạch,Đặc khu Lý Sơn,Quý I\n",
  );
  const out = path.join(dir, "csv.xlsx");
  const r = await run("--catalogue", csv, "--plan-year", "2026", "--report-date", "2026-06-30", "--out", out);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(new Set((await assignmentRows(out)).map((x) => x.unit))).toEqual(new Set(["Đặc khu Lý Sơn"]));
  const clash = await run(
    "--catalogue",
    path.join(FIXTURES, "plan-2026.json"),
    "--plan-year",
    "2025",
    "--report-date",
    "2026-06-30",
    "--out",
    path.join(dir, "clash.xlsx"),
  );
  expect(clash.code).toBe(1);
  expect(clash.stderr).toContain("ghi năm kế hoạch 2026; --plan-year 2025 chỉ dùng cho tệp CSV");
  const bad = await run("--catalogue", csv, "--plan-year", "26", "--report-date", "2026-06-30", "--out", out);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain("Năm kế hoạch “26” không hợp lệ");
});
