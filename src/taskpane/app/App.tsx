/**
 * The task pane: composes the shell (shared state, `run`, messages) with the workflows listed in
 * src/taskpane/workflows/registry.ts. Each workflow's container owns its state and is loaded
 * when its panel first opens; the views never call Office or the actions.
 */
import * as React from "react";
import { FluentProvider, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import type { ExcelHost } from "../host";
import { I18nProvider, MESSAGES, type Language } from "../i18n";
import { Header } from "../views/Header";
import { StatusCard } from "../views/StatusCard";
import { WorkflowSection } from "../views/WorkflowSection";
import type { Services } from "./services";
import { errorFeedback, type WorkflowId } from "./feedback";
import type { DocumentSettings } from "./types";
import { FIRST_WORKFLOW, WORKFLOWS } from "../workflows/registry";
import { initialShellState, shellReducer } from "../workflows/shell/state";
import {
  ShellContext,
  type MessageMaker,
  type RunOptions,
  type Shell,
  type Work,
} from "../workflows/shell/context";
import { FeedbackSlot, preloadFeedbackBar } from "../workflows/shell/FeedbackSlot";

const useStyles = makeStyles({
  app: { minWidth: 0, maxWidth: "100%", color: tokens.colorNeutralForeground1 },
  main: { paddingBottom: tokens.spacingVerticalXXL },
  // A line of text while a panel's chunk loads (Fluent's Spinner would add ~3 KB to the first screen).
  loading: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export interface AppProps {
  /** null outside Excel: the pane renders, the actions are disabled. */
  host: ExcelHost | null;
  services: Services;
  initialLanguage: Language;
}

export function App({ host, services, initialLanguage }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [state, dispatch] = React.useReducer(shellReducer, initialLanguage, (lang) =>
    initialShellState(lang, [FIRST_WORKFLOW]),
  );
  const t = MESSAGES[state.lang];
  // Read after awaits, where the rendered values may be stale.
  const settingsRef = React.useRef<DocumentSettings>({});
  const busyRef = React.useRef(false);

  React.useEffect(() => {
    document.documentElement.lang = state.lang;
  }, [state.lang]);

  React.useEffect(() => {
    void preloadFeedbackBar();
  }, []);

  const setSettings = React.useCallback((next: DocumentSettings) => {
    settingsRef.current = next;
    dispatch({ type: "settings", settings: next });
  }, []);

  const show = React.useCallback(
    (workflow: WorkflowId | "status", make: MessageMaker) => dispatch({ type: "show", workflow, make }),
    [],
  );

  /** Runs one action: busy state (every button disabled), progress, errors → a message. */
  const run = React.useCallback(
    async (workflow: WorkflowId | "status", label: string, work: Work, options: RunOptions = {}) => {
      if (!host || busyRef.current) return;
      busyRef.current = true;
      dispatch({ type: "busy", label });
      if (!options.keepFeedback) dispatch({ type: "clearFeedback" });
      try {
        await work(host, (fraction) => dispatch({ type: "busy", label, progress: fraction }));
      } catch (e) {
        show(workflow, options.onError?.(e) ?? ((tt) => errorFeedback(e, tt)));
      } finally {
        busyRef.current = false;
        dispatch({ type: "idle" });
      }
    },
    [host, show],
  );

  const readStatus = React.useCallback(
    async (h: ExcelHost) => {
      const status = await h.run((ctx) => services.readTrackerStatus(ctx));
      dispatch({ type: "status", status });
    },
    [services],
  );

  const refreshStatus = React.useCallback(
    async (h: ExcelHost) => {
      try {
        await readStatus(h);
      } catch {
        // The action's own result matters more than a failed re-read; "Đọc lại sổ" retries.
      }
    },
    [readStatus],
  );

  const saveSettings = React.useCallback(
    async (h: ExcelHost, next: DocumentSettings) => {
      setSettings(next);
      try {
        await h.run((ctx) => services.saveDocumentSettings(ctx, next));
      } catch {
        // Remembering a choice is a convenience; the action itself succeeded.
      }
    },
    [services, setSettings],
  );

  // First screen: the saved settings, then what the workbook tracks.
  React.useEffect(() => {
    void run("status", MESSAGES[initialLanguage].busyLoading, async (h) => {
      let saved: DocumentSettings = {};
      try {
        saved = await h.run((ctx) => services.loadDocumentSettings(ctx));
      } catch {
        saved = {};
      }
      setSettings(saved);
      if (saved.language) dispatch({ type: "language", lang: saved.language });
      await readStatus(h);
    });
  }, [run, services, initialLanguage, readStatus, setSettings]);

  const disabled = host === null || state.busy !== null;
  const feedback = state.feedback;
  const feedbackFor = (workflow: WorkflowId | "status"): React.ReactNode =>
    feedback && feedback.workflow === workflow ? (
      <FeedbackSlot id={feedback.id} content={feedback.make(t)} disabled={disabled} />
    ) : (
      <FeedbackSlot content={null} />
    );

  const shell: Shell = {
    host,
    services,
    lang: state.lang,
    t,
    disabled,
    status: state.status,
    summary: state.summary,
    setSummary: (summary) => dispatch({ type: "summary", summary }),
    settings: state.settings,
    currentSettings: () => settingsRef.current,
    saveSettings,
    pulls: state.pulls,
    pulled: () => dispatch({ type: "pulled" }),
    run,
    show,
    refreshStatus,
    feedback: feedbackFor,
  };

  const changeLanguage = (next: Language) => {
    dispatch({ type: "language", lang: next });
    const saved = { ...settingsRef.current, language: next };
    setSettings(saved);
    if (host) host.run((ctx) => services.saveDocumentSettings(ctx, saved)).catch(() => undefined);
  };

  const loading = (
    <p role="status" className={styles.loading}>
      {t.loadingPanel}
    </p>
  );

  return (
    <FluentProvider theme={webLightTheme}>
      <I18nProvider lang={state.lang}>
        <ShellContext.Provider value={shell}>
          <div className={styles.app}>
            <Header language={state.lang} onLanguageChange={changeLanguage} busy={state.busy} />
            <main className={styles.main}>
              <StatusCard
                connected={host !== null}
                status={state.status}
                disabled={disabled}
                onRefresh={() => void run("status", t.busyLoading, readStatus)}
                feedback={feedbackFor("status")}
              />
              {WORKFLOWS.map(({ id, title, Container }) => {
                const expanded = state.open.includes(id);
                return (
                  <WorkflowSection
                    key={id}
                    title={title(t)}
                    expanded={expanded}
                    onToggle={() => dispatch({ type: "open", open: expanded ? [] : [id] })}
                  >
                    <React.Suspense fallback={loading}>
                      <Container />
                    </React.Suspense>
                  </WorkflowSection>
                );
              })}
            </main>
          </div>
        </ShellContext.Provider>
      </I18nProvider>
    </FluentProvider>
  );
}

export default App;
