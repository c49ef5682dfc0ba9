export { foldVietnamese } from "./fold";
export { normalizeVietnamese } from "./normalize";
export { detectLegacyEncoding, decodeLegacyVietnamese } from "./legacy";
export type { TextEncoding, LegacyEncoding } from "./legacy";
