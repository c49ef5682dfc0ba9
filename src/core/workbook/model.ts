/**
 * The tracking model (mô hình sổ theo dõi): a catalogue turned into task rows and assignment
 * rows (one per task × unit), with the progress a unit already recorded carried into the user
 * columns. Pure data; plans are built from it.
 */
import { parseDeadline, type DeadlineKind } from "../dates/deadline";
import { isIsoDate, isValidYmd, formatIsoDate } from "../dates/isoDate";
import { readDateCell } from "./cellValues";
import { parseStatus, STATUS_CHOICES } from "../status/status";
import { foldVietnamese } from "../text/fold";
import { displayName, findUnit, unitKey, type Unit } from "../units/units";
import { resolveAssignees, type ResolvedAssignees } from "../units/assignees";
import type { LineageAnswer } from "../units/lineage";
import { unitsAsOfOf } from "../catalogue/planYear";
import type { AreaCode, Catalogue, CatalogueTask } from "../catalogue/types";
import { DEADLINE_KIND_LABELS, LEVEL_LABELS, ROLE } from "./layout";
import { isSafeLink } from "./plan";
import { parseVerdict, REVIEW_VERDICTS } from "./review";

export interface TaskRecord {
  id: string;
  area: AreaCode | "";
  title: string;
  lead: string;
  coordinating: string;
  output: string;
  /** Thời hạn as written (text). */
  deadline: string;
  due: string | null;
  kind: DeadlineKind;
  inCatalogue: boolean;
}

export type Role = (typeof ROLE)[keyof typeof ROLE];

export interface AssignmentRecord {
  taskId: string;
  title: string;
  area: AreaCode | "";
  /** Canonical unit name, or the name as written when the unit is not recognised. */
  unit: string;
  unitId: string | null;
  level: string;
  role: Role;
  due: string | null;
  kind: DeadlineKind;
  inCatalogue: boolean;
  /** User columns. */
  status: string | null;
  completedOn: string | null;
  evidence: string | null;
  note: string | null;
  /** Thẩm định columns (user columns; absent = empty). */
  explanation?: string | null;
  /** "Kết quả thẩm định" as written: Đạt, Không đạt, Cần bổ sung, or empty (not reviewed). */
  review?: string | null;
  reviewNote?: string | null;
}

/** What a unit reported for one task (CSV `--progress`, or the columns of an imported table). */
export interface ProgressEntry {
  taskId: string;
  /** Omitted: the task's only lead unit (or the workbook's unit). */
  unit?: string;
  status?: unknown;
  completedOn?: unknown;
  evidence?: unknown;
  note?: unknown;
  /** Reviewer's verdict (Đạt / Không đạt / Cần bổ sung), note, and the unit's explanation. */
  review?: unknown;
  reviewNote?: unknown;
  explanation?: unknown;
}

export interface ModelOptions {
  /** Keep only this unit's assignments (a one-unit workbook). */
  unit?: Unit | null;
  progress?: ProgressEntry[];
}

export interface TrackerModel {
  tasks: TaskRecord[];
  assignments: AssignmentRecord[];
  /** Vietnamese remarks: unrecognised units, progress applied to several units. */
  warnings: string[];
  /** Progress entries that match no assignment (callers decide whether that is an error). */
  unmatchedProgress: ProgressEntry[];
  /**
   * Progress entries (`options.progress`) that cannot be applied without guessing (Vietnamese, by
   * line): an empty unit on a task with several lead units, two entries landing on one
   * assignment. Callers refuse them; the entries concerned are not applied.
   */
  progressProblems: string[];
  /**
   * A plan of the map from 01/07/2025 naming units of the old map (or the district group): what
   * became of each (its successors). The exporter refuses such a plan; the pane shows them.
   */
  lineage?: LineageIssue[];
}

export interface LineageIssue {
  taskId: string;
  role: Role;
  /** The name as written. */
  name: string;
  answer: LineageAnswer;
}

export function kindLabel(kind: DeadlineKind): string {
  return DEADLINE_KIND_LABELS[kind].vi;
}

export function assignmentKey(taskId: string, unitName: string, asOf?: string | null): string {
  const unit = asOf === undefined ? findUnit(unitName) : findUnit(unitName, undefined, asOf);
  return `${taskId.trim()}\u0001${unit ? "id:" + unit.id : "text:" + unitKey(unitName)}`;
}

function deadlineText(v: string | number): string {
  const iso = typeof v === "number" ? readDateCell(v).iso : null;
  if (iso) return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  return String(v ?? "").trim();
}

export function taskRecord(t: CatalogueTask, planYear: number): TaskRecord {
  const parsed = parseDeadline(t.deadline, planYear);
  return {
    id: t.id,
    area: t.area,
    title: t.title,
    lead: t.lead,
    coordinating: t.coordinating ?? "",
    output: t.output ?? "",
    deadline: deadlineText(t.deadline),
    due: parsed.due,
    kind: parsed.kind,
    inCatalogue: true,
  };
}

/** A completion date as people write it: ISO, dd/mm/yyyy (/ - .), or an Excel serial. */
export function parseCompletionDate(v: unknown): string | null {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number") return readDateCell(v).iso;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v !== "string") return null;
  const s = v.trim();
  if (isIsoDate(s)) return s;
  const m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  if (m && isValidYmd(Number(m[3]), Number(m[2]), Number(m[1])))
    return formatIsoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

function text(v: unknown): string {
  if (v === null || v === undefined) return "";
  return String(v).normalize("NFC").trim();
}

/** User-column values from what a unit reported; nothing typed is dropped (odd values go to Ghi chú). */
export function userCellsFromProgress(
  p: Omit<ProgressEntry, "taskId" | "unit">,
): Pick<
  AssignmentRecord,
  "status" | "completedOn" | "evidence" | "note" | "explanation" | "review" | "reviewNote"
> {
  const notes: string[] = [];
  let status: string | null = null;
  const rawStatus = p.status;
  if (rawStatus !== undefined && rawStatus !== null && text(rawStatus) !== "") {
    const parsed = parseStatus(rawStatus);
    if (parsed) {
      status = STATUS_CHOICES[parsed].vi;
      if (foldVietnamese(text(rawStatus)) !== foldVietnamese(status))
        notes.push(`Trạng thái gốc: ${text(rawStatus)}`);
    } else {
      status = text(rawStatus); // kept as typed; the Kiểm tra column flags it
    }
  }
  let completedOn: string | null = null;
  if (p.completedOn !== undefined && p.completedOn !== null && text(p.completedOn) !== "") {
    completedOn = parseCompletionDate(p.completedOn);
    if (!completedOn) notes.push(`Ngày hoàn thành gốc: ${text(p.completedOn)}`);
  }
  const evidence = text(p.evidence) || null;
  const note = [text(p.note), ...notes].filter(Boolean).join("; ") || null;
  const review = text(p.review);
  const verdict = parseVerdict(review);
  return {
    status,
    completedOn,
    evidence,
    note,
    explanation: text(p.explanation) || null,
    // A verdict is written as the drop-down spells it; callers reject other text before this.
    review: verdict ? REVIEW_VERDICTS[verdict] : review || null,
    reviewNote: text(p.reviewNote) || null,
  };
}

/**
 * Most assignment rows (task × unit) a tracking workbook may hold. Excel's sheet holds 1,048,576
 * rows, but the Office.js writes, the summary formulas and the exporter are sized for this: a
 * catalogue that expands beyond it is refused before any row is built.
 */
export const MAX_ASSIGNMENTS = 200_000;

export class TooManyAssignmentsError extends Error {
  readonly problems: string[];
  constructor(readonly count: number) {
    const problems = [
      `Danh mục tạo ra khoảng ${count.toLocaleString("vi-VN")} phân công (nhiệm vụ × đơn vị), vượt giới hạn ` +
        `${MAX_ASSIGNMENTS.toLocaleString("vi-VN")} dòng của sổ theo dõi.`,
      "Hãy tách danh mục thành nhiều phần, làm sổ riêng cho từng đơn vị (--unit, hoặc chọn đơn vị khi nạp), " +
        "hoặc ghi đơn vị chủ trì cụ thể thay cho cả nhóm (ví dụ thay “UBND các xã, phường, thị trấn”).",
    ];
    super(problems.join(" "));
    this.name = "TooManyAssignmentsError";
    this.problems = problems;
  }
}

/**
 * Assignment rows a catalogue expands to (lead and coordinating units of every task, a unit
 * counted once per task), without building them: group phrases are resolved once per distinct text.
 */
export function countAssignments(catalogue: Catalogue): number {
  const sizes = new Map<string, number>();
  const size = (text: string) => {
    let n = sizes.get(text);
    if (n === undefined) {
      const r = resolveAssignees(text);
      n =
        r.units.length +
        r.unknown.length +
        (r.units.length === 0 && r.unknown.length === 0 && text.trim() ? 1 : 0);
      sizes.set(text, n);
    }
    return n;
  };
  let total = 0;
  for (const t of catalogue.tasks) total += size(t.lead ?? "") + size(t.coordinating ?? "");
  return total;
}

/** Longest unit name the summary formulas can use as a criterion (COUNTIFS: 255 characters). */
export const MAX_UNIT_NAME = 200;
function shorten(name: string): string {
  return name.length > MAX_UNIT_NAME ? name.slice(0, MAX_UNIT_NAME - 1) + "…" : name;
}

function unitDisplay(u: Unit): { unit: string; unitId: string; level: string } {
  return { unit: displayName(u), unitId: u.id, level: LEVEL_LABELS[u.level] };
}

/** Builds task and assignment rows from a catalogue (groups expanded, coordinating units listed). */
export function buildModel(catalogue: Catalogue, options: ModelOptions = {}): TrackerModel {
  // Bounded before any row is allocated (a one-unit workbook holds at most one row per task).
  if (!options.unit) {
    const count = countAssignments(catalogue);
    if (count > MAX_ASSIGNMENTS) throw new TooManyAssignmentsError(count);
  }
  const warnings: string[] = [];
  const tasks: TaskRecord[] = [];
  const assignments: AssignmentRecord[] = [];
  const unknownNames = new Map<string, string>(); // folded key → first spelling
  const onlyUnit = options.unit ?? null;
  // The map of units the plan names: decided in one place (unitsAsOfOf).
  const asOf = unitsAsOfOf(catalogue);
  const lineage: LineageIssue[] = [];
  const lineageOf = (r: ResolvedAssignees, taskId: string, role: Role) => {
    for (const answer of r.lineage ?? [])
      lineage.push({ taskId, role, name: answer.old.length === 1 ? answer.old[0] : answer.message, answer });
  };

  for (const t of catalogue.tasks) {
    const task = taskRecord(t, catalogue.planYear);
    const rows: AssignmentRecord[] = [];
    const seen = new Set<string>();
    const push = (who: { unit: string; unitId: string | null; level: string }, role: Role) => {
      const key = who.unitId ? "id:" + who.unitId : "text:" + unitKey(who.unit);
      if (seen.has(key)) return;
      seen.add(key);
      rows.push({
        taskId: task.id,
        title: task.title,
        area: task.area,
        ...who,
        role,
        due: task.due,
        kind: task.kind,
        inCatalogue: true,
        status: null,
        completedOn: null,
        evidence: null,
        note: null,
      });
    };
    const unknown = (name: string) => {
      const k = unitKey(name);
      // Excel's COUNTIFS refuses criteria over 255 characters: long names are shortened.
      if (!unknownNames.has(k))
        unknownNames.set(k, shorten(name.normalize("NFC").replace(/\s+/g, " ").trim()));
      return { unit: unknownNames.get(k) as string, unitId: null, level: LEVEL_LABELS.unknown };
    };
    const lead = resolveAssignees(task.lead, asOf);
    lineageOf(lead, task.id, ROLE.lead);
    lead.units.forEach((u) => push(unitDisplay(u), ROLE.lead));
    lead.unknown.forEach((n) => push(unknown(n), ROLE.lead));
    if (lead.units.length === 0 && lead.unknown.length === 0 && task.lead.trim() !== "")
      push(unknown(task.lead), ROLE.lead);
    for (const n of lead.unknown)
      warnings.push(`Nhiệm vụ ${task.id}: chưa nhận diện được đơn vị chủ trì “${n}” (giữ nguyên tên).`);
    const coord = resolveAssignees(task.coordinating, asOf);
    lineageOf(coord, task.id, ROLE.coordinating);
    coord.units.forEach((u) => push(unitDisplay(u), ROLE.coordinating));
    coord.unknown.forEach((n) => push(unknown(n), ROLE.coordinating));

    const kept = onlyUnit ? rows.filter((r) => r.unitId === onlyUnit.id) : rows;
    if (onlyUnit && kept.length === 0) continue;
    tasks.push(task);
    assignments.push(...kept);
  }

  const progressProblems: string[] = [];
  const unmatchedProgress = applyProgress(assignments, catalogue, options, warnings, progressProblems);
  for (const l of lineage)
    warnings.push(`Nhiệm vụ ${l.taskId} (${l.role.toLowerCase()}): ${l.answer.message}`);
  return lineage.length > 0
    ? { tasks, assignments, warnings, unmatchedProgress, progressProblems, lineage }
    : { tasks, assignments, warnings, unmatchedProgress, progressProblems };
}

function applyProgress(
  assignments: AssignmentRecord[],
  catalogue: Catalogue,
  options: ModelOptions,
  warnings: string[],
  problems: string[],
): ProgressEntry[] {
  const unmatched: ProgressEntry[] = [];
  // Progress carried by the catalogue itself (an imported table with one progress per task) is
  // the task's progress: it applies to every lead unit, with a warning. Entries given per unit
  // (`options.progress`, the CLI's --progress) never guess: see `problems`.
  const fromCatalogue = catalogue.tasks
    .filter((t) => t.progress)
    .map((t) => ({ taskId: t.id, ...t.progress }));
  const explicit = new Set<ProgressEntry>(options.progress ?? []);
  const entries: ProgressEntry[] = [...fromCatalogue, ...(options.progress ?? [])];
  if (entries.length === 0) return unmatched;
  const asOf = unitsAsOfOf(catalogue);
  const byKey = new Map<string, AssignmentRecord>();
  const byTask = new Map<string, AssignmentRecord[]>();
  for (const a of assignments) {
    byKey.set(a.unitId ? `${a.taskId.trim()}\u0001id:${a.unitId}` : assignmentKey(a.taskId, a.unit, asOf), a);
    const list = byTask.get(a.taskId) ?? [];
    list.push(a);
    byTask.set(a.taskId, list);
  }
  const lineOf = (e: ProgressEntry) => {
    const line = (e as { line?: unknown }).line;
    return typeof line === "number" ? `Dòng ${line}` : "Một dòng tiến độ";
  };
  const claimed = new Map<AssignmentRecord, ProgressEntry>();
  for (const e of entries) {
    let targets: AssignmentRecord[] = [];
    if (e.unit !== undefined && text(e.unit) !== "") {
      const hit = byKey.get(assignmentKey(e.taskId, text(e.unit), asOf));
      if (hit) targets = [hit];
    } else {
      const leads = (byTask.get(e.taskId) ?? []).filter((a) => a.role === ROLE.lead);
      targets = options.unit ? (byTask.get(e.taskId) ?? []) : leads;
      if (explicit.has(e) && !options.unit && leads.length > 1) {
        const names = leads.map((a) => a.unit);
        problems.push(
          `${lineOf(e)}: nhiệm vụ “${e.taskId}” có ${leads.length} đơn vị chủ trì, nên cột unit không được để trống ` +
            `(${names.slice(0, 8).join("; ")}${names.length > 8 ? `; … và ${names.length - 8} đơn vị khác` : ""}). ` +
            "Hãy ghi tên đơn vị, mỗi đơn vị một dòng.",
        );
        continue;
      }
      if (!options.unit && leads.length > 1) {
        warnings.push(
          `Nhiệm vụ ${e.taskId}: tiến độ trong bảng gốc được ghi cho cả ${leads.length} đơn vị chủ trì.`,
        );
      }
    }
    if (targets.length === 0) {
      unmatched.push(e);
      continue;
    }
    if (explicit.has(e)) {
      const twice = targets.filter((a) => claimed.has(a));
      if (twice.length > 0) {
        const first = claimed.get(twice[0]) as ProgressEntry;
        problems.push(
          `${lineOf(e)}: trùng với ${lineOf(first).toLowerCase()} — cả hai ghi tiến độ cho nhiệm vụ “${e.taskId}” ` +
            `của đơn vị “${twice[0].unit}”${text(first.unit) === "" || text(e.unit) === "" ? " (ô unit để trống là đơn vị chủ trì duy nhất)" : ""}. ` +
            "Hãy giữ một dòng.",
        );
        continue;
      }
      for (const a of targets) claimed.set(a, e);
    }
    const cells = userCellsFromProgress(e);
    for (const a of targets) Object.assign(a, cells);
  }
  return unmatched;
}

export function isLink(evidence: string | null): boolean {
  return evidence !== null && isSafeLink(evidence);
}
