/**
 * Xuất danh mục (the task table back to a cchc-catalogue/1 file that parses to the same tasks)
 * and reading a unit's own table for import (selection vs used range; reading changes nothing).
 */
import {
  exportCatalogue,
  MAX_IMPORT_CELLS,
  readSheetForImport,
} from "../../../src/taskpane/actions/catalogueIO";
import { ActionError } from "../../../src/taskpane/actions/common";
import { parseCatalogue } from "../../../src/core/catalogue/parse";
import { loadBundledCatalogue } from "../../../src/core/catalogue/bundled";
import { SHEETS } from "../../../src/core/workbook/layout";
import type { Catalogue } from "../../../src/core/catalogue/types";
import type { WorkbookDouble } from "../../double/workbookDouble";
import {
  catalogueOf,
  catalogueWithRows,
  installDouble,
  newVersion,
  pull,
  REPORT_DATE,
} from "../../double/testkit";

function tasksOf(c: Catalogue) {
  return c.tasks.map(({ id, area, title, lead, coordinating, output, deadline }) => ({
    id,
    area,
    title,
    lead,
    coordinating,
    output,
    deadline,
  }));
}

describe("exportCatalogue", () => {
  const cases: Array<[string, () => Promise<Catalogue> | Catalogue]> = [
    ["demo-2024", () => loadBundledCatalogue("demo-2024")],
    ["cv-5893-2024 (official)", () => loadBundledCatalogue("cv-5893-2024")],
    ["5,000 generated rows", () => catalogueWithRows(5000)],
    [
      "a hostile catalogue (formula-, number- and date-looking text)",
      () =>
        catalogueOf([
          {
            id: "1.1",
            area: "I",
            title: '=HYPERLINK("http://x","y")',
            lead: "Sở Nội vụ",
            coordinating: "+1",
            output: "0123",
            deadline: "30/11/2024",
          },
          {
            id: "0123",
            area: "II",
            title: "- Rà soát",
            lead: "@Sở Tư pháp",
            output: "TRUE",
            deadline: "Quý IV/2024",
          },
          { id: "TRUE", area: "III", title: "＝1+1", lead: "Sở Tài chính", deadline: "" },
        ]),
    ],
  ];

  test.each(cases)(
    "%s: the exported file parses back to the same tasks",
    async (_label, make) => {
      const catalogue = await make();
      const d = installDouble();
      await pull(d, catalogue, { reportDate: REPORT_DATE });
      d.workbook.clearWrites();
      const out = await d.Excel.run((ctx) => exportCatalogue(ctx));
      const back = parseCatalogue(out.json);
      expect(tasksOf(back)).toEqual(tasksOf(catalogue));
      expect([back.id, back.title, back.planYear, back.source.official, out.official]).toEqual([
        catalogue.id,
        catalogue.title,
        2024,
        catalogue.source.official,
        catalogue.source.official,
      ]);
      expect(out.fileName).toBe(`${catalogue.id}.json`);
      expect(out.taskCount).toBe(catalogue.tasks.length);
      expect(d.workbook.writes()).toEqual([]);
    },
    60_000,
  );

  test("tasks that left the catalogue are not exported; the user's sort does not matter", async () => {
    const base = catalogueWithRows(55);
    const v = newVersion(base, { add: 2, remove: 3 });
    const d = installDouble();
    await pull(d, base, { reportDate: REPORT_DATE });
    await pull(d, v.catalogue);
    d.workbook.reorderTableRows(
      "NhiemVu",
      [...Array(d.workbook.table("NhiemVu").rows.length).keys()].reverse(),
    );
    const back = parseCatalogue((await d.Excel.run((ctx) => exportCatalogue(ctx))).json);
    expect(back.tasks.map((t) => t.id).sort()).toEqual(v.catalogue.tasks.map((t) => t.id).sort());
    expect(back.tasks.some((t) => v.removed.includes(t.id))).toBe(false);
  });

  test("without the task table → ActionError", async () => {
    const d = installDouble();
    await expect(d.Excel.run((ctx) => exportCatalogue(ctx))).rejects.toBeInstanceOf(ActionError);
  });
});

describe("readSheetForImport", () => {
  async function unitSheet() {
    const d = installDouble({ sheets: ["Bảng của đơn vị", "Khác"] });
    d.workbook.type("Bảng của đơn vị", "B2:E5", [
      ["'STT", "'Nội dung", "'Thời hạn", "'Kết quả"],
      [1, "'Rà soát TTHC", "30/11/2024", "'Đã xong"],
      [2, "'=không phải công thức", "'Quý IV/2024", ""],
      [3, "'Số hóa", "", "'x"],
    ]);
    // A formatted but empty cell far away is not part of the table (used range with valuesOnly).
    await d.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Bảng của đơn vị").getRange("H40").numberFormat = [["0%"]];
    });
    expect(d.workbook.sheet("Bảng của đơn vị").usedAddress()).toBe("B2:H40");
    return d;
  }

  test.each<[string, string | null, string, unknown[][]]>([
    [
      "a multi-cell selection is read as is",
      "C2:D3",
      "'Bảng của đơn vị'!C2:D3",
      [
        ["Nội dung", "Thời hạn"],
        ["Rà soát TTHC", 45626],
      ],
    ],
    [
      "a single selected cell → the sheet's used range (values only)",
      "A1",
      "'Bảng của đơn vị'!B2:E5",
      [
        ["STT", "Nội dung", "Thời hạn", "Kết quả"],
        [1, "Rà soát TTHC", 45626, "Đã xong"],
        [2, "=không phải công thức", "Quý IV/2024", ""],
        [3, "Số hóa", "", "x"],
      ],
    ],
    [
      "no selection set → the used range",
      null,
      "'Bảng của đơn vị'!B2:E5",
      [
        ["STT", "Nội dung", "Thời hạn", "Kết quả"],
        [1, "Rà soát TTHC", 45626, "Đã xong"],
        [2, "=không phải công thức", "Quý IV/2024", ""],
        [3, "Số hóa", "", "x"],
      ],
    ],
  ])("%s; reading changes nothing; 2 round trips", async (_label, selection, address, rows) => {
    const d = await unitSheet();
    if (selection) d.workbook.select("Bảng của đơn vị", selection);
    const before = d.workbook.snapshot();
    d.stats.reset();
    const out = await d.Excel.run((ctx) => readSheetForImport(ctx));
    expect(out).toEqual({ sheet: "Bảng của đơn vị", address, rows });
    expect(d.workbook.snapshot()).toEqual(before);
    expect(d.stats.syncs).toBe(2);
  });

  test.each<[string, (d: WorkbookDouble) => void, RegExp]>([
    ["an empty active sheet", (d) => d.workbook.activate("Khác"), /trống/],
    [
      "a selection above the cell limit",
      (d) => d.workbook.select("Bảng của đơn vị", `A1:T${MAX_IMPORT_CELLS / 20 + 1}`),
      /quá lớn/,
    ],
    ["a sheet the add-in made", (d) => d.workbook.select(SHEETS.assignments, "A1:C3"), /do bổ trợ tạo/],
  ])("%s → ActionError", async (_label, arrange, message) => {
    const d = await unitSheet();
    d.workbook.addSheet(SHEETS.assignments);
    arrange(d);
    const err = await d.Excel.run((ctx) => readSheetForImport(ctx)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ActionError);
    expect((err as ActionError).message).toMatch(message);
  });
});
