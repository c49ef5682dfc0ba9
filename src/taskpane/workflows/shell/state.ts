/**
 * What every workflow shares, as one reducer (tested as a plain function): the language, the
 * document settings, what the workbook tracks (status), the latest tally (summary — built by
 * Tổng hợp, Chấm điểm and Báo cáo alike), the running action, the one message on screen, which
 * workflow is open, and how many pulls have succeeded (a pull invalidates the others' results).
 */
import type { Language, Messages } from "../../i18n";
import type { FeedbackContent, WorkflowId } from "../../app/feedback";
import type { DocumentSettings, SummaryOutcome, TrackerStatus } from "../../app/types";

export interface Busy {
  label: string;
  progress: number | null;
}

export interface StoredFeedback {
  id: number;
  workflow: WorkflowId | "status";
  /** Built with the current language's strings at render time. */
  make: (t: Messages) => FeedbackContent;
}

export interface ShellState {
  lang: Language;
  settings: DocumentSettings;
  status: TrackerStatus | null;
  summary: SummaryOutcome | null;
  busy: Busy | null;
  feedback: StoredFeedback | null;
  /** Last feedback id handed out (a new message moves focus to it). */
  feedbackSeq: number;
  open: WorkflowId[];
  /** Successful pulls so far: the other workflows drop their results when it changes. */
  pulls: number;
}

export type ShellAction =
  | { type: "language"; lang: Language }
  | { type: "settings"; settings: DocumentSettings }
  | { type: "status"; status: TrackerStatus | null }
  | { type: "summary"; summary: SummaryOutcome | null }
  | { type: "busy"; label: string; progress?: number | null }
  | { type: "idle" }
  | {
      type: "show";
      workflow: WorkflowId | "status";
      make: (t: Messages) => FeedbackContent;
    }
  | { type: "clearFeedback" }
  | { type: "open"; open: WorkflowId[] }
  | { type: "pulled" };

export function initialShellState(lang: Language, open: WorkflowId[]): ShellState {
  return {
    lang,
    settings: {},
    status: null,
    summary: null,
    busy: null,
    feedback: null,
    feedbackSeq: 0,
    open,
    pulls: 0,
  };
}

export function shellReducer(state: ShellState, action: ShellAction): ShellState {
  switch (action.type) {
    case "language":
      return { ...state, lang: action.lang };
    case "settings":
      return { ...state, settings: action.settings };
    case "status":
      return { ...state, status: action.status };
    case "summary":
      return { ...state, summary: action.summary };
    case "busy": {
      const p = action.progress;
      return {
        ...state,
        busy: { label: action.label, progress: typeof p === "number" && Number.isFinite(p) ? p : null },
      };
    }
    case "idle":
      return { ...state, busy: null };
    case "show": {
      const id = state.feedbackSeq + 1;
      return {
        ...state,
        feedbackSeq: id,
        feedback: { id, workflow: action.workflow, make: action.make },
        // A workflow's message opens its panel (the status card is always visible).
        open: action.workflow === "status" ? state.open : [action.workflow],
      };
    }
    case "clearFeedback":
      return { ...state, feedback: null };
    case "open":
      return { ...state, open: action.open };
    case "pulled":
      return { ...state, pulls: state.pulls + 1, summary: null };
  }
}
