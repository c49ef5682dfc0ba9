/**
 * "Bảng của đơn vị": the catalogue built from a table a unit already keeps in its own sheet.
 * Pure helpers (no Excel): column labels for the mapping view, and the catalogue's metadata.
 */
import { foldVietnamese } from "../../core/text/fold";
import { columnLetter } from "../../core/workbook/plan";
import { DEFAULT_PLAN_YEAR } from "../../core/catalogue/planYear";
import { yearNamedByDeadlines } from "../../core/catalogue/tableYear";
import { CATALOGUE_SCHEMA_ID, type Catalogue, type CatalogueTask } from "../../core/catalogue/types";

/** Year of a table imported from a sheet when the pane is not told another (the catalogue owns it). */
export const IMPORT_PLAN_YEAR = DEFAULT_PLAN_YEAR;

/** "A" → 0, "AB" → 27. */
function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** First column (0-based) of an address like "Sheet1!B2:F60" or "'Kế hoạch'!A1:F60"; 0 if unknown. */
export function firstColumnOf(address: string): number {
  const cells = address.slice(address.lastIndexOf("!") + 1);
  const m = /^\$?([A-Za-z]{1,3})\$?\d*/.exec(cells);
  return m ? columnIndex(m[1]) : 0;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  return String(v).normalize("NFC").replace(/\s+/g, " ").trim();
}

/** One label per column of the range: "C — Thời hạn hoàn thành" (the sheet's column letter). */
export function columnLabels(
  rows: unknown[][],
  headerRow: number,
  address: string,
  emptyLabel: string,
  /** Labels of a two-row header ("Đơn vị thực hiện — Chủ trì"), used instead of the header row's cells. */
  headers?: readonly string[],
): string[] {
  const width = rows.reduce((w, r) => Math.max(w, Array.isArray(r) ? r.length : 0), 0);
  const header: readonly unknown[] = headers ?? (Array.isArray(rows[headerRow]) ? rows[headerRow] : []);
  const first = firstColumnOf(address);
  return Array.from({ length: width }, (_, i) => {
    const text = cellText(header[i]);
    const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
    return `${columnLetter(first + i)} — ${shown || emptyLabel}`;
  });
}

/** A catalogue id (letters, digits, ".", "_", "-") derived from the sheet name. */
export function catalogueIdForSheet(sheet: string): string {
  const slug = foldVietnamese(sheet)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 56)
    .replace(/-+$/, "");
  return slug ? `bang-${slug}` : "bang-don-vi";
}

/**
 * The plan year of an imported table, which states none: the year its deadlines name most often
 * ("Quý I/2026", "30/09/2026"); ties or no year: IMPORT_PLAN_YEAR. A 2026 table is then read on
 * the map of units of 2026 (unitsAsOfOf).
 */
export function planYearOfTasks(tasks: readonly CatalogueTask[]): number {
  return yearNamedByDeadlines(tasks) ?? IMPORT_PLAN_YEAR;
}

/** The catalogue of an imported table: not official, its source is the sheet range. */
export function sheetCatalogue(
  table: { sheet: string; address: string },
  tasks: CatalogueTask[],
  planYear: number = planYearOfTasks(tasks),
): Catalogue {
  return {
    schema: CATALOGUE_SCHEMA_ID,
    id: catalogueIdForSheet(table.sheet),
    title: `Bảng của đơn vị — ${table.sheet}`,
    planYear,
    source: { document: `Bảng của đơn vị: ${table.address}`, official: false },
    tasks,
  };
}
