import { DEFAULT_SCORE_RULE } from "../../../src/core/scoring/score";
/**
 * Document settings (kept in the workbook) and the pane's first screen (readTrackerStatus),
 * against the workbook double.
 */
import {
  loadDocumentSettings,
  saveDocumentSettings,
  type DocumentSettings,
} from "../../../src/taskpane/actions/documentSettings";
import { readTrackerStatus } from "../../../src/taskpane/actions/status";
import { setReportDate } from "../../../src/taskpane/actions/reportDate";
import { SHEETS } from "../../../src/core/workbook/layout";
import { toExcelSerial } from "../../../src/core/dates/isoDate";
import { findUnit } from "../../../src/core/units/units";
import { loadBundledCatalogue } from "../../../src/core/catalogue/bundled";
import { catalogueWithRows, installDouble, pull, REPORT_DATE } from "../../double/testkit";

describe("document settings", () => {
  test.each<[string, DocumentSettings]>([
    [
      "everything",
      {
        catalogueUrl: "https://cchc.quangngai.gov.vn/danh-muc.json",
        lastSource: "demo-2024",
        language: "en",
      },
    ],
    ["only the language", { language: "vi" }],
    ["nothing", {}],
  ])("save then load: %s (one round trip each)", async (_label, settings) => {
    const d = installDouble();
    await d.Excel.run((ctx) => saveDocumentSettings(ctx, settings));
    expect(d.workbook.settings()).toEqual({ "cchc.settings": JSON.stringify(settings) });
    d.stats.reset();
    const back = await d.Excel.run((ctx) => loadDocumentSettings(ctx));
    expect(back).toEqual(settings);
    expect(d.stats.syncs).toBe(1);
  });

  test.each<[string, unknown, DocumentSettings]>([
    ["not JSON", "{oops", {}],
    ["JSON that is not an object", "42", {}],
    ["a language we do not have", JSON.stringify({ language: "fr", lastSource: "x" }), { lastSource: "x" }],
    ["fields of the wrong type", JSON.stringify({ catalogueUrl: 5, lastSource: ["a"] }), {}],
    ["a non-string setting", { language: "en" }, {}],
  ])("a stored value that is %s → the valid part only", async (_label, stored, want) => {
    const d = installDouble();
    d.workbook.setSetting("cchc.settings", stored);
    expect(await d.Excel.run((ctx) => loadDocumentSettings(ctx))).toEqual(want);
  });

  test("no stored settings → {}", async () => {
    const d = installDouble();
    expect(await d.Excel.run((ctx) => loadDocumentSettings(ctx))).toEqual({});
  });

  test("saving again replaces the value", async () => {
    const d = installDouble();
    await d.Excel.run((ctx) => saveDocumentSettings(ctx, { language: "en" }));
    await d.Excel.run((ctx) => saveDocumentSettings(ctx, { language: "vi", lastSource: "cv-5893-2024" }));
    expect(await d.Excel.run((ctx) => loadDocumentSettings(ctx))).toEqual({
      language: "vi",
      lastSource: "cv-5893-2024",
    });
  });
});

describe("readTrackerStatus", () => {
  test("an empty workbook → exists: false, one round trip, nothing written", async () => {
    const d = installDouble();
    const before = d.workbook.snapshot();
    expect(await d.Excel.run((ctx) => readTrackerStatus(ctx))).toEqual({
      exists: false,
      catalogue: null,
      reportDate: null,
      reportDateIsToday: false,
      rule: null,
      problems: [],
    });
    expect(d.stats.syncs).toBe(1);
    expect(d.workbook.snapshot()).toEqual(before);
  });

  test("after a pull with a fixed date: the catalogue and the date", async () => {
    const d = installDouble();
    const catalogue = catalogueWithRows(55);
    await pull(d, catalogue, { reportDate: REPORT_DATE });
    d.stats.reset();
    const s = await d.Excel.run((ctx) => readTrackerStatus(ctx));
    expect(s).toEqual({
      exists: true,
      catalogue: {
        id: catalogue.id,
        title: catalogue.title,
        document: catalogue.source.document,
        official: false,
        planYear: 2024,
        unitName: null,
        // A 2024 workbook records no "Bản đồ đơn vị" row: the map of its plan year.
        unitsAsOf: null,
      },
      reportDate: REPORT_DATE,
      reportDateIsToday: false,
      rule: { ...DEFAULT_SCORE_RULE, tiers: DEFAULT_SCORE_RULE.tiers.map((t) => ({ ...t })) },
      problems: [],
    });
    expect(d.stats.syncs).toBe(1);
  });

  test("=TODAY() in the report-date cell is recognised (its value is what Excel computed)", async () => {
    const d = installDouble();
    d.workbook.setFormulaResult("=TODAY()", toExcelSerial("2024-12-02"));
    await pull(d, catalogueWithRows(55));
    expect(d.workbook.sheet(SHEETS.config).cell("B3")?.formula).toBe("=TODAY()");
    const s = await d.Excel.run((ctx) => readTrackerStatus(ctx));
    expect([s.reportDateIsToday, s.reportDate]).toEqual([true, "2024-12-02"]);
    await d.Excel.run((ctx) => setReportDate(ctx, "2024-12-31"));
    const fixed = await d.Excel.run((ctx) => readTrackerStatus(ctx));
    expect([fixed.reportDateIsToday, fixed.reportDate]).toEqual([false, "2024-12-31"]);
  });

  test("a one-unit workbook reports its unit", async () => {
    const d = installDouble();
    const unit = findUnit("Sở Nội vụ");
    await pull(d, await loadBundledCatalogue("demo-2024"), { reportDate: REPORT_DATE, unit });
    const s = await d.Excel.run((ctx) => readTrackerStatus(ctx));
    expect(s.catalogue?.unitName).toBe(unit?.name);
  });

  test.each<[string, string, unknown[][], RegExp]>([
    ["Số ngày sắp đến hạn is text", "B4", [["'bảy"]], /Số ngày “sắp đến hạn”|Số ngày sắp đến hạn/],
    ["Tính cả đơn vị phối hợp is not TRUE/FALSE", "B5", [["'có"]], /TRUE hoặc FALSE/],
    ["Cách tính is unknown", "B9", [["'Điểm"]], /Cách tính/],
  ])("%s → a problem naming the cell", async (_label, address, values, problem) => {
    const d = installDouble();
    await pull(d, catalogueWithRows(55), { reportDate: REPORT_DATE });
    d.workbook.type(SHEETS.config, address, values);
    const s = await d.Excel.run((ctx) => readTrackerStatus(ctx));
    expect(s.exists).toBe(true);
    expect(s.problems.join(" ")).toMatch(problem);
  });
});
