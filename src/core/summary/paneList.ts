/**
 * What the task pane shows of Tổng hợp and of the overdue list at 320 px: a level of each unit
 * (sở/ngành, huyện, xã), a filter by name that ignores Vietnamese marks, a sort by completion
 * rate and a cap — the full table stays on the Tổng hợp sheet. Pure: no Office, no DOM.
 */
import { foldVietnamese } from "../text/fold";
import { DISTRICT_LEVEL_ENDED, findUnitAnyMap, unitById, type UnitLevel } from "../units/units";

/** The three levels a person filters by: departments (and central agencies), districts, communes. */
export type PaneLevel = "department" | "district" | "commune";
export const PANE_LEVELS: readonly PaneLevel[] = ["department", "district", "commune"];

/** How many units the pane lists before "… N more, full table on the Tổng hợp sheet". */
export const PANE_SUMMARY_CAP = 30;
/** How many units the overdue list shows as groups before "… N more units". */
export const PANE_OVERDUE_GROUPS = 20;

const BY_UNIT_LEVEL: Record<UnitLevel, PaneLevel> = {
  agency: "department",
  central: "department",
  district: "district",
  commune: "commune",
};

/** The level of a unit from its id (2024 map, then the map from 01/07/2025), else from its name; null when unknown. */
export function paneLevelOf(unitId: string | null | undefined, name: string): PaneLevel | null {
  const byId =
    typeof unitId === "string" && unitId !== ""
      ? (unitById(unitId) ?? unitById(unitId, DISTRICT_LEVEL_ENDED))
      : null;
  if (byId) return BY_UNIT_LEVEL[byId.level];
  if (typeof name !== "string" || name.trim() === "" || name.length > 200) return null;
  const found = findUnitAnyMap(name);
  return found ? BY_UNIT_LEVEL[found.unit.level] : null;
}

/** True when every word of `query` (marks, case and đ ignored) occurs in `text`; an empty query matches all. */
export function matchesFolded(query: string, ...texts: readonly string[]): boolean {
  const words = foldVietnamese(query).split(" ").filter(Boolean);
  if (words.length === 0) return true;
  const hay = texts.map((t) => foldVietnamese(t)).join(" ");
  return words.every((w) => hay.includes(w));
}

export interface PaneSummaryQuery {
  /** Words of the unit's name, marks ignored. */
  text?: string;
  /** Only units of this level; "all" (or absent): every unit. */
  level?: PaneLevel | "all";
  /** By completion rate: lowest first (default) or highest first; ties keep the sheet's order. */
  order?: "asc" | "desc";
  /** At most this many lines (default PANE_SUMMARY_CAP). */
  cap?: number;
}

export interface PaneSummaryList<T> {
  /** The lines to show, sorted, at most `cap`. */
  shown: T[];
  /** How many lines match the filters. */
  matched: number;
  /** Matching lines not shown (matched − shown.length). */
  rest: number;
}

/** Filter, sort by rate and cap the per-unit lines of Tổng hợp for the pane. */
export function paneSummaryList<T extends { unit: string; unitId: string | null; completionRate: number }>(
  lines: readonly T[],
  query: PaneSummaryQuery = {},
): PaneSummaryList<T> {
  const level = query.level ?? "all";
  const sign = query.order === "desc" ? -1 : 1;
  const cap = Math.max(0, Math.floor(query.cap ?? PANE_SUMMARY_CAP));
  const matching = lines
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => level === "all" || paneLevelOf(line.unitId, line.unit) === level)
    .filter(({ line }) => matchesFolded(query.text ?? "", line.unit));
  matching.sort(
    (a, b) => sign * (rateKey(a.line.completionRate) - rateKey(b.line.completionRate)) || a.i - b.i,
  );
  const shown = matching.slice(0, cap).map((x) => x.line);
  return { shown, matched: matching.length, rest: matching.length - shown.length };
}

/** A rate that is not a number sorts as the lowest (it needs a look first). */
const rateKey = (r: number) => (Number.isFinite(r) ? r : -1);

export interface OverdueGroup<T> {
  unit: string;
  items: T[];
}

export interface OverdueGroups<T> {
  /** Groups shown: most overdue items first, ties in order of first appearance. */
  groups: OverdueGroup<T>[];
  /** Groups and items matching the filter. */
  matchedGroups: number;
  matchedItems: number;
  /** Matching groups and items not shown. */
  restGroups: number;
  restItems: number;
}

/** Group overdue items by unit, keep those whose unit, task id or title matches `text`, show at most `maxGroups`. */
export function groupOverdueByUnit<T extends { unit: string; taskId: string; title: string }>(
  items: readonly T[],
  text = "",
  maxGroups = PANE_OVERDUE_GROUPS,
): OverdueGroups<T> {
  const byUnit = new Map<string, OverdueGroup<T> & { first: number }>();
  items.forEach((item, i) => {
    if (!matchesFolded(text, item.unit, item.taskId, item.title)) return;
    const g = byUnit.get(item.unit);
    if (g) g.items.push(item);
    else byUnit.set(item.unit, { unit: item.unit, items: [item], first: i });
  });
  const all = [...byUnit.values()].sort((a, b) => b.items.length - a.items.length || a.first - b.first);
  const cap = Math.max(0, Math.floor(maxGroups));
  const groups = all.slice(0, cap).map(({ unit, items: its }) => ({ unit, items: its }));
  const matchedItems = all.reduce((n, g) => n + g.items.length, 0);
  const shownItems = groups.reduce((n, g) => n + g.items.length, 0);
  return {
    groups,
    matchedGroups: all.length,
    matchedItems,
    restGroups: all.length - groups.length,
    restItems: matchedItems - shownItems,
  };
}
