/**
 * Issue 20 (round 2), year over year: `--prior <2024 workbook>` appends “Tỷ lệ 2024 (ước tính)”
 * after Tổng hợp's columns of a 2026 workbook — each unit's 2024 rate combined from the old units
 * that formed it (a split old unit counts whole under each successor: approximate, and said so).
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { SHEETS, SUMMARY_HEADERS, SUMMARY_REVIEW_HEADERS } from "../../src/core/workbook/layout";
import { PRIOR_RATE_HEADER } from "../../src/core/workbook/priorColumn";
import { exists, runWorkbook } from "./lib/runCli";

jest.setTimeout(90_000);

const FIXTURES = path.join(__dirname, "..", "fixtures");
let dir = "";
let prior = "";
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "prior-rate-"));
  const catalogue = {
    schema: "cchc-catalogue/1",
    id: "thu-2024",
    title: "Kế hoạch thử 2024",
    planYear: 2024,
    source: { document: "Dữ liệu thử", official: false },
    tasks: [
      {
        id: "I.1",
        area: "I",
        title: "Nhiệm vụ một",
        lead: "Phường Nghĩa Chánh; Phường Trần Hưng Đạo; Xã Trà Bùi; Sở Kế hoạch và Đầu tư; Sở Tài chính",
        deadline: "Quý IV/2024",
      },
      {
        id: "I.2",
        area: "I",
        title: "Nhiệm vụ hai",
        lead: "Phường Nghĩa Chánh; Xã Trà Bùi; Sở Tài chính",
        deadline: "Quý IV/2024",
      },
    ],
  };
  await fs.writeFile(path.join(dir, "kh-2024.json"), JSON.stringify(catalogue));
  await fs.writeFile(
    path.join(dir, "tien-do.csv"),
    "task_id,unit,status,completed_on,evidence\n" +
      "I.1,Phường Nghĩa Chánh,x,01/06/2024,\n" +
      "I.1,Phường Trần Hưng Đạo,x,01/06/2024,\n" +
      "I.1,Xã Trà Bùi,x,01/06/2024,\n" +
      "I.1,Sở Kế hoạch và Đầu tư,x,01/06/2024,\n",
  );
  prior = path.join(dir, "so-2024.xlsx");
  const r = await runWorkbook([
    "--catalogue",
    path.join(dir, "kh-2024.json"),
    "--report-date",
    "31/12/2024",
    "--progress",
    path.join(dir, "tien-do.csv"),
    "--out",
    prior,
  ]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const run = (...argv: string[]) => runWorkbook(argv, new Date(Date.UTC(2026, 5, 15, 8)));

async function summary(
  file: string,
): Promise<{ header: unknown[]; byUnit: Map<string, unknown>; texts: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(SHEETS.summary) as ExcelJS.Worksheet;
  const header = (ws.getRow(1).values as unknown[]).slice(1);
  const col = header.indexOf(PRIOR_RATE_HEADER) + 1;
  const byUnit = new Map<string, unknown>();
  for (let r = 2; r <= ws.rowCount; r++) {
    const unit = ws.getCell(r, 1).value;
    if (typeof unit === "string" && col > 0) byUnit.set(unit, ws.getCell(r, col).value);
  }
  const texts: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value ?? ""))));
  return { header, byUnit, texts };
}

test("a 2026 workbook with --prior: the column after Tổng hợp's columns, each rate recomputed by hand", async () => {
  const out = path.join(dir, "2026.xlsx");
  const r = await run(
    "--catalogue",
    path.join(FIXTURES, "plan-2026.json"),
    "--report-date",
    "2026-06-30",
    "--prior",
    prior,
    "--out",
    out,
  );
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(r.stdout).toContain(PRIOR_RATE_HEADER);
  const s = await summary(out);
  // Append only: the contract columns stay as they are, the new one right after them.
  expect(s.header.slice(0, 12)).toEqual([...SUMMARY_HEADERS, ...SUMMARY_REVIEW_HEADERS]);
  expect(s.header[12]).toBe(PRIOR_RATE_HEADER);
  // [unit of the new map, done, assigned in 2024 of the old units that formed it]
  const cases: Array<[string, number, number]> = [
    ["Phường Cẩm Thành", 2, 3], // Nghĩa Chánh 1/2 + Trần Hưng Đạo 1/1
    ["Xã Cà Đam", 1, 2], // Trà Bùi, split: counted whole (approximate)
    ["Xã Tây Trà Bồng", 1, 2], // the other part of Trà Bùi
    ["Sở Tài chính", 1, 3], // Sở Kế hoạch và Đầu tư 1/1 + Sở Tài chính 0/2
  ];
  for (const [unit, done, assigned] of cases) expect(s.byUnit.get(unit)).toBeCloseTo(done / assigned, 12);
  // No old unit with a 2024 task: the cell stays empty, never 0 %.
  expect([null, ""]).toContain(s.byUnit.get("Đặc khu Lý Sơn"));
  const note = s.texts.find((t) => t.startsWith(`“${PRIOR_RATE_HEADER}”`)) ?? "";
  expect(note).toMatch(/ước tính/);
  expect(note).toContain("Xã Cà Đam");
  expect(note).toContain("Xã Tây Trà Bồng");
});

test.each([
  [
    "a 2024 catalogue",
    ["--catalogue", "demo-2024", "--report-date", "31/12/2024"],
    /chỉ dùng cho sổ theo bản đồ/,
  ],
])("--prior refused for %s: exit 1, no file", async (_n, args, message) => {
  const out = path.join(dir, "refused.xlsx");
  const r = await run(...args, "--prior", prior, "--out", out);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(message);
  expect(await exists(out)).toBe(false);
});

test("--prior must be a 2024 workbook (not a 2026 one), and a readable file", async () => {
  const w2026 = path.join(dir, "2026.xlsx");
  const out = path.join(dir, "again.xlsx");
  const args = ["--catalogue", path.join(FIXTURES, "plan-2026.json"), "--report-date", "2026-06-30"];
  const r = await run(...args, "--prior", w2026, "--out", out);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/không phải sổ năm 2024/);
  const missing = await run(...args, "--prior", path.join(dir, "khong-co.xlsx"), "--out", out);
  expect(missing.code).toBe(1);
  expect(missing.stderr).toMatch(/không đọc được tệp/);
  expect(await exists(out)).toBe(false);
});
