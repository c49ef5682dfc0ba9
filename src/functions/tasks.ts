/**
 * CCHC.TASKS: a catalogue of tasks as a spilled table. Sources: a bundled catalogue id
 * ("demo-2024" by default, "cv-5893-2024") or an https address of a `cchc-catalogue/1` JSON or
 * CSV file. Loaded catalogues are kept for the session (a failed load is not kept).
 */
import {
  AREAS,
  CatalogueError,
  parseDeadline,
  toExcelSerial,
  type AreaCode,
  type Catalogue,
  type DeadlineKind,
} from "./core";
import { BUNDLED_CATALOGUES, isBundledCatalogueId, loadBundledCatalogue } from "../core/catalogue/bundled";
import { checkCatalogueUrl, fetchCatalogue, type FetchCatalogueOptions } from "../net/fetchCatalogue";
import { guardAsync, isExcelError, notAvailableError, valueError } from "./errors";
import { outputText, quote, readText } from "./args";

export const DEFAULT_CATALOGUE = "demo-2024";
const BUNDLED_TIMEOUT_MS = 10_000;

export const TASKS_HEADER = [
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
] as const;

/** The Nguồn cell of every row of a catalogue that is not an official document. */
export const SAMPLE_DATA_NOTE = "DỮ LIỆU MINH HỌA — không phải văn bản chính thức";

const KIND_LABELS: Record<DeadlineKind, string> = {
  date: "Có thời hạn",
  recurring: "Thường xuyên (hạn 31/12)",
  none: "Không có thời hạn cố định",
};

export interface TasksDeps {
  fetchCatalogue: (url: string, options?: FetchCatalogueOptions) => Promise<Catalogue>;
  loadBundledCatalogue: typeof loadBundledCatalogue;
}

const defaultDeps: TasksDeps = { fetchCatalogue, loadBundledCatalogue };

/** Session cache: source key → catalogue being loaded or loaded. */
const cache = new Map<string, Promise<Catalogue>>();

/** Forgets every loaded catalogue (tests; a "reload" button could use it too). */
export function clearTasksCache(): void {
  cache.clear();
}

export type CatalogueSourceArg =
  { kind: "bundled"; id: (typeof BUNDLED_CATALOGUES)[number]["id"] } | { kind: "url"; url: string };

function readSource(source: unknown): CatalogueSourceArg {
  const text = readText(source, "Nguồn danh mục");
  if (text === null) return { kind: "bundled", id: DEFAULT_CATALOGUE };
  const id = text.toLowerCase();
  if (isBundledCatalogueId(id)) return { kind: "bundled", id };
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith("//") || text.includes("/")) {
    return { kind: "url", url: checkCatalogueUrl(text).href };
  }
  const known = BUNDLED_CATALOGUES.map((c) => c.id).join(", ");
  throw notAvailableError(`Không có danh mục ${quote(text)}. Hãy dùng ${known} hoặc một địa chỉ https://…`);
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(notAvailableError(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function load(source: CatalogueSourceArg, deps: TasksDeps): Promise<Catalogue> {
  const key = source.kind === "bundled" ? "bundled:" + source.id : "url:" + source.url;
  let pending = cache.get(key);
  if (!pending) {
    pending =
      source.kind === "bundled"
        ? withTimeout(
            deps.loadBundledCatalogue(source.id),
            BUNDLED_TIMEOUT_MS,
            `Không nạp được danh mục ${source.id} (quá ${BUNDLED_TIMEOUT_MS / 1000} giây). Hãy mở lại Add-in.`,
          )
        : deps.fetchCatalogue(source.url, { convertLegacy: true });
    cache.set(key, pending);
    pending.catch(() => {
      if (cache.get(key) === pending) cache.delete(key);
    });
  }
  return pending;
}

function sourceNote(catalogue: Catalogue, source: CatalogueSourceArg): string {
  if (source.kind === "url") {
    return catalogue.source.official
      ? `Tải từ ${source.url} — tệp tự ghi là “${catalogue.source.document}”; chưa đối chiếu với văn bản gốc`
      : `${SAMPLE_DATA_NOTE} (tải từ ${source.url})`;
  }
  return catalogue.source.official ? catalogue.source.document : SAMPLE_DATA_NOTE;
}

function areaLabel(area: AreaCode | ""): string {
  return area === "" ? "" : `${area}. ${AREAS[area].vi}`;
}

/** The table CCHC.TASKS spills: header row, then one row per task. No error values inside. */
export function catalogueTable(catalogue: Catalogue, source: CatalogueSourceArg): (string | number)[][] {
  const note = outputText(sourceNote(catalogue, source));
  const rows: (string | number)[][] = [[...TASKS_HEADER]];
  for (const t of catalogue.tasks) {
    const parsed = parseDeadline(t.deadline, catalogue.planYear);
    const due = parsed.due ? toExcelSerial(parsed.due) : "";
    const kind = parsed.problem ? "Không đọc được thời hạn" : KIND_LABELS[parsed.kind];
    const deadline =
      typeof t.deadline === "number" && Number.isFinite(t.deadline)
        ? t.deadline
        : outputText(String(t.deadline ?? ""));
    rows.push([
      outputText(t.id),
      areaLabel(t.area),
      outputText(t.title),
      outputText(t.lead),
      outputText(t.coordinating ?? ""),
      outputText(t.output ?? ""),
      deadline,
      due,
      kind,
      note,
    ]);
  }
  return rows;
}

/** CCHC.TASKS. `deps` lets tests replace the network and the bundled files. */
export function tasksTable(source: unknown, deps: TasksDeps = defaultDeps): Promise<(string | number)[][]> {
  return guardAsync(async () => {
    const s = readSource(source);
    let catalogue: Catalogue;
    try {
      catalogue = await load(s, deps);
    } catch (e) {
      if (s.kind === "bundled" && !isExcelError(e) && !(e instanceof CatalogueError)) {
        throw notAvailableError(`Không nạp được danh mục ${s.id}. Hãy mở lại Add-in hoặc kiểm tra mạng.`);
      }
      throw e;
    }
    if (!catalogue || !Array.isArray(catalogue.tasks))
      throw valueError("Danh mục không có danh sách nhiệm vụ.");
    return catalogueTable(catalogue, s);
  });
}
