/**
 * Tổng hợp từ đơn vị: the files read (plain values, kept between preview and write), the
 * preview's report, and the reviewer's conflict choices (one for all, or per row).
 */
import type { ConflictChoices, ConflictPick } from "../../app/types";
import {
  conflictKey,
  type ConsolidationReport,
  type Conflict,
  type UnitFileInput,
} from "../../../core/consolidate/types";

/** At most this many conflicts are listed one by one (the choice for all covers the rest). */
export const MAX_CONFLICTS_SHOWN = 50;

export interface ConsolidateState {
  files: UnitFileInput[];
  /** null: no preview yet. */
  report: ConsolidationReport | null;
  choices: ConflictChoices;
}

export type ConsolidateAction =
  | { type: "read"; files: UnitFileInput[] }
  | { type: "previewed"; report: ConsolidationReport }
  | { type: "chooseAll"; pick: ConflictPick }
  | { type: "chooseRow"; key: string; pick: ConflictPick }
  | { type: "written" }
  | { type: "clear" };

export const initialConsolidateState: ConsolidateState = {
  files: [],
  report: null,
  choices: { all: "province", rows: {} },
};

export function consolidateReducer(state: ConsolidateState, action: ConsolidateAction): ConsolidateState {
  switch (action.type) {
    case "read":
      return { ...initialConsolidateState, files: action.files };
    case "previewed":
      return { ...state, report: action.report };
    case "chooseAll":
      // A choice for all replaces the per-row ones (what the reviewer sees is what is written).
      return { ...state, choices: { all: action.pick, rows: {} } };
    case "chooseRow": {
      const rows = { ...state.choices.rows };
      if (action.pick === state.choices.all) delete rows[action.key];
      else rows[action.key] = action.pick;
      return { ...state, choices: { ...state.choices, rows } };
    }
    case "written":
    case "clear":
      return initialConsolidateState;
  }
}

export function rowKey(c: Pick<Conflict, "file" | "taskId">): string {
  return conflictKey(c.file, c.taskId);
}

/** The pick shown for one conflict. */
export function pickOf(state: ConsolidateState, c: Pick<Conflict, "file" | "taskId">): ConflictPick {
  return state.choices.rows[rowKey(c)] ?? state.choices.all;
}

/** How many conflicts keep the provincial value / take the unit's, as chosen now. */
export function conflictTally(state: ConsolidateState): { keep: number; take: number } {
  const list = state.report?.conflicts ?? [];
  const take = list.filter((c) => pickOf(state, c) === "unit").length;
  return { keep: list.length - take, take };
}

/** Files that would be written (accepted now). */
export function acceptedCount(state: ConsolidateState): number {
  return state.report?.accepted.length ?? 0;
}
