/**
 * manifest.xml: XML Schema (xmllint, offline schemas) + the rules of scripts/lib/manifestCheck.ts,
 * broken variants that must fail, and the icon files it references.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  checkManifest,
  parseXml,
  descendants,
  attr,
  NS,
  type XmlElement,
} from "../../scripts/lib/manifestCheck";

const repoRoot = path.resolve(__dirname, "..", "..");
const schemaDir =
  process.env.CCHC_MANIFEST_SCHEMA_DIR ??
  path.resolve(repoRoot, "..", "shared", "schemas", "office-addin-manifest");
const manifestPath = path.join(repoRoot, "manifest.xml");
const manifest = fs.readFileSync(manifestPath, "utf8");
const DEV_ORIGIN = "https://localhost:3000/";

const check = (xml: string) => checkManifest(xml, { schemaDir });

/** The real manifest with `from` replaced by `to`; fails loudly if `from` is not in it. */
function broken(from: string, to: string): string {
  const at = manifest.indexOf(from);
  if (at < 0) throw new Error(`test setup: "${from}" is not in manifest.xml`);
  return manifest.slice(0, at) + to + manifest.slice(at + from.length);
}

function withEnv<T>(name: string, value: string | undefined, run: () => T): T {
  const saved = process.env[name];
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
  try {
    return run();
  } finally {
    if (saved === undefined) delete process.env[name];
    else process.env[name] = saved;
  }
}

describe("manifest.xml", () => {
  test("is valid: XML Schema really checked, no problems", () => {
    const result = withEnv("CCHC_ALLOW_NO_XMLLINT", undefined, () => check(manifest));
    expect(result.problems).toEqual([]);
    expect(result.schemaChecked).toBe(true);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  test("keeps the exact https://localhost:3000 prefix the production build rewrites", () => {
    const urls = descendants(parseXml(manifest)).flatMap((el) =>
      el.attributes
        .filter((a) => a.localName === "DefaultValue" || a.localName === "Value")
        .map((a) => a.value),
    );
    const httpsUrls = urls.filter((u) => u.startsWith("https:"));
    expect(httpsUrls.length).toBeGreaterThan(10);
    for (const url of httpsUrls) expect(url.startsWith(DEV_ORIGIN)).toBe(true);
  });
});

/** What the last builtManifest call's webpack config printed with console.warn. */
let buildWarnings: string[] = [];

/** The manifest as the production build writes it (webpack.config.js's copy transform) for ADDIN_ORIGIN. */
function builtManifest(origin: string | undefined): string {
  buildWarnings = [];
  return withEnv("ADDIN_ORIGIN", origin, () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require(path.join(repoRoot, "webpack.config.js")) as (
      env: unknown,
      argv: { mode: string },
    ) => { plugins: Array<{ patterns?: Array<{ from: string; transform?: (c: Buffer) => string }> }> };
    const warn = jest.spyOn(console, "warn").mockImplementation((message: unknown) => {
      buildWarnings.push(String(message));
    });
    try {
      const patterns = config({}, { mode: "production" }).plugins.flatMap((p) => p.patterns ?? []);
      const copy = patterns.find((p) => p.from === "manifest.xml");
      if (!copy?.transform) throw new Error("webpack.config.js copies manifest.xml without a transform");
      return copy.transform(Buffer.from(manifest));
    } finally {
      warn.mockRestore();
    }
  });
}

describe("the production build rewrites the manifest's origin (ADDIN_ORIGIN)", () => {
  test.each([
    ["https://cchc.quangngai.gov.vn", "https://cchc.quangngai.gov.vn/"],
    ["https://static.quangngai.gov.vn/cchc/", "https://static.quangngai.gov.vn/cchc/"],
  ])("%s: every add-in URL moves there, none stays on localhost, still valid", (origin, prefix) => {
    const xml = builtManifest(origin);
    expect(xml).not.toContain("localhost");
    const urls = descendants(parseXml(xml)).flatMap((el) =>
      el.attributes
        .filter((a) => a.localName === "DefaultValue" || a.localName === "Value")
        .map((a) => a.value)
        .filter((u) => u.startsWith("https:")),
    );
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) expect(url.startsWith(prefix)).toBe(true);
    const result = withEnv("CCHC_ALLOW_NO_XMLLINT", undefined, () => check(xml));
    expect(result.problems).toEqual([]);
    expect(result.schemaChecked).toBe(true);
    expect(buildWarnings).toEqual([]);
  });

  test("unset: the manifest keeps https://localhost:3000 (for sideloading a local build), with a warning", () => {
    expect(builtManifest(undefined)).toBe(manifest);
    expect(buildWarnings).toEqual([expect.stringMatching(/ADDIN_ORIGIN is not set.*localhost:3000/)]);
  });

  test.each(["http://cchc.quangngai.gov.vn", "cchc.quangngai.gov.vn", "https://"])(
    "%s is refused before anything is built",
    (origin) => {
      expect(() => builtManifest(origin)).toThrow(/ADDIN_ORIGIN phải là một địa chỉ https/);
    },
  );
});

describe("broken manifests fail with a precise problem", () => {
  const cases: Array<[string, string, RegExp]> = [
    [
      "unresolved resid",
      broken(`<Label resid="TaskpaneButton.Label"/>`, `<Label resid="TaskpaneButton.Nhan"/>`),
      /resid "TaskpaneButton\.Nhan".*does not resolve/,
    ],
    [
      "resid of the wrong kind",
      broken(`<Label resid="CommandsGroup.Label"/>`, `<Label resid="Taskpane.Url"/>`),
      /resid "Taskpane\.Url" on <Label.*names a bt:Url.*expected a bt:String in bt:ShortStrings/,
    ],
    [
      "http URL in a resource",
      broken(
        `DefaultValue="https://localhost:3000/functions.js"`,
        `DefaultValue="http://localhost:3000/functions.js"`,
      ),
      /Functions\.Script\.Url.*"http:\/\/localhost:3000\/functions\.js" must use https/,
    ],
    [
      "http URL in an override",
      broken(
        `Value="https://localhost:3000/functions.en-US.json"`,
        `Value="http://localhost:3000/functions.en-US.json"`,
      ),
      /bt:Override Locale="en-US".*Functions\.Metadata\.Url.*must use https/,
    ],
    [
      "URL on another origin (forgotten by the production rewrite)",
      broken(
        `<IconUrl DefaultValue="https://localhost:3000/`,
        `<IconUrl DefaultValue="https://cdn.example.org/`,
      ),
      /<IconUrl> .*not on the add-in origin https:\/\/localhost:3000.*AppDomains/,
    ],
    [
      "non-GUID Id",
      broken(`<Id>5ced6f1f-d077-4f0d-90ab-abc215aa1bd6</Id>`, `<Id>cchc-2024</Id>`),
      /<Id> must be a GUID/,
    ],
    [
      "missing en-US override on a ribbon string",
      broken(`<bt:Override Locale="en-US" Value="CCHC Tracker"/>`, ``),
      /<bt:String id="TaskpaneButton\.Label"> .*has no <bt:Override Locale="en-US"/,
    ],
    [
      "missing en-US override on a long string",
      broken(
        `<bt:Override Locale="en-US" Value="Open the task pane to view, filter and update progress on Quảng Ngãi's 2024 administrative-reform tasks."/>`,
        ``,
      ),
      /TaskpaneButton\.Tooltip.*bt:LongStrings has no <bt:Override Locale="en-US"/,
    ],
    [
      "missing en-US override on DisplayName",
      broken(`<Override Locale="en-US" Value="CCHC 2024 Tracker"/>`, ``),
      /<DisplayName> has no <Override Locale="en-US"/,
    ],
    [
      "mismatched runtime resid",
      broken(
        `<Runtime resid="Taskpane.Url" lifetime="long"/>`,
        `<Runtime resid="Functions.Script.Url" lifetime="long"/>`,
      ),
      /Shared runtime mismatch: the custom-functions <Page> .*"Taskpane\.Url" but <Runtime> uses "Functions\.Script\.Url"/,
    ],
    [
      "FunctionFile on another page",
      broken(`<FunctionFile resid="Taskpane.Url"/>`, `<FunctionFile resid="Functions.Script.Url"/>`),
      /Shared runtime mismatch: the ribbon <FunctionFile>.*"Functions\.Script\.Url"/,
    ],
    [
      "short-lived runtime",
      broken(`lifetime="long"`, `lifetime="short"`),
      /<Runtime resid="Taskpane\.Url"> .*must have lifetime="long"/,
    ],
    [
      "schema violation: unknown element",
      broken(`<Version>1.0.0.0</Version>`, `<Version>1.0.0.0</Version>\n  <Publisher>UBND</Publisher>`),
      /^Schema \(line \d+\): Element 'Publisher': This element is not expected/,
    ],
    [
      "schema violation: wrong element order",
      broken(`  <Permissions>ReadWriteDocument</Permissions>\n`, ``).replace(
        `  <DefaultSettings>`,
        `  <Permissions>ReadWriteDocument</Permissions>\n  <DefaultSettings>`,
      ),
      /^Schema \(line \d+\): Element 'Permissions': This element is not expected. Expected is .*DefaultSettings/,
    ],
    [
      "schema violation: bad enumeration",
      broken(
        `<Runtime resid="Taskpane.Url" lifetime="long"/>`,
        `<Runtime resid="Taskpane.Url" lifetime="forever"/>`,
      ),
      /^Schema \(line \d+\): Element 'Runtime', attribute 'lifetime'/,
    ],
    [
      "missing SharedRuntime requirement",
      broken(`<Set Name="SharedRuntime" MinVersion="1.1"/>`, ``),
      /Requirement set SharedRuntime 1\.1 is missing/,
    ],
    [
      "ExcelApi too old for data validation and PivotTables",
      broken(`<Set Name="ExcelApi" MinVersion="1.8"/>`, `<Set Name="ExcelApi" MinVersion="1.7"/>`),
      /Requirement set ExcelApi must be at least 1\.8/,
    ],
    [
      "missing CustomFunctionsRuntime requirement",
      broken(`<Set Name="CustomFunctionsRuntime" MinVersion="1.2"/>`, ``),
      /Requirement set CustomFunctionsRuntime 1\.2 is missing/,
    ],
    [
      "namespace other than CCHC",
      broken(
        `<bt:String id="Functions.Namespace" DefaultValue="CCHC">`,
        `<bt:String id="Functions.Namespace" DefaultValue="CAICACH">`,
      ),
      /namespace <bt:String id="Functions\.Namespace">.* must be "CCHC".*"CAICACH"/,
    ],
    [
      "permission lower than ReadWriteDocument",
      broken(`<Permissions>ReadWriteDocument</Permissions>`, `<Permissions>ReadDocument</Permissions>`),
      /<Permissions> must be ReadWriteDocument, found "ReadDocument"/,
    ],
    ["not well-formed XML", broken(`</DefaultSettings>`, `</DefaultSetting>`), /^XML not well-formed/],
  ];

  test.each(cases)("%s", (_name, xml, expected) => {
    const result = check(xml);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
  });

  test("the wrong element order is caught by the schema itself, with the schema checked", () => {
    const xml = broken(`  <Permissions>ReadWriteDocument</Permissions>\n`, ``).replace(
      `  <DefaultSettings>`,
      `  <Permissions>ReadWriteDocument</Permissions>\n  <DefaultSettings>`,
    );
    const result = check(xml);
    expect(result.schemaChecked).toBe(true);
    expect(result.problems.every((p) => p.startsWith("Schema"))).toBe(true);
  });
});

describe("xmllint is never skipped silently", () => {
  test("missing xmllint fails by default", () => {
    const result = withEnv("CCHC_ALLOW_NO_XMLLINT", undefined, () =>
      checkManifest(manifest, { schemaDir, xmllint: "/nonexistent/xmllint" }),
    );
    expect(result.ok).toBe(false);
    expect(result.schemaChecked).toBe(false);
    expect(result.problems).toEqual(["xmllint not found: install libxml2-utils"]);
  });

  test("CCHC_ALLOW_NO_XMLLINT=1 skips it with a warning and schemaChecked=false", () => {
    const result = withEnv("CCHC_ALLOW_NO_XMLLINT", "1", () =>
      checkManifest(manifest, { schemaDir, xmllint: "/nonexistent/xmllint" }),
    );
    expect(result.ok).toBe(true);
    expect(result.schemaChecked).toBe(false);
    expect(result.warnings).toEqual([expect.stringMatching(/xmllint not found.*NOT checked/)]);
  });

  test("the rules still run without xmllint", () => {
    const xml = broken(`<Id>5ced6f1f-d077-4f0d-90ab-abc215aa1bd6</Id>`, `<Id>x</Id>`);
    const result = withEnv("CCHC_ALLOW_NO_XMLLINT", "1", () =>
      checkManifest(xml, { schemaDir, xmllint: "/nonexistent/xmllint" }),
    );
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.stringMatching(/<Id> must be a GUID/)]);
  });

  test("a missing schema folder fails", () => {
    const result = checkManifest(manifest, { schemaDir: path.join(os.tmpdir(), "no-such-schema-dir") });
    expect(result.ok).toBe(false);
    expect(result.schemaChecked).toBe(false);
    expect(result.problems).toEqual([
      expect.stringMatching(/^Schema not found: .*OfficeAppManifestV1_1\.xsd/),
    ]);
  });
});

describe("parseXml", () => {
  test("resolves namespaces and decodes entities", () => {
    const root = parseXml(
      `<?xml version="1.0"?><!-- c --><a xmlns="urn:a" xmlns:b="urn:b"><b:c b:x="1 &amp; 2" y='&#x1EA1;'>t&lt;<![CDATA[<raw>]]></b:c></a>`,
    );
    const c = root.children[0];
    expect([root.namespace, c.namespace, c.localName]).toEqual(["urn:a", "urn:b", "c"]);
    expect(attr(c, "x", "urn:b")).toBe("1 & 2");
    expect(attr(c, "y")).toBe("ạ");
    expect(c.text).toBe("t<<raw>");
  });

  test.each([
    ["<a><b></a>", /does not match/],
    ["<a>", /never closed/],
    ["<a x=1/>", /not quoted/],
    ["<!DOCTYPE a><a/>", /DOCTYPE/],
    ["<p:a/>", /undeclared namespace prefix/],
    ["<a>&nbsp;</a>", /unknown entity/],
  ])("rejects %s", (xml, message) => {
    expect(() => parseXml(xml)).toThrow(message);
  });
});

describe("icons referenced by the manifest", () => {
  /** Width and height from the IHDR chunk of a PNG file. */
  function pngSize(file: string): { width: number; height: number } {
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    expect(bytes.toString("latin1", 12, 16)).toBe("IHDR");
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }

  const root = parseXml(manifest);
  const all = descendants(root);
  const expected = new Map<string, number>(); // URL → pixel size
  const top = (name: string): XmlElement | undefined =>
    root.children.find((c) => c.localName === name && c.namespace === NS.officeApp);
  const iconUrl = top("IconUrl");
  const highRes = top("HighResolutionIconUrl");
  if (iconUrl) expected.set(attr(iconUrl, "DefaultValue") ?? "", 32);
  if (highRes) expected.set(attr(highRes, "DefaultValue") ?? "", 64);
  for (const image of all.filter(
    (e) => e.localName === "Image" && e.namespace === NS.basicTypes && attr(e, "id"),
  )) {
    const sizes = new Set(
      all
        .filter((e) => e.localName === "Image" && attr(e, "resid") === attr(image, "id"))
        .map((e) => Number(attr(e, "size"))),
    );
    expect(sizes.size).toBe(1);
    expected.set(attr(image, "DefaultValue") ?? "", [...sizes][0]);
  }

  test("the manifest references the 16, 32, 64 and 80 px icons", () => {
    expect([...expected.values()].sort((a, b) => a - b)).toEqual([16, 32, 64, 80]);
  });

  test.each([...expected])("%s is a %d px PNG in assets/", (url, size) => {
    expect(url.startsWith(`${DEV_ORIGIN}assets/`)).toBe(true);
    const file = path.join(repoRoot, url.slice(DEV_ORIGIN.length));
    expect(fs.existsSync(file)).toBe(true);
    expect(pngSize(file)).toEqual({ width: size, height: size });
  });

  test("the SVG source of the icons is committed next to them", () => {
    expect(fs.readFileSync(path.join(repoRoot, "assets", "icon.svg"), "utf8")).toContain("<svg");
  });
});

describe("validate-manifest CLI", () => {
  const tsx = path.join(repoRoot, "node_modules", "tsx", "dist", "cli.mjs");
  const cli = path.join(repoRoot, "scripts", "validate-manifest.ts");
  const run = (file: string) =>
    spawnSync(process.execPath, [tsx, cli, file], {
      cwd: repoRoot,
      encoding: "utf8",
      env: { ...process.env, CCHC_ALLOW_NO_XMLLINT: "" },
    });

  test("exit 0 and 'Manifest hợp lệ / valid' for manifest.xml", () => {
    const result = run("manifest.xml");
    expect(result.stdout).toContain("Manifest hợp lệ / valid");
    expect(result.status).toBe(0);
  });

  test("exit 1 and the problems for a broken manifest", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-manifest-test-"));
    try {
      const file = path.join(dir, "manifest.xml");
      fs.writeFileSync(file, broken(`<Id>5ced6f1f-d077-4f0d-90ab-abc215aa1bd6</Id>`, `<Id>cchc</Id>`));
      const result = run(file);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("Manifest KHÔNG hợp lệ / invalid");
      expect(result.stderr).toMatch(/<Id> must be a GUID/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
