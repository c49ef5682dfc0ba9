/**
 * Issue 8.1 — no formula injection. A corpus of formula-, DDE-, number-, date- and boolean-looking
 * strings (lib/payloads.ts) is placed in every catalogue field, in the catalogue's metadata, in a
 * unit's own sheet that the pane imports (progress columns included) and in the exporter's
 * progress CSV. Wherever the add-in writes them they must end up as the literal text:
 * - task pane: checked on what the adapters send (every text goes out as an apostrophe-guarded
 *   literal) AND on the workbook double's cells after Excel-like coercion (string cells equal to
 *   the text, no formula, no number, no date, no boolean; every formula is one of the add-in's);
 * - export: the .xlsx written by src/export, read back with exceljs (string cells, no formulas).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as excelValues from "../../src/taskpane/excel/excelValues";
import { parseCatalogue } from "../../src/core/catalogue/parse";
import { loadBundledCatalogue } from "../../src/core/catalogue/bundled";
import { CatalogueError, type Catalogue, type CatalogueTask } from "../../src/core/catalogue/types";
import { buildModel } from "../../src/core/workbook/model";
import { isFormulaCell, isLinkCell, type PlanCell } from "../../src/core/workbook/plan";
import { SHEETS } from "../../src/core/workbook/layout";
import { buildReport, buildSummary } from "../../src/taskpane/actions/summary";
import { flagOverdue } from "../../src/taskpane/actions/overdue";
import { readSheetForImport } from "../../src/taskpane/actions/catalogueIO";
import { pullCatalogue, type PullOutcome } from "../../src/taskpane/actions/pull";
import { catalogueSources } from "../../src/taskpane/app/catalogueSources";
import { IMPORT_PLAN_YEAR, sheetCatalogue } from "../../src/taskpane/app/sheetImport";
import { runWorkbookCli } from "../../src/export/cli";
import type { WorkbookDouble } from "../double/workbookDouble";
import { installDouble, NOW, pull, REPORT_DATE } from "../double/testkit";
import { INJECTION_PAYLOADS } from "./lib/payloads";
import { foreignFormulas, summaryProblems, trackerProblems } from "./lib/trackerChecks";
import { formulaShape, formulaShapes, viewOfDouble, viewOfXlsx } from "./lib/views";
import { shown, VIETNAMESE } from "./lib/vietnamese";

const P = INJECTION_PAYLOADS;
const at = (i: number) => P[i % P.length];

/**
 * Payloads usable as task ids: distinct once trimmed, shown and lower-cased (ids must be unique;
 * the merge matches ids case-insensitively — see the two id tests at the end for what happens
 * otherwise).
 */
const ID_PAYLOADS = P.filter(
  (p, i) =>
    P.findIndex(
      (q) =>
        shown(q.normalize("NFC").trim()).toLowerCase() === shown(p.normalize("NFC").trim()).toLowerCase(),
    ) === i,
);

function json(
  tasks: unknown[],
  meta: Record<string, unknown> = {},
  source: Record<string, unknown> = {},
): string {
  return JSON.stringify({
    schema: "cchc-catalogue/1",
    id: "kiem-thu-chen-cong-thuc",
    title: "Danh mục kiểm thử chèn công thức",
    planYear: 2024,
    version: "1",
    ...meta,
    source: { document: "Dữ liệu kiểm thử", official: false, ...source },
    tasks,
  });
}

const benignTask = (id: string): CatalogueTask => ({
  id,
  area: "I",
  title: "Rà soát thủ tục hành chính",
  lead: "Sở Nội vụ",
  deadline: "Quý IV/2024",
});

/** Every payload in title, lead, coordinating and output (rotated), and as many as possible as ids. */
const FIELDS_CATALOGUE = parseCatalogue(
  json(
    P.map((p, i) => ({
      id: i < ID_PAYLOADS.length ? ID_PAYLOADS[i] : `I.${i + 1}`,
      area: "I",
      title: p,
      lead: at(i + 3),
      coordinating: at(i + 7),
      output: at(i + 11),
      deadline: "Quý IV/2024",
    })),
  ),
);

// ───────────── what the adapters send ─────────────

const spy = jest.spyOn(excelValues, "toExcelInput");

/** Every plan cell the adapters turned into an Office.js input since the last call. */
function sentProblems(allowed: ReadonlySet<string>): string[] {
  const problems: string[] = spy.mock.calls.length === 0 ? ["nothing went through toExcelInput"] : [];
  spy.mock.calls.forEach(([cell], i) => {
    const out = spy.mock.results[i]?.value as unknown;
    const c = cell as PlanCell;
    const text = typeof c === "string" ? c : isLinkCell(c) ? c.text : null;
    if (text !== null) {
      // Text is sent as an apostrophe-guarded literal: Excel stores exactly what follows the apostrophe.
      if (shown(text) === "") {
        if (out !== "") problems.push(`${JSON.stringify(text)} sent as ${JSON.stringify(out)}`);
      } else if (typeof out !== "string" || !out.startsWith("'") || out.slice(1) !== shown(text))
        problems.push(`text ${JSON.stringify(text)} sent as ${JSON.stringify(out)}`);
    } else if (isFormulaCell(c)) {
      if (!allowed.has(formulaShape(c.formula))) problems.push(`formula ${c.formula} is not the add-in's`);
    } else if (typeof out === "string" && out !== "")
      problems.push(`${JSON.stringify(c)} sent as ${JSON.stringify(out)}`);
  });
  spy.mockClear();
  return problems;
}

// ───────────── the add-in's own formulas (from workbooks built of ordinary data) ─────────────

async function paneActions(d: WorkbookDouble): Promise<void> {
  await d.Excel.run((ctx) => buildSummary(ctx));
  await d.Excel.run((ctx) => buildReport(ctx));
  await d.Excel.run((ctx) => flagOverdue(ctx));
}

let paneFormulas: Set<string>;
let exportFormulas: Set<string>;
let tmp: string;

function done(o: PullOutcome): void {
  if (o.kind !== "done") throw new Error(`expected a done pull, got ${o.kind}`);
}

async function exportXlsx(
  name: string,
  catalogueText: string,
  progressCsv?: string,
): Promise<{ bytes: Buffer; stderr: string; code: number }> {
  const cat = join(tmp, `${name}.json`);
  const out = join(tmp, `${name}.xlsx`);
  writeFileSync(cat, catalogueText);
  const argv = ["--catalogue", cat, "--report-date", REPORT_DATE, "--out", out];
  if (progressCsv !== undefined) {
    writeFileSync(join(tmp, `${name}.csv`), progressCsv);
    argv.push("--progress", join(tmp, `${name}.csv`));
  }
  let stderr = "";
  const code = await runWorkbookCli(argv, {
    stdout: () => undefined,
    stderr: (t) => (stderr += t),
    now: () => NOW,
  });
  return { bytes: code === 0 ? readFileSync(out) : Buffer.alloc(0), stderr, code };
}

/** CSV with every field quoted (quotes doubled), as a spreadsheet program saves it. */
function csv(rows: string[][]): string {
  return rows.map((r) => r.map((v) => `"${v.replace(/"/g, '""')}"`).join(",")).join("\r\n") + "\r\n";
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "cchc-hardening-"));
  const demo = await loadBundledCatalogue("demo-2024");
  const d = installDouble();
  done(await pull(d, demo, { reportDate: REPORT_DATE }));
  await paneActions(d);
  done(await pull(d, demo)); // a re-pull (merge) adds its own writes
  paneFormulas = formulaShapes(viewOfDouble(d));
  const progress = csv([
    ["task_id", "unit", "status", "completed_on", "evidence", "note"],
    [demo.tasks[0].id, "", "Đã hoàn thành", "2024-03-20", "https://snv.quangngai.gov.vn/1", "ghi chú"],
  ]);
  const base = await exportXlsx("baseline", JSON.stringify(demo), progress);
  expect(base.code).toBe(0);
  exportFormulas = formulaShapes(await viewOfXlsx(base.bytes));
  expect(paneFormulas.size).toBeGreaterThan(5);
  expect(exportFormulas.size).toBeGreaterThan(5);
  spy.mockClear();
}, 60_000);

afterAll(() => {
  spy.mockRestore();
  rmSync(tmp, { recursive: true, force: true });
});

test("the corpus: at least 20 payloads, every kind the brief names", () => {
  expect(P.length).toBeGreaterThanOrEqual(20);
  for (const start of ["=", "+", "-", "@", "\t", "\r", "\n", "＝", " ", "'"])
    expect(P.some((p) => p.startsWith(start))).toBe(true);
  for (const part of [
    "HYPERLINK",
    "WEBSERVICE",
    "IMPORTXML",
    "cmd|",
    "@SUM(",
    "=1/0",
    "30/11/2024",
    "TRUE",
    "0123",
    "1E5",
  ])
    expect(P.some((p) => p.includes(part))).toBe(true);
});

// ───────────── task pane: catalogue fields ─────────────

describe("task pane (workbook double)", () => {
  test(`${P.length} payloads in id, title, lead, coordinating, output: literal text in NhiemVu, PhanCong, Tổng hợp, Báo cáo`, async () => {
    const c = FIELDS_CATALOGUE;
    const d = installDouble();
    done(await pull(d, c, { reportDate: REPORT_DATE }));
    await paneActions(d);
    const view = viewOfDouble(d);
    expect(trackerProblems(view, c, buildModel(c))).toEqual([]);
    expect(summaryProblems(view, buildModel(c))).toEqual([]);
    expect(foreignFormulas(view, paneFormulas)).toEqual([]);
    expect(sentProblems(paneFormulas)).toEqual([]);
    // Every payload is somewhere in the tables as itself (not split, not coerced).
    const strings = new Set(
      [...view.values()].flatMap((s) =>
        s.cells().map(({ cell }) => (cell.kind === "string" ? cell.value : null)),
      ),
    );
    for (const p of P) expect(strings.has(shown(p.normalize("NFC").trim()))).toBe(true);
    // Read back, the texts equal what was written: a re-pull finds nothing changed.
    const again = await pull(d, c);
    expect(again).toMatchObject({
      kind: "done",
      tasks: { changed: 0, added: 0 },
      assignments: { changed: 0, added: 0 },
    });
  }, 30_000);

  test("payloads arriving in a new catalogue version (in-place updates and appended rows) stay literal", async () => {
    const ids = P.map((_, i) => `I.${i + 1}`);
    const v1 = parseCatalogue(json(ids.map(benignTask)));
    const d = installDouble();
    done(await pull(d, v1, { reportDate: REPORT_DATE }));
    spy.mockClear();
    // Same ids with payload texts (updateTableCells), plus new tasks with payload ids (rows.add).
    const v2 = parseCatalogue(
      json(
        [
          ...ids.map((id, i) => ({
            ...benignTask(id),
            title: at(i),
            output: at(i + 1),
            coordinating: at(i + 2),
          })),
          ...ID_PAYLOADS.map((id, i) => ({ ...benignTask(id), title: at(i + 5), lead: at(i + 9) })),
        ],
        { version: "2" },
      ),
    );
    const out = await pull(d, v2);
    expect(out).toMatchObject({ kind: "done", tasks: { added: ID_PAYLOADS.length, changed: ids.length } });
    const view = viewOfDouble(d);
    expect(trackerProblems(view, v2, buildModel(v2))).toEqual([]);
    expect(foreignFormulas(view, paneFormulas)).toEqual([]);
    expect(sentProblems(paneFormulas)).toEqual([]);
  }, 30_000);

  test.each(P.map((p) => [JSON.stringify(p), p]))(
    "metadata %s as title, source document, note and version: literal in the banner and Cấu hình",
    async (_label, p) => {
      const c = parseCatalogue(json([benignTask("I.1")], { title: p, version: p }, { document: p, note: p }));
      const d = installDouble();
      done(await pull(d, c, { reportDate: REPORT_DATE }));
      await d.Excel.run((ctx) => buildReport(ctx));
      const view = viewOfDouble(d);
      expect(trackerProblems(view, c, buildModel(c))).toEqual([]);
      expect(foreignFormulas(view, paneFormulas)).toEqual([]);
      expect(sentProblems(paneFormulas)).toEqual([]);
    },
  );

  test("payloads as the catalogue id: refused with a Vietnamese reason, or written literally and recognised again", async () => {
    const accepted: string[] = [];
    for (const p of P) {
      let c: Catalogue;
      try {
        c = parseCatalogue(json([benignTask("I.1")], { id: p }));
      } catch (e) {
        expect(e).toBeInstanceOf(CatalogueError);
        expect((e as CatalogueError).message).toMatch(VIETNAMESE);
        expect((e as CatalogueError).message).toContain("“id”");
        continue;
      }
      accepted.push(p);
      const d = installDouble();
      done(await pull(d, c, { reportDate: REPORT_DATE }));
      expect(trackerProblems(viewOfDouble(d), c, buildModel(c))).toEqual([]);
      // MaDanhMuc is read back as the same id: no "another catalogue" question on a re-pull.
      expect((await pull(d, c)).kind).toBe("done");
    }
    expect(accepted).toEqual(expect.arrayContaining(["0123", "1E5", "TRUE", "45657"]));
    expect(sentProblems(paneFormulas)).toEqual([]);
  }, 30_000);

  test("payloads as the deadline: refused with a Vietnamese reason and nothing written, or kept literally with the date it means", async () => {
    const accepted: string[] = [];
    for (const p of P) {
      const d = installDouble();
      const before = d.workbook.snapshot();
      let c: Catalogue;
      try {
        c = parseCatalogue(json([{ ...benignTask("I.1"), deadline: p }]));
      } catch (e) {
        expect(e).toBeInstanceOf(CatalogueError);
        expect((e as CatalogueError).message).toMatch(VIETNAMESE);
        expect((e as CatalogueError).message).toMatch(/thời hạn|năm|ngày|tháng|quý/i);
        expect(d.workbook.writes()).toEqual([]);
        expect(d.workbook.snapshot()).toEqual(before);
        continue;
      }
      accepted.push(p);
      done(await pull(d, c, { reportDate: REPORT_DATE }));
      expect(trackerProblems(viewOfDouble(d), c, buildModel(c))).toEqual([]);
    }
    expect(accepted).toEqual(expect.arrayContaining(["30/11/2024", "2024-12-31", "45657"]));
    expect(sentProblems(paneFormulas)).toEqual([]);
  }, 30_000);
});

// ───────────── task pane: a unit's own sheet, imported ─────────────

describe("import of a unit's own sheet (readSheetForImport → tasksFromTable → pull)", () => {
  const HEADER = [
    "STT",
    "Nội dung nhiệm vụ",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Sản phẩm",
    "Thời gian hoàn thành",
    "Tiến độ",
    "Ngày hoàn thành",
    "Minh chứng",
    "Ghi chú",
  ];

  test("payloads in every column, progress columns included: literal in the tracker, the source sheet untouched", async () => {
    const rows: string[][] = [
      HEADER,
      ...P.map((p, i) => [
        i < ID_PAYLOADS.length ? ID_PAYLOADS[i] : String(i + 1),
        p,
        at(i + 3),
        at(i + 7),
        at(i + 11),
        "Quý IV/2024",
        at(i + 13),
        at(i + 17),
        at(i + 19),
        at(i + 23),
      ]),
    ];
    // The sheet's own name is a payload too: it reaches "Nạp từ" and the catalogue's title.
    const sheet = "=1+1 Kế hoạch đơn vị";
    const d = installDouble({ sheets: [sheet] });
    d.workbook.setRaw(sheet, "A1", rows);
    const source = () => d.workbook.sheet(sheet).values();
    const sourceBefore = source();
    const table = await d.Excel.run((ctx) => readSheetForImport(ctx));
    expect(table.rows).toEqual(rows);
    const detected = await catalogueSources.detectHeader(table.rows);
    expect(detected.headerRow).toBe(0);
    const parsed = await catalogueSources.tasksFromTable(table.rows, IMPORT_PLAN_YEAR, {
      map: detected.map,
      headerRow: detected.headerRow,
    });
    const c = sheetCatalogue(table, parsed.tasks);
    expect(c.tasks.some((t) => t.progress?.status !== undefined)).toBe(true);
    spy.mockClear();
    const out = await d.Excel.run((ctx) =>
      pullCatalogue(ctx, { catalogue: c, loadedFrom: table.address, now: NOW, reportDate: REPORT_DATE }),
    );
    done(out);
    await paneActions(d);
    const view = viewOfDouble(d);
    const model = buildModel(c);
    expect(model.assignments.filter((a) => a.status !== null).length).toBeGreaterThan(P.length / 2);
    expect(table.address.startsWith("'=1+1")).toBe(true);
    expect(trackerProblems(view, c, model, table.address)).toEqual([]);
    expect(summaryProblems(view, model)).toEqual([]);
    expect(foreignFormulas(view, paneFormulas)).toEqual([]);
    expect(sentProblems(paneFormulas)).toEqual([]);
    expect(source()).toEqual(sourceBefore);
    // Statuses, evidence and notes the unit typed are in the user columns as typed.
    const pcTexts = new Set(
      viewOfDouble(d)
        .get(SHEETS.assignments)
        ?.cells()
        .map(({ cell }) => cell.value),
    );
    for (const i of [0, 5, 10, 20]) expect(pcTexts.has(shown(at(i + 19).trim()))).toBe(true);
  }, 30_000);
});

// ───────────── export (.xlsx read back with exceljs) ─────────────

describe("export (npm run workbook) — the .xlsx read back with exceljs", () => {
  test("payloads in catalogue fields and in every column of the progress CSV: string cells, no formulas", async () => {
    const tasks = ID_PAYLOADS.map((id, i) => ({
      id,
      area: "I",
      title: at(i),
      lead: "Sở Nội vụ",
      coordinating: at(i + 1),
      output: at(i + 2),
      deadline: "Quý IV/2024",
    }));
    const text = json(tasks, { title: at(3), version: at(4) }, { document: at(5), note: at(6) });
    const progress = csv([
      ["task_id", "unit", "status", "completed_on", "evidence", "note"],
      ...ID_PAYLOADS.map((id, i) => [
        id,
        i % 2 === 0 ? "" : "Sở Nội vụ",
        at(i + 7),
        "",
        at(i + 8),
        at(i + 9),
      ]),
    ]);
    const out = await exportXlsx("progress", text, progress);
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    const c = parseCatalogue(text);
    const model = buildModel(c, {
      progress: ID_PAYLOADS.map((id, i) => ({
        taskId: id.normalize("NFC").trim(),
        status: at(i + 7)
          .normalize("NFC")
          .trim(),
        evidence: at(i + 8)
          .normalize("NFC")
          .trim(),
        note: at(i + 9)
          .normalize("NFC")
          .trim(),
      })),
    });
    const view = await viewOfXlsx(out.bytes);
    expect(trackerProblems(view, c, model)).toEqual([]);
    expect(summaryProblems(view, model)).toEqual([]);
    expect(foreignFormulas(view, exportFormulas)).toEqual([]);
  }, 30_000);

  test("payloads as lead and coordinating units: unit names literal in Phân công and Tổng hợp", async () => {
    const text = JSON.stringify(FIELDS_CATALOGUE);
    const out = await exportXlsx("fields", text);
    expect(out.code).toBe(0);
    const view = await viewOfXlsx(out.bytes);
    const model = buildModel(FIELDS_CATALOGUE);
    expect(trackerProblems(view, FIELDS_CATALOGUE, model)).toEqual([]);
    expect(summaryProblems(view, model)).toEqual([]);
    expect(foreignFormulas(view, exportFormulas)).toEqual([]);
  }, 30_000);
});

// ───────────── task ids the merge cannot tell apart ─────────────

describe("task ids: what a cell shows is what a re-pull matches", () => {
  test("an id holding a control character (a Word paste) is found again on a re-pull: no duplicate rows, nothing marked removed", async () => {
    const c = parseCatalogue(
      json([
        { ...benignTask("I.1\u0007"), title: "Nhiệm vụ có mã dán từ Word" },
        { ...benignTask("I.2"), title: "Nhiệm vụ thường" },
      ]),
    );
    const d = installDouble();
    done(await pull(d, c, { reportDate: REPORT_DATE }));
    const rows = d.workbook.table("NhiemVu").rows.length;
    const again = await pull(d, c);
    expect(again).toMatchObject({
      kind: "done",
      tasks: { added: 0, changed: 0, removed: 0 },
      assignments: { added: 0, changed: 0, removed: 0 },
    });
    expect(d.workbook.table("NhiemVu").rows.length).toBe(rows);
  });

  test("two ids that differ only in case are refused, or kept apart on a re-pull (Excel's COUNTIFS and the merge ignore case)", async () => {
    const text = json([
      { ...benignTask("I.1"), title: "Nhiệm vụ một" },
      { ...benignTask("i.1"), title: "Nhiệm vụ khác hẳn" },
    ]);
    let c: Catalogue;
    try {
      c = parseCatalogue(text);
    } catch (e) {
      expect(e).toBeInstanceOf(CatalogueError);
      expect((e as CatalogueError).message).toMatch(/trùng/);
      return;
    }
    const d = installDouble();
    done(await pull(d, c, { reportDate: REPORT_DATE }));
    const titles = () => d.workbook.table("NhiemVu").rows.map((r) => r[2]);
    expect(titles()).toEqual(["Nhiệm vụ một", "Nhiệm vụ khác hẳn"]);
    const again = await pull(d, c);
    expect(again).toMatchObject({ kind: "done", tasks: { changed: 0 }, assignments: { changed: 0 } });
    expect(titles()).toEqual(["Nhiệm vụ một", "Nhiệm vụ khác hẳn"]);
  });
});
