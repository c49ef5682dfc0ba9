/**
 * The plan year a table says (a CSV catalogue or a sheet's table carries no `planYear`): a "Năm
 * kế hoạch" column, a title line above the header ("KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026"), or
 * the year its deadlines name most often ("Quý I/2026"). Null when the table says none or says
 * several: the caller asks or refuses, never assumes 2024 (DEFAULT_PLAN_YEAR is for the bundled
 * catalogues and for callers that choose it knowingly).
 */
import { foldVietnamese } from "../text/fold";
import { limitMarks } from "../text/normalize";
import { isPlanYear } from "./planYear";
import { parseCatalogue, parseCsvRows, tasksFromTable, type ParseOptions } from "./parse";
import { CatalogueError, type Catalogue, type CatalogueMeta } from "./types";

export type TableYearSource = "column" | "title" | "deadlines";

export interface TableYear {
  year: number;
  source: TableYearSource;
}

function text(v: unknown): string {
  return v === null || v === undefined ? "" : String(v).normalize("NFC").replace(/\s+/g, " ").trim();
}

/** The year deadlines name most often; null when none, or a tie. */
export function yearNamedByDeadlines(tasks: ReadonlyArray<{ deadline?: unknown }>): number | null {
  const counts = new Map<number, number>();
  for (const t of tasks) {
    if (typeof t.deadline !== "string") continue;
    for (const m of t.deadline.matchAll(/(?<!\d)(20\d\d)(?!\d)/g)) {
      const y = Number(m[1]);
      if (isPlanYear(y)) counts.set(y, (counts.get(y) ?? 0) + 1);
    }
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[0][1] === ranked[1][1])) return null;
  return ranked[0][0];
}

/** "…năm 2026", "Năm kế hoạch: 2026" in the rows above the header; null when none or several years. */
export function yearOfTitleRows(rows: readonly unknown[][], headerRow: number): number | null {
  const years = new Set<number>();
  for (const row of rows.slice(0, Math.max(0, Math.min(headerRow, 20)))) {
    if (!Array.isArray(row)) continue;
    for (const cell of row) {
      const folded = foldVietnamese(text(cell));
      for (const m of folded.matchAll(/\bnam(?: ke hoach)?\s*[:\-–]?\s*(\d{4})(?!\d)/g)) {
        const y = Number(m[1]);
        if (isPlanYear(y)) years.add(y);
      }
    }
  }
  return years.size === 1 ? [...years][0] : null;
}

/** A "Năm kế hoạch" (or "Năm") column: its one year; null when no such column or several years. */
export function yearOfColumn(rows: readonly unknown[][], headerRow: number): number | null {
  const header = Array.isArray(rows[headerRow]) ? rows[headerRow] : [];
  const col = header.findIndex((c) => /^nam( ke hoach)?$/.test(foldVietnamese(text(c))));
  if (col < 0) return null;
  const years = new Set<number>();
  for (const row of rows.slice(headerRow + 1)) {
    const v = Array.isArray(row) ? text(row[col]) : "";
    if (v === "") continue;
    const y = Number(v);
    if (!isPlanYear(y)) return null;
    years.add(y);
  }
  return years.size === 1 ? [...years][0] : null;
}

/** The year a table says, in order: its column, its title line, its deadlines; else null. */
export function planYearOfTable(
  rows: readonly unknown[][],
  headerRow: number,
  tasks: ReadonlyArray<{ deadline?: unknown }>,
): TableYear | null {
  const column = yearOfColumn(rows, headerRow);
  if (column !== null) return { year: column, source: "column" };
  const title = yearOfTitleRows(rows, headerRow);
  if (title !== null) return { year: title, source: "title" };
  const named = yearNamedByDeadlines(tasks);
  return named === null ? null : { year: named, source: "deadlines" };
}

/** What to do when a table states no plan year (Vietnamese). */
export const NO_TABLE_YEAR_PROBLEM =
  "Bảng CSV không cho biết năm kế hoạch (không có cột “Năm kế hoạch”, dòng tiêu đề “… năm 2026”, hay thời hạn ghi năm như “Quý I/2026”), nên không biết dùng bản đồ đơn vị nào. " +
  "Hãy thêm một dòng tiêu đề “Kế hoạch cải cách hành chính năm 2026” phía trên dòng tên cột (hoặc một cột “Năm kế hoạch”), hoặc dùng tệp JSON cchc-catalogue/1 có “planYear”, rồi nạp lại.";

const SOURCE_WORDS: Record<TableYearSource, string> = {
  column: "cột “Năm kế hoạch”",
  title: "dòng tiêu đề của bảng",
  deadlines: "năm mà các thời hạn ghi nhiều nhất",
};

/**
 * A catalogue from JSON or CSV text whose year is not known beforehand (a file pulled by URL): a
 * JSON catalogue states its own `planYear`; a CSV takes `planYear` when the caller was told one,
 * else the year the table says (planYearOfTable, named in a warning), else a CatalogueError
 * (NO_TABLE_YEAR_PROBLEM) — never 2024 by default.
 */
export function parseCatalogueOfStatedYear(
  text: string,
  meta: Omit<Partial<CatalogueMeta>, "planYear">,
  options: ParseOptions & { planYear?: number } = {},
): Catalogue {
  const { planYear, ...parseOptions } = options;
  const body = typeof text === "string" ? limitMarks(text.replace(/^\uFEFF/, "")).trimStart() : "";
  if (body.startsWith("{") || body.startsWith("[") || isPlanYear(planYear))
    return parseCatalogue(text, isPlanYear(planYear) ? { ...meta, planYear } : meta, parseOptions);
  // A first, lenient reading (the year only dates the deadlines) finds the header row and the
  // deadlines' text; every check and warning comes from the final reading, in the table's year.
  const lenient = { ...parseOptions, lenientDeadlines: true, warnings: [] };
  const first = parseCatalogue(text, meta, lenient);
  const rows = parseCsvRows(body);
  const { headerRow } = tasksFromTable(rows, first.planYear, lenient);
  const found = planYearOfTable(rows, headerRow, first.tasks);
  // `noPlanYear` lets the pane ask for the year (as `legacyEncoding` lets it offer a conversion).
  if (!found) throw Object.assign(new CatalogueError([NO_TABLE_YEAR_PROBLEM]), { noPlanYear: true });
  const c = parseCatalogue(text, { ...meta, planYear: found.year }, parseOptions);
  parseOptions.warnings?.push(
    `Năm kế hoạch ${found.year}: theo ${SOURCE_WORDS[found.source]} (tệp CSV không ghi “planYear”).`,
  );
  return c;
}
