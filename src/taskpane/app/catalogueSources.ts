/**
 * Catalogue sources that need no Excel (loaded on demand): the bundled catalogues, an https
 * download, header detection and parsing of a unit's own table, and the list of units.
 */
import { loadBundledCatalogue, type BundledCatalogueInfo } from "../../core/catalogue/bundled";
import { tasksFromTable, type ParseOptions, type TableParseResult } from "../../core/catalogue/parse";
import { looksLikeHeaderRow, mapHeaders } from "../../core/catalogue/headers";
import type { Catalogue, CatalogueField } from "../../core/catalogue/types";
import { listUnits, type Unit } from "../../core/units/units";
import { fetchCatalogue, type FetchCatalogueOptions } from "../../net/fetchCatalogue";

export type ColumnMap = Partial<Record<CatalogueField, number>>;

export interface HeaderDetection {
  /** 0-based row of the range; -1 when no row looks like a header. */
  headerRow: number;
  map: ColumnMap;
}

export interface CatalogueSources {
  loadBundledCatalogue(id: BundledCatalogueInfo["id"]): Promise<Catalogue>;
  fetchCatalogue(
    url: string,
    options: Pick<FetchCatalogueOptions, "convertLegacy" | "warnings">,
  ): Promise<Catalogue>;
  /** With `headerRow`, maps that row; without, finds the header row in the first 30 rows. */
  detectHeader(rows: unknown[][], headerRow?: number): Promise<HeaderDetection>;
  tasksFromTable(
    rows: unknown[][],
    planYear: number,
    options: ParseOptions & { map?: ColumnMap; headerRow?: number },
  ): Promise<TableParseResult>;
  listUnits(): Promise<readonly Unit[]>;
}

export const catalogueSources: CatalogueSources = {
  loadBundledCatalogue,
  fetchCatalogue: (url, options) => fetchCatalogue(url, options),
  detectHeader: async (rows, headerRow) => {
    const row = headerRow ?? rows.slice(0, 30).findIndex((r) => Array.isArray(r) && looksLikeHeaderRow(r));
    return { headerRow: row, map: row >= 0 && Array.isArray(rows[row]) ? mapHeaders(rows[row]) : {} };
  },
  tasksFromTable: async (rows, planYear, options) => tasksFromTable(rows, planYear, options),
  listUnits: async () => listUnits(),
};
