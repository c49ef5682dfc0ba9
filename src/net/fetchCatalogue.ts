/**
 * Tải danh mục nhiệm vụ từ một địa chỉ https (download a `cchc-catalogue/1` JSON or a CSV table
 * from an https URL). Used by CCHC.TASKS and by the task pane.
 *
 * Safety rules: https only (no http:, file:, data:, javascript:, relative addresses, user names
 * or passwords in the address); a redirect that ends on a non-https address is refused; the whole
 * download is abandoned after `timeoutMs` (default 10 s); at most `maxBytes` (default 2 MB) are
 * read (Content-Length is checked first, then the streamed bytes are counted); no cookies are sent.
 * Bytes are decoded as UTF-8 (strict) and, failing that, as the declared charset or Windows-1252,
 * so the core can recognise TCVN3/VNI text and say so.
 *
 * Errors: FetchCatalogueError (`problems`: what went wrong and what to do next, in Vietnamese);
 * CatalogueError from the core passes through unchanged when the content itself is wrong.
 */
import { parseCatalogueOfStatedYear } from "../core/catalogue/tableYear";
import type { Catalogue, CatalogueMeta } from "../core/catalogue/types";
import { FetchCatalogueError } from "./fetchCatalogueError";

import { problem, type Problem, type ProblemItem } from "../core/problems/problem";
export { FetchCatalogueError, type FetchProblemKind } from "./fetchCatalogueError";

export const DEFAULT_FETCH_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_CATALOGUE_BYTES = 2_000_000;
const MAX_URL_LENGTH = 2048;

export interface FetchCatalogueOptions {
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
  maxBytes?: number;
  /** Convert TCVN3/VNI text to Unicode instead of refusing it (the core's ParseOptions). */
  convertLegacy?: boolean;
  /** Receives non-fatal remarks (Vietnamese), e.g. that the file was not UTF-8. */
  warnings?: string[];
  /**
   * Năm kế hoạch of a CSV, when the user said it. Absent: the year the table says (a "Năm kế
   * hoạch" column, a title line, its deadlines), else a CatalogueError asking for it — a
   * downloaded CSV is never assumed to be a 2024 plan. A JSON catalogue states its own.
   */
  planYear?: number;
}

function urlError(...problems: ProblemItem[]): FetchCatalogueError {
  return new FetchCatalogueError("url", problems);
}

function shortUrl(text: string): string {
  return text.length > 80 ? text.slice(0, 80) + "…" : text;
}

/**
 * Checks that `input` is an absolute https address without credentials; returns it parsed.
 * Throws FetchCatalogueError (kind "url") otherwise.
 */
export function checkCatalogueUrl(input: unknown): URL {
  if (typeof input !== "string")
    throw urlError(problem("fetch.notText", {}, "Địa chỉ danh mục phải là chữ (một địa chỉ https://…)."));
  const text = input.trim();
  if (text === "")
    throw urlError(problem("fetch.emptyUrl", {}, "Chưa nhập địa chỉ danh mục (cần một địa chỉ https://…)."));
  if (text.length > MAX_URL_LENGTH)
    throw urlError(
      problem("fetch.urlTooLong", { max: MAX_URL_LENGTH }, `Địa chỉ dài quá ${MAX_URL_LENGTH} ký tự.`),
    );
  if (/[\s\u0000-\u001f\u007f]/.test(text)) {
    throw urlError(
      problem("fetch.whitespace", {}, "Địa chỉ có khoảng trắng hoặc ký tự điều khiển."),
      problem("fetch.whitespaceHint", {}, "Hãy dán lại đúng địa chỉ tệp (không có dấu cách)."),
    );
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw urlError(
      problem(
        "fetch.notAbsolute",
        { url: shortUrl(text) },
        `“${shortUrl(text)}” không phải là một địa chỉ đầy đủ.`,
      ),
      problem("fetch.notAbsoluteHint", {}, "Hãy nhập địa chỉ đầy đủ bắt đầu bằng https://"),
    );
  }
  if (url.protocol === "http:") {
    throw urlError(
      problem(
        "fetch.plainHttp",
        {},
        "Chỉ nhận địa chỉ https:// (http:// không được mã hóa, dữ liệu có thể bị sửa trên đường truyền).",
      ),
      problem("fetch.plainHttpHint", {}, "Hãy dùng địa chỉ https:// của tệp."),
    );
  }
  if (url.protocol !== "https:") {
    throw urlError(
      problem(
        "fetch.protocol",
        { protocol: url.protocol },
        `Giao thức “${url.protocol}” không được phép; chỉ nhận địa chỉ https://.`,
      ),
    );
  }
  if (url.username !== "" || url.password !== "") {
    throw urlError(
      problem(
        "fetch.credentials",
        {},
        "Địa chỉ có chứa tên đăng nhập hoặc mật khẩu; không được ghi thông tin đăng nhập vào địa chỉ.",
      ),
      problem("fetch.credentialsHint", {}, "Hãy dùng một liên kết công khai, không cần đăng nhập."),
    );
  }
  if (url.hostname === "") throw urlError(problem("fetch.noHost", {}, "Địa chỉ thiếu tên máy chủ."));
  return url;
}

function httpProblems(status: number, host: string): Problem[] {
  const at = { status, host };
  if (status === 404 || status === 410) {
    return [
      problem(
        "fetch.notFound",
        at,
        `Lỗi HTTP ${status} — không tìm thấy tệp danh mục tại địa chỉ này (${host}).`,
      ),
      problem(
        "fetch.notFoundHint",
        {},
        "Hãy kiểm tra lại đường dẫn và tên tệp, hoặc hỏi nơi công bố danh mục.",
      ),
    ];
  }
  if (status === 401 || status === 403) {
    return [
      problem("fetch.forbidden", at, `Lỗi HTTP ${status} — máy chủ ${host} từ chối cho tải tệp.`),
      problem(
        "fetch.forbiddenHint",
        {},
        "Tệp phải được chia sẻ công khai (tải được mà không cần đăng nhập).",
      ),
    ];
  }
  if (status === 429) {
    return [
      problem("fetch.rateLimited", at, `Lỗi HTTP 429 — máy chủ ${host} đang giới hạn số lần tải.`),
      problem("fetch.tryLater", {}, "Hãy thử lại sau vài phút."),
    ];
  }
  if (status >= 500) {
    return [
      problem("fetch.serverError", at, `Lỗi HTTP ${status} — máy chủ lỗi hoặc đang bảo trì (${host}).`),
      problem("fetch.serverErrorHint", {}, "Hãy thử lại sau; nếu vẫn lỗi, báo cho nơi quản lý máy chủ."),
    ];
  }
  return [
    problem("fetch.httpOther", at, `Lỗi HTTP ${status} khi tải danh mục từ ${host}.`),
    problem("fetch.checkAddress", {}, "Hãy kiểm tra lại địa chỉ."),
  ];
}

function tooLarge(bytes: number | null, maxBytes: number): FetchCatalogueError {
  const mb = (n: number) => (n / 1_000_000).toLocaleString("vi-VN", { maximumFractionDigits: 1 });
  const size = bytes === null ? `hơn ${mb(maxBytes)} MB` : `${mb(bytes)} MB`;
  return new FetchCatalogueError("size", [
    problem(
      "fetch.tooLarge",
      { megabytes: bytes === null ? "" : mb(bytes), max: mb(maxBytes) },
      `Tệp quá lớn (${size}; tối đa ${mb(maxBytes)} MB).`,
    ),
    problem(
      "fetch.tooLargeHint",
      {},
      "Một danh mục kế hoạch năm thường dưới 1 MB: hãy kiểm tra đúng tệp chưa.",
    ),
  ]);
}

function cancelQuietly(response: Response): void {
  try {
    response.body?.cancel().catch(() => undefined);
  } catch {
    // the body may already be locked or consumed
  }
}

async function readBody(
  response: Response,
  maxBytes: number,
  controller: AbortController,
): Promise<Uint8Array> {
  const body = response.body;
  if (body && typeof body.getReader === "function") {
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!value) continue;
      total += value.byteLength;
      if (total > maxBytes) {
        controller.abort();
        reader.cancel().catch(() => undefined);
        throw tooLarge(null, maxBytes);
      }
      chunks.push(value);
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.byteLength;
    }
    return out;
  }
  const buffer = new Uint8Array(await response.arrayBuffer());
  if (buffer.byteLength > maxBytes) throw tooLarge(buffer.byteLength, maxBytes);
  return buffer;
}

const ACCEPT = "application/json, text/csv;q=0.9, text/plain;q=0.8, */*;q=0.1";

/** Fetches and reads the body; every failure becomes a FetchCatalogueError. */
async function download(
  fetchImpl: typeof fetch,
  url: URL,
  controller: AbortController,
  maxBytes: number,
): Promise<{ bytes: Uint8Array; contentType: string }> {
  let response: Response;
  try {
    response = await fetchImpl(url.href, {
      signal: controller.signal,
      redirect: "follow",
      credentials: "omit",
      headers: { Accept: ACCEPT },
    });
  } catch (e) {
    const detail = e instanceof Error && e.message ? ` (${e.message.slice(0, 100)})` : "";
    throw new FetchCatalogueError("network", [
      problem(
        "fetch.unreachable",
        { host: url.hostname, detail },
        `Không kết nối được tới ${url.hostname}${detail}.`,
      ),
      problem(
        "fetch.unreachableHint",
        {},
        "Hãy kiểm tra mạng và địa chỉ; máy chủ cũng phải cho phép Add-in tải tệp (CORS).",
      ),
    ]);
  }
  if (!response || typeof response.status !== "number") {
    throw new FetchCatalogueError("network", [
      problem("fetch.badResponse", { host: url.hostname }, `Máy chủ ${url.hostname} không trả lời hợp lệ.`),
    ]);
  }
  const finalUrl = typeof response.url === "string" ? response.url : "";
  if (finalUrl !== "" && !/^https:\/\//i.test(finalUrl)) {
    cancelQuietly(response);
    throw new FetchCatalogueError("url", [
      problem(
        "fetch.unsafeRedirect",
        { url: shortUrl(finalUrl) },
        `Máy chủ chuyển hướng sang một địa chỉ không an toàn (${shortUrl(finalUrl)}); chỉ nhận https://.`,
      ),
      problem("fetch.unsafeRedirectHint", {}, "Hãy dùng địa chỉ https:// cuối cùng của tệp."),
    ]);
  }
  if (!response.ok) {
    cancelQuietly(response);
    throw new FetchCatalogueError("http", httpProblems(response.status, url.hostname), response.status);
  }
  const contentType = (response.headers.get("content-type") ?? "").toLowerCase();
  if (/\b(text\/html|application\/xhtml)/.test(contentType)) {
    cancelQuietly(response);
    throw htmlError(url);
  }
  const declared = Number(response.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) {
    cancelQuietly(response);
    throw tooLarge(declared, maxBytes);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readBody(response, maxBytes, controller);
  } catch (e) {
    if (e instanceof FetchCatalogueError) throw e;
    throw new FetchCatalogueError("network", [
      problem(
        "fetch.interrupted",
        { host: url.hostname },
        `Đường truyền bị ngắt khi đang tải tệp từ ${url.hostname}.`,
      ),
      problem("fetch.tryAgain", {}, "Hãy thử lại."),
    ]);
  }
  return { bytes, contentType };
}

function htmlError(url: URL): FetchCatalogueError {
  return new FetchCatalogueError("content", [
    problem(
      "fetch.html",
      { host: url.hostname },
      `Địa chỉ trả về một trang web (HTML), không phải tệp danh mục JSON hay CSV — thường là trang đăng nhập, trang xem trước hoặc trang báo lỗi của ${url.hostname}.`,
    ),
    problem("fetch.htmlHint", {}, "Hãy dùng liên kết tải trực tiếp tệp (ví dụ liên kết “raw”/“tải xuống”)."),
  ]);
}

/** Binary formats recognised by their first bytes. */
function binaryKind(bytes: Uint8Array): string | null {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0x50 && b(1) === 0x4b && b(2) === 0x03 && b(3) === 0x04)
    return "tệp nén (ZIP) hoặc tệp Excel .xlsx";
  if (b(0) === 0xd0 && b(1) === 0xcf && b(2) === 0x11 && b(3) === 0xe0)
    return "tệp Excel/Word cũ (.xls/.doc)";
  if (b(0) === 0x25 && b(1) === 0x50 && b(2) === 0x44 && b(3) === 0x46) return "tệp PDF";
  return null;
}

function decode(bytes: Uint8Array, contentType: string, warnings: string[] | undefined): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: a legacy 8-bit file. The declared charset if it is one we know, else Windows-1252
    // (the core then recognises TCVN3/VNI text read that way).
    const declared = /charset\s*=\s*"?([\w.:-]+)/.exec(contentType)?.[1];
    let decoder: TextDecoder | null = null;
    if (declared && !/^utf-?8$/i.test(declared)) {
      try {
        decoder = new TextDecoder(declared);
      } catch {
        decoder = null;
      }
    }
    warnings?.push(
      `Tệp không phải UTF-8; đã đọc theo bảng mã ${decoder ? decoder.encoding : "windows-1252"}. Nên lưu lại tệp dạng UTF-8.`,
    );
    return (decoder ?? new TextDecoder("windows-1252")).decode(bytes);
  }
}

/** Catalogue metadata for a CSV at `url` (a JSON catalogue carries its own; the year is the table's). */
export function catalogueMetaForUrl(url: URL): Partial<CatalogueMeta> {
  const segments = url.pathname.split("/").filter((s) => s !== "");
  let file = segments[segments.length - 1] ?? "";
  try {
    file = decodeURIComponent(file);
  } catch {
    // keep it encoded
  }
  const base = file.replace(/\.[a-z0-9]{1,5}$/i, "");
  const slug = `${url.hostname}-${base || "danh-muc"}`
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return {
    id: slug || "danh-muc-tai-ve",
    title: `Danh mục tải từ ${url.hostname}${file ? ` — ${file}` : ""}`,
    source: { document: url.href, official: false, url: url.href },
  };
}

function positive(n: number | undefined, fallback: number): number {
  return typeof n === "number" && Number.isFinite(n) && n > 0 ? n : fallback;
}

/**
 * Downloads a catalogue from an https address and parses it with the core's parseCatalogue.
 * Throws FetchCatalogueError or CatalogueError (both with Vietnamese `problems`).
 */
export async function fetchCatalogue(url: string, options: FetchCatalogueOptions = {}): Promise<Catalogue> {
  const target = checkCatalogueUrl(url);
  const fetchImpl = options.fetchImpl ?? (typeof fetch === "function" ? fetch : undefined);
  if (!fetchImpl) {
    throw new FetchCatalogueError("network", [
      problem("fetch.noFetch", {}, "Môi trường này không tải được tệp qua mạng (thiếu fetch)."),
    ]);
  }
  const timeoutMs = positive(options.timeoutMs, DEFAULT_FETCH_TIMEOUT_MS);
  const maxBytes = positive(options.maxBytes, DEFAULT_MAX_CATALOGUE_BYTES);
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(
        new FetchCatalogueError("timeout", [
          problem(
            "fetch.timeout",
            { seconds: Math.round(timeoutMs / 100) / 10, host: target.hostname },
            `Quá ${Math.round(timeoutMs / 100) / 10} giây mà máy chủ ${target.hostname} chưa gửi xong tệp.`,
          ),
          problem("fetch.timeoutHint", {}, "Hãy kiểm tra mạng rồi thử lại (tính lại ô hoặc nạp lại)."),
        ]),
      );
    }, timeoutMs);
  });
  let bytes: Uint8Array;
  let contentType: string;
  try {
    ({ bytes, contentType } = await Promise.race([
      download(fetchImpl, target, controller, maxBytes),
      timeout,
    ]));
  } finally {
    clearTimeout(timer);
  }
  const binary = binaryKind(bytes);
  if (binary) {
    throw new FetchCatalogueError("content", [
      problem(
        "fetch.binary",
        { kind: binary },
        `Địa chỉ trả về ${binary}, không phải danh mục JSON hay CSV.`,
      ),
      problem(
        "fetch.binaryHint",
        {},
        "Hãy lưu bảng thành CSV UTF-8 (hoặc JSON cchc-catalogue/1) rồi dùng địa chỉ của tệp đó.",
      ),
    ]);
  }
  const text = decode(bytes, contentType, options.warnings);
  if (/^\s*<(!doctype\s+html|html|head|body|script)\b/i.test(text.replace(/^\uFEFF/, "").slice(0, 500))) {
    throw htmlError(target);
  }
  return parseCatalogueOfStatedYear(text, catalogueMetaForUrl(target), {
    convertLegacy: options.convertLegacy === true,
    warnings: options.warnings,
    ...(options.planYear !== undefined ? { planYear: options.planYear } : {}),
  });
}
