/**
 * Declared requirement sets: every Office API member the task pane and the custom functions use
 * is resolved (with the TypeScript checker) to its declaration in @types/office-js, whose JSDoc
 * names the requirement set that brought it (`[Api set: ExcelApi 1.9]`). A member newer than
 * the manifest's <Set Name="ExcelApi" MinVersion> fails unless the code that uses it is guarded
 * by `excelApiSupported("x.y")` (src/taskpane/excel/requirements.ts) or
 * `isSetSupported("ExcelApi", "x.y")` with a version at least the member's.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "../../..");
const OFFICE_DTS = path.join(ROOT, "node_modules/@types/office-js/index.d.ts");

type Version = [number, number];
const parse = (v: string): Version => v.split(".").map(Number) as Version;
const above = (a: Version, b: Version) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
const show = (v: Version) => v.join(".");

function declaredExcelApi(): Version {
  const xml = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const m = /<Set Name="ExcelApi" MinVersion="(\d+\.\d+)"\s*\/>/.exec(xml);
  if (!m) throw new Error("manifest.xml declares no ExcelApi requirement set");
  return parse(m[1]);
}

function sourceFiles(dir: string): string[] {
  return ts.sys
    .readDirectory(path.join(ROOT, dir), [".ts", ".tsx"])
    .filter((f) => !f.includes("/node_modules/"))
    .map((f) => path.resolve(f));
}

interface Use {
  where: string;
  member: string;
  set: string;
  version: Version;
  guard: Version | null;
}

/** The ExcelApi version of a declaration's JSDoc, e.g. "[Api set: ExcelApi 1.9]". */
function apiSet(decl: ts.Declaration): { set: string; version: Version } | null {
  const text = decl.getSourceFile().text.slice(decl.getFullStart(), decl.getStart());
  const m = /\[Api set: (\w+) (\d+\.\d+)\]/.exec(text);
  return m ? { set: m[1], version: parse(m[2]) } : null;
}

const GUARD =
  /(?:excelApiSupported\(\s*["'](\d+\.\d+)["']\s*\)|isSetSupported\(\s*["']ExcelApi["']\s*,\s*["'](\d+\.\d+)["']\s*\))/;

/** The version an enclosing `if (excelApiSupported("x.y"))` (or a && chain with it) guarantees. */
function guardOf(node: ts.Node): Version | null {
  let best: Version | null = null;
  for (let n: ts.Node = node; n.parent; n = n.parent) {
    const p = n.parent;
    const cond =
      ts.isIfStatement(p) && p.thenStatement === n
        ? p.expression
        : ts.isConditionalExpression(p) && p.whenTrue === n
          ? p.condition
          : ts.isBinaryExpression(p) &&
              p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken &&
              p.right === n
            ? p.left
            : null;
    const m = cond ? GUARD.exec(cond.getText()) : null;
    if (m) {
      const v = parse(m[1] ?? m[2]);
      if (!best || above(v, best)) best = v;
    }
  }
  return best;
}

function officeUses(files: string[]): Use[] {
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.ReactJSX,
    strict: true,
    esModuleInterop: true,
    resolveJsonModule: true,
    skipLibCheck: true,
    noEmit: true,
    types: ["office-js", "office-runtime"],
    typeRoots: [path.join(ROOT, "node_modules/@types")],
  });
  const checker = program.getTypeChecker();
  const uses: Use[] = [];
  for (const sf of program.getSourceFiles()) {
    if (!files.includes(path.resolve(sf.fileName))) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node) || ts.isPropertyAssignment(node)) {
        const nameNode = node.name;
        const symbol = checker.getSymbolAtLocation(nameNode);
        for (const decl of symbol?.declarations ?? []) {
          if (path.resolve(decl.getSourceFile().fileName) !== OFFICE_DTS) continue;
          const set = apiSet(decl);
          if (!set) continue;
          const owner = (decl.parent as ts.ClassDeclaration | ts.InterfaceDeclaration).name?.getText() ?? "?";
          const { line } = sf.getLineAndCharacterOfPosition(node.getStart());
          uses.push({
            where: `${path.relative(ROOT, sf.fileName)}:${line + 1}`,
            member: `${owner}.${nameNode.getText()}`,
            ...set,
            guard: guardOf(node),
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return uses;
}

const files = [...sourceFiles("src/taskpane"), ...sourceFiles("src/functions")];
const uses = officeUses(files);
const declared = declaredExcelApi();

test("the analysis sees the object model the adapters use", () => {
  const members = new Set(uses.map((u) => u.member));
  // Known members of each kind: a 1.1 method, a 1.9 property, a guarded one — proof the checker resolved them.
  expect(members).toContain("Range.values");
  expect(members).toContain("Workbook.worksheets");
  expect(uses.length).toBeGreaterThan(50);
});

test("the object model is touched only in src/taskpane/excel/ (and the host that runs Excel.run)", () => {
  const outside = uses
    .filter((u) => u.set === "ExcelApi")
    .filter((u) => !u.where.startsWith("src/taskpane/excel/") && !u.where.startsWith("src/taskpane/host.ts"))
    .map((u) => `${u.where} ${u.member}`);
  expect(outside).toEqual([]);
});

test(`no ExcelApi member newer than the manifest's ExcelApi ${show(declared)} without an isSetSupported guard`, () => {
  const unguarded = uses
    .filter((u) => u.set === "ExcelApi" && above(u.version, declared))
    .filter((u) => !u.guard || above(u.version, u.guard))
    .map((u) => `${u.where} ${u.member} needs ExcelApi ${show(u.version)}`);
  expect(unguarded).toEqual([]);
});

test("the guard detector itself: a guard covers its then-branch only, with its version", () => {
  const sf = ts.createSourceFile(
    "x.ts",
    `if (excelApiSupported("1.9")) { a.b; } else { c.d; }\nif (isSetSupported("ExcelApi", "1.7")) e.f;`,
    ts.ScriptTarget.ES2020,
    true,
  );
  const found: Record<string, string | null> = {};
  const visit = (n: ts.Node): void => {
    if (ts.isPropertyAccessExpression(n)) found[n.getText()] = guardOf(n)?.join(".") ?? null;
    ts.forEachChild(n, visit);
  };
  visit(sf);
  expect(found).toEqual({ "a.b": "1.9", "c.d": null, "e.f": "1.7" });
});
