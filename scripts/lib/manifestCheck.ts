/**
 * Offline check of the add-in's XML manifest.
 *
 * 1. XML Schema validation with xmllint (Debian's libxml2-utils) against the offline copy of
 *    Microsoft's manifest schemas. It never skips silently: without xmllint the check fails,
 *    unless CCHC_ALLOW_NO_XMLLINT=1 (local use only), which is reported as a warning with
 *    schemaChecked=false.
 * 2. Rules the schema cannot express: resource ids resolve to the right kind of resource, one
 *    shared runtime (same resid for Runtime, custom-functions Page, FunctionFile and task pane),
 *    https everywhere on the add-in's own origin, a GUID Id, en-US overrides for every
 *    user-visible string, namespace CCHC, the required requirement sets, ReadWriteDocument.
 *
 * The XML is read by the small namespace-aware parser below (no regular expressions over XML,
 * no DOCTYPE/entity expansion); xmllint checks well-formedness independently.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export interface ManifestCheckOptions {
  /** Folder holding OfficeAppManifestV1_1.xsd and the schemas it imports. */
  schemaDir: string;
  /** xmllint executable; default "xmllint" on PATH. */
  xmllint?: string;
}

export interface ManifestCheckResult {
  ok: boolean;
  problems: string[];
  /** True only when xmllint really validated the manifest against the schema. */
  schemaChecked: boolean;
  /** Things worth knowing that do not make the manifest invalid. */
  warnings: string[];
}

export const SCHEMA_FILE = "OfficeAppManifestV1_1.xsd";
export const NS = {
  officeApp: "http://schemas.microsoft.com/office/appforoffice/1.1",
  overrides: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  basicTypes: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
  xml: "http://www.w3.org/XML/1998/namespace",
} as const;

/** Project rules (brief of the CCHC 2024 tracker). */
export const EXPECTED = {
  defaultLocale: "vi-VN",
  overrideLocale: "en-US",
  namespace: "CCHC",
  permissions: "ReadWriteDocument",
  requirementSets: [
    { name: "SharedRuntime", minVersion: "1.1" },
    { name: "ExcelApi", minVersion: "1.8" },
    { name: "CustomFunctionsRuntime", minVersion: "1.2" },
  ],
  mandatoryIconSizes: [16, 32, 80],
} as const;

// ---------------------------------------------------------------------------------------------
// Minimal XML parser
// ---------------------------------------------------------------------------------------------

export interface XmlAttribute {
  /** Qualified name as written, e.g. "xsi:type". */
  name: string;
  localName: string;
  namespace: string;
  value: string;
}

export interface XmlElement {
  /** Qualified name as written, e.g. "bt:String". */
  name: string;
  localName: string;
  namespace: string;
  attributes: XmlAttribute[];
  children: XmlElement[];
  parent: XmlElement | null;
  /** Text and CDATA directly inside this element, entities decoded. */
  text: string;
  line: number;
}

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = "XmlSyntaxError";
  }
}

const PREDEFINED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function isSpace(ch: string): boolean {
  return ch === " " || ch === "\t" || ch === "\n" || ch === "\r";
}

function splitName(qname: string): [prefix: string, local: string] {
  const colon = qname.indexOf(":");
  return colon < 0 ? ["", qname] : [qname.slice(0, colon), qname.slice(colon + 1)];
}

/** Parses a well-formed XML document into a namespace-resolved element tree. */
export function parseXml(xml: string): XmlElement {
  let pos = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lineStarts = [0];
  for (let i = 0; i < xml.length; i++) if (xml[i] === "\n") lineStarts.push(i + 1);
  const lineAt = (index: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const fail = (message: string, at = pos): never => {
    throw new XmlSyntaxError(message, lineAt(at));
  };

  const decode = (raw: string, at: number): string => {
    let out = "";
    let i = 0;
    while (i < raw.length) {
      const amp = raw.indexOf("&", i);
      if (amp < 0) {
        out += raw.slice(i);
        break;
      }
      out += raw.slice(i, amp);
      const semi = raw.indexOf(";", amp);
      if (semi < 0) fail("unterminated character reference", at + amp);
      const ref = raw.slice(amp + 1, semi);
      if (ref.startsWith("#")) {
        const hex = ref[1] === "x" || ref[1] === "X";
        const digits = ref.slice(hex ? 2 : 1);
        const code = Number.parseInt(digits, hex ? 16 : 10);
        const valid =
          digits.length > 0 &&
          [...digits].every((d) => (hex ? "0123456789abcdefABCDEF" : "0123456789").includes(d));
        if (!valid || code > 0x10ffff) fail(`bad character reference &${ref};`, at + amp);
        out += String.fromCodePoint(code);
      } else if (ref in PREDEFINED_ENTITIES) {
        out += PREDEFINED_ENTITIES[ref];
      } else {
        fail(`unknown entity &${ref};`, at + amp);
      }
      i = semi + 1;
    }
    return out;
  };

  const readName = (): string => {
    const start = pos;
    while (pos < xml.length && !isSpace(xml[pos]) && !"/>=<\"'".includes(xml[pos])) pos++;
    if (pos === start) fail("expected a name");
    return xml.slice(start, pos);
  };
  const skipSpace = (): void => {
    while (pos < xml.length && isSpace(xml[pos])) pos++;
  };
  const skipPast = (terminator: string, what: string): number => {
    const end = xml.indexOf(terminator, pos);
    if (end < 0) fail(`unterminated ${what}`);
    const contentStart = pos;
    pos = end + terminator.length;
    return contentStart;
  };

  type Scope = Map<string, string>;
  const stack: Array<{ element: XmlElement; scope: Scope }> = [];
  let root: XmlElement | null = null;

  while (pos < xml.length) {
    if (xml.startsWith("<?", pos)) {
      pos += 2;
      skipPast("?>", "processing instruction");
    } else if (xml.startsWith("<!--", pos)) {
      pos += 4;
      skipPast("-->", "comment");
    } else if (xml.startsWith("<![CDATA[", pos)) {
      if (stack.length === 0) fail("CDATA outside the root element");
      pos += 9;
      const start = skipPast("]]>", "CDATA section");
      stack[stack.length - 1].element.text += xml.slice(start, pos - 3);
    } else if (xml.startsWith("<!", pos)) {
      fail("DOCTYPE and other declarations are not allowed in a manifest");
    } else if (xml.startsWith("</", pos)) {
      pos += 2;
      const name = readName();
      skipSpace();
      if (xml[pos] !== ">") fail(`expected '>' to close </${name}`);
      pos++;
      const open = stack.pop();
      if (!open) fail(`unexpected closing tag </${name}>`);
      else if (open.element.name !== name) {
        fail(
          `closing tag </${name}> does not match <${open.element.name}> opened on line ${open.element.line}`,
        );
      }
    } else if (xml[pos] === "<") {
      const tagStart = pos;
      pos++;
      const name = readName();
      const rawAttributes: Array<{ name: string; value: string }> = [];
      let selfClosing = false;
      for (;;) {
        const before = pos;
        skipSpace();
        if (pos >= xml.length) fail(`unterminated start tag <${name}`, tagStart);
        if (xml.startsWith("/>", pos)) {
          pos += 2;
          selfClosing = true;
          break;
        }
        if (xml[pos] === ">") {
          pos++;
          break;
        }
        if (pos === before) fail(`expected whitespace before an attribute in <${name}>`);
        const attrStart = pos;
        const attrName = readName();
        skipSpace();
        if (xml[pos] !== "=") fail(`attribute ${attrName} in <${name}> has no value`);
        pos++;
        skipSpace();
        const quote = xml[pos];
        if (quote !== '"' && quote !== "'") fail(`attribute ${attrName} in <${name}> is not quoted`);
        pos++;
        const valueStart = pos;
        const end = xml.indexOf(quote, pos);
        if (end < 0) fail(`unterminated value of attribute ${attrName}`, attrStart);
        const raw = xml.slice(valueStart, end);
        if (raw.includes("<")) fail(`'<' in the value of attribute ${attrName}`, valueStart);
        pos = end + 1;
        if (rawAttributes.some((a) => a.name === attrName))
          fail(`duplicate attribute ${attrName} in <${name}>`, attrStart);
        // Attribute-value normalisation: whitespace characters become spaces.
        rawAttributes.push({ name: attrName, value: decode(raw, valueStart).replace(/[\t\n\r]/g, " ") });
      }

      const parentScope =
        stack.length > 0 ? stack[stack.length - 1].scope : new Map<string, string>([["xml", NS.xml]]);
      const scope = new Map(parentScope);
      for (const a of rawAttributes) {
        if (a.name === "xmlns") scope.set("", a.value);
        else if (a.name.startsWith("xmlns:")) scope.set(a.name.slice(6), a.value);
      }
      const resolve = (prefix: string, qname: string): string => {
        const uri = scope.get(prefix);
        if (uri === undefined) fail(`undeclared namespace prefix in ${qname}`, tagStart);
        return uri ?? "";
      };
      const [prefix, localName] = splitName(name);
      const element: XmlElement = {
        name,
        localName,
        namespace: prefix === "" ? (scope.get("") ?? "") : resolve(prefix, name),
        attributes: rawAttributes
          .filter((a) => a.name !== "xmlns" && !a.name.startsWith("xmlns:"))
          .map((a) => {
            const [attrPrefix, attrLocal] = splitName(a.name);
            return {
              name: a.name,
              localName: attrLocal,
              namespace: attrPrefix === "" ? "" : resolve(attrPrefix, a.name),
              value: a.value,
            };
          }),
        children: [],
        parent: stack.length > 0 ? stack[stack.length - 1].element : null,
        text: "",
        line: lineAt(tagStart),
      };
      if (element.parent) element.parent.children.push(element);
      else if (root) fail("more than one root element", tagStart);
      else root = element;
      if (!selfClosing) stack.push({ element, scope });
    } else {
      const next = xml.indexOf("<", pos);
      const end = next < 0 ? xml.length : next;
      const raw = xml.slice(pos, end);
      if (stack.length > 0) stack[stack.length - 1].element.text += decode(raw, pos);
      else if ([...raw].some((ch) => !isSpace(ch))) fail("text outside the root element");
      pos = end;
    }
  }
  if (stack.length > 0) {
    const open = stack[stack.length - 1].element;
    fail(`<${open.name}> opened on line ${open.line} is never closed`, xml.length);
  }
  if (!root) return fail("no root element", 0);
  return root;
}

// ---------------------------------------------------------------------------------------------
// Tree helpers
// ---------------------------------------------------------------------------------------------

export function attr(el: XmlElement, localName: string, namespace = ""): string | undefined {
  return el.attributes.find((a) => a.localName === localName && a.namespace === namespace)?.value;
}

/** Local part of xsi:type ("ov:Workbook" → "Workbook"). */
export function xsiType(el: XmlElement): string | undefined {
  const value = attr(el, "type", NS.xsi);
  return value === undefined ? undefined : splitName(value.trim())[1];
}

export function children(el: XmlElement, localName: string, namespace: string): XmlElement[] {
  return el.children.filter((c) => c.localName === localName && c.namespace === namespace);
}

export function child(el: XmlElement, localName: string, namespace: string): XmlElement | undefined {
  return children(el, localName, namespace)[0];
}

/** All elements below (and including) `el`, in document order. */
export function descendants(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    out.push(e);
    e.children.forEach(walk);
  };
  walk(el);
  return out;
}

/** `<bt:String id="X">` (line N): how a problem names an element. */
function describe(el: XmlElement): string {
  const key = ["id", "resid", "Name", "Locale"].find((a) => attr(el, a) !== undefined);
  const type = xsiType(el);
  const parts = [el.name];
  if (type) parts.push(`xsi:type="${type}"`);
  if (key) parts.push(`${key}="${attr(el, key)}"`);
  return `<${parts.join(" ")}> (line ${el.line})`;
}

function versionAtLeast(actual: string, required: string): boolean {
  const a = actual.split(".").map(Number);
  const r = required.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, r.length); i++) {
    const x = a[i] ?? 0;
    const y = r[i] ?? 0;
    if (Number.isNaN(x)) return false;
    if (x !== y) return x > y;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Rules the schema cannot express
// ---------------------------------------------------------------------------------------------

type ResourceKind = "image" | "url" | "short" | "long";

const KIND_DESCRIPTION: Record<ResourceKind, string> = {
  image: "a bt:Image in bt:Images",
  url: "a bt:Url in bt:Urls",
  short: "a bt:String in bt:ShortStrings",
  long: "a bt:String in bt:LongStrings",
};

const RESOURCE_LISTS: Array<{ list: string; item: string; kind: ResourceKind }> = [
  { list: "Images", item: "Image", kind: "image" },
  { list: "Urls", item: "Url", kind: "url" },
  { list: "ShortStrings", item: "String", kind: "short" },
  { list: "LongStrings", item: "String", kind: "long" },
];

/** Which kind of resource a `resid` on this element must name. */
function expectedKind(el: XmlElement): ResourceKind | undefined {
  if (el.namespace === NS.basicTypes && el.localName === "Image") return "image";
  switch (el.localName) {
    case "SourceLocation":
    case "FunctionFile":
    case "LearnMoreUrl":
    case "Runtime":
      return "url";
    case "Label":
    case "Title":
    case "Namespace":
      return "short";
    case "Description":
      return "long";
    default:
      return undefined;
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Base-manifest elements whose DefaultValue (and Override Value) is a URL. */
const BASE_URL_ELEMENTS = new Set(["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"]);

interface SemanticResult {
  problems: string[];
  warnings: string[];
}

/** Checks everything the XML Schema cannot; `root` is the parsed manifest. */
export function checkManifestRules(root: XmlElement): SemanticResult {
  const problems: string[] = [];
  const warnings: string[] = [];
  const all = descendants(root);
  const sameLocale = (a: string | undefined, b: string): boolean => a?.toLowerCase() === b.toLowerCase();

  // Root, Id, DefaultLocale, Hosts, Permissions.
  if (root.localName !== "OfficeApp" || root.namespace !== NS.officeApp) {
    problems.push(`Root element must be <OfficeApp xmlns="${NS.officeApp}">, found ${describe(root)}.`);
    return { problems, warnings };
  }
  if (xsiType(root) !== "TaskPaneApp") problems.push(`<OfficeApp> must have xsi:type="TaskPaneApp".`);
  const top = (name: string): XmlElement | undefined => child(root, name, NS.officeApp);

  const id = top("Id")?.text.trim() ?? "";
  if (!GUID.test(id))
    problems.push(`<Id> must be a GUID like 5ced6f1f-d077-4f0d-90ab-abc215aa1bd6, found "${id}".`);
  else if (/^[0-]+$/.test(id)) problems.push(`<Id> is the nil GUID: generate a random one.`);

  const locale = top("DefaultLocale")?.text.trim();
  if (locale !== EXPECTED.defaultLocale) {
    problems.push(
      `<DefaultLocale> must be ${EXPECTED.defaultLocale} (Vietnamese first), found "${locale ?? ""}".`,
    );
  }
  for (const name of ["DisplayName", "Description"]) {
    const el = top(name);
    if (
      el &&
      !children(el, "Override", NS.officeApp).some((o) =>
        sameLocale(attr(o, "Locale"), EXPECTED.overrideLocale),
      )
    ) {
      problems.push(
        `<${name}> has no <Override Locale="${EXPECTED.overrideLocale}" Value="…"/> (English text).`,
      );
    }
  }
  const hosts = top("Hosts");
  if (!hosts || !children(hosts, "Host", NS.officeApp).some((h) => attr(h, "Name") === "Workbook")) {
    problems.push(`<Hosts> must contain <Host Name="Workbook"/> (an Excel add-in).`);
  }
  const permissions = top("Permissions")?.text.trim();
  if (permissions !== EXPECTED.permissions) {
    problems.push(`<Permissions> must be ${EXPECTED.permissions}, found "${permissions ?? ""}".`);
  }

  // Requirement sets: base <Requirements> or VersionOverrides <Requirements>.
  const declaredSets = all
    .filter(
      (e) =>
        e.localName === "Set" &&
        e.parent?.localName === "Sets" &&
        e.parent.parent?.localName === "Requirements",
    )
    .map((e) => ({
      element: e,
      name: attr(e, "Name") ?? "",
      version: attr(e, "MinVersion") ?? (e.parent ? attr(e.parent, "DefaultMinVersion") : undefined) ?? "1.1",
    }));
  for (const required of EXPECTED.requirementSets) {
    const found = declaredSets.filter((s) => s.name === required.name);
    if (found.length === 0) {
      problems.push(
        `Requirement set ${required.name} ${required.minVersion} is missing: add <Set Name="${required.name}" MinVersion="${required.minVersion}"/> to <Requirements><Sets>.`,
      );
    } else if (!found.some((s) => versionAtLeast(s.version, required.minVersion))) {
      problems.push(
        `Requirement set ${required.name} must be at least ${required.minVersion}, ${describe(found[0].element)} asks for ${found[0].version}.`,
      );
    }
  }

  // VersionOverrides and resources.
  const overrides = child(root, "VersionOverrides", NS.overrides);
  if (!overrides) {
    problems.push(
      `<VersionOverrides xmlns="${NS.overrides}"> is missing: no ribbon button, no custom functions.`,
    );
    return { problems, warnings };
  }
  const resources = new Map<string, { kind: ResourceKind; element: XmlElement }>();
  const resourcesEl = child(overrides, "Resources", NS.overrides);
  for (const { list, item, kind } of RESOURCE_LISTS) {
    const listEl = resourcesEl ? child(resourcesEl, list, NS.basicTypes) : undefined;
    for (const el of listEl ? children(listEl, item, NS.basicTypes) : []) {
      const resId = attr(el, "id") ?? "";
      const previous = resources.get(resId);
      if (previous) {
        problems.push(
          `Resource id "${resId}" is defined twice: ${describe(previous.element)} and ${describe(el)}.`,
        );
      } else {
        resources.set(resId, { kind, element: el });
      }
      if (kind === "short" || kind === "long") {
        const hasEnglish = children(el, "Override", NS.basicTypes).some((o) =>
          sameLocale(attr(o, "Locale"), EXPECTED.overrideLocale),
        );
        if (!hasEnglish) {
          problems.push(
            `${describe(el)} in bt:${list} has no <bt:Override Locale="${EXPECTED.overrideLocale}" Value="…"/> (English text).`,
          );
        }
      }
    }
  }

  // Every resid resolves, to the right kind of resource.
  const used = new Set<string>();
  for (const el of all) {
    const resid = attr(el, "resid");
    if (resid === undefined) continue;
    used.add(resid);
    const resource = resources.get(resid);
    const want = expectedKind(el);
    if (!resource) {
      problems.push(
        `resid "${resid}" on ${describe(el)} does not resolve: no resource with id "${resid}"${want ? ` (expected ${KIND_DESCRIPTION[want]})` : ""}.`,
      );
    } else if (want && resource.kind !== want) {
      problems.push(
        `resid "${resid}" on ${describe(el)} names ${KIND_DESCRIPTION[resource.kind]}, expected ${KIND_DESCRIPTION[want]}.`,
      );
    }
  }
  for (const [resId, { element }] of resources) {
    if (!used.has(resId)) warnings.push(`Resource ${describe(element)} is never used (no resid="${resId}").`);
  }
  const urlOf = (resid: string | undefined): string | undefined => {
    const resource = resid === undefined ? undefined : resources.get(resid);
    return resource?.kind === "url" ? attr(resource.element, "DefaultValue") : undefined;
  };

  // Icons: mandatory sizes, one size per image resource.
  const imageSizes = new Map<string, string>();
  for (const icon of all.filter((e) => e.localName === "Icon" && e.namespace === NS.overrides)) {
    const images = children(icon, "Image", NS.basicTypes);
    const sizes = images.map((i) => Number(attr(i, "size")));
    const missing = EXPECTED.mandatoryIconSizes.filter((s) => !sizes.includes(s));
    if (missing.length > 0)
      problems.push(`${describe(icon)} lacks the mandatory image size(s) ${missing.join(", ")}.`);
    for (const image of images) {
      const resid = attr(image, "resid") ?? "";
      const size = attr(image, "size") ?? "";
      const earlier = imageSizes.get(resid);
      if (earlier !== undefined && earlier !== size) {
        problems.push(
          `Image resource "${resid}" is used as size ${earlier} and as size ${size} (${describe(image)}).`,
        );
      }
      imageSizes.set(resid, size);
    }
  }

  // One shared runtime.
  const runtimes = all.filter((e) => e.localName === "Runtime" && e.namespace === NS.overrides);
  const runtime = runtimes[0];
  const runtimeResid = runtime ? attr(runtime, "resid") : undefined;
  if (!runtime) {
    problems.push(
      `No <Runtimes><Runtime resid="Taskpane.Url" lifetime="long"/></Runtimes> in the <Host>: shared runtime not configured.`,
    );
  } else {
    if (runtimes.length > 1)
      problems.push(`${runtimes.length} <Runtime> elements: a shared-runtime add-in has exactly one.`);
    if (attr(runtime, "lifetime") !== "long") {
      problems.push(
        `${describe(runtime)} must have lifetime="long" (custom functions and task pane share it).`,
      );
    }
  }
  const customFunctions = all.filter(
    (e) => e.localName === "ExtensionPoint" && xsiType(e) === "CustomFunctions",
  );
  if (customFunctions.length === 0) {
    problems.push(
      `No <ExtensionPoint xsi:type="CustomFunctions"> in <AllFormFactors>: the CCHC functions would not load.`,
    );
  }
  const mustShareRuntime = (el: XmlElement | undefined, role: string): void => {
    if (!el || runtimeResid === undefined) return;
    const resid = attr(el, "resid");
    if (resid !== runtimeResid) {
      problems.push(
        `Shared runtime mismatch: ${role} ${describe(el)} uses resid "${resid ?? ""}" but <Runtime> uses "${runtimeResid}"; they must be the same.`,
      );
    }
  };
  for (const ep of customFunctions) {
    const page = child(ep, "Page", NS.overrides);
    mustShareRuntime(page && child(page, "SourceLocation", NS.overrides), "the custom-functions <Page>");
    const namespace = child(ep, "Namespace", NS.overrides);
    const nsResource = namespace ? resources.get(attr(namespace, "resid") ?? "") : undefined;
    if (!namespace) {
      problems.push(`${describe(ep)} has no <Namespace>: functions must be =${EXPECTED.namespace}.…`);
    } else if (nsResource?.kind === "short") {
      const values = [
        attr(nsResource.element, "DefaultValue"),
        ...children(nsResource.element, "Override", NS.basicTypes).map((o) => attr(o, "Value")),
      ];
      if (values.some((v) => v !== EXPECTED.namespace)) {
        problems.push(
          `Custom-functions namespace ${describe(nsResource.element)} must be "${EXPECTED.namespace}" in every language, found ${values.map((v) => `"${v}"`).join(", ")}.`,
        );
      }
    }
  }
  for (const functionFile of all.filter(
    (e) => e.localName === "FunctionFile" && e.namespace === NS.overrides,
  )) {
    mustShareRuntime(functionFile, "the ribbon <FunctionFile>");
  }
  for (const action of all.filter((e) => e.localName === "Action" && xsiType(e) === "ShowTaskpane")) {
    mustShareRuntime(child(action, "SourceLocation", NS.overrides), "the ShowTaskpane action's");
    if (!child(action, "TaskpaneId", NS.overrides)) {
      problems.push(
        `${describe(action)} has no <TaskpaneId>: a shared runtime allows exactly one task pane.`,
      );
    }
  }
  const defaultSettings = top("DefaultSettings");
  const defaultPage = defaultSettings ? child(defaultSettings, "SourceLocation", NS.officeApp) : undefined;
  const defaultUrl = defaultPage ? attr(defaultPage, "DefaultValue") : undefined;
  const runtimeUrl = urlOf(runtimeResid);
  if (runtimeUrl !== undefined && defaultUrl !== undefined && runtimeUrl !== defaultUrl) {
    problems.push(
      `<DefaultSettings><SourceLocation> is ${defaultUrl} but the shared runtime page (${runtimeResid}) is ${runtimeUrl}: they must be the same page.`,
    );
  }

  // URLs: https, on the add-in's origin unless listed in <AppDomains>.
  let addinOrigin: string | undefined;
  try {
    addinOrigin = defaultUrl === undefined ? undefined : new URL(defaultUrl).origin;
  } catch {
    addinOrigin = undefined;
  }
  const appDomains = new Set<string>();
  const appDomainsEl = top("AppDomains");
  const checkUrl = (value: string | undefined, where: string, sameOrigin = true): void => {
    if (value === undefined) return;
    let url: URL;
    try {
      url = new URL(value.trim());
    } catch {
      problems.push(`${where}: "${value}" is not an absolute URL.`);
      return;
    }
    if (url.protocol !== "https:") {
      problems.push(`${where}: "${value}" must use https (Office loads add-in resources over TLS only).`);
      return;
    }
    if (sameOrigin && addinOrigin && url.origin !== addinOrigin && !appDomains.has(url.origin)) {
      problems.push(
        `${where}: "${value}" is not on the add-in origin ${addinOrigin} and ${url.origin} is not listed in <AppDomains>.`,
      );
    }
  };
  for (const domain of appDomainsEl ? children(appDomainsEl, "AppDomain", NS.officeApp) : []) {
    const value = domain.text.trim();
    checkUrl(value, describe(domain), false);
    try {
      appDomains.add(new URL(value).origin);
    } catch {
      // already reported by checkUrl
    }
  }
  for (const el of all) {
    const isBaseUrl = el.namespace === NS.officeApp && BASE_URL_ELEMENTS.has(el.localName);
    const isResourceUrl =
      el.namespace === NS.basicTypes &&
      (el.localName === "Url" || el.localName === "Image") &&
      el.parent?.namespace === NS.basicTypes;
    if (isBaseUrl || isResourceUrl) {
      checkUrl(attr(el, "DefaultValue"), `${describe(el)} DefaultValue`);
      const overrideNs = isBaseUrl ? NS.officeApp : NS.basicTypes;
      for (const o of children(el, "Override", overrideNs))
        checkUrl(attr(o, "Value"), `${describe(o)} in ${describe(el)}`);
    }
  }

  return { problems, warnings };
}

// ---------------------------------------------------------------------------------------------
// XML Schema validation with xmllint
// ---------------------------------------------------------------------------------------------

const NAMESPACE_ABBREVIATIONS: Array<[string, string]> = [
  [`{${NS.officeApp}}`, ""],
  [`{${NS.overrides}}`, ""],
  [`{${NS.basicTypes}}`, "bt:"],
];

function schemaCheck(
  xml: string,
  schemaDir: string,
  xmllint: string,
): { problems: string[]; warnings: string[]; schemaChecked: boolean } {
  const xsd = path.resolve(schemaDir, SCHEMA_FILE);
  if (!fs.existsSync(xsd)) {
    return {
      problems: [
        `Schema not found: ${xsd} (set CCHC_MANIFEST_SCHEMA_DIR to the folder holding ${SCHEMA_FILE}).`,
      ],
      warnings: [],
      schemaChecked: false,
    };
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-manifest-"));
  const file = path.join(work, "manifest.xml");
  try {
    fs.writeFileSync(file, xml, "utf8");
    const result = spawnSync(xmllint, ["--noout", "--nonet", "--schema", xsd, file], {
      encoding: "utf8",
      timeout: 60_000,
    });
    if (result.error) {
      const code = (result.error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") {
        if (process.env.CCHC_ALLOW_NO_XMLLINT === "1") {
          return {
            problems: [],
            warnings: [
              `xmllint not found (${xmllint}): XML Schema NOT checked (CCHC_ALLOW_NO_XMLLINT=1, local use only).`,
            ],
            schemaChecked: false,
          };
        }
        return { problems: ["xmllint not found: install libxml2-utils"], warnings: [], schemaChecked: false };
      }
      return {
        problems: [`Could not run ${xmllint}: ${result.error.message}`],
        warnings: [],
        schemaChecked: false,
      };
    }
    if (result.status === 0) return { problems: [], warnings: [], schemaChecked: true };

    const stderr = result.stderr ?? "";
    if (result.status === 5) {
      return {
        problems: [`Schema ${xsd} failed to compile:\n${stderr.trim()}`],
        warnings: [],
        schemaChecked: false,
      };
    }
    const problems: string[] = [];
    for (const rawLine of stderr.split("\n")) {
      if (!rawLine.startsWith(`${file}:`)) continue; // context lines (source excerpt, caret)
      let line = rawLine.slice(file.length + 1);
      const colon = line.indexOf(":");
      const lineNumber = colon > 0 ? line.slice(0, colon) : "?";
      line = colon > 0 ? line.slice(colon + 1).trim() : line;
      const marker = line.indexOf(" : ");
      const kind = marker > 0 ? line.slice(0, marker) : "";
      let message = marker > 0 ? line.slice(marker + 3) : line;
      for (const [from, to] of NAMESPACE_ABBREVIATIONS) message = message.split(from).join(to);
      const label = kind.includes("parser error") ? "XML not well-formed" : "Schema";
      problems.push(`${label} (line ${lineNumber}): ${message}`);
    }
    if (problems.length === 0) {
      problems.push(
        `Schema: xmllint exited with status ${result.status}: ${stderr.split(file).join("manifest.xml").trim()}`,
      );
    }
    return { problems, warnings: [], schemaChecked: true };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

export function checkManifest(xml: string, options: ManifestCheckOptions): ManifestCheckResult {
  const schema = schemaCheck(xml, options.schemaDir, options.xmllint ?? "xmllint");
  const problems = [...schema.problems];
  const warnings = [...schema.warnings];
  let root: XmlElement | undefined;
  try {
    root = parseXml(xml);
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    // xmllint usually reports the same thing; say it once if it did.
    if (!problems.some((p) => p.startsWith("XML not well-formed")))
      problems.push(`XML not well-formed (${error.message}).`);
  }
  if (root) {
    const rules = checkManifestRules(root);
    problems.push(...rules.problems);
    warnings.push(...rules.warnings);
  }
  return { ok: problems.length === 0, problems, schemaChecked: schema.schemaChecked, warnings };
}
