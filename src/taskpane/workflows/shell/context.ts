/**
 * The shell a workflow container runs in (provided by App.tsx): the shared state, `run` (busy
 * state, progress, an error → a message), `show` (a message for a workflow), and the settings.
 * A container owns its own state (its reducer) and reaches the rest only through this.
 */
import * as React from "react";
import type { ExcelHost } from "../../host";
import type { Language, Messages } from "../../i18n";
import type { Services } from "../../app/services";
import type { FeedbackContent, WorkflowId } from "../../app/feedback";
import type { DocumentSettings, SummaryOutcome, TrackerStatus } from "../../app/types";

/** One action's body: gets the host and a progress callback (0…1). */
export type Work = (host: ExcelHost, progress: (fraction: number) => void) => Promise<void>;

export type MessageMaker = (t: Messages) => FeedbackContent;

export interface RunOptions {
  /** Keep the message on screen (e.g. jumping to a row keeps the result). */
  keepFeedback?: boolean;
  /** A message for this error instead of the generic one (null: the generic one). */
  onError?: (e: unknown) => MessageMaker | null;
}

export interface Shell {
  host: ExcelHost | null;
  services: Services;
  lang: Language;
  t: Messages;
  /** No Excel, or an action is running: every action button is disabled. */
  disabled: boolean;
  status: TrackerStatus | null;
  /** The latest tally (Tổng hợp, Chấm điểm and Báo cáo all produce it). */
  summary: SummaryOutcome | null;
  setSummary(summary: SummaryOutcome | null): void;
  /** The settings as rendered. */
  settings: DocumentSettings;
  /** The settings now (after awaits, the rendered value may be stale). */
  currentSettings(): DocumentSettings;
  /** Remembers settings in the pane and in the document (a failed save is ignored: a convenience). */
  saveSettings(host: ExcelHost, next: DocumentSettings): Promise<void>;
  /** Successful pulls so far: a workflow drops results of the previous catalogue when it changes. */
  pulls: number;
  /** Tells every workflow a pull succeeded. */
  pulled(): void;
  run(workflow: WorkflowId | "status", label: string, work: Work, options?: RunOptions): Promise<void>;
  show(workflow: WorkflowId | "status", make: MessageMaker): void;
  /** Re-reads what the workbook tracks; a failure is ignored ("Đọc lại sổ" retries). */
  refreshStatus(host: ExcelHost): Promise<void>;
  /** The message slot of a workflow (an aria-live region). */
  feedback(workflow: WorkflowId | "status"): React.ReactNode;
}

export const ShellContext = React.createContext<Shell | null>(null);

export function useShell(): Shell {
  const shell = React.useContext(ShellContext);
  if (!shell) throw new Error("A workflow container must be rendered inside App (ShellContext).");
  return shell;
}

/** Calls `reset` when a later pull succeeds (not on the first render). */
export function useOnPull(reset: () => void): void {
  const { pulls } = useShell();
  const seen = React.useRef(pulls);
  React.useEffect(() => {
    if (seen.current !== pulls) {
      seen.current = pulls;
      reset();
    }
  }, [pulls, reset]);
}
