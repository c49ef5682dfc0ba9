/**
 * parseCatalogue: a `cchc-catalogue/1` JSON text, or a CSV/sheet table with a header row that
 * mapHeaders recognises, → a validated Catalogue. Every problem is collected (not only the
 * first) and thrown together as a CatalogueError with Vietnamese messages.
 */
import Papa from "papaparse";
import { parseDeadline } from "../dates/deadline";
import { detectLegacyEncoding, decodeLegacyVietnamese, type LegacyEncoding } from "../text/legacy";
import { foldVietnamese } from "../text/fold";
import { limitMarks } from "../text/normalize";
import { isIsoDate } from "../dates/isoDate";
import { looksLikeHeaderRow, mapHeaders } from "./headers";
import { DEFAULT_PLAN_YEAR, isPlanYear, MAX_PLAN_YEAR, MIN_PLAN_YEAR } from "./planYear";
import { textOf } from "../cells/safeCell";
import {
  AREA_CODES,
  CATALOGUE_SCHEMA_ID,
  CatalogueError,
  type AreaCode,
  type Catalogue,
  type CatalogueField,
  type CatalogueMeta,
  type CatalogueTask,
  type ImportedProgress,
} from "./types";

/** Larger texts are refused before parsing (a plan of a few hundred tasks is ~200 KB). */
export const MAX_CATALOGUE_CHARS = 5_000_000;
export const MAX_TASKS = 5_000;
const MAX_FIELD_CHARS = 32_000;
const MAX_PROBLEMS = 50;

export interface ParseOptions {
  /** Convert TCVN3/VNI text to Unicode instead of refusing it. */
  convertLegacy?: boolean;
  /** Deadlines that cannot be read become "no deadline" plus a warning instead of an error. */
  lenientDeadlines?: boolean;
  /** Receives non-fatal remarks (Vietnamese). */
  warnings?: string[];
}

const TEXT_FIELDS = ["title", "lead", "coordinating", "output"] as const;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function nonEmptyString(v: unknown): v is string {
  return typeof v === "string" && v.trim() !== "";
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "một mảng";
  if (typeof v === "string") return `chữ “${v.length > 30 ? v.slice(0, 30) + "…" : v}”`;
  if (typeof v === "object") return "một đối tượng";
  return `${typeof v} ${String(v)}`;
}

class Problems {
  readonly list: string[] = [];
  legacy?: "tcvn3" | "vni";
  add(message: string): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push(message);
    else if (this.list.length === MAX_PROBLEMS)
      this.list.push("… còn nữa: hãy sửa các lỗi trên rồi nạp lại.");
  }
  throwIfAny(): void {
    if (this.list.length === 0) return;
    const e = new CatalogueError(this.list);
    if (this.legacy) e.legacyEncoding = this.legacy;
    throw e;
  }
}

/** The legacy encoding to convert from (the whole file's, so short cells are decoded too), or null. */
const ROOT_KEYS = new Set([
  "$schema",
  "schema",
  "id",
  "title",
  "planYear",
  "unitsAsOf",
  "version",
  "source",
  "tasks",
]);
const SOURCE_KEYS = new Set(["document", "official", "note", "url"]);
const TASK_KEYS = new Set(["id", "area", "title", "lead", "coordinating", "output", "deadline"]);
const CATALOGUE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Fields outside the format (extensions must start with "x-"), usually a misspelt name. */
function unknownKeys(
  obj: Record<string, unknown>,
  allowed: Set<string>,
  where: string,
  problems: Problems,
): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.has(key) && !key.startsWith("x-")) {
      problems.add(
        `${where}: trường lạ “${key.slice(0, 40)}” (có thể viết sai tên trường; trường mở rộng phải bắt đầu bằng “x-”).`,
      );
    }
  }
}

function legacyCheck(texts: string[], problems: Problems, options: ParseOptions): LegacyEncoding | null {
  const sample = texts.join("\n").slice(0, 200_000);
  const enc = detectLegacyEncoding(sample);
  if (enc === "unicode") return null;
  if (options.convertLegacy) {
    options.warnings?.push(`Đã chuyển văn bản từ bảng mã ${enc.toUpperCase()} sang Unicode.`);
    return enc;
  }
  problems.legacy = enc;
  problems.add(
    `Văn bản dùng bảng mã cũ ${enc === "tcvn3" ? "TCVN3 (ABC, phông .VnTime)" : "VNI (phông VNI-Times)"}, không phải Unicode. ` +
      "Hãy chuyển sang Unicode (Unikey: Ctrl+Shift+F6) hoặc chọn “Chuyển mã sang Unicode” rồi nạp lại.",
  );
  return null;
}

function checkDeadline(
  value: unknown,
  planYear: number,
  where: string,
  problems: Problems,
  options: ParseOptions,
): void {
  const parsed = parseDeadline(value, planYear);
  if (!parsed.problem) return;
  if (options.lenientDeadlines)
    options.warnings?.push(`${where}: ${parsed.problem} Coi như không có thời hạn.`);
  else problems.add(`${where}: ${parsed.problem}`);
}

function validateTasks(
  tasks: CatalogueTask[],
  planYear: number,
  problems: Problems,
  options: ParseOptions,
  requireArea: boolean,
  /** "index:field" already reported as a wrong type (not reported twice). */
  skip: Set<string> = new Set(),
): void {
  // Excel's COUNTIFS and the re-pull merge compare ids without case: so must this check.
  const ids = new Map<string, number>();
  tasks.forEach((t, i) => {
    const where = `Nhiệm vụ thứ ${i + 1}${t.id ? ` (${t.id})` : ""}`;
    const checked = (field: string) => !skip.has(`${i}:${field}`);
    if (!t.id) {
      if (checked("id")) problems.add(`${where}: thiếu mã nhiệm vụ (id).`);
    } else if (ids.has(t.id.toLowerCase()))
      problems.add(
        `${where}: mã “${t.id}” trùng với nhiệm vụ thứ ${(ids.get(t.id.toLowerCase()) as number) + 1} (không phân biệt chữ hoa, chữ thường).`,
      );
    else ids.set(t.id.toLowerCase(), i);
    if (checked("area") && (t.area === "" ? requireArea : !AREA_CODES.includes(t.area))) {
      problems.add(`${where}: lĩnh vực phải là một trong I–VII, không phải ${describe(t.area)}.`);
    }
    if (checked("title") && !nonEmptyString(t.title))
      problems.add(`${where}: thiếu nội dung nhiệm vụ (title).`);
    if (checked("lead") && !nonEmptyString(t.lead)) problems.add(`${where}: thiếu cơ quan chủ trì (lead).`);
    if (checked("deadline")) checkDeadline(t.deadline, planYear, where, problems, options);
  });
}

// ───────────────────────────── JSON ─────────────────────────────

function parseJsonCatalogue(text: string, options: ParseOptions): Catalogue {
  const problems = new Problems();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new CatalogueError([
      `Tệp không phải JSON hợp lệ (${detail.slice(0, 120)}). Hãy kiểm tra dấu ngoặc, dấu phẩy và dấu nháy.`,
    ]);
  }
  if (!isRecord(data))
    throw new CatalogueError([`Danh mục phải là một đối tượng JSON, không phải ${describe(data)}.`]);
  if (data.schema !== CATALOGUE_SCHEMA_ID) {
    problems.add(`Trường “schema” phải là “${CATALOGUE_SCHEMA_ID}”, không phải ${describe(data.schema)}.`);
  }
  unknownKeys(data, ROOT_KEYS, "Danh mục", problems);
  for (const key of ["id", "title"] as const) {
    if (!nonEmptyString(data[key])) problems.add(`Thiếu trường “${key}” (chữ, không để trống).`);
  }
  if (nonEmptyString(data.id) && !CATALOGUE_ID.test(data.id)) {
    problems.add(
      `“id” của danh mục chỉ gồm chữ Latin không dấu, số, “.”, “_”, “-” (tối đa 64 ký tự), không phải “${data.id.slice(0, 40)}”.`,
    );
  }
  const planYear = data.planYear;
  const yearOk = isPlanYear(planYear);
  if (!yearOk)
    problems.add(
      `“planYear” phải là năm kế hoạch (số nguyên ${MIN_PLAN_YEAR}–${MAX_PLAN_YEAR}), không phải ${describe(planYear)}.`,
    );
  if (data.unitsAsOf !== undefined && !(typeof data.unitsAsOf === "string" && isIsoDate(data.unitsAsOf)))
    problems.add(
      `“unitsAsOf” phải là một ngày dạng YYYY-MM-DD (ví dụ "2025-07-14": danh mục ghi tên đơn vị theo bản đồ hành chính ngày đó), không phải ${describe(data.unitsAsOf)}.`,
    );
  if (data.version !== undefined && typeof data.version !== "string") problems.add("“version” phải là chữ.");
  const source = data.source;
  if (!isRecord(source)) problems.add("Thiếu “source” (văn bản nguồn của danh mục).");
  else {
    unknownKeys(source, SOURCE_KEYS, "source", problems);
    if (!nonEmptyString(source.document)) problems.add("“source.document” phải nêu văn bản nguồn.");
    if (typeof source.official !== "boolean") problems.add("“source.official” phải là true hoặc false.");
    for (const key of ["note", "url"] as const) {
      if (source[key] !== undefined && typeof source[key] !== "string")
        problems.add(`“source.${key}” phải là chữ.`);
    }
    if (typeof source.url === "string" && !/^https?:\/\/\S+$/i.test(source.url)) {
      problems.add(`“source.url” phải là một liên kết http(s), không phải “${source.url.slice(0, 60)}”.`);
    }
  }
  const rawTasks = data.tasks;
  const tasks: CatalogueTask[] = [];
  const typeErrors = new Set<string>();
  if (!Array.isArray(rawTasks) || rawTasks.length === 0) {
    problems.add("“tasks” phải là một danh sách nhiệm vụ không rỗng.");
  } else if (rawTasks.length > MAX_TASKS) {
    problems.add(`Danh mục có ${rawTasks.length} nhiệm vụ, vượt giới hạn ${MAX_TASKS}.`);
  } else {
    rawTasks.forEach((raw, i) => {
      const where = `Nhiệm vụ thứ ${i + 1}`;
      if (!isRecord(raw)) {
        problems.add(`${where}: phải là một đối tượng, không phải ${describe(raw)}.`);
        for (const f of ["id", "area", "title", "lead", "deadline"]) typeErrors.add(`${tasks.length}:${f}`);
        tasks.push({ id: "", area: "I", title: "", lead: "", deadline: "" });
        return;
      }
      unknownKeys(raw, TASK_KEYS, where, problems);
      for (const key of ["id", "area", "title", "lead"] as const) {
        if (raw[key] !== undefined && typeof raw[key] !== "string") {
          problems.add(`${where}: “${key}” phải là chữ, không phải ${describe(raw[key])}.`);
          typeErrors.add(`${i}:${key}`);
        }
      }
      for (const key of ["coordinating", "output"] as const) {
        if (raw[key] !== undefined && raw[key] !== null && typeof raw[key] !== "string") {
          problems.add(`${where}: “${key}” phải là chữ, không phải ${describe(raw[key])}.`);
        }
      }
      if (raw.deadline === undefined) {
        problems.add(`${where}: thiếu “deadline” (thời hạn như ghi trong kế hoạch; có thể để "").`);
        typeErrors.add(`${i}:deadline`);
      } else if (typeof raw.deadline !== "string") {
        problems.add(`${where}: “deadline” phải là chữ, không phải ${describe(raw.deadline)}.`);
        typeErrors.add(`${i}:deadline`);
      }
      for (const key of [...TEXT_FIELDS, "id", "deadline"] as const) {
        const v = raw[key];
        if (typeof v === "string" && v.length > MAX_FIELD_CHARS)
          problems.add(`${where}: “${key}” dài quá ${MAX_FIELD_CHARS} ký tự.`);
      }
      const str = (v: unknown) => (typeof v === "string" ? v.normalize("NFC").trim() : "");
      // A cell never shows C0 control characters: an id holding one could not be matched again.
      const idText = (v: unknown) => str(v).replace(CONTROL_CHARS, "").trim();
      const task: CatalogueTask = {
        id: idText(raw.id),
        area: (typeof raw.area === "string" ? raw.area.trim().toUpperCase() : "?") as AreaCode,
        title: str(raw.title),
        lead: str(raw.lead),
        deadline: str(raw.deadline),
      };
      if (str(raw.coordinating)) task.coordinating = str(raw.coordinating);
      if (str(raw.output)) task.output = str(raw.output);
      tasks.push(task);
    });
  }
  // Every problem is collected before failing: structural ones above, domain ones below.
  const texts = tasks.flatMap((t) => [
    t.title,
    t.lead,
    t.coordinating ?? "",
    t.output ?? "",
    String(t.deadline),
  ]);
  const convert = legacyCheck(
    [typeof data.title === "string" ? data.title : "", ...texts],
    problems,
    options,
  );
  if (convert) convertTasks(tasks, convert);
  validateTasks(tasks, yearOk ? planYear : DEFAULT_PLAN_YEAR, problems, options, true, typeErrors);
  problems.throwIfAny();
  const src = source as Record<string, unknown>;
  const meta: CatalogueMeta = {
    schema: CATALOGUE_SCHEMA_ID,
    id: (data.id as string).trim(),
    title: convert
      ? decodeLegacyVietnamese(data.title as string, convert)
      : (data.title as string).normalize("NFC").trim(),
    planYear: planYear as number,
    source: { document: (src.document as string).normalize("NFC").trim(), official: src.official as boolean },
  };
  if (typeof data.unitsAsOf === "string") meta.unitsAsOf = data.unitsAsOf;
  if (typeof data.version === "string") meta.version = data.version;
  if (typeof src.note === "string") meta.source.note = src.note.normalize("NFC");
  if (typeof src.url === "string") meta.source.url = src.url;
  return { ...meta, tasks };
}

function convertTasks(tasks: CatalogueTask[], from: LegacyEncoding): void {
  for (const t of tasks) {
    for (const key of TEXT_FIELDS) {
      const v = t[key];
      if (typeof v === "string") t[key] = decodeLegacyVietnamese(v, from);
    }
    if (typeof t.deadline === "string") t.deadline = decodeLegacyVietnamese(t.deadline, from);
  }
}

// ───────────────────────────── Tables (CSV, sheets) ─────────────────────────────

/** "III", "III.", or "III. CẢI CÁCH THỦ TỤC…" (merged heading cells export into the STT column) — not "III.2". */
const ROMAN_AREA = /^(VII|VI|V|IV|III|II|I)(?:\s*[.)/:-]?\s*$|\s*[.)/:-]?\s+(?!\d)\S|\s*[.)/:-]\s*(?!\d)\S)/i;

const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function cellText(v: unknown): string {
  return limitMarks(textOf(v)).normalize("NFC").replace(CONTROL_CHARS, "").trim();
}

/** The row of column numbers under a header: "(1)", "1", "A" … */
function isColumnNumberRow(row: unknown[]): boolean {
  const cells = row.map(cellText).filter((c) => c !== "");
  return cells.length >= 2 && cells.every((c) => /^\(?([0-9]{1,2}|[A-Za-z])\)?$/.test(c));
}

/** A bullet or letter in the number column marks a sub-item: "-", "+", "•", "a)", "b." */
const SUB_ITEM = /^([-+•*–—]|[a-zđ][.)])$/i;

/** A row that opens an area: "III" in the number column, or "III. CẢI CÁCH THỦ TỤC…" in any cell. */
function areaHeading(row: unknown[], map: Partial<Record<CatalogueField, number>>): AreaCode | null {
  const idCell = map.id !== undefined ? cellText(row[map.id]) : "";
  const m = ROMAN_AREA.exec(idCell);
  if (m && (map.lead === undefined || cellText(row[map.lead]) === "")) return m[1].toUpperCase() as AreaCode;
  const titleCell = map.title !== undefined ? cellText(row[map.title]) : "";
  const t = /^(VII|VI|V|IV|III|II|I)\s*[.)/:-]\s+\S/.exec(titleCell);
  if (t && idCell === "" && (map.lead === undefined || cellText(row[map.lead]) === ""))
    return t[1] as AreaCode;
  return null;
}

export interface TableParseResult {
  tasks: CatalogueTask[];
  headerRow: number;
  map: Partial<Record<CatalogueField, number>>;
}

/**
 * Tasks from a 2-D table (CSV rows or a sheet's values). `map` overrides the detected header
 * mapping (the task pane lets users correct it); `headerRow` is the 0-based header row.
 */
export function tasksFromTable(
  rows: unknown[][],
  planYear: number,
  options: ParseOptions & { map?: Partial<Record<CatalogueField, number>>; headerRow?: number } = {},
): TableParseResult {
  const problems = new Problems();
  // The table's encoding first: a short header cell alone ("Cô quan chuû trì", VNI) is not
  // recognisable, so headers are mapped after decoding them with the whole table's encoding.
  const allText = rows.slice(0, 2000).flatMap((r) => (Array.isArray(r) ? r.map(cellText) : []));
  const convert = legacyCheck(allText, problems, options);
  problems.throwIfAny();
  const decoded = (r: unknown[]): unknown[] =>
    convert ? r.map((c) => decodeLegacyVietnamese(cellText(c), convert)) : r;
  const headerRow =
    options.headerRow ??
    rows.slice(0, 30).findIndex((r) => Array.isArray(r) && looksLikeHeaderRow(decoded(r)));
  if (headerRow < 0 || headerRow >= rows.length) {
    throw new CatalogueError([
      "Không tìm thấy dòng tiêu đề cột (cần ít nhất cột “Nhiệm vụ” và cột “Cơ quan chủ trì” hoặc “Thời gian hoàn thành”) trong 30 dòng đầu.",
    ]);
  }
  const map = options.map ?? mapHeaders(decoded(rows[headerRow]));
  if (map.title === undefined) problems.add("Chưa chọn cột nội dung nhiệm vụ.");
  if (map.lead === undefined) problems.add("Chưa chọn cột cơ quan chủ trì.");
  problems.throwIfAny();
  const text = (row: unknown[], field: CatalogueField): string => {
    const i = map[field];
    if (i === undefined) return "";
    const s = cellText(row[i]);
    return convert ? decodeLegacyVietnamese(s, convert) : s;
  };
  const tasks: CatalogueTask[] = [];
  let area: AreaCode | "" = "";
  let counter = 0;
  let lastMainId = "";
  let subCounter = 0;
  for (let r = headerRow + 1; r < rows.length; r++) {
    const row = rows[r];
    if (!Array.isArray(row) || row.every((c) => cellText(c) === "")) continue;
    if (isColumnNumberRow(row)) continue;
    const heading = areaHeading(row, map);
    if (heading) {
      area = heading;
      counter = 0;
      continue;
    }
    const title = text(row, "title");
    if (title === "") continue;
    // "-, Kiểm tra 10 sở, , ": a sub-item without its own lead/deadline belongs to the task above.
    const previous = tasks[tasks.length - 1];
    if (
      previous &&
      SUB_ITEM.test(text(row, "id")) &&
      text(row, "lead") === "" &&
      cellText(map.deadline !== undefined ? row[map.deadline] : "") === ""
    ) {
      previous.title = `${previous.title}\n${text(row, "id")} ${title}`;
      continue;
    }
    if (tasks.length >= MAX_TASKS) {
      problems.add(`Bảng có hơn ${MAX_TASKS} nhiệm vụ.`);
      break;
    }
    const explicitArea = text(row, "area").toUpperCase();
    const taskArea = (AREA_CODES as string[]).includes(explicitArea) ? (explicitArea as AreaCode) : area;
    const rawStt = text(row, "id");
    let id: string;
    if (previous && SUB_ITEM.test(rawStt)) {
      // A sub-item with its own lead or deadline: a task of its own, numbered under the one above.
      subCounter += 1;
      const letter = /^[a-zđ]/i.test(rawStt) ? rawStt[0].toLowerCase() : String(subCounter);
      id = `${lastMainId}.${letter}`;
    } else {
      const stt = rawStt.replace(/[.)]+$/, "");
      counter += 1;
      const localId = stt !== "" ? stt : String(counter);
      id = taskArea && !localId.startsWith(taskArea + ".") ? `${taskArea}.${localId}` : localId;
      lastMainId = id;
      subCounter = 0;
    }
    const deadlineCell = map.deadline !== undefined ? row[map.deadline] : "";
    const task: CatalogueTask = {
      id,
      area: taskArea,
      title,
      lead: text(row, "lead"),
      deadline: typeof deadlineCell === "number" ? deadlineCell : text(row, "deadline"),
    };
    const coordinating = text(row, "coordinating");
    if (coordinating) task.coordinating = coordinating;
    const output = text(row, "output");
    if (output) task.output = output;
    const progress: ImportedProgress = {};
    if (map.status !== undefined && cellText(row[map.status]) !== "") {
      const v = row[map.status];
      progress.status = typeof v === "number" || typeof v === "boolean" ? v : text(row, "status");
    }
    if (map.completedOn !== undefined && cellText(row[map.completedOn]) !== "") {
      const v = row[map.completedOn];
      progress.completedOn = typeof v === "number" ? v : text(row, "completedOn");
    }
    if (text(row, "evidence")) progress.evidence = text(row, "evidence");
    if (text(row, "note")) progress.note = text(row, "note");
    if (Object.keys(progress).length > 0) task.progress = progress;
    tasks.push(task);
  }
  if (tasks.length === 0) problems.add("Bảng không có nhiệm vụ nào dưới dòng tiêu đề.");
  problems.throwIfAny();
  validateTasks(tasks, planYear, problems, options, false);
  problems.throwIfAny();
  return { tasks, headerRow, map };
}

function parseCsvRows(text: string): unknown[][] {
  const parsed = Papa.parse<unknown[]>(text, { skipEmptyLines: "greedy", delimiter: "" });
  const fatal = parsed.errors.filter((e) => e.type === "Quotes");
  if (fatal.length > 0) {
    throw new CatalogueError(
      fatal.slice(0, 5).map((e) => `CSV dòng ${(e.row ?? 0) + 1}: dấu nháy kép không khớp (${e.message}).`),
    );
  }
  return parsed.data;
}

const DEFAULT_TABLE_META: CatalogueMeta = {
  schema: CATALOGUE_SCHEMA_ID,
  id: "imported",
  title: "Danh mục nhập từ bảng",
  planYear: DEFAULT_PLAN_YEAR,
  source: { document: "Bảng do đơn vị nhập", official: false },
};

/** Catalogue metadata for tables: defaults overridden by `meta`. */
export function tableMeta(meta?: Partial<CatalogueMeta>): CatalogueMeta {
  return {
    ...DEFAULT_TABLE_META,
    ...meta,
    schema: CATALOGUE_SCHEMA_ID,
    source: { ...DEFAULT_TABLE_META.source, ...(meta?.source ?? {}) },
  };
}

/**
 * A catalogue from JSON (`cchc-catalogue/1`) or CSV text. CSV metadata (id, title, planYear,
 * source) comes from `meta`. Throws CatalogueError listing every problem in Vietnamese.
 */
export function parseCatalogue(
  text: string,
  meta?: Partial<CatalogueMeta>,
  options: ParseOptions = {},
): Catalogue {
  if (typeof text !== "string")
    throw new CatalogueError([`Nội dung danh mục phải là văn bản, không phải ${describe(text)}.`]);
  if (text.length > MAX_CATALOGUE_CHARS) {
    throw new CatalogueError([
      `Tệp quá lớn (${Math.round(text.length / 1e6)} triệu ký tự; tối đa ${MAX_CATALOGUE_CHARS / 1e6} triệu).`,
    ]);
  }
  const body = limitMarks(text.replace(/^\uFEFF/, ""));
  const head = body.trimStart().slice(0, 200);
  if (head === "") throw new CatalogueError(["Tệp danh mục rỗng."]);
  if (/^<(!doctype|html|\?xml|head|body)/i.test(head)) {
    throw new CatalogueError([
      "Nội dung nhận được là một trang HTML/XML (có thể là trang lỗi hoặc trang đăng nhập), không phải danh mục JSON hay CSV. Hãy kiểm tra lại địa chỉ.",
    ]);
  }
  if (head.startsWith("{") || head.startsWith("[")) return parseJsonCatalogue(body, options);
  const m = tableMeta(meta);
  const { tasks } = tasksFromTable(parseCsvRows(body), m.planYear, options);
  return { ...m, tasks };
}

/** Folded text of a task, for change detection when re-pulling. */
export function taskFingerprint(t: CatalogueTask): string {
  return [t.area, t.title, t.lead, t.coordinating ?? "", t.output ?? "", String(t.deadline)]
    .map((s) => foldVietnamese(String(s)))
    .join("|");
}
