/**
 * Year over year: a unit of the map from 01/07/2025 shown with the completion rate of the 2024
 * units that formed it (predecessorsOf), so a reviewer of a 2026 workbook sees a trend under the
 * successor's name. The rate is combined as Σ done / Σ assigned over the predecessors (not an
 * average of rates). APPROXIMATION: an old unit split between several successors (Xã Trà Bùi →
 * Xã Cà Đam and Xã Tây Trà Bồng) counts whole under each of them; old Kon Tum units are not in a
 * 2024 Quảng Ngãi workbook and count nowhere.
 */
import { emptyUnitSummary, type UnitSummary } from "../summary/summarize";
import { predecessorsOf } from "./lineage";
import { findUnit, DISTRICT_LEVEL_ENDED, LINEAGE_2025, type Unit } from "./units";

export interface PriorRate {
  /** The unit of the new map. */
  unit: string;
  /** 2024 units found in the 2024 summary, with their own counts. */
  from: Array<{ unit: string; assigned: number; done: number }>;
  assigned: number;
  done: number;
  /** done / assigned, or null when no predecessor had an assignment in 2024. */
  completionRate: number | null;
  /** Some predecessor was split: its counts are shared by several successors. */
  approximate: boolean;
  /** Predecessors with no line in the 2024 summary (no 2024 assignment, or another scope). */
  missing: string[];
}

/**
 * The 2024 completion of each new unit's predecessors, from a 2024 summary (summarizeByUnit of
 * a 2024 workbook). `units`: names of units of the new map (unknown names are skipped).
 */
export function priorCompletion(summary2024: readonly UnitSummary[], units: readonly string[]): PriorRate[] {
  const byId = new Map(summary2024.filter((s) => s.unitId !== null).map((s) => [s.unitId as string, s]));
  const out: PriorRate[] = [];
  for (const name of units) {
    const u: Unit | null = findUnit(name, undefined, DISTRICT_LEVEL_ENDED);
    if (!u) continue;
    const preds = predecessorsOf(u);
    const from: PriorRate["from"] = [];
    const missing: string[] = [];
    let approximate = false;
    for (const p of preds) {
      const line = byId.get(p.id);
      if (!line) {
        missing.push(p.name);
        continue;
      }
      from.push({ unit: line.unit, assigned: line.assigned, done: line.done });
      if (u.level === "commune" && isSplit(p)) approximate = true;
    }
    const assigned = from.reduce((n, f) => n + f.assigned, 0);
    const done = from.reduce((n, f) => n + f.done, 0);
    out.push({
      unit: u.name,
      from,
      assigned,
      done,
      completionRate: assigned === 0 ? null : done / assigned,
      approximate,
      missing,
    });
  }
  return out;
}

/** An old unit split between several successors (or marked partial in the lineage). */
function isSplit(old: Unit): boolean {
  const rows = LINEAGE_2025.filter((r) => r.oldCode === old.id);
  return new Set(rows.map((r) => r.newCode)).size > 1 || rows.some((r) => r.share === "partial");
}

/** One line of a 2024 Tổng hợp as a reviewer copies it: Đơn vị, Được giao, Hoàn thành. */
export interface PriorLine {
  unit: string;
  assigned: number;
  done: number;
}

/**
 * The 2024 completion rate of a unit of the new map from the lines of a 2024 Tổng hợp (the twin
 * of CCHC.PRIORRATE): lines are matched to 2024 units by name (a header, the Tổng cộng line and
 * unknown names are skipped; two lines of one unit add up), then combined by priorCompletion
 * (Σ done / Σ assigned over the units that formed it; a split unit counts whole under each
 * successor — an approximation). null when `unit` is not a unit of the new map.
 */
export function priorRateFromLines(lines: readonly PriorLine[], unit: string): PriorRate | null {
  const byId = new Map<string, UnitSummary>();
  for (const l of lines) {
    const u = findUnit(l.unit);
    if (!u) continue;
    const seen = byId.get(u.id);
    const base: UnitSummary = seen ?? emptyUnitSummary(u.name, u.id);
    base.assigned += l.assigned;
    base.done += l.done;
    byId.set(u.id, base);
  }
  return priorCompletion([...byId.values()], [unit])[0] ?? null;
}
