/**
 * The workbook double must behave like Office.js where the adapters depend on it, and fail
 * loudly where it does not model Excel: otherwise adapter suites could pass for the wrong reason.
 */
import { createWorkbookDouble, DoubleOfficeError, type WorkbookDouble } from "./workbookDouble";
import { coerceInput, dateSerial, jsonBytes } from "./a1";

function fresh(): WorkbookDouble {
  const d = createWorkbookDouble({ sheets: ["Data"] });
  (globalThis as unknown as { Excel: unknown }).Excel = d.Excel;
  return d;
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code ?? `no code: ${(e as Error).message}`;
  }
  return "resolved";
}

describe("proxy semantics", () => {
  test("writes are queued until sync", async () => {
    const d = fresh();
    await d.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("A1").values = [["'x"]];
      expect(d.workbook.sheet("Data").values("A1")).toEqual([[""]]);
      await ctx.sync();
      expect(d.workbook.sheet("Data").values("A1")).toEqual([["x"]]);
    });
  });

  test.each([
    ["values", (r: Excel.Range) => r.values],
    ["formulas", (r: Excel.Range) => r.formulas],
    ["rowCount", (r: Excel.Range) => r.rowCount],
    ["address", (r: Excel.Range) => r.address],
  ])("reading %s before sync throws PropertyNotLoaded, after load+sync it works", async (_name, read) => {
    const d = fresh();
    d.workbook.type("Data", "A1:B1", [[1, "'a"]]);
    await d.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("A1:B1");
      expect(() => read(r)).toThrow(/PropertyNotLoaded|not available/);
      r.load("values,formulas,rowCount,address");
      expect(() => read(r)).toThrow(/not available/);
      await ctx.sync();
      expect(read(r)).toBeDefined();
    });
  });

  test("items, name and isNullObject need a sync", async () => {
    const d = fresh();
    await d.Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      const missing = sheets.getItemOrNullObject("Nope");
      const active = sheets.getActiveWorksheet();
      active.load("name");
      expect(() => sheets.items).toThrow(/not available/);
      expect(() => missing.isNullObject).toThrow(/not available/);
      expect(() => active.name).toThrow(/not available/);
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Data"]);
      expect(missing.isNullObject).toBe(true);
      expect(active.name).toBe("Data");
    });
  });

  test("a load is a snapshot at its place in the batch", async () => {
    const d = fresh();
    await d.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("A1");
      r.values = [[1]];
      r.load("values");
      const again = ctx.workbook.worksheets.getItem("Data").getRange("A1");
      again.values = [[2]];
      await ctx.sync();
      expect(r.values).toEqual([[1]]);
      expect(d.workbook.sheet("Data").values("A1")).toEqual([[2]]);
    });
  });

  test("null objects: calls are no-ops, isNullObject is true, other reads throw", async () => {
    const d = fresh();
    await d.Excel.run(async (ctx) => {
      const ghost = ctx.workbook.worksheets.getItemOrNullObject("Ghost");
      ghost.delete();
      ghost.getRange("A1").values = [[1]];
      const r = ghost.getRange("A1");
      r.load("values");
      await ctx.sync();
      expect(ghost.isNullObject).toBe(true);
      expect(() => r.values).toThrow(/null object/);
    });
    expect(d.workbook.sheetNames()).toEqual(["Data"]);
  });

  test("Excel.run flushes what is still queued", async () => {
    const d = fresh();
    await d.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("B2").values = [[7]];
    });
    expect(d.workbook.sheet("Data").values("B2")).toEqual([[7]]);
    expect(d.stats.syncs).toBe(1);
  });
});

describe("Excel's input coercion", () => {
  test.each<[unknown, unknown, string | undefined]>([
    ["'=1+1", "=1+1", undefined],
    ["''quoted", "'quoted", undefined],
    ["'0123", "0123", undefined],
    ["=1+1", "", "=1+1"],
    ["+1", 1, undefined],
    ["-1", -1, undefined],
    ["-abc", "", "=-abc"],
    ["@SUM(A1)", "", "=SUM(A1)"],
    ["\t=1", "", "==1"],
    [" =1", "", "==1"],
    ["＝1+1", "", "=＝1+1"],
    ["1", 1, undefined],
    ["1.5", 1.5, undefined],
    ["0123", 123, undefined],
    ["50%", 0.5, undefined],
    ["TRUE", true, undefined],
    ["false", false, undefined],
    ["30/11/2024", 45626, undefined],
    ["2024-11-30", 45626, undefined],
    ["31/02/2024", "31/02/2024", undefined],
    ["Quý IV/2024", "Quý IV/2024", undefined],
    [12.5, 12.5, undefined],
    [false, false, undefined],
  ])("%j is stored as value %j (formula %j)", async (input, value, formula) => {
    const d = fresh();
    await d.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("C3").values = [[input as string]];
      await ctx.sync();
    });
    const cell = d.workbook.sheet("Data").cell("C3");
    expect(cell?.value).toEqual(value);
    expect(cell?.formula).toBe(formula);
  });

  test("en-US reads month first", () => {
    expect(coerceInput("11/30/2024", { locale: "en-US" })).toEqual({ kind: "value", value: 45626 });
    expect(coerceInput("30/11/2024", { locale: "en-US" })).toEqual({ kind: "value", value: "30/11/2024" });
    expect(dateSerial(2024, 1, 1)).toBe(45292);
  });

  test("'' clears, null leaves the cell alone, a formula reads its registered result", async () => {
    const d = fresh();
    d.workbook.type("Data", "A1:C1", [["'keep", "'gone", "=TODAY()"]]);
    d.workbook.setFormulaResult("=TODAY()", 45626);
    await d.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("A1:C1");
      r.values = [[null as unknown as string, "", null as unknown as string]];
      r.load("values,formulas");
      await ctx.sync();
      expect(r.values).toEqual([["keep", "", 45626]]);
      expect(r.formulas).toEqual([["keep", "", "=TODAY()"]]);
    });
  });

  test("a 1×1 array fills the range; other shape mismatches throw InvalidArgument", async () => {
    const d = fresh();
    await d.Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Data");
      s.getRange("A1:A4").formulas = [["=ROW()"]];
      s.getRange("B1:B4").numberFormat = [["0.0%"]];
      await ctx.sync();
    });
    expect(d.workbook.sheet("Data").formulas("A1:A4")).toEqual([
      ["=ROW()"],
      ["=ROW()"],
      ["=ROW()"],
      ["=ROW()"],
    ]);
    expect(d.workbook.sheet("Data").numberFormats("B1:B4").flat()).toEqual(["0.0%", "0.0%", "0.0%", "0.0%"]);
    for (const bad of [[[1, 2]], [[1], [2]], [1], [[1, 2], [3]], "x"]) {
      const code = await codeOf(
        d.Excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem("Data").getRange("A1:C1").values = bad as unknown as string[][];
          await ctx.sync();
        }),
      );
      expect(code).toBe("InvalidArgument");
    }
  });
});

describe("honesty", () => {
  test.each<[string, (ctx: Excel.RequestContext) => unknown, RegExp]>([
    [
      "an unknown Range method",
      (ctx) =>
        (
          ctx.workbook.worksheets.getItem("Data").getRange("A1") as unknown as { insert: () => void }
        ).insert(),
      /Range\.insert not implemented/,
    ],
    [
      "an unknown setter",
      (ctx) =>
        ((
          ctx.workbook.worksheets.getItem("Data").getRange("A1") as unknown as { valueTypes: unknown }
        ).valueTypes = []),
      /Range\.valueTypes \(setter\) not implemented/,
    ],
    [
      "an unknown workbook member",
      (ctx) => (ctx.workbook as unknown as { functions: unknown }).functions,
      /Workbook\.functions not implemented/,
    ],
    [
      "a load of an unknown property",
      (ctx) => ctx.workbook.worksheets.getItem("Data").getRange("A1").load("valueTypes"),
      /load\("valueTypes"\) not implemented/,
    ],
    [
      "an unknown enum member",
      () =>
        (globalThis as unknown as { Excel: { ChartType: Record<string, string> } }).Excel.ChartType
          .radarFilled,
      /Excel\.ChartType\.radarFilled not implemented/,
    ],
    [
      "an unknown namespace member",
      () => (globalThis as unknown as { Excel: Record<string, unknown> }).Excel.InsertShiftDirection,
      /Excel\.InsertShiftDirection not implemented/,
    ],
  ])("%s throws", async (_name, call, message) => {
    const d = fresh();
    await d.Excel.run(async (ctx) => {
      expect(() => call(ctx)).toThrow(message);
    });
  });

  test("writing into a table while its filter is on throws (office-js #224); after clearFilters it works", async () => {
    const d = fresh();
    d.workbook.type("Data", "A1:B3", [
      ["'Mã", "'Tên"],
      ["'a", "'x"],
      ["'b", "'y"],
    ]);
    d.workbook.addTable("Data", "A1:B3", "T");
    d.workbook.filterTable("T", "Tên", ["x"]);
    const write = (ctx: Excel.RequestContext) =>
      (ctx.workbook.tables.getItem("T").getDataBodyRange().getCell(1, 1).values = [["'z"]]);
    expect(
      await codeOf(
        d.Excel.run(async (ctx) => {
          write(ctx);
          await ctx.sync();
        }),
      ),
    ).toBe("InvalidOperation");
    expect(
      await codeOf(
        d.Excel.run(async (ctx) => {
          ctx.workbook.tables.getItem("T").rows.add(undefined, [["'c", "'w"]]);
          await ctx.sync();
        }),
      ),
    ).toBe("InvalidOperation");
    await d.Excel.run(async (ctx) => {
      ctx.workbook.tables.getItem("T").clearFilters();
      write(ctx);
      await ctx.sync();
    });
    expect(d.workbook.table("T").rows).toEqual([
      ["a", "x"],
      ["b", "z"],
    ]);
  });

  test.each([
    [
      "a second sheet of the same name (any case)",
      (ctx: Excel.RequestContext) => ctx.workbook.worksheets.add("data"),
    ],
    [
      "a table name that is a defined name",
      (ctx: Excel.RequestContext) =>
        (ctx.workbook.worksheets.getItem("Data").tables.add("D1:E2", true).name = "Ten"),
    ],
    ["a defined name twice", (ctx: Excel.RequestContext) => ctx.workbook.names.add("Ten", "=Data!$A$2")],
  ])("%s → ItemAlreadyExists", async (_n, call) => {
    const d = fresh();
    d.workbook.addName("Ten", "=Data!$A$1");
    expect(
      await codeOf(
        d.Excel.run(async (ctx) => {
          call(ctx);
          await ctx.sync();
        }),
      ),
    ).toBe("ItemAlreadyExists");
  });

  test("getItem of a missing table fails the sync with an Office-style ItemNotFound error", async () => {
    const d = fresh();
    const run = d.Excel.run(async (ctx) => {
      ctx.workbook.tables.getItem("Nope").clearFilters();
      await ctx.sync();
    });
    await expect(run).rejects.toBeInstanceOf(DoubleOfficeError);
    await expect(run).rejects.toMatchObject({ code: "ItemNotFound", debugInfo: { code: "ItemNotFound" } });
  });
});

describe("tables, names, sheets", () => {
  test("rows.add inserts: cells below move down and names follow", async () => {
    const d = fresh();
    d.workbook.type("Data", "A1:C6", [
      ["'k", "'v", "'side"],
      ["'a", 1, ""],
      ["", "", ""],
      ["'note", "'below", "'c-stays"],
      ["", "", ""],
      ["", "", ""],
    ]);
    d.workbook.addTable("Data", "A1:B2", "T");
    d.workbook.addName("Below", "=Data!$B$4");
    await d.Excel.run(async (ctx) => {
      ctx.workbook.tables.getItem("T").rows.add(undefined, [
        ["'b", 2],
        ["'c", 3],
      ]);
      await ctx.sync();
    });
    expect(d.workbook.table("T").address).toBe("A1:B4");
    expect(d.workbook.sheet("Data").values("A4:C6")).toEqual([
      ["c", 3, "c-stays"],
      ["", "", ""],
      ["note", "below", ""],
    ]);
    expect(d.workbook.names()).toEqual([{ name: "Below", formula: "=Data!$B$6", comment: "" }]);
  });

  test("tables.add takes headers from the first row (text, unique, ColumnN)", async () => {
    const d = fresh();
    d.workbook.type("Data", "A1:D2", [
      ["'Mã", "", "'Mã", 2024],
      ["'x", 1, 2, 3],
    ]);
    await d.Excel.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem("Data").tables.add("A1:D2", true);
      t.name = "Bang";
      await ctx.sync();
    });
    expect(d.workbook.table("Bang").headers).toEqual(["Mã", "Column2", "Mã2", "2024"]);
  });

  test("deleting a sheet drops its tables; names pointing at it become #REF!", async () => {
    const d = fresh();
    d.workbook.addSheet("Tmp");
    d.workbook.type("Tmp", "A1:A2", [["'h"], [1]]);
    d.workbook.addTable("Tmp", "A1:A2", "TT");
    d.workbook.addName("N", "='Tmp'!$A$2");
    await d.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Tmp").delete();
      await ctx.sync();
    });
    expect(d.workbook.tableNames()).toEqual([]);
    expect(d.workbook.names()[0].formula).toBe("=#REF!$A$2");
  });

  test("getIntersection clamps a range to another (the null-object form gives null when they are apart)", async () => {
    const d = fresh();
    d.workbook.type("Data", "A1:B3", [
      ["'h", "'k"],
      [1, 2],
      [3, 4],
    ]);
    d.workbook.addTable("Data", "A1:B3", "T");
    await d.Excel.run(async (ctx) => {
      const body = ctx.workbook.tables.getItem("T").getDataBodyRange();
      const slice = body.getRow(0).getResizedRange(999, 0).getIntersection(body);
      const apart = ctx.workbook.worksheets.getItem("Data").getRange("D1").getIntersectionOrNullObject(body);
      slice.load("address,values");
      apart.load("address");
      await ctx.sync();
      expect([slice.address, slice.values, apart.isNullObject]).toEqual([
        "Data!A2:B3",
        [
          [1, 2],
          [3, 4],
        ],
        true,
      ]);
    });
  });

  test("the last sheet cannot be deleted", async () => {
    const d = fresh();
    expect(
      await codeOf(
        d.Excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem("Data").delete();
          await ctx.sync();
        }),
      ),
    ).toBe("InvalidOperation");
  });
});

describe("failures and byte accounting", () => {
  test.each([0, 2, 3, 5])(
    "an injected failure after %i actions keeps those, drops the rest, and rejects with its code",
    async (k) => {
      const d = fresh();
      d.workbook.injectFailure({ atSync: 1, afterOperations: k, code: "GeneralException" });
      const code = await codeOf(
        d.Excel.run(async (ctx) => {
          const s = ctx.workbook.worksheets.getItem("Data");
          s.getRange("A1").values = [[1]];
          s.getRange("A2").values = [[2]];
          await ctx.sync();
        }),
      );
      expect(code).toBe("GeneralException");
      // actions: path getItem, path getRange, values, path getRange, values
      const applied = d.workbook.sheet("Data").values("A1:A2").flat();
      expect(applied).toEqual(k >= 5 ? [1, 2] : k >= 3 ? [1, ""] : ["", ""]);
      expect(d.stats.perSync[0].failed).toBe(true);
      await d.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Data").getRange("A3").values = [[3]];
        await ctx.sync();
      });
      expect(d.workbook.sheet("Data").values("A3")).toEqual([[3]]);
    },
  );

  test("request bytes count what is written; response bytes what is loaded", async () => {
    const d = fresh();
    const payload = [["Quảng Ngãi", 12345, true]];
    await d.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("A1:C1");
      r.values = payload;
      await ctx.sync();
      r.load("values");
      await ctx.sync();
    });
    const [write, read] = d.stats.perSync;
    expect(jsonBytes(payload)).toBe(new TextEncoder().encode(JSON.stringify(payload)).length);
    expect(write.requestBytes).toBeGreaterThanOrEqual(jsonBytes(payload));
    expect(write.requestBytes).toBeLessThan(jsonBytes(payload) + 4 * 48 + 64);
    expect(write.operations).toBe(3);
    expect(read.responseBytes).toBeGreaterThanOrEqual(jsonBytes(payload));
    expect(d.stats.totalBytes()).toBe(write.requestBytes + read.requestBytes + read.responseBytes);
    d.stats.reset();
    expect(d.stats.syncs).toBe(0);
  });
});
