/**
 * Results and errors shown to the user (MessageBar): what happened, the problems, the next
 * step. Errors are recognised by shape (name + problems), so this module — part of the first
 * screen's bundle — does not load the actions or the core to use `instanceof`.
 */
import type { Messages } from "../i18n";

/** A workflow of the pane: the ids listed in src/taskpane/workflows/registry.ts. */
export type WorkflowId = string;

export interface Feedback {
  /** Increases with every new message (moves focus to it). */
  id: number;
  workflow: WorkflowId | "status";
  intent: "error" | "warning" | "success" | "info";
  title: string;
  lines: string[];
  /** Language of `lines` when it differs from the UI's (the domain's messages are Vietnamese). */
  linesLang?: "vi";
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

/** A domain error's problems (in Vietnamese) under a title, with the next step. */
function problemsFeedback(
  title: string,
  problems: string[],
  hint: string,
  hintInVietnamese = false,
): FeedbackContent {
  return {
    intent: "error",
    title,
    lines: problems,
    linesLang: "vi",
    hint,
    ...(hintInVietnamese ? { hintLang: "vi" as const } : {}),
  };
}

/** Any thrown value → a message with a Vietnamese (or English UI) explanation and a next step. */
export function errorFeedback(e: unknown, t: Messages): FeedbackContent {
  if (isActionError(e)) return problemsFeedback(t.errActionTitle, e.problems, e.hint, true);
  if (isCatalogueError(e))
    return problemsFeedback(
      t.errCatalogueTitle,
      e.problems,
      isLegacyEncodingError(e) ? t.errLegacyHint : t.errCatalogueHint,
    );
  if (isFetchCatalogueError(e)) return problemsFeedback(t.errFetchTitle, e.problems, t.errFetchHint);
  return {
    intent: "error",
    title: t.errGenericTitle,
    lines: [],
    hint: t.errGenericHint,
    detail: technicalDetail(e),
  };
}
