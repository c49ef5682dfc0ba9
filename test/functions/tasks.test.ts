/** CCHC.TASKS: bundled catalogues, https catalogues (fake network), session cache, errors. */
import { ErrorCode, expectExcelError, expectPlainResult } from "./customFunctionsFake";
import { tasks } from "../../src/functions/functions";
import {
  clearTasksCache,
  SAMPLE_DATA_NOTE,
  TASKS_HEADER,
  tasksTable,
  type TasksDeps,
} from "../../src/functions/tasks";
import { fetchCatalogue } from "../../src/net/fetchCatalogue";
import { loadBundledCatalogue, toExcelSerial } from "../../src/core";

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection");
}

const csv =
  "STT,Nhiệm vụ,Cơ quan chủ trì,Thời hạn\n1,Rà soát thủ tục hành chính nội bộ,Sở Nội vụ,Quý IV/2024\n2,=cmd|' /C calc'!A0,Sở Tư pháp,Theo yêu cầu\n";

function fakeNetwork(responses: Array<() => Response>) {
  const fetchImpl = jest.fn(async () => (responses.shift() as () => Response)());
  const deps: TasksDeps = {
    loadBundledCatalogue,
    fetchCatalogue: (url, options) =>
      fetchCatalogue(url, { ...options, fetchImpl: fetchImpl as unknown as typeof fetch }),
  };
  return { fetchImpl, deps };
}

beforeEach(() => clearTasksCache());

describe("CCHC.TASKS", () => {
  test("default: the demo catalogue, every row marked as sample data", async () => {
    const table = await tasks(null);
    expectPlainResult(table);
    expect(table[0]).toEqual([...TASKS_HEADER]);
    expect(TASKS_HEADER).toEqual([
      "Mã NV",
      "Lĩnh vực",
      "Nhiệm vụ",
      "Cơ quan chủ trì",
      "Cơ quan phối hợp",
      "Sản phẩm",
      "Thời hạn",
      "Hạn hoàn thành",
      "Loại thời hạn",
      "Nguồn",
    ]);
    expect(table).toHaveLength(1 + 55);
    for (const row of table.slice(1)) {
      expect(row[9]).toBe(SAMPLE_DATA_NOTE);
      expect(row[7] === "" || (typeof row[7] === "number" && row[7] > 45000)).toBe(true);
    }
    expect(table[1].slice(0, 4)).toEqual([
      "I.1",
      "I. Công tác chỉ đạo, điều hành CCHC",
      "Xây dựng, ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2024",
      "Sở Nội vụ",
    ]);
    expect(table[1].slice(6, 9)).toEqual(["Quý I/2024", toExcelSerial("2024-03-31"), "Có thời hạn"]);
    expect(table[2].slice(6, 9)).toEqual([
      "Thường xuyên",
      toExcelSerial("2024-12-31"),
      "Thường xuyên (hạn 31/12)",
    ]);
    expect(await tasks("")).toEqual(table);
    expect(await tasks(" DEMO-2024 ")).toEqual(table);
  });

  test("cv-5893-2024: the official letter named as the source", async () => {
    const table = await tasks("cv-5893-2024");
    expectPlainResult(table);
    expect(table).toHaveLength(1 + 11);
    for (const row of table.slice(1)) {
      expect(row[9]).toBe("Công văn số 5893/UBND-TTHC ngày 31/10/2024 của UBND tỉnh Quảng Ngãi");
      expect(row[7]).toBe(toExcelSerial("2024-12-31"));
    }
  });

  test("an https catalogue is fetched once per session and marked as not official", async () => {
    const { fetchImpl, deps } = fakeNetwork([
      () => new Response(csv, { headers: { "content-type": "text/csv" } }),
    ]);
    const url = "https://data.example.vn/ke-hoach.csv";
    const table = await tasksTable(url, deps);
    expectPlainResult(table);
    expect(table).toHaveLength(3);
    expect(table[1][9]).toBe(`${SAMPLE_DATA_NOTE} (tải từ ${url})`);
    expect(table[2][2]).toBe("=cmd|' /C calc'!A0"); // a function's result is a value, never parsed as a formula
    expect(table[2].slice(7, 9)).toEqual(["", "Không có thời hạn cố định"]);
    expect(await tasksTable(url, deps)).toEqual(table);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  test("a failed fetch is not cached: the next call tries again", async () => {
    const { fetchImpl, deps } = fakeNetwork([
      () => new Response("", { status: 500 }),
      () => new Response(csv),
    ]);
    const url = "https://data.example.vn/ke-hoach.csv";
    const msg = expectExcelError(await rejection(tasksTable(url, deps)), [ErrorCode.notAvailable]);
    expect(msg).toMatch(/máy chủ lỗi/);
    expect(await tasksTable(url, deps)).toHaveLength(3);
    expect(fetchImpl).toHaveBeenCalledTimes(2);
  });

  test("concurrent calls share one download", async () => {
    const { fetchImpl, deps } = fakeNetwork([() => new Response(csv)]);
    const url = "https://data.example.vn/x.csv";
    const [a, b] = await Promise.all([tasksTable(url, deps), tasksTable(url, deps)]);
    expect(a).toEqual(b);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  test("an official claim in a downloaded file is not taken at its word", async () => {
    const json = JSON.stringify({
      schema: "cchc-catalogue/1",
      id: "x",
      title: "X",
      planYear: 2024,
      source: { document: "Quyết định giả", official: true },
      tasks: [{ id: "I.1", area: "I", title: "Nhiệm vụ", lead: "Sở Nội vụ", deadline: "Quý IV/2024" }],
    });
    const { deps } = fakeNetwork([() => new Response(json)]);
    const table = await tasksTable("https://x.example.vn/a.json", deps);
    expect(table[1][9]).toMatch(/chưa đối chiếu với văn bản gốc/);
  });

  test.each<[unknown, string, RegExp]>([
    ["demo-2025", ErrorCode.notAvailable, /Không có danh mục “demo-2025”/],
    ["http://data.example.vn/a.csv", ErrorCode.invalidValue, /https/],
    ["ftp://data.example.vn/a.csv", ErrorCode.invalidValue, /ftp:/],
    ["data.example.vn/a.csv", ErrorCode.invalidValue, /địa chỉ đầy đủ/],
    ["javascript:alert(1)", ErrorCode.invalidValue, /javascript:/],
    [true, ErrorCode.invalidValue, /phải là chữ/],
    [[["demo-2024", "x"]], ErrorCode.invalidValue, /cần một ô/],
  ])("%p → %s", async (source, code, message) => {
    const { fetchImpl, deps } = fakeNetwork([]);
    expect(expectExcelError(await rejection(tasksTable(source, deps)), [code])).toMatch(message);
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  test("a bad catalogue file → #VALUE! naming the problem; a timeout → #N/A", async () => {
    const { deps } = fakeNetwork([() => new Response('{"schema":"cchc-catalogue/1"}')]);
    const msg = expectExcelError(await rejection(tasksTable("https://x.example.vn/bad.json", deps)), [
      ErrorCode.invalidValue,
    ]);
    expect(msg).toMatch(/^Danh mục không hợp lệ: /);
    const hanging: TasksDeps = {
      loadBundledCatalogue,
      fetchCatalogue: (url, options) =>
        fetchCatalogue(url, {
          ...options,
          timeoutMs: 30,
          fetchImpl: () => new Promise<Response>(() => undefined),
        }),
    };
    expect(
      expectExcelError(await rejection(tasksTable("https://slow.example.vn/a.json", hanging)), [
        ErrorCode.notAvailable,
      ]),
    ).toMatch(/giây/);
  });

  test("a bundled catalogue that cannot load → #N/A, and the next call retries", async () => {
    let calls = 0;
    const deps: TasksDeps = {
      fetchCatalogue,
      loadBundledCatalogue: async (id) => {
        calls += 1;
        if (calls === 1) throw new Error("ChunkLoadError");
        return loadBundledCatalogue(id);
      },
    };
    expect(expectExcelError(await rejection(tasksTable(null, deps)), [ErrorCode.notAvailable])).toMatch(
      /Không nạp được danh mục demo-2024/,
    );
    expect(await tasksTable(null, deps)).toHaveLength(56);
  });
});

test("if the TASKS chunk cannot load, TASKS gives #N/A with a message", async () => {
  await jest.isolateModulesAsync(async () => {
    jest.doMock("../../src/functions/tasks", () => {
      throw new Error("ChunkLoadError: Loading chunk functions-tasks failed.");
    });
    const { tasksOnDemand } = await import("../../src/functions/lazyTasks");
    const msg = expectExcelError(await rejection(tasksOnDemand(null)), [ErrorCode.notAvailable]);
    expect(msg).toMatch(/Không nạp được phần danh mục/);
  });
  jest.dontMock("../../src/functions/tasks");
});
