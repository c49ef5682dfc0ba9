/**
 * Issue 8.4 — custom functions under bad arguments, beyond test/functions/badArguments.test.ts
 * (which puts one awkward value at a time into one argument). Added here:
 * - more awkward values: Date objects (before 1900, after 9999), -0, denormals, serials past
 *   31/12/9999, text that spells Infinity/NaN, 100,000-character text, NFD, control characters,
 *   lone surrogates, data types holding NaN/Infinity, nested and sparse arrays, symbols, BigInt;
 * - every argument awkward at once (fast-check, seeded);
 * - 100,000-row ranges: many distinct values, an error in the last row, rows vs columns, lengths
 *   that differ by one, a 100,000-row tier table;
 * - what spills: UNITSUMMARY and TASKS tables hold only plain values, whatever the data;
 * - TASKS with addresses and downloads that fail (through the real downloader, fake network).
 * Each call must return a plain value / rectangular table, or throw CustomFunctions.Error with
 * #VALUE! or #N/A and a Vietnamese message that explains — "Lỗi không mong đợi" (an internal
 * exception the guard had to catch) counts as a failure.
 */
import fc from "fast-check";
import { ErrorCode, FakeCustomFunctionsError } from "../functions/customFunctionsFake";
import {
  checkCall as check,
  col,
  describeValue,
  plainProblem,
  VALID_CALLS,
  type Fn,
} from "../functions/calls";
import * as F from "../../src/functions/functions";
import { tasksTable, type TasksDeps } from "../../src/functions/tasks";
import { loadBundledCatalogue } from "../../src/core/catalogue/bundled";
import { fetchCatalogue } from "../../src/net/fetchCatalogue";
import { INJECTION_PAYLOADS } from "./lib/payloads";
import { VIETNAMESE } from "./lib/vietnamese";

const unitSummary = F.unitSummary as Fn;
const sparse = new Array(3);
const longText = "Sở Nội vụ; ".repeat(10_000);

const AWKWARD: Array<[string, unknown]> = [
  ["valid Date", new Date(Date.UTC(2024, 11, 31))],
  ["Date before 1900", new Date(Date.UTC(1899, 11, 30))],
  ["Date in year 1", new Date("0001-01-01T00:00:00Z")],
  ["Date after 9999", new Date(Date.UTC(10_000, 0, 1))],
  ["-0", -0],
  ["Number.MIN_VALUE", Number.MIN_VALUE],
  ["MAX_SAFE_INTEGER", Number.MAX_SAFE_INTEGER],
  ["-Number.MAX_VALUE", -Number.MAX_VALUE],
  ["serial past 31/12/9999", 2_958_466],
  ["serial 60 (29/02/1900, a day that never was)", 60],
  ["0.999", 0.999],
  ["negative fraction", -0.5],
  ["text 1e309", "1e309"],
  ["text Infinity", "Infinity"],
  ["text NaN", "NaN"],
  ["text -0", "-0"],
  ["text ' 1,5 % '", " 1,5 % "],
  ["text 86.45%", "86.45%"],
  ["text 100,000 characters", longText],
  ["NFD text", "Sở Nội vụ".normalize("NFD")],
  ["control characters", "\u0000\u0007\u001b"],
  ["lone surrogate", "\ud800x"],
  ["emoji", "✅"],
  ["right-to-left override", "\u202eSở Nội vụ"],
  ["text 29/02/2023", "29/02/2023"],
  ["text 01/01/0001", "01/01/0001"],
  ["text 31/12/9999", "31/12/9999"],
  ["text 1/1/1900", "1/1/1900"],
  ["formula-looking text", '=WEBSERVICE("https://evil.example")'],
  ["data type Double NaN", { type: "Double", basicValue: Number.NaN }],
  ["data type Double Infinity", { type: "Double", basicValue: Number.POSITIVE_INFINITY }],
  ["data type String", { type: "String", basicValue: "Sở Nội vụ" }],
  ["data type Boolean", { type: "Boolean", basicValue: true }],
  ["entity with text only", { type: "Entity", text: "Sở Nội vụ", properties: {} }],
  ["object with a numeric text", { text: 5 }],
  ["Excel error value #REF!", { type: "Error", errorType: "Ref" }],
  ["CustomFunctions.Error #VALUE!", new FakeCustomFunctionsError(ErrorCode.invalidValue, "x")],
  ["a JS Error", new Error("boom")],
  ["nested array in a cell", [[[1]]]],
  ["range of ranges", [[[[1]]]]],
  ["sparse array", sparse],
  ["range with a hole", [[1], , [3]]],
  ["row of 16,384 cells", [new Array(16_384).fill("x")]],
  ["range 1,000 × 100", Array.from({ length: 1_000 }, () => new Array(100).fill(""))],
  ["Symbol", Symbol("x")],
  ["function", () => 1],
  ["BigInt", BigInt(10)],
  ["Map", new Map([["a", 1]])],
];

// TASKS is exercised below with failing downloads (its valid call reads no network).
const VALID = VALID_CALLS.filter(([id]) => id !== "TASKS");

describe.each(VALID)("CCHC.%s", (_id, fn, valid) => {
  test("each argument × each further awkward value", async () => {
    const failures: string[] = [];
    for (let slot = 0; slot < valid.length; slot++) {
      for (const [name, value] of AWKWARD) {
        const args = [...valid];
        args[slot] = value;
        const problem = await check(fn, args);
        if (problem) failures.push(`argument ${slot} = ${name}: ${problem}`);
      }
    }
    expect(failures).toEqual([]);
  }, 30_000);

  test("every argument awkward at once (fast-check, 150 runs)", async () => {
    // Holey arrays are left to the test above (one finding is enough); the rest mix freely.
    const pool = [
      ...AWKWARD.filter(([name]) => !/sparse|hole/.test(name)).map(([, v]) => v),
      ...valid,
      null,
      "",
      "abc",
      true,
      -1,
      Number.NaN,
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...pool), { minLength: 0, maxLength: valid.length + 1 }),
        async (args) => {
          const problem = await check(fn, args);
          if (problem) throw new Error(`${problem} for ${args.map(describeValue).join(", ")}`);
        },
      ),
      { numRuns: 150, seed: 45657 },
    );
  }, 30_000);
});

// ───────────── 100,000-row ranges ─────────────

describe("100,000-row ranges", () => {
  const N = 100_000;
  const column = (f: (i: number) => unknown) => Array.from({ length: N }, (_, i) => [f(i)]);
  const AGENCIES = ["Sở Nội vụ", "SNV", "Sở Tư pháp", "UBND huyện Bình Sơn", "Xã Bình Thạnh", "Ban dự án"];
  const units = column((i) => (i % 50 === 0 ? `Đơn vị riêng ${i % 2_000}` : AGENCIES[i % AGENCIES.length]));
  const dues = column(
    (i) => [45_657, "Quý IV/2024", "Thường xuyên", "", `${(i % 28) + 1}/${(i % 12) + 1}/2024`][i % 5],
  );
  const statuses = column((i) => ["x", "", "Đang thực hiện", "Đã hoàn thành", true, 0.5][i % 6]);
  const completed = column((i) => (i % 3 === 0 ? 45_300 + (i % 400) : ""));
  const withLast = (c: unknown[][], v: unknown) => [...c.slice(0, -1), [v]];

  const cases: Array<[string, () => unknown, RegExp | null]> = [
    ["UNITSUMMARY, 2,000+ distinct units", () => unitSummary(units, dues, statuses, completed, 45_657), null],
    ["COMPLETION", () => F.completion(units, statuses, "Sở Nội vụ"), null],
    [
      "UNITSUMMARY as rows (1 × 100,000)",
      () =>
        unitSummary(
          [units.map((r) => r[0])],
          [dues.map((r) => r[0])],
          [statuses.map((r) => r[0])],
          null,
          45_657,
        ),
      null,
    ],
    [
      "UNITSUMMARY, an error value in the last row",
      () =>
        unitSummary(
          units,
          dues,
          withLast(statuses, new FakeCustomFunctionsError("#DIV/0!")),
          completed,
          45_657,
        ),
      /dòng 100000/,
    ],
    [
      "UNITSUMMARY, an unreadable deadline in the last row",
      () => unitSummary(units, withLast(dues, "sớm nhất có thể"), statuses, completed, 45_657),
      /dòng 100000/,
    ],
    [
      "UNITSUMMARY, a date before 1900 in the last row",
      () => unitSummary(units, dues, statuses, withLast(completed, -3), 45_657),
      /dòng 100000/,
    ],
    [
      "COMPLETION, 32,767-character unit name in the last row",
      () => F.completion(withLast(units, "S".repeat(32_767)), statuses, "SNV"),
      null,
    ],
    [
      "COMPLETION, ranges one row apart",
      () => F.completion(units, statuses.slice(1), "SNV"),
      /dài bằng nhau/,
    ],
    [
      "UNITSUMMARY, 100,000 × 2 against 100,000 × 1",
      () =>
        unitSummary(
          units.map((r) => [r[0], r[0]]),
          dues,
          statuses,
          null,
          45_657,
        ),
      /dài bằng nhau/,
    ],
    [
      "SCORETIERS, 100,000 tiers",
      () =>
        F.scoreTiers(
          0.9,
          Array.from({ length: N }, (_, i) => [i / N, i % 5]),
          0,
          0,
        ),
      null,
    ],
    [
      "SCORETIERS, 100,000 tiers with text in the last",
      () => F.scoreTiers(0.9, [...Array.from({ length: N - 1 }, (_, i) => [i / N, 1]), ["x", "y"]], 0, 0),
      /Bảng bậc, dòng 100000/,
    ],
  ];

  test.each(cases)(
    "%s: a plain result or a #VALUE!/#N/A naming the row",
    async (_name, call, expected) => {
      const started = performance.now();
      let result: unknown;
      let error: unknown = null;
      try {
        result = call();
      } catch (e) {
        error = e;
      }
      const ms = performance.now() - started;
      if (expected) {
        expect(error).toBeInstanceOf(FakeCustomFunctionsError);
        expect((error as FakeCustomFunctionsError).message).toMatch(expected);
        expect((error as FakeCustomFunctionsError).message).toMatch(VIETNAMESE);
      } else {
        if (error) expect(await check(() => call(), [])).toBeNull();
        else expect(plainProblem(result)).toBeNull();
      }
      expect(ms).toBeLessThan(10_000);
    },
    30_000,
  );
});

// ───────────── what spills ─────────────

describe("spilled tables hold plain values only", () => {
  test("UNITSUMMARY: unit names that look like formulas, errors or nothing", () => {
    const names = [...INJECTION_PAYLOADS, "#N/A", "#VALUE!", "   ", "\u0000"];
    const out = unitSummary(
      col(...names),
      col(...names.map(() => "Quý IV/2024")),
      col(...names.map((_, i) => (i % 2 ? "x" : ""))),
      null,
      45_657,
    );
    expect(plainProblem(out)).toBeNull();
  });

  const payloadCatalogue = {
    schema: "cchc-catalogue/1",
    id: "chen",
    title: "Chèn",
    planYear: 2024,
    source: { document: "Kiểm thử", official: true },
    tasks: INJECTION_PAYLOADS.map((p, i) => ({
      id: `I.${i}`,
      area: "I",
      title: p,
      lead: p,
      coordinating: p,
      output: p,
      deadline: "Quý IV/2024",
    })),
  };

  const deps = (served: () => Promise<Response> | Response, timeoutMs = 50): TasksDeps => ({
    loadBundledCatalogue,
    fetchCatalogue: (url, options) =>
      fetchCatalogue(url, { ...options, fetchImpl: (async () => served()) as typeof fetch, timeoutMs }),
  });

  test("TASKS over a downloaded catalogue full of payloads", async () => {
    const out = await tasksTable(
      "https://data.example.vn/chen.json",
      deps(
        () =>
          new Response(JSON.stringify(payloadCatalogue), { headers: { "content-type": "application/json" } }),
      ),
    );
    expect(plainProblem(out)).toBeNull();
    expect(out.length).toBe(INJECTION_PAYLOADS.length + 1);
  });

  test.each<[string, unknown, () => Promise<Response> | Response, string]>([
    ["http: address", "http://data.example.vn/x.json", () => new Response("{}"), ErrorCode.invalidValue],
    ["file: address", "file:///C:/x.json", () => new Response("{}"), ErrorCode.invalidValue],
    ["javascript: address", "javascript:alert(1)", () => new Response("{}"), ErrorCode.invalidValue],
    ["data: address", "data:application/json,{}", () => new Response("{}"), ErrorCode.invalidValue],
    [
      "credentials in the address",
      "https://u:p@data.example.vn/x.json",
      () => new Response("{}"),
      ErrorCode.invalidValue,
    ],
    ["a path without a scheme", "thu-muc/danh-muc.json", () => new Response("{}"), ErrorCode.invalidValue],
    ["an unknown catalogue name", "danh-muc-2030", () => new Response("{}"), ErrorCode.notAvailable],
    [
      "HTTP 404",
      "https://data.example.vn/404.json",
      () => new Response("no", { status: 404 }),
      ErrorCode.notAvailable,
    ],
    [
      "network error",
      "https://data.example.vn/net.json",
      () => Promise.reject(new TypeError("Failed to fetch")),
      ErrorCode.notAvailable,
    ],
    [
      "timeout",
      "https://data.example.vn/slow.json",
      () => new Promise<Response>(() => undefined),
      ErrorCode.notAvailable,
    ],
    [
      "HTML instead of JSON",
      "https://data.example.vn/html.json",
      () => new Response("<!doctype html><p>login</p>"),
      ErrorCode.notAvailable,
    ],
    [
      "malformed catalogue",
      "https://data.example.vn/bad.json",
      () => new Response('{"schema":"x"}'),
      ErrorCode.invalidValue,
    ],
    [
      "100,000 nested arrays",
      "https://data.example.vn/deep.json",
      () => new Response("[".repeat(100_000) + "]".repeat(100_000)),
      ErrorCode.invalidValue,
    ],
  ])("TASKS: %s → %s with a Vietnamese reason", async (_name, source, served, code) => {
    let error: unknown = null;
    try {
      await tasksTable(source, deps(served));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FakeCustomFunctionsError);
    expect((error as FakeCustomFunctionsError).code).toBe(code);
    expect((error as FakeCustomFunctionsError).message).toMatch(VIETNAMESE);
    expect((error as FakeCustomFunctionsError).message).not.toMatch(/không mong đợi/);
  });
});
