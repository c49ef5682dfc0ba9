/**
 * The import's mapping step, for a plan of the map from 01/07/2025: every name of the old map in
 * the lead/coordinating cells, with its lineage message and the successors a person may choose
 * (never a silent guess), and the rewrite of the chosen names before the pull.
 */
import type { CatalogueTask } from "../catalogue/types";
import { unitMapAt } from "./units";
import { resolveAssignees } from "./assignees";
import type { LineageAnswer } from "./lineage";

/** The group that replaces the district group in a plan of the new map. */
export const COMMUNES_GROUP = "UBND các xã, phường, đặc khu";

export interface LineageFinding {
  /** The name as written in the table (what a choice rewrites). */
  written: string;
  kind: LineageAnswer["kind"];
  /** Vietnamese: what happened and what to write instead. */
  message: string;
  /** What a person may choose instead (names of the new map; a group for the district group). */
  successors: string[];
  /** A choice that names every successor ("A; B; C"): a split old unit or a district; else null. */
  all: string | null;
  split: boolean;
  /** Tasks (ids) whose lead or coordinating cell writes the name. */
  taskIds: string[];
}

/** Old-map names in the tasks' lead/coordinating cells, once each (first-seen order); [] on the 2024 map. */
export function lineageFindings(tasks: readonly CatalogueTask[], asOf: string): LineageFinding[] {
  if (unitMapAt(asOf) === "2024") return [];
  const found = new Map<string, LineageFinding>();
  for (const t of tasks) {
    for (const cell of [t.lead, t.coordinating]) {
      if (typeof cell !== "string" || cell.trim() === "") continue;
      const r = resolveAssignees(cell, asOf);
      (r.lineage ?? []).forEach((answer, i) => {
        const written = r.lineageWritten?.[i] ?? answer.old[0] ?? "";
        if (written === "") return;
        const seen = found.get(written);
        if (seen) {
          if (!seen.taskIds.includes(t.id)) seen.taskIds.push(t.id);
          return;
        }
        const successors =
          answer.successors.length > 0
            ? answer.successors.map((u) => u.name)
            : answer.kind === "district"
              ? [COMMUNES_GROUP]
              : [];
        found.set(written, {
          written,
          kind: answer.kind,
          message: answer.message,
          successors,
          // Every successor only where the old unit was split or is a district; a name that fits
          // several old units ("Phường Nguyễn Nghiêm" of two towns) is one of them: a person picks.
          all:
            successors.length > 1 && (answer.split || answer.kind === "district")
              ? successors.join("; ")
              : null,
          split: answer.split,
          taskIds: [t.id],
        });
      });
    }
  }
  return [...found.values()];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** One cell with each chosen name replaced where it stands as a whole name (not inside a longer one). */
export function rewriteNames(cell: string, choices: Readonly<Record<string, string>>): string {
  let out = cell.normalize("NFC");
  // Longer names first: "Phường Nghĩa Chánh Bắc" before "Phường Nghĩa Chánh".
  for (const written of Object.keys(choices).sort((a, b) => b.length - a.length)) {
    const to = choices[written];
    if (!to || written.trim() === "") continue;
    const re = new RegExp(
      `(?<![\\p{L}\\p{N}])${escapeRegExp(written.normalize("NFC"))}(?![\\p{L}\\p{N}])`,
      "gu",
    );
    out = out.replace(re, () => to);
  }
  return out;
}

/** The tasks with every chosen old name rewritten to the successor chosen for it; counts the cells changed. */
export function applySuccessorChoices(
  tasks: readonly CatalogueTask[],
  choices: Readonly<Record<string, string>>,
): { tasks: CatalogueTask[]; cellsChanged: number } {
  let cellsChanged = 0;
  const cell = (v: string | undefined): string | undefined => {
    if (typeof v !== "string") return v;
    const next = rewriteNames(v, choices);
    if (next !== v.normalize("NFC")) cellsChanged += 1;
    return next === v.normalize("NFC") ? v : next;
  };
  const out = tasks.map((t) => {
    const lead = cell(t.lead) as string;
    const coordinating = cell(t.coordinating);
    return lead === t.lead && coordinating === t.coordinating
      ? t
      : { ...t, lead, ...(coordinating !== undefined ? { coordinating } : {}) };
  });
  return { tasks: out, cellsChanged };
}
