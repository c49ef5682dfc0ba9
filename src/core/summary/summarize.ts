/**
 * Tổng hợp theo đơn vị (per-unit summary) of assignment rows as of a report date, in one pass.
 */
import { isIsoDate } from "../dates/isoDate";
import { classifyTask } from "../status/status";
import { DISTRICT_LEVEL_ENDED, displayName, findUnitAnyMap, listUnits, unitKey } from "../units/units";

export interface SummaryRow {
  unit: string;
  due: string | null;
  done: boolean;
  completedOn?: string | null;
}

export interface UnitSummary {
  /** Canonical name from findUnit, else the most frequent spelling (ties: alphabetical; NFC, trimmed). */
  unit: string;
  unitId: string | null;
  assigned: number;
  done: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  /** done / assigned, 0..1. */
  completionRate: number;
}

/** Official order by grouping key: the 2024 units, then the units of the map from 01/07/2025. */
const UNIT_ORDER = new Map<string, number>(listUnits().map((u, i) => ["id:" + u.id, i]));
let order2025: Map<string, number> | null = null;
function unitOrder(key: string): number {
  if (key.startsWith("id2025:")) {
    order2025 ??= new Map(
      listUnits(undefined, DISTRICT_LEVEL_ENDED).map((u, i) => ["id2025:" + u.id, 100_000 + i]),
    );
    return order2025.get(key) ?? 0;
  }
  return UNIT_ORDER.get(key) ?? 0;
}

/** Resolves unit names once per distinct spelling. */
export function createUnitResolver(): (name: string) => { key: string; unitId: string | null; name: string } {
  const cache = new Map<string, { key: string; unitId: string | null; name: string }>();
  return (raw: string) => {
    const name = typeof raw === "string" ? raw : String(raw ?? "");
    let hit = cache.get(name);
    if (!hit) {
      // Units of either map: “Xã Sơn Hà” (2026) and “Xã Sơn Hạ” stay two units, as COUNTIFS counts them.
      const found = findUnitAnyMap(name);
      const unit = found?.map === "2024" ? found.unit : null;
      const unit2025 = found?.map === "2025-07" ? found.unit : null;
      hit = unit
        ? { key: "id:" + unit.id, unitId: unit.id, name: displayName(unit) }
        : unit2025
          ? { key: "id2025:" + unit2025.id, unitId: unit2025.id, name: unit2025.name }
          : {
              key: "text:" + unitKey(name),
              unitId: null,
              name: name.normalize("NFC").replace(/\s+/g, " ").trim(),
            };
      cache.set(name, hit);
    }
    return hit;
  };
}

/** A unit's line before any row is counted (the summary's and the year-over-year sums' start). */
export function emptyUnitSummary(unit: string, unitId: string | null): UnitSummary {
  return { unit, unitId, assigned: 0, done: 0, doneOnTime: 0, doneLate: 0, overdue: 0, completionRate: 0 };
}

/**
 * Groups rows by `findUnit(unit)?.id`, else by folded text, so spelling variants of one unit
 * land in one row. Known units come first in the official order (departments, central agencies,
 * districts, communes), then unknown names by their folded key — so the result does not depend
 * on the order of the rows (a user sorting the table changes nothing).
 */
export function summarizeByUnit(rows: readonly SummaryRow[], asOf: string): UnitSummary[] {
  if (!isIsoDate(asOf)) throw new RangeError(`Ngày báo cáo không hợp lệ (cần YYYY-MM-DD): ${String(asOf)}`);
  const resolve = createUnitResolver();
  const groups = new Map<string, UnitSummary>();
  const spellings = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const { key, unitId, name } = resolve(row.unit);
    let g = groups.get(key);
    if (!g) {
      g = emptyUnitSummary(name, unitId);
      groups.set(key, g);
    }
    if (unitId === null) {
      const counts = spellings.get(key) ?? new Map<string, number>();
      counts.set(name, (counts.get(name) ?? 0) + 1);
      spellings.set(key, counts);
    }
    g.assigned += 1;
    if (row.done) g.done += 1;
    switch (classifyTask(row, asOf)) {
      case "done-on-time":
        g.doneOnTime += 1;
        break;
      case "done-late":
        g.doneLate += 1;
        break;
      case "overdue":
        g.overdue += 1;
        break;
      default:
        break;
    }
  }
  for (const [key, counts] of spellings) {
    const g = groups.get(key) as UnitSummary;
    g.unit = [...counts.entries()].sort(
      (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
    )[0][0];
  }
  const out = [...groups.entries()];
  for (const [, g] of out) g.completionRate = g.assigned === 0 ? 0 : g.done / g.assigned;
  const known = out.filter(([, g]) => g.unitId !== null);
  known.sort((a, b) => unitOrder(a[0]) - unitOrder(b[0]));
  // Unknown names by folded key; rows without any unit name last.
  const rank = (k: string) => (k === "text:" ? "\uffff" : k);
  const unknown = out
    .filter(([, g]) => g.unitId === null)
    .sort((a, b) => (rank(a[0]) < rank(b[0]) ? -1 : rank(a[0]) > rank(b[0]) ? 1 : 0));
  return [...known.map(([, g]) => g), ...unknown.map(([, g]) => g)];
}
