/** Each workflow's state as a plain reducer (no rendering): what every action does to it. */
import {
  initialShellState,
  shellReducer,
  type ShellState,
} from "../../../src/taskpane/workflows/shell/state";
import {
  catalogueReducer,
  initialCatalogueState,
  sourceFromLast,
  type CatalogueState,
} from "../../../src/taskpane/workflows/catalogue/reducer";
import {
  initialReportDateState,
  isIsoDateInput,
  reportDateReducer,
} from "../../../src/taskpane/workflows/reportDate/reducer";
import { initialOverdueState, overdueReducer } from "../../../src/taskpane/workflows/overdue/reducer";
import { initialSummaryState, summaryReducer } from "../../../src/taskpane/workflows/summary/reducer";
import { initialScoreState, scoreReducer } from "../../../src/taskpane/workflows/score/reducer";
import { exportReducer, initialExportState } from "../../../src/taskpane/workflows/export/reducer";
import type {
  ImportState,
  OverdueOutcome,
  PullResult,
  SummaryOutcome,
} from "../../../src/taskpane/app/types";

// Plain data (not ../helpers, which loads React DOM and keeps a node worker alive).
const STATS = { syncs: 1, bytes: 0, maxRequestBytes: 0 };
const sampleSummary = () => ({ lines: [], stats: STATS }) as unknown as SummaryOutcome;

const table = { sheet: "KH", address: "KH!A1:C3", rows: [["STT", "Nội dung", "Chủ trì"]] };
const importState: ImportState = { table, headerRow: 0, map: { id: 0, title: 1 }, detected: true };
const result = { catalogue: { id: "demo-2024" } } as unknown as PullResult;

describe("shell", () => {
  const start = initialShellState("vi", ["catalogue"]);
  const make = () => ({ intent: "info" as const, title: "x", lines: [] });

  test("starts with the first workflow open, nothing busy, no message, no pull", () => {
    expect(start).toMatchObject({ lang: "vi", open: ["catalogue"], busy: null, feedback: null, pulls: 0 });
  });

  test("a message gets a new id each time and opens its workflow; the status card's does not", () => {
    const a = shellReducer(start, { type: "show", workflow: "overdue", make });
    const b = shellReducer(a, { type: "show", workflow: "status", make });
    expect([a.feedback?.id, b.feedback?.id]).toEqual([1, 2]);
    expect(a.open).toEqual(["overdue"]);
    expect(b.open).toEqual(["overdue"]);
    expect(shellReducer(b, { type: "clearFeedback" }).feedback).toBeNull();
  });

  test.each([
    [undefined, null],
    [0.5, 0.5],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
  ])("busy with progress %p shows %p", (progress, shown) => {
    const s = shellReducer(start, { type: "busy", label: "Đang nạp", progress });
    expect(s.busy).toEqual({ label: "Đang nạp", progress: shown });
    expect(shellReducer(s, { type: "idle" }).busy).toBeNull();
  });

  test("a pull counts and drops the previous tally", () => {
    const withSummary: ShellState = shellReducer(start, { type: "summary", summary: sampleSummary() });
    const after = shellReducer(withSummary, { type: "pulled" });
    expect(after.pulls).toBe(1);
    expect(after.summary).toBeNull();
  });
});

describe("catalogue", () => {
  const s0: CatalogueState = initialCatalogueState;

  test.each([
    [undefined, null],
    ["", null],
    ["demo-2024", "demo-2024"],
    ["https://data.example.vn/a.json", "url"],
    ["HTTPS://X.EXAMPLE/a.csv", "url"],
    ["'Kế hoạch'!A1:F9", "sheet"],
  ])("the last source %p selects %p", (last, choice) => {
    expect(sourceFromLast(last)).toBe(choice);
  });

  test("a table read replaces the previous result; a mapping change edits only that field", () => {
    const withResult = catalogueReducer(s0, { type: "pulled", result, fromSheet: false, savedUrl: false });
    const read = catalogueReducer(withResult, { type: "sheetRead", importState });
    expect(read.result).toBeNull();
    const moved = catalogueReducer(read, { type: "map", field: "status", column: 2 });
    expect(moved.importState?.map).toEqual({ id: 0, title: 1, status: 2 });
    const removed = catalogueReducer(moved, { type: "map", field: "title", column: undefined });
    expect(removed.importState?.map).toEqual({ id: 0, status: 2 });
    expect(catalogueReducer(s0, { type: "map", field: "title", column: 1 })).toBe(s0);
  });

  test("a header-row answer about an older table is dropped", () => {
    const read = catalogueReducer(s0, {
      type: "sheetRead",
      importState: { ...importState, detected: false },
    });
    const other = { ...table, rows: [] };
    expect(catalogueReducer(read, { type: "headerRow", table: other, headerRow: 2, map: {} })).toBe(read);
    const same = catalogueReducer(read, { type: "headerRow", table, headerRow: 2, map: { title: 0 } });
    expect(same.importState).toMatchObject({ headerRow: 2, map: { title: 0 }, detected: true });
  });

  test.each([
    [true, true, null, null],
    [false, false, importState, "https://typed"],
  ])(
    "a pull (from the sheet: %p, address saved: %p) keeps or clears the import and the draft",
    (fromSheet, savedUrl, imp, url) => {
      const before: CatalogueState = { ...s0, importState, urlDraft: "https://typed" };
      const after = catalogueReducer(before, { type: "pulled", result, fromSheet, savedUrl });
      expect(after.result).toBe(result);
      expect(after.importState).toBe(imp);
      expect(after.urlDraft).toBe(url);
    },
  );

  test("a new pull clears the previous result; a confirmation opens and closes", () => {
    const done = catalogueReducer(s0, { type: "pulled", result, fromSheet: false, savedUrl: false });
    expect(catalogueReducer(done, { type: "pullStarted" }).result).toBeNull();
    const asking = catalogueReducer(s0, { type: "needsConfirmation", from: "a", to: "b" });
    expect(asking.confirm).toEqual({ from: "a", to: "b" });
    expect(catalogueReducer(asking, { type: "confirmClosed" }).confirm).toBeNull();
  });
});

describe("the other workflows", () => {
  test("Ngày báo cáo: a draft until saved or a new catalogue", () => {
    const typed = reportDateReducer(initialReportDateState, { type: "draft", draft: "2024-12-31" });
    expect(typed.draft).toBe("2024-12-31");
    expect(reportDateReducer(typed, { type: "saved" }).draft).toBeNull();
    expect(reportDateReducer(typed, { type: "pulled" }).draft).toBeNull();
  });

  test.each([
    ["2024-12-31", true],
    ["", false],
    ["31/12/2024", false],
    ["2024-1-5", false],
  ])("the date input %p is accepted: %p", (value, ok) => {
    expect(isIsoDateInput(value)).toBe(ok);
  });

  test("Đánh dấu quá hạn: the outcome, the filter cleared, a new catalogue", () => {
    const outcome = {
      items: [],
      counts: { overdue: 0, overdueQ4: 0, dueSoon: 0, missingEvidence: 0, unknownStatus: 0, total: 0 },
      reportDate: "2024-12-15",
      filterApplied: true,
      stats: STATS,
    } as OverdueOutcome;
    const flagged = overdueReducer(initialOverdueState, { type: "flagged", outcome });
    expect(overdueReducer(flagged, { type: "filterCleared" }).outcome?.filterApplied).toBe(false);
    expect(overdueReducer(initialOverdueState, { type: "filterCleared" })).toBe(initialOverdueState);
    expect(overdueReducer(flagged, { type: "pulled" }).outcome).toBeNull();
  });

  test("Tổng hợp, Chấm điểm, Xuất danh mục", () => {
    expect(summaryReducer(initialSummaryState, { type: "pivot", pivot: true }).pivot).toBe(true);
    const draft = { method: "proportional" } as never;
    const edited = scoreReducer(initialScoreState, { type: "draft", draft });
    expect(edited.draft).toBe(draft);
    expect(scoreReducer(edited, { type: "applied" }).draft).toBeNull();
    const exported = { json: "{}", fileName: "a.json", taskCount: 1, official: false };
    const e = exportReducer(initialExportState, { type: "exported", exported });
    expect(e.exported).toBe(exported);
    expect(exportReducer(e, { type: "pulled" }).exported).toBeNull();
  });
});
