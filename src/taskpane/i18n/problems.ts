/**
 * Problems from the core (src/core/problems/problem.ts) said in the UI's language. Vietnamese is
 * the core's own text (`Problem.vi`: one owner, the same words the command line prints); the
 * English template of every code is in ./problemsEn.ts, a chunk loaded when the pane turns to
 * English (at start in an English Office, or on the language switch) so that a Vietnamese first
 * screen does not carry it. A problem without a code (a plain string), a code missing there, or
 * English asked for before the chunk arrived, is shown in Vietnamese and marked lang="vi".
 */
import type { Problem, ProblemItem } from "../../core/problems/problem";
import type { PROBLEM_EN } from "./problemsEn";

let english: typeof PROBLEM_EN | null = null;
let loading: Promise<void> | null = null;

/** Loads the English templates once (a lazily loaded chunk); resolves when they are in use. */
export function loadEnglishProblems(): Promise<void> {
  loading ??= import(/* webpackChunkName: "problems-en" */ "./problemsEn").then((m) => {
    english = m.PROBLEM_EN;
  });
  return loading;
}

/** One problem as shown: its text, and lang="vi" when it stays Vietnamese in an English UI. */
export interface ShownProblem {
  text: string;
  lang?: "vi";
}

export function showProblem(p: ProblemItem, lang: "vi" | "en"): ShownProblem {
  if (typeof p === "string") return lang === "vi" ? { text: p } : { text: p, lang: "vi" };
  if (lang === "vi") return { text: p.vi };
  const template = english ? (english as Partial<typeof english>)[(p as Problem).code] : undefined;
  return template ? { text: template(p.params) } : { text: p.vi, lang: "vi" };
}
