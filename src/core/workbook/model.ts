/**
 * The tracking model (mô hình sổ theo dõi): a catalogue turned into task rows and assignment
 * rows (one per task × unit), with the progress a unit already recorded carried into the user
 * columns. Pure data; plans are built from it.
 */
import { parseDeadline, type DeadlineKind } from "../dates/deadline";
import { fromExcelSerial, isIsoDate, isValidYmd, formatIsoDate, MAX_EXCEL_SERIAL } from "../dates/isoDate";
import { parseStatus, STATUS_CHOICES } from "../status/status";
import { foldVietnamese } from "../text/fold";
import { displayName, findUnit, unitKey, type Unit } from "../units/units";
import { resolveAssignees } from "../units/assignees";
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
}

export function kindLabel(kind: DeadlineKind): string {
  return DEADLINE_KIND_LABELS[kind].vi;
}

export function assignmentKey(taskId: string, unitName: string): string {
  const unit = findUnit(unitName);
  return `${taskId.trim()}\u0001${unit ? "id:" + unit.id : "text:" + unitKey(unitName)}`;
}

function deadlineText(v: string | number): string {
  if (typeof v === "number" && Number.isFinite(v) && v >= 1 && v <= MAX_EXCEL_SERIAL) {
    const iso = fromExcelSerial(v);
    return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  }
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
  if (typeof v === "number")
    return Number.isFinite(v) && v >= 1 && v <= MAX_EXCEL_SERIAL ? fromExcelSerial(v) : null;
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
  const warnings: string[] = [];
  const tasks: TaskRecord[] = [];
  const assignments: AssignmentRecord[] = [];
  const unknownNames = new Map<string, string>(); // folded key → first spelling
  const onlyUnit = options.unit ?? null;

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
    const lead = resolveAssignees(task.lead);
    lead.units.forEach((u) => push(unitDisplay(u), ROLE.lead));
    lead.unknown.forEach((n) => push(unknown(n), ROLE.lead));
    if (lead.units.length === 0 && lead.unknown.length === 0 && task.lead.trim() !== "")
      push(unknown(task.lead), ROLE.lead);
    for (const n of lead.unknown)
      warnings.push(`Nhiệm vụ ${task.id}: chưa nhận diện được đơn vị chủ trì “${n}” (giữ nguyên tên).`);
    const coord = resolveAssignees(task.coordinating);
    coord.units.forEach((u) => push(unitDisplay(u), ROLE.coordinating));
    coord.unknown.forEach((n) => push(unknown(n), ROLE.coordinating));

    const kept = onlyUnit ? rows.filter((r) => r.unitId === onlyUnit.id) : rows;
    if (onlyUnit && kept.length === 0) continue;
    tasks.push(task);
    assignments.push(...kept);
  }

  const unmatchedProgress = applyProgress(assignments, catalogue, options, warnings);
  return { tasks, assignments, warnings, unmatchedProgress };
}

function applyProgress(
  assignments: AssignmentRecord[],
  catalogue: Catalogue,
  options: ModelOptions,
  warnings: string[],
): ProgressEntry[] {
  const unmatched: ProgressEntry[] = [];
  const entries: ProgressEntry[] = [
    ...catalogue.tasks.filter((t) => t.progress).map((t) => ({ taskId: t.id, ...t.progress })),
    ...(options.progress ?? []),
  ];
  if (entries.length === 0) return unmatched;
  const byKey = new Map<string, AssignmentRecord>();
  const byTask = new Map<string, AssignmentRecord[]>();
  for (const a of assignments) {
    byKey.set(a.unitId ? `${a.taskId.trim()}\u0001id:${a.unitId}` : assignmentKey(a.taskId, a.unit), a);
    const list = byTask.get(a.taskId) ?? [];
    list.push(a);
    byTask.set(a.taskId, list);
  }
  for (const e of entries) {
    let targets: AssignmentRecord[] = [];
    if (e.unit !== undefined && text(e.unit) !== "") {
      const hit = byKey.get(assignmentKey(e.taskId, text(e.unit)));
      if (hit) targets = [hit];
    } else {
      const leads = (byTask.get(e.taskId) ?? []).filter((a) => a.role === ROLE.lead);
      targets = options.unit ? (byTask.get(e.taskId) ?? []) : leads;
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
    const cells = userCellsFromProgress(e);
    for (const a of targets) Object.assign(a, cells);
  }
  return unmatched;
}

export function isLink(evidence: string | null): boolean {
  return evidence !== null && isSafeLink(evidence);
}
