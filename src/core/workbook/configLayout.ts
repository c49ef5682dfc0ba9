/**
 * The Cấu hình sheet's layout — one definition that the writer (./sheets.ts configSheetOps) and
 * the reader (./config.ts readConfig, the adapters' read address) both use, so a row added for
 * one can never shift the other.
 */

/** Rows (1-based) of the Cấu hình sheet. Column A = label, B = value, C = explanation. */
export const CONFIG_ROWS = {
  reportDate: 3,
  dueSoonDays: 4,
  includeCoordinating: 5,
  countedRole: 6,
  /** Whether claims not yet reviewed count as done in the reviewed figures (default TRUE). */
  countUnreviewed: 7,
  ruleTitle: 8,
  scoreMode: 9,
  maxPoints: 10,
  threshold: 11,
  latePenalty: 12,
  /** The rule in the words of a provincial decision ("trên 90%: 2 điểm; …"). */
  ruleWords: 13,
  reportTitle: 14,
  /** The report document (Báo cáo): issuing body, number, recipient, signer, reporting unit. */
  issuer: 15,
  docNumber: 16,
  recipient: 17,
  signerTitle: 18,
  signerName: 19,
  reportUnit: 20,
  catalogueTitle: 21,
  catalogueFirst: 22,
  tiersTitle: 33,
  tiersHeader: 34,
} as const;

/** The catalogue block's rows, in order from CONFIG_ROWS.catalogueFirst. */
export const CATALOGUE_INFO_KEYS = [
  "id",
  "title",
  "document",
  "official",
  "version",
  "note",
  "planYear",
  "loadedFrom",
  "loadedAt",
  "unit",
] as const;
export type CatalogueInfoKey = (typeof CATALOGUE_INFO_KEYS)[number];

export const CATALOGUE_INFO_LABELS: Record<CatalogueInfoKey, string> = {
  id: "Mã danh mục",
  title: "Tên danh mục",
  document: "Văn bản nguồn",
  official: "Chính thức",
  version: "Phiên bản",
  note: "Ghi chú nguồn",
  planYear: "Năm kế hoạch",
  loadedFrom: "Nạp từ",
  loadedAt: "Nạp lúc",
  unit: "Đơn vị của sổ",
};

/** Row (1-based) of one catalogue-block entry. */
export function catalogueInfoRow(key: CatalogueInfoKey): number {
  return CONFIG_ROWS.catalogueFirst + CATALOGUE_INFO_KEYS.indexOf(key);
}

/** Labels (column A) of the settings rows; the reader names them in its messages. */
export const CONFIG_LABELS = {
  reportDate: "Ngày báo cáo",
  dueSoonDays: "Số ngày “sắp đến hạn”",
  includeCoordinating: "Tính cả đơn vị phối hợp",
  countedRole: "Vai trò được tính (tự tính)",
  countUnreviewed: "Tính nhiệm vụ chưa thẩm định",
  scoreMode: "Cách tính",
  maxPoints: "Điểm tối đa",
  threshold: "Ngưỡng",
  latePenalty: "Điểm trừ mỗi nhiệm vụ trễ hạn",
  ruleWords: "Quy tắc (bằng lời)",
  issuer: "Cơ quan ban hành báo cáo",
  docNumber: "Số văn bản",
  recipient: "Kính gửi",
  signerTitle: "Chức vụ người ký",
  signerName: "Họ tên người ký",
  reportUnit: "Đơn vị của báo cáo",
} as const;

/** The block the adapters read back (values of columns A:B): every settings row and the catalogue block. */
export const CONFIG_FIRST_ROW = CONFIG_ROWS.reportDate;
export const CONFIG_LAST_ROW = CONFIG_ROWS.catalogueFirst + CATALOGUE_INFO_KEYS.length - 1;
export const CONFIG_READ_ADDRESS = `A${CONFIG_FIRST_ROW}:B${CONFIG_LAST_ROW}`;

/** Header of the BacDiem tier table; the third column says whether the lower bound is strict. */
export const TIER_HEADERS = ["Tỷ lệ tối thiểu", "Điểm", "Cận dưới"] as const;
/** Values of the "Cận dưới" column: ">" = above the bound ("trên"), "≥" = at least ("từ"). */
export const TIER_BOUND = { strict: ">", inclusive: "≥" } as const;
