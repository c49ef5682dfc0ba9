/** Settings kept in the document (catalogue URL, last source, language), via workbook settings. */
import { readDocumentSetting, writeDocumentSetting } from "../excel/workbookOps";

export interface DocumentSettings {
  catalogueUrl?: string;
  lastSource?: string;
  language?: "vi" | "en";
}

const KEY = "cchc.settings";

export async function loadDocumentSettings(context: Excel.RequestContext): Promise<DocumentSettings> {
  const value = await readDocumentSetting(context, KEY);
  if (value === null) return {};
  try {
    const parsed = JSON.parse(value) as DocumentSettings;
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
  await writeDocumentSetting(context, KEY, JSON.stringify(settings));
}
