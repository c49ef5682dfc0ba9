/**
 * Nothing lost (issue 17): what a reviewer added to the provincial workbook — a sheet of their
 * own with values and formulas, a column appended to PhanCong, verdicts in the Thẩm định columns —
 * is in the consolidated result with the same values, and a second run keeps it exactly once.
 * Fixtures are made with the project's own exporter (plans + the .xlsx writer), not exceljs saves.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { loadBundledCatalogue } from "../../src/core/catalogue/bundled";
import { findUnit } from "../../src/core/units/units";
import { defaultSettings } from "../../src/core/workbook/evaluate";
import { SHEETS } from "../../src/core/workbook/layout";
import type { PlanOp, WorkbookPlan } from "../../src/core/workbook/plan";
import { appendTableColumns, SUBMISSIONS_SHEET, type ConsolidationReport } from "../../src/core/consolidate";
import { planExport } from "../../src/export/cli";
import { writeWorkbook } from "../../src/export/xlsxWriter";
import { runConsolidateCli } from "../../src/export/consolidateCli";

jest.setTimeout(180_000);

const EXTRA_SHEET = "Theo dõi riêng";
const EXTRA_COLUMN = "Ghi chú của Sở";
const TASK_COLUMN = "Đầu mối của Sở";
const LAST_YEAR = "Nhiệm vụ 2023";
const taskNotes = new Map<string, string>();
let dir = "";

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runConsolidateCli(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    now: () => new Date(Date.UTC(2024, 11, 20, 8)),
  });
  return { code, stdout, stderr };
}

async function book(p: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(p);
  return wb;
}

/** Row values of a sheet (1-based row), without exceljs's leading hole. */
const rowValues = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as unknown[]).slice(1);

/** (task id, unit) → the extra column's value, for every PhanCong row of a workbook. */
function extraColumnByKey(wb: ExcelJS.Workbook): { heads: unknown[]; byKey: Map<string, unknown> } {
  const ws = wb.getWorksheet(SHEETS.assignments) as ExcelJS.Worksheet;
  const heads = rowValues(ws, 1);
  const k = heads.indexOf(EXTRA_COLUMN) + 1;
  const byKey = new Map<string, unknown>();
  for (let r = 2; r <= ws.rowCount; r++) {
    const v = ws.getCell(r, k).value;
    if (v !== null && v !== undefined && v !== "")
      byKey.set(`${ws.getCell(r, 1).value}|${ws.getCell(r, 4).value}`, v);
  }
  return { heads, byKey };
}

/** Every non-empty cell of a sheet: address → value (formulas as { formula, result }) and format. */
function sheetCells(ws: ExcelJS.Worksheet): Record<string, { value: unknown; numFmt?: string }> {
  const out: Record<string, { value: unknown; numFmt?: string }> = {};
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.type === ExcelJS.ValueType.Formula ? { formula: cell.formula } : cell.value;
      out[cell.address] = { value: v, ...(cell.numFmt ? { numFmt: cell.numFmt } : {}) };
    }),
  );
  return out;
}

let province = "";
let unitFile = "";
const provinceNotes = new Map<string, string>();
let reviewedKey = "";

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "consolidate-lost-"));
  const catalogue = await loadBundledCatalogue("demo-2024");
  const settings = defaultSettings("2024-12-31");
  const common = { catalogue, settings, loadedFrom: "demo-2024", loadedAt: "2024-12-01T00:00:00Z" };
  // The provincial workbook: the reviewer judged one claim (Kết quả thẩm định) of Sở Tư pháp.
  const stp = findUnit("Sở Tư pháp");
  const full0 = planExport(common).plan;
  if (!full0 || !stp) throw new Error("no plan");
  const stpRow = full0.model.assignments.find((a) => a.unitId === stp.id && a.role === "Chủ trì");
  if (!stpRow) throw new Error("no row of Sở Tư pháp");
  reviewedKey = `${stpRow.taskId}|${stpRow.unit}`;
  const built = planExport({
    ...common,
    progress: [
      {
        taskId: stpRow.taskId,
        unit: stp.id,
        status: "Đã hoàn thành",
        completedOn: "2024-10-01",
        review: "Không đạt",
        reviewNote: "Thiếu văn bản",
      },
    ],
  }).plan;
  if (!built) throw new Error("no plan");
  // A column the reviewer appended to PhanCong, some rows filled (one looks like a formula).
  const notes = built.model.assignments.map((a, i) => {
    if (i % 7 !== 0) return null;
    const text = i === 0 ? "=SUM(1) không phải công thức" : `Sở ghi ${i} (${a.taskId})`;
    provinceNotes.set(`${a.taskId}|${a.unit}`, text);
    return text;
  });
  let plan: WorkbookPlan = appendTableColumns(built.plan, "PhanCong", [
    { header: EXTRA_COLUMN, values: notes, width: 24 },
  ]);
  // And one appended to NhiemVu (a contact per task, and a formula over the row).
  plan = appendTableColumns(plan, "NhiemVu", [
    {
      header: TASK_COLUMN,
      values: built.model.tasks.map((t, i) => {
        if (i % 5 !== 0) return null;
        taskNotes.set(t.id, `Đầu mối ${t.id}`);
        return `Đầu mối ${t.id}`;
      }),
    },
  ]);
  // A sheet of the reviewer's own: text, a date, a formula over PhanCong and one over the sheet.
  const own: PlanOp[] = [
    { op: "ensureSheet", sheet: EXTRA_SHEET },
    {
      op: "writeCells",
      sheet: EXTRA_SHEET,
      address: "A1",
      rows: [
        [
          "Theo dõi riêng của Sở Nội vụ",
          null,
          { hyperlink: "https://sonoivu.quangngai.gov.vn/cchc", text: "Trang CCHC" },
        ],
        [
          "Số dòng phân công",
          { formula: "=COUNTA(PhanCong[Mã NV])", cached: built.model.assignments.length },
        ],
        ["Hạn nội bộ", 45646],
        ["Gấp đôi", { formula: "=B2*2", cached: built.model.assignments.length * 2 }],
        ["@ghi chú", "=không phải công thức"],
      ],
    },
    { op: "numberFormat", sheet: EXTRA_SHEET, address: "B3", format: "dd/mm/yyyy" },
    { op: "columnWidths", sheet: EXTRA_SHEET, widths: [{ column: 0, width: 32 }] },
    { op: "mergeCells", sheet: EXTRA_SHEET, address: "A7:C7" },
    { op: "writeCells", sheet: EXTRA_SHEET, address: "A7", rows: [["Ghi chú gộp ô"]] },
    // Named like a tasks sheet, but not the one holding NhiemVu: the reviewer's.
    { op: "ensureSheet", sheet: LAST_YEAR },
    { op: "writeCells", sheet: LAST_YEAR, address: "B2", rows: [["Nhiệm vụ năm trước", 2023]] },
  ];
  plan = { ops: [...plan.ops, ...own] };
  province = path.join(dir, "tinh.xlsx");
  await fs.writeFile(province, await writeWorkbook(plan));
  // One unit's file: Sở Nội vụ reports every row done.
  const snv = findUnit("Sở Nội vụ");
  if (!snv) throw new Error("no unit");
  const unitModel = planExport({ ...common, unit: snv }).plan;
  if (!unitModel) throw new Error("no unit plan");
  const unitPlan = planExport({
    ...common,
    unit: snv,
    progress: unitModel.model.assignments.map((a) => ({
      taskId: a.taskId,
      unit: snv.id,
      status: "Đã hoàn thành",
      completedOn: "2024-11-02",
      evidence: `https://sonoivu.quangngai.gov.vn/${a.taskId}`,
    })),
  }).plan;
  if (!unitPlan) throw new Error("no unit plan");
  await fs.mkdir(path.join(dir, "inbox"));
  unitFile = path.join(dir, "inbox", "snv.xlsx");
  await fs.writeFile(
    unitFile,
    await writeWorkbook(unitPlan.plan, { created: new Date(Date.UTC(2024, 11, 10)) }),
  );
});

let first: { code: number; stdout: string; stderr: string };
let out = "";
beforeAll(async () => {
  out = path.join(dir, "ket-qua.xlsx");
  first = await run("--into", province, "--out", out, path.join(dir, "inbox"), "--json");
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("consolidation keeps what the reviewer added to the provincial workbook", () => {
  test("an extra sheet (values, formulas, formats), an extra PhanCong column and the verdicts are carried; a re-run is idempotent", async () => {
    const res = first;
    expect(res.code).toBe(0);
    const rep = JSON.parse(res.stdout) as ConsolidationReport;
    expect(rep.accepted.map((a) => a.unit)).toEqual(["Sở Nội vụ"]);
    expect(rep.rowsUpdated).toBeGreaterThan(0);
    expect((rep as ConsolidationReport & { carried: unknown }).carried).toEqual({
      sheets: [EXTRA_SHEET, LAST_YEAR],
      columns: [EXTRA_COLUMN],
      taskColumns: [TASK_COLUMN],
    });

    const before = await book(province);
    const after = await book(out);
    // The extra sheet, cell by cell (values, formulas, number formats), after the add-in's sheets.
    const own0 = before.getWorksheet(EXTRA_SHEET) as ExcelJS.Worksheet;
    const own1 = after.getWorksheet(EXTRA_SHEET) as ExcelJS.Worksheet;
    expect(own1).toBeDefined();
    expect(sheetCells(own1)).toEqual(sheetCells(own0));
    expect(own1.getCell("B2").formula).toBe("COUNTA(PhanCong[Mã NV])");
    expect(own1.getCell("B4").formula).toBe("B2*2");
    expect(own1.getCell("B5").value).toBe("=không phải công thức");
    expect(own1.getCell("B3").numFmt).toBe("dd/mm/yyyy");
    expect((own1.getCell("C1").value as { hyperlink?: string }).hyperlink).toBe(
      "https://sonoivu.quangngai.gov.vn/cchc",
    );
    expect(own1.getColumn(1).width).toBe(32);
    expect(own1.getCell("A7").isMerged && own1.getCell("C7").isMerged).toBe(true);
    const names = after.worksheets.map((w) => w.name);
    expect(names.slice(-2)).toEqual([EXTRA_SHEET, LAST_YEAR]);
    expect(sheetCells(after.getWorksheet(LAST_YEAR) as ExcelJS.Worksheet)).toEqual(
      sheetCells(before.getWorksheet(LAST_YEAR) as ExcelJS.Worksheet),
    );

    // The extra column: same value for every (task id, unit); provenance stays the last two.
    const col = extraColumnByKey(after);
    expect(col.heads.slice(-3)).toEqual([EXTRA_COLUMN, "Nguồn cập nhật", "Cập nhật lúc"]);
    expect(col.heads.filter((h) => h === EXTRA_COLUMN)).toHaveLength(1);
    expect(col.byKey).toEqual(provinceNotes);

    // The NhiemVu column, by task id, in both runs' results.
    const taskColumn = (wb: ExcelJS.Workbook) => {
      const ws = wb.getWorksheet(SHEETS.tasks) as ExcelJS.Worksheet;
      let head = 0;
      for (let r = 1; r <= 12 && !head; r++) if (rowValues(ws, r).includes(TASK_COLUMN)) head = r;
      const k = rowValues(ws, head).indexOf(TASK_COLUMN) + 1;
      const idCol = rowValues(ws, head).indexOf("Mã NV") + 1;
      const m = new Map<string, unknown>();
      for (let r = head + 1; r <= ws.rowCount; r++) {
        const v = ws.getCell(r, k).value;
        if (v !== null && v !== undefined && v !== "") m.set(String(ws.getCell(r, idCol).value), v);
      }
      return m;
    };
    expect(taskNotes.size).toBeGreaterThan(3);
    expect(taskColumn(after)).toEqual(taskNotes);

    // The reviewer's verdict (Thẩm định) is kept, and the unit's rows were merged.
    const pc = after.getWorksheet(SHEETS.assignments) as ExcelJS.Worksheet;
    const heads = rowValues(pc, 1);
    const review = heads.indexOf("Kết quả thẩm định") + 1;
    const reviewNote = heads.indexOf("Ý kiến thẩm định") + 1;
    const status = heads.indexOf("Trạng thái") + 1;
    let seen = 0;
    let merged = 0;
    for (let r = 2; r <= pc.rowCount; r++) {
      const key = `${pc.getCell(r, 1).value}|${pc.getCell(r, 4).value}`;
      if (key === reviewedKey) {
        seen++;
        expect(pc.getCell(r, review).value).toBe("Không đạt");
        expect(pc.getCell(r, reviewNote).value).toBe("Thiếu văn bản");
      }
      if (pc.getCell(r, 4).value === "Sở Nội vụ" && pc.getCell(r, status).value === "Đã hoàn thành") merged++;
    }
    expect(seen).toBe(1);
    expect(merged).toBeGreaterThan(0);

    // Re-run into the result: nothing changes, nothing is duplicated.
    const out2 = path.join(dir, "ket-qua-2.xlsx");
    const again = await run("--into", out, "--out", out2, path.join(dir, "inbox"), "--json");
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as ConsolidationReport).rowsUpdated).toBe(0);
    const text = await run("--into", out, "--out", path.join(dir, "ket-qua-3.xlsx"), path.join(dir, "inbox"));
    expect(text.stdout).toContain(
      `Giữ nguyên phần riêng của sổ tỉnh: trang “${EXTRA_SHEET}”, “${LAST_YEAR}”; cột “${EXTRA_COLUMN}” của bảng PhanCong; cột “${TASK_COLUMN}” của bảng NhiemVu.`,
    );
    const after2 = await book(out2);
    expect(after2.worksheets.map((w) => w.name)).toEqual(names);
    expect(sheetCells(after2.getWorksheet(EXTRA_SHEET) as ExcelJS.Worksheet)).toEqual(sheetCells(own1));
    const col2 = extraColumnByKey(after2);
    expect(col2.heads).toEqual(col.heads);
    expect(col2.byKey).toEqual(provinceNotes);
    expect(taskColumn(after2)).toEqual(taskNotes);
  });

  test("the province-wide report names every unit that has not reported, by level, from the same data as Nộp báo cáo", async () => {
    const rep = JSON.parse(first.stdout) as ConsolidationReport;
    const wb = await book(out);
    const sub = wb.getWorksheet(SUBMISSIONS_SHEET) as ExcelJS.Worksheet;
    const missing: string[] = [];
    for (let r = 2; r <= sub.rowCount; r++)
      if (sub.getCell(r, 2).value !== "Đã nộp") missing.push(String(sub.getCell(r, 1).value));
    expect(missing.length).toBe(rep.unitsExpected - 1);
    const ws = wb.getWorksheet(SHEETS.report) as ExcelJS.Worksheet;
    const texts: string[] = [];
    ws.eachRow((row) => {
      const v = row.getCell(1).value;
      if (typeof v === "string") texts.push(v);
    });
    const head = texts.findIndex((t) => t.startsWith("Đơn vị chưa gửi báo cáo"));
    expect(texts[head]).toBe(`Đơn vị chưa gửi báo cáo (${missing.length}):`);
    const rest = texts.slice(head + 1);
    const end = rest.findIndex((t) => !/^(- |  )/.test(t));
    const list = rest.slice(0, end < 0 ? rest.length : end);
    const joined = list.join(" ");
    for (const u of missing) expect(joined).toContain(u);
    expect(joined).not.toContain("Sở Nội vụ");
    // Levels in order, each with its count; names sorted within a level.
    const levels = list.filter((t) => t.startsWith("- ")).map((t) => /^- (.+?) \((\d+)\):/.exec(t)?.[1]);
    expect(levels).toEqual(["Sở, ban, ngành", "Cơ quan Trung ương", "Cấp huyện", "Cấp xã"]);
    const communes = list
      .slice(list.findIndex((t) => t.startsWith("- Cấp xã")))
      .join(" ")
      .replace(/^- Cấp xã \(\d+\): /, "")
      .replace(/\.$/, "")
      .split(/;\s+/);
    expect(communes).toEqual([...communes].sort((a, b) => a.localeCompare(b, "vi", { numeric: true })));
    // No row of the list is taller than Excel allows (409 points).
    ws.eachRow((row) => expect(row.height ?? 15).toBeLessThanOrEqual(409));
  });
});
