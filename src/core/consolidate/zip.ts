/**
 * The bytes of an .xlsx someone sent, checked before anything is inflated — one owner for the
 * headless reader (src/export/readXlsx.ts, zlib) and the pane's reader (xlsxValues.ts, fflate):
 * not a zip, encrypted (CFB), .xls, truncated, ZIP64, a zip bomb (declared sizes capped, and every
 * entry inflated with an output cap at its declared size, so a lying header cannot blow up).
 * Pure: Uint8Array in, Vietnamese reasons out; the inflater is injected.
 */
import { Inflate } from "fflate";

/** Largest file accepted (bytes on disk). */
export const MAX_FILE_BYTES = 50_000_000;
/** Largest total uncompressed size of the zip's entries. */
export const MAX_UNCOMPRESSED_BYTES = 200_000_000;
/** Largest compression ratio of one large entry (a 200 KB sheet of zeros packs to ~1 KB). */
export const MAX_RATIO = 1000;

/**
 * Inflates raw DEFLATE data, never producing more than `cap` bytes: "overflow" when the data
 * holds more, "corrupt" when it is not valid DEFLATE.
 */
export type CappedInflate = (data: Uint8Array, cap: number) => Uint8Array | "overflow" | "corrupt";

const CHUNK = 16_384;

/** The pure-JS capped inflater (fflate, streamed in 16 KB pieces so a bomb stops early). */
export const fflateInflate: CappedInflate = (data, cap) => {
  const parts: Uint8Array[] = [];
  let total = 0;
  let overflow = false;
  const inf = new Inflate((chunk) => {
    total += chunk.length;
    if (total > cap) {
      overflow = true;
      throw new Error("overflow");
    }
    parts.push(chunk);
  });
  try {
    if (data.length === 0) inf.push(new Uint8Array(0), true);
    for (let i = 0; i < data.length; i += CHUNK)
      inf.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
  } catch {
    return overflow ? "overflow" : "corrupt";
  }
  const out = new Uint8Array(total);
  let p = 0;
  for (const c of parts) {
    out.set(c, p);
    p += c.length;
  }
  return out;
};

export interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  /** Offset of the local header. */
  local: number;
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const utf8 = (bytes: Uint8Array): string => {
  let s = "";
  let ascii = true;
  for (const b of bytes) if (b > 0x7f) ascii = false;
  if (ascii) {
    for (const b of bytes) s += String.fromCharCode(b);
    return s;
  }
  return decodeUtf8(bytes);
};

/** UTF-8 → string (TextDecoder exists in every browser and Node ≥ 11). */
export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder("utf-8").decode(bytes);
}

function includesUtf16(bytes: Uint8Array, text: string): boolean {
  const needle: number[] = [];
  for (const ch of text) needle.push(ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

export const BOMB_REASON =
  "Tệp nén bất thường (“bom zip”: giải nén ra nhiều hơn kích thước khai báo). Không đọc tệp này.";

/**
 * The zip's directory, checked (every reason but a lying declared size): the entries, or a
 * Vietnamese reason to refuse the file.
 */
export function scanZip(bytes: Uint8Array): { entries: ZipEntry[] } | { problem: string } {
  const no = (problem: string) => ({ problem });
  if (bytes.length > MAX_FILE_BYTES)
    return no(`Tệp quá lớn (${Math.round(bytes.length / 1e6)} MB; tối đa ${MAX_FILE_BYTES / 1e6} MB).`);
  if (CFB_MAGIC.every((b, i) => bytes[i] === b)) {
    return no(
      includesUtf16(bytes, "EncryptionInfo")
        ? "Tệp được đặt mật khẩu (mã hóa): hãy gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi gửi lại."
        : "Tệp theo định dạng Excel 97–2003 (.xls), không phải .xlsx: hãy mở bằng Excel, Lưu thành .xlsx rồi gửi lại.",
    );
  }
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    return no("Không phải tệp Excel .xlsx (nội dung không phải tệp nén zip của Office Open XML).");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0)
    return no("Tệp .xlsx bị hỏng hoặc bị cắt cụt (không tìm thấy mục lục của tệp nén): hãy gửi lại tệp gốc.");
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff)
    return no("Tệp nén quá lớn (định dạng ZIP64), không phải một sổ theo dõi bình thường.");
  if (cdOffset + cdSize > eocd)
    return no("Tệp .xlsx bị hỏng hoặc bị cắt cụt (mục lục tệp nén sai vị trí): hãy gửi lại tệp gốc.");
  let p = cdOffset;
  let total = 0;
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50)
      return no("Tệp .xlsx bị hỏng (mục lục tệp nén không đọc được): hãy gửi lại tệp gốc.");
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressed = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = utf8(bytes.subarray(p + 46, p + 46 + nameLen));
    if (flags & 1) return no("Tệp được đặt mật khẩu (mã hóa): hãy gỡ mật khẩu rồi gửi lại.");
    if (size === 0xffffffff || compressed === 0xffffffff)
      return no("Tệp nén quá lớn (định dạng ZIP64), không phải một sổ theo dõi bình thường.");
    if (local + compressed > cdOffset)
      return no("Tệp .xlsx bị hỏng hoặc bị cắt cụt (dữ liệu nén vượt quá tệp): hãy gửi lại tệp gốc.");
    total += size;
    if (total > MAX_UNCOMPRESSED_BYTES || (size > 10_000_000 && size > MAX_RATIO * Math.max(1, compressed))) {
      return no(
        `Tệp nén bất thường (“bom zip”): giải nén ra hơn ${Math.round(Math.max(total, size) / 1e6)} MB. Không đọc tệp này.`,
      );
    }
    entries.push({ name, method, compressed, size, local });
    p += 46 + nameLen + extraLen + commentLen;
  }
  const names = new Set(entries.map((e) => e.name));
  if (!names.has("[Content_Types].xml") || !names.has("xl/workbook.xml"))
    return no("Tệp nén không phải sổ Excel .xlsx (thiếu xl/workbook.xml): có thể là tệp Word/ZIP đổi đuôi.");
  return { entries };
}

/** One entry's bytes, inflated with a cap at its declared size; a Vietnamese reason otherwise. */
export function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  inflate: CappedInflate = fflateInflate,
): Uint8Array | { problem: string } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { local, method, compressed, size } = entry;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50)
    return { problem: "Tệp .xlsx bị hỏng (phần dữ liệu nén không đọc được): hãy gửi lại tệp gốc." };
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  if (start + compressed > bytes.length)
    return {
      problem: "Tệp .xlsx bị hỏng hoặc bị cắt cụt (dữ liệu nén vượt quá tệp): hãy gửi lại tệp gốc.",
    };
  const data = bytes.subarray(start, start + compressed);
  if (method === 0) return compressed === size ? data : { problem: BOMB_REASON };
  if (method !== 8)
    return {
      problem: "Tệp nén dùng kiểu nén không phải của Excel: hãy mở bằng Excel, lưu lại rồi gửi lại.",
    };
  const out = inflate(data, Math.max(1, size));
  if (out === "overflow") return { problem: BOMB_REASON };
  if (out === "corrupt") return { problem: "Tệp .xlsx bị hỏng (dữ liệu nén sai): hãy gửi lại tệp gốc." };
  return out.length === size ? out : { problem: BOMB_REASON };
}

/**
 * Checks the raw bytes of an .xlsx and inflates every entry with its cap (what a reader that
 * inflates everything, such as exceljs, needs first); a Vietnamese reason to refuse it, or null.
 */
export function checkXlsxBytes(bytes: Uint8Array, inflate: CappedInflate = fflateInflate): string | null {
  const scan = scanZip(bytes);
  if ("problem" in scan) return scan.problem;
  for (const e of scan.entries) {
    const out = inflateEntry(bytes, e, inflate);
    if ("problem" in out) return out.problem;
  }
  return null;
}
