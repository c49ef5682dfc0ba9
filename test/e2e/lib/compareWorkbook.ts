/**
 * Expected sheet contents computed by the core twins (classifyTask via assignmentStateLabel,
 * assignmentCheck, periodLabel, taskCountsByTask/taskProgressText, summaryLines = summarizeByUnit +
 * planScore) — independently of the plan's cached values — compared cell by cell with what a
 * spreadsheet engine computed. Returns a list of differences (empty = identical).
 */
import { toExcelSerial } from "../../../src/core/dates/isoDate";
import {
  ASSIGNMENT_COLUMNS,
  ASSIGNMENT_TABLE_HEADER_ROW,
  SHEETS,
  SUMMARY_HEADERS,
  SUMMARY_REVIEW_HEADERS,
  SUMMARY_TOTAL_LABEL,
  TASK_COLUMNS,
  TASK_TABLE_HEADER_ROW,
  type AssignmentColumnKey,
  type TaskColumnKey,
} from "../../../src/core/workbook/layout";
import {
  assignmentCheck,
  assignmentStateLabel,
  assignmentStatus,
  isCounted,
  isDoneCell,
  periodLabel,
  summaryLines,
  taskCountsByTask,
  taskProgressText,
  type TrackerSettings,
} from "../../../src/core/workbook/evaluate";
import {
  MOTTO,
  REPORT_FIGURE_HEADERS,
  REPORT_TASK_HEADERS,
  REPORT_UNIT_HEADERS,
  reportTableHeaderRow,
} from "../../../src/core/workbook/reportDoc";
import { reviewedCounts } from "../../../src/core/workbook/review";
import { cellAddress } from "../../../src/core/workbook/plan";
import type { TrackerModel } from "../../../src/core/workbook/model";
import { cellText } from "../../../src/export/xlsxWriter";
import { planScore } from "../../../src/core/scoring/score";
import { createUnitResolver } from "../../../src/core/summary/summarize";

const resolveUnit = createUnitResolver();
const createUnitKey = (name: string) => resolveUnit(name).key;

export type Sheets = Map<string, string[][]>;

/** Expected value of one cell: text, a whole number, a real number (compared to 1e-9), or empty. */
type Want = { text: string } | { int: number } | { real: number } | { empty: true };

export interface Difference {
  sheet: string;
  cell: string;
  what: string;
  expected: string;
  actual: string;
}

const text = (s: string | null | undefined): Want =>
  s === null || s === undefined || s === "" ? { empty: true } : { text: cellText(s) };
const TOLERANCE = 1e-9;

function show(w: Want): string {
  if ("text" in w) return JSON.stringify(w.text);
  if ("int" in w) return String(w.int);
  if ("real" in w) return String(w.real);
  return "(trống)";
}

function matches(w: Want, actual: string | undefined): boolean {
  const a = actual ?? "";
  if ("empty" in w) return a === "";
  if ("text" in w) return a === w.text;
  if (a.trim() === "" || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(a.trim())) return false;
  const n = Number(a);
  if ("int" in w) return n === w.int;
  return Math.abs(n - w.real) <= TOLERANCE * Math.max(1, Math.abs(w.real));
}

class Checker {
  readonly diffs: Difference[] = [];
  checked = 0;
  constructor(private readonly sheets: Sheets) {}

  rows(sheet: string): string[][] {
    const rows = this.sheets.get(sheet);
    if (!rows) throw new Error(`Sheet ${sheet} missing from the engine's output`);
    return rows;
  }

  cell(sheet: string, row: number, column: number, want: Want, what: string): void {
    this.checked += 1;
    const actual = this.rows(sheet)[row]?.[column];
    if (!matches(want, actual)) {
      this.diffs.push({
        sheet,
        cell: cellAddress(row, column),
        what,
        expected: show(want),
        actual: actual === undefined ? "(không có ô)" : JSON.stringify(actual),
      });
    }
  }
}

const col = <K extends string>(columns: readonly { key: K }[], key: K) =>
  columns.findIndex((c) => c.key === key);

export interface CompareInput {
  model: TrackerModel;
  settings: TrackerSettings;
  /** A one-unit workbook (its Tiến độ column shows that unit's Tình trạng). */
  singleUnit: boolean;
  /** The tasks sheet when the plan year is not 2024 ("Nhiệm vụ 2026"). */
  tasksSheet?: string;
}

/** Compares every formula cell (and the literal cells they depend on) with the core. */
export function compareWorkbook(
  sheets: Sheets,
  input: CompareInput,
): { diffs: Difference[]; checked: number; knownIssues: string[] } {
  const { model, settings: s } = input;
  const c = new Checker(sheets);

  // ── Phân công: one row per assignment, in model order ──
  const A = SHEETS.assignments;
  const a0 = ASSIGNMENT_TABLE_HEADER_ROW; // first data row (0-based) = header row (1-based)
  ASSIGNMENT_COLUMNS.forEach((h, j) => c.cell(A, a0 - 1, j, { text: h.header }, "tiêu đề"));
  const ac = (k: AssignmentColumnKey) => col(ASSIGNMENT_COLUMNS, k);
  model.assignments.forEach((a, i) => {
    const r = a0 + i;
    c.cell(A, r, ac("taskId"), text(a.taskId), "Mã NV");
    c.cell(A, r, ac("unit"), text(a.unit), "Đơn vị");
    c.cell(A, r, ac("role"), text(a.role), "Vai trò");
    c.cell(A, r, ac("due"), a.due ? { int: toExcelSerial(a.due) } : { empty: true }, "Hạn hoàn thành");
    c.cell(A, r, ac("status"), text(a.status), "Trạng thái");
    c.cell(
      A,
      r,
      ac("completedOn"),
      a.completedOn ? { int: toExcelSerial(a.completedOn) } : { empty: true },
      "Ngày hoàn thành",
    );
    c.cell(A, r, ac("evidence"), text(a.evidence), "Minh chứng");
    c.cell(A, r, ac("period"), text(periodLabel(a.kind, a.due)), "Kỳ hạn = periodLabel");
    c.cell(A, r, ac("state"), text(assignmentStateLabel(a, s)), "Tình trạng = classifyTask");
    c.cell(A, r, ac("check"), text(assignmentCheck(a, s)), "Kiểm tra = assignmentCheck");
    c.cell(A, r, ac("explanation"), text(a.explanation), "Giải trình");
    c.cell(A, r, ac("review"), text(a.review), "Kết quả thẩm định");
    c.cell(A, r, ac("reviewNote"), text(a.reviewNote), "Ý kiến thẩm định");
  });
  if (c.rows(A).length !== a0 + model.assignments.length) {
    c.diffs.push({
      sheet: A,
      cell: "-",
      what: "số dòng",
      expected: String(a0 + model.assignments.length),
      actual: String(c.rows(A).length),
    });
  }

  // ── Nhiệm vụ 2024: counts and progress text per task ──
  const T = input.tasksSheet ?? SHEETS.tasks;
  const t0 = TASK_TABLE_HEADER_ROW; // first data row (0-based)
  const tc = (k: TaskColumnKey) => col(TASK_COLUMNS, k);
  TASK_COLUMNS.forEach((h, j) => c.cell(T, t0 - 1, j, { text: h.header }, "tiêu đề"));
  const countsOf = taskCountsByTask(model.assignments, s);
  model.tasks.forEach((t, i) => {
    const r = t0 + i;
    const counts = countsOf.get(t.id.toLowerCase()) ?? { lead: 0, done: 0, overdue: 0 };
    c.cell(T, r, tc("id"), text(t.id), "Mã NV");
    c.cell(T, r, tc("title"), text(t.title), "Nhiệm vụ (chữ, không phải công thức)");
    c.cell(T, r, tc("period"), text(periodLabel(t.kind, t.due)), "Kỳ hạn = periodLabel");
    c.cell(T, r, tc("leadCount"), { int: counts.lead }, "Số đơn vị chủ trì = taskCountsByTask.lead");
    c.cell(T, r, tc("doneCount"), { int: counts.done }, "Đã hoàn thành = taskCountsByTask.done");
    c.cell(T, r, tc("overdueCount"), { int: counts.overdue }, "Quá hạn = taskCountsByTask.overdue");
    const first = model.assignments.find((a) => a.taskId.toLowerCase() === t.id.toLowerCase());
    const progress = input.singleUnit
      ? first
        ? assignmentStateLabel(first, s)
        : ""
      : taskProgressText(counts);
    c.cell(T, r, tc("progress"), text(progress), "Tiến độ = taskProgressText");
  });

  // ── Tổng hợp: summaryLines (summarizeByUnit + planScore) ──
  const S = SHEETS.summary;
  const core = summaryLines(model.assignments, s);
  const { lines, total, knownIssues } = engineSummary(core, model, s);
  SUMMARY_HEADERS.forEach((h, j) => c.cell(S, 0, j, { text: h }, "tiêu đề"));
  const summaryRow = (
    sheet: string,
    r: number,
    first: number,
    l: {
      unit: string;
      assigned: number;
      done: number;
      doneOnTime: number;
      doneLate: number;
      overdue: number;
      completionRate: number;
    },
    points: number | null,
  ) => {
    c.cell(sheet, r, first, text(l.unit), "Đơn vị");
    c.cell(sheet, r, first + 1, { int: l.assigned }, "Được giao");
    c.cell(sheet, r, first + 2, { int: l.done }, "Hoàn thành");
    c.cell(sheet, r, first + 3, { int: l.doneOnTime }, "Đúng hạn");
    c.cell(sheet, r, first + 4, { int: l.doneLate }, "Trễ hạn");
    c.cell(sheet, r, first + 5, { int: l.overdue }, "Quá hạn");
    c.cell(sheet, r, first + 6, { real: l.completionRate }, "Tỷ lệ hoàn thành");
    c.cell(sheet, r, first + 7, points === null ? { empty: true } : { real: points }, "Điểm = planScore");
  };
  lines.forEach((l, i) => summaryRow(S, 1 + i, 0, l, l.points));
  summaryRow(S, 1 + lines.length, 0, { ...total, unit: SUMMARY_TOTAL_LABEL }, null);
  // The reviewed figures after the contract columns (review.ts twins, grouped by the unit's text).
  SUMMARY_REVIEW_HEADERS.forEach((h, j) => c.cell(S, 0, 8 + j, { text: h }, "tiêu đề"));
  lines.forEach((l, i) => {
    c.cell(S, 1 + i, 8, { int: l.doneReviewed }, "Hoàn thành (thẩm định)");
    c.cell(S, 1 + i, 9, { real: l.rateReviewed }, "Tỷ lệ (thẩm định)");
    c.cell(S, 1 + i, 10, { real: l.pointsReviewed }, "Điểm thẩm định = planScore");
    c.cell(S, 1 + i, 11, { int: l.unreviewed }, "Chưa thẩm định");
  });
  const tr = 1 + lines.length;
  c.cell(S, tr, 8, { int: total.doneReviewed }, "Hoàn thành (thẩm định), tổng");
  c.cell(S, tr, 9, { real: total.rateReviewed }, "Tỷ lệ (thẩm định), tổng");
  c.cell(S, tr, 11, { int: total.unreviewed }, "Chưa thẩm định, tổng");

  // ── Báo cáo: the document's date line, the figures row, and the Phụ lục ──
  const B = SHEETS.report;
  const d = s.reportDate;
  c.cell(
    B,
    2,
    3,
    {
      text: `Quảng Ngãi, ngày ${Number(d.slice(8, 10))} tháng ${Number(d.slice(5, 7))} năm ${d.slice(0, 4)}`,
    },
    "ngày tháng năm = NgayBaoCao",
  );
  MOTTO.forEach((m, i) => c.cell(B, i, 3, { text: m }, "quốc hiệu"));
  if (!input.singleUnit) {
    const n = lines.length;
    const mean = (k: "points" | "pointsReviewed") => (n === 0 ? 0 : lines.reduce((x, l) => x + l[k], 0) / n);
    const fig: Want[] = [
      { int: total.assigned },
      { int: total.done },
      { int: total.doneOnTime },
      { int: total.doneLate },
      { int: total.overdue },
      { real: total.completionRate },
      { real: mean("points") },
      { real: mean("pointsReviewed") },
      { int: total.unreviewed },
    ];
    fig.forEach((w, j) => c.cell(B, 10, j, w, `số liệu: ${REPORT_FIGURE_HEADERS[j]}`));
    const h = reportTableHeaderRow(false) - 1;
    REPORT_UNIT_HEADERS.forEach((x, j) => c.cell(B, h, j, { text: x }, "tiêu đề Phụ lục"));
    lines.forEach((l, i) => {
      const r = h + 1 + i;
      c.cell(B, r, 0, { int: i + 1 }, "STT");
      c.cell(B, r, 1, text(l.unit), "Đơn vị");
      c.cell(B, r, 2, { int: l.assigned }, "Được giao");
      c.cell(B, r, 3, { int: l.done }, "Hoàn thành");
      c.cell(B, r, 4, { int: l.overdue }, "Quá hạn");
      c.cell(B, r, 5, { real: l.completionRate }, "Tỷ lệ hoàn thành");
      c.cell(B, r, 6, { real: l.points }, "Điểm tự đánh giá");
      c.cell(B, r, 7, { real: l.pointsReviewed }, "Điểm thẩm định");
      c.cell(B, r, 8, { int: l.unreviewed }, "Chưa thẩm định");
    });
    c.cell(B, h + 1 + n, 1, { text: SUMMARY_TOTAL_LABEL }, "Tổng cộng");
    c.cell(B, h + 1 + n, 2, { int: total.assigned }, "Được giao, tổng");
  } else {
    const l = lines[0];
    const fig: Want[] = l
      ? [
          { int: l.assigned },
          { int: l.done },
          { int: l.doneOnTime },
          { int: l.doneLate },
          { int: l.overdue },
          { real: l.completionRate },
          { real: l.points },
          { real: l.pointsReviewed },
          { int: l.unreviewed },
        ]
      : [];
    fig.forEach((w, j) => c.cell(B, 10, j, w, `số liệu: ${REPORT_FIGURE_HEADERS[j]}`));
    const h = reportTableHeaderRow(true) - 1;
    REPORT_TASK_HEADERS.forEach((x, j) => c.cell(B, h, j, { text: x }, "tiêu đề Phụ lục"));
  }

  // ── Cấu hình: the computed counted role ──
  const C = SHEETS.config;
  c.cell(C, 2, 1, { int: toExcelSerial(s.reportDate) }, "Ngày báo cáo");
  c.cell(C, 5, 1, { text: s.includeCoordinating ? "<>" : "Chủ trì" }, "Vai trò được tính");
  return { diffs: c.diffs, checked: c.checked, knownIssues };
}

type Reviewed = { doneReviewed: number; rateReviewed: number; pointsReviewed: number; unreviewed: number };
type Line = {
  unit: string;
  assigned: number;
  done: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  completionRate: number;
};

/**
 * What the Tổng hợp formulas compute for the lines the core lays out: COUNTIFS matches the unit
 * cell by its text (case-insensitive, diacritics-sensitive), while summarizeByUnit groups by
 * findUnit(...) or the folded name. They differ when two units' names fold to one key ("Xã Bình
 * Thạnh" / "Xã Bình Thanh", both in Huyện Bình Sơn): the core then merges them into one line.
 * Such lines are reported as known core issues and the engine is checked against the text count.
 */
export function engineSummary(
  core: ReturnType<typeof summaryLines>,
  model: TrackerModel,
  s: TrackerSettings,
): {
  lines: Array<Line & Reviewed & { points: number }>;
  total: Line & Omit<Reviewed, "pointsReviewed">;
  knownIssues: string[];
} {
  const knownIssues: string[] = [];
  const counted = model.assignments.filter((a) => isCounted(a, s));
  const byName = new Map<string, Line>();
  for (const a of counted) {
    const k = a.unit.toLowerCase();
    const l = byName.get(k) ?? {
      unit: a.unit,
      assigned: 0,
      done: 0,
      doneOnTime: 0,
      doneLate: 0,
      overdue: 0,
      completionRate: 0,
    };
    l.assigned += 1;
    if (isDoneCell(a.status)) l.done += 1;
    const st = assignmentStatus(a, s);
    if (st === "done-on-time") l.doneOnTime += 1;
    if (st === "done-late") l.doneLate += 1;
    if (st === "overdue") l.overdue += 1;
    byName.set(k, l);
  }
  const lines = core.lines.map((l) => {
    const e = byName.get(l.unit.toLowerCase()) ?? {
      unit: l.unit,
      assigned: 0,
      done: 0,
      doneOnTime: 0,
      doneLate: 0,
      overdue: 0,
      completionRate: 0,
    };
    const rate = e.assigned === 0 ? 0 : e.done / e.assigned;
    const same =
      e.assigned === l.assigned &&
      e.done === l.done &&
      e.doneOnTime === l.doneOnTime &&
      e.doneLate === l.doneLate &&
      e.overdue === l.overdue;
    if (!same) {
      const merged = [
        ...new Set(counted.filter((a) => createUnitKey(a.unit) === createUnitKey(l.unit)).map((a) => a.unit)),
      ];
      knownIssues.push(
        `Tổng hợp “${l.unit}”: core ${l.assigned} giao/${l.done} xong/${l.overdue} quá hạn gộp ${merged.map((m) => `“${m}”`).join(" + ")}; ` +
          `COUNTIFS theo tên: ${e.assigned}/${e.done}/${e.overdue}`,
      );
    }
    const rc = reviewedCounts(
      counted.filter((a) => a.unit.toLowerCase() === l.unit.toLowerCase()),
      s.countUnreviewed ?? true,
    );
    const rateReviewed = e.assigned === 0 ? 0 : rc.doneReviewed / e.assigned;
    return {
      ...e,
      unit: l.unit,
      completionRate: rate,
      points: same ? l.points : planScore(rate, s.rule, e.doneLate),
      doneReviewed: rc.doneReviewed,
      rateReviewed,
      pointsReviewed: planScore(rateReviewed, s.rule, e.doneLate),
      unreviewed: rc.unreviewed,
    };
  });
  const sum = (
    k: "assigned" | "done" | "doneOnTime" | "doneLate" | "overdue" | "doneReviewed" | "unreviewed",
  ) => lines.reduce((n, l) => n + l[k], 0);
  const total: Line & Omit<Reviewed, "pointsReviewed"> = {
    unit: core.total.unit,
    assigned: sum("assigned"),
    done: sum("done"),
    doneOnTime: sum("doneOnTime"),
    doneLate: sum("doneLate"),
    overdue: sum("overdue"),
    completionRate: 0,
    doneReviewed: sum("doneReviewed"),
    rateReviewed: 0,
    unreviewed: sum("unreviewed"),
  };
  total.completionRate = total.assigned === 0 ? 0 : total.done / total.assigned;
  total.rateReviewed = total.assigned === 0 ? 0 : total.doneReviewed / total.assigned;
  if (total.assigned !== core.total.assigned) {
    knownIssues.push(
      `Tổng cộng: core ${core.total.assigned} phân công được tính, tổng các dòng trên trang ${total.assigned}`,
    );
  }
  return { lines, total, knownIssues };
}

/** A compact, readable diff: the first `limit` differences and a count per kind. */
export function formatDiffs(diffs: readonly Difference[], limit = 30): string {
  if (diffs.length === 0) return "no differences";
  const byKind = new Map<string, number>();
  for (const d of diffs)
    byKind.set(`${d.sheet} · ${d.what}`, (byKind.get(`${d.sheet} · ${d.what}`) ?? 0) + 1);
  const lines = diffs
    .slice(0, limit)
    .map((d) => `  ${d.sheet}!${d.cell} [${d.what}] core=${d.expected} engine=${d.actual}`);
  return (
    `${diffs.length} cell(s) differ between the core and the spreadsheet engine:\n${lines.join("\n")}` +
    (diffs.length > limit ? `\n  … ${diffs.length - limit} more` : "") +
    `\nBy kind:\n${[...byKind].map(([k, n]) => `  ${n} × ${k}`).join("\n")}`
  );
}
