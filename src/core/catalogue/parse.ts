/**
 * parseCatalogue: a `cchc-catalogue/1` JSON text, or a CSV/sheet table with a header row that
 * mapHeaders recognises, → a validated Catalogue. Every problem is collected (not only the
 * first) and thrown together as a CatalogueError with Vietnamese messages.
 */
import { problem, type ProblemItem } from "../problems/problem";
import Papa from "papaparse";
import { parseDeadline } from "../dates/deadline";
import { detectLegacyEncoding, decodeLegacyVietnamese, type LegacyEncoding } from "../text/legacy";
import { foldVietnamese } from "../text/fold";
import { limitMarks } from "../text/normalize";
import { analyseTableLayout, notAPlan, type TableLayout } from "./tableLayout";
import { isIsoDate } from "../dates/isoDate";
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
  readonly list: ProblemItem[] = [];
  legacy?: "tcvn3" | "vni";
  add(message: ProblemItem): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push(message);
    else if (this.list.length === MAX_PROBLEMS)
      this.list.push(problem("catalogue.more", {}, "… còn nữa: hãy sửa các lỗi trên rồi nạp lại."));
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
    problem(
      "catalogue.legacyEncoding",
      { encoding: enc === "tcvn3" ? "TCVN3" : "VNI" },
      `Văn bản dùng bảng mã cũ ${enc === "tcvn3" ? "TCVN3 (ABC, phông .VnTime)" : "VNI (phông VNI-Times)"}, không phải Unicode. ` +
        "Hãy chuyển sang Unicode (Unikey: Ctrl+Shift+F6) hoặc chọn “Chuyển mã sang Unicode” rồi nạp lại.",
    ),
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
    const at = { n: i + 1, id: t.id ?? "" };
    const checked = (field: string) => !skip.has(`${i}:${field}`);
    if (!t.id) {
      if (checked("id")) problems.add(problem("task.missingId", at, `${where}: thiếu mã nhiệm vụ (id).`));
    } else if (ids.has(t.id.toLowerCase())) {
      const first = (ids.get(t.id.toLowerCase()) as number) + 1;
      problems.add(
        problem(
          "task.duplicateId",
          { ...at, first },
          `${where}: mã “${t.id}” trùng với nhiệm vụ thứ ${first} (không phân biệt chữ hoa, chữ thường).`,
        ),
      );
    } else ids.set(t.id.toLowerCase(), i);
    if (checked("area") && (t.area === "" ? requireArea : !AREA_CODES.includes(t.area))) {
      problems.add(
        problem(
          "task.badArea",
          { ...at, value: String(t.area) },
          `${where}: lĩnh vực phải là một trong I–VII, không phải ${describe(t.area)}.`,
        ),
      );
    }
    if (checked("title") && !nonEmptyString(t.title))
      problems.add(problem("task.missingTitle", at, `${where}: thiếu nội dung nhiệm vụ (title).`));
    if (checked("lead") && !nonEmptyString(t.lead))
      problems.add(problem("task.missingLead", at, `${where}: thiếu cơ quan chủ trì (lead).`));
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
      problem(
        "catalogue.invalidJson",
        { detail: detail.slice(0, 120) },
        `Tệp không phải JSON hợp lệ (${detail.slice(0, 120)}). Hãy kiểm tra dấu ngoặc, dấu phẩy và dấu nháy.`,
      ),
    ]);
  }
  if (!isRecord(data))
    throw new CatalogueError([
      problem(
        "catalogue.notObject",
        {},
        `Danh mục phải là một đối tượng JSON, không phải ${describe(data)}.`,
      ),
    ]);
  if (data.schema !== CATALOGUE_SCHEMA_ID) {
    problems.add(
      problem(
        "catalogue.schema",
        { expected: CATALOGUE_SCHEMA_ID },
        `Trường “schema” phải là “${CATALOGUE_SCHEMA_ID}”, không phải ${describe(data.schema)}.`,
      ),
    );
  }
  unknownKeys(data, ROOT_KEYS, "Danh mục", problems);
  for (const key of ["id", "title"] as const) {
    if (!nonEmptyString(data[key]))
      problems.add(
        problem("catalogue.missingField", { field: key }, `Thiếu trường “${key}” (chữ, không để trống).`),
      );
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
  if (!isRecord(source))
    problems.add(problem("catalogue.noSource", {}, "Thiếu “source” (văn bản nguồn của danh mục)."));
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
    problems.add(problem("catalogue.noTasks", {}, "“tasks” phải là một danh sách nhiệm vụ không rỗng."));
  } else if (rawTasks.length > MAX_TASKS) {
    problems.add(
      problem(
        "catalogue.tooManyTasks",
        { count: rawTasks.length, max: MAX_TASKS },
        `Danh mục có ${rawTasks.length} nhiệm vụ, vượt giới hạn ${MAX_TASKS}.`,
      ),
    );
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
/** "Phần I", "PHẦN II." */
const PART_AREA = /^ph[ầa]n\s+(VII|VI|V|IV|III|II|I)\b/i;
/** "A", "B." in the number column, or "A. NHIỆM VỤ…" in the content column. */
const LETTER_AREA_ID = /^([A-G])\.?$/;
const LETTER_AREA_TITLE = /^([A-G])[.)]\s+\S/;

/** The area an area heading names, when it names one of the seven. */
const AREA_BY_NAME: Array<[AreaCode, RegExp]> = [
  ["VII", /\b(chinh quyen dien tu|chinh quyen so|chuyen doi so)\b/],
  ["VI", /\btai chinh cong\b/],
  ["V", /\bche do cong vu\b/],
  ["IV", /\bto chuc bo may\b/],
  ["III", /\bthu tuc hanh chinh\b/],
  ["II", /\bthe che\b/],
  ["I", /\bchi dao\b.*\bdieu hanh\b/],
];

const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function cellText(v: unknown): string {
  return limitMarks(textOf(v)).normalize("NFC").replace(CONTROL_CHARS, "").trim();
}

/** A multi-line cell (Alt+Enter, Word paragraphs): each line trimmed, single spaces, no blank lines. */
function tidyLines(s: string): string {
  return s
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/[ \t\u00a0]+/g, " ").trim())
    .filter((l) => l !== "")
    .join("\n");
}

/** The row of column numbers under a header: "(1)", "1", "A" … */
function isColumnNumberRow(row: unknown[]): boolean {
  const cells = row.map(cellText).filter((c) => c !== "");
  return cells.length >= 2 && cells.every((c) => /^\(?([0-9]{1,2}|[A-Za-z])\)?$/.test(c));
}

type MarkerKind = "bullet" | "letter" | "dotted" | "number" | "other" | "none";

/** The numbering of a row: from the number column, else from the start of the content cell. */
function rowMarker(idCell: string, title: string): { kind: MarkerKind; stt: string; title: string } {
  if (idCell !== "") {
    if (/^[-+•*–—]$/.test(idCell)) return { kind: "bullet", stt: idCell, title: `${idCell} ${title}` };
    if (/^[a-zđ][.)]?$/.test(idCell)) return { kind: "letter", stt: idCell[0], title };
    if (/^\d+(\.\d+)+\.?$/.test(idCell)) return { kind: "dotted", stt: idCell.replace(/\.$/, ""), title };
    if (/^\d+[.)]?$/.test(idCell)) return { kind: "number", stt: idCell.replace(/[.)]$/, ""), title };
    return { kind: "other", stt: idCell.replace(/[.)]+$/, ""), title };
  }
  let m = /^[-+•*–—]\s*\S/.exec(title);
  if (m) return { kind: "bullet", stt: title[0], title };
  m = /^([a-zđ])[.)]\s+(\S[^]*)$/.exec(title);
  if (m) return { kind: "letter", stt: m[1], title: m[2] };
  m = /^(\d+(?:\.\d+)+)\.?\s+(\S[^]*)$/.exec(title);
  if (m) return { kind: "dotted", stt: m[1], title: m[2] };
  m = /^(\d+)[.)]\s+(\S[^]*)$/.exec(title);
  if (m) return { kind: "number", stt: m[1], title: m[2] };
  return { kind: "none", stt: "", title };
}

export interface TableParseResult {
  tasks: CatalogueTask[];
  headerRow: number;
  map: Partial<Record<CatalogueField, number>>;
  /** How the table was read: header rows, the decisions and the ambiguities to show the user. */
  layout: TableLayout;
}

function refuse(message: string): never {
  throw new CatalogueError([message]);
}

/**
 * Tasks from a 2-D table (CSV rows or a sheet's values), laid out as agencies lay out plan
 * appendices (see tableLayout.ts). `map` overrides the detected header mapping (the task pane
 * lets users correct it); `headerRow` is the 0-based (first) header row. A table that is not a
 * plan throws a CatalogueError saying why ("Bảng này không giống danh mục nhiệm vụ: …").
 */
export function tasksFromTable(
  rows: unknown[][],
  planYear: number,
  options: ParseOptions & { map?: Partial<Record<CatalogueField, number>>; headerRow?: number } = {},
): TableParseResult {
  const problems = new Problems();
  if (!Array.isArray(rows)) rows = [];
  // The table's encoding first: a short header cell alone ("Cô quan chuû trì", VNI) is not
  // recognisable, so headers are mapped after decoding them with the whole table's encoding.
  const allText = rows.slice(0, 2000).flatMap((r) => (Array.isArray(r) ? r.map(cellText) : []));
  const convert = legacyCheck(allText, problems, options);
  problems.throwIfAny();
  const decodedRows: unknown[][] = convert
    ? rows.map((r) =>
        Array.isArray(r)
          ? r.map((c) => (typeof c === "string" ? decodeLegacyVietnamese(cellText(c), convert) : c))
          : [],
      )
    : rows;
  const detected = analyseTableLayout(decodedRows, { headerRow: options.headerRow });
  if (!detected && options.headerRow === undefined) refuse(notAPlan(decodedRows, null) ?? "");
  if (!detected) {
    const row = (options.headerRow ?? 0) + 1;
    throw new CatalogueError([
      problem("table.headerOutside", { row }, `Dòng tiêu đề ${row} nằm ngoài bảng.`),
    ]);
  }
  const layout: TableLayout = options.map ? { ...detected, map: options.map } : detected;
  const map = layout.map;
  // A mapping the user changed is the user's decision; the detected one (handed back by the task
  // pane unchanged) still has to look like a plan.
  const checked = !options.map || sameMap(options.map, detected.map);
  if (checked) {
    const why = notAPlan(decodedRows, layout);
    if (why) refuse(why);
  } else if (map.title === undefined || map.lead === undefined) {
    // Columns still missing: if the sheet is no plan at all, say that rather than "choose a column".
    const why = notAPlan(decodedRows, analyseTableLayout(decodedRows));
    if (why) refuse(why);
  }
  if (map.title === undefined)
    problems.add(problem("table.noTitleColumn", {}, "Chưa chọn cột nội dung nhiệm vụ."));
  if (map.lead === undefined)
    problems.add(problem("table.noLeadColumn", {}, "Chưa chọn cột cơ quan chủ trì."));
  problems.throwIfAny();
  const text = (row: unknown[], field: CatalogueField): string => {
    const i = map[field];
    return i === undefined ? "" : tidyLines(cellText(row[i]));
  };
  /** A date cell read by exceljs is a Date: kept as the Excel serial Excel itself holds. */
  const raw = (row: unknown[], field: CatalogueField): unknown => {
    const i = map[field];
    const v = i === undefined ? "" : row[i];
    return v instanceof Date && !Number.isNaN(v.getTime()) ? dateToSerial(v) : v;
  };
  const headerKey = (field: CatalogueField) =>
    map[field] === undefined
      ? ""
      : foldVietnamese(cellText(rowOf(decodedRows, layout.headerRow)[map[field] as number]));
  const headerTitleKey = headerKey("title");
  const dataStart = layout.headerRow + layout.headerRows;

  const tasks: CatalogueTask[] = [];
  let area: AreaCode | "" = "";
  let counter = 0;
  let lastMainId = "";
  /** Id of the numbered group whose lettered/1.1 tasks follow (groups are headings, not tasks). */
  let groupId = "";
  let subCounter = 0;
  const letterAreas = new Map<string, AreaCode>();
  const meaningful = (row: unknown[]) => Array.isArray(row) && !row.every((c) => cellText(c) === "");
  const hasOwn = (row: unknown[]) =>
    text(row, "lead") !== "" || cellText(raw(row, "deadline")) !== "" || text(row, "status") !== "";

  for (let r = dataStart; r < decodedRows.length; r++) {
    const row = decodedRows[r];
    if (!meaningful(row)) continue;
    if (isColumnNumberRow(row)) continue;
    // A header repeated at the top of each page (tables converted from PDF).
    if (headerTitleKey !== "" && foldVietnamese(text(row, "title")) === headerTitleKey) continue;
    const idCell = text(row, "id");
    const titleCell = text(row, "title");
    const heading = hasOwn(row) ? null : areaHeading(idCell, titleCell, letterAreas);
    if (heading) {
      area = heading;
      counter = 0;
      groupId = "";
      lastMainId = "";
      continue;
    }
    if (titleCell === "") continue;
    const mark = rowMarker(idCell, titleCell);
    const title = mark.title;
    const previous = tasks[tasks.length - 1];
    // "- Kiểm tra 10 sở": a sub-item without its own lead/deadline belongs to the task above.
    if (previous && !hasOwn(row) && (mark.kind === "bullet" || (mark.kind === "letter" && groupId === ""))) {
      previous.title = `${previous.title}\n${mark.kind === "letter" ? `${idCell || mark.stt + ")"} ${title}` : title}`;
      continue;
    }
    // "1. Kiểm soát TTHC" with no lead nor deadline, followed by "a)" or "1.1" tasks: a group.
    if ((mark.kind === "number" || mark.kind === "none") && !hasOwn(row)) {
      let n = r + 1;
      while (n < decodedRows.length && (!meaningful(decodedRows[n]) || isColumnNumberRow(decodedRows[n])))
        n++;
      const next = decodedRows[n];
      if (next) {
        const nm = rowMarker(text(next, "id"), text(next, "title"));
        const local = mark.stt !== "" ? mark.stt : String(counter + 1);
        if (nm.kind === "letter" || (nm.kind === "dotted" && nm.stt.startsWith(local + "."))) {
          counter = mark.stt !== "" && /^\d+$/.test(mark.stt) ? Number(mark.stt) : counter + 1;
          groupId = area ? `${area}.${local}` : local;
          lastMainId = groupId;
          subCounter = 0;
          continue;
        }
      }
    }
    if (tasks.length >= MAX_TASKS) {
      problems.add(problem("table.tooManyTasks", { max: MAX_TASKS }, `Bảng có hơn ${MAX_TASKS} nhiệm vụ.`));
      break;
    }
    const explicitArea = text(row, "area").toUpperCase();
    const taskArea = (AREA_CODES as string[]).includes(explicitArea) ? (explicitArea as AreaCode) : area;
    let id: string;
    if (mark.kind === "letter" && lastMainId !== "") {
      // A lettered task of its own (it has a lead or a deadline), numbered under its group or task.
      subCounter += 1;
      id = `${lastMainId}.${mark.stt.toLowerCase()}`;
    } else if (mark.kind === "bullet" && lastMainId !== "") {
      subCounter += 1;
      id = `${lastMainId}.${subCounter}`;
    } else {
      counter += 1;
      const localId = mark.stt !== "" ? mark.stt : String(counter);
      id = taskArea && !localId.startsWith(taskArea + ".") ? `${taskArea}.${localId}` : localId;
      if (mark.kind !== "dotted") {
        lastMainId = id;
        groupId = "";
        subCounter = 0;
      }
    }
    const deadlineCell = raw(row, "deadline");
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
    const status = raw(row, "status");
    if (cellText(status) !== "")
      progress.status =
        typeof status === "number" || typeof status === "boolean" ? status : text(row, "status");
    const completedOn = raw(row, "completedOn");
    if (cellText(completedOn) !== "")
      progress.completedOn = typeof completedOn === "number" ? completedOn : text(row, "completedOn");
    if (text(row, "evidence")) progress.evidence = text(row, "evidence");
    if (text(row, "note")) progress.note = text(row, "note");
    if (Object.keys(progress).length > 0) task.progress = progress;
    tasks.push(task);
  }
  if (checked) {
    const why = notAPlan(
      decodedRows,
      layout,
      tasks.map((t) => t.title),
    );
    if (why) refuse(why);
  }
  if (tasks.length === 0)
    problems.add(problem("table.noTasks", {}, "Bảng không có nhiệm vụ nào dưới dòng tiêu đề."));
  problems.throwIfAny();
  validateTasks(tasks, planYear, problems, options, false);
  problems.throwIfAny();
  for (const [letter, code] of letterAreas) {
    if (!layout.decisions.some((d) => d.kind === "area-order" && d.message.includes(`“${letter}.`)))
      layout.decisions.push({
        kind: "area-order",
        message: `Mục “${letter}.” không nêu tên lĩnh vực: được xếp vào lĩnh vực ${code} theo thứ tự.`,
      });
  }
  return { tasks, headerRow: layout.headerRow, map, layout };
}

function sameMap(
  a: Partial<Record<CatalogueField, number>>,
  b: Partial<Record<CatalogueField, number>>,
): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<CatalogueField>;
  return [...keys].every((k) => a[k] === b[k]);
}

function rowOf(rows: unknown[][], r: number): unknown[] {
  return Array.isArray(rows[r]) ? rows[r] : [];
}

/** Excel's serial of a date cell (exceljs gives dates as UTC midnight). */
function dateToSerial(d: Date): number {
  return Math.round((d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** A row that opens an area: "III" / "Phần III" / "A." / "III. CẢI CÁCH THỦ TỤC…". */
function areaHeading(idCell: string, titleCell: string, letterAreas: Map<string, AreaCode>): AreaCode | null {
  const m = ROMAN_AREA.exec(idCell) ?? PART_AREA.exec(idCell) ?? PART_AREA.exec(titleCell);
  if (m) return m[1].toUpperCase() as AreaCode;
  const t = /^(VII|VI|V|IV|III|II|I)\s*[.)/:-]\s+\S/.exec(titleCell);
  if (t && idCell === "") return t[1] as AreaCode;
  const letter =
    LETTER_AREA_ID.exec(idCell)?.[1] ?? (idCell === "" ? LETTER_AREA_TITLE.exec(titleCell)?.[1] : undefined);
  if (!letter || titleCell === "") return null;
  const name = foldVietnamese(titleCell);
  for (const [code, re] of AREA_BY_NAME) if (re.test(name)) return code;
  const code = AREA_CODES[letter.charCodeAt(0) - 65];
  letterAreas.set(letter, code);
  return code;
}

/** CSV text → rows (papaparse, delimiter detected); unmatched quotes are a CatalogueError. */
export function parseCsvRows(text: string): unknown[][] {
  const parsed = Papa.parse<unknown[]>(text, { skipEmptyLines: "greedy", delimiter: "" });
  const fatal = parsed.errors.filter((e) => e.type === "Quotes");
  if (fatal.length > 0) {
    throw new CatalogueError(
      fatal
        .slice(0, 5)
        .map((e) =>
          problem(
            "csv.quotes",
            { row: (e.row ?? 0) + 1 },
            `CSV dòng ${(e.row ?? 0) + 1}: dấu nháy kép không khớp (${e.message}).`,
          ),
        ),
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
    throw new CatalogueError([
      problem("catalogue.notText", {}, `Nội dung danh mục phải là văn bản, không phải ${describe(text)}.`),
    ]);
  if (text.length > MAX_CATALOGUE_CHARS) {
    throw new CatalogueError([
      problem(
        "catalogue.tooLarge",
        { millions: Math.round(text.length / 1e6), max: MAX_CATALOGUE_CHARS / 1e6 },
        `Tệp quá lớn (${Math.round(text.length / 1e6)} triệu ký tự; tối đa ${MAX_CATALOGUE_CHARS / 1e6} triệu).`,
      ),
    ]);
  }
  const body = limitMarks(text.replace(/^\uFEFF/, ""));
  const head = body.trimStart().slice(0, 200);
  if (head === "") throw new CatalogueError([problem("catalogue.empty", {}, "Tệp danh mục rỗng.")]);
  if (/^<(!doctype|html|\?xml|head|body)/i.test(head)) {
    throw new CatalogueError([
      problem(
        "catalogue.html",
        {},
        "Nội dung nhận được là một trang HTML/XML (có thể là trang lỗi hoặc trang đăng nhập), không phải danh mục JSON hay CSV. Hãy kiểm tra lại địa chỉ.",
      ),
    ]);
  }
  if (head.startsWith("{") || head.startsWith("[")) return parseJsonCatalogue(body, options);
  const m = tableMeta(meta);
  const { tasks, layout } = tasksFromTable(parseCsvRows(body), m.planYear, options);
  // What the import could not settle, or settled from the values, is said (never silent).
  for (const a of layout.ambiguities) options.warnings?.push(a.message);
  for (const d of layout.decisions)
    if (d.kind === "column-from-values" || d.kind === "area-order") options.warnings?.push(d.message);
  return { ...m, tasks };
}

/** Folded text of a task, for change detection when re-pulling. */
export function taskFingerprint(t: CatalogueTask): string {
  return [t.area, t.title, t.lead, t.coordinating ?? "", t.output ?? "", String(t.deadline)]
    .map((s) => foldVietnamese(String(s)))
    .join("|");
}
