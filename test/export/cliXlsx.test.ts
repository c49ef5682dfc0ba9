/**
 * `--catalogue file.xlsx[#Sheet]`: a sheet of an .xlsx file (a plan appendix pasted into Excel)
 * read as the task pane reads a sheet, through the same core path (tasksFromTable); a sheet
 * that is not a plan is a CLI error (exit 1, no file).
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { catalogueKind } from "../../src/export/cli";
import { readXlsxSheet, splitSheetSpec } from "../../src/export/readSheet";
import { SHEETS } from "../../src/core/workbook/layout";
import { tasksFromTable } from "../../src/core";
import { NOT_PLANS, PLAN_TABLES } from "../core/catalogue/importCorpus";
import { canonical, project } from "../core/catalogue/importCorpus/score";
import { exists, runWorkbook } from "./lib/runCli";

jest.setTimeout(120_000);

let dir = "";
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "workbook-xlsx-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});
const file = (name: string) => path.join(dir, name);

const run = (...argv: string[]) => runWorkbook(argv);

/** A Word appendix pasted into Excel: merged title block, two-row header with merged parents, date cells. */
async function pastedAppendix(name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Ghi chú").getCell("A1").value = "Bảng này chỉ để ghi chú.";
  const ws = wb.addWorksheet("Phụ lục");
  ws.addRow(["PHỤ LỤC"]);
  ws.addRow(["NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024 CỦA SỞ NỘI VỤ"]);
  ws.addRow(["(Kèm theo Kế hoạch số 12/KH-SNV ngày 05/01/2024 của Sở Nội vụ)"]);
  ws.addRow([]);
  ws.addRow(["STT", "Nội dung công việc", "Đơn vị thực hiện", "", "Thời gian", "", "Tình trạng"]);
  ws.addRow(["", "", "Chủ trì", "Phối hợp", "Bắt đầu", "Hoàn thành", ""]);
  ws.addRow(["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "", "", "", "", ""]);
  ws.addRow([
    1,
    "Ban hành Kế hoạch CCHC năm 2024\n(trình UBND tỉnh)",
    "Sở Nội vụ",
    "Các sở, ban, ngành",
    new Date(Date.UTC(2024, 0, 2)),
    new Date(Date.UTC(2024, 0, 31)),
    "Đã hoàn thành",
  ]);
  ws.addRow(["-", "Gửi kế hoạch đến các đơn vị", "", "", "", "", ""]);
  ws.addRow(["II", "CẢI CÁCH THỂ CHẾ", "", "", "", "", ""]);
  ws.addRow([
    1,
    "Rà soát văn bản quy phạm pháp luật",
    "Sở Tư pháp; Sở Nội vụ",
    "",
    "Quý I/2024",
    "Quý IV/2024",
    "",
  ]);
  for (const m of [
    "A1:G1",
    "A2:G2",
    "A3:G3",
    "A5:A6",
    "B5:B6",
    "C5:D5",
    "E5:F5",
    "G5:G6",
    "B7:G7",
    "B10:G10",
  ])
    ws.mergeCells(m);
  ws.getCell("F11").numFmt = "@";
  await wb.xlsx.writeFile(file(name));
  return file(name);
}

describe("--catalogue file.xlsx#Sheet", () => {
  test("the spec: file and optional sheet; kinds accepted", () => {
    expect(splitSheetSpec("ke-hoach.xlsx#Phụ lục")).toEqual({ file: "ke-hoach.xlsx", sheet: "Phụ lục" });
    expect(splitSheetSpec("a/b.xlsx")).toEqual({ file: "a/b.xlsx" });
    expect(splitSheetSpec("a/b.xlsx#")).toEqual({ file: "a/b.xlsx" });
    expect(catalogueKind("x.XLSX#Trang 1")).toBe("xlsx");
    expect(catalogueKind("x.csv#Trang 1")).toBeNull();
    expect(catalogueKind("x.xls")).toBeNull();
  });

  test("a pasted appendix (merged cells, two-row header, date cells) → the workbook", async () => {
    const xlsx = await pastedAppendix("phu-luc.xlsx");
    const read = await readXlsxSheet(xlsx, "phụ lục");
    expect(read.sheet).toBe("Phụ lục");
    // Merged parents read as empty, as Excel reports them; dates as serials.
    expect(read.rows[4].slice(2, 4)).toEqual(["Đơn vị thực hiện", ""]);
    expect(read.rows[7][5]).toBe(45322);
    const out = file("so.xlsx");
    const r = await run("--catalogue", `${xlsx}#Phụ lục`, "--report-date", "2024-11-15", "--out", out);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("2 nhiệm vụ");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet(SHEETS.assignments) as ExcelJS.Worksheet;
    const rows: string[][] = [];
    for (let i = 2; i <= ws.rowCount; i++)
      rows.push([1, 2, 4, 6].map((c) => String(ws.getCell(i, c).value ?? "")));
    expect(rows.filter((x) => x[3] === "Chủ trì").map((x) => [x[0], x[2]])).toEqual([
      ["I.1", "Sở Nội vụ"],
      ["II.1", "Sở Tư pháp"],
      ["II.1", "Sở Nội vụ"],
    ]);
    expect(rows.find((x) => x[0] === "I.1")?.[1]).toBe(
      "Ban hành Kế hoạch CCHC năm 2024\n(trình UBND tỉnh)\n- Gửi kế hoạch đến các đơn vị",
    );
  });

  test("without #Sheet the first sheet is read; an unknown sheet lists the sheets; nothing written", async () => {
    const xlsx = await pastedAppendix("hai-trang.xlsx");
    const out = file("khong.xlsx");
    const first = await run("--catalogue", xlsx, "--report-date", "2024-11-15", "--out", out);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain("Bảng này không giống danh mục nhiệm vụ");
    const r = await run("--catalogue", `${xlsx}#Trang 9`, "--report-date", "2024-11-15", "--out", out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("không có trang “Trang 9”. Các trang: “Ghi chú”, “Phụ lục”");
    expect(await exists(out)).toBe(false);
  });

  test.each(NOT_PLANS.map((c) => [c.name, c] as const))(
    "a sheet that is no plan (%s): exit 1, no file",
    async (_n, c) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Trang1");
      for (const row of c.rows) ws.addRow(row.length === 0 ? [""] : row);
      const xlsx = file(`${c.name}.xlsx`);
      await wb.xlsx.writeFile(xlsx);
      const out = file(`${c.name}-out.xlsx`);
      const r = await run("--catalogue", `${xlsx}#Trang1`, "--report-date", "2024-11-15", "--out", out);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/Bảng này không giống danh mục nhiệm vụ: .*không thấy .*Hãy /);
      expect(await exists(out)).toBe(false);
    },
  );

  test("not an .xlsx, or missing: a message, exit 1", async () => {
    await fs.writeFile(file("hong.xlsx"), "không phải zip");
    const r = await run(
      "--catalogue",
      file("hong.xlsx"),
      "--report-date",
      "2024-11-15",
      "--out",
      file("o.xlsx"),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Excel Workbook (*.xlsx)");
    const r2 = await run(
      "--catalogue",
      file("khong-co.xlsx"),
      "--report-date",
      "2024-11-15",
      "--out",
      file("o.xlsx"),
    );
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain("Không tìm thấy tệp danh mục");
  });

  test("every corpus plan table written to a sheet reads back to the same tasks (one core path)", async () => {
    const wb = new ExcelJS.Workbook();
    PLAN_TABLES.forEach((c, i) => {
      const ws = wb.addWorksheet(`T${i}`);
      for (const row of c.rows) ws.addRow(row);
    });
    await wb.xlsx.writeFile(file("corpus.xlsx"));
    for (const [i, c] of PLAN_TABLES.entries()) {
      const { rows } = await readXlsxSheet(file("corpus.xlsx"), `T${i}`);
      const tasks = tasksFromTable(rows, 2024, { ...(c.options ?? {}) }).tasks.map((t) =>
        project(t as unknown as Record<string, unknown>),
      );
      expect([c.name, canonical(tasks)]).toEqual([c.name, canonical(c.tasks)]);
    }
  });
});
