/**
 * What `npm run build` ships, checked after the build (`npm test` builds before `test:e2e`):
 * the files Office loads, the manifest (xmllint + rules), the generated functions metadata in
 * both languages, the page's Content-Security-Policy, bundles that run under it, and the
 * bundle budgets of the performance issue. The unit suite checks the sources; this checks the
 * output, which is what users get.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { checkManifest } from "../../scripts/lib/manifestCheck";
import {
  bundleEvalFindings,
  describeCspChecks,
  describeManifestChecks,
  filesUnder,
} from "../hardening/lib/webPolicy";
import { FUNCTION_IDS } from "../functions/ids";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const at = (...p: string[]) => path.join(DIST, ...p);
const schemaDir =
  process.env.CCHC_MANIFEST_SCHEMA_DIR ??
  path.resolve(ROOT, "..", "shared", "schemas", "office-addin-manifest");

const IDS = FUNCTION_IDS;

interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: Array<{ name: string; description?: string }>;
}

beforeAll(() => {
  if (!existsSync(at("taskpane.html")))
    throw new Error("dist/ is missing: run `npm run build` first (npm test does it before test:e2e).");
});

describe("dist/ holds what the manifest points at", () => {
  test.each([
    "taskpane.html",
    "taskpane.js",
    "functions.js",
    "functions.json",
    "functions.en-US.json",
    "manifest.xml",
    "assets/icon-16.png",
    "assets/icon-32.png",
    "assets/icon-64.png",
    "assets/icon-80.png",
    "schemas/cchc-catalogue-1.schema.json",
  ])("%s", (file) => {
    expect(existsSync(at(file))).toBe(true);
  });

  test("the page loads the functions bundle before the task pane (one shared runtime)", () => {
    const html = readFileSync(at("taskpane.html"), "utf8");
    const functions = html.search(/src=["']?functions\.js/);
    const taskpane = html.search(/src=["']?taskpane\.js/);
    expect(functions).toBeGreaterThan(0);
    expect(taskpane).toBeGreaterThan(functions);
  });

  test("every add-in URL in the built manifest maps to a file in dist/", () => {
    const xml = readFileSync(at("manifest.xml"), "utf8");
    const source = /<SourceLocation DefaultValue="([^"]+)"/.exec(xml)?.[1] as string;
    const origin = new URL(source).origin + "/";
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(10);
    for (const u of urls.filter((x) => x.startsWith(origin))) {
      const file = new URL(u).pathname.replace(/^\//, "");
      expect(`${u} → ${existsSync(at(file)) ? "found" : "missing"}`).toBe(`${u} → found`);
    }
  });
});

describe("dist/manifest.xml is valid", () => {
  test("XML Schema (xmllint, really run) and the rules", () => {
    const result = checkManifest(readFileSync(at("manifest.xml"), "utf8"), { schemaDir });
    expect(result.problems).toEqual([]);
    expect(result.schemaChecked).toBe(true);
  });
});
describeManifestChecks("dist/manifest.xml: AppDomains and URLs", () => at("manifest.xml"));

describe("the generated functions metadata", () => {
  const load = (f: string) => (JSON.parse(readFileSync(at(f), "utf8")) as { functions: Fn[] }).functions;

  test.each(["functions.json", "functions.en-US.json"])(
    "%s: the nine ids, each function and parameter described",
    (file) => {
      const fns = load(file);
      expect(fns.map((f) => f.id).sort()).toEqual([...IDS].sort());
      for (const f of fns) {
        expect(`${f.id}: ${f.description?.trim() ? "described" : "no description"}`).toBe(
          `${f.id}: described`,
        );
        for (const p of f.parameters)
          expect(`${f.id}.${p.name}: ${p.description?.trim() ? "described" : "no description"}`).toBe(
            `${f.id}.${p.name}: described`,
          );
      }
    },
  );

  test("Vietnamese by default, English in the override; same ids and parameters in both", () => {
    const vi = load("functions.json");
    const en = load("functions.en-US.json");
    for (const f of vi) {
      const e = en.find((x) => x.id === f.id) as Fn;
      expect(e.parameters.map((p) => p.name)).toEqual(f.parameters.map((p) => p.name));
      expect(e.description).not.toBe(f.description);
    }
    // Each description in its language (the English ones quote Vietnamese examples, so: words).
    for (const f of vi)
      expect(`${f.id}: ${f.description}`).toMatch(/\s(của|và|theo|đơn vị|nhiệm vụ)[\s,.:;)]/iu);
    for (const f of en) expect(`${f.id}: ${f.description}`).toMatch(/\b(the|of|and|a)\b/);
    expect(vi.map((f) => f.description).join(" ")).not.toMatch(/\b(the|of)\b/);
  });
});

describeCspChecks("dist/taskpane.html", () => readFileSync(at("taskpane.html"), "utf8"));

describe("dist bundles", () => {
  test("no eval anywhere; new Function only in webpack's guarded globalThis fallback", () => {
    const bundles = filesUnder(DIST, /\.js$/);
    expect(bundles.length).toBeGreaterThan(3);
    for (const line of bundleEvalFindings(DIST, bundles)) expect(line).toMatch(/: ok$/);
  });

  test("budgets: initial task-pane JS ≤ 110 KB gzip; functions ≤ 30 KB gzip and free of React", () => {
    const gz = (f: string) => gzipSync(readFileSync(at(f)), { level: 9 }).length;
    expect(gz("taskpane.js")).toBeLessThanOrEqual(110_000);
    expect(gz("functions.js")).toBeLessThanOrEqual(30_000);
    expect(readFileSync(at("functions.js"), "utf8")).not.toMatch(
      /react\.production|__SECRET_INTERNALS_DO_NOT_USE|react-dom/,
    );
  });
});
