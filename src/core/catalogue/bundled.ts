/**
 * Catalogues shipped with the add-in (data files in ./bundled, loaded on demand so the first
 * screen and the functions bundle stay small).
 */
import { parseCatalogue } from "./parse";
import type { Catalogue } from "./types";
import type { BundledCatalogueInfo } from "./bundledList";

export { BUNDLED_CATALOGUES, isBundledCatalogueId, type BundledCatalogueInfo } from "./bundledList";

/** The bundled catalogue, validated by the same parser as any downloaded one. */
export async function loadBundledCatalogue(id: BundledCatalogueInfo["id"]): Promise<Catalogue> {
  const data =
    id === "demo-2024"
      ? await import(/* webpackChunkName: "catalogue-demo-2024" */ "./bundled/demo-2024.json")
      : await import(/* webpackChunkName: "catalogue-cv-5893-2024" */ "./bundled/cv-5893-2024.json");
  return parseCatalogue(JSON.stringify((data as { default?: unknown }).default ?? data));
}
