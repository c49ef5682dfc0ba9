/**
 * The metadata Excel reads: generated from the JSDoc of src/functions/functions.ts with Microsoft's
 * generator (what custom-functions-metadata-plugin runs in the build), then localised with
 * metadata.en.json exactly as the build's LocalizeFunctionsPlugin does.
 */
import path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import english from "../../src/functions/metadata.en.json";
import { FUNCTION_IDS } from "./ids";
import { VIETNAMESE } from "../hardening/lib/vietnamese";

interface Param {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: Param[];
  result: { type?: string; dimensionality?: string };
}
interface Metadata {
  functions: Fn[];
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localizeFunctionsMetadata } = require("../../scripts/webpack/localize-functions-plugin") as {
  localizeFunctionsMetadata: (m: Metadata, en: unknown) => { metadata: Metadata; problems: string[] };
};

const IDS = FUNCTION_IDS;

let vi: Metadata;
let en: Metadata;

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(
    path.resolve(__dirname, "../../src/functions/functions.ts"),
  );
  expect(generated.errors).toEqual([]);
  vi = JSON.parse(generated.metadataJson) as Metadata;
  const localized = localizeFunctionsMetadata(vi, english);
  expect(localized.problems).toEqual([]);
  en = localized.metadata;
}, 60_000);

test("exactly the nine contract ids, named as they are", () => {
  expect(vi.functions.map((f) => f.id)).toEqual(IDS);
  expect(vi.functions.map((f) => f.name)).toEqual(IDS);
  expect(en.functions.map((f) => f.id)).toEqual(IDS);
});

test("signatures: parameters, optional ones, ranges and spilled results", () => {
  const sig = (f: Fn) =>
    `${f.id}(${f.parameters.map((p) => `${p.optional ? "[" : ""}${p.name}${p.dimensionality === "matrix" ? "[][]" : ""}${p.optional ? "]" : ""}`).join(", ")})${f.result.dimensionality === "matrix" ? "[][]" : ""}`;
  expect(vi.functions.map(sig)).toEqual([
    "DEADLINE(text, [planYear])",
    "STATUS(due, status, [completedOn], [reportDate])",
    "ISOVERDUE(due, status, [reportDate])",
    "COMPLETION(units[][], statuses[][], unit)",
    "UNITSUMMARY(units[][], dues[][], statuses[][], [completedOns[][]], [reportDate], [verdicts[][]])[][]",
    "SCORE(rate, maxPoints, [threshold], [lateCount], [latePenalty])",
    "SCORETIERS(rate, tiers[][], [lateCount], [latePenalty])",
    "UNIT(name, [district], [asOf])",
    "TASKS([source])[][]",
  ]);
  // Scalars are `any` so that the functions, not Excel, explain a wrong type in Vietnamese.
  for (const f of vi.functions) for (const p of f.parameters) expect(p.type).toBe("any");
});

test("every function and parameter is described in Vietnamese and in English, differently", () => {
  for (const [i, f] of vi.functions.entries()) {
    const e = en.functions[i];
    expect(f.description).toMatch(VIETNAMESE);
    expect((e.description ?? "").length).toBeGreaterThan(20);
    expect(e.description).not.toBe(f.description);
    expect(e.parameters.map((p) => p.name)).toEqual(f.parameters.map((p) => p.name));
    for (const [j, p] of f.parameters.entries()) {
      const q = e.parameters[j];
      expect(p.description?.trim()).toBeTruthy();
      expect(q.description?.trim()).toBeTruthy();
      expect(q.description).not.toBe(p.description);
    }
  }
});

test("report-date parameters explain TODAY() and a report-date cell in both languages", () => {
  for (const id of ["STATUS", "ISOVERDUE", "UNITSUMMARY"]) {
    const p = vi.functions.find((f) => f.id === id)?.parameters.find((x) => x.name === "reportDate");
    const q = en.functions.find((f) => f.id === id)?.parameters.find((x) => x.name === "reportDate");
    expect(p?.description).toMatch(/TODAY\(\)/);
    expect(p?.description).toMatch(/ô ngày báo cáo/);
    expect(q?.description).toMatch(/TODAY\(\)/);
    expect(q?.description).toMatch(/report-date cell/);
  }
});

test("a drifted English file is reported", () => {
  const drifted = JSON.parse(JSON.stringify(english)) as Record<
    string,
    { parameters: Record<string, string> }
  >;
  delete drifted.UNIT.parameters.district;
  drifted.SCORE.parameters.bonus = "x";
  const { problems } = localizeFunctionsMetadata(vi, drifted);
  expect(problems).toEqual(
    expect.arrayContaining([
      expect.stringContaining("UNIT(district)"),
      expect.stringContaining("SCORE(bonus)"),
    ]),
  );
});
