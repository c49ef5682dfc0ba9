/** Nạp danh mục: the state the catalogue workflow owns (a plain reducer, tested without rendering). */
import type { CatalogueField, ImportState, PullResult, SourceChoice, Unit } from "../../app/types";
import { SOURCE_SHEET, SOURCE_URL } from "../../app/types";

export interface CatalogueState {
  /** The radio the user chose (null: the one of the last pull, else the first bundled catalogue). */
  source: SourceChoice | null;
  /** The address being typed (null: the saved one). */
  urlDraft: string | null;
  onlyUnit: boolean;
  /** null until loaded (on first use of "only one unit"). */
  units: readonly Unit[] | null;
  unitId: string | null;
  importState: ImportState | null;
  result: PullResult | null;
  /** A pull waiting for "Nạp danh mục mới" (the workbook tracks another catalogue). */
  confirm: { from: string; to: string } | null;
  /**
   * demo-2024 on a first build: also load its sample progress (tiến độ minh họa), on by default so
   * a newcomer sees overdue, late, done and scores at once. Only the demo catalogue ever gets it;
   * a re-pull never sends it (and never writes user columns).
   */
  sampleProgress: boolean;
}

export type CatalogueAction =
  | { type: "source"; source: SourceChoice }
  | { type: "url"; url: string }
  | { type: "onlyUnit"; only: boolean }
  | { type: "sampleProgress"; on: boolean }
  | { type: "units"; units: readonly Unit[] }
  | { type: "unit"; unitId: string | null }
  | { type: "sheetRead"; importState: ImportState }
  | {
      type: "headerRow";
      table: ImportState["table"];
      headerRow: number;
      map: ImportState["map"];
      /** What the import decided and could not settle for this header row (shown in the mapping). */
      detection?: Pick<ImportState, "headers" | "decisions" | "ambiguities" | "refusal">;
    }
  | { type: "map"; field: CatalogueField; column: number | undefined }
  /** "Nạp bảng này" found names of the old map: shown in the mapping, the pull waits. */
  | { type: "lineageFound"; table: ImportState["table"]; findings: NonNullable<ImportState["lineage"]> }
  /** The successor chosen for a written name (null: keep the name as written). */
  | { type: "successorChosen"; written: string; choice: string | null }
  | { type: "cancelImport" }
  | { type: "pullStarted" }
  | { type: "needsConfirmation"; from: string; to: string }
  | { type: "confirmClosed" }
  | { type: "pulled"; result: PullResult; fromSheet: boolean; savedUrl: boolean };

export const initialCatalogueState: CatalogueState = {
  source: null,
  urlDraft: null,
  onlyUnit: false,
  units: null,
  unitId: null,
  importState: null,
  result: null,
  confirm: null,
  sampleProgress: true,
};

export function catalogueReducer(state: CatalogueState, action: CatalogueAction): CatalogueState {
  switch (action.type) {
    case "source":
      return { ...state, source: action.source };
    case "url":
      return { ...state, urlDraft: action.url };
    case "onlyUnit":
      return { ...state, onlyUnit: action.only };
    case "sampleProgress":
      return { ...state, sampleProgress: action.on };
    case "units":
      return { ...state, units: action.units };
    case "unit":
      return { ...state, unitId: action.unitId };
    case "sheetRead":
      return { ...state, importState: action.importState, result: null };
    case "headerRow": {
      const s = state.importState;
      // A late answer about a table read before the current one is dropped.
      if (!s || s.table !== action.table) return state;
      return {
        ...state,
        importState: {
          ...s,
          headerRow: action.headerRow,
          map: action.map,
          detected: true,
          ...action.detection,
          // Another header row reads other names: the lineage is found again at the next click.
          lineage: undefined,
          successorChoices: undefined,
        },
      };
    }
    case "map": {
      const s = state.importState;
      if (!s) return state;
      const map = { ...s.map };
      if (action.column === undefined) delete map[action.field];
      else map[action.field] = action.column;
      return { ...state, importState: { ...s, map, lineage: undefined, successorChoices: undefined } };
    }
    case "lineageFound": {
      const s = state.importState;
      if (!s || s.table !== action.table) return state;
      // Choices already made for names still listed are kept; nothing is chosen for the user.
      const kept = Object.fromEntries(
        Object.entries(s.successorChoices ?? {}).filter(([w]) =>
          action.findings.some((f) => f.written === w),
        ),
      );
      return { ...state, importState: { ...s, lineage: action.findings, successorChoices: kept } };
    }
    case "successorChosen": {
      const s = state.importState;
      if (!s?.lineage) return state;
      const finding = s.lineage.find((f) => f.written === action.written);
      const offered = finding ? [...finding.successors, ...(finding.all ? [finding.all] : [])] : [];
      const choices = { ...(s.successorChoices ?? {}) };
      // Only a successor the finding offers can be chosen (never a free guess).
      if (action.choice === null || !offered.includes(action.choice)) delete choices[action.written];
      else choices[action.written] = action.choice;
      return { ...state, importState: { ...s, successorChoices: choices } };
    }
    case "cancelImport":
      return { ...state, importState: null };
    case "pullStarted":
      // A new pull replaces the previous result (a failure must not sit above the old counts).
      return { ...state, result: null };
    case "needsConfirmation":
      return { ...state, confirm: { from: action.from, to: action.to } };
    case "confirmClosed":
      return { ...state, confirm: null };
    case "pulled":
      return {
        ...state,
        result: action.result,
        importState: action.fromSheet ? null : state.importState,
        urlDraft: action.savedUrl ? null : state.urlDraft,
      };
  }
}

/** The radio to select for the settings' lastSource (a bundled id, an https address or a sheet range). */
export function sourceFromLast(lastSource: string | undefined): SourceChoice | null {
  if (!lastSource) return null;
  if (/^https:\/\//i.test(lastSource)) return SOURCE_URL;
  if (lastSource.includes("!")) return SOURCE_SHEET;
  return lastSource;
}
