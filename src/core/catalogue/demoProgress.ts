/**
 * Sample progress for the bundled demo-2024 catalogue (tiến độ minh họa): what units "reported",
 * so that a newcomer who pulls the demo sees tasks done on time, done late, in progress and
 * overdue, completion rates and points — instead of zeros everywhere. Like the catalogue it is
 * SAMPLE DATA and says so in every row's Ghi chú. Deterministic (seeded), pure.
 */
import { addDays } from "../dates/isoDate";
import { STATUS_CHOICES } from "../status/status";
import { buildModel, type ProgressEntry } from "../workbook/model";
import type { Catalogue } from "./types";

/** The catalogue the sample progress belongs to. */
export const DEMO_PROGRESS_CATALOGUE = "demo-2024";
/** Written in the Ghi chú of every sample row. */
export const DEMO_PROGRESS_NOTE = "Tiến độ minh họa (dữ liệu mẫu, không phải báo cáo thật của đơn vị)";
/** Last completion date the sample uses (the plan year's reports close on 31/12/2024). */
const LAST_DAY = "2024-12-20";

/** mulberry32: small, fast, deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One progress entry per lead assignment that "reported" something: about 55 % done (one in
 * five of them late, a few without a date), 15 % in progress, 5 % marked not started, the rest
 * left empty (overdue once their deadline passes). Units are named by id (no ambiguity).
 */
export function demoProgress(catalogue: Catalogue, seed = 2024): ProgressEntry[] {
  const model = buildModel(catalogue);
  const r = rng(seed);
  const out: ProgressEntry[] = [];
  for (const a of model.assignments) {
    if (a.role !== "Chủ trì") continue;
    const unit = a.unitId ?? a.unit;
    const x = r();
    const due = a.due ?? "2024-12-31";
    if (x < 0.55) {
      const late = r() < 0.2;
      let on = late ? addDays(due, 3 + Math.floor(r() * 25)) : addDays(due, -(1 + Math.floor(r() * 40)));
      if (on > LAST_DAY) on = late ? LAST_DAY : addDays(LAST_DAY, -Math.floor(r() * 20));
      const withDate = r() > 0.05;
      out.push({
        taskId: a.taskId,
        unit,
        status: STATUS_CHOICES.done.vi,
        ...(withDate ? { completedOn: on } : {}),
        evidence: `Văn bản minh họa số ${100 + Math.floor(r() * 900)}/BC`,
        note: DEMO_PROGRESS_NOTE,
      });
    } else if (x < 0.7) {
      out.push({
        taskId: a.taskId,
        unit,
        status: STATUS_CHOICES["in-progress"].vi,
        note: DEMO_PROGRESS_NOTE,
      });
    } else if (x < 0.75) {
      out.push({
        taskId: a.taskId,
        unit,
        status: STATUS_CHOICES["not-started"].vi,
        note: DEMO_PROGRESS_NOTE,
      });
    }
  }
  return out;
}

/** The sample as a progress CSV (the format `npm run workbook -- --progress` reads). */
export function demoProgressCsv(catalogue: Catalogue, seed = 2024): string {
  const q = (v: unknown) => {
    const s = v === undefined || v === null ? "" : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = ["task_id,unit,status,completed_on,evidence,note"];
  for (const e of demoProgress(catalogue, seed))
    lines.push([e.taskId, e.unit, e.status, e.completedOn, e.evidence, e.note].map(q).join(","));
  return lines.join("\n") + "\n";
}
