/**
 * Everything the App calls, as one injectable object: the Excel actions (each takes the
 * RequestContext that `host.run` provides) and the catalogue sources that need no Excel.
 * `lazyServices` loads the actions and the domain core on first use, so the first screen's
 * bundle holds neither; tests inject fakes.
 */
import type * as ActionsModule from "../actions";
import type { CatalogueSources } from "./catalogueSources";

type A = typeof ActionsModule;

export type ExcelActions = Pick<
  A,
  | "readTrackerStatus"
  | "loadDocumentSettings"
  | "saveDocumentSettings"
  | "pullCatalogue"
  | "setReportDate"
  | "flagOverdue"
  | "clearOverdueFilter"
  | "selectAssignmentRow"
  | "buildSummary"
  | "buildReport"
  | "applyScoreRule"
  | "exportCatalogue"
  | "readSheetForImport"
  | "listReviewClaims"
  | "writeVerdicts"
  | "previewConsolidation"
  | "applyConsolidation"
>;

/** Reading unit workbooks in the browser (Tổng hợp từ đơn vị): its own lazy chunk. */
export interface UnitFileSources {
  readUnitFiles: typeof import("./unitFiles").readUnitFiles;
}

export type Services = ExcelActions & CatalogueSources & UnitFileSources;

const actions = () => import(/* webpackChunkName: "actions" */ "../actions");
const sources = () => import(/* webpackChunkName: "catalogue-sources" */ "./catalogueSources");

export const lazyServices: Services = {
  readTrackerStatus: async (ctx) => (await actions()).readTrackerStatus(ctx),
  loadDocumentSettings: async (ctx) => (await actions()).loadDocumentSettings(ctx),
  saveDocumentSettings: async (ctx, settings) => (await actions()).saveDocumentSettings(ctx, settings),
  pullCatalogue: async (ctx, req) => (await actions()).pullCatalogue(ctx, req),
  setReportDate: async (ctx, date) => (await actions()).setReportDate(ctx, date),
  flagOverdue: async (ctx, options) => (await actions()).flagOverdue(ctx, options),
  clearOverdueFilter: async (ctx) => (await actions()).clearOverdueFilter(ctx),
  selectAssignmentRow: async (ctx, row) => (await actions()).selectAssignmentRow(ctx, row),
  buildSummary: async (ctx, options) => (await actions()).buildSummary(ctx, options),
  buildReport: async (ctx, options) => (await actions()).buildReport(ctx, options),
  applyScoreRule: async (ctx, rule, options) => (await actions()).applyScoreRule(ctx, rule, options),
  exportCatalogue: async (ctx) => (await actions()).exportCatalogue(ctx),
  readSheetForImport: async (ctx) => (await actions()).readSheetForImport(ctx),
  listReviewClaims: async (ctx, options) => (await actions()).listReviewClaims(ctx, options),
  writeVerdicts: async (ctx, picks, options) => (await actions()).writeVerdicts(ctx, picks, options),
  previewConsolidation: async (ctx, files, options) =>
    (await actions()).previewConsolidation(ctx, files, options),
  applyConsolidation: async (ctx, files, choices, options) =>
    (await actions()).applyConsolidation(ctx, files, choices, options),
  readUnitFiles: async (files, onProgress) =>
    (await import(/* webpackChunkName: "unit-file-reader" */ "./unitFiles")).readUnitFiles(files, onProgress),
  loadBundledCatalogue: async (id) => (await sources()).catalogueSources.loadBundledCatalogue(id),
  fetchCatalogue: async (url, options) => (await sources()).catalogueSources.fetchCatalogue(url, options),
  detectHeader: async (rows, headerRow) => (await sources()).catalogueSources.detectHeader(rows, headerRow),
  tasksFromTable: async (rows, planYear, options) =>
    (await sources()).catalogueSources.tasksFromTable(rows, planYear, options),
  listUnits: async () => (await sources()).catalogueSources.listUnits(),
  importLineage: async (catalogue, choices) =>
    (await sources()).catalogueSources.importLineage(catalogue, choices),
};
