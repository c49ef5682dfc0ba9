/**
 * Helpers for suites that drive the task-pane adapters against the workbook double: installing
 * it as the global `Excel`, catalogues of a given size, a "new version" of a catalogue, and
 * reading the tracker tables back as records. No jest, no Node APIs.
 */
import {
  createWorkbookDouble,
  type CellValue,
  type WorkbookDouble,
  type WorkbookDoubleOptions,
} from "./workbookDouble";
import { DEADLINES, generateCatalogue } from "../e2e/lib/generate";
import { listUnits } from "../../src/core/units/units";
import { parseCatalogue } from "../../src/core/catalogue/parse";
import type { Catalogue, CatalogueTask } from "../../src/core/catalogue/types";
import {
  ASSIGNMENT_COLUMNS,
  TABLES,
  TASK_COLUMNS,
  type AssignmentColumnKey,
  type TaskColumnKey,
} from "../../src/core/workbook/layout";
import { pullCatalogue, type PullOutcome, type PullRequest } from "../../src/taskpane/actions/pull";

export const REPORT_DATE = "2024-11-30";
export const NOW = new Date("2024-11-30T08:00:00.000Z");

/** A fresh double, installed as `globalThis.Excel` (the adapters read enums from it). */
export function installDouble(options?: WorkbookDoubleOptions): WorkbookDouble {
  const d = createWorkbookDouble(options);
  (globalThis as unknown as { Excel: unknown }).Excel = d.Excel;
  return d;
}

const cache = new Map<string, Catalogue>();

/**
 * A catalogue with exactly `rows` assignment rows: 55 → 11 tasks × 5 units of 2024 (2 lead
 * agencies, 3 coordinating agencies/districts); otherwise the e2e generator's 55 tasks.
 */
export function catalogueWithRows(rows: number, id?: string): Catalogue {
  const key = `${rows}:${id ?? ""}`;
  let c = cache.get(key);
  if (!c) {
    c =
      rows === 55 ? smallCatalogue(id) : generateCatalogue({ seed: 20241130 + rows, assignments: rows, id });
    cache.set(key, c);
  }
  return clone(c);
}

function smallCatalogue(id?: string): Catalogue {
  const agencies = listUnits("agency");
  const districts = listUnits("district");
  const areas = ["I", "II", "III", "IV", "V", "VI", "VII"] as const;
  const tasks: CatalogueTask[] = Array.from({ length: 11 }, (_, i) => ({
    id: `${areas[i % 7]}.${i + 1}`,
    area: areas[i % 7],
    title: `Nhiệm vụ ${i + 1}: rà soát, đơn giản hóa thủ tục hành chính`,
    lead: `${agencies[(2 * i) % agencies.length].name}; ${agencies[(2 * i + 1) % agencies.length].name}`,
    coordinating: [
      agencies[(2 * i + 5) % agencies.length].name,
      districts[i % districts.length].name,
      districts[(i + 3) % districts.length].name,
    ].join("; "),
    output: "Báo cáo",
    deadline: DEADLINES[(i * 3) % DEADLINES.length],
  }));
  return catalogueOf(tasks, { id: id ?? "test-55", title: "Danh mục kiểm thử 55 phân công", version: "1" });
}

export function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

/** Builds a catalogue from tasks (validated by the real parser). */
export function catalogueOf(
  tasks: CatalogueTask[],
  meta: Partial<Pick<Catalogue, "id" | "title" | "version">> = {},
): Catalogue {
  return parseCatalogue(
    JSON.stringify({
      schema: "cchc-catalogue/1",
      id: meta.id ?? "test-catalogue",
      title: meta.title ?? "Danh mục kiểm thử",
      planYear: 2024,
      version: meta.version,
      source: { document: "Dữ liệu kiểm thử", official: false },
      tasks,
    }),
  );
}

export interface VersionChange {
  catalogue: Catalogue;
  added: string[];
  removed: string[];
  retitled: string[];
  redated: string[];
}

/**
 * A new version of a catalogue: the last `remove` tasks dropped, `add` new tasks (lead: Sở Nội vụ
 * and Sở Tư pháp), one task retitled, one task's deadline moved, and the order reversed.
 */
export function newVersion(base: Catalogue, opts: { add?: number; remove?: number } = {}): VersionChange {
  const c = clone(base);
  const remove = opts.remove ?? 2;
  const add = opts.add ?? 3;
  const removed = c.tasks.splice(c.tasks.length - remove, remove).map((t) => t.id);
  const retitled = c.tasks[0];
  retitled.title = `${retitled.title} (sửa đổi theo văn bản mới)`;
  const redated = c.tasks[Math.min(1, c.tasks.length - 1)];
  redated.deadline = redated.deadline === "15/12/2024" ? "20/12/2024" : "15/12/2024";
  const added: string[] = [];
  for (let i = 0; i < add; i++) {
    const id = `VII.${900 + i}`;
    added.push(id);
    c.tasks.push({
      id,
      area: "VII",
      title: `Nhiệm vụ bổ sung ${i + 1}: số hóa hồ sơ`,
      lead: "Sở Nội vụ; Sở Tư pháp",
      deadline: "Quý IV/2024",
    });
  }
  c.tasks.reverse();
  c.version = `${base.version ?? "1"}-new`;
  return {
    catalogue: c,
    added,
    removed,
    retitled: [retitled.id],
    redated: redated === retitled ? [] : [redated.id],
  };
}

export async function pull(
  d: WorkbookDouble,
  catalogue: Catalogue,
  req: Partial<PullRequest> = {},
): Promise<PullOutcome> {
  return d.Excel.run((ctx) => pullCatalogue(ctx, { catalogue, loadedFrom: catalogue.id, now: NOW, ...req }));
}

export function assignmentHeader(k: AssignmentColumnKey): string {
  return (ASSIGNMENT_COLUMNS.find((c) => c.key === k) as { header: string }).header;
}

export function taskHeader(k: TaskColumnKey): string {
  return (TASK_COLUMNS.find((c) => c.key === k) as { header: string }).header;
}

export type Row = Record<string, CellValue>;

/** A table's data rows as records keyed by header. */
export function tableRecords(d: WorkbookDouble, table: string): Row[] {
  const t = d.workbook.table(table);
  return t.rows.map((r) => Object.fromEntries(t.headers.map((h, i) => [h, r[i]])));
}

export const USER_COLUMNS: AssignmentColumnKey[] = ["status", "completedOn", "evidence", "note"];

/** Row key of an assignment row: task id and unit as shown. */
export function rowKey(r: Row): string {
  return `${String(r[assignmentHeader("taskId")])}|${String(r[assignmentHeader("unit")])}`;
}

/**
 * The user's hand: fills the user columns of every `every`-th PhanCong row with distinct values
 * (a status, a completion date, evidence, a note) and returns them by row key.
 */
export function fillUserColumns(d: WorkbookDouble, every = 1): Map<string, CellValue[]> {
  const t = d.workbook.table(TABLES.assignments);
  const cols = USER_COLUMNS.map((k) => t.headers.indexOf(assignmentHeader(k)));
  const sheet = d.workbook.table(TABLES.assignments).sheet;
  const [r0] = /\d+/.exec(t.address) as RegExpExecArray;
  const first = Number(r0) + 1; // first data row, 1-based
  const out = new Map<string, CellValue[]>();
  const statuses = ["Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện", "xong rồi"];
  t.rows.forEach((row, i) => {
    if (i % every !== 0) return;
    const values: CellValue[] = [
      statuses[i % statuses.length],
      45_500 + (i % 200),
      i % 3 === 0 ? `https://ex.vn/mc/${i}` : `CV số ${i}/UBND`,
      `=ghi chú ${i}`,
    ];
    cols.forEach((c, j) => {
      const address = `${colName(c)}${first + i}`;
      d.workbook.setRaw(sheet, address, [[values[j]]]);
    });
    const rec = Object.fromEntries(t.headers.map((h, k) => [h, row[k]]));
    out.set(rowKey(rec), values);
  });
  return out;
}

export function colName(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** User-column values of every PhanCong row, by row key (the first row of a key wins). */
export function userValues(d: WorkbookDouble): Map<string, CellValue[]> {
  const out = new Map<string, CellValue[]>();
  for (const r of tableRecords(d, TABLES.assignments)) {
    const k = rowKey(r);
    if (!out.has(k))
      out.set(
        k,
        USER_COLUMNS.map((c) => r[assignmentHeader(c)]),
      );
  }
  return out;
}

/** A seeded permutation of 0..n-1 (the user's sort). */
export function shuffled(n: number, seed = 1): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** Office.js round-trip budget of the brief: 3 + one per started 4 MB of request+response. */
export function syncBudget(totalBytes: number): number {
  return 3 + Math.ceil(totalBytes / 4_000_000);
}

const LONG_TAIL =
  " — triển khai thực hiện đồng bộ các giải pháp cải cách hành chính, nâng cao chỉ số hài lòng của người dân, doanh nghiệp";

/**
 * A heavy but realistic tracker: every title as long as the longest one in Công văn 5893 (488
 * characters), and every row's evidence (a link) and note (a sentence) filled in by the unit.
 */
export async function heavyTracker(rows: number): Promise<{ d: WorkbookDouble; catalogue: Catalogue }> {
  const c = clone(catalogueWithRows(rows));
  for (const t of c.tasks) t.title = (t.title + LONG_TAIL.repeat(6)).slice(0, 488);
  const catalogue = parseCatalogue(JSON.stringify(c));
  const d = installDouble();
  await pull(d, catalogue, { reportDate: REPORT_DATE });
  const t = d.workbook.table(TABLES.assignments);
  const ev = colName(t.headers.indexOf(assignmentHeader("evidence")));
  const note = colName(t.headers.indexOf(assignmentHeader("note")));
  d.workbook.setRaw(
    t.sheet,
    `${ev}2:${note}${t.rows.length + 1}`,
    t.rows.map((_, i) => [
      `https://tailieu.quangngai.gov.vn/cchc/2024/minh-chung/${i}.pdf`,
      "Đã báo cáo kết quả thực hiện về Sở Nội vụ theo Công văn số 123/UBND ngày 15/11/2024; đang hoàn thiện hồ sơ minh chứng để gửi kèm báo cáo năm.",
    ]),
  );
  d.stats.reset();
  return { d, catalogue };
}
