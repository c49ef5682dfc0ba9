/**
 * The merge rules of a consolidation (tổng hợp từ đơn vị), pure:
 * - rows are matched by (task id, unit's canonical identity);
 * - a unit's file only updates that unit's own rows; other units' rows are counted, not written;
 * - a value the reviewer typed (a non-empty cell that did not come from a unit's file) is never
 *   replaced silently: a different value from the file is a conflict, kept unless preferUnit;
 * - an empty cell in the file never erases a value;
 * - two files of one unit: the later saved wins, the other is superseded; a file older than what
 *   an earlier run merged for that unit is superseded too;
 * - each file is merged whole or refused whole.
 * Same files in any order → same result; running again with the same files changes nothing.
 */
import { ROLE } from "../workbook/layout";
import { emptyValues, readUnitFile, rowKey, type ProvinceRow, type UnitSubmission } from "./read";
import {
  SUBMISSION_STATUS,
  USER_FIELDS,
  type AcceptedFile,
  type Conflict,
  type ConsolidationReport,
  type ExtraTask,
  type RejectedFile,
  type SubmissionRow,
  type SupersededFile,
  type UnitFileInput,
  type UserField,
} from "./types";
import { displayName } from "../units/units";

export const FIELD_HEADERS: Record<UserField, string> = {
  status: "Trạng thái",
  completedOn: "Ngày hoàn thành",
  evidence: "Minh chứng",
  note: "Ghi chú",
};

export interface ConsolidateOptions {
  /** Headless `--prefer unit`: a conflict takes the unit's value (still listed). */
  preferUnit?: boolean;
  /**
   * The pane's per-row choice: true when this conflict takes the unit's value (overrides
   * preferUnit for that row). Called once per conflicting row.
   */
  unitWins?: (conflict: { file: string; unitId: string; unit: string; taskId: string }) => boolean;
}

/** A row of the result: the provincial row with its (possibly new) values and provenance. */
export type MergedRow = ProvinceRow;

export interface ConsolidationResult {
  rows: MergedRow[];
  /** Indexes (into rows) of the rows this run changed. */
  changed: number[];
  submissions: SubmissionRow[];
  report: ConsolidationReport;
}

/** Later first; ties broken by name, then content, so that input order never matters. */
function compareSubmissions(a: UnitSubmission, b: UnitSubmission): number {
  const ta = a.savedAt ?? "";
  const tb = b.savedAt ?? "";
  if (ta !== tb) return ta > tb ? -1 : 1;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const ca = JSON.stringify([...a.rows.entries()].sort());
  const cb = JSON.stringify([...b.rows.entries()].sort());
  return ca < cb ? -1 : ca > cb ? 1 : 0;
}

/** By file name, then by the whole entry: a total order, so that input order never shows. */
function byName<T extends { file: string }>(a: T, b: T): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const ja = JSON.stringify(a);
  const jb = JSON.stringify(b);
  return ja < jb ? -1 : ja > jb ? 1 : 0;
}

/**
 * Merges unit files into the provincial rows. `rows` are the provincial PhanCong rows (values
 * normalised); `catalogueId` the provincial catalogue's id.
 */
export function consolidate(
  rows: readonly ProvinceRow[],
  catalogueId: string,
  files: readonly UnitFileInput[],
  previousSubmissions: readonly SubmissionRow[] = [],
  options: ConsolidateOptions = {},
): ConsolidationResult {
  const out: MergedRow[] = rows.map((r) => ({ ...r, values: { ...r.values } }));
  const index = new Map<string, number>();
  out.forEach((r, i) => index.set(rowKey(r.taskId, r.unitId, r.unit), i));
  const taskIds = new Set(out.map((r) => r.taskId));

  const rejected: RejectedFile[] = [];
  const valid: UnitSubmission[] = [];
  for (const f of files) {
    const read = readUnitFile(f, catalogueId);
    if (read.ok) valid.push(read.submission);
    else
      rejected.push({
        file: f.name,
        reason: read.reason,
        ...(read.unit ? { unitId: read.unit.id, unit: displayName(read.unit) } : {}),
      });
  }

  // One file per unit: the latest; the others are superseded.
  const byUnit = new Map<string, UnitSubmission[]>();
  for (const s of valid) byUnit.set(s.unit.id, [...(byUnit.get(s.unit.id) ?? []), s]);
  const superseded: SupersededFile[] = [];
  const winners: UnitSubmission[] = [];
  for (const list of byUnit.values()) {
    list.sort(compareSubmissions);
    const [win, ...rest] = list;
    for (const s of rest) superseded.push({ file: s.file, unit: displayName(s.unit), by: win.file });
    // A file older than what an earlier run merged for this unit changes nothing.
    const merged = out
      .filter((r) => r.unitId === win.unit.id && r.source !== null && r.sourceAt !== null)
      .map((r) => r.sourceAt as string)
      .sort();
    const newest = merged[merged.length - 1];
    if (newest && win.savedAt && win.savedAt < newest) {
      const from = out.find((r) => r.unitId === win.unit.id && r.sourceAt === newest);
      superseded.push({ file: win.file, unit: displayName(win.unit), by: from?.source ?? "sổ tỉnh" });
      continue;
    }
    winners.push(win);
  }
  winners.sort((a, b) => (a.unit.id < b.unit.id ? -1 : a.unit.id > b.unit.id ? 1 : 0));

  const accepted: AcceptedFile[] = [];
  const conflicts: Conflict[] = [];
  const extraTasks: ExtraTask[] = [];
  const changed: number[] = [];
  const rowsFromFile = new Map<string, number>();
  for (const s of winners) {
    let updated = 0;
    const unit = displayName(s.unit);
    for (const [taskId, u] of [...s.rows.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const i = index.get(rowKey(taskId, s.unit.id, unit));
      if (i === undefined) {
        if (!taskIds.has(taskId)) extraTasks.push({ file: s.file, taskId });
        continue;
      }
      const row = out[i];
      const fromUnitFile = row.source !== null;
      const next = { ...row.values };
      const disagree: Conflict["fields"] = [];
      for (const f of USER_FIELDS) {
        const p = row.values[f];
        const v = u[f];
        if (v === null || v === p) continue; // an empty cell never erases a value
        if (p === null || fromUnitFile) next[f] = v;
        else disagree.push({ column: FIELD_HEADERS[f], province: p, unit: v });
      }
      if (disagree.length > 0) {
        const takeUnit =
          options.unitWins?.({ file: s.file, unitId: s.unit.id, unit, taskId }) ??
          options.preferUnit === true;
        conflicts.push({
          file: s.file,
          unit,
          taskId,
          fields: disagree,
          kept: takeUnit ? "unit" : "province",
        });
        if (takeUnit) for (const d of disagree) next[fieldOf(d.column)] = u[fieldOf(d.column)];
      }
      if (USER_FIELDS.some((f) => next[f] !== row.values[f])) {
        // Provenance only when every value of the row now comes from a unit's file: a row that
        // still holds a reviewer's value stays the reviewer's (a later file cannot overwrite it).
        const fromFile = fromUnitFile || USER_FIELDS.every((f) => next[f] === null || next[f] === u[f]);
        out[i] = fromFile
          ? { ...row, values: next, source: s.file, sourceAt: s.savedAt }
          : { ...row, values: next };
        changed.push(i);
        updated += 1;
      }
    }
    accepted.push({
      file: s.file,
      unitId: s.unit.id,
      unit,
      catalogueVersion: s.catalogueVersion,
      savedAt: s.savedAt,
      rows: s.rows.size,
      rowsUpdated: updated,
      notes: s.notes,
    });
  }
  for (const r of out) if (r.source) rowsFromFile.set(r.source, (rowsFromFile.get(r.source) ?? 0) + 1);

  const submissions = submissionRows(out, accepted, rejected, previousSubmissions, rowsFromFile);
  const reported = submissions.filter((s) => s.status === SUBMISSION_STATUS.submitted).length;
  const otherUnitRows = valid
    .filter((s) => s.otherUnitRows > 0)
    .map((s) => ({ file: s.file, count: s.otherUnitRows }))
    .sort(byName);
  return {
    rows: out,
    changed: changed.sort((a, b) => a - b),
    submissions,
    report: {
      filesRead: files.length,
      accepted: accepted.sort(byName),
      rejected: rejected.sort(byName),
      superseded: superseded.sort(byName),
      rowsUpdated: changed.length,
      conflicts: conflicts.sort((a, b) =>
        a.unit + a.taskId < b.unit + b.taskId ? -1 : a.unit + a.taskId > b.unit + b.taskId ? 1 : 0,
      ),
      unitsMissing: submissions.filter((s) => s.status !== SUBMISSION_STATUS.submitted).map((s) => s.unit),
      extraTasks: extraTasks.sort((a, b) => byName(a, b) || (a.taskId < b.taskId ? -1 : 1)),
      otherUnitRows,
      unitsReported: reported,
      unitsExpected: submissions.length,
    },
  };
}

function fieldOf(header: string): UserField {
  return (Object.keys(FIELD_HEADERS) as UserField[]).find((f) => FIELD_HEADERS[f] === header) as UserField;
}

/** Units expected to report: every unit leading at least one task, in first-seen order. */
export function expectedUnits(rows: readonly ProvinceRow[]): Array<{ unit: string; unitId: string | null }> {
  const seen = new Set<string>();
  const out: Array<{ unit: string; unitId: string | null }> = [];
  for (const r of rows) {
    if (r.role !== ROLE.lead) continue;
    const k = r.unitId ? "id:" + r.unitId : "text:" + r.unit;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ unit: r.unit, unitId: r.unitId });
  }
  return out;
}

function submissionRows(
  rows: readonly ProvinceRow[],
  accepted: readonly AcceptedFile[],
  rejected: readonly RejectedFile[],
  previous: readonly SubmissionRow[],
  rowsFromFile: Map<string, number>,
): SubmissionRow[] {
  const prev = new Map(previous.map((p) => [p.unit, p]));
  return expectedUnits(rows).map(({ unit, unitId }) => {
    const acc = unitId ? accepted.find((a) => a.unitId === unitId) : undefined;
    const rej = unitId ? rejected.filter((r) => r.unitId === unitId).sort(byName) : [];
    const before = prev.get(unit);
    if (acc) {
      return {
        unit,
        status: SUBMISSION_STATUS.submitted,
        file: acc.file,
        updatedAt: acc.savedAt,
        rowsUpdated: rowsFromFile.get(acc.file) ?? 0,
        note:
          rej.length > 0
            ? `Tệp khác bị từ chối: ${rej.map((r) => `${r.file} — ${r.reason}`).join(" | ")}`
            : null,
      };
    }
    if (before && before.status === SUBMISSION_STATUS.submitted) {
      return rej.length > 0
        ? {
            ...before,
            note: `Tệp mới gửi bị từ chối: ${rej.map((r) => `${r.file} — ${r.reason}`).join(" | ")}`,
          }
        : { ...before };
    }
    if (rej.length > 0) {
      return {
        unit,
        status: SUBMISSION_STATUS.rejected,
        file: rej.map((r) => r.file).join("; "),
        updatedAt: null,
        rowsUpdated: 0,
        note: rej.map((r) => r.reason).join(" | "),
      };
    }
    if (before && before.status === SUBMISSION_STATUS.rejected) return { ...before };
    return {
      unit,
      status: SUBMISSION_STATUS.missing,
      file: null,
      updatedAt: null,
      rowsUpdated: null,
      note: null,
    };
  });
}

export { emptyValues };
