/**
 * The import corpus (test/core/catalogue/importCorpus): plan tables laid out as agencies lay
 * them out, each with the exact tasks it must yield, and tables that are not a plan, each
 * refused with a Vietnamese message saying what was missing and what to do.
 */
import fc from "fast-check";
import { analyseTableLayout, CatalogueError, tasksFromTable } from "../../../src/core";
import { NOT_PLANS, PLAN_TABLES } from "./importCorpus";
import { canonical, isExact, runCase } from "./importCorpus/score";

describe("import corpus: plan tables", () => {
  it("has at least 25 plan tables of distinct layouts and the six kinds of non-plan", () => {
    expect(PLAN_TABLES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(PLAN_TABLES.map((c) => c.name)).size).toBe(PLAN_TABLES.length);
    expect(NOT_PLANS.length).toBeGreaterThanOrEqual(6);
  });

  it.each(PLAN_TABLES.map((c) => [c.name, c] as const))("%s imports exactly right", (_name, c) => {
    const run = runCase(c);
    expect(run.crashed).toBeUndefined();
    expect(run.problems).toBeUndefined();
    expect(JSON.parse(canonical(run.tasks))).toEqual(JSON.parse(canonical(c.tasks)));
    for (const p of c.ambiguities ?? []) expect(run.ambiguities.join("\n")).toMatch(p);
    for (const p of c.decisions ?? []) expect(run.decisions.join("\n")).toMatch(p);
    expect(isExact(c, run)).toBe(true);
  });

  it.each(PLAN_TABLES.map((c) => [c.name, c] as const))("%s: ids unique and stable on re-import", (_n, c) => {
    const first = tasksFromTable(c.rows, 2024, { ...(c.options ?? {}) }).tasks.map((t) => t.id);
    const again = tasksFromTable(structuredClone(c.rows), 2024, { ...(c.options ?? {}) }).tasks.map(
      (t) => t.id,
    );
    expect(again).toEqual(first);
    expect(new Set(first.map((id) => id.toLowerCase())).size).toBe(first.length);
  });

  it("ids stay stable when tasks are added at the end or rows of blank cells inserted", () => {
    const c = PLAN_TABLES.find((x) => x.name === "numbered-groups-lettered-tasks")!;
    const before = tasksFromTable(c.rows, 2024).tasks.map((t) => t.id);
    const width = c.rows[0].length;
    const grown = [
      ...c.rows.slice(0, 3),
      Array(width).fill(""),
      ...c.rows.slice(3),
      ["b)", "Liên thông TTHC", "Sở Tư pháp", "", "Quý IV/2024"],
    ];
    const after = tasksFromTable(grown, 2024).tasks.map((t) => t.id);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after[after.length - 1]).toBe("III.2.b");
  });

  it("the mapping the import decided can be handed back (as the pane does) with the same tasks", () => {
    for (const c of PLAN_TABLES) {
      const r = tasksFromTable(c.rows, 2024, { ...(c.options ?? {}) });
      const again = tasksFromTable(c.rows, 2024, {
        ...(c.options ?? {}),
        map: r.map,
        headerRow: r.headerRow,
      });
      expect(again.tasks).toEqual(r.tasks);
    }
  });

  it("any title block above a plan (any number of rows) leaves its tasks unchanged (property)", () => {
    const c = PLAN_TABLES.find((x) => x.name === "word-appendix-full")!;
    const body = c.rows.slice(4);
    const expected = tasksFromTable(body, 2024).tasks;
    const preamble = fc.array(
      fc.oneof(
        fc.constant(["", "PHỤ LỤC"]),
        fc.constant(["(Kèm theo Kế hoạch số 301/KH-UBND ngày 15/12/2023 của UBND tỉnh)"]),
        fc.constant([]),
        fc.constant(["", "", ""]),
        fc.constant(["ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]),
      ),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(preamble, (pre) => {
        const r = tasksFromTable([...pre.map((p) => [...p]), ...body], 2024);
        expect(r.tasks).toEqual(expected);
        expect(r.headerRow).toBe(pre.length);
      }),
    );
  });
});

describe("import corpus: what is not a plan is refused", () => {
  it.each(NOT_PLANS.map((c) => [c.name, c] as const))("%s is refused with a message", (_name, c) => {
    let thrown: unknown;
    try {
      tasksFromTable(c.rows, 2024);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(CatalogueError);
    const problems = (thrown as CatalogueError).problems;
    expect(problems.join(" ")).toMatch(c.refused as RegExp);
    expect(problems.join(" ")).toMatch(/không thấy .+\. Hãy /);
  });

  it.each(NOT_PLANS.map((c) => [c.name, c] as const))(
    "%s is refused too when the pane hands back the mapping it detected",
    (_name, c) => {
      const found = analyseTableLayout(c.rows);
      const options = { headerRow: found?.headerRow ?? 0, map: found?.map ?? {} };
      expect(() => tasksFromTable(c.rows, 2024, options)).toThrow(
        /^Bảng này không giống danh mục nhiệm vụ: /,
      );
    },
  );

  it("a mapping the user chose by hand is the user's decision: the budget table then imports", () => {
    const c = NOT_PLANS.find((x) => x.name === "budget-table")!;
    const r = tasksFromTable(c.rows.slice(0, 3), 2024, { headerRow: 0, map: { title: 1, lead: 2 } });
    expect(r.tasks.map((t) => t.title)).toEqual(["Tuyên truyền CCHC", "Khảo sát sự hài lòng"]);
  });

  it("a sheet without a single cell and a sheet of no rows are refused the same way", () => {
    for (const rows of [[], [[]], [[null, undefined]]] as unknown[][][])
      expect(() => tasksFromTable(rows, 2024)).toThrow(
        /^Bảng này không giống danh mục nhiệm vụ: trang trống/,
      );
  });

  it("random sheets of numbers are refused, never imported as tasks (property)", () => {
    const cell = fc.oneof(
      fc.integer({ min: -1000, max: 100000 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 20 }),
        (rows) => {
          expect(() => tasksFromTable(rows, 2024)).toThrow(CatalogueError);
        },
      ),
    );
  });
});
