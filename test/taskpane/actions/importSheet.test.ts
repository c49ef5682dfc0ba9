/**
 * The pane's import of a pasted appendix, on the workbook double: one read sized by bytes
 * (2,000 tasks within the round-trip budget of README › Performance), the layout detected and
 * handed to the core unchanged, non-plans refused with nothing written.
 */
import { readSheetForImport, readValuesByBytes } from "../../../src/taskpane/actions/catalogueIO";
import { catalogueSources, detectTableHeader } from "../../../src/taskpane/app/catalogueSources";
import { IMPORT_PLAN_YEAR, columnLabels } from "../../../src/taskpane/app/sheetImport";
import { CatalogueError } from "../../../src/core";
import { installDouble, syncBudget } from "../../double/testkit";
import { pastedAppendix } from "../../core/catalogue/importCorpus/pastedAppendix";
import { NOT_PLANS } from "../../core/catalogue/importCorpus";

const SHEET = "Phụ lục";
const MAX_BYTES = 5_000_000;

describe("import of a pasted appendix (workbook double)", () => {
  test("a 2,000-row sheet: one values read, within the sync budget, every request/response < 5 MB", async () => {
    const app = pastedAppendix(1380);
    expect(app.rows.length).toBeGreaterThanOrEqual(1990);
    expect(app.rows.length).toBeLessThanOrEqual(2000);
    const d = installDouble({ sheets: [SHEET] });
    d.workbook.setRaw(SHEET, "A1", app.rows);
    d.workbook.activate(SHEET);
    d.stats.reset();
    const table = await d.Excel.run((ctx) => readSheetForImport(ctx));
    const syncs = d.stats.syncs;
    const bytes = d.stats.totalBytes();
    expect(syncs).toBe(2);
    expect(syncs).toBeLessThanOrEqual(syncBudget(bytes));
    expect(d.stats.maxRequestBytes()).toBeLessThan(MAX_BYTES);
    expect(d.stats.maxResponseBytes()).toBeLessThan(MAX_BYTES);
    expect(table.rows.length).toBe(app.rows.length);

    const found = detectTableHeader(table.rows);
    expect(found.headerRow).toBe(4);
    expect(found.refusal).toBeUndefined();
    expect(found.decisions?.join("\n")).toMatch(/2 dòng/);
    // The mapping step shows the child headings under their merged parents.
    const labels = columnLabels(table.rows, found.headerRow, table.address, "(trống)", found.headers);
    expect(labels[found.map.lead as number]).toMatch(/Đơn vị thực hiện — Chủ trì$/);
    expect(labels[found.map.deadline as number]).toMatch(/Thời gian — Hoàn thành$/);
    const parsed = await catalogueSources.tasksFromTable(table.rows, IMPORT_PLAN_YEAR, {
      map: found.map,
      headerRow: found.headerRow,
    });
    expect(parsed.tasks.map((t) => t.id)).toEqual(app.ids);
    expect(parsed.tasks[0]).toEqual(app.first);
    expect(d.workbook.writes()).toEqual([]);
  });

  test("a sheet too heavy for one read: slices sized by the bytes read, each < 5 MB, values intact", async () => {
    const d = installDouble({ sheets: ["Lớn"] });
    // Every title as long as the longest of Công văn 5893 (488 characters), every unit cell full.
    const long = "Nội dung rất dài của một nhiệm vụ cải cách hành chính ".repeat(10).slice(0, 480);
    const rows = Array.from({ length: 20_000 }, (_, r) =>
      Array.from({ length: 10 }, (_, c) =>
        c === 0 ? r + 1 : c === 1 ? `${long}${r}` : c === 6 ? 45657 : `Sở Thông tin và Truyền thông ${c}`,
      ),
    );
    d.workbook.setRaw("Lớn", "A1", rows);
    d.stats.reset();
    const values = await d.Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Lớn").getRange("A1:J20000");
      range.load("rowCount,columnCount");
      await ctx.sync();
      return readValuesByBytes(ctx, range);
    });
    expect(values).toEqual(rows);
    expect(d.stats.maxResponseBytes()).toBeLessThan(MAX_BYTES);
    expect(d.stats.syncs).toBeLessThanOrEqual(syncBudget(d.stats.totalBytes()));
    expect(d.stats.syncs).toBeGreaterThan(3);
  });

  test.each(NOT_PLANS.filter((c) => c.rows.some((r) => r.length > 0)).map((c) => [c.name, c] as const))(
    "%s: the mapping step says why; importing it is refused; nothing written",
    async (_name, c) => {
      const d = installDouble({ sheets: ["Trang1"] });
      const width = Math.max(...c.rows.map((r) => r.length));
      d.workbook.setRaw(
        "Trang1",
        "A1",
        c.rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] ?? "") as string | number)),
      );
      d.workbook.activate("Trang1");
      let table;
      try {
        table = await d.Excel.run((ctx) => readSheetForImport(ctx));
      } catch (e) {
        // An empty sheet is refused when it is read.
        expect(String((e as Error).message)).toMatch(/trống/);
        return;
      }
      const found = await catalogueSources.detectHeader(table.rows);
      expect(found.refusal).toMatch(/^Bảng này không giống danh mục nhiệm vụ: /);
      let error: unknown;
      try {
        await catalogueSources.tasksFromTable(table.rows, IMPORT_PLAN_YEAR, {
          map: found.map,
          headerRow: found.headerRow >= 0 ? found.headerRow : 0,
        });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CatalogueError);
      expect((error as CatalogueError).problems.join(" ")).toMatch(c.refused as RegExp);
      expect(d.workbook.writes()).toEqual([]);
    },
  );
});
