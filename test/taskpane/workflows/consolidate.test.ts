/** Tổng hợp từ đơn vị: the reducer, the choice tally and the messages, as plain functions. */
import {
  acceptedCount,
  conflictTally,
  consolidateReducer,
  initialConsolidateState,
  pickOf,
  rowKey,
} from "../../../src/taskpane/workflows/consolidate/reducer";
import { consolidateMessage } from "../../../src/taskpane/workflows/consolidate/messages";
import { consolidateEn as en, consolidateVi as vi } from "../../../src/taskpane/i18n/consolidate";
import type { ConsolidationReport, Conflict } from "../../../src/core/consolidate/types";

const conflict = (file: string, taskId: string): Conflict => ({
  file,
  unit: "Sở Nội vụ",
  taskId,
  fields: [{ column: "Trạng thái", province: "Đang thực hiện", unit: "Đã hoàn thành" }],
  kept: "province",
});

const REPORT: ConsolidationReport = {
  filesRead: 3,
  accepted: [
    {
      file: "snv.xlsx",
      unitId: "snv",
      unit: "Sở Nội vụ",
      catalogueVersion: "1",
      savedAt: null,
      rows: 4,
      rowsUpdated: 2,
      notes: [],
    },
  ],
  rejected: [{ file: "a.xlsx", reason: "Tệp .xlsx bị hỏng." }],
  superseded: [{ file: "old.xlsx", unit: "Sở Nội vụ", by: "snv.xlsx" }],
  rowsUpdated: 2,
  conflicts: [conflict("snv.xlsx", "I.1"), conflict("snv.xlsx", "I.2"), conflict("snv.xlsx", "I.3")],
  unitsMissing: ["Sở Tư pháp"],
  extraTasks: [],
  otherUnitRows: [],
  unitsReported: 1,
  unitsExpected: 2,
};

describe("consolidate reducer", () => {
  const files = [{ name: "snv.xlsx", fileTime: null }];
  const previewed = consolidateReducer(consolidateReducer(initialConsolidateState, { type: "read", files }), {
    type: "previewed",
    report: REPORT,
  });

  test("reading files starts over; a preview keeps the files", () => {
    const withChoice = consolidateReducer(previewed, { type: "chooseAll", pick: "unit" });
    const reread = consolidateReducer(withChoice, { type: "read", files: [] });
    expect(reread).toEqual(initialConsolidateState);
    expect(previewed.files).toBe(files);
    expect(acceptedCount(previewed)).toBe(1);
  });

  test.each<[string, Array<Parameters<typeof consolidateReducer>[1]>, [number, number], string[]]>([
    ["nothing chosen keeps the province everywhere", [], [3, 0], ["province", "province", "province"]],
    ["all → unit", [{ type: "chooseAll", pick: "unit" }], [0, 3], ["unit", "unit", "unit"]],
    [
      "one row → unit",
      [{ type: "chooseRow", key: rowKey(conflict("snv.xlsx", "I.2")), pick: "unit" }],
      [2, 1],
      ["province", "unit", "province"],
    ],
    [
      "a choice for all replaces the per-row ones",
      [
        { type: "chooseRow", key: rowKey(conflict("snv.xlsx", "I.2")), pick: "unit" },
        { type: "chooseAll", pick: "province" },
      ],
      [3, 0],
      ["province", "province", "province"],
    ],
    [
      "a row set back to the common choice is no exception any more",
      [
        { type: "chooseAll", pick: "unit" },
        { type: "chooseRow", key: rowKey(conflict("snv.xlsx", "I.1")), pick: "province" },
        { type: "chooseRow", key: rowKey(conflict("snv.xlsx", "I.1")), pick: "unit" },
      ],
      [0, 3],
      ["unit", "unit", "unit"],
    ],
  ])("%s", (_label, actions, [keep, take], picks) => {
    const s = actions.reduce(consolidateReducer, previewed);
    expect(conflictTally(s)).toEqual({ keep, take });
    expect(REPORT.conflicts.map((c) => pickOf(s, c))).toEqual(picks);
    if (actions.length > 0 && picks.every((p) => p === s.choices.all)) expect(s.choices.rows).toEqual({});
  });

  test("written and clear forget the files", () => {
    expect(consolidateReducer(previewed, { type: "written" })).toEqual(initialConsolidateState);
    expect(consolidateReducer(previewed, { type: "clear" })).toEqual(initialConsolidateState);
  });
});

describe("consolidate messages", () => {
  test.each([vi, en])("every outcome has a title in both languages", (t) => {
    const one = consolidateMessage({ kind: "oneUnit", unit: "Sở Nội vụ" }, t);
    expect(one.intent).toBe("warning");
    expect(one.title).toContain("Sở Nội vụ");
    const none = consolidateMessage({ kind: "previewed", files: 2, accepted: 0, rejected: 2 }, t);
    expect([none.intent, none.title]).toEqual(["warning", t.consolidateNothing]);
    const ok = consolidateMessage({ kind: "previewed", files: 2, accepted: 2, rejected: 0 }, t);
    expect(ok.intent).toBe("info");
    const w = consolidateMessage(
      {
        kind: "written",
        files: 3,
        rows: 12,
        reported: 3,
        expected: 211,
        kept: 1,
        taken: 2,
        rejected: 1,
        rejectedFiles: ["a.xlsx"],
        addedColumns: true,
      },
      t,
    );
    expect(w.intent).toBe("warning");
    expect(w.lines).toEqual([
      t.consolidateDoneReported(3, 211),
      t.consolidateDoneConflicts(1, 2),
      t.consolidateDoneRejected(1, "a.xlsx"),
      t.consolidateAddedColumns,
    ]);
    const clean = consolidateMessage(
      {
        kind: "written",
        files: 1,
        rows: 1,
        reported: 1,
        expected: 2,
        kept: 0,
        taken: 0,
        rejected: 0,
        addedColumns: false,
      },
      t,
    );
    expect([clean.intent, clean.lines.length]).toEqual(["success", 1]);
  });

  test("the one-unit refusal says why, in Vietnamese", () => {
    expect(consolidateMessage({ kind: "oneUnit", unit: "Sở Nội vụ" }, vi).title).toMatch(
      /sổ của một đơn vị .*không phải sổ tỉnh/,
    );
  });
});
