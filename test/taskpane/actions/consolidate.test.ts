/**
 * Tổng hợp từ đơn vị in the pane, on the workbook double: the provincial workbook is built by the
 * real pull; each unit's file is the plain values a unit workbook holds (its Cấu hình block with
 * its own scope, its own PhanCong rows, edited). Checks: what is written (user cells, provenance
 * columns added once, Nộp báo cáo, the units-reported line), conflicts by choice, a reviewer's
 * value kept, a one-unit workbook refused with nothing written, and the round-trip and payload
 * budgets with all 211 units of 2024 sending a file.
 */
import { applyConsolidation, previewConsolidation } from "../../../src/taskpane/actions/consolidate";
import { buildReport, buildSummary } from "../../../src/taskpane/actions/summary";
import { listUnits, displayName } from "../../../src/core/units/units";
import { SHEETS, TABLES, ALL_UNITS } from "../../../src/core/workbook/layout";
import { CONFIG_ROWS } from "../../../src/core/workbook/sheets";
import {
  PROVENANCE_HEADERS,
  REPORTED_LABEL,
  SUBMISSION_HEADERS,
  SUBMISSIONS_SHEET,
  conflictKey,
  type UnitFileInput,
} from "../../../src/core/consolidate";
import type { Catalogue, CatalogueTask } from "../../../src/core/catalogue/types";
import type { WorkbookDouble } from "../../double/workbookDouble";
import {
  catalogueOf,
  installDouble,
  pull,
  REPORT_DATE,
  syncBudget,
  tableRecords,
} from "../../double/testkit";

jest.setTimeout(120_000);

/** A catalogue in which each of `units` leads `per` tasks. */
function catalogueLedBy(units: readonly string[], per: number): Catalogue {
  const areas = ["I", "II", "III", "IV", "V", "VI", "VII"] as const;
  const tasks: CatalogueTask[] = [];
  units.forEach((u, k) => {
    for (let j = 0; j < per; j++) {
      const n = k * per + j;
      tasks.push({
        id: `${areas[n % 7]}.${n + 1}`,
        area: areas[n % 7],
        title: `Nhiệm vụ ${n + 1}: rà soát thủ tục hành chính`,
        lead: u,
        deadline: "Quý IV/2024",
      });
    }
  });
  return catalogueOf(tasks, { id: "tong-hop-test", title: "Danh mục tổng hợp", version: "1" });
}

/** What a unit's workbook holds: the province's Cấu hình with the unit's scope, its own rows edited. */
function unitFile(
  d: WorkbookDouble,
  unit: string,
  edit: (
    taskId: string,
    i: number,
  ) => Partial<Record<"Trạng thái" | "Ngày hoàn thành" | "Minh chứng" | "Ghi chú", unknown>>,
  options: { name?: string; savedAt?: string } = {},
): UnitFileInput {
  const config = d.workbook
    .sheet(SHEETS.config)
    .values("A1:C45")
    .map((r) => [...r]) as unknown[][];
  config[CONFIG_ROWS.catalogueFirst + 9 - 1][1] = unit;
  const t = d.workbook.table(TABLES.assignments);
  const col = (h: string) => t.headers.indexOf(h);
  const rows = t.rows
    .filter((r) => r[col("Đơn vị")] === unit)
    .map((r, i) => {
      const row = [...r] as unknown[];
      for (const [h, v] of Object.entries(edit(String(r[col("Mã NV")]), i))) row[col(h)] = v;
      return row;
    });
  return {
    name: options.name ?? `${unit}.xlsx`,
    fileTime: "2024-12-01T08:00:00Z",
    values: {
      sheetNames: [SHEETS.config, SHEETS.assignments],
      config,
      assignments: { headers: [...t.headers], rows },
      savedAt: options.savedAt ?? "2024-12-10T09:00:00Z",
    },
  };
}

const NONE = { all: "province" as const, rows: {} };

describe("Tổng hợp từ đơn vị on the workbook double", () => {
  const units = listUnits("agency")
    .slice(0, 3)
    .map((u) => displayName(u));

  test("writes the unit's cells, adds the provenance columns once, rebuilds Nộp báo cáo, keeps the reviewer's value as chosen", async () => {
    const d = installDouble();
    await pull(d, catalogueLedBy(units, 2), { reportDate: REPORT_DATE });
    await d.Excel.run((ctx) => buildSummary(ctx));
    const done = unitFile(d, units[0], (_id, i) => (i === 0 ? { "Trạng thái": "x", "Ghi chú": "=1+1" } : {}));
    const rejected: UnitFileInput = { name: "hong.xlsx", fileTime: null, problem: "Tệp .xlsx bị hỏng." };

    const preview = await d.Excel.run((ctx) => previewConsolidation(ctx, [done, rejected]));
    expect(preview.report.accepted.map((a) => [a.file, a.unit, a.rowsUpdated])).toEqual([
      [`${units[0]}.xlsx`, units[0], 1],
    ]);
    expect(preview.report.rejected.map((r) => r.file)).toEqual(["hong.xlsx"]);
    expect(d.workbook.sheetNames()).not.toContain(SUBMISSIONS_SHEET); // a preview writes nothing

    const out = await d.Excel.run((ctx) => applyConsolidation(ctx, [done, rejected], NONE));
    expect(out.rowsWritten).toBe(1);
    expect(out.addedColumns).toEqual([PROVENANCE_HEADERS.source, PROVENANCE_HEADERS.at]);
    const recs = tableRecords(d, TABLES.assignments);
    const row = recs.find((r) => r["Đơn vị"] === units[0] && r["Trạng thái"] !== "") as Record<
      string,
      unknown
    >;
    expect(row["Trạng thái"]).toBe("Đã hoàn thành");
    // Literal text, not a formula; the typed form of the status is kept in the note (as headless).
    expect(row["Ghi chú"]).toBe("=1+1; Trạng thái gốc: x");
    expect(row[PROVENANCE_HEADERS.source]).toBe(`${units[0]}.xlsx`);
    expect(typeof row[PROVENANCE_HEADERS.at]).toBe("number");
    const sub = d.workbook.sheet(SUBMISSIONS_SHEET).values();
    expect(sub[0]).toEqual([...SUBMISSION_HEADERS]);
    expect(sub.slice(1).map((r) => [r[0], r[1]])).toEqual([
      [units[0], "Đã nộp"],
      [units[1], "Chưa nộp"],
      [units[2], "Chưa nộp"],
    ]);
    const summaryA = d.workbook
      .sheet(SHEETS.summary)
      .values()
      .map((r) => r[0]);
    expect(summaryA.filter((v) => v === REPORTED_LABEL)).toHaveLength(1);

    // The reviewer types a value; the unit sends another: a conflict, kept or taken as chosen.
    const t = d.workbook.table(TABLES.assignments);
    const r1 = t.rows.findIndex((r) => r[t.headers.indexOf("Đơn vị")] === units[1]);
    const [, top] = /(\d+)/.exec(t.address) as RegExpExecArray;
    const statusCol = String.fromCharCode(65 + t.headers.indexOf("Trạng thái"));
    d.workbook.type(SHEETS.assignments, `${statusCol}${Number(top) + 1 + r1}`, [["Đang thực hiện"]]);
    const second = unitFile(d, units[1], (_id, i) => (i === 0 ? { "Trạng thái": "Đã hoàn thành" } : {}));
    const again = [done, second];
    const p2 = await d.Excel.run((ctx) => previewConsolidation(ctx, again));
    expect(p2.report.conflicts).toHaveLength(1);
    expect(p2.report.rowsUpdated).toBe(0); // done.xlsx changes nothing the second time
    const c = p2.report.conflicts[0];
    await d.Excel.run((ctx) => applyConsolidation(ctx, again, NONE));
    expect(d.workbook.table(TABLES.assignments).rows[r1][t.headers.indexOf("Trạng thái")]).toBe(
      "Đang thực hiện",
    );
    await d.Excel.run((ctx) =>
      applyConsolidation(ctx, again, { all: "province", rows: { [conflictKey(c.file, c.taskId)]: "unit" } }),
    );
    const after = d.workbook.table(TABLES.assignments);
    expect(after.rows[r1][after.headers.indexOf("Trạng thái")]).toBe("Đã hoàn thành");
    // Columns added once; the line on Tổng hợp stays one line.
    expect(after.headers.filter((h) => h === PROVENANCE_HEADERS.source)).toHaveLength(1);
    expect(
      d.workbook
        .sheet(SHEETS.summary)
        .values()
        .filter((r) => r[0] === REPORTED_LABEL),
    ).toHaveLength(1);
    expect(
      d.workbook
        .sheet(SUBMISSIONS_SHEET)
        .values()
        .slice(1)
        .filter((r) => r[1] === "Đã nộp"),
    ).toHaveLength(2);

    // The pane's own Tổng hợp / Báo cáo rebuild keeps the line, counted from Nộp báo cáo.
    for (const build of [buildSummary, buildReport]) {
      await d.Excel.run((ctx) => build(ctx));
      for (const sheet of [SHEETS.summary, ...(build === buildReport ? [SHEETS.report] : [])]) {
        const lines = d.workbook
          .sheet(sheet)
          .formulas()
          .filter((r) => r[0] === REPORTED_LABEL);
        // Native formulas over Nộp báo cáo (the double stores formulas; Excel computes 2 and 3).
        expect([sheet, lines.map((r) => [r[1], r[3]])]).toEqual([
          sheet,
          [[`=COUNTIF('${SUBMISSIONS_SHEET}'!$B:$B,"Đã nộp")`, `=COUNTA('${SUBMISSIONS_SHEET}'!$A:$A)-1`]],
        ]);
      }
    }
  });

  test("a one-unit workbook refuses the workflow in Vietnamese and writes nothing", async () => {
    const d = installDouble();
    await pull(d, catalogueLedBy(units, 1), { reportDate: REPORT_DATE, unit: listUnits("agency")[0] });
    const scope = d.workbook.sheet(SHEETS.config).values(`B${CONFIG_ROWS.catalogueFirst + 9}`)[0][0];
    expect(scope).not.toBe(ALL_UNITS);
    const before = d.workbook.snapshot();
    const file = unitFile(d, units[0], () => ({ "Trạng thái": "x" }));
    await expect(d.Excel.run((ctx) => applyConsolidation(ctx, [file], NONE))).rejects.toMatchObject({
      problems: [expect.stringMatching(/sổ của một đơn vị .*không phải sổ tỉnh/)],
    });
    expect(d.workbook.snapshot()).toEqual(before);
  });

  test("211 units each sending a file: syncs ≤ 3 + ceil(bytes / 4 MB), every request and response < 5 MB", async () => {
    const all = listUnits().map((u) => displayName(u));
    expect(all.length).toBe(211);
    const d = installDouble();
    await pull(d, catalogueLedBy(all, 10), { reportDate: REPORT_DATE });
    const files = all.map((u) =>
      unitFile(d, u, (id, i) => ({
        "Trạng thái": i % 2 === 0 ? "Đã hoàn thành" : "Đang thực hiện",
        "Ngày hoàn thành": i % 2 === 0 ? 45_600 + i : "",
        "Minh chứng": `https://${u.length}.example.vn/mc/${id}`,
        "Ghi chú": `Đơn vị ${u} báo cáo nhiệm vụ ${id}`.repeat(3),
      })),
    );
    for (const [label, run] of [
      ["preview", () => d.Excel.run((ctx) => previewConsolidation(ctx, files))],
      ["apply", () => d.Excel.run((ctx) => applyConsolidation(ctx, files, NONE))],
    ] as const) {
      d.stats.reset();
      const r = await run();
      expect([label, r.report.accepted.length]).toEqual([label, 211]);
      if (process.env.CONSOLIDATE_FIGURES)
        console.log(
          label,
          d.stats.syncs,
          d.stats.totalBytes(),
          d.stats.maxRequestBytes(),
          d.stats.maxResponseBytes(),
        );
      expect(d.stats.syncs).toBeLessThanOrEqual(syncBudget(d.stats.totalBytes()));
      expect(d.stats.maxRequestBytes()).toBeLessThan(5_000_000);
      expect(d.stats.maxResponseBytes()).toBeLessThan(5_000_000);
    }
    const recs = tableRecords(d, TABLES.assignments);
    expect(recs).toHaveLength(2110);
    expect(recs.every((r) => r[PROVENANCE_HEADERS.source] === `${r["Đơn vị"]}.xlsx`)).toBe(true);
    expect(
      d.workbook
        .sheet(SUBMISSIONS_SHEET)
        .values()
        .slice(1)
        .every((r) => r[1] === "Đã nộp"),
    ).toBe(true);
  });
});
