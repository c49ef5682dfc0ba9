/**
 * Issue 8.2 — malformed catalogues and addresses. Every case runs the path the task pane runs:
 * fetchCatalogue (an injected fake fetch; a URL the pane would refuse never reaches it) or the
 * import of a unit's own sheet (readSheetForImport → detectHeader → tasksFromTable), and only if
 * that succeeded, the pull into a workbook double that already tracks a catalogue. Each case must
 * end with a Vietnamese message that names the problem (a case-specific keyword) and with zero
 * cells written: the double's write log empty, its snapshot unchanged.
 */
import { toTCVN3, toVNI } from "vietnamese-conversion";
import { CatalogueError } from "../../src/core/catalogue/types";
import { parseCatalogue } from "../../src/core/catalogue/parse";
import { fetchCatalogue, FetchCatalogueError } from "../../src/net/fetchCatalogue";
import { readSheetForImport } from "../../src/taskpane/actions/catalogueIO";
import { catalogueSources } from "../../src/taskpane/app/catalogueSources";
import { IMPORT_PLAN_YEAR, sheetCatalogue } from "../../src/taskpane/app/sheetImport";
import type { WorkbookDouble } from "../double/workbookDouble";
import { catalogueWithRows, installDouble, pull, REPORT_DATE } from "../double/testkit";
import { VIETNAMESE } from "./lib/vietnamese";

const URL_OK = "https://data.example.vn/cchc/ke-hoach-2024.json";
const TIMEOUT_MS = 60;

const task = (over: Record<string, unknown> = {}) => ({
  id: "I.1",
  area: "I",
  title: "Rà soát thủ tục hành chính nội bộ",
  lead: "Sở Nội vụ",
  deadline: "Quý IV/2024",
  ...over,
});

function catalogue(over: Record<string, unknown> = {}, tasks: unknown = [task()]): string {
  return JSON.stringify({
    schema: "cchc-catalogue/1",
    id: "kiem-thu",
    title: "Danh mục kiểm thử",
    planYear: 2024,
    source: { document: "Tệp kiểm thử", official: false },
    tasks,
    ...over,
  });
}

const CSV_TEXT =
  "STT,Nhiệm vụ,Cơ quan chủ trì,Thời hạn\n" +
  "1,Rà soát thủ tục hành chính nội bộ,Sở Nội vụ,Quý IV/2024\n" +
  "2,Số hóa hồ sơ kết quả giải quyết thủ tục hành chính,Sở Thông tin và Truyền thông,Tháng 12/2024\n";
const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0) & 0xff));
const utf8 = (s: string) => new TextEncoder().encode(s);

type FetchImpl = typeof fetch;

interface Served {
  body?: BodyInit | null;
  status?: number;
  headers?: Record<string, string>;
  /** The final URL after redirects. */
  url?: string;
}

function serve(s: Served): FetchImpl {
  return (async () => {
    const res = new Response(s.body ?? null, {
      status: s.status ?? 200,
      headers: s.headers ?? { "content-type": "application/json; charset=utf-8" },
    });
    if (s.url !== undefined) Object.defineProperty(res, "url", { value: s.url });
    return res;
  }) as unknown as FetchImpl;
}

/** A fetch that honours the abort signal and otherwise never answers. */
const hanging: FetchImpl = ((_url: string, init?: RequestInit) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
  })) as unknown as FetchImpl;

/** Headers arrive at once, the body never finishes. */
const stallingBody: FetchImpl = (async () =>
  new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(utf8('{"schema":"cchc-catalogue/1",'));
      },
    }),
    { headers: { "content-type": "application/json" } },
  )) as unknown as FetchImpl;

/** A body that fails half-way (connection reset). */
const brokenBody: FetchImpl = (async () =>
  new Response(
    new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(utf8("STT,Nhiệm vụ\n"));
        controller.error(new Error("ECONNRESET"));
      },
    }),
  )) as unknown as FetchImpl;

/** 10 MB streamed in 64 KB chunks, no Content-Length. */
const tenMegabytesStreamed: FetchImpl = (async () => {
  let sent = 0;
  const chunk = utf8("x".repeat(65_536));
  return new Response(
    new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 10_500_000) controller.close();
        else {
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        }
      },
    }),
  );
}) as unknown as FetchImpl;

const nested = (depth: number, open: string, close: string, inner = "1") =>
  open.repeat(depth) + inner + close.repeat(depth);

interface Case {
  name: string;
  url?: unknown;
  fetch?: FetchImpl;
  /** What the fake server answers (ignored when `fetch` is given). */
  served?: Served;
  /** Case-specific words the message must contain. */
  expect: RegExp;
  /** The URL must be refused before any request is made. */
  noRequest?: boolean;
  maxBytes?: number;
}

const json = (body: string, headers?: Record<string, string>): Served => ({ body, headers });

const FETCH_CASES: Case[] = [
  // ── content ──
  {
    name: "invalid JSON (cut short)",
    served: json('{"schema": "cchc-catalogue/1", "id": "x",'),
    expect: /JSON hợp lệ/,
  },
  {
    name: "invalid JSON (trailing comma)",
    served: json(catalogue().replace(/}$/, ",}")),
    expect: /JSON hợp lệ/,
  },
  {
    name: "invalid JSON (NaN)",
    served: json(catalogue().replace('"planYear":2024', '"planYear":NaN')),
    expect: /JSON hợp lệ/,
  },
  { name: "JSON that is an array", served: json("[1,2,3]"), expect: /mảng/ },
  { name: "JSON that is a bare string", served: json('"danh mục"'), expect: /tiêu đề/ },
  { name: "wrong schema id", served: json(catalogue({ schema: "cchc-catalogue/2" })), expect: /“schema”/ },
  { name: "schema missing", served: json(catalogue({ schema: undefined })), expect: /“schema”/ },
  {
    name: "task without an id",
    served: json(catalogue({}, [task({ id: undefined })])),
    expect: /thiếu mã nhiệm vụ/,
  },
  {
    name: "duplicate task ids",
    served: json(catalogue({}, [task(), task({ title: "Khác" })])),
    expect: /trùng/,
  },
  {
    name: "title of the wrong type (number)",
    served: json(catalogue({}, [task({ title: 42 })])),
    expect: /“title” phải là chữ/,
  },
  {
    name: "deadline of the wrong type (number)",
    served: json(catalogue({}, [task({ deadline: 45657 })])),
    expect: /“deadline” phải là chữ/,
  },
  { name: "lead missing", served: json(catalogue({}, [task({ lead: "" })])), expect: /chủ trì/ },
  { name: "tasks empty", served: json(catalogue({}, [])), expect: /không rỗng/ },
  { name: "tasks not a list", served: json(catalogue({}, { "I.1": task() })), expect: /danh sách nhiệm vụ/ },
  {
    name: "a task that is a string",
    served: json(catalogue({}, ["Rà soát"])),
    expect: /phải là một đối tượng/,
  },
  { name: "unknown area VIII", served: json(catalogue({}, [task({ area: "VIII" })])), expect: /lĩnh vực/ },
  {
    name: "impossible date 31/11/2024",
    served: json(catalogue({}, [task({ deadline: "31/11/2024" })])),
    expect: /không tồn tại/,
  },
  {
    name: "impossible date 30/02/2024",
    served: json(catalogue({}, [task({ deadline: "Trước ngày 30/02/2024" })])),
    expect: /không tồn tại/,
  },
  {
    name: "impossible quarter Quý V",
    served: json(catalogue({}, [task({ deadline: "Quý V/2024" })])),
    expect: /quý/i,
  },
  {
    name: "a year far from the plan year",
    served: json(catalogue({}, [task({ deadline: "Quý IV/2035" })])),
    expect: /cách xa/,
  },
  {
    name: "unreadable deadline",
    served: json(catalogue({}, [task({ deadline: "sớm nhất có thể" })])),
    expect: /Không hiểu thời hạn/,
  },
  { name: "planYear as text", served: json(catalogue({ planYear: "2024" })), expect: /planYear/ },
  { name: "planYear out of range", served: json(catalogue({ planYear: 1800 })), expect: /planYear/ },
  { name: "source missing", served: json(catalogue({ source: undefined })), expect: /source/ },
  {
    name: "source.official not a boolean",
    served: json(catalogue({ source: { document: "X", official: "có" } })),
    expect: /official/,
  },
  {
    name: "source.url javascript:",
    served: json(catalogue({ source: { document: "X", official: false, url: "javascript:alert(1)" } })),
    expect: /http\(s\)/,
  },
  { name: "misspelt field", served: json(catalogue({ titel: "x" })), expect: /trường lạ/ },
  {
    name: "catalogue id with spaces and marks",
    served: json(catalogue({ id: "Kế hoạch 2024" })),
    expect: /“id”/,
  },
  {
    name: "a field longer than 32,000 characters",
    served: json(catalogue({}, [task({ title: "R".repeat(40_000) })])),
    expect: /dài quá/,
  },
  {
    name: "more than 5,000 tasks",
    served: json(
      catalogue(
        {},
        Array.from({ length: 5_001 }, (_, i) => ({
          id: `${i}`,
          area: "I",
          title: "a",
          lead: "b",
          deadline: "",
        })),
      ),
    ),
    expect: /vượt giới hạn/,
  },
  { name: "100,000 nested arrays", served: json(nested(100_000, "[", "]")), expect: /mảng/ },
  { name: "100,000 nested objects", served: json(nested(100_000, '{"a":', "}")), expect: /trường lạ|schema/ },
  {
    name: "100,000 nested arrays as the task list",
    served: json(catalogue({}, "__NEST__").replace('"__NEST__"', nested(100_000, "[", "]"))),
    expect: /phải là một đối tượng/,
  },
  { name: "empty body", served: json(""), expect: /rỗng/ },
  { name: "a byte-order mark and spaces only", served: json("\uFEFF   \n"), expect: /rỗng/ },
  {
    name: "CSV without a header row",
    served: { body: "1,2,3\n4,5,6\n", headers: { "content-type": "text/csv" } },
    expect: /tiêu đề/,
  },
  {
    name: "CSV with an unclosed quote",
    served: {
      body: 'STT,Nhiệm vụ,Cơ quan chủ trì,Thời hạn\n1,"Rà soát,Sở Nội vụ,Quý IV/2024\n',
      headers: { "content-type": "text/csv" },
    },
    expect: /nháy/,
  },
  {
    name: "CSV header but no task",
    served: { body: "STT,Nhiệm vụ,Cơ quan chủ trì,Thời hạn\n", headers: { "content-type": "text/csv" } },
    expect: /không có nhiệm vụ/,
  },
  {
    name: "legacy TCVN3 CSV bytes",
    served: { body: latin1(toTCVN3(CSV_TEXT, "unicode")), headers: { "content-type": "text/csv" } },
    expect: /TCVN3/,
  },
  {
    name: "legacy VNI CSV bytes",
    served: { body: latin1(toVNI(CSV_TEXT, "unicode")), headers: { "content-type": "text/csv" } },
    expect: /VNI/,
  },
  // ── what the server sends instead ──
  {
    name: "HTML error page served as JSON",
    served: json("<!DOCTYPE html><html><body><h1>Lỗi máy chủ</h1></body></html>"),
    expect: /HTML/,
  },
  {
    name: "HTML login page (text/html)",
    served: { body: catalogue(), headers: { "content-type": "text/html; charset=utf-8" } },
    expect: /HTML/,
  },
  {
    name: "XML error document (application/xml)",
    served: {
      body: '<?xml version="1.0"?><Error><Code>AccessDenied</Code></Error>',
      headers: { "content-type": "application/xml" },
    },
    expect: /HTML\/XML/,
  },
  {
    name: "PDF bytes (application/pdf)",
    served: { body: latin1("%PDF-1.7\n%âãÏÓ\n1 0 obj"), headers: { "content-type": "application/pdf" } },
    expect: /PDF/,
  },
  {
    name: "an .xlsx workbook (zip bytes)",
    served: {
      body: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]),
      headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    },
    expect: /\.xlsx/,
  },
  {
    name: "an old .xls workbook",
    served: {
      body: Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      headers: { "content-type": "application/vnd.ms-excel" },
    },
    expect: /\.xls/,
  },
  {
    name: "a declared 10 MB body (Content-Length)",
    served: { body: "{}", headers: { "content-type": "application/json", "content-length": "10485760" } },
    expect: /quá lớn/,
  },
  { name: "10 MB streamed without Content-Length", fetch: tenMegabytesStreamed, expect: /quá lớn/ },
  { name: "HTTP 404", served: { body: "Not Found", status: 404 }, expect: /HTTP 404.*không tìm thấy/ },
  { name: "HTTP 500", served: { body: "boom", status: 500 }, expect: /HTTP 500.*máy chủ lỗi/ },
  { name: "HTTP 403", served: { body: "no", status: 403 }, expect: /HTTP 403.*từ chối/ },
  { name: "HTTP 429", served: { body: "slow down", status: 429 }, expect: /HTTP 429/ },
  {
    name: "redirect that ends on http://",
    served: { body: catalogue(), url: "http://data.example.vn/cchc/ke-hoach-2024.json" },
    expect: /chuyển hướng.*https/,
  },
  { name: "timeout: no answer", fetch: hanging, expect: /giây/ },
  { name: "timeout: the body never ends", fetch: stallingBody, expect: /giây/ },
  { name: "connection reset while reading", fetch: brokenBody, expect: /ngắt/ },
  {
    name: "network error (DNS, CORS)",
    fetch: (async () => {
      throw new TypeError("Failed to fetch");
    }) as unknown as FetchImpl,
    expect: /kết nối/,
  },
  {
    name: "fetch answers something that is not a response",
    fetch: (async () => ({})) as unknown as FetchImpl,
    expect: /không trả lời hợp lệ/,
  },
  // ── addresses refused before any request ──
  {
    name: "http: address",
    url: "http://data.example.vn/cchc/ke-hoach-2024.json",
    expect: /https/,
    noRequest: true,
  },
  { name: "HTTP: in capitals", url: "HTTP://DATA.EXAMPLE.VN/x.json", expect: /https/, noRequest: true },
  {
    name: "file: address",
    url: "file:///C:/Users/canbo/danh-muc.json",
    expect: /Giao thức/,
    noRequest: true,
  },
  {
    name: "javascript: address",
    url: "javascript:alert(document.cookie)",
    expect: /Giao thức/,
    noRequest: true,
  },
  { name: "data: address", url: "data:application/json,%7B%7D", expect: /Giao thức/, noRequest: true },
  { name: "ftp: address", url: "ftp://data.example.vn/x.json", expect: /Giao thức/, noRequest: true },
  { name: "relative address", url: "danh-muc/ke-hoach-2024.json", expect: /địa chỉ đầy đủ/, noRequest: true },
  {
    name: "root-relative address",
    url: "/files/ke-hoach-2024.json",
    expect: /địa chỉ đầy đủ/,
    noRequest: true,
  },
  {
    name: "protocol-relative address",
    url: "//data.example.vn/x.json",
    expect: /địa chỉ đầy đủ/,
    noRequest: true,
  },
  {
    name: "user name and password in the address",
    url: "https://canbo:matkhau@data.example.vn/x.json",
    expect: /mật khẩu/,
    noRequest: true,
  },
  {
    name: "user name only in the address",
    url: "https://canbo@data.example.vn/x.json",
    expect: /đăng nhập/,
    noRequest: true,
  },
  {
    name: "spaces in the address",
    url: "https://data.example.vn/ke hoach.json",
    expect: /khoảng trắng/,
    noRequest: true,
  },
  {
    name: "control character in the address",
    url: "https://data.example.vn/x.json\u0000",
    expect: /ký tự điều khiển/,
    noRequest: true,
  },
  { name: "empty address", url: "   ", expect: /Chưa nhập/, noRequest: true },
  {
    name: "address of 3,000 characters",
    url: `https://data.example.vn/${"a".repeat(3_000)}.json`,
    expect: /dài quá/,
    noRequest: true,
  },
  { name: "not text", url: 42, expect: /phải là chữ/, noRequest: true },
];

/** The pane's two steps, in order, on a workbook that already tracks a catalogue. */
async function paneAttempt(d: WorkbookDouble, c: Case): Promise<{ error: unknown; requests: number }> {
  let requests = 0;
  const base = c.fetch ?? serve(c.served ?? {});
  const fetchImpl = ((...args: Parameters<FetchImpl>) => {
    requests += 1;
    return base(...args);
  }) as FetchImpl;
  try {
    const cat = await fetchCatalogue((c.url ?? URL_OK) as string, {
      fetchImpl,
      timeoutMs: TIMEOUT_MS,
      maxBytes: c.maxBytes,
      warnings: [],
    });
    await pull(d, cat);
    return { error: null, requests };
  } catch (e) {
    return { error: e, requests };
  }
}

function messageOf(e: unknown): string {
  if (e instanceof FetchCatalogueError || e instanceof CatalogueError) return e.problems.join(" ");
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

let tracked: WorkbookDouble;
beforeAll(async () => {
  tracked = installDouble();
  await pull(tracked, catalogueWithRows(55), { reportDate: REPORT_DATE });
});

describe.each(FETCH_CASES.map((c) => [c.name, c]))("%s", (_name, c) => {
  test("a Vietnamese message naming the problem, zero cells written", async () => {
    const before = tracked.workbook.snapshot();
    tracked.workbook.clearWrites();
    const { error, requests } = await paneAttempt(tracked, c);
    expect(error).not.toBeNull();
    expect(error instanceof FetchCatalogueError || error instanceof CatalogueError).toBe(true);
    const message = messageOf(error);
    expect(message).toMatch(VIETNAMESE);
    expect(message).toMatch(c.expect);
    expect(tracked.workbook.writes()).toEqual([]);
    expect(tracked.workbook.snapshot()).toEqual(before);
    if (c.noRequest) expect(requests).toBe(0);
  });
});

test("a catalogue text over 10 MB handed to the parser directly (file, CLI) is refused before parsing", () => {
  const text = catalogue({}, [task({ title: "a".repeat(10_500_000) })]);
  const started = performance.now();
  let error: unknown = null;
  try {
    parseCatalogue(text);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(CatalogueError);
  expect(messageOf(error)).toMatch(/quá lớn/);
  expect(messageOf(error)).toMatch(VIETNAMESE);
  expect(performance.now() - started).toBeLessThan(1_000);
});

// ───────────── the import of a unit's own sheet ─────────────

interface SheetCase {
  name: string;
  rows: unknown[][];
  expect: RegExp;
}

const HEADER = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"];
const SHEET_CASES: SheetCase[] = [
  {
    name: "no header row in the first 30 rows",
    rows: [
      ["a", "b"],
      ["c", "d"],
    ],
    expect: /tiêu đề/,
  },
  {
    name: "a header without a lead column",
    rows: [
      ["STT", "Nội dung nhiệm vụ", "Thời gian hoàn thành"],
      ["1", "Rà soát", "Quý IV/2024"],
    ],
    expect: /chủ trì/,
  },
  { name: "a header and nothing under it", rows: [HEADER, ["", "", "", ""]], expect: /không có nhiệm vụ/ },
  {
    name: "the same STT twice",
    rows: [
      HEADER,
      ["1", "Rà soát", "Sở Nội vụ", "Quý IV/2024"],
      ["1", "Số hóa", "Sở Tư pháp", "Quý IV/2024"],
    ],
    expect: /trùng/,
  },
  {
    name: "an impossible date",
    rows: [HEADER, ["1", "Rà soát", "Sở Nội vụ", "31/04/2024"]],
    expect: /không tồn tại/,
  },
  { name: "a task without a lead", rows: [HEADER, ["1", "Rà soát", "", "Quý IV/2024"]], expect: /chủ trì/ },
  {
    name: "a sheet typed in TCVN3 (.VnTime)",
    rows: [
      HEADER,
      ["1", "Rà soát thủ tục hành chính nội bộ", "Sở Nội vụ", "Quý IV/2024"],
      ["2", "Số hóa hồ sơ, kết quả giải quyết", "Sở Tư pháp", "Tháng 12/2024"],
    ].map((r) => r.map((v) => toTCVN3(v, "unicode"))),
    expect: /TCVN3/,
  },
  {
    name: "a sheet typed in VNI (VNI-Times)",
    rows: [
      HEADER,
      ["1", "Rà soát thủ tục hành chính nội bộ", "Sở Nội vụ", "Quý IV/2024"],
      ["2", "Số hóa hồ sơ, kết quả giải quyết", "Sở Tư pháp", "Tháng 12/2024"],
    ].map((r) => r.map((v) => toVNI(v, "unicode"))),
    expect: /VNI/,
  },
];

describe.each(SHEET_CASES.map((c) => [c.name, c]))("import: %s", (_name, c) => {
  test("a Vietnamese message naming the problem, zero cells written", async () => {
    const d = installDouble({ sheets: ["Kế hoạch đơn vị"] });
    d.workbook.setRaw("Kế hoạch đơn vị", "A1", c.rows as Array<Array<string | number | boolean>>);
    const before = d.workbook.snapshot();
    let error: unknown = null;
    try {
      const table = await d.Excel.run((ctx) => readSheetForImport(ctx));
      const detected = await catalogueSources.detectHeader(table.rows);
      const parsed = await catalogueSources.tasksFromTable(table.rows, IMPORT_PLAN_YEAR, {
        map: detected.map,
        headerRow: detected.headerRow >= 0 ? detected.headerRow : undefined,
      });
      await pull(d, sheetCatalogue(table, parsed.tasks));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CatalogueError);
    expect(messageOf(error)).toMatch(VIETNAMESE);
    expect(messageOf(error)).toMatch(c.expect);
    expect(d.workbook.writes()).toEqual([]);
    expect(d.workbook.snapshot()).toEqual(before);
  });
});

test(`case count: at least 30 malformed catalogues and addresses (${FETCH_CASES.length + SHEET_CASES.length + 1})`, () => {
  expect(FETCH_CASES.length + SHEET_CASES.length + 1).toBeGreaterThanOrEqual(30);
});

test.each([
  ["TCVN3", (s: string) => toTCVN3(s, "unicode")],
  ["VNI", (s: string) => toVNI(s, "unicode")],
])(
  "a %s catalogue loads once the user accepts “Chuyển mã sang Unicode” (convertLegacy)",
  async (_name, encode) => {
    const warnings: string[] = [];
    const c = await fetchCatalogue(URL_OK, {
      fetchImpl: serve({ body: latin1(encode(CSV_TEXT)), headers: { "content-type": "text/csv" } }),
      convertLegacy: true,
      warnings,
    });
    expect(c.tasks.map((t) => t.lead)).toEqual(["Sở Nội vụ", "Sở Thông tin và Truyền thông"]);
    expect(c.tasks[0].title).toBe("Rà soát thủ tục hành chính nội bộ");
  },
);
