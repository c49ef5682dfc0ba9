import {
  CATALOGUE_SCHEMA_ID,
  CatalogueError,
  type Catalogue,
  type CatalogueMeta,
  type CatalogueTask,
} from "./types";

/**
 * A catalogue as `cchc-catalogue/1` JSON (fields in schema order, imported progress left out).
 * Throws CatalogueError when a task has no area (a table imported without area headings):
 * the format requires one, and a file others cannot read must not be written.
 */
export function serializeCatalogue(catalogue: CatalogueMeta & { tasks: readonly CatalogueTask[] }): string {
  const missing = catalogue.tasks.filter((t) => t.area === "");
  if (missing.length > 0) {
    throw new CatalogueError([
      `${missing.length} nhiệm vụ chưa có lĩnh vực (I–VII): ${missing
        .slice(0, 10)
        .map((t) => t.id)
        .join(", ")}${missing.length > 10 ? "…" : ""}. Hãy điền cột “Lĩnh vực” rồi xuất lại.`,
    ]);
  }
  const out: Record<string, unknown> = {
    schema: CATALOGUE_SCHEMA_ID,
    id: catalogue.id,
    title: catalogue.title,
    planYear: catalogue.planYear,
  };
  if (catalogue.unitsAsOf !== undefined) out.unitsAsOf = catalogue.unitsAsOf;
  if (catalogue.version !== undefined) out.version = catalogue.version;
  const source: Record<string, unknown> = {
    document: catalogue.source.document,
    official: catalogue.source.official,
  };
  if (catalogue.source.note !== undefined) source.note = catalogue.source.note;
  if (catalogue.source.url !== undefined) source.url = catalogue.source.url;
  out.source = source;
  out.tasks = catalogue.tasks.map((t) => {
    const task: Record<string, unknown> = { id: t.id, area: t.area, title: t.title, lead: t.lead };
    if (t.coordinating) task.coordinating = t.coordinating;
    if (t.output) task.output = t.output;
    task.deadline = String(t.deadline);
    return task;
  });
  return JSON.stringify(out, null, 2) + "\n";
}

export type { Catalogue };
