/**
 * Issue 15 items 4 and 5, in the core: the Kiểm tra twin flags a completion date after the report
 * date and a unit cell COUNTIFS would count apart from its unit; the pane's summary groups rows
 * exactly as the sheet's COUNTIFS does (the LibreOffice suite checks the sheet side).
 */
import {
  assignmentCheck,
  defaultSettings,
  excelTrim,
  isOffCanonicalUnit,
  summaryLines,
} from "../../../src/core/workbook/evaluate";
import { CHECK_LABELS } from "../../../src/core/workbook/layout";
import type { AssignmentRecord } from "../../../src/core/workbook/model";

const S = defaultSettings("2024-12-31");
const DONE = "Đã hoàn thành";

describe("Kiểm tra twin", () => {
  test.each<[string, Partial<AssignmentRecord>, string]>([
    [
      "done, evidence, date before the report date",
      { status: DONE, completedOn: "2024-12-01", evidence: "CV 1" },
      "",
    ],
    ["done on the report date", { status: DONE, completedOn: "2024-12-31", evidence: "CV 1" }, ""],
    [
      "done after the report date",
      { status: DONE, completedOn: "2025-01-02", evidence: "CV 1" },
      CHECK_LABELS.completedAfterReport,
    ],
    [
      "done after the report date, no evidence",
      { status: DONE, completedOn: "2025-01-02" },
      CHECK_LABELS.missingEvidence,
    ],
    [
      "date without done (even after the report date)",
      { status: "Đang thực hiện", completedOn: "2025-01-02" },
      CHECK_LABELS.dateWithoutDone,
    ],
    ["unit with a trailing space", { unit: "Sở Nội vụ " }, CHECK_LABELS.unitSpelling],
    ["unit with a double space", { unit: "Sở  Nội vụ" }, CHECK_LABELS.unitSpelling],
    ["unit in NFD", { unit: "Sở Nội vụ".normalize("NFD") }, CHECK_LABELS.unitSpelling],
    ["unit as written by the add-in", { unit: "Sở Nội vụ" }, ""],
    ["unit in another case (COUNTIFS ignores case)", { unit: "sở nội vụ" }, ""],
  ])("%s", (_label, a, want) => {
    expect(assignmentCheck({ status: null, completedOn: null, evidence: null, ...a }, S)).toBe(want);
  });

  test("Excel's TRIM: spaces only, inner runs collapsed", () => {
    expect(excelTrim("  a  b \u00a0 ")).toBe("a b \u00a0");
    expect(isOffCanonicalUnit("")).toBe(false);
    expect(isOffCanonicalUnit(null)).toBe(false);
  });
});

function row(unit: string, status: string | null = null): AssignmentRecord {
  return {
    taskId: "I.1",
    title: "",
    area: "I",
    unit,
    unitId: null,
    level: "",
    role: "Chủ trì",
    due: "2024-12-15",
    kind: "date",
    inCatalogue: true,
    status,
    completedOn: null,
    evidence: null,
    note: null,
  };
}

describe("summaryLines counts what COUNTIFS counts", () => {
  test("a trailing-space or NFD unit cell is its own line, not folded into the unit", () => {
    const rows = [
      row("Sở Nội vụ", DONE),
      row("Sở Nội vụ "),
      row("Sở Nội vụ".normalize("NFD")),
      row("sở nội vụ", DONE),
      row("Sở Tư pháp"),
    ];
    const { lines, total } = summaryLines(rows, S);
    const byUnit = new Map(lines.map((l) => [l.unit, [l.assigned, l.done]]));
    expect(byUnit.get("Sở Nội vụ")).toEqual([2, 2]); // case-insensitive, as COUNTIFS
    expect(byUnit.get("Sở Nội vụ ")).toEqual([1, 0]);
    expect(byUnit.get("Sở Nội vụ".normalize("NFD"))).toEqual([1, 0]);
    expect(total.assigned).toBe(5);
    // Canonical lines first, in the official order (departments in their order), odd spellings after.
    expect(lines.slice(0, 2).map((l) => l.unit)).toEqual(["Sở Nội vụ", "Sở Tư pháp"]);
    expect(lines.slice(0, 2).every((l) => l.unitId !== null)).toBe(true);
    expect(lines.slice(2).every((l) => l.unitId === null)).toBe(true);
  });
});
