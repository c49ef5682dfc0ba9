/** Settings kept in the document (catalogue URL, last source, language), via workbook settings. */
export interface DocumentSettings {
  catalogueUrl?: string;
  lastSource?: string;
  language?: "vi" | "en";
}

const KEY = "cchc.settings";

export async function loadDocumentSettings(context: Excel.RequestContext): Promise<DocumentSettings> {
  const item = context.workbook.settings.getItemOrNullObject(KEY);
  item.load("value");
  await context.sync();
  if (item.isNullObject || typeof item.value !== "string") return {};
  try {
    const parsed = JSON.parse(item.value) as DocumentSettings;
    const out: DocumentSettings = {};
    if (typeof parsed.catalogueUrl === "string") out.catalogueUrl = parsed.catalogueUrl;
    if (typeof parsed.lastSource === "string") out.lastSource = parsed.lastSource;
    if (parsed.language === "vi" || parsed.language === "en") out.language = parsed.language;
    return out;
  } catch {
    return {};
  }
}

export async function saveDocumentSettings(
  context: Excel.RequestContext,
  settings: DocumentSettings,
): Promise<void> {
  context.workbook.settings.add(KEY, JSON.stringify(settings));
  await context.sync();
}
