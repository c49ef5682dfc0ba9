/** The catalogues shipped with the add-in (just the list: no parser, so the first screen stays small). */
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
