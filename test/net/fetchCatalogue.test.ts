/** fetchCatalogue with an injected fetch: https only, timeouts, size caps, content checks, encodings. */
import { CatalogueError } from "../../src/core";
import {
  checkCatalogueUrl,
  fetchCatalogue,
  FetchCatalogueError,
  type FetchProblemKind,
} from "../../src/net/fetchCatalogue";

const URL_OK = "https://data.example.vn/cchc/ke-hoach-2024.json";

const catalogueJson = JSON.stringify({
  schema: "cchc-catalogue/1",
  id: "thu-nghiem",
  title: "Danh mục thử nghiệm",
  planYear: 2024,
  source: { document: "Tệp thử nghiệm", official: false },
  tasks: [
    {
      id: "I.1",
      area: "I",
      title: "Ban hành kế hoạch tuyên truyền",
      lead: "Sở Nội vụ",
      deadline: "Quý I/2024",
    },
    {
      id: "III.1",
      area: "III",
      title: "Rà soát thủ tục hành chính",
      lead: "Sở Tư pháp",
      deadline: "Thường xuyên",
    },
  ],
});

const catalogueCsv =
  "STT,Nhiệm vụ,Cơ quan chủ trì,Cơ quan phối hợp,Thời hạn\n" +
  "1,Rà soát thủ tục hành chính nội bộ,Sở Nội vụ,Sở Tư pháp,Quý IV/2024\n" +
  '2,"Số hóa hồ sơ, kết quả giải quyết TTHC",Sở Thông tin và Truyền thông,,Tháng 12/2024\n';

/** "Rà soát…" CSV in TCVN3 (.VnTime) bytes: not valid UTF-8. */
const TCVN3_CSV =
  "STT,NhiÖm vô,C¬ quan chñ tr×,Thêi h¹n\n1,Rµ so¸t thñ tôc hµnh chÝnh néi bé,Së Néi vô,Quý IV/2024\n" +
  "2,Sè hãa hå s¬ kÕt qu¶ gi¶i quyÕt thñ tôc hµnh chÝnh,Së Th«ng tin vµ TruyÒn th«ng,Th¸ng 12/2024\n";
const latin1Bytes = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

type FetchImpl = typeof fetch;

function respond(body: BodyInit | null, init: ResponseInit & { url?: string } = {}): FetchImpl {
  return (async () => {
    const res = new Response(body, init);
    if (init.url !== undefined) Object.defineProperty(res, "url", { value: init.url });
    return res;
  }) as FetchImpl;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection");
}

async function fetchProblem(promise: Promise<unknown>, kind: FetchProblemKind): Promise<string> {
  const e = await failure(promise);
  expect(e).toBeInstanceOf(FetchCatalogueError);
  const err = e as FetchCatalogueError;
  expect(err.kind).toBe(kind);
  expect(err.problems.length).toBeGreaterThan(0);
  return err.problems.join(" ");
}

describe("fetchCatalogue", () => {
  test("200 JSON: the catalogue as the file describes it", async () => {
    const calls: [string, RequestInit | undefined][] = [];
    const fetchImpl = (async (input: string, init?: RequestInit) => {
      calls.push([input, init]);
      return new Response(catalogueJson, { headers: { "content-type": "application/json; charset=utf-8" } });
    }) as unknown as FetchImpl;
    const c = await fetchCatalogue(URL_OK, { fetchImpl });
    expect(c.id).toBe("thu-nghiem");
    expect(c.tasks.map((t) => t.id)).toEqual(["I.1", "III.1"]);
    expect(calls[0][0]).toBe(URL_OK);
    expect(calls[0][1]?.credentials).toBe("omit");
    expect(calls[0][1]?.signal).toBeInstanceOf(AbortSignal);
  });

  test("200 CSV: metadata derived from the address, never official", async () => {
    const c = await fetchCatalogue("https://data.example.vn/files/Kế%20hoạch%202024.csv", {
      fetchImpl: respond(catalogueCsv, { headers: { "content-type": "text/csv" } }),
    });
    expect(c.tasks).toHaveLength(2);
    expect(c.tasks[1].title).toBe("Số hóa hồ sơ, kết quả giải quyết TTHC");
    expect(c.id).toBe("data-example-vn-ke-hoach-2024");
    expect(c.title).toContain("Kế hoạch 2024.csv");
    expect(c.planYear).toBe(2024);
    expect(c.source.official).toBe(false);
    expect(c.source.document).toContain("https://data.example.vn/files/");
  });

  test("a UTF-8 byte order mark is accepted", async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(catalogueCsv)]);
    const c = await fetchCatalogue(URL_OK, { fetchImpl: respond(bytes) });
    expect(c.tasks[0].title).toBe("Rà soát thủ tục hành chính nội bộ");
  });

  test("404 → không tìm thấy", async () => {
    const text = await fetchProblem(
      fetchCatalogue(URL_OK, { fetchImpl: respond("no", { status: 404 }) }),
      "http",
    );
    expect(text).toMatch(/HTTP 404/);
    expect(text).toMatch(/không tìm thấy/);
  });

  test("500 → máy chủ lỗi", async () => {
    const e = await failure(fetchCatalogue(URL_OK, { fetchImpl: respond("boom", { status: 503 }) }));
    expect((e as FetchCatalogueError).status).toBe(503);
    expect((e as FetchCatalogueError).problems.join(" ")).toMatch(/máy chủ lỗi/);
  });

  test("403 → must be public", async () => {
    const text = await fetchProblem(
      fetchCatalogue(URL_OK, { fetchImpl: respond("", { status: 403 }) }),
      "http",
    );
    expect(text).toMatch(/công khai/);
  });

  test("a server that never answers times out", async () => {
    let signal: AbortSignal | undefined;
    const fetchImpl = ((_url: string, init?: RequestInit) => {
      signal = init?.signal ?? undefined;
      return new Promise<Response>(() => undefined);
    }) as unknown as FetchImpl;
    const started = Date.now();
    const text = await fetchProblem(fetchCatalogue(URL_OK, { fetchImpl, timeoutMs: 50 }), "timeout");
    expect(Date.now() - started).toBeLessThan(2000);
    expect(text).toMatch(/giây/);
    expect(signal?.aborted).toBe(true);
  });

  test("a body that stalls also times out", async () => {
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("{"));
      },
    });
    await fetchProblem(fetchCatalogue(URL_OK, { fetchImpl: respond(stalled), timeoutMs: 50 }), "timeout");
  });

  test("a network failure explains what to check", async () => {
    const fetchImpl = (async () => {
      throw new TypeError("Failed to fetch");
    }) as FetchImpl;
    expect(await fetchProblem(fetchCatalogue(URL_OK, { fetchImpl }), "network")).toMatch(/CORS/);
  });

  test.each([
    ["http://data.example.vn/a.json", /https/],
    ["file:///C:/a.json", /file:/],
    ["javascript:alert(1)", /javascript:/],
    ["data:application/json,{}", /data:/],
    ["/cchc/a.json", /địa chỉ đầy đủ/],
    ["data.example.vn/a.json", /địa chỉ đầy đủ/],
    ["https://user:secret@data.example.vn/a.json", /mật khẩu/],
    ["https://data.example.vn/a b.json", /khoảng trắng/],
    ["", /Chưa nhập/],
  ])("%p is refused before any request", async (url, message) => {
    const fetchImpl = jest.fn(respond(catalogueJson));
    const text = await fetchProblem(fetchCatalogue(url, { fetchImpl }), "url");
    expect(text).toMatch(message);
    expect(fetchImpl).not.toHaveBeenCalled();
    expect(() => checkCatalogueUrl(url)).toThrow(FetchCatalogueError);
  });

  test("a redirect to http is refused", async () => {
    const fetchImpl = respond(catalogueJson, { url: "http://mirror.example.vn/a.json" });
    expect(await fetchProblem(fetchCatalogue(URL_OK, { fetchImpl }), "url")).toMatch(/chuyển hướng/);
  });

  test("a redirect to another https address is followed", async () => {
    const c = await fetchCatalogue(URL_OK, {
      fetchImpl: respond(catalogueJson, { url: "https://cdn.example.vn/a.json" }),
    });
    expect(c.tasks).toHaveLength(2);
  });

  test("HTML served as JSON (a login page) gets a clear message", async () => {
    const html = "<!DOCTYPE html><html><head><title>Đăng nhập</title></head><body>…</body></html>";
    const asJson = respond(html, { headers: { "content-type": "application/json" } });
    expect(await fetchProblem(fetchCatalogue(URL_OK, { fetchImpl: asJson }), "content")).toMatch(
      /trang web \(HTML\)/,
    );
    const asHtml = respond(html, { headers: { "content-type": "text/html; charset=utf-8" } });
    expect(await fetchProblem(fetchCatalogue(URL_OK, { fetchImpl: asHtml }), "content")).toMatch(
      /liên kết tải trực tiếp/,
    );
  });

  test("an .xlsx file is recognised", async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
    expect(await fetchProblem(fetchCatalogue(URL_OK, { fetchImpl: respond(zip) }), "content")).toMatch(
      /xlsx/,
    );
  });

  test("Content-Length over the cap is refused before reading", async () => {
    const res = new Response(catalogueJson, { headers: { "content-length": "5000000" } });
    const getReader = jest.spyOn(res.body as ReadableStream<Uint8Array>, "getReader");
    const arrayBuffer = jest.spyOn(res, "arrayBuffer");
    const text = await fetchProblem(
      fetchCatalogue(URL_OK, { fetchImpl: (async () => res) as FetchImpl }),
      "size",
    );
    expect(text).toMatch(/quá lớn/);
    expect(getReader).not.toHaveBeenCalled();
    expect(arrayBuffer).not.toHaveBeenCalled();
  });

  test("a streamed body without Content-Length is cut at the cap", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
    });
    const text = await fetchProblem(
      fetchCatalogue(URL_OK, { fetchImpl: respond(endless), maxBytes: 1_000_000 }),
      "size",
    );
    expect(text).toMatch(/quá lớn/);
    expect(pulled).toBeLessThan(40);
  });

  test("TCVN3 bytes (not UTF-8) are read as windows-1252 and the legacy encoding is named", async () => {
    const bytes = latin1Bytes(TCVN3_CSV);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const e = await failure(
      fetchCatalogue(URL_OK, { fetchImpl: respond(bytes, { headers: { "content-type": "text/csv" } }) }),
    );
    expect(e).toBeInstanceOf(CatalogueError);
    expect((e as CatalogueError).problems.join(" ")).toMatch(/TCVN3/);

    const warnings: string[] = [];
    const c = await fetchCatalogue(URL_OK, { fetchImpl: respond(bytes), convertLegacy: true, warnings });
    expect(c.tasks[0]).toMatchObject({ title: "Rà soát thủ tục hành chính nội bộ", lead: "Sở Nội vụ" });
    expect(warnings.join(" ")).toMatch(/windows-1252/);
  });

  test("content errors from the core pass through as CatalogueError", async () => {
    const e = await failure(fetchCatalogue(URL_OK, { fetchImpl: respond('{"schema": "khác"}') }));
    expect(e).toBeInstanceOf(CatalogueError);
  });
});
