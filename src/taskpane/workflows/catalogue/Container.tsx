/**
 * 1. Nạp danh mục — obtains a catalogue (bundled, https, or the sheet the user has open), pulls
 * it into the workbook, asks before switching catalogues, and shows the result.
 */
import type { ProgressEntry } from "../../../core/workbook/model";
import * as React from "react";
import type { BundledCatalogueInfo } from "../../../core/catalogue/bundled";
import type { Catalogue } from "../../../core/catalogue/types";
import type { ExcelHost } from "../../host";
import { CataloguePanel } from "../../views/CataloguePanel";
import { ConfirmSwitchDialog } from "../../views/ConfirmSwitchDialog";
import { isLegacyEncodingError } from "../../app/feedback";
import { IMPORT_PLAN_YEAR, sheetCatalogue } from "../../app/sheetImport";
import {
  SOURCE_SHEET,
  SOURCE_URL,
  type DocumentSettings,
  type SourceChoice,
  type Unit,
} from "../../app/types";
import { useShell } from "../shell/context";
import { catalogueReducer, initialCatalogueState, sourceFromLast } from "./reducer";
import { catalogueMessage, type CatalogueOutcome } from "./messages";

/** A CSV whose table states no plan year (the core marks the error `noPlanYear`). */
function isNoPlanYearError(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { noPlanYear?: unknown }).noPlanYear === true;
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

export default function CatalogueContainer(): React.JSX.Element {
  const shell = useShell();
  const { services, t, status } = shell;
  const [state, dispatch] = React.useReducer(catalogueReducer, initialCatalogueState);
  const pendingPull = React.useRef<PendingPull | null>(null);
  const say = (o: CatalogueOutcome) => shell.show("catalogue", (tt) => catalogueMessage(o, tt));

  const url = state.urlDraft ?? shell.settings.catalogueUrl ?? "";
  const source = state.source ?? sourceFromLast(shell.settings.lastSource);
  const trackedUnit: string | null | undefined =
    status?.exists && status.catalogue ? status.catalogue.unitName : undefined;

  const toggleOnlyUnit = (only: boolean) => {
    dispatch({ type: "onlyUnit", only });
    if (only && !state.units) {
      services
        .listUnits()
        .then((units) => dispatch({ type: "units", units }))
        .catch((error) => say({ kind: "failed", error }));
    }
  };

  const obtainCatalogue = async (
    choice: SourceChoice,
    convertLegacy: boolean,
    unit: Unit | undefined,
    planYear?: number,
  ): Promise<PendingPull | null> => {
    const warnings: string[] = [];
    if (choice === SOURCE_URL) {
      const address = url.trim();
      const catalogue = await services.fetchCatalogue(address, {
        convertLegacy,
        warnings,
        ...(planYear !== undefined ? { planYear } : {}),
      });
      return { catalogue, loadedFrom: address, warnings, unit, saveUrl: address, fromSheet: false };
    }
    if (choice === SOURCE_SHEET) {
      const importState = state.importState;
      if (!importState) throw new Error("No table was read for import.");
      const parsed = await services.tasksFromTable(importState.table.rows, IMPORT_PLAN_YEAR, {
        map: importState.map,
        headerRow: importState.headerRow,
        convertLegacy,
        warnings,
      });
      // A plan of the new map naming old units: the mapping shows each with its lineage and the
      // successors to choose; the first click stops there, the next pulls with the choices made.
      const checked = await services.importLineage(
        sheetCatalogue(importState.table, parsed.tasks),
        importState.successorChoices ?? {},
      );
      if (checked.findings.length > 0 && importState.lineage === undefined) {
        dispatch({ type: "lineageFound", table: importState.table, findings: checked.findings });
        say({ kind: "lineageFound", count: checked.findings.length });
        return null;
      }
      return {
        catalogue: checked.catalogue,
        loadedFrom: importState.table.address,
        warnings,
        unit,
        fromSheet: true,
      };
    }
    const catalogue = await services.loadBundledCatalogue(choice as BundledCatalogueInfo["id"]);
    if (state.sampleProgress && choice === "demo-2024" && trackedUnit === undefined) {
      const { demoProgress } = await import(
        /* webpackChunkName: "demo-progress" */ "../../../core/catalogue/demoProgress"
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
      dispatch({ type: "needsConfirmation", from: outcome.from, to: outcome.to });
      return;
    }
    pendingPull.current = null;
    const c = p.catalogue;
    shell.pulled();
    dispatch({
      type: "pulled",
      result: {
        outcome,
        catalogue: { id: c.id, title: c.title, official: c.source.official, document: c.source.document },
        warnings: [...p.warnings, ...outcome.warnings],
      },
      fromSheet: p.fromSheet,
      savedUrl: Boolean(p.saveUrl),
    });
    say({ kind: "pulled", title: c.title, fresh: outcome.fresh });
    const saved: DocumentSettings = {
      ...shell.currentSettings(),
      lastSource: p.loadedFrom,
      ...(p.saveUrl ? { catalogueUrl: p.saveUrl } : {}),
    };
    await shell.saveSettings(h, saved);
    await shell.refreshStatus(h);
  };

  // A CSV that says no plan year: the year of the workbook already open is offered (a click, not a guess).
  const trackedYear =
    status?.exists && typeof status.catalogue?.planYear === "number" ? status.catalogue.planYear : null;
  const pull = (choice: SourceChoice, convertLegacy = false, planYear?: number): void => {
    let unit: Unit | undefined;
    // A workbook that already tracks keeps its scope (the adapter reads it); the choice is locked.
    if (state.onlyUnit && trackedUnit === undefined) {
      unit = state.units?.find((u) => u.id === state.unitId);
      if (!unit) {
        say({ kind: "noUnit" });
        return;
      }
    }
    dispatch({ type: "pullStarted" });
    void shell.run(
      "catalogue",
      t.busyPull,
      async (h, progress) => {
        const p = await obtainCatalogue(choice, convertLegacy, unit, planYear);
        if (p) await applyPull(h, p, false, progress);
      },
      {
        onError: (error) =>
          !convertLegacy && (choice === SOURCE_URL || choice === SOURCE_SHEET) && isLegacyEncodingError(error)
            ? (tt) =>
                catalogueMessage(
                  { kind: "legacyEncoding", error, convert: () => pull(choice, true, planYear) },
                  tt,
                )
            : choice === SOURCE_URL &&
                planYear === undefined &&
                trackedYear !== null &&
                isNoPlanYearError(error)
              ? (tt) =>
                  catalogueMessage(
                    {
                      kind: "noPlanYear",
                      error,
                      year: trackedYear,
                      retry: () => pull(choice, convertLegacy, trackedYear),
                    },
                    tt,
                  )
              : null,
      },
    );
  };

  const confirmSwitch = () => {
    const p = pendingPull.current;
    dispatch({ type: "confirmClosed" });
    if (p) void shell.run("catalogue", t.busyPull, (h, progress) => applyPull(h, p, true, progress));
  };

  const cancelSwitch = () => {
    pendingPull.current = null;
    dispatch({ type: "confirmClosed" });
    say({ kind: "switchCancelled" });
  };

  const readSheet = () =>
    void shell.run("catalogue", t.busyReadSheet, async (h) => {
      const table = await h.run((ctx) => services.readSheetForImport(ctx));
      const found = await services.detectHeader(table.rows);
      const detected = found.headerRow >= 0;
      dispatch({
        type: "sheetRead",
        importState: {
          table,
          headerRow: detected ? found.headerRow : 0,
          map: detected ? found.map : {},
          detected,
          headers: found.headers,
          decisions: found.decisions,
          ambiguities: found.ambiguities,
          refusal: found.refusal,
        },
      });
      say({ kind: "sheetRead", address: table.address, rows: table.rows.length });
    });

  const changeHeaderRow = (row: number) => {
    const current = state.importState;
    if (!current) return;
    services
      .detectHeader(current.table.rows, row)
      .then((found) =>
        dispatch({
          type: "headerRow",
          table: current.table,
          headerRow: row,
          map: found.map,
          detection: {
            headers: found.headers,
            decisions: found.decisions,
            ambiguities: found.ambiguities,
            refusal: found.refusal,
          },
        }),
      )
      .catch((error) => say({ kind: "failed", error }));
  };

  return (
    <>
      <CataloguePanel
        disabled={shell.disabled}
        source={source}
        onSourceChange={(s) => dispatch({ type: "source", source: s })}
        url={url}
        onUrlChange={(u) => dispatch({ type: "url", url: u })}
        onlyUnit={state.onlyUnit}
        onOnlyUnitChange={toggleOnlyUnit}
        trackedUnit={trackedUnit}
        units={state.units}
        unitId={state.unitId}
        onUnitChange={(unitId) => dispatch({ type: "unit", unitId })}
        onPull={(choice) => pull(choice)}
        onReadSheet={readSheet}
        importState={state.importState}
        onHeaderRowChange={changeHeaderRow}
        onMapChange={(field, column) => dispatch({ type: "map", field, column })}
        onSuccessorChange={(written, choice) => dispatch({ type: "successorChosen", written, choice })}
        onImport={() => pull(SOURCE_SHEET)}
        onCancelImport={() => dispatch({ type: "cancelImport" })}
        result={state.result}
        sampleProgress={state.sampleProgress}
        onSampleProgressChange={(on) => dispatch({ type: "sampleProgress", on })}
        feedback={shell.feedback("catalogue")}
      />
      {state.confirm ? (
        <ConfirmSwitchDialog
          from={state.confirm.from}
          to={state.confirm.to}
          onConfirm={confirmSwitch}
          onCancel={cancelSwitch}
        />
      ) : null}
    </>
  );
}
