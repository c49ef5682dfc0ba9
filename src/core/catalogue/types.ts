/** Danh mục nhiệm vụ (task catalogue), format `cchc-catalogue/1` (schema: cchc-catalogue-1.schema.json). */
import { problemText, type ProblemItem } from "../problems/problem";

export const CATALOGUE_SCHEMA_ID = "cchc-catalogue/1";

export type AreaCode = "I" | "II" | "III" | "IV" | "V" | "VI" | "VII";

/** The seven reform areas (lĩnh vực), the same seven as the national PAR Index (QĐ 876/QĐ-BNV). */
export const AREAS: Record<AreaCode, { vi: string; en: string }> = {
  I: { vi: "Công tác chỉ đạo, điều hành CCHC", en: "Direction and management of reform" },
  II: { vi: "Cải cách thể chế", en: "Institutional reform" },
  III: { vi: "Cải cách thủ tục hành chính", en: "Administrative-procedure reform" },
  IV: { vi: "Cải cách tổ chức bộ máy hành chính nhà nước", en: "Organisational reform" },
  V: { vi: "Cải cách chế độ công vụ", en: "Civil-service reform" },
  VI: { vi: "Cải cách tài chính công", en: "Public-finance reform" },
  VII: {
    vi: "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
    en: "E-government and digital government",
  },
};
export const AREA_CODES = Object.keys(AREAS) as AreaCode[];

export interface CatalogueSource {
  /** The document the tasks come from ("Công văn số 5893/UBND-TTHC…", or "Dữ liệu minh họa"). */
  document: string;
  /** true only for tasks taken from an official document. */
  official: boolean;
  note?: string;
  url?: string;
}

export interface CatalogueMeta {
  schema: typeof CATALOGUE_SCHEMA_ID;
  id: string;
  title: string;
  planYear: number;
  /**
   * The date (YYYY-MM-DD) whose map of units the plan names: a 2025 plan issued before July names
   * the old units, its re-issue the new. Absent: 1 January of planYear (see unitsAsOfOf).
   */
  unitsAsOf?: string;
  version?: string;
  source: CatalogueSource;
}

/** Progress found in an imported table (never part of a published catalogue). */
export interface ImportedProgress {
  status?: string | number | boolean;
  completedOn?: string | number;
  evidence?: string;
  note?: string;
}

export interface CatalogueTask {
  id: string;
  /** I–VII; "" only for tasks imported from a table without area headings. */
  area: AreaCode | "";
  title: string;
  /** Cơ quan chủ trì, as written. */
  lead: string;
  /** Cơ quan phối hợp, as written. */
  coordinating?: string;
  /** Sản phẩm. */
  output?: string;
  /** Thời hạn as written in the plan (text), or an Excel serial from an imported sheet. */
  deadline: string | number;
  progress?: ImportedProgress;
}

export interface Catalogue extends CatalogueMeta {
  tasks: CatalogueTask[];
}

export type CatalogueField =
  | "id"
  | "area"
  | "title"
  | "lead"
  | "coordinating"
  | "output"
  | "deadline"
  | "status"
  | "completedOn"
  | "evidence"
  | "note";

export const CATALOGUE_FIELDS: readonly CatalogueField[] = [
  "id",
  "area",
  "title",
  "lead",
  "coordinating",
  "output",
  "deadline",
  "status",
  "completedOn",
  "evidence",
  "note",
];

/** Thrown by parseCatalogue; `problems` lists, in Vietnamese, every place that is wrong. */
export class CatalogueError extends Error {
  readonly problems: string[];
  /** The same problems, with their codes where they have one (the pane says them in its language). */
  readonly items: ProblemItem[];
  /** Set when the text is in a legacy 8-bit encoding (the caller may offer to convert it). */
  legacyEncoding?: "tcvn3" | "vni";
  constructor(items: ProblemItem[]) {
    const problems = items.map(problemText);
    const shown = problems.slice(0, 3).join(" ");
    super(problems.length > 3 ? `${shown} (và ${problems.length - 3} lỗi khác)` : shown);
    this.name = "CatalogueError";
    this.problems = problems;
    this.items = items;
  }
}
