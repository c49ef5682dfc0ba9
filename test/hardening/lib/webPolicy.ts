/**
 * The web-security checks shared by the unit suite (the page template and manifest.xml as
 * committed) and the build suite (test/e2e/build.e2e.ts: the same checks on what
 * `npm run build` ships). Each `describe…` function registers a block of jest tests.
 * jsdom's DOMParser parses the page as HTML and the manifest as XML: no regular expressions
 * over markup.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { JSDOM } from "jsdom";

const { DOMParser } = new JSDOM("").window;
export const OFFICE_ORIGIN = "https://appsforoffice.microsoft.com";

export function filesUnder(dir: string, exts: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, exts));
    else if (exts.test(name)) out.push(p);
  }
  return out;
}

// ───────────── Content-Security-Policy ─────────────

type Csp = Map<string, string[]>;

function cspOf(html: string): { csp: Csp; doc: Document } {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const metas = [...doc.querySelectorAll("meta")].filter(
    (m) => m.getAttribute("http-equiv")?.toLowerCase() === "content-security-policy",
  );
  expect(metas).toHaveLength(1);
  const csp: Csp = new Map();
  for (const part of (metas[0].getAttribute("content") ?? "").split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) csp.set(name.toLowerCase(), sources);
  }
  return { csp, doc };
}

/** The task-pane page's policy: tight enough to stop injected scripts, open enough for Office. */
export function describeCspChecks(name: string, page: () => string): void {
  describe(`Content-Security-Policy of ${name}`, () => {
    let csp: Csp;
    let doc: Document;
    beforeAll(() => {
      ({ csp, doc } = cspOf(page()));
    });

    test("scripts only from 'self' and appsforoffice.microsoft.com; no 'unsafe-eval' or 'unsafe-inline' for scripts", () => {
      const scripts = csp.get("script-src") ?? csp.get("default-src") ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const s of scripts) expect(["'self'", OFFICE_ORIGIN]).toContain(s);
      for (const [, sources] of csp) expect(sources).not.toContain("'unsafe-eval'");
    });

    test("object-src 'none'; default-src, base-uri and form-action restricted", () => {
      expect(csp.get("object-src")).toEqual(["'none'"]);
      expect(csp.get("default-src")).toEqual(["'self'"]);
      expect(["'self'", "'none'"]).toContain(csp.get("base-uri")?.[0]);
      expect(csp.get("form-action")).toEqual(["'none'"]);
    });

    test("connect-src: 'self' and https only", () => {
      const connect = csp.get("connect-src") ?? [];
      expect(connect.length).toBeGreaterThan(0);
      for (const s of connect)
        expect(s === "'self'" || s === "https:" || /^https:\/\/[^*\s]+$/.test(s)).toBe(true);
    });

    test("every source in every directive is 'self', 'none', data: (images/fonts), https: or an https origin", () => {
      for (const [directive, sources] of csp)
        for (const s of sources) {
          const ok =
            ["'self'", "'none'", "https:"].includes(s) ||
            /^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(s) ||
            (s === "data:" && ["img-src", "font-src"].includes(directive)) ||
            (s === "'unsafe-inline'" && directive === "style-src");
          expect(`${directive} ${s}: ${ok ? "ok" : "too wide"}`).toBe(`${directive} ${s}: ok`);
        }
    });

    test("the page's own scripts obey it: no inline script, every src from self or the Office CDN", () => {
      const scripts = [...doc.querySelectorAll("script")];
      expect(scripts.length).toBeGreaterThan(0);
      for (const s of scripts) {
        const src = s.getAttribute("src");
        expect(src).not.toBeNull();
        expect(s.textContent?.trim()).toBe("");
        expect(!/^[a-z]+:/i.test(src as string) || (src as string).startsWith(`${OFFICE_ORIGIN}/`)).toBe(
          true,
        );
      }
    });
  });
}

// ───────────── built bundles ─────────────

/** Per bundle: "ok", or what makes it need 'unsafe-eval'. */
export function bundleEvalFindings(root: string, files: readonly string[]): string[] {
  return files.map((f) => {
    const text = readFileSync(f, "utf8");
    const problems: string[] = [];
    if (/(^|[^.\w$])eval\(/.test(text)) problems.push("eval");
    // webpack's runtime has one guarded `new Function("return this")` fallback for globalThis.
    for (const m of text.match(/new Function\([^)]*\)/g) ?? [])
      if (!/^new Function\(["']return this["']\)$/.test(m)) problems.push(m);
    return `${relative(root, f)}: ${problems.length ? problems.join(", ") : "ok"}`;
  });
}

// ───────────── manifest ─────────────

/** AppDomains no wider than needed, and every URL https on the add-in's own origin. */
export function describeManifestChecks(name: string, file: () => string): void {
  describe(name, () => {
    let doc: Document;
    beforeAll(() => {
      doc = new DOMParser().parseFromString(readFileSync(file(), "utf8"), "application/xml");
      expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    });

    /** Every URL-looking attribute value and text in the manifest. */
    function urls(): string[] {
      const out: string[] = [];
      for (const el of Array.from(doc.getElementsByTagName("*"))) {
        for (const a of Array.from(el.attributes))
          if (/^[a-z][a-z0-9+.-]*:\/\//i.test(a.value) && !a.name.startsWith("xmlns")) out.push(a.value);
        for (const n of Array.from(el.childNodes))
          if (n.nodeType === 3 && /^[a-z][a-z0-9+.-]*:\/\//i.test((n.textContent ?? "").trim()))
            out.push((n.textContent ?? "").trim());
      }
      return out;
    }

    test("AppDomains: none, or https origins only (no wildcard, no path)", () => {
      const domains = Array.from(doc.getElementsByTagName("AppDomain")).map((d) =>
        (d.textContent ?? "").trim(),
      );
      for (const d of domains) expect(d).toMatch(/^https:\/\/[a-z0-9.-]+(:\d+)?$/i);
    });

    test("every URL is https, on the add-in's own origin", () => {
      const all = urls();
      expect(all.length).toBeGreaterThan(5);
      for (const u of all) expect(u).toMatch(/^https:\/\//);
      const source = doc.getElementsByTagName("SourceLocation")[0]?.getAttribute("DefaultValue") as string;
      const origin = new URL(source).origin;
      const domains = Array.from(doc.getElementsByTagName("AppDomain")).map((d) =>
        (d.textContent ?? "").trim(),
      );
      for (const u of all) expect([origin, ...domains]).toContain(new URL(u).origin);
    });
  });
}

/** Every http(s) URL in a manifest file (for checks on the origin the build wrote). */
export function manifestUrls(file: string): string[] {
  const doc = new DOMParser().parseFromString(readFileSync(file, "utf8"), "application/xml");
  const out: string[] = [];
  for (const el of Array.from(doc.getElementsByTagName("*")))
    for (const a of Array.from(el.attributes))
      if (/^https?:\/\//i.test(a.value) && !a.name.startsWith("xmlns")) out.push(a.value);
  return out;
}
