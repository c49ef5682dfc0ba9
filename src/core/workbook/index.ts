/** The tracking workbook: layout, formulas, their core twins, and plans. */
export * from "./layout";
export * from "./plan";
export * from "./formulas";
export * from "./model";
export * from "./evaluate";
export * from "./sheets";
export * from "./merge";
export * from "./tracker";
export * from "./config";
export * from "./cellValues";
export * from "./assignmentRow";
export * from "./review";
export * from "./reviewPlan";
export * from "./reportDoc";
export * from "./pivot";
export {
  CATALOGUE_INFO_KEYS,
  CATALOGUE_INFO_LABELS,
  CONFIG_LABELS,
  TIER_BOUND,
  TIER_HEADERS,
  catalogueInfoRow,
  type CatalogueInfoKey,
} from "./configLayout";
