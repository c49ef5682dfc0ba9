/** Data types the views display (types only: nothing here loads the actions or the core). */
import type { PullOutcome, SheetTable } from "../actions";
import type { ColumnMap } from "./catalogueSources";
import type { LineageFinding } from "../../core/units/importLineage";

export type {
  TrackerStatus,
  PullOutcome,
  OverdueOutcome,
  OverdueItem,
  SummaryOutcome,
  ExportedCatalogue,
  SheetTable,
  DocumentSettings,
  ReviewClaim,
  ReviewListOutcome,
  ReviewWriteOutcome,
  VerdictPick,
  ConflictChoices,
  ConflictPick,
  ConsolidationPreview,
  ConsolidationOutcome,
} from "../actions";
export type { ConsolidationReport, UnitFileInput } from "../../core/consolidate/types";
export type { Unit } from "../../core/units/units";
export type { ScoreRule, ScoreTier } from "../../core/scoring/score";
export type { CatalogueField } from "../../core/catalogue/types";
export type { ColumnMap };

/** The bundled demonstration catalogue (not official): shown with a "dữ liệu minh họa" badge. */
export const DEMO_CATALOGUE_ID = "demo-2024";

/** A finished pull, as the catalogue panel shows it. */
export interface PullResult {
  outcome: Extract<PullOutcome, { kind: "done" }>;
  catalogue: { id: string; title: string; official: boolean; document: string };
  /** Download/parse remarks plus the pull's own warnings. */
  warnings: string[];
}

/** A table read for import, with the header row and column mapping the user may correct. */
export interface ImportState {
  table: SheetTable;
  /** 0-based row of the range. */
  headerRow: number;
  map: ColumnMap;
  /** The header row was recognised (not chosen by default). */
  detected: boolean;
  /** Column labels of a two-row header ("Đơn vị thực hiện — Chủ trì"); else the header row's cells. */
  headers?: string[];
  /** What the import decided from the table (shown for the user to confirm). */
  decisions?: string[];
  /** What it could not settle and the user should check (two header rows, two deadline columns). */
  ambiguities?: string[];
  /** Why the table does not look like a plan, when it does not. */
  refusal?: string;
  /**
   * Names of the old map in a plan of the new map (set when "Nạp bảng này" found them; the pull
   * waits for a second click): the lineage message and the successors to choose from.
   */
  lineage?: LineageFinding[];
  /** The successor chosen for each written name (absent: kept as written). */
  successorChoices?: Record<string, string>;
}

/** Radio value of the catalogue source: a bundled id, "url" or "sheet". */
export type SourceChoice = string;
export const SOURCE_URL = "url";
export const SOURCE_SHEET = "sheet";
