/**
 * Catalogues shipped with the add-in (data files in ./bundled, loaded on demand so the first
 * screen and the functions bundle stay small).
 */
import { parseCatalogue } from "./parse";
import type { Catalogue } from "./types";

export interface BundledCatalogueInfo {
  id: "demo-2024" | "cv-5893-2024";
  official: boolean;
  vi: string;
  en: string;
}

/** In display order: the demonstration plan first (with its "dữ liệu minh họa" label). */
export const BUNDLED_CATALOGUES: readonly BundledCatalogueInfo[] = [
  {
    id: "demo-2024",
    official: false,
    vi: "Kế hoạch minh họa 55 nhiệm vụ (dữ liệu minh họa, không phải văn bản chính thức)",
    en: "Demonstration plan of 55 tasks (sample data, not the official text)",
  },
  {
    id: "cv-5893-2024",
    official: true,
    vi: "Nhiệm vụ theo Công văn 5893/UBND-TTHC (31/10/2024)",
    en: "Tasks of Official Letter 5893/UBND-TTHC (31/10/2024)",
  },
];

export function isBundledCatalogueId(id: unknown): id is BundledCatalogueInfo["id"] {
  return BUNDLED_CATALOGUES.some((c) => c.id === id);
}

/** The bundled catalogue, validated by the same parser as any downloaded one. */
export async function loadBundledCatalogue(id: BundledCatalogueInfo["id"]): Promise<Catalogue> {
  const data =
    id === "demo-2024"
      ? await import(/* webpackChunkName: "catalogue-demo-2024" */ "./bundled/demo-2024.json")
      : await import(/* webpackChunkName: "catalogue-cv-5893-2024" */ "./bundled/cv-5893-2024.json");
  return parseCatalogue(JSON.stringify((data as { default?: unknown }).default ?? data));
}
