/**
 * The .xlsx applier (src/export/xlsxWriter.ts): the file read back with exceljs and straight from
 * its XML (exceljs drops cached formula results equal to 0 when reading, so cached values are read
 * from the XML).
 */
import ExcelJS from "exceljs";
import { SaxesParser } from "saxes";
import { loadBundledCatalogue } from "../../src/core/catalogue/bundled";
import { parseCatalogue } from "../../src/core/catalogue/parse";
import type { Catalogue } from "../../src/core/catalogue/types";
import { EXCEL_MAX_CELL_TEXT } from "../../src/core/cells/safeCell";
import { toExcelSerial } from "../../src/core/dates/isoDate";
import { defaultSettings, summaryLines, type TrackerSettings } from "../../src/core/workbook/evaluate";
import {
  ASSIGNMENT_COLUMNS,
  DATE_FORMAT,
  NAMES,
  PERCENT_FORMAT,
  POINTS_FORMAT,
  SHEETS,
  SUMMARY_HEADERS,
  SUMMARY_TOTAL_LABEL,
  TABLES,
  TASK_COLUMNS,
} from "../../src/core/workbook/layout";
import { CHARTS_SHEET, levelRates } from "../../src/core/workbook/charts";
import { buildModel, type TrackerModel } from "../../src/core/workbook/model";
import { columnLetter, type PlanOp, type WorkbookPlan } from "../../src/core/workbook/plan";
import { parseProgressCsv } from "../../src/core/workbook/progress";
import { buildWorkbookPlan } from "../../src/core/workbook/tracker";
import { cellText, PlanApplyError, writeWorkbook } from "../../src/export/xlsxWriter";
import { compareWorkbook, formatDiffs } from "../e2e/lib/compareWorkbook";
import { reportTableHeaderRow } from "../../src/core/workbook/reportDoc";
import { generateProgressCsv } from "../e2e/lib/generate";
import { partText, readCells, readZip, type RawCell } from "./lib/xlsxXml";

jest.setTimeout(60_000);

const INJECTION = ['=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3", "=1+1", "'quoted"];

interface Fixture {
  catalogue: Catalogue;
  settings: TrackerSettings;
  plan: WorkbookPlan;
  model: TrackerModel;
  bytes: Buffer;
  book: ExcelJS.Workbook;
  cells: Map<string, Map<string, RawCell>>;
}

async function fixture(): Promise<Fixture> {
  const base = await loadBundledCatalogue("demo-2024");
  const catalogue: Catalogue = {
    ...base,
    title: INJECTION[0],
    tasks: base.tasks.map((t, i) => (i < INJECTION.length ? { ...t, title: INJECTION[i] } : t)),
  };
  const settings: TrackerSettings = {
    ...defaultSettings("2024-11-15"),
    rule: { mode: "proportional", maxPoints: 2, threshold: 0.5, latePenalty: 0.25 },
  };
  const progress = parseProgressCsv(generateProgressCsv(buildModel(catalogue), { seed: 3, share: 0.7 }));
  const { plan, model } = buildWorkbookPlan({
    catalogue,
    settings,
    reportDateIsToday: false,
    progress,
    loadedFrom: "demo-2024",
    loadedAt: "2024-11-15T08:00:00Z",
  });
  const bytes = await writeWorkbook(plan, { created: new Date(Date.UTC(2024, 10, 15)) });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return { catalogue, settings, plan, model, bytes, book, cells: await readCells(bytes) };
}

let fx: Fixture;
beforeAll(async () => {
  fx = await fixture();
});

const sheet = (name: string) => fx.book.getWorksheet(name) as ExcelJS.Worksheet;
const raw = (name: string, ref: string) => fx.cells.get(name)?.get(ref);

describe("the workbook the task pane builds, in a file", () => {
  test("five sheets and the charts sheet in plan order, the task sheet active", () => {
    expect(fx.book.worksheets.map((w) => w.name)).toEqual([
      SHEETS.config,
      SHEETS.assignments,
      SHEETS.tasks,
      SHEETS.summary,
      SHEETS.report,
      CHARTS_SHEET,
    ]);
    const active = fx.book.views[0]?.activeTab ?? -1;
    expect(fx.book.worksheets[active].name).toBe(SHEETS.tasks);
  });

  test("real Excel tables NhiemVu, PhanCong, BacDiem with the contract's headers", () => {
    const table = (ws: string, name: string) => {
      const t = sheet(ws).getTable(name) as unknown as {
        table: { name: string; tableRef: string; columns: Array<{ name: string }> };
      };
      expect(t).toBeDefined();
      return t.table;
    };
    const tasks = table(SHEETS.tasks, TABLES.tasks);
    expect(tasks.columns.map((c) => c.name)).toEqual(TASK_COLUMNS.map((c) => c.header));
    expect(tasks.tableRef).toBe(`A5:${columnLetter(TASK_COLUMNS.length - 1)}${5 + fx.model.tasks.length}`);
    const pc = table(SHEETS.assignments, TABLES.assignments);
    expect(pc.columns.map((c) => c.name)).toEqual(ASSIGNMENT_COLUMNS.map((c) => c.header));
    expect(pc.tableRef).toBe(
      `A1:${columnLetter(ASSIGNMENT_COLUMNS.length - 1)}${1 + fx.model.assignments.length}`,
    );
    expect(table(SHEETS.config, TABLES.tiers).columns.map((c) => c.name)).toEqual([
      "Tỷ lệ tối thiểu",
      "Điểm",
      "Cận dưới",
    ]);
  });

  test("table names survive an exceljs round trip (read, write, read)", async () => {
    const again = new ExcelJS.Workbook();
    await again.xlsx.load((await fx.book.xlsx.writeBuffer()) as ArrayBuffer);
    const names = again.worksheets.flatMap((w) =>
      w.getTables().map((t) => (t as unknown as { table: { name: string } }).table.name),
    );
    expect(names.sort()).toEqual(Object.values(TABLES).sort());
  });

  test("Tổng hợp: the header row, one row per unit, then Tổng cộng", () => {
    const ws = sheet(SHEETS.summary);
    const header = (ws.getRow(1).values as unknown[]).slice(1, 9);
    expect(header).toEqual([
      "Đơn vị",
      "Được giao",
      "Hoàn thành",
      "Đúng hạn",
      "Trễ hạn",
      "Quá hạn",
      "Tỷ lệ hoàn thành",
      "Điểm",
    ]);
    expect(header).toEqual([...SUMMARY_HEADERS]);
    const { lines } = summaryLines(fx.model.assignments, fx.settings);
    const units = lines.map((_, i) => ws.getCell(`A${i + 2}`).value);
    expect(units).toEqual(lines.map((l) => l.unit));
    expect(ws.getCell(`A${lines.length + 2}`).value).toBe(SUMMARY_TOTAL_LABEL);
    expect(ws.getCell(`A${lines.length + 3}`).value).toBeNull();
  });

  test("workbook-level defined names point at the Cấu hình cells", () => {
    const model = fx.book.definedNames.model as Array<{
      name: string;
      ranges: string[];
      localSheetId?: number;
    }>;
    const global = new Map(model.filter((n) => n.localSheetId === undefined).map((n) => [n.name, n.ranges]));
    const at = (row: number) => [`'${SHEETS.config}'!$B$${row}`];
    expect(global.get(NAMES.reportDate)).toEqual(at(3));
    expect(global.get(NAMES.dueSoonDays)).toEqual(at(4));
    expect(global.get(NAMES.includeCoordinating)).toEqual(at(5));
    expect(global.get(NAMES.countedRole)).toEqual(at(6));
    expect(global.get(NAMES.scoreMode)).toEqual(at(9));
    expect(global.get(NAMES.maxPoints)).toEqual(at(10));
    expect(global.get(NAMES.threshold)).toEqual(at(11));
    expect(global.get(NAMES.latePenalty)).toEqual(at(12));
    expect(global.get(NAMES.catalogueId)).toEqual(at(22));
    expect(global.get(NAMES.catalogueOfficial)).toEqual(at(25));
  });

  test("defined-name comment and absolute print area, print titles", async () => {
    const wb = await partText(await readZip(fx.bytes), "xl/workbook.xml");
    expect(wb).toContain('<definedName name="NgayBaoCao" comment="Ngày báo cáo">');
    expect(wb).toMatch(
      /<definedName name="_xlnm.Print_Area" localSheetId="4">&apos;Báo cáo&apos;!\$A\$1:\$I\$\d+<\/definedName>/,
    );
    expect(wb).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="4">&apos;Báo cáo&apos;!$${reportTableHeaderRow(false)}:$${reportTableHeaderRow(false)}</definedName>`,
    );
    expect(wb).toContain('fullCalcOnLoad="1"');
  });

  test("dates are serials formatted dd/mm/yyyy; rates 0.0 %; points 0.00", () => {
    const pc = sheet(SHEETS.assignments);
    const dueCol = ASSIGNMENT_COLUMNS.findIndex((c) => c.key === "due") + 1;
    const doneCol = ASSIGNMENT_COLUMNS.findIndex((c) => c.key === "completedOn") + 1;
    const a = fx.model.assignments[0];
    expect(raw(SHEETS.assignments, `${columnLetter(dueCol - 1)}2`)?.value).toBe(
      String(toExcelSerial(a.due as string)),
    );
    for (let r = 2; r <= fx.model.assignments.length + 1; r += 97) {
      expect(pc.getCell(r, dueCol).numFmt).toBe(DATE_FORMAT);
      expect(pc.getCell(r, doneCol).numFmt).toBe(DATE_FORMAT); // empty user cells too
    }
    const sum = sheet(SHEETS.summary);
    expect(sum.getCell("G2").numFmt).toBe(PERCENT_FORMAT);
    expect(sum.getCell("H2").numFmt).toBe(POINTS_FORMAT);
    expect(sum.getCell("B2").numFmt).toBe("0");
    const cfg = sheet(SHEETS.config);
    expect(cfg.getCell("B3").numFmt).toBe(DATE_FORMAT);
    expect(raw(SHEETS.config, "B3")?.value).toBe(String(toExcelSerial("2024-11-15")));
    expect(cfg.getCell("B11").numFmt).toBe(PERCENT_FORMAT);
    expect(sheet(SHEETS.report).getCell("F11").numFmt).toBe(PERCENT_FORMAT);
  });

  test("data validations with Vietnamese messages, one rule per range", async () => {
    const pc = sheet(SHEETS.assignments) as unknown as {
      dataValidations: { model: Record<string, ExcelJS.DataValidation> };
    };
    const status = pc.dataValidations.model.K2;
    expect(status).toMatchObject({
      type: "list",
      formulae: ['"Đã hoàn thành,Đang thực hiện,Chưa thực hiện"'],
      errorStyle: "stop",
      showErrorMessage: true,
    });
    expect(status.error).toBe("Hãy chọn một trong: Đã hoàn thành, Đang thực hiện, Chưa thực hiện.");
    expect(status.prompt).toBe("Chọn trạng thái thực hiện của đơn vị.");
    const date = pc.dataValidations.model.L2;
    expect(date).toMatchObject({
      type: "date",
      operator: "between",
      error: "Hãy nhập một ngày (dd/mm/yyyy).",
    });
    const cfg = sheet(SHEETS.config) as unknown as {
      dataValidations: { model: Record<string, ExcelJS.DataValidation> };
    };
    expect(cfg.dataValidations.model.B5).toMatchObject({
      type: "list",
      formulae: ['"TRUE,FALSE"'],
      error: "Chọn TRUE hoặc FALSE.",
    });
    expect(cfg.dataValidations.model.B4).toMatchObject({ type: "decimal", formulae: [0, 366] });
    expect(cfg.dataValidations.model.B9).toMatchObject({ type: "list", formulae: ['"Tỷ lệ,Bậc"'] });
    const zip = await readZip(fx.bytes);
    const xml = await partText(zip, "xl/worksheets/sheet2.xml");
    const last = fx.model.assignments.length + 1;
    expect(xml).toContain(`sqref="K2:K${last}"`);
    expect(xml).toMatch(
      new RegExp(
        `<dataValidation type="date"[^>]*sqref="L2:L${last}"><formula1>36526</formula1><formula2>73415</formula2>`,
      ),
    );
    // Trạng thái, Ngày hoàn thành, Kết quả thẩm định.
    expect((xml.match(/<dataValidation /g) ?? []).length).toBe(3);
  });

  test("colour rules: exact text, text contains, formula — with fills", async () => {
    const xml = await partText(await readZip(fx.bytes), "xl/worksheets/sheet2.xml");
    const last = fx.model.assignments.length + 1;
    expect(xml).toContain(`<conditionalFormatting sqref="O2:O${last}"><cfRule type="cellIs" dxfId=`);
    expect(xml).toContain("<formula>&quot;Quá hạn&quot;</formula>");
    expect(xml).toMatch(
      /<cfRule type="containsText" dxfId="\d+" priority="\d+" operator="containsText" text="Thiếu minh chứng"><formula>NOT\(ISERROR\(SEARCH\(&quot;Thiếu minh chứng&quot;,P2\)\)\)<\/formula>/,
    );
    expect(xml).toContain('<cfRule type="expression"');
    expect(xml).toContain("<formula>$J2=&quot;Không&quot;</formula>");
    const styles = await partText(await readZip(fx.bytes), "xl/styles.xml");
    expect(styles).toContain(
      '<dxf><font><color rgb="FF9C0006"/></font><fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor rgb="FFFFC7CE"/>',
    );
  });

  test("freeze panes, tab colours, merged title, page setup", () => {
    const view = (name: string) => sheet(name).views[0] as ExcelJS.WorksheetViewFrozen;
    expect(view(SHEETS.tasks)).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 5 });
    expect(view(SHEETS.assignments)).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 1 });
    expect(sheet(SHEETS.tasks).properties.tabColor).toEqual({ argb: "FF107C41" });
    const report = sheet(SHEETS.report);
    expect(report.getCell("A1").isMerged).toBe(true);
    expect(report.getCell("C1").master.address).toBe("A1");
    expect(report.getCell("I1").master.address).toBe("D1");
    expect(report.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(report.headerFooter.oddFooter).toBe("&CTrang &P/&N");
  });

  test("cached values equal the core twins (read from the XML, zeros included)", () => {
    const sheets = new Map<string, string[][]>();
    for (const [name, cells] of fx.cells) {
      const grid: string[][] = [];
      for (const [ref, c] of cells) {
        const m = /^([A-Z]+)(\d+)$/.exec(ref) as RegExpExecArray;
        let col = 0;
        for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
        const row = Number(m[2]) - 1;
        while (grid.length <= row) grid.push([]);
        const r = grid[row];
        while (r.length < col) r.push("");
        r[col - 1] = c.value ?? "";
      }
      sheets.set(
        name,
        grid.map((r) => r.map((v) => v ?? "")),
      );
    }
    const cmp = compareWorkbook(sheets, { model: fx.model, settings: fx.settings, singleUnit: false });
    if (cmp.diffs.length > 0) throw new Error(formatDiffs(cmp.diffs));
    expect(cmp.checked).toBeGreaterThan(fx.model.assignments.length * 10);
    // Zero results are written (<v>0</v>), not left out.
    expect(
      [...(fx.cells.get(SHEETS.summary) ?? new Map()).values()].some(
        (c) => c.formula !== null && c.value === "0",
      ),
    ).toBe(true);
  });

  test("every formula cell of the plan carries its cached value", () => {
    let n = 0;
    for (const op of fx.plan.ops) {
      if (op.op !== "fillFormula" || !op.cached) continue;
      const [from] = op.address.split(":");
      const col = /^[A-Z]+/.exec(from)?.[0] as string;
      const row0 = Number(from.slice(col.length));
      op.cached.forEach((v, i) => {
        const c = raw(op.sheet, `${col}${row0 + i}`) as RawCell;
        expect(c.formula).toBe(op.formula.slice(1));
        expect(c.value).toBe(typeof v === "boolean" ? (v ? "1" : "0") : String(v));
        n += 1;
      });
    }
    expect(n).toBeGreaterThan(fx.model.assignments.length * 3);
  });

  test("formula-looking text stays a literal string cell (no formula, no apostrophe)", () => {
    const title = raw(SHEETS.tasks, "A1") as RawCell;
    expect(title).toMatchObject({ type: "s", formula: null, value: INJECTION[0] });
    const titleCol = columnLetter(TASK_COLUMNS.findIndex((c) => c.key === "title"));
    INJECTION.forEach((text, i) => {
      expect(raw(SHEETS.tasks, `${titleCol}${6 + i}`)).toMatchObject({
        type: "s",
        formula: null,
        value: text,
      });
      expect(sheet(SHEETS.tasks).getCell(`${titleCol}${6 + i}`).type).toBe(ExcelJS.ValueType.String);
    });
    // Evidence typed as formulas is text as well.
    for (const c of fx.cells.get(SHEETS.assignments)?.values() ?? []) {
      if (c.formula === null && typeof c.value === "string" && /^[=+@-]/.test(c.value))
        expect(c.type).toBe("s");
    }
  });

  test("http(s) evidence becomes a hyperlink; other schemes stay text", () => {
    const ws = sheet(SHEETS.assignments);
    const col = ASSIGNMENT_COLUMNS.findIndex((c) => c.key === "evidence") + 1;
    let links = 0;
    let plain = 0;
    fx.model.assignments.forEach((a, i) => {
      const v = ws.getCell(i + 2, col).value;
      if (a.evidence?.startsWith("https://")) {
        expect(v).toEqual({ text: a.evidence, hyperlink: a.evidence });
        links += 1;
      } else if (a.evidence?.startsWith("javascript:")) {
        expect(v).toBe(a.evidence);
        plain += 1;
      }
    });
    expect(links).toBeGreaterThan(0);
    expect(plain).toBeGreaterThan(0);
  });
});

describe("writeWorkbook options and every op kind", () => {
  const zipText = new Map<string, string>();
  beforeAll(async () => {
    const zip = await readZip(fx.bytes);
    for (const p of Object.keys(zip.files))
      if (/\.(xml|rels)$/.test(p)) zipText.set(p, await partText(zip, p));
  });

  test("cachedValues: false writes bare formulas", async () => {
    const cells = await readCells(await writeWorkbook(fx.plan, { cachedValues: false }));
    let formulas = 0;
    for (const sheetCells of cells.values()) {
      for (const c of sheetCells.values()) {
        if (c.formula === null) continue;
        formulas += 1;
        expect(c.value).toBeNull();
      }
    }
    expect(formulas).toBeGreaterThan(fx.model.assignments.length * 3);
  });

  test("calculatedColumns marks the formula columns of the tables", async () => {
    const zip = await readZip(await writeWorkbook(fx.plan, { calculatedColumns: true }));
    const tables = await Promise.all(
      Object.keys(zip.files)
        .filter((p) => /^xl\/tables\/[^/]+\.xml$/.test(p))
        .map((p) => partText(zip, p)),
    );
    const pc = tables.find((t) => t.includes('name="PhanCong"')) as string;
    expect(pc).toMatch(
      /<tableColumn id="15" name="Tình trạng"[^>]*><calculatedColumnFormula>IF\(PhanCong\[\[#This Row\],\[Trạng thái\]\]=&quot;Đã hoàn thành&quot;/,
    );
    expect((pc.match(/<calculatedColumnFormula>/g) ?? []).length).toBe(3);
    const nv = tables.find((t) => t.includes('name="NhiemVu"')) as string;
    expect((nv.match(/<calculatedColumnFormula>/g) ?? []).length).toBe(5);
  });

  test("the bar chart: parts, relationships, content types, the sheet's <drawing>; all XML well-formed", async () => {
    const zip = await readZip(fx.bytes);
    const chart = await partText(zip, "xl/charts/chart1.xml");
    const n = summaryLines(fx.model.assignments, fx.settings).lines.length;
    const levels = levelRates(fx.model.assignments, fx.settings).length + 1; // + Toàn tỉnh
    const has = (s: string) => expect(chart.includes(s)).toBe(true);
    has('<c:barDir val="bar"/><c:grouping val="clustered"/>');
    has(`<c:f>'Biểu đồ'!$A$39:$A$${levels + 38}</c:f><c:strCache><c:ptCount val="${levels}"/>`);
    has(
      `<c:f>'Biểu đồ'!$B$39:$B$${levels + 38}</c:f><c:numCache><c:formatCode>0.0%</c:formatCode><c:ptCount val="${levels}"/>`,
    );
    has("<a:t>Tỷ lệ hoàn thành theo cấp</a:t>");
    // One cached point per level, zero rates included.
    expect((chart.match(/<c:numCache>[\s\S]*<\/c:numCache>/)?.[0].match(/<c:pt /g) ?? []).length).toBe(
      levels,
    );
    const lowest = await partText(zip, "xl/charts/chart2.xml");
    expect(lowest).toContain(
      `<a:t>${Math.min(20, n)} đơn vị có tỷ lệ hoàn thành thấp nhất, so với toàn tỉnh</a:t>`,
    );
    expect(lowest).toContain(`<c:ptCount val="${Math.min(20, n) + 1}"/>`);
    expect(lowest).toContain(`<c:pt idx="0"><c:v>Toàn tỉnh</c:v></c:pt>`);
    const types = await partText(zip, "[Content_Types].xml");
    expect(types).toContain(
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    expect(types).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );
    expect(await partText(zip, "xl/drawings/_rels/drawing1.xml.rels")).toContain(
      'Target="../charts/chart1.xml"',
    );
    const summaryXml = await partText(zip, "xl/worksheets/sheet6.xml");
    const rel = /<drawing r:id="(rId\d+)"\/>/.exec(summaryXml)?.[1];
    expect(rel).toBeDefined();
    expect(await partText(zip, "xl/worksheets/_rels/sheet6.xml.rels")).toContain(
      `Id="${rel}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"`,
    );
    expect(await partText(zip, "xl/drawings/drawing1.xml")).toContain(
      "<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row>",
    );
    for (const path of Object.keys(zip.files).filter((p) => /\.(xml|rels)$/.test(p))) {
      const parser = new SaxesParser({ xmlns: true });
      expect(() => parser.write(zipText.get(path) ?? "").close()).not.toThrow();
    }
  });

  test("merge ops on tables, clearing a sheet, pivot note, filters", async () => {
    const notes: string[] = [];
    const ops: PlanOp[] = [
      { op: "ensureSheet", sheet: "Dữ liệu" },
      {
        op: "writeCells",
        sheet: "Dữ liệu",
        address: "B2",
        rows: [
          ["Mã", "Tên", "Điểm"],
          ["a", "Một", 1],
          ["b", "Hai", 2],
        ],
      },
      { op: "numberFormat", sheet: "Dữ liệu", address: "D3:D4", format: "0.00" },
      { op: "createTable", sheet: "Dữ liệu", name: "Bang", address: "B2:D4" },
      { op: "appendTableRows", table: "Bang", rows: [["c", "=Ba", null]] },
      { op: "updateTableCells", table: "Bang", row: 0, column: 1, rows: [["MỘT"]] },
      {
        op: "fillTableFormula",
        table: "Bang",
        column: 2,
        fromRow: 0,
        toRow: 2,
        formula: "=LEN(Bang[[#This Row],[Tên]])",
        cached: [3, 3, 3],
      },
      { op: "clearTableFilters", table: "Bang" },
      { op: "autoFilter", table: "Bang", column: 0, values: ["a"] },
      {
        op: "conditionalFormat",
        sheet: "Dữ liệu",
        address: "D3:D5",
        rule: { type: "formula", formula: "=$D3>2", fill: "#FFC7CE" },
      },
      {
        op: "conditionalFormat",
        sheet: "Dữ liệu",
        address: "F1",
        rule: { type: "textEquals", text: "x", fill: "#FFC7CE" },
      },
      { op: "clearConditionalFormats", sheet: "Dữ liệu", address: "D1:D9" },
      {
        op: "pivotTable",
        sheet: "Dữ liệu",
        name: "PT",
        sourceTable: "Bang",
        anchor: "H2",
        rows: ["Tên"],
        columns: [],
        values: [{ field: "Mã", summarizeBy: "count" }],
      },
      { op: "ensureSheet", sheet: "Tạm" },
      { op: "writeCells", sheet: "Tạm", address: "A1", rows: [["cũ"]] },
      {
        op: "chart",
        sheet: "Tạm",
        name: "C",
        kind: "barClustered",
        title: "t",
        categories: "A1:A1",
        values: "B1:B1",
        seriesName: "s",
        anchor: "C3",
        width: 100,
        height: 100,
      },
      { op: "ensureSheet", sheet: "Tạm", clear: true, charts: ["C"] },
      { op: "writeCells", sheet: "Tạm", address: "A2", rows: [["mới"]] },
      { op: "defineName", name: "Ten", sheet: "Tạm", address: "A2" },
    ];
    const bytes = await writeWorkbook({ ops }, { notes });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Dữ liệu", "Tạm"]);
    const ws = book.getWorksheet("Dữ liệu") as ExcelJS.Worksheet;
    const t = ws.getTable("Bang") as unknown as { table: { tableRef: string } };
    expect(t.table.tableRef).toBe("B2:D5");
    expect(ws.getCell("C3").value).toBe("MỘT");
    expect(ws.getCell("C5").value).toBe("=Ba"); // text, not a formula
    expect(ws.getCell("D5").value).toEqual({ formula: "LEN(Bang[[#This Row],[Tên]])", result: 3 });
    expect(ws.getCell("D5").numFmt).toBe("0.00"); // appended rows take the last row's formats
    expect(
      (ws as unknown as { conditionalFormattings: Array<{ ref: string }> }).conditionalFormattings.map(
        (c) => c.ref,
      ),
    ).toEqual(["F1"]);
    expect(notes).toHaveLength(1);
    const zip = await readZip(bytes);
    const comments = await partText(zip, "xl/comments1.xml"); // exceljs does not read notes back
    expect(comments).toContain('<comment ref="H2"');
    expect(comments).toContain("Bảng tổng hợp động “PT”");
    const tam = book.getWorksheet("Tạm") as ExcelJS.Worksheet;
    expect(tam.getCell("A1").value).toBeNull();
    expect(tam.getCell("A2").value).toBe("mới");
    expect(Object.keys(zip.files).some((p) => p.startsWith("xl/charts/"))).toBe(false);
  });

  test("control characters are dropped, text is capped at 32,767 characters", async () => {
    expect(cellText("a\u0000b\u0007c\td\ne\u001f")).toBe("abc\td\ne");
    expect(cellText("x\ud800y")).toBe("xy");
    const long = "ệ".repeat(40_000);
    expect(cellText(long)).toHaveLength(EXCEL_MAX_CELL_TEXT);
    const cells = await readCells(
      await writeWorkbook({
        ops: [
          { op: "ensureSheet", sheet: "S" },
          { op: "writeCells", sheet: "S", address: "A1", rows: [[`Tên\u0001 lạ\u000b`, long]] },
        ],
      }),
    );
    expect(cells.get("S")?.get("A1")?.value).toBe("Tên lạ");
    expect(cells.get("S")?.get("B1")?.value).toHaveLength(EXCEL_MAX_CELL_TEXT);
  });

  test("an unknown op kind throws; so do plans that cannot be applied", async () => {
    const s: PlanOp = { op: "ensureSheet", sheet: "S" };
    await expect(
      writeWorkbook({ ops: [s, { op: "sparkline", sheet: "S" } as unknown as PlanOp] }),
    ).rejects.toThrow(/không được hỗ trợ: "sparkline"/);
    await expect(
      writeWorkbook({ ops: [{ op: "writeCells", sheet: "S", address: "A1", rows: [[1]] }] }),
    ).rejects.toThrow(PlanApplyError);
    await expect(
      writeWorkbook({
        ops: [s, { op: "fillFormula", sheet: "S", address: "A1:A3", formula: "=1", cached: [1] }],
      }),
    ).rejects.toThrow(/3 ô/);
    await expect(
      writeWorkbook({
        ops: [
          s,
          { op: "writeCells", sheet: "S", address: "A1", rows: [[1, "b"]] },
          { op: "createTable", sheet: "S", name: "T", address: "A1:B2" },
        ],
      }),
    ).rejects.toThrow(/phải là chữ/);
    await expect(
      writeWorkbook({ ops: [s, { op: "writeCells", sheet: "S", address: "A1", rows: [[Number.NaN]] }] }),
    ).rejects.toThrow(/số không hợp lệ/);
    await expect(writeWorkbook({ ops: [s, { op: "clearTableFilters", table: "Khong" }] })).rejects.toThrow(
      /Không có bảng/,
    );
  });

  test("a one-unit workbook from a CSV catalogue", async () => {
    const catalogue = parseCatalogue(
      "STT,Nhiệm vụ,Cơ quan chủ trì,Thời hạn\n1,Rà soát,Sở Nội vụ; Sở Tư pháp,Quý IV/2024\n",
      {
        id: "t",
        title: "T",
        planYear: 2024,
        source: { document: "t.csv", official: false },
      },
    );
    const { plan } = buildWorkbookPlan({
      catalogue,
      settings: defaultSettings("2024-12-28"),
      reportDateIsToday: false,
      loadedFrom: "t.csv",
      loadedAt: "x",
      unit: { id: "STP", name: "Sở Tư pháp", level: "agency" },
    });
    const cells = await readCells(await writeWorkbook(plan));
    expect(cells.get(SHEETS.assignments)?.get("D2")?.value).toBe("Sở Tư pháp");
    expect(cells.get(SHEETS.tasks)?.get("O6")?.value).toBe("Sắp đến hạn");
  });
});
