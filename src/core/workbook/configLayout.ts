import { fromExcelSerial, MAX_EXCEL_SERIAL } from "../dates/isoDate";

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

/**
 * The "Bản đồ đơn vị" row, right after the catalogue block: written only for a workbook of the map
 * from 01/07/2025 (a 2024 workbook has no such row and reads as the 2024 map), read back by the
 * pane (readConfig), consolidation and the exporter's readers, so a re-pull, the summary and the
 * consolidation of a new-map workbook keep its map even when no catalogue is supplied.
 */
export const UNIT_MAP_ROW = CONFIG_ROWS.catalogueFirst + CATALOGUE_INFO_KEYS.length;
export const UNIT_MAP_LABEL = "Bản đồ đơn vị";
export const UNIT_MAP_NOTE =
  "Tên đơn vị theo bản đồ có hiệu lực ngày này (unitsAsOf hoặc 01/01 năm kế hoạch): 96 xã, phường, đặc khu; không còn cấp huyện.";

/** Column B of the "Bản đồ đơn vị" row for a map date (YYYY-MM-DD): "Từ 01/07/2025 (2026-01-01)". */
export function unitMapCellText(unitsAsOf: string): string {
  return `Từ 01/07/2025 (${unitsAsOf})`;
}

export type UnitMapRead =
  { kind: "absent" } | { kind: "date"; unitsAsOf: string } | { kind: "bad"; problem: string };

/**
 * The "Bản đồ đơn vị" row read back from its label (column A) and value (column B). No row (a
 * 2024 workbook, or one built before the row existed): "absent", the 2024 map. A value whose date
 * cannot be read is a problem, never a silent 2024 map.
 */
export function readUnitMapRow(label: unknown, value: unknown): UnitMapRead {
  if (String(label ?? "").trim() !== UNIT_MAP_LABEL) return { kind: "absent" };
  // A date typed over the cell (Excel turns "2026-01-01" into a date serial).
  if (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= MAX_EXCEL_SERIAL)
    return { kind: "date", unitsAsOf: fromExcelSerial(value) };
  const text = String(value ?? "").trim();
  const iso = /\((\d{4})-(\d{2})-(\d{2})\)/.exec(text) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const vi = iso ? null : /^(?:Từ\s+)?(\d{1,2})\/(\d{1,2})\/(\d{4})$/i.exec(text);
  const [y, m, d] = iso
    ? [iso[1], iso[2], iso[3]]
    : vi
      ? [vi[3], vi[2].padStart(2, "0"), vi[1].padStart(2, "0")]
      : [];
  if (y !== undefined && m !== undefined && d !== undefined) {
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    if (
      date.getUTCFullYear() === Number(y) &&
      date.getUTCMonth() === Number(m) - 1 &&
      date.getUTCDate() === Number(d)
    )
      return { kind: "date", unitsAsOf: `${y}-${m}-${d}` };
  }
  return {
    kind: "bad",
    problem: `Ô “${UNIT_MAP_LABEL}” (trang Cấu hình, B${UNIT_MAP_ROW}) ghi “${text}”, không đọc được ngày của bản đồ đơn vị. Hãy ghi lại “${unitMapCellText("2026-01-01")}” (ngày trong ngoặc dạng YYYY-MM-DD) hoặc nạp lại danh mục.`,
  };
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

/** The block the adapters read back (values of columns A:B): every settings row, the catalogue block and the map row. */
export const CONFIG_FIRST_ROW = CONFIG_ROWS.reportDate;
export const CONFIG_LAST_ROW = UNIT_MAP_ROW;
export const CONFIG_READ_ADDRESS = `A${CONFIG_FIRST_ROW}:B${CONFIG_LAST_ROW}`;

/** Header of the BacDiem tier table; the third column says whether the lower bound is strict. */
export const TIER_HEADERS = ["Tỷ lệ tối thiểu", "Điểm", "Cận dưới"] as const;
/** Values of the "Cận dưới" column: ">" = above the bound ("trên"), "≥" = at least ("từ"). */
export const TIER_BOUND = { strict: ">", inclusive: "≥" } as const;
