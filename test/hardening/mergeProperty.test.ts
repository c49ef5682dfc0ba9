/**
 * Issue 8.3 — a re-pull never loses what the user typed. fast-check drives the real pull action
 * against the workbook double: random small catalogue versions (tasks added, removed, reordered,
 * retitled, re-dated, lead and coordinating units changed, unit names respelt) and random user
 * work between pulls (Trạng thái, Ngày hoàn thành, Minh chứng, Ghi chú typed into any row; the
 * tables sorted; a filter left on; a column of the user's own inserted). After every re-pull:
 * - every row the user had is still there, with the same user values attached to the same
 *   task × unit (and the same value in the user's own column);
 * - no cell of a user column (or of the user's own column) in an existing row was written;
 * - tasks that left the catalogue keep their rows, marked “Trong danh mục = Không”;
 * - every task × unit of the new version has a row marked “Có”.
 */
import fc from "fast-check";
import * as mergeModule from "../../src/core/workbook/merge";
import { parseCatalogue } from "../../src/core/catalogue/parse";
import type { Catalogue } from "../../src/core/catalogue/types";
import { buildModel } from "../../src/core/workbook/model";
import { findUnit } from "../../src/core/units/units";
import { foldVietnamese } from "../../src/core/text/fold";
import { IN_CATALOGUE, SHEETS, TABLES } from "../../src/core/workbook/layout";
import type { CellValue, WorkbookDouble } from "../double/workbookDouble";
import {
  assignmentHeader,
  colName,
  installDouble,
  pull,
  REPORT_DATE,
  shuffled,
  taskHeader,
  USER_COLUMNS,
} from "../double/testkit";
import { shown } from "./lib/vietnamese";

/** "i.2" is "I.2" respelt by a later version (ids match case-insensitively, as in Excel). */
const IDS = ["I.1", "I.2", "i.2", "II.1", "III.1", "III.2", "V.1", "VII.1", "VII.2"];
const TITLES = [
  "Rà soát, đơn giản hóa thủ tục hành chính",
  "Số hóa hồ sơ, kết quả giải quyết TTHC",
  "Kiểm tra công tác cải cách hành chính",
  "Tuyên truyền cải cách hành chính",
  "- Rà soát văn bản quy phạm pháp luật",
];
const UNITS = [
  "Sở Nội vụ",
  "SNV",
  "Sở Nội vụ".normalize("NFD"),
  "Sở Tư pháp",
  "Sở Tài chính",
  "Sở Thông tin và Truyền thông",
  "UBND huyện Bình Sơn",
  "Huyện Bình Sơn",
  "Huyện Lý Sơn",
  "Thành phố Quảng Ngãi",
  "Ban Quản lý dự án Alpha",
  "ban quản lý dự án alpha",
  "Trung tâm Phục vụ Beta",
];
const DEADLINES = [
  "Quý IV/2024",
  "Tháng 12/2024",
  "Thường xuyên",
  "Theo yêu cầu",
  "30/11/2024",
  "6 tháng đầu năm",
  "",
];
const AREAS = ["I", "II", "III", "IV", "V", "VI", "VII"] as const;

/** What users type in the four user columns (text, dates as serials or as text, links, formulas-as-text). */
const USER_VALUES: CellValue[] = [
  "Đã hoàn thành",
  "Đang thực hiện",
  "Chưa thực hiện",
  "x",
  "xong rồi",
  45_600,
  45_626,
  "30/11/2024",
  "https://snv.quangngai.gov.vn/minh-chung/1.pdf",
  "CV số 12/UBND",
  "=đã gửi",
  "ghi chú của đơn vị",
  true,
  0.5,
];

interface TaskSpec {
  id: string;
  area: (typeof AREAS)[number];
  title: string;
  lead: string[];
  coordinating: string[];
  deadline: string;
}

const taskArb: fc.Arbitrary<TaskSpec> = fc.record({
  id: fc.constantFrom(...IDS),
  area: fc.constantFrom(...AREAS),
  title: fc.constantFrom(...TITLES),
  lead: fc.array(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 3 }),
  coordinating: fc.array(fc.constantFrom(...UNITS), { maxLength: 2 }),
  deadline: fc.constantFrom(...DEADLINES),
});

/** A catalogue version: 1–5 tasks, ids unique (ignoring case), in random order. */
const versionArb = fc.array(taskArb, { minLength: 1, maxLength: 5 }).map((tasks) => {
  const seen = new Set<string>();
  return tasks.filter((t) => !seen.has(t.id.toLowerCase()) && seen.add(t.id.toLowerCase()));
});

interface Edits {
  cells: Array<{ row: number; column: number; value: CellValue }>;
  sortAssignments: number | null;
  sortTasks: number | null;
  /** Insert a column of the user's own into PhanCong before this index. */
  insertColumn: number | null;
  filter: boolean;
}

const editsArb: fc.Arbitrary<Edits> = fc.record({
  cells: fc.array(
    fc.record({
      row: fc.nat(60),
      column: fc.nat(USER_COLUMNS.length - 1),
      value: fc.oneof(fc.constantFrom(...USER_VALUES), fc.string({ maxLength: 12 })),
    }),
    { maxLength: 14 },
  ),
  sortAssignments: fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: null }),
  sortTasks: fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: null }),
  insertColumn: fc.option(fc.nat(15), { nil: null }),
  filter: fc.boolean(),
});

function catalogueOf(tasks: TaskSpec[], version: number): Catalogue {
  return parseCatalogue(
    JSON.stringify({
      schema: "cchc-catalogue/1",
      id: "thu-nghiem-gop",
      title: "Danh mục thử nghiệm gộp",
      planYear: 2024,
      version: String(version),
      source: { document: "Dữ liệu kiểm thử", official: false },
      tasks: tasks.map((t) => ({
        id: t.id,
        area: t.area,
        title: t.title,
        lead: t.lead.join("; "),
        coordinating: t.coordinating.join("; ") || undefined,
        deadline: t.deadline,
      })),
    }),
  );
}

// ───────────── the user's hand ─────────────

const OWN_COLUMN = "Cột của tôi";

function applyEdits(d: WorkbookDouble, e: Edits, step: number): void {
  const t = d.workbook.table(TABLES.assignments);
  const n = t.rows.length;
  for (const c of e.cells) {
    const col = t.headers.indexOf(assignmentHeader(USER_COLUMNS[c.column]));
    const r = c.row % n;
    d.workbook.setRaw(t.sheet, `${colName(col)}${2 + r}`, [[c.value]]);
  }
  if (e.insertColumn !== null && !d.workbook.table(TABLES.assignments).headers.includes(OWN_COLUMN)) {
    const width = t.headers.length;
    d.workbook.insertTableColumn(
      TABLES.assignments,
      e.insertColumn % (width + 1),
      OWN_COLUMN,
      Array.from({ length: n }, (_, i) => `riêng ${step}.${i}`),
    );
  }
  if (e.sortAssignments !== null)
    d.workbook.reorderTableRows(TABLES.assignments, shuffled(n, e.sortAssignments));
  if (e.sortTasks !== null) {
    const m = d.workbook.table(TABLES.tasks).rows.length;
    d.workbook.reorderTableRows(TABLES.tasks, shuffled(m, e.sortTasks));
  }
  if (e.filter) {
    const units = d.workbook
      .table(TABLES.assignments)
      .rows.map((r) => String(r[t.headers.indexOf(assignmentHeader("unit"))]));
    d.workbook.filterTable(TABLES.assignments, assignmentHeader("unit"), [units[0]]);
  }
}

// ───────────── reading the table back ─────────────

/** Task × unit identity as a reader of the sheet sees it: the id as shown (any case), the unit id if known, else its folded text. */
function identity(taskId: unknown, unit: unknown): string {
  const u = String(unit ?? "");
  const known = findUnit(u);
  return `${shown(String(taskId ?? ""))
    .trim()
    .toLowerCase()}|${known ? `id:${known.id}` : `text:${foldVietnamese(u)}`}`;
}

interface RowState {
  key: string;
  user: CellValue[];
  own: CellValue | undefined;
  inCatalogue: CellValue;
}

function rowsOf(d: WorkbookDouble): RowState[] {
  const t = d.workbook.table(TABLES.assignments);
  const i = (h: string) => t.headers.indexOf(h);
  const own = i(OWN_COLUMN);
  return t.rows.map((r) => ({
    key: identity(r[i(assignmentHeader("taskId"))], r[i(assignmentHeader("unit"))]),
    user: USER_COLUMNS.map((k) => r[i(assignmentHeader(k))]),
    own: own >= 0 ? r[own] : undefined,
    inCatalogue: r[i(assignmentHeader("inCatalogue"))],
  }));
}

/** One re-pull and every invariant; returns a description of what broke, or null. */
async function repullKeeps(
  d: WorkbookDouble,
  next: Catalogue,
  previousIds: Set<string>,
): Promise<string | null> {
  const before = rowsOf(d);
  const table = d.workbook.table(TABLES.assignments);
  const userCols = [
    ...USER_COLUMNS.map((k) => table.headers.indexOf(assignmentHeader(k))),
    table.headers.indexOf(OWN_COLUMN),
  ].filter((c) => c >= 0);
  const [r0] = /\d+/.exec(table.address) as RegExpExecArray;
  const firstDataRow = Number(r0); // 0-based sheet row of the first data row
  d.workbook.clearWrites();
  const out = await pull(d, next);
  if (out.kind !== "done") return `pull ended with ${out.kind}`;
  const after = rowsOf(d);
  if (after.length < before.length) return `rows went from ${before.length} to ${after.length}`;
  // Same key → same user values (every row that existed, wherever the sort put it).
  const afterByKey = new Map<string, RowState[]>();
  for (const r of after) afterByKey.set(r.key, [...(afterByKey.get(r.key) ?? []), r]);
  for (const b of before) {
    const candidates = afterByKey.get(b.key) ?? [];
    const match = candidates.findIndex(
      (a) => JSON.stringify([a.user, a.own]) === JSON.stringify([b.user, b.own]),
    );
    if (match < 0)
      return `row ${b.key} had ${JSON.stringify([b.user, b.own])}, now ${JSON.stringify(candidates.map((a) => [a.user, a.own]))}`;
    candidates.splice(match, 1);
  }
  // …and for a task × unit still in the catalogue, the values are on the row marked "Có" (not
  // left behind on an orphaned row while an empty duplicate takes its place).
  const liveKeys = new Set(buildModel(next).assignments.map((a) => identity(a.taskId, a.unit)));
  for (const b of before) {
    if (!liveKeys.has(b.key) || b.user.every((v) => v === "")) continue;
    const live = after.filter((a) => a.key === b.key && a.inCatalogue === IN_CATALOGUE.yes);
    if (!live.some((a) => JSON.stringify(a.user) === JSON.stringify(b.user)))
      return `row ${b.key}: the user's ${JSON.stringify(b.user)} is not on a row marked “Có” (${JSON.stringify(live.map((a) => a.user))})`;
  }
  // No write touched a user cell (or the user's own column) of a row that existed.
  const lastOld = firstDataRow + before.length - 1;
  const touched = d.workbook
    .writes()
    .filter((w) => w.sheet === SHEETS.assignments && w.rect.r0 <= lastOld && w.rect.r1 >= firstDataRow)
    .filter((w) => userCols.some((c) => w.rect.c0 <= c && w.rect.c1 >= c));
  if (touched.length > 0)
    return `user cells written: ${touched.map((w) => `${w.address} (${w.via})`).join(", ")}`;
  // Removed tasks keep their rows, marked "Không"; every assignment of the new version is there, "Có".
  const model = buildModel(next);
  const nextIds = new Set(next.tasks.map((t) => shown(t.id).toLowerCase()));
  for (const id of previousIds) {
    if (nextIds.has(id)) continue;
    const rows = after.filter((r) => r.key.startsWith(`${id}|`));
    if (rows.length === 0) return `the rows of removed task ${id} are gone`;
    if (rows.some((r) => r.inCatalogue !== IN_CATALOGUE.no))
      return `removed task ${id} is not marked “Không”`;
    const taskRow = d.workbook.table(TABLES.tasks).rows.find((r) => String(r[0]).toLowerCase() === id);
    const inCat = d.workbook.table(TABLES.tasks).headers.indexOf(taskHeader("inCatalogue"));
    if (!taskRow || taskRow[inCat] !== IN_CATALOGUE.no)
      return `NhiemVu row of removed task ${id} missing or not “Không”`;
  }
  for (const a of model.assignments) {
    const k = identity(a.taskId, a.unit);
    const rows = after.filter((r) => r.key === k);
    if (rows.length === 0) return `no row for ${k}`;
    if (!rows.some((r) => r.inCatalogue === IN_CATALOGUE.yes))
      return `row ${k} of the new version is not marked “Có”`;
  }
  return null;
}

async function scenario(versions: TaskSpec[][], edits: Edits[]): Promise<string | null> {
  const d = installDouble();
  let current = catalogueOf(versions[0], 1);
  const first = await pull(d, current, { reportDate: REPORT_DATE });
  if (first.kind !== "done") return `first pull ended with ${first.kind}`;
  for (let v = 1; v < versions.length; v++) {
    applyEdits(d, edits[v - 1], v);
    const ids = new Set<string>();
    for (const t of d.workbook.table(TABLES.tasks).rows) ids.add(String(t[0]).toLowerCase());
    current = catalogueOf(versions[v], v + 1);
    const problem = await repullKeeps(d, current, ids);
    if (problem) return `after version ${v + 1}: ${problem}`;
  }
  return null;
}

let runs = 0;

test("two versions: user values stay on their task × unit; nothing the user typed is written over", async () => {
  await fc.assert(
    fc.asyncProperty(fc.tuple(versionArb, versionArb), editsArb, async (versions, edits) => {
      runs += 1;
      const problem = await scenario(versions, [edits]);
      if (problem) throw new Error(problem);
    }),
    { numRuns: 600, seed: 20241130 },
  );
}, 120_000);

test("three versions (tasks leave and come back), sorts, filters and a column of the user's own", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.tuple(versionArb, versionArb, versionArb),
      fc.tuple(editsArb, editsArb),
      async (versions, edits) => {
        runs += 1;
        const problem = await scenario(versions, edits);
        if (problem) throw new Error(problem);
      },
    ),
    { numRuns: 400, seed: 5893 },
  );
}, 120_000);

test("property runs in total ≥ 1,000", () => {
  expect(runs).toBeGreaterThanOrEqual(1_000);
});

test("self-test: the checks notice a merge that writes into a user column", async () => {
  const real = mergeModule.mergeTracker;
  const spy = jest.spyOn(mergeModule, "mergeTracker").mockImplementation((model, existing, options) => {
    const result = real(model, existing, options);
    const status = existing.assignments.headers.indexOf(assignmentHeader("status"));
    result.ops.push({
      op: "updateTableCells",
      table: TABLES.assignments,
      row: 0,
      column: status,
      rows: [["Chưa thực hiện"]],
    });
    return result;
  });
  try {
    const v1: TaskSpec[] = [
      {
        id: "I.1",
        area: "I",
        title: TITLES[0],
        lead: ["Sở Nội vụ"],
        coordinating: [],
        deadline: "Quý IV/2024",
      },
    ];
    const edits: Edits = {
      cells: [{ row: 0, column: 0, value: "Đã hoàn thành" }],
      sortAssignments: null,
      sortTasks: null,
      insertColumn: null,
      filter: false,
    };
    expect(await scenario([v1, v1], [edits])).toMatch(/had|user cells written/);
  } finally {
    spy.mockRestore();
  }
});

test("a task id holding a control character (pasted from Word): the user's progress stays on the live row after a re-pull", async () => {
  const v1 = parseCatalogue(
    JSON.stringify({
      schema: "cchc-catalogue/1",
      id: "thu-nghiem-gop",
      title: "Danh mục thử nghiệm gộp",
      planYear: 2024,
      source: { document: "Dữ liệu kiểm thử", official: false },
      tasks: [{ id: "I.1\u0002", area: "I", title: TITLES[0], lead: "Sở Nội vụ", deadline: "Quý IV/2024" }],
    }),
  );
  const d = installDouble();
  expect((await pull(d, v1, { reportDate: REPORT_DATE })).kind).toBe("done");
  applyEdits(
    d,
    {
      cells: [{ row: 0, column: 0, value: "Đã hoàn thành" }],
      sortAssignments: null,
      sortTasks: null,
      insertColumn: null,
      filter: false,
    },
    1,
  );
  expect(await repullKeeps(d, v1, new Set(["i.1"]))).toBeNull();
  expect(await repullKeeps(d, v1, new Set(["i.1"]))).toBeNull();
  expect(d.workbook.table(TABLES.assignments).rows).toHaveLength(1);
});
