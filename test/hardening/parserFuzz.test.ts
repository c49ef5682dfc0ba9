/**
 * Issue 8.5 — the parsers under fuzz. 100,000 seeded strings (lib/fuzzCorpus.ts: random and
 * mutated text, NFD, combining-mark storms, control characters, legacy mojibake, Vietnamese-heavy
 * word salad, mutated catalogue JSON/CSV, single lines of 100,000 characters) through parseDeadline,
 * findUnit, expandAssignees, parseStatus, mapHeaders, parseCatalogue and decodeLegacyVietnamese:
 * - no exception (parseCatalogue: only CatalogueError), results of the documented shape;
 * - bounded time per input: the five slowest inputs of each parser are timed again (best of two
 *   or three; each time the smaller of wall and CPU time, so neither a GC pause nor a parallel
 *   jest worker is blamed on the parser) and must stay under 250 ms. The maxima are printed.
 *   250 ms (the brief suggests "a generous bound like 200 ms") sits in the gap between the
 *   linear parsers (≤ ~210 ms on a 100,000-character line) and the super-linear ones (≥ ~320 ms),
 *   so the verdict does not flip with the machine's load.
 * To keep the whole hardening run near two minutes on two cores, the two unit parsers get a
 * seeded share: findUnit every 2nd input, expandAssignees (~50× costlier per input than the
 * others: every comma piece is looked up as up to 8 unit names) every 20th and one long line of
 * each of the five kinds (each costs it ~0.6 s; the pinned test below covers the worst shape);
 * findUnit gets every long line. The other five get all 100,000.
 * Separate tests pin inputs built to hit the slow paths found while fuzzing.
 */
import {
  CatalogueError,
  decodeLegacyVietnamese,
  expandAssignees,
  findUnit,
  mapHeaders,
  parseCatalogue,
  parseDeadline,
  parseStatus,
} from "../../src/core";
import { toVNI } from "vietnamese-conversion";
import { buildFuzzCorpus, FUZZ_INPUTS, FUZZ_SEED, LONG_LINE_CHARS, type FuzzCorpus } from "./lib/fuzzCorpus";

const BOUND_MS = 250;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

interface Parser {
  name: string;
  run: (input: string, i: number) => unknown;
  /** A problem with the result's shape, or null. */
  shape: (result: unknown, input: string) => string | null;
  allowed?: (e: unknown) => boolean;
  /** Feed every `stride`-th input (long lines always, unless `longLines` limits them). */
  stride?: number;
  longLines?: number;
}

let corpus: FuzzCorpus;
const district = (i: number) =>
  i % 5 === 0 ? corpus.inputs[(i * 7_919) % FUZZ_INPUTS].slice(0, 200) : undefined;

const PARSERS: Parser[] = [
  {
    name: "parseDeadline",
    run: (s, i) => parseDeadline(s, i % 7 === 0 ? 2025 : 2024),
    shape: (r) => {
      const d = r as { kind?: unknown; due?: unknown; problem?: unknown };
      if (!["date", "recurring", "none"].includes(d.kind as string)) return `kind ${String(d.kind)}`;
      if (d.due !== null && !(typeof d.due === "string" && ISO.test(d.due))) return `due ${String(d.due)}`;
      if (d.problem !== undefined && (typeof d.problem !== "string" || d.kind !== "none"))
        return "problem without kind none";
      return null;
    },
  },
  {
    name: "findUnit",
    run: (s, i) => findUnit(s, district(i)),
    stride: 2,
    shape: (r) =>
      r === null || (typeof r === "object" && typeof (r as { id?: unknown }).id === "string")
        ? null
        : "not a unit or null",
  },
  {
    name: "expandAssignees",
    run: (s) => expandAssignees(s),
    shape: (r) =>
      Array.isArray(r) && r.every((u) => typeof u?.id === "string") ? null : "not a list of units",
    stride: 20,
    longLines: 5,
  },
  {
    name: "parseStatus",
    run: (s) => parseStatus(s),
    shape: (r) =>
      r === null || r === "done" || r === "in-progress" || r === "not-started" ? null : `status ${String(r)}`,
  },
  {
    name: "mapHeaders",
    run: (s, i) => mapHeaders(i % 11 === 0 ? [s, 42, null, undefined, true] : s.split(/[,;\t|]/)),
    shape: (r, s) => {
      const width = s.split(/[,;\t|]/).length + 5;
      const cols = Object.values(r as Record<string, number>);
      if (cols.some((c) => !Number.isInteger(c) || c < 0 || c >= width)) return "column out of range";
      return new Set(cols).size === cols.length ? null : "a column used twice";
    },
  },
  {
    name: "parseCatalogue",
    run: (s) => parseCatalogue(s),
    shape: (r) => {
      const c = r as { tasks?: unknown[]; schema?: unknown };
      return c.schema === "cchc-catalogue/1" && Array.isArray(c.tasks) && c.tasks.length > 0
        ? null
        : "not a catalogue";
    },
    allowed: (e) => e instanceof CatalogueError && e.problems.length > 0,
  },
  {
    name: "decodeLegacyVietnamese",
    run: (s, i) => decodeLegacyVietnamese(s, i % 3 === 0 ? undefined : i % 3 === 1 ? "tcvn3" : "vni"),
    shape: (r) => (typeof r === "string" ? null : "not a string"),
  },
];

interface Outcome {
  inputs: number;
  failures: string[];
  slowest: Array<{ i: number; ms: number }>;
  maxMs: number;
  maxInput: string;
}

const outcomes = new Map<string, Outcome>();

/**
 * Time of one call (ms): the smaller of wall time and this process's CPU time. Wall time grows
 * when another process (a parallel jest worker) shares the two cores; CPU time grows when the
 * garbage collector's helper threads work in parallel; neither is the parser's own time.
 * Exceptions are the main loop's business.
 */
function timeMs(f: () => unknown): number {
  const cpu = process.cpuUsage();
  const t = performance.now();
  try {
    f();
  } catch {
    // reported by the main loop
  }
  const wall = performance.now() - t;
  const used = process.cpuUsage(cpu);
  return Math.min(wall, (used.user + used.system) / 1_000);
}

/**
 * Best of up to three runs, stopping as soon as one is under the bound: a garbage collection or
 * another process busy on the same two cores is not the parser's time.
 */
function bestMs(f: () => unknown, first = timeMs(f)): number {
  let best = first;
  for (let k = 0; k < 2 && best >= BOUND_MS; k++) best = Math.min(best, timeMs(f));
  return best;
}

function fuzz(p: Parser): Outcome {
  const failures: string[] = [];
  const slowest: Array<{ i: number; ms: number }> = [];
  let inputs = 0;
  let longLines = 0;
  corpus.inputs.forEach((input, i) => {
    const long = input.length >= LONG_LINE_CHARS;
    if (long && p.longLines !== undefined && longLines >= p.longLines) return;
    if (long) longLines += 1;
    if (p.stride && i % p.stride !== 0 && !long) return;
    inputs += 1;
    const t = performance.now();
    let result: unknown;
    let error: unknown = null;
    try {
      result = p.run(input, i);
    } catch (e) {
      error = e;
    }
    const ms = performance.now() - t;
    if (slowest.length < 5 || ms > slowest[slowest.length - 1].ms) {
      slowest.push({ i, ms });
      slowest.sort((a, b) => b.ms - a.ms);
      slowest.length = Math.min(slowest.length, 5);
    }
    if (failures.length >= 10) return;
    const shown = JSON.stringify(input.slice(0, 120));
    if (error !== null) {
      if (!p.allowed?.(error))
        failures.push(
          `input ${i} ${shown}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
        );
    } else {
      const problem = p.shape(result, input);
      if (problem) failures.push(`input ${i} ${shown}: ${problem}`);
    }
  });
  // The five slowest (by wall time) are timed again, and once more when still over the bound.
  let maxMs = 0;
  let maxInput = "";
  for (const s of slowest) {
    const run = () => p.run(corpus.inputs[s.i], s.i);
    let best = Math.min(s.ms, timeMs(run));
    if (best >= BOUND_MS) best = Math.min(best, timeMs(run));
    if (best > maxMs) {
      maxMs = best;
      maxInput = corpus.inputs[s.i];
    }
  }
  return { inputs, failures, slowest, maxMs, maxInput };
}

beforeAll(() => {
  corpus = buildFuzzCorpus(FUZZ_SEED);
});

afterAll(() => {
  const lines = [...outcomes].map(
    ([name, o]) =>
      `${name.padEnd(24)} ${String(o.inputs).padStart(7)} inputs, slowest ${o.maxMs.toFixed(1).padStart(7)} ms ` +
      `(${o.maxInput.length} chars: ${JSON.stringify(o.maxInput.slice(0, 50))})`,
  );
  // The numbers the report quotes.
  console.log(`Fuzz (seed ${FUZZ_SEED}, ${corpus.inputs.length} inputs):\n${lines.join("\n")}`);
});

test(`the corpus: ${FUZZ_INPUTS} inputs of every kind`, () => {
  expect(corpus.inputs).toHaveLength(FUZZ_INPUTS);
  expect(corpus.inputs.filter((s) => s.length >= LONG_LINE_CHARS).length).toBeGreaterThanOrEqual(10);
  expect(corpus.inputs.some((s) => s !== s.normalize("NFC"))).toBe(true);
  expect(corpus.inputs.some((s) => /[\u0000-\u001f]/.test(s))).toBe(true);
  // Deterministic: the same seed gives the same corpus.
  expect(buildFuzzCorpus(FUZZ_SEED, 2_000).inputs).toEqual(corpus.inputs.slice(0, 2_000));
});

describe.each(PARSERS.map((p) => [p.name, p]))("%s", (name, p) => {
  test("no exception, results of the documented shape", () => {
    const o = fuzz(p);
    outcomes.set(name, o);
    expect(o.failures).toEqual([]);
  }, 120_000);

  test(`slowest input < ${BOUND_MS} ms`, () => {
    const o = outcomes.get(name) as Outcome;
    const verdict =
      o.maxMs < BOUND_MS
        ? "ok"
        : `${Math.round(o.maxMs)} ms on a ${o.maxInput.length}-character input ${JSON.stringify(o.maxInput.slice(0, 80))}…`;
    expect(verdict).toBe("ok");
  });
});

// ───────────── the slow paths, pinned ─────────────

test("findUnit: a long cell repeating “huyện” and ending in a line break stays under 250 ms (regex backtracking)", () => {
  // 24,000 characters; a real cell may hold 32,767. Time grows with the square of the length.
  const input = "UBND huyện ".repeat(2_200) + "\nx";
  expect(bestMs(() => findUnit(input))).toBeLessThan(BOUND_MS);
});

test("expandAssignees: a 32,767-character lead cell of short comma-separated names stays under 250 ms", () => {
  const input = "Sở A, ".repeat(5_461).slice(0, 32_767);
  expect(bestMs(() => expandAssignees(input))).toBeLessThan(BOUND_MS);
});

test("parseCatalogue: a 200,000-character single-line CSV (mojibake cells, many commas) is handled under 250 ms", () => {
  // The header search maps every cell of the first 30 rows, decoding each as legacy text: a 2 MB
  // line (the download cap) took ~9 s. Found by the fuzz corpus's long lines.
  const cells = toVNI(
    "Phường Nguyễn Nghiêm, Xã Trà Bình, Rà soát đơn vị hành chính cấp huyện, Thời hạn, ",
    "unicode",
  );
  const input = cells.repeat(Math.ceil(200_000 / cells.length)).slice(0, 200_000);
  expect(bestMs(() => parseCatalogue(input))).toBeLessThan(BOUND_MS);
});

test("parseCatalogue: a 4.9-million-character CSV (just under the cap) parses or is refused within 5 s", () => {
  const row = "1,Rà soát thủ tục hành chính nội bộ và số hóa hồ sơ,Sở Nội vụ,Quý IV/2024\n";
  const input = "STT,Nhiệm vụ,Cơ quan chủ trì,Thời hạn\n" + row.repeat(Math.floor(4_900_000 / row.length));
  let error: unknown = null;
  const t = timeMs(() => {
    try {
      parseCatalogue(input);
    } catch (e) {
      error = e;
    }
  });
  expect(error === null || error instanceof CatalogueError).toBe(true);
  expect(t).toBeLessThan(5_000);
});

test("a “Zalgo” cell (one letter and 30,000 combining marks, within Excel's 32,767) through every text parser < 250 ms", () => {
  // String.prototype.normalize reorders a run of combining marks in quadratic time (20,000 marks:
  // ~190 ms per call); the parsers normalize several times per cell.
  const marks = Array.from({ length: 30_000 }, (_, i) => String.fromCharCode(0x300 + ((i * 7) % 0x70))).join(
    "",
  );
  const cell = `Thị trấn Ba ${marks}`;
  const parsers: Array<[string, () => unknown]> = [
    ["parseDeadline", () => parseDeadline(cell, 2024)],
    ["parseStatus", () => parseStatus(cell)],
    ["findUnit", () => findUnit(cell)],
    ["expandAssignees", () => expandAssignees(cell)],
    ["mapHeaders", () => mapHeaders([cell])],
    ["decodeLegacyVietnamese", () => decodeLegacyVietnamese(cell)],
    [
      "parseCatalogue",
      () => parseCatalogue(`STT,Nhiệm vụ,Cơ quan chủ trì,Thời hạn\n1,${cell},Sở Nội vụ,Quý IV/2024\n`),
    ],
  ];
  const slow = parsers
    .map(([name, run]) => [name, Math.round(timeMs(run))] as const)
    .filter(([, t]) => t >= BOUND_MS)
    .map(([name, t]) => `${name}: ${t} ms`);
  expect(slow).toEqual([]);
});
