/**
 * Catalogue sources that need no Excel (loaded on demand): the bundled catalogues, an https
 * download, header detection and parsing of a unit's own table, and the list of units.
 */
import { loadBundledCatalogue, type BundledCatalogueInfo } from "../../core/catalogue/bundled";
import { tasksFromTable, type ParseOptions, type TableParseResult } from "../../core/catalogue/parse";
import { analyseTableLayout, notAPlan } from "../../core/catalogue/tableLayout";
import { decodeLegacyVietnamese, detectLegacyEncoding } from "../../core/text/legacy";
import type { Catalogue, CatalogueField } from "../../core/catalogue/types";
import { listUnits, type Unit } from "../../core/units/units";
import { fetchCatalogue, type FetchCatalogueOptions } from "../../net/fetchCatalogue";
import { applySuccessorChoices, lineageFindings, type LineageFinding } from "../../core/units/importLineage";
import { unitsAsOfOf } from "../../core/catalogue/planYear";

export type ColumnMap = Partial<Record<CatalogueField, number>>;

export interface HeaderDetection {
  /** 0-based row of the range; -1 when no row looks like a header. */
  headerRow: number;
  map: ColumnMap;
  /** One label per column ("Thời gian — Hoàn thành" under a merged parent), when a header was found. */
  headers?: string[];
  /** What the import decided (Vietnamese): header rows skipped, two-row headers, a column read from its values. */
  decisions?: string[];
  /** What it could not settle (Vietnamese): two rows that could be the header, two deadline columns. */
  ambiguities?: string[];
  /** Why the table does not look like a plan (Vietnamese), if it does not. */
  refusal?: string;
}

/** The table as the core reads it: TCVN3/VNI text decoded (detection only; the parser decodes again). */
function decodedForDetection(rows: unknown[][]): unknown[][] {
  const sample = rows
    .slice(0, 2000)
    .flatMap((r) => (Array.isArray(r) ? r.filter((c) => typeof c === "string") : []))
    .join("\n")
    .slice(0, 200_000);
  const enc = detectLegacyEncoding(sample);
  if (enc === "unicode") return rows;
  return rows.map((r) =>
    Array.isArray(r) ? r.map((c) => (typeof c === "string" ? decodeLegacyVietnamese(c, enc) : c)) : [],
  );
}

/** Header row, mapping, decisions, ambiguities and (for a non-plan) the refusal of a sheet's table. */
export function detectTableHeader(rows: unknown[][], headerRow?: number): HeaderDetection {
  const decoded = decodedForDetection(rows);
  const layout = analyseTableLayout(decoded, { headerRow });
  const refusal = notAPlan(decoded, layout) ?? undefined;
  if (!layout) return { headerRow: -1, map: {}, refusal };
  return {
    headerRow: layout.headerRow,
    map: layout.map,
    headers: layout.headers,
    decisions: layout.decisions.map((d) => d.message),
    ambiguities: layout.ambiguities.map((a) => a.message),
    refusal,
  };
}

export interface CatalogueSources {
  loadBundledCatalogue(id: BundledCatalogueInfo["id"]): Promise<Catalogue>;
  fetchCatalogue(
    url: string,
    options: Pick<FetchCatalogueOptions, "convertLegacy" | "warnings" | "planYear">,
  ): Promise<Catalogue>;
  /** With `headerRow`, maps that row; without, finds the header row (title blocks, two-row headers…). */
  detectHeader(rows: unknown[][], headerRow?: number): Promise<HeaderDetection>;
  tasksFromTable(
    rows: unknown[][],
    planYear: number,
    options: ParseOptions & { map?: ColumnMap; headerRow?: number },
  ): Promise<TableParseResult>;
  listUnits(): Promise<readonly Unit[]>;
  /**
   * An imported catalogue with the chosen successors written in place of old-map names, and the
   * old-map names it still holds (empty on the 2024 map).
   */
  importLineage(
    catalogue: Catalogue,
    choices: Readonly<Record<string, string>>,
  ): Promise<{ catalogue: Catalogue; findings: LineageFinding[] }>;
}

function importLineage(
  catalogue: Catalogue,
  choices: Readonly<Record<string, string>>,
): { catalogue: Catalogue; findings: LineageFinding[] } {
  const { tasks } = applySuccessorChoices(catalogue.tasks, choices);
  const rewritten = tasks === catalogue.tasks ? catalogue : { ...catalogue, tasks };
  return { catalogue: rewritten, findings: lineageFindings(rewritten.tasks, unitsAsOfOf(rewritten)) };
}

export const catalogueSources: CatalogueSources = {
  loadBundledCatalogue,
  fetchCatalogue: (url, options) => fetchCatalogue(url, options),
  detectHeader: async (rows, headerRow) => detectTableHeader(rows, headerRow),
  tasksFromTable: async (rows, planYear, options) => tasksFromTable(rows, planYear, options),
  listUnits: async () => listUnits(),
  importLineage: async (catalogue, choices) => importLineage(catalogue, choices),
};
