/** Issue 20 (round 2): the catalogue reducer's lineage step (found, chosen, reset), as plain functions. */
import {
  catalogueReducer,
  initialCatalogueState,
  type CatalogueState,
} from "../../../src/taskpane/workflows/catalogue/reducer";
import type { ImportState } from "../../../src/taskpane/app/types";
import type { LineageFinding } from "../../../src/core/units/importLineage";

const table = { sheet: "KH", address: "KH!A1:E4", rows: [] as unknown[][] };
const ward: LineageFinding = {
  written: "Phường Nguyễn Nghiêm",
  kind: "successor",
  message: "… nay thuộc Phường Cẩm Thành …",
  successors: ["Phường Cẩm Thành", "Phường Đức Phổ"],
  all: null,
  split: false,
  taskIds: ["I.1"],
};
const district: LineageFinding = {
  written: "UBND huyện Lý Sơn",
  kind: "district",
  message: "cấp huyện đã kết thúc từ 01/07/2025",
  successors: ["Đặc khu Lý Sơn"],
  all: null,
  split: false,
  taskIds: ["I.2"],
};
const importing = (extra: Partial<ImportState> = {}): CatalogueState => ({
  ...initialCatalogueState,
  importState: { table, headerRow: 0, map: { title: 1, lead: 2 }, detected: true, ...extra },
});

test.each<[string, CatalogueState, Parameters<typeof catalogueReducer>[1], Partial<ImportState> | null]>([
  [
    "found: listed, nothing chosen",
    importing(),
    { type: "lineageFound", table, findings: [ward, district] },
    { lineage: [ward, district], successorChoices: {} },
  ],
  [
    "found again: choices for names still listed are kept, others dropped",
    importing({
      lineage: [ward, district],
      successorChoices: { [ward.written]: "Phường Cẩm Thành", gone: "x" },
    }),
    { type: "lineageFound", table, findings: [ward] },
    { lineage: [ward], successorChoices: { [ward.written]: "Phường Cẩm Thành" } },
  ],
  [
    "a late answer about another table is dropped",
    importing(),
    { type: "lineageFound", table: { ...table }, findings: [ward] },
    null,
  ],
  [
    "chosen: an offered successor",
    importing({ lineage: [ward], successorChoices: {} }),
    { type: "successorChosen", written: ward.written, choice: "Phường Đức Phổ" },
    { successorChoices: { [ward.written]: "Phường Đức Phổ" } },
  ],
  [
    "a name not offered is never taken (no free guess)",
    importing({ lineage: [ward], successorChoices: {} }),
    { type: "successorChosen", written: ward.written, choice: "Phường Trương Quang Trọng" },
    { successorChoices: {} },
  ],
  [
    "null: keep the name as written",
    importing({ lineage: [ward], successorChoices: { [ward.written]: "Phường Cẩm Thành" } }),
    { type: "successorChosen", written: ward.written, choice: null },
    { successorChoices: {} },
  ],
  [
    "another column mapping: the lineage is found again at the next click",
    importing({ lineage: [ward], successorChoices: { [ward.written]: "Phường Cẩm Thành" } }),
    { type: "map", field: "lead", column: 3 },
    { lineage: undefined, successorChoices: undefined },
  ],
  [
    "another header row: likewise",
    importing({ lineage: [ward], successorChoices: {} }),
    { type: "headerRow", table, headerRow: 1, map: {} },
    { lineage: undefined, successorChoices: undefined },
  ],
])("%s", (_name, state, action, expected) => {
  const next = catalogueReducer(state, action);
  if (expected === null) expect(next).toBe(state);
  else expect(next.importState).toMatchObject(expected);
});

test("choosing without a listed lineage changes nothing", () => {
  const s = importing();
  expect(catalogueReducer(s, { type: "successorChosen", written: "x", choice: "y" })).toBe(s);
});
