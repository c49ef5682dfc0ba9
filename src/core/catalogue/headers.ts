/**
 * Recognises the column headers agencies actually use (any case, NFD, either tone style, extra
 * spaces and line breaks): STT · Nhiệm vụ / Nội dung công việc · Cơ quan / Đơn vị chủ trì ·
 * phối hợp · Sản phẩm · Thời gian / Thời hạn hoàn thành · Tiến độ / Tình trạng / Kết quả thực
 * hiện · Ngày hoàn thành · Minh chứng · Ghi chú …
 */
import { foldVietnamese } from "../text/fold";
import { decodeLegacyVietnamese } from "../text/legacy";
import type { CatalogueField } from "./types";
import { textOf } from "../cells/safeCell";

/** Checked in order: the first rule that matches a header decides its field. */
const RULES: Array<[CatalogueField, RegExp]> = [
  ["id", /^(stt|tt|so tt|so thu tu|thu tu|ma|ma nv|ma so|ma nhiem vu|id|task id|ky hieu|no)$/],
  [
    "completedOn",
    /^(ngay|thoi diem) (thuc te )?(hoan thanh|xong)\b|\bhoan thanh thuc te\b|^(completed on|completion date|done on|date completed)$/,
  ],
  ["evidence", /\b(minh chung|kiem chung|evidence)\b/],
  ["note", /^(ghi chu|note|notes|y kien)\b/],
  ["coordinating", /\bphoi hop\b|^coordinating/],
  [
    "status",
    /^(tien do|tinh trang|tinh hinh|trang thai|ket qua thuc hien|ket qua trien khai|muc do hoan thanh|danh gia|status|progress)\b|^(hoan thanh|da hoan thanh|xong|done)$/,
  ],
  ["deadline", /\b(thoi gian|thoi han|han|deadline|due)\b/],
  ["lead", /\bchu tri\b|^(co quan|don vi)( thuc hien| phu trach| dau moi)?$|^(phu trach|dau moi|lead|unit)$/],
  ["output", /\b(san pham|ket qua|dau ra|hinh thuc|output)\b/],
  ["area", /^(linh vuc|nhom nhiem vu|nhom|area)$/],
  ["title", /\b(nhiem vu|noi dung|cong viec|ten|title|task)\b/],
];

/** Headers are short: longer cells and columns far to the right are not read as headers. */
const MAX_HEADER_CHARS = 200;
const MAX_HEADER_COLUMNS = 200;

export function fieldOfHeader(header: unknown): CatalogueField | null {
  const text = textOf(header);
  if (text.length > MAX_HEADER_CHARS) return null;
  const k = foldVietnamese(decodeLegacyVietnamese(text));
  if (k === "") return null;
  for (const [field, re] of RULES) if (re.test(k)) return field;
  return null;
}

/** Column index of each field found; each field and each column is used at most once (first wins). */
export function mapHeaders(headers: unknown[]): Partial<Record<CatalogueField, number>> {
  const map: Partial<Record<CatalogueField, number>> = {};
  if (!Array.isArray(headers)) return map;
  headers.slice(0, MAX_HEADER_COLUMNS).forEach((h, i) => {
    const field = fieldOfHeader(h);
    if (field && map[field] === undefined) map[field] = i;
  });
  return map;
}

/** A header row names at least a task column and one of lead/deadline. */
export function looksLikeHeaderRow(headers: unknown[]): boolean {
  const m = mapHeaders(headers);
  return m.title !== undefined && (m.lead !== undefined || m.deadline !== undefined);
}
