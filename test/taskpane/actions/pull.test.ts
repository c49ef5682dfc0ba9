/**
 * pullCatalogue (Nạp danh mục) against the workbook double: a fresh build, a re-pull of the same
 * catalogue (nothing changes), a new version merged under everything users do to the tables
 * (sort, insert a column, filter, type into the user columns), and the refusals that must write
 * nothing (renamed column, another catalogue, a failure mid-build).
 */
import { ActionError } from "../../../src/taskpane/actions/common";
import {
  ASSIGNMENT_COLUMNS,
  IN_CATALOGUE,
  NAMES,
  SHEETS,
  TABLES,
  TASK_COLUMNS,
} from "../../../src/core/workbook/layout";
import { ASSIGNMENT_FORMULAS } from "../../../src/core/workbook/sheets";
import { buildModel, type AssignmentRecord } from "../../../src/core/workbook/model";
import { loadBundledCatalogue } from "../../../src/core/catalogue/bundled";
import { toExcelSerial } from "../../../src/core/dates/isoDate";
import type { Catalogue } from "../../../src/core/catalogue/types";
import { findUnit, type Unit } from "../../../src/core/units/units";
import type { PullOutcome } from "../../../src/taskpane/actions/pull";
import type { WriteRecord } from "../../double/workbookDouble";
import {
  assignmentHeader,
  catalogueOf,
  catalogueWithRows,
  fillUserColumns,
  heavyTracker,
  installDouble,
  newVersion,
  pull,
  REPORT_DATE,
  shuffled,
  tableRecords,
  taskHeader,
  USER_COLUMNS,
} from "../../double/testkit";

type Done = Extract<PullOutcome, { kind: "done" }>;

function done(o: PullOutcome): Done {
  if (o.kind !== "done") throw new Error(`expected a done pull, got ${o.kind}`);
  return o;
}

async function failure(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => new Error("resolved"),
    (e: unknown) => e,
  );
}

/** Writes into the data body of a table (as it was before the action). */
function bodyWrites(
  writes: readonly WriteRecord[],
  sheet: string,
  firstRow: number,
  lastRow: number,
): WriteRecord[] {
  return writes.filter((w) => w.sheet === sheet && w.rect.r1 >= firstRow && w.rect.r0 <= lastRow);
}

function unitKeyOf(a: AssignmentRecord): string {
  return `${a.taskId}|${a.unitId ?? "text:" + a.unit}`;
}

const sizes: Array<[string, number]> = [
  ["55 rows", 55],
  ["5,000 rows", 5000],
];

describe.each(sizes)("%s", (_label, n) => {
  let catalogue: Catalogue;
  beforeAll(() => {
    catalogue = catalogueWithRows(n);
  });

  test("fresh build: both tables, the tier table, every name, Cấu hình; ≤ 3 round trips", async () => {
    const d = installDouble();
    const model = buildModel(catalogue);
    const out = done(await pull(d, catalogue, { reportDate: REPORT_DATE }));
    expect([out.fresh, out.tasks.added, out.assignments.added, out.clearedFilters]).toEqual([
      true,
      model.tasks.length,
      model.assignments.length,
      [],
    ]);
    expect(out.stats.syncs).toBeLessThanOrEqual(3);
    expect(d.stats.syncs).toBe(out.stats.syncs);
    expect(d.workbook.sheetNames()).toEqual(["Sheet1", SHEETS.config, SHEETS.assignments, SHEETS.tasks]);
    expect(d.workbook.activeSheet()).toBe(SHEETS.tasks);
    expect(d.workbook.tableNames().sort()).toEqual([TABLES.tiers, TABLES.assignments, TABLES.tasks].sort());

    const nv = d.workbook.table(TABLES.tasks);
    expect(nv.headers).toEqual(TASK_COLUMNS.map((c) => c.header));
    expect(nv.address).toBe(`A5:O${5 + model.tasks.length}`);
    expect(nv.rows.map((r) => r[0])).toEqual(model.tasks.map((t) => t.id));
    const pc = d.workbook.table(TABLES.assignments);
    expect(pc.headers).toEqual(ASSIGNMENT_COLUMNS.map((c) => c.header));
    expect(pc.rows.map((r) => `${r[0]}|${r[3]}|${r[5]}`)).toEqual(
      model.assignments.map((a) => `${a.taskId}|${a.unit}|${a.role}`),
    );
    expect(pc.rows.map((r) => r[6])).toEqual(
      model.assignments.map((a) => (a.due ? toExcelSerial(a.due) : "")),
    );
    // Formula columns are filled in every row (one 1×1 write each).
    for (const { key, formula } of ASSIGNMENT_FORMULAS) {
      const i = pc.headers.indexOf(assignmentHeader(key));
      expect(new Set(pc.formulas.map((r) => r[i]))).toEqual(new Set([formula()]));
    }
    expect(d.workbook.table(TABLES.tiers).rows).toEqual([
      [1, 2, "≥"],
      [0.8, 1, "≥"],
    ]);

    const names = Object.fromEntries(d.workbook.names().map((x) => [x.name, x.formula]));
    expect(Object.keys(names).sort()).toEqual(Object.values(NAMES).sort());
    expect(names[NAMES.reportDate]).toBe("='Cấu hình'!$B$3");
    expect(names[NAMES.catalogueId]).toBe("='Cấu hình'!$B$22");
    const config = d.workbook.sheet(SHEETS.config);
    expect(config.values("B3:B5")).toEqual([[toExcelSerial(REPORT_DATE)], [7], [false]]);
    expect(config.values("A22:B22")).toEqual([["Mã danh mục", catalogue.id]]);
    expect(config.values("B28:B29")).toEqual([[2024], [catalogue.id]]);
  }, 60_000);

  test("a re-pull of the same catalogue changes nothing and writes nothing into the tables", async () => {
    const d = installDouble();
    done(await pull(d, catalogue, { reportDate: REPORT_DATE }));
    fillUserColumns(d, 3);
    const before = d.workbook.table(TABLES.assignments).rows;
    const tasksBefore = d.workbook.table(TABLES.tasks).rows;
    d.workbook.clearWrites();
    d.stats.reset();
    const out = done(await pull(d, catalogue));
    expect(bodyWrites(d.workbook.writes(), SHEETS.assignments, 1, before.length)).toEqual([]);
    expect(bodyWrites(d.workbook.writes(), SHEETS.tasks, 5, 4 + tasksBefore.length)).toEqual([]);
    expect(d.workbook.table(TABLES.assignments).rows).toEqual(before);
    expect(out.stats.syncs).toBeLessThanOrEqual(4);
    const m = buildModel(catalogue);
    expect([out.fresh, out.tasks, out.assignments]).toEqual([
      false,
      { added: 0, changed: 0, removed: 0, unchanged: m.tasks.length },
      { added: 0, changed: 0, removed: 0, unchanged: m.assignments.length },
    ]);
  }, 60_000);

  test("a new version merges after the user sorted PhanCong and inserted a column: counts right, user columns untouched", async () => {
    const d = installDouble();
    done(await pull(d, catalogue, { reportDate: REPORT_DATE }));
    fillUserColumns(d, 1);
    const oldRows = d.workbook.table(TABLES.assignments).rows.length;
    // The user sorts the table and inserts a column of their own after "Đơn vị".
    d.workbook.reorderTableRows(TABLES.assignments, shuffled(oldRows, 42));
    const mine = Array.from({ length: oldRows }, (_, i) => `ghi riêng ${i}`);
    d.workbook.insertTableColumn(TABLES.assignments, 4, "Cột của tôi", mine);
    const headers = d.workbook.table(TABLES.assignments).headers;
    const userIdx = USER_COLUMNS.map((k) => headers.indexOf(assignmentHeader(k)));
    const userBefore = d.workbook.table(TABLES.assignments).rows.map((r) => userIdx.map((i) => r[i]));
    d.workbook.clearWrites();
    d.stats.reset();

    const v = newVersion(catalogue, { add: 3, remove: 2 });
    const out = done(await pull(d, v.catalogue));
    expect(out.stats.syncs).toBeLessThanOrEqual(4);

    // User columns: never written, values the same in every pre-existing row; the user's own column too.
    const after = d.workbook.table(TABLES.assignments);
    expect(after.headers).toEqual(headers);
    expect(after.rows.slice(0, oldRows).map((r) => userIdx.map((i) => r[i]))).toEqual(userBefore);
    expect(after.rows.slice(0, oldRows).map((r) => r[4])).toEqual(mine);
    const userWrites = d.workbook
      .writes()
      .filter(
        (w) =>
          w.sheet === SHEETS.assignments &&
          w.rect.r0 <= oldRows &&
          userIdx.some((c) => w.rect.c0 <= c && w.rect.c1 >= c),
      );
    expect(userWrites).toEqual([]);

    // Removed tasks are kept and marked; retitled ones carry the new title in every row (wherever sorted).
    const recs = tableRecords(d, TABLES.assignments);
    const inCat = assignmentHeader("inCatalogue");
    for (const id of v.removed) {
      const rows = recs.filter((r) => r[assignmentHeader("taskId")] === id);
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r[inCat]))).toEqual(new Set([IN_CATALOGUE.no]));
    }
    const tasks = tableRecords(d, TABLES.tasks);
    for (const id of v.removed)
      expect(tasks.find((t) => t[taskHeader("id")] === id)?.[taskHeader("inCatalogue")]).toBe(
        IN_CATALOGUE.no,
      );
    const retitled = v.catalogue.tasks.find((t) => t.id === v.retitled[0]);
    expect(
      new Set(
        recs
          .filter((r) => r[assignmentHeader("taskId")] === retitled?.id)
          .map((r) => r[assignmentHeader("title")]),
      ),
    ).toEqual(new Set([retitled?.title]));
    // New tasks are appended with their formulas.
    const added = recs.slice(oldRows);
    expect(new Set(added.map((r) => r[assignmentHeader("taskId")]))).toEqual(new Set(v.added));
    const stateIdx = headers.indexOf(assignmentHeader("state"));
    expect(new Set(after.formulas.slice(oldRows).map((r) => r[stateIdx]))).toEqual(
      new Set([ASSIGNMENT_FORMULAS[1].formula()]),
    );
    expect(after.formulas.slice(oldRows).map((r) => r[4])).toEqual(
      new Array(after.rows.length - oldRows).fill(""),
    );
    // Expected counts, from the two models keyed by unit id (independent of the merge code).
    const oldM = buildModel(catalogue);
    const newM = buildModel(v.catalogue);
    const oldKeys = new Set(oldM.assignments.map(unitKeyOf));
    const newKeys = new Set(newM.assignments.map(unitKeyOf));
    const touched = new Set([...v.retitled, ...v.redated]);
    const changed = newM.assignments.filter((a) => oldKeys.has(unitKeyOf(a)) && touched.has(a.taskId)).length;
    const common = newM.assignments.filter((a) => oldKeys.has(unitKeyOf(a))).length;
    expect(out.tasks).toEqual({
      added: 3,
      changed: touched.size,
      removed: 2,
      unchanged: newM.tasks.length - 3 - touched.size,
    });
    expect(out.assignments).toEqual({
      added: newM.assignments.filter((a) => !oldKeys.has(unitKeyOf(a))).length,
      changed,
      removed: oldM.assignments.filter((a) => !newKeys.has(unitKeyOf(a))).length,
      unchanged: common - changed,
    });
  }, 60_000);
});

describe("pullCatalogue: users' edits and refusals", () => {
  test("re-pulling demo-2024 changes nothing", async () => {
    const demo = await loadBundledCatalogue("demo-2024");
    const d = installDouble();
    done(await pull(d, demo, { reportDate: REPORT_DATE }));
    d.workbook.clearWrites();
    const out = done(await pull(d, demo));
    expect(out.assignments.changed).toBe(0);
    expect(
      bodyWrites(d.workbook.writes(), SHEETS.assignments, 1, 1 + buildModel(demo).assignments.length),
    ).toEqual([]);
  });

  test("two communes whose names differ only by a tone mark (Xã Bình Thanh, Xã Bình Thạnh) keep their own rows and progress", async () => {
    const catalogue = catalogueOf([
      {
        id: "III.1",
        area: "III",
        title: "Số hóa hồ sơ",
        lead: "Xã Bình Thanh; Xã Bình Thạnh",
        deadline: "Quý IV/2024",
      },
    ]);
    const d = installDouble();
    done(await pull(d, catalogue, { reportDate: REPORT_DATE }));
    const units = () =>
      tableRecords(d, TABLES.assignments).map((r) => [
        r[assignmentHeader("unit")],
        r[assignmentHeader("status")],
      ]);
    expect(
      units()
        .map((u) => u[0])
        .sort(),
    ).toEqual(["Xã Bình Thanh", "Xã Bình Thạnh"]);
    const thanhRow = units().findIndex((u) => u[0] === "Xã Bình Thạnh");
    d.workbook.setRaw(SHEETS.assignments, `K${2 + thanhRow}`, [["Đã hoàn thành"]]);
    const out = done(await pull(d, catalogue));
    expect(out.assignments).toEqual({ added: 0, changed: 0, removed: 0, unchanged: 2 });
    expect(units().sort()).toEqual([
      ["Xã Bình Thanh", ""],
      ["Xã Bình Thạnh", "Đã hoàn thành"],
    ]);
  });

  test("two wards of the same name (Phường Nguyễn Nghiêm of TP Quảng Ngãi and of TX Đức Phổ) stay two rows a new version updates", async () => {
    const task = {
      id: "III.1",
      area: "III" as const,
      title: "Số hóa hồ sơ TTHC",
      lead: "UBND các xã, phường, thị trấn",
      deadline: "Quý IV/2024",
    };
    const v1 = catalogueOf([task]);
    const v2 = catalogueOf([{ ...task, title: "Số hóa hồ sơ TTHC (sửa đổi)" }]);
    const model = buildModel(v1);
    const wards = model.assignments.filter((a) => a.unitId === "21025" || a.unitId === "21439");
    expect(wards.length).toBe(2);
    const d = installDouble();
    done(await pull(d, v1, { reportDate: REPORT_DATE }));
    const out = done(await pull(d, v2));
    expect(out.assignments).toEqual({
      added: 0,
      changed: model.assignments.length,
      removed: 0,
      unchanged: 0,
    });
    const titles = tableRecords(d, TABLES.assignments).map((r) => r[assignmentHeader("title")]);
    expect(new Set(titles)).toEqual(new Set(["Số hóa hồ sơ TTHC (sửa đổi)"]));
    // A reader of the sheet (and COUNTIFS on Đơn vị) must be able to tell the two wards apart.
    const shown = tableRecords(d, TABLES.assignments)
      .map((r) => String(r[assignmentHeader("unit")]))
      .filter((u) => u.startsWith("Phường Nguyễn Nghiêm"));
    expect(new Set(shown).size).toBe(2);
  });

  test("5,000 rows with 488-character titles and filled-in notes: every request and response of a re-pull < 5 MB", async () => {
    const { d, catalogue } = await heavyTracker(5000);
    const out = done(await pull(d, catalogue));
    expect(out.assignments.unchanged).toBeGreaterThan(4900);
    expect(d.stats.maxRequestBytes()).toBeLessThan(5_000_000);
    expect(d.stats.perSync.map((s) => s.responseBytes).filter((b) => b >= 5_000_000)).toEqual([]);
  }, 60_000);

  test("a title containing a control character (a Word line break) does not make every re-pull report a change", async () => {
    const catalogue = catalogueOf([
      {
        id: "I.1",
        area: "I",
        title: "Rà soát thủ tục\u000bcấp tỉnh",
        lead: "Sở Nội vụ",
        deadline: "Quý IV/2024",
      },
      { id: "I.2", area: "I", title: "Kiểm tra công vụ", lead: "Sở Tư pháp", deadline: "Quý IV/2024" },
    ]);
    const d = installDouble();
    done(await pull(d, catalogue, { reportDate: REPORT_DATE }));
    const out = done(await pull(d, catalogue));
    expect([out.tasks.changed, out.assignments.changed]).toEqual([0, 0]);
  });

  test("a filter the user set is cleared before writing, and reported", async () => {
    const base = catalogueWithRows(55);
    const d = installDouble();
    done(await pull(d, base, { reportDate: REPORT_DATE }));
    d.workbook.filterTable(TABLES.assignments, assignmentHeader("unit"), ["Sở Nội vụ"]);
    d.workbook.filterTable(TABLES.tasks, taskHeader("area"), ["I"]);
    const out = done(await pull(d, newVersion(base).catalogue));
    expect(out.clearedFilters.sort()).toEqual([TABLES.assignments, TABLES.tasks].sort());
    expect([
      d.workbook.table(TABLES.assignments).isFiltered,
      d.workbook.table(TABLES.tasks).isFiltered,
    ]).toEqual([false, false]);
    expect(out.assignments.added).toBeGreaterThan(0);
  });

  test.each<[string, string, string]>([
    ["PhanCong's Trạng thái", TABLES.assignments, "Trạng thái"],
    ["PhanCong's Đơn vị", TABLES.assignments, "Đơn vị"],
    ["NhiemVu's Mã NV", TABLES.tasks, "Mã NV"],
  ])("a renamed column (%s) → ActionError naming it, and zero writes", async (_label, table, header) => {
    const base = catalogueWithRows(55);
    const d = installDouble();
    done(await pull(d, base, { reportDate: REPORT_DATE }));
    d.workbook.renameTableColumn(table, header, `${header} (cũ)`);
    const before = d.workbook.snapshot();
    d.workbook.clearWrites();
    const err = await failure(pull(d, newVersion(base).catalogue));
    expect(err).toBeInstanceOf(ActionError);
    expect((err as ActionError).problems.join(" ")).toContain(`“${header}”`);
    expect(d.workbook.writes()).toEqual([]);
    expect(d.workbook.snapshot()).toEqual(before);
  });

  test("another catalogue → needs-confirmation and zero writes; with confirmSwitch it merges", async () => {
    const d = installDouble();
    done(await pull(d, catalogueWithRows(55), { reportDate: REPORT_DATE }));
    const other = { ...newVersion(catalogueWithRows(55)).catalogue, id: "ke-hoach-khac" };
    const before = d.workbook.snapshot();
    d.workbook.clearWrites();
    const out = await pull(d, other);
    expect(out).toMatchObject({ kind: "needs-confirmation", from: "test-55", to: "ke-hoach-khac" });
    expect(d.workbook.writes()).toEqual([]);
    expect(d.workbook.snapshot()).toEqual(before);
    const confirmed = done(await pull(d, other, { confirmSwitch: true }));
    expect(confirmed.tasks.added).toBe(3);
    expect(d.workbook.sheet(SHEETS.config).values("B22")).toEqual([["ke-hoach-khac"]]);
  });

  describe("a workbook keeps its scope (one unit or all units)", () => {
    const snv = findUnit("Sở Nội vụ") as Unit;
    const stp = findUnit("Sở Tư pháp") as Unit;
    test.each<[string, Unit | null, Unit | null, RegExp]>([
      ["one unit → another unit", snv, stp, /chỉ theo dõi phân công của “Sở Nội vụ”.*“Sở Tư pháp”/],
      ["one unit → all units", snv, null, /chỉ theo dõi phân công của “Sở Nội vụ”.*tất cả đơn vị/],
      ["all units → one unit", null, snv, /theo dõi tất cả đơn vị.*riêng của “Sở Nội vụ”/],
    ])(
      "%s → ActionError naming both scopes, a new workbook as the way out, zero writes",
      async (_n, from, to, text) => {
        const demo = await loadBundledCatalogue("demo-2024");
        const d = installDouble();
        done(await pull(d, demo, { reportDate: REPORT_DATE, unit: from }));
        const before = d.workbook.snapshot();
        d.workbook.clearWrites();
        const err = await failure(pull(d, demo, { unit: to }));
        expect(err).toBeInstanceOf(ActionError);
        expect((err as ActionError).problems.join(" ")).toMatch(text);
        expect((err as ActionError).hint).toMatch(/sổ Excel mới/);
        expect(d.workbook.writes()).toEqual([]);
        expect(d.workbook.snapshot()).toEqual(before);
      },
    );

    test("without a unit in the request a one-unit workbook stays one-unit; naming the same unit works too", async () => {
      const demo = await loadBundledCatalogue("demo-2024");
      const d = installDouble();
      done(await pull(d, demo, { reportDate: REPORT_DATE, unit: snv }));
      const rows = tableRecords(d, TABLES.assignments).length;
      expect(rows).toBe(buildModel(demo, { unit: snv }).assignments.length);
      for (const unit of [undefined, snv]) {
        const out = done(await pull(d, demo, unit ? { unit } : {}));
        expect(out.assignments).toMatchObject({ added: 0, removed: 0 });
        expect(tableRecords(d, TABLES.assignments).length).toBe(rows);
      }
    });

    test("a “Đơn vị của sổ” cell edited into an unknown name → ActionError that names the cell, zero writes", async () => {
      const demo = await loadBundledCatalogue("demo-2024");
      const d = installDouble();
      done(await pull(d, demo, { reportDate: REPORT_DATE, unit: snv }));
      d.workbook.type(SHEETS.config, "B31", [["Sở Nội"]]);
      const before = d.workbook.snapshot();
      d.workbook.clearWrites();
      const err = await failure(pull(d, demo));
      expect(err).toBeInstanceOf(ActionError);
      expect((err as ActionError).problems.join(" ")).toContain(
        "Ô “Đơn vị của sổ” (trang Cấu hình) ghi “Sở Nội”",
      );
      expect(d.workbook.writes()).toEqual([]);
      expect(d.workbook.snapshot()).toEqual(before);
    });
  });

  test("a sheet named like the add-in's but without its tables → ActionError, zero writes", async () => {
    const d = installDouble();
    d.workbook.addSheet(SHEETS.assignments);
    d.workbook.type(SHEETS.assignments, "A1", [["'dữ liệu của tôi"]]);
    const before = d.workbook.snapshot();
    const err = await failure(pull(d, catalogueWithRows(55)));
    expect(err).toBeInstanceOf(ActionError);
    expect(d.workbook.snapshot()).toEqual(before);
  });

  test("only one of the two tables left → ActionError, zero writes", async () => {
    const d = installDouble();
    done(await pull(d, catalogueWithRows(55), { reportDate: REPORT_DATE }));
    await d.Excel.run(async (ctx) => {
      ctx.workbook.tables.getItem(TABLES.tasks).delete();
      await ctx.sync();
    });
    const before = d.workbook.snapshot();
    d.workbook.clearWrites();
    await expect(pull(d, catalogueWithRows(55))).rejects.toBeInstanceOf(ActionError);
    expect(d.workbook.writes()).toEqual([]);
    expect(d.workbook.snapshot()).toEqual(before);
  });

  /**
   * A failure while the first build is written: what was created must go, the workbook must be
   * exactly as before (cells, tables, names). Failures are injected into a write batch after a
   * fraction of its actions ran (Office.js batches are not transactional).
   */
  const FAILURES: Array<[string, number, number | undefined, number, number]> = [
    // label, rows, chunkBytes, failing sync (1 = the read), fraction of that batch that ran
    ["55 rows, the write batch fails before any action", 55, undefined, 2, 0],
    ["55 rows, the write batch fails after 5% of its actions", 55, undefined, 2, 0.05],
    ["55 rows, the write batch fails after 60% of its actions", 55, undefined, 2, 0.6],
    ["5,000 rows in 200 kB batches, the 3rd write batch fails midway", 5000, 200_000, 4, 0.5],
  ];

  test.each(FAILURES)(
    "%s → created sheets removed, workbook as before",
    async (_label, rows, chunkBytes, atSync, fraction) => {
      const catalogue = catalogueWithRows(rows);
      // Learn the size of the failing batch on a twin workbook.
      const twin = installDouble();
      done(await pull(twin, catalogue, { reportDate: REPORT_DATE, chunkBytes }));
      const ops = twin.stats.perSync[atSync - 1].operations;

      const d = installDouble();
      d.workbook.type("Sheet1", "A1:B2", [
        ["'Sổ của đơn vị", 2024],
        ["'không được mất", "'=1"],
      ]);
      d.workbook.addName("TenCuaToi", "=Sheet1!$B$1");
      const before = d.workbook.snapshot();
      d.workbook.injectFailure({ atSync, afterOperations: Math.floor(ops * fraction) });
      const err = await failure(pull(d, catalogue, { reportDate: REPORT_DATE, chunkBytes }));
      expect(err).toBeInstanceOf(ActionError);
      expect(d.workbook.sheetNames()).toEqual(["Sheet1"]);
      expect(d.workbook.tableNames()).toEqual([]);
      expect(d.workbook.names()).toEqual([{ name: "TenCuaToi", formula: "=Sheet1!$B$1", comment: "" }]);
      expect(d.workbook.snapshot()).toEqual(before);
    },
  );
});
