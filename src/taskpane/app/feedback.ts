/**
 * Results and errors shown to the user (MessageBar): what happened, the problems, the next
 * step. Errors are recognised by shape (name + problems), so this module — part of the first
 * screen's bundle — does not load the actions or the core to use `instanceof`.
 */
import type { Messages } from "../i18n";
import type { ProblemItem } from "../../core/problems/problem";
import { showProblem } from "../i18n/problems";

/** A workflow of the pane: the ids listed in src/taskpane/workflows/registry.ts. */
export type WorkflowId = string;

export interface Feedback {
  /** Increases with every new message (moves focus to it). */
  id: number;
  workflow: WorkflowId | "status";
  intent: "error" | "warning" | "success" | "info";
  title: string;
  /** A Vietnamese fragment of `title` (a catalogue's or unit's name): shown marked lang="vi". */
  titleVi?: string;
  lines: string[];
  /** Language of `lines` when it differs from the UI's (the domain's messages are Vietnamese). */
  linesLang?: "vi";
  /** Language of each line, when only some differ from the UI's (overrides `linesLang`). */
  lineLangs?: Array<"vi" | undefined>;
  hint?: string;
  /** Language of `hint` when it differs from the UI's. */
  hintLang?: "vi";
  /** Technical detail, shown collapsed. */
  detail?: string;
  action?: { label: string; run: () => void };
}

export type FeedbackContent = Omit<Feedback, "id" | "workflow">;

interface WithProblems {
  name: string;
  problems: string[];
  hint?: unknown;
  message?: string;
}

function withProblems(e: unknown, name: string): e is WithProblems {
  if (typeof e !== "object" || e === null) return false;
  const o = e as Partial<WithProblems>;
  return o.name === name && Array.isArray(o.problems) && o.problems.every((p) => typeof p === "string");
}

/** An ActionError (src/taskpane/actions/common.ts): problems + hint, in Vietnamese. */
export function isActionError(e: unknown): e is WithProblems & { hint: string } {
  return withProblems(e, "ActionError") && typeof (e as WithProblems).hint === "string";
}

export function isCatalogueError(e: unknown): e is WithProblems {
  return withProblems(e, "CatalogueError");
}

export function isFetchCatalogueError(e: unknown): e is WithProblems {
  return withProblems(e, "FetchCatalogueError");
}

/** A CatalogueError about TCVN3/VNI text (the parser sets `legacyEncoding`). */
export function isLegacyEncodingError(e: unknown): boolean {
  return isCatalogueError(e) && typeof (e as { legacyEncoding?: unknown }).legacyEncoding === "string";
}

function technicalDetail(e: unknown): string {
  if (e instanceof Error)
    return `${e.name}: ${e.message}${e.stack ? `\n${e.stack.split("\n").slice(1, 6).join("\n")}` : ""}`;
  try {
    return JSON.stringify(e);
  } catch {
    return String(e);
  }
}

/** The error's problems with their codes (`items`), or its Vietnamese `problems`. */
function itemsOf(e: WithProblems): ProblemItem[] {
  const items = (e as { items?: unknown }).items;
  return Array.isArray(items) && items.length === e.problems.length ? (items as ProblemItem[]) : e.problems;
}

/**
 * A domain error's problems under a title, with the next step: in the UI's language where the
 * problem has a code, otherwise in Vietnamese marked lang="vi".
 */
function problemsFeedback(
  t: Messages,
  title: string,
  e: WithProblems,
  hint: string,
  hintItem?: ProblemItem,
): FeedbackContent {
  const shown = itemsOf(e).map((p) => showProblem(p, t.uiLang));
  const allVi = shown.every((p) => p.lang === "vi");
  const lines =
    t.uiLang === "vi" || allVi
      ? { lines: e.problems, linesLang: "vi" as const }
      : { lines: shown.map((p) => p.text), lineLangs: shown.map((p) => p.lang) };
  const shownHint = hintItem === undefined ? { text: hint } : showProblem(hintItem, t.uiLang);
  return {
    intent: "error",
    title,
    ...lines,
    hint: shownHint.text,
    ...(hintItem !== undefined && (t.uiLang === "vi" || shownHint.lang === "vi")
      ? { hintLang: "vi" as const }
      : {}),
  };
}

/** Any thrown value → a message with a Vietnamese (or English UI) explanation and a next step. */
export function errorFeedback(e: unknown, t: Messages): FeedbackContent {
  if (isActionError(e)) {
    const hintItem = (e as { hintItem?: unknown }).hintItem;
    return problemsFeedback(
      t,
      t.errActionTitle,
      e,
      e.hint,
      typeof hintItem === "object" && hintItem !== null ? (hintItem as ProblemItem) : e.hint,
    );
  }
  if (isCatalogueError(e))
    return problemsFeedback(
      t,
      t.errCatalogueTitle,
      e,
      isLegacyEncodingError(e) ? t.errLegacyHint : t.errCatalogueHint,
    );
  if (isFetchCatalogueError(e)) return problemsFeedback(t, t.errFetchTitle, e, t.errFetchHint);
  return {
    intent: "error",
    title: t.errGenericTitle,
    lines: [],
    hint: t.errGenericHint,
    detail: technicalDetail(e),
  };
}
