/**
 * The task pane's container: holds the state, calls the actions through `host.run(ctx => …)`,
 * turns every error into a message with the next step, and hands props and callbacks to the
 * views (which never call Office or the actions). The workflow panels are loaded on demand.
 */
import type { ProgressEntry } from "../../core/workbook/model";
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  FluentProvider,
  Spinner,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import type { ExcelHost } from "../host";
import { I18nProvider, MESSAGES, formatIsoDate, type Language, type Messages } from "../i18n";
import type { BundledCatalogueInfo } from "../../core/catalogue/bundled";
import type { Catalogue } from "../../core/catalogue/types";
import { Header } from "../views/Header";
import { StatusCard } from "../views/StatusCard";
import { FeedbackBar } from "../views/FeedbackBar";
import type { ScoreDraft } from "../views/scoreDraft";
import type { Services } from "./services";
import { errorFeedback, isLegacyEncodingError, type FeedbackContent, type WorkflowId } from "./feedback";
import { IMPORT_PLAN_YEAR, sheetCatalogue } from "./sheetImport";
import {
  SOURCE_SHEET,
  SOURCE_URL,
  type CatalogueField,
  type DocumentSettings,
  type ExportedCatalogue,
  type ImportState,
  type OverdueOutcome,
  type PullResult,
  type ScoreRule,
  type SourceChoice,
  type SummaryOutcome,
  type TrackerStatus,
  type Unit,
} from "./types";

const CataloguePanel = React.lazy(
  () => import(/* webpackChunkName: "view-catalogue" */ "../views/CataloguePanel"),
);
const ConfirmSwitchDialog = React.lazy(
  () => import(/* webpackChunkName: "view-confirm" */ "../views/ConfirmSwitchDialog"),
);
const ReportDatePanel = React.lazy(
  () => import(/* webpackChunkName: "view-report-date" */ "../views/ReportDatePanel"),
);
const OverduePanel = React.lazy(() => import(/* webpackChunkName: "view-overdue" */ "../views/OverduePanel"));
const SummaryPanel = React.lazy(() => import(/* webpackChunkName: "view-summary" */ "../views/SummaryPanel"));
const ScorePanel = React.lazy(() => import(/* webpackChunkName: "view-score" */ "../views/ScorePanel"));
const ReportPanel = React.lazy(() => import(/* webpackChunkName: "view-report" */ "../views/ReportPanel"));
const ExportPanel = React.lazy(() => import(/* webpackChunkName: "view-export" */ "../views/ExportPanel"));

const useStyles = makeStyles({
  app: { minWidth: 0, maxWidth: "100%", color: tokens.colorNeutralForeground1 },
  main: { paddingBottom: tokens.spacingVerticalXXL },
  panel: { padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`, margin: 0 },
});

export interface AppProps {
  /** null outside Excel: the pane renders, the actions are disabled. */
  host: ExcelHost | null;
  services: Services;
  initialLanguage: Language;
}

interface StoredFeedback {
  id: number;
  workflow: WorkflowId | "status";
  /** Built with the current language's strings at render time. */
  make: (t: Messages) => FeedbackContent;
}

interface Busy {
  label: string;
  progress: number | null;
}

interface PendingPull {
  catalogue: Catalogue;
  loadedFrom: string;
  warnings: string[];
  unit: Unit | undefined;
  /** An https address to remember when the pull succeeds. */
  saveUrl?: string;
  fromSheet: boolean;
  /** Sample progress of demo-2024 (first build only). */
  progress?: ProgressEntry[];
}

type Work = (host: ExcelHost, progress: (fraction: number) => void) => Promise<void>;

/** The radio to select for the settings' lastSource (a bundled id, an https address or a sheet range). */
function sourceFromLast(lastSource: string | undefined): SourceChoice | null {
  if (!lastSource) return null;
  if (/^https:\/\//i.test(lastSource)) return SOURCE_URL;
  if (lastSource.includes("!")) return SOURCE_SHEET;
  return lastSource;
}

export function App({ host, services, initialLanguage }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [lang, setLang] = React.useState<Language>(initialLanguage);
  const t = MESSAGES[lang];

  const settingsRef = React.useRef<DocumentSettings>({});
  const [settings, setSettingsState] = React.useState<DocumentSettings>({});
  const setSettings = (next: DocumentSettings) => {
    settingsRef.current = next;
    setSettingsState(next);
  };

  const [status, setStatus] = React.useState<TrackerStatus | null>(null);
  const [busy, setBusy] = React.useState<Busy | null>(null);
  const busyRef = React.useRef(false);
  const [feedback, setFeedback] = React.useState<StoredFeedback | null>(null);
  const feedbackSeq = React.useRef(0);
  const [open, setOpen] = React.useState<WorkflowId[]>(["catalogue"]);

  const [source, setSource] = React.useState<SourceChoice | null>(null);
  const [urlDraft, setUrlDraft] = React.useState<string | null>(null);
  const [onlyUnit, setOnlyUnit] = React.useState(false);
  const [units, setUnits] = React.useState<readonly Unit[] | null>(null);
  const [unitId, setUnitId] = React.useState<string | null>(null);
  const [importState, setImportState] = React.useState<ImportState | null>(null);
  const [pullResult, setPullResult] = React.useState<PullResult | null>(null);
  const [confirm, setConfirm] = React.useState<{ from: string; to: string } | null>(null);
  const pendingPull = React.useRef<PendingPull | null>(null);

  const [dateDraft, setDateDraft] = React.useState<string | null>(null);
  const [sampleProgress, setSampleProgress] = React.useState(false);
  const [overdue, setOverdue] = React.useState<OverdueOutcome | null>(null);
  const [summary, setSummary] = React.useState<SummaryOutcome | null>(null);
  const [pivot, setPivot] = React.useState(false);
  const [scoreDraft, setScoreDraft] = React.useState<ScoreDraft | null>(null);
  const [exported, setExported] = React.useState<ExportedCatalogue | null>(null);

  React.useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const show = React.useCallback(
    (workflow: WorkflowId | "status", make: (t: Messages) => FeedbackContent) => {
      feedbackSeq.current += 1;
      setFeedback({ id: feedbackSeq.current, workflow, make });
      if (workflow !== "status") setOpen([workflow]);
    },
    [],
  );

  /** Runs one action: busy state (every button disabled), progress, errors → a message. */
  const run = React.useCallback(
    async (
      workflow: WorkflowId | "status",
      label: string,
      work: Work,
      options: {
        keepFeedback?: boolean;
        onError?: (e: unknown) => ((t: Messages) => FeedbackContent) | null;
      } = {},
    ): Promise<void> => {
      if (!host || busyRef.current) return;
      busyRef.current = true;
      setBusy({ label, progress: null });
      if (!options.keepFeedback) setFeedback(null);
      try {
        await work(host, (fraction) =>
          setBusy({ label, progress: Number.isFinite(fraction) ? fraction : null }),
        );
      } catch (e) {
        show(workflow, options.onError?.(e) ?? ((tt) => errorFeedback(e, tt)));
      } finally {
        busyRef.current = false;
        setBusy(null);
      }
    },
    [host, show],
  );

  const refreshStatus = React.useCallback(
    async (h: ExcelHost) => {
      try {
        setStatus(await h.run((ctx) => services.readTrackerStatus(ctx)));
      } catch {
        // The action's own result matters more than a failed re-read; "Đọc lại sổ" retries.
      }
    },
    [services],
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
      settingsRef.current = saved;
      setSettingsState(saved);
      if (saved.language) setLang(saved.language);
      setSource((current) => current ?? sourceFromLast(saved.lastSource));
      setStatus(await h.run((ctx) => services.readTrackerStatus(ctx)));
    });
  }, [run, services, initialLanguage]);

  const disabled = host === null || busy !== null;

  // ───────────── Language ─────────────
  const changeLanguage = (next: Language) => {
    setLang(next);
    const saved = { ...settingsRef.current, language: next };
    setSettings(saved);
    if (host) host.run((ctx) => services.saveDocumentSettings(ctx, saved)).catch(() => undefined);
  };

  // ───────────── 1. Nạp danh mục ─────────────
  const url = urlDraft ?? settings.catalogueUrl ?? "";

  const toggleOnlyUnit = (only: boolean) => {
    setOnlyUnit(only);
    if (only && !units) {
      services
        .listUnits()
        .then(setUnits)
        .catch((e) => show("catalogue", (tt) => errorFeedback(e, tt)));
    }
  };

  const obtainCatalogue = async (
    choice: SourceChoice,
    convertLegacy: boolean,
    unit: Unit | undefined,
  ): Promise<PendingPull> => {
    const warnings: string[] = [];
    if (choice === SOURCE_URL) {
      const address = url.trim();
      const catalogue = await services.fetchCatalogue(address, { convertLegacy, warnings });
      return { catalogue, loadedFrom: address, warnings, unit, saveUrl: address, fromSheet: false };
    }
    if (choice === SOURCE_SHEET) {
      if (!importState) throw new Error("No table was read for import.");
      const parsed = await services.tasksFromTable(importState.table.rows, IMPORT_PLAN_YEAR, {
        map: importState.map,
        headerRow: importState.headerRow,
        convertLegacy,
        warnings,
      });
      return {
        catalogue: sheetCatalogue(importState.table, parsed.tasks),
        loadedFrom: importState.table.address,
        warnings,
        unit,
        fromSheet: true,
      };
    }
    const catalogue = await services.loadBundledCatalogue(choice as BundledCatalogueInfo["id"]);
    if (sampleProgress && choice === "demo-2024" && trackedUnit === undefined) {
      const { demoProgress } = await import(
        /* webpackChunkName: "demo-progress" */ "../../core/catalogue/demoProgress"
      );
      return {
        catalogue,
        loadedFrom: choice,
        warnings,
        unit,
        fromSheet: false,
        progress: demoProgress(catalogue),
      };
    }
    return { catalogue, loadedFrom: choice, warnings, unit, fromSheet: false };
  };

  const applyPull = async (
    h: ExcelHost,
    p: PendingPull,
    confirmSwitch: boolean,
    progress: (f: number) => void,
  ) => {
    const outcome = await h.run((ctx) =>
      services.pullCatalogue(ctx, {
        catalogue: p.catalogue,
        loadedFrom: p.loadedFrom,
        unit: p.unit,
        progress: p.progress,
        confirmSwitch: confirmSwitch || undefined,
        onProgress: progress,
      }),
    );
    if (outcome.kind === "needs-confirmation") {
      pendingPull.current = p;
      setConfirm({ from: outcome.from, to: outcome.to });
      return;
    }
    pendingPull.current = null;
    const c = p.catalogue;
    setPullResult({
      outcome,
      catalogue: { id: c.id, title: c.title, official: c.source.official, document: c.source.document },
      warnings: [...p.warnings, ...outcome.warnings],
    });
    setOverdue(null);
    setSummary(null);
    setExported(null);
    setDateDraft(null);
    if (p.fromSheet) setImportState(null);
    show("catalogue", (tt) => ({
      intent: "success",
      title: tt.pullDoneTitle(c.title),
      lines: [outcome.fresh ? tt.pullDoneFresh : tt.pullDoneMerged],
    }));
    const saved: DocumentSettings = {
      ...settingsRef.current,
      lastSource: p.loadedFrom,
      ...(p.saveUrl ? { catalogueUrl: p.saveUrl } : {}),
    };
    setSettings(saved);
    if (p.saveUrl) setUrlDraft(null);
    try {
      await h.run((ctx) => services.saveDocumentSettings(ctx, saved));
    } catch {
      // Remembering the source is a convenience; the pull itself succeeded.
    }
    await refreshStatus(h);
  };

  const trackedUnit: string | null | undefined =
    status?.exists && status.catalogue ? status.catalogue.unitName : undefined;

  const pull = (choice: SourceChoice, convertLegacy = false): void => {
    let unit: Unit | undefined;
    // A workbook that already tracks keeps its scope (the adapter reads it); the choice is locked.
    if (onlyUnit && trackedUnit === undefined) {
      unit = units?.find((u) => u.id === unitId);
      if (!unit) {
        show("catalogue", (tt) => ({
          intent: "error",
          title: tt.errNoUnit,
          lines: [],
          hint: tt.errNoUnitHint,
        }));
        return;
      }
    }
    // A new pull replaces the previous result (a failure must not sit above the old counts).
    setPullResult(null);
    void run(
      "catalogue",
      t.busyPull,
      async (h, progress) =>
        applyPull(h, await obtainCatalogue(choice, convertLegacy, unit), false, progress),
      {
        onError: (e) =>
          !convertLegacy && (choice === SOURCE_URL || choice === SOURCE_SHEET) && isLegacyEncodingError(e)
            ? (tt) => ({
                ...errorFeedback(e, tt),
                action: { label: tt.convertLegacy, run: () => pull(choice, true) },
              })
            : null,
      },
    );
  };

  const confirmSwitch = () => {
    const p = pendingPull.current;
    setConfirm(null);
    if (p) void run("catalogue", t.busyPull, (h, progress) => applyPull(h, p, true, progress));
  };

  const cancelSwitch = () => {
    pendingPull.current = null;
    setConfirm(null);
    show("catalogue", (tt) => ({ intent: "info", title: tt.confirmCancelled, lines: [] }));
  };

  const readSheet = () =>
    void run("catalogue", t.busyReadSheet, async (h) => {
      const table = await h.run((ctx) => services.readSheetForImport(ctx));
      const found = await services.detectHeader(table.rows);
      const detected = found.headerRow >= 0;
      setImportState({
        table,
        headerRow: detected ? found.headerRow : 0,
        map: detected ? found.map : {},
        detected,
      });
      setPullResult(null);
      show("catalogue", (tt) => ({
        intent: "info",
        title: tt.readSheetDone(table.address, table.rows.length),
        lines: [],
      }));
    });

  const changeHeaderRow = (row: number) => {
    const current = importState;
    if (!current) return;
    services
      .detectHeader(current.table.rows, row)
      .then((found) =>
        setImportState((s) =>
          s && s.table === current.table ? { ...s, headerRow: row, map: found.map, detected: true } : s,
        ),
      )
      .catch((e) => show("catalogue", (tt) => errorFeedback(e, tt)));
  };

  const changeMap = (field: CatalogueField, column: number | undefined) =>
    setImportState((s) => {
      if (!s) return s;
      const map = { ...s.map };
      if (column === undefined) delete map[field];
      else map[field] = column;
      return { ...s, map };
    });

  // ───────────── 2. Ngày báo cáo ─────────────
  const dateValue = dateDraft ?? status?.reportDate ?? "";
  const setFixedDate = () => {
    const date = dateValue;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      show("reportDate", (tt) => ({
        intent: "error",
        title: tt.errActionTitle,
        lines: [],
        hint: tt.dateRequired,
      }));
      return;
    }
    void run("reportDate", t.busyReportDate, async (h) => {
      await h.run((ctx) => services.setReportDate(ctx, date));
      setDateDraft(null);
      await refreshStatus(h);
      show("reportDate", (tt) => ({
        intent: "success",
        title: tt.dateSetDone(formatIsoDate(date)),
        lines: [],
      }));
    });
  };
  const setToday = () =>
    void run("reportDate", t.busyReportDate, async (h) => {
      await h.run((ctx) => services.setReportDate(ctx, "today"));
      setDateDraft(null);
      await refreshStatus(h);
      show("reportDate", (tt) => ({ intent: "success", title: tt.dateTodayDone, lines: [] }));
    });

  // ───────────── 3. Quá hạn ─────────────
  const flag = () =>
    void run("overdue", t.busyOverdue, async (h) => {
      const outcome = await h.run((ctx) => services.flagOverdue(ctx));
      setOverdue(outcome);
      show("overdue", (tt) => ({
        intent: outcome.counts.overdueQ4 > 0 ? "warning" : "success",
        title: tt.overdueDone(outcome.counts.overdueQ4, formatIsoDate(outcome.reportDate)),
        lines: [],
      }));
    });
  const goTo = (row: number) =>
    void run("overdue", t.busyGeneric, (h) => h.run((ctx) => services.selectAssignmentRow(ctx, row)), {
      keepFeedback: true,
    });
  const clearFilter = () =>
    void run("overdue", t.busyGeneric, async (h) => {
      await h.run((ctx) => services.clearOverdueFilter(ctx));
      setOverdue((o) => (o ? { ...o, filterApplied: false } : o));
      show("overdue", (tt) => ({ intent: "success", title: tt.filterCleared, lines: [] }));
    });

  // ───────────── 4–6. Tổng hợp, chấm điểm, báo cáo ─────────────
  const buildSummary = () =>
    void run("summary", t.busySummary, async (h) => {
      const outcome = await h.run((ctx) => services.buildSummary(ctx, { pivot }));
      setSummary(outcome);
      show("summary", (tt) => ({
        intent: "success",
        title: tt.summaryDone(outcome.lines.length),
        lines: [],
      }));
    });
  const applyRule = (rule: ScoreRule) =>
    void run("score", t.busyScore, async (h) => {
      const outcome = await h.run((ctx) => services.applyScoreRule(ctx, rule));
      setSummary(outcome);
      setScoreDraft(null);
      show("score", (tt) => ({ intent: "success", title: tt.ruleApplied, lines: [] }));
    });
  const invalidRule = (messages: string[]) =>
    show("score", (tt) => ({
      intent: "error",
      title: tt.formInvalid,
      lines: messages,
      hint: tt.formInvalidHint,
    }));
  const buildReport = () =>
    void run("report", t.busyReport, async (h) => {
      const outcome = await h.run((ctx) => services.buildReport(ctx));
      setSummary(outcome);
      show("report", (tt) => ({ intent: "success", title: tt.reportDone, lines: [] }));
    });

  // ───────────── 7. Xuất danh mục ─────────────
  const exportCatalogue = () =>
    void run("export", t.busyExport, async (h) => {
      const out = await h.run((ctx) => services.exportCatalogue(ctx));
      setExported(out);
      show("export", (tt) => ({
        intent: "success",
        title: tt.exportDone(out.taskCount, out.fileName),
        lines: [],
      }));
    });

  // ───────────── Rendering ─────────────
  const feedbackFor = (workflow: WorkflowId | "status") => (
    <div aria-live="polite">
      {feedback && feedback.workflow === workflow ? (
        <FeedbackBar id={feedback.id} content={feedback.make(t)} disabled={disabled} />
      ) : null}
    </div>
  );
  const loading = <Spinner size="tiny" label={t.loadingPanel} />;
  const item = (value: WorkflowId, title: string, body: React.ReactNode) => (
    <AccordionItem value={value}>
      <AccordionHeader as="h2" size="large">
        {title}
      </AccordionHeader>
      <AccordionPanel className={styles.panel}>
        <React.Suspense fallback={loading}>{body}</React.Suspense>
      </AccordionPanel>
    </AccordionItem>
  );

  return (
    <FluentProvider theme={webLightTheme}>
      <I18nProvider lang={lang}>
        <div className={styles.app}>
          <Header language={lang} onLanguageChange={changeLanguage} busy={busy} />
          <main className={styles.main}>
            <StatusCard
              connected={host !== null}
              status={status}
              disabled={disabled}
              onRefresh={() =>
                void run("status", t.busyLoading, (h) =>
                  h.run((ctx) => services.readTrackerStatus(ctx)).then(setStatus),
                )
              }
              feedback={feedbackFor("status")}
            />
            <Accordion
              collapsible
              openItems={open}
              onToggle={(_, data) => setOpen(data.openItems as WorkflowId[])}
            >
              {item(
                "catalogue",
                t.wfCatalogue,
                <CataloguePanel
                  disabled={disabled}
                  source={source}
                  onSourceChange={setSource}
                  url={url}
                  onUrlChange={setUrlDraft}
                  onlyUnit={onlyUnit}
                  onOnlyUnitChange={toggleOnlyUnit}
                  trackedUnit={trackedUnit}
                  units={units}
                  unitId={unitId}
                  onUnitChange={setUnitId}
                  onPull={(choice) => pull(choice)}
                  onReadSheet={readSheet}
                  importState={importState}
                  onHeaderRowChange={changeHeaderRow}
                  onMapChange={changeMap}
                  onImport={() => pull(SOURCE_SHEET)}
                  onCancelImport={() => setImportState(null)}
                  result={pullResult}
                  sampleProgress={sampleProgress}
                  onSampleProgressChange={setSampleProgress}
                  feedback={feedbackFor("catalogue")}
                />,
              )}
              {item(
                "reportDate",
                t.wfReportDate,
                <ReportDatePanel
                  disabled={disabled}
                  value={dateValue}
                  isToday={status?.reportDateIsToday ?? false}
                  onChange={setDateDraft}
                  onSetDate={setFixedDate}
                  onToday={setToday}
                  feedback={feedbackFor("reportDate")}
                />,
              )}
              {item(
                "overdue",
                t.wfOverdue,
                <OverduePanel
                  disabled={disabled}
                  outcome={overdue}
                  onFlag={flag}
                  onGoTo={goTo}
                  onClearFilter={clearFilter}
                  feedback={feedbackFor("overdue")}
                />,
              )}
              {item(
                "summary",
                t.wfSummary,
                <SummaryPanel
                  disabled={disabled}
                  pivot={pivot}
                  onPivotChange={setPivot}
                  onBuild={buildSummary}
                  summary={summary}
                  feedback={feedbackFor("summary")}
                />,
              )}
              {item(
                "score",
                t.wfScore,
                <ScorePanel
                  disabled={disabled}
                  rule={summary?.settings.rule ?? status?.rule ?? null}
                  draft={scoreDraft}
                  onDraftChange={setScoreDraft}
                  onApply={applyRule}
                  onInvalid={invalidRule}
                  feedback={feedbackFor("score")}
                />,
              )}
              {item(
                "report",
                t.wfReport,
                <ReportPanel disabled={disabled} onBuild={buildReport} feedback={feedbackFor("report")} />,
              )}
              {item(
                "export",
                t.wfExport,
                <ExportPanel
                  disabled={disabled}
                  exported={exported}
                  onExport={exportCatalogue}
                  feedback={feedbackFor("export")}
                />,
              )}
            </Accordion>
          </main>
          {confirm ? (
            <React.Suspense fallback={null}>
              <ConfirmSwitchDialog
                from={confirm.from}
                to={confirm.to}
                onConfirm={confirmSwitch}
                onCancel={cancelSwitch}
              />
            </React.Suspense>
          ) : null}
        </div>
      </I18nProvider>
    </FluentProvider>
  );
}

export default App;
