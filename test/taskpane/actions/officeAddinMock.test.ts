/**
 * Small adapters tested with Microsoft's office-addin-mock (issue 5 asks for it): the values set
 * and the number of round trips. The mock has limits the workbook double does not: it queues
 * nothing (a write is visible at once), and reading a property that was not loaded returns the
 * string "Error, property was not loaded" instead of throwing — which is truthy, so an adapter
 * testing `isNullObject` after `load("name")` would see a null object. The first test pins that
 * behaviour down; the others set `isNullObject` as a plain property, as Office.js would report it.
 */
import { OfficeMockObject } from "office-addin-mock";
import { setReportDate } from "../../../src/taskpane/actions/reportDate";
import { readTrackerStatus } from "../../../src/taskpane/actions/status";
import { loadDocumentSettings, saveDocumentSettings } from "../../../src/taskpane/actions/documentSettings";
import { ActionError } from "../../../src/taskpane/actions/common";
import { CONFIG_READ_ADDRESS } from "../../../src/core/workbook/config";
import { toExcelSerial } from "../../../src/core/dates/isoDate";

type Mock = Record<string, unknown> & { sync: () => Promise<void> };

/** An OfficeMockObject context whose syncs are counted. */
function mockContext(data: Record<string, unknown>): {
  context: Excel.RequestContext;
  mock: Mock;
  syncs: () => number;
} {
  const mock = new OfficeMockObject(data) as unknown as Mock;
  const original = mock.sync.bind(mock);
  let count = 0;
  mock.sync = async () => {
    count += 1;
    await original();
  };
  return { context: mock as unknown as Excel.RequestContext, mock, syncs: () => count };
}

function namesData() {
  return {
    workbook: {
      names: {
        item: {
          name: "NgayBaoCao",
          range: { address: "'Cấu hình'!B3" },
          getRange: function (this: Record<string, unknown>) {
            return this.range;
          },
        },
        getItemOrNullObject: function (this: Record<string, unknown>, name: string) {
          this.requested = name;
          return this.item;
        },
      },
    },
  };
}

function item(mock: Mock): Record<string, unknown> & { range: Record<string, unknown> } {
  return ((mock.workbook as Record<string, unknown>).names as Record<string, unknown>).item as Record<
    string,
    unknown
  > & { range: Record<string, unknown> };
}

describe("office-addin-mock: setReportDate", () => {
  test("limitation: isNullObject that was not loaded reads as a truthy error string", async () => {
    const { context, mock } = mockContext(namesData());
    const name = (
      mock.workbook as {
        names: {
          getItemOrNullObject: (n: string) => Record<string, unknown> & { load: (p: string) => void };
        };
      }
    ).names.getItemOrNullObject("NgayBaoCao");
    name.load("name");
    await context.sync();
    expect(name.name).toBe("NgayBaoCao");
    expect(name.isNullObject).toBeUndefined(); // not in the data: undefined, not an Office.js boolean
    const withFlag = mockContext({
      workbook: {
        names: {
          item: { name: "x", isNullObject: false },
          getItemOrNullObject: function (this: Record<string, unknown>) {
            return this.item;
          },
        },
      },
    });
    const n2 = (
      withFlag.mock.workbook as {
        names: { getItemOrNullObject: () => Record<string, unknown> & { load: (p: string) => void } };
      }
    ).names.getItemOrNullObject();
    n2.load("name");
    await withFlag.context.sync();
    expect(n2.isNullObject).toBe("Error, property was not loaded");
  });

  test.each<[string, string | "today", Record<string, unknown>]>([
    [
      "a fixed date writes the serial",
      "2024-11-30",
      { values: [[toExcelSerial("2024-11-30")]], numberFormat: [["dd/mm/yyyy"]] },
    ],
    ["today writes =TODAY()", "today", { formulas: [["=TODAY()"]], numberFormat: [["dd/mm/yyyy"]] }],
  ])("%s, in 2 round trips", async (_label, date, want) => {
    const { context, mock, syncs } = mockContext(namesData());
    item(mock).isNullObject = false;
    const stats = await setReportDate(context, date);
    expect((mock.workbook as { names: Record<string, unknown> }).names.requested).toBe("NgayBaoCao");
    expect(item(mock).range).toMatchObject(want);
    expect(item(mock).range.values === undefined).toBe(date === "today");
    expect([stats.syncs, syncs()]).toEqual([2, 2]);
  });

  test("no NgayBaoCao → ActionError after 1 round trip, nothing set", async () => {
    const { context, mock, syncs } = mockContext(namesData());
    item(mock).isNullObject = true;
    await expect(setReportDate(context, "2024-11-30")).rejects.toBeInstanceOf(ActionError);
    expect(syncs()).toBe(1);
    expect(item(mock).range.values).toBeUndefined();
    expect(item(mock).range.formulas).toBeUndefined();
  });
});

describe("office-addin-mock: readTrackerStatus", () => {
  function statusData(reportCell: unknown, formula: string) {
    const block: unknown[][] = Array.from({ length: 29 }, () => ["", ""]);
    block[0] = ["Ngày báo cáo", reportCell];
    block[1] = ["Số ngày", 7];
    block[2] = ["Tính cả", false];
    block[6] = ["Cách tính", "Tỷ lệ"];
    block[7] = ["Điểm tối đa", 2];
    block[19] = ["Mã danh mục", "demo-2024"];
    block[20] = ["Tên danh mục", "Kế hoạch minh họa"];
    block[22] = ["Chính thức", "Không — dữ liệu minh họa"];
    block[25] = ["Năm kế hoạch", 2024];
    block[28] = ["Đơn vị của sổ", "Tất cả đơn vị"];
    return {
      workbook: {
        tables: {
          phanCong: { name: "PhanCong" },
          bacDiem: {
            name: "BacDiem",
            isNullObject: false,
            body: {
              values: [
                [1, 2],
                [0.8, 1],
              ],
            },
            getDataBodyRange: function (this: Record<string, unknown>) {
              return this.body;
            },
            // A table written before the "Cận dưới" column: two headers.
            header: { values: [["Tỷ lệ tối thiểu", "Điểm"]] },
            getHeaderRowRange: function (this: Record<string, unknown>) {
              return this.header;
            },
          },
          getItemOrNullObject: function (this: Record<string, unknown>, name: string) {
            return name === "BacDiem" ? this.bacDiem : this.phanCong;
          },
        },
        worksheets: {
          config: {
            name: "Cấu hình",
            block: { values: block },
            dateCell: { formulas: [[formula]] },
            getRange: function (this: Record<string, unknown>, address: string) {
              this.asked = [...((this.asked as string[] | undefined) ?? []), address];
              return address === CONFIG_READ_ADDRESS ? this.block : this.dateCell;
            },
          },
          getItemOrNullObject: function (this: Record<string, unknown>) {
            return this.config;
          },
        },
      },
    };
  }

  test.each<[string, unknown, string, { reportDate: string | null; reportDateIsToday: boolean }]>([
    ["a fixed date", 45626, "45626", { reportDate: "2024-11-30", reportDateIsToday: false }],
    ["=TODAY()", 45628, "=TODAY()", { reportDate: "2024-12-02", reportDateIsToday: true }],
    ["text in the date cell", "hôm nay", "hôm nay", { reportDate: null, reportDateIsToday: false }],
  ])("%s → status, in one round trip", async (_label, cell, formula, want) => {
    const data = statusData(cell, formula);
    const { context, mock, syncs } = mockContext(data);
    const wb = mock.workbook as {
      tables: { phanCong: Record<string, unknown> };
      worksheets: { config: Record<string, unknown> };
    };
    wb.tables.phanCong.isNullObject = false;
    wb.worksheets.config.isNullObject = false;
    const s = await readTrackerStatus(context);
    expect(syncs()).toBe(1);
    expect(wb.worksheets.config.asked).toEqual([CONFIG_READ_ADDRESS, "B3"]);
    expect(s).toMatchObject({ exists: true, ...want });
    expect(s.catalogue).toMatchObject({
      id: "demo-2024",
      title: "Kế hoạch minh họa",
      official: false,
      planYear: 2024,
      unitName: null,
    });
    expect(s.problems.length > 0).toBe(want.reportDate === null);
    // The tier table is covered against the workbook double; here the rule cells are checked.
    if (want.reportDate === null) expect(s.rule).toBeNull();
    else expect(s.rule).toMatchObject({ mode: "proportional", maxPoints: 2, threshold: 0, latePenalty: 0 });
  });
});

describe("office-addin-mock: document settings", () => {
  function settingsData(value: string | null) {
    return {
      workbook: {
        settings: {
          stored: { value: value ?? "" },
          getItemOrNullObject: function (this: Record<string, unknown>, key: string) {
            this.askedKey = key;
            return this.stored;
          },
          add: function (this: Record<string, unknown>, key: string, v: unknown) {
            this.added = [key, v];
          },
        },
      },
    };
  }

  test("save: one settings.add of the JSON, one round trip", async () => {
    const { context, mock, syncs } = mockContext(settingsData(null));
    await saveDocumentSettings(context, { language: "en", lastSource: "demo-2024" });
    expect((mock.workbook as { settings: Record<string, unknown> }).settings.added).toEqual([
      "cchc.settings",
      '{"language":"en","lastSource":"demo-2024"}',
    ]);
    expect(syncs()).toBe(1);
  });

  test.each<[string, string | null, boolean, object]>([
    [
      "stored settings",
      '{"catalogueUrl":"https://x.vn/a.json","language":"vi"}',
      false,
      { catalogueUrl: "https://x.vn/a.json", language: "vi" },
    ],
    ["no setting (null object)", null, true, {}],
    ["garbage", "{{", false, {}],
  ])("load %s, one round trip", async (_label, value, isNull, want) => {
    const { context, mock, syncs } = mockContext(settingsData(value));
    const settings = (mock.workbook as { settings: Record<string, Record<string, unknown>> }).settings;
    settings.stored.isNullObject = isNull;
    expect(await loadDocumentSettings(context)).toEqual(want);
    expect(settings.askedKey).toBe("cchc.settings");
    expect(syncs()).toBe(1);
  });
});
