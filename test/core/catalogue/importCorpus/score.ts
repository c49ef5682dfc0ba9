/** Runs one corpus case through tasksFromTable and says whether it imported exactly right. */
import { CatalogueError, tasksFromTable } from "../../../../src/core";
import type { CorpusCase, ExpectedTask } from "./types";

export interface CaseRun {
  tasks?: ExpectedTask[];
  problems?: string[];
  ambiguities: string[];
  decisions: string[];
  crashed?: string;
}

/** The task fields the corpus compares (undefined fields dropped). */
export function project(t: Record<string, unknown>): ExpectedTask {
  const out: Record<string, unknown> = {};
  for (const k of ["id", "area", "title", "lead", "coordinating", "output", "deadline", "progress"]) {
    if (t[k] !== undefined) out[k] = t[k];
  }
  return out as unknown as ExpectedTask;
}

export function runCase(c: CorpusCase): CaseRun {
  try {
    const r = tasksFromTable(c.rows, 2024, { ...(c.options ?? {}) }) as unknown as Record<string, unknown> & {
      tasks: Array<Record<string, unknown>>;
      layout?: {
        ambiguities?: Array<{ message: string } | string>;
        decisions?: Array<{ message: string } | string>;
      };
    };
    const text = (x: { message: string } | string) => (typeof x === "string" ? x : x.message);
    return {
      tasks: r.tasks.map(project),
      ambiguities: (r.layout?.ambiguities ?? []).map(text),
      decisions: (r.layout?.decisions ?? []).map(text),
    };
  } catch (e) {
    if (e instanceof CatalogueError) return { problems: e.problems, ambiguities: [], decisions: [] };
    return { crashed: String(e), ambiguities: [], decisions: [] };
  }
}

/** JSON with sorted keys (the order fields were written in does not matter). */
export function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );
}

/** Exactly right: the expected tasks (or refusal), and every expected ambiguity and decision shown. */
export function isExact(c: CorpusCase, run: CaseRun): boolean {
  if (c.refused) return !!run.problems && c.refused.test(run.problems.join(" "));
  if (!run.tasks || canonical(run.tasks) !== canonical(c.tasks)) return false;
  const all = (patterns: RegExp[] | undefined, shown: string[]) =>
    (patterns ?? []).every((p) => shown.some((s) => p.test(s)));
  return all(c.ambiguities, run.ambiguities) && all(c.decisions, run.decisions);
}
