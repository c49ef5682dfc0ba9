/**
 * `npm run workbook -- --catalogue <…> --report-date dd/mm/yyyy [--progress <file.csv>]
 * [--unit <name>] --out <file.xlsx>`: the tracking workbook the task pane builds, written to a
 * file without Excel (xuất sổ theo dõi không cần Excel). Every problem found in the arguments and
 * inputs is reported together, in Vietnamese, and no file is written then.
 */
import { takeFlagValue } from "./cliArgs";
import { promises as fs } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { isExcelDate } from "../core/dates/isoDate";
import { formatViDate, parseUserDate } from "../core/dates/userDate";
import { summaryLines } from "../core/workbook/evaluate";
import { foldVietnamese } from "../core/text/fold";
import { detectLegacyEncoding } from "../core/text/legacy";
import { parseCatalogue, tableMeta, tasksFromTable } from "../core/catalogue/parse";
import { CatalogueError, type Catalogue } from "../core/catalogue/types";
import {
  DEFAULT_PLAN_YEAR,
  isPlanYear,
  MAX_PLAN_YEAR,
  MIN_PLAN_YEAR,
  unitsAsOfOf,
} from "../core/catalogue/planYear";
import { unitLineage } from "../core/units/lineage";
import { BUNDLED_CATALOGUES, isBundledCatalogueId, loadBundledCatalogue } from "../core/catalogue/bundled";
import { displayName, findUnit, listUnits, unitById, unitCandidates, type Unit } from "../core/units/units";
import {
  buildModel,
  TooManyAssignmentsError,
  type ProgressEntry,
  type TrackerModel,
} from "../core/workbook/model";
import { defaultSettings, type TrackerSettings } from "../core/workbook/evaluate";
import { buildWorkbookPlan, TrackerError } from "../core/workbook/tracker";
import { parseProgressCsv, ProgressCsvError, type ProgressCsvEntry } from "../core/workbook/progress";
import { writeWorkbook } from "./xlsxWriter";
import { readXlsxSheet, SheetReadError, splitSheetSpec } from "./readSheet";
import { parseScoreRuleJson } from "../core/scoring/ruleData";
import type { ScoreRule } from "../core/scoring/score";
import { DEMO_PROGRESS_CATALOGUE, DEMO_PROGRESS_NOTE, demoProgress } from "../core/catalogue/demoProgress";
import { unitMapAt } from "../core/units/units";
import { PRIOR_RATE_HEADER, priorColumnOps } from "../core/workbook/priorColumn";
import type { PriorLine } from "../core/units/yearOverYear";
import { readPriorLines } from "./priorWorkbook";

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Clock for the "Nạp lúc" cell (tests fix it). */
  now?: () => Date;
}

export const USAGE = `Xuất sổ theo dõi CCHC 2024 ra tệp Excel (.xlsx) không cần mở Excel.

Cách dùng:
  npm run workbook -- --catalogue <tệp.json | tệp.csv | tệp.xlsx[#Trang] | demo-2024 | cv-5893-2024>
                      --report-date dd/mm/yyyy [--progress <tiến-độ.csv | demo-2024>]
                      [--unit <tên đơn vị>] [--score-rule <quy-tắc.json>] [--prior <sổ-2024.xlsx>]
                      --out <sổ.xlsx>

  --catalogue    Danh mục nhiệm vụ: tệp JSON (cchc-catalogue/1) hoặc CSV, hoặc một trang của tệp
                 Excel (tệp.xlsx#Tên trang; không ghi trang: trang đầu) như phụ lục kế hoạch dán
                 vào Excel, hoặc mã danh mục có sẵn (${BUNDLED_CATALOGUES.map((c) => c.id).join(", ")}).
  --report-date  Ngày báo cáo, dạng dd/mm/yyyy (ví dụ 15/12/2024) hoặc YYYY-MM-DD; mọi tình
                 trạng, số liệu và điểm tính theo ngày này.
  --progress     Tệp CSV tiến độ (hoặc demo-2024: tiến độ minh họa của danh mục demo-2024), dòng
                 tiêu đề: task_id,unit,status,completed_on,evidence (không bắt buộc: note,
                 review = Đạt / Không đạt / Cần bổ sung, review_note, explanation); ngày dạng
                 dd/mm/yyyy hoặc YYYY-MM-DD. Dòng không khớp phân công nào là lỗi.
  --score-rule   Tệp JSON quy tắc chấm điểm, ví dụ {"mode": "tiers", "maxPoints": 2, "tiers":
                 [{"minRate": 0.9, "points": 2, "strict": true}, {"minRate": 0.7, "points": 1}]}
                 (strict: true = "trên", bỏ trống = "từ"). Không ghi: quy tắc mặc định.
  --unit         Chỉ giữ phân công của một đơn vị (ví dụ "Sở Nội vụ", "UBND huyện Bình Sơn").
  --plan-year    Năm kế hoạch của tệp CSV (không ghi năm; mặc định 2024). Danh mục JSON tự ghi năm
                 ("planYear"), và bản đồ đơn vị theo năm đó (hoặc "unitsAsOf").
  --prior        Sổ theo dõi năm 2024 (.xlsx): trang Tổng hợp của sổ theo bản đồ từ 01/07/2025 có
                 thêm cột "Tỷ lệ 2024 (ước tính)" — tỷ lệ năm 2024 của các đơn vị cũ hợp thành
                 mỗi đơn vị (đơn vị cũ bị chia được tính trọn cho mỗi đơn vị mới: ước tính).
  --out          Tệp .xlsx sẽ ghi (chỉ ghi khi không có lỗi).
  --help         In hướng dẫn này.

Export the CCHC 2024 tracking workbook to an .xlsx file without Excel.

Usage:
  npm run workbook -- --catalogue <file.json | file.csv | file.xlsx[#Sheet] | demo-2024 | cv-5893-2024>
                      --report-date dd/mm/yyyy [--progress <progress.csv | demo-2024>]
                      [--unit <unit name>] [--score-rule <rule.json>] [--prior <2024-workbook.xlsx>]
                      --out <workbook.xlsx>

  --catalogue    Task catalogue: a JSON (cchc-catalogue/1) or CSV file, a sheet of an .xlsx file
                 (file.xlsx#Sheet; no sheet: the first one) such as a pasted plan appendix, or a
                 bundled id.
  --report-date  Report date, dd/mm/yyyy (e.g. 15/12/2024) or YYYY-MM-DD; every state, count
                 and score is computed as of it.
  --progress     Progress CSV (or demo-2024: the demo catalogue's sample progress) with header
                 task_id,unit,status,completed_on,evidence (optional note, review = Đạt /
                 Không đạt / Cần bổ sung, review_note, explanation); dates dd/mm/yyyy or
                 YYYY-MM-DD. A row that matches no assignment is an error.
  --score-rule   The score rule as JSON (mode, maxPoints, threshold, latePenalty, tiers of
                 {"minRate": 0.9, "points": 2, "strict": true}); default: the labelled default rule.
  --unit         Keep only one unit's assignments (one workbook per unit).
  --plan-year    Plan year of a CSV catalogue (which states none; default 2024). A JSON catalogue
                 states its own ("planYear"), and the map of units follows it (or "unitsAsOf").
  --prior        A 2024 tracking workbook (.xlsx): Tổng hợp of a workbook of the map from 01/07/2025
                 gets the column "Tỷ lệ 2024 (ước tính)" — the 2024 rate of the old units that
                 formed each unit (an old unit split between new ones counts whole: an estimate).
  --out          The .xlsx file to write (written only when there is no error).
  --help         Print this help.
`;

type Flag = "catalogue" | "report-date" | "progress" | "unit" | "score-rule" | "out" | "plan-year" | "prior";
const FLAGS: readonly Flag[] = [
  "catalogue",
  "report-date",
  "progress",
  "unit",
  "score-rule",
  "out",
  "plan-year",
  "prior",
];

export interface CliArgs {
  catalogue?: string;
  reportDate?: string;
  progress?: string;
  /** A JSON file holding the score rule (ScoreRule: mode, maxPoints, threshold, latePenalty, tiers). */
  scoreRule?: string;
  unit?: string;
  out?: string;
  /** Năm kế hoạch of a CSV catalogue (a JSON catalogue states its own `planYear`). */
  planYear?: string;
  /** A 2024 workbook: Tổng hợp gets the "Tỷ lệ 2024 (ước tính)" column (a new-map workbook only). */
  prior?: string;
  help: boolean;
}

/** Parses argv (after the script name); returns the problems instead of throwing. */
export function parseArgs(argv: readonly string[]): { args: CliArgs; problems: string[] } {
  const args: CliArgs = { help: false };
  const problems: string[] = [];
  const seen = new Set<Flag>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--help" || a === "-h") {
      args.help = true;
      continue;
    }
    const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(a);
    if (!m) {
      problems.push(
        `Đối số “${a}” không hợp lệ (các tùy chọn đều bắt đầu bằng --, ví dụ --out so-theo-doi.xlsx).`,
      );
      continue;
    }
    const flag = m[1] as Flag;
    if (!FLAGS.includes(flag)) {
      problems.push(
        `Tùy chọn không có: --${m[1]}. Các tùy chọn: ${FLAGS.map((f) => "--" + f).join(", ")}, --help.`,
      );
      if (m[2] === undefined && i + 1 < argv.length && !argv[i + 1].startsWith("--")) i += 1;
      continue;
    }
    const taken = takeFlagValue(argv, i, flag, m[2], seen, problems);
    i = taken.next;
    if (taken.value === null) continue;
    const value = taken.value;
    if (flag === "report-date") args.reportDate = value.trim();
    else if (flag === "plan-year") args.planYear = value.trim();
    else if (flag === "score-rule") args.scoreRule = value;
    else args[flag] = value;
  }
  return { args, problems };
}

/** Windows-1252 bytes 0x80–0x9F (the rest is Latin-1). Node 20's TextDecoder("windows-1252")
 *  decodes these as C1 controls, so the table is here. */
const CP1252_80_9F = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80] : String.fromCharCode(b);
  return out;
}

/** Letters only Vietnamese uses (after NFC): ă â đ ê ô ơ ư and the precomposed toned vowels. */
const VIETNAMESE_LETTERS = /[ăâđêôơưĂÂĐÊÔƠƯ\u1EA0-\u1EF9]/gu;
/** A combining mark left after NFC: the bytes were not Vietnamese text in that encoding. */
const STRAY_MARK = /[\u0300-\u036f]/u;

function vietnameseScore(text: string): number {
  const nfc = text.normalize("NFC");
  if (STRAY_MARK.test(nfc)) return -1;
  return nfc.match(VIETNAMESE_LETTERS)?.length ?? 0;
}

/** UTF-16 without a BOM: most code units of a CSV are ASCII, so one byte of each pair is 0. */
function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const pairs = Math.floor(Math.min(bytes.length, 4096) / 2);
  if (pairs < 2) return null;
  let zeroOdd = 0;
  let zeroEven = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) zeroEven += 1;
    if (bytes[2 * i + 1] === 0) zeroOdd += 1;
  }
  if (zeroOdd >= pairs * 0.3 && zeroEven <= pairs * 0.05) return "utf-16le";
  if (zeroEven >= pairs * 0.3 && zeroOdd <= pairs * 0.05) return "utf-16be";
  return null;
}

/**
 * Bytes of a text file → text, and the encoding used: UTF-8 (BOM or not), UTF-16 (BOM or not),
 * else Windows-1258 (what Vietnamese Windows saves as "ANSI") when that decoding yields Vietnamese
 * letters and no stray tone marks, else Windows-1252.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "UTF-16LE" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "UTF-16BE" };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16)
    return { text: new TextDecoder(utf16).decode(bytes), encoding: `${utf16.toUpperCase()} (không có BOM)` };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    const w1252 = decodeWindows1252(bytes);
    let w1258: string | null = null;
    try {
      w1258 = new TextDecoder("windows-1258").decode(bytes).normalize("NFC");
    } catch {
      w1258 = null;
    }
    // TCVN3/VNI bytes read as Windows-1252 are recognised (and converted) later: keep them so.
    if (
      w1258 !== null &&
      detectLegacyEncoding(w1252) === "unicode" &&
      vietnameseScore(w1258) > Math.max(0, vietnameseScore(w1252))
    )
      return { text: w1258, encoding: "Windows-1258" };
    return { text: w1252, encoding: "Windows-1252" };
  }
}

/** What to tell when a file read in another encoding than UTF-8 does not parse. */
export function encodingHint(file: string, encoding: string): string {
  return (
    `Tệp “${file}” không phải UTF-8 (đã đọc theo bảng mã ${encoding}): lỗi trên có thể do bảng mã. ` +
    "Hãy mở tệp bằng Excel, chọn File › Save As › “CSV UTF-8 (Comma delimited) (*.csv)” rồi chạy lại."
  );
}

async function readTextFile(
  file: string,
  what: string,
  problems: string[],
): Promise<{ text: string; encoding: string } | null> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) {
      problems.push(`${what} “${file}” không phải là tệp.`);
      return null;
    }
    if (stat.size > 50_000_000) {
      problems.push(`${what} “${file}” quá lớn (${Math.round(stat.size / 1e6)} MB).`);
      return null;
    }
    return decodeText(await fs.readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    problems.push(
      code === "ENOENT"
        ? `Không tìm thấy ${what.toLowerCase()} “${file}”.`
        : code === "EACCES"
          ? `Không có quyền đọc ${what.toLowerCase()} “${file}”.`
          : `Không đọc được ${what.toLowerCase()} “${file}” (${(e as Error).message}).`,
    );
    return null;
  }
}

/** Catalogue id from a file name: "Kế hoạch CCHC 2024.csv" → "ke-hoach-cchc-2024". */
export function idFromFileName(file: string): string {
  const base = path.basename(file).replace(/\.[^.]+$/, "");
  const id = foldVietnamese(base)
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64);
  return id || "danh-muc";
}

/** "json", "csv", "xlsx" (a sheet: "plan.xlsx#Phụ lục"), or null for anything else. */
export function catalogueKind(spec: string): "json" | "csv" | "xlsx" | null {
  const { file, sheet } = splitSheetSpec(spec);
  const ext = path.extname(file).toLowerCase();
  if (ext === ".xlsx") return "xlsx";
  if (sheet !== undefined) return null;
  return ext === ".json" ? "json" : ext === ".csv" ? "csv" : null;
}

/** A sheet of an .xlsx file read as the task pane reads a sheet: the same core path (tasksFromTable). */
async function loadSheetCatalogue(
  spec: string,
  problems: string[],
  notes: string[],
  planYear?: number,
): Promise<Catalogue | null> {
  const { file, sheet } = splitSheetSpec(spec);
  const name = path.basename(file);
  let read: { sheet: string; rows: unknown[][] };
  try {
    read = await readXlsxSheet(file, sheet);
  } catch (e) {
    if (e instanceof SheetReadError) {
      problems.push(...e.problems);
      return null;
    }
    throw e;
  }
  const meta = tableMeta({
    id: idFromFileName(`${path.basename(file, path.extname(file))}${sheet ? `-${read.sheet}` : ""}.xlsx`),
    title: `Danh mục nhập từ tệp ${name}, trang ${read.sheet}`,
    planYear: planYear ?? DEFAULT_PLAN_YEAR,
    source: { document: `${name}#${read.sheet}`, official: false },
  });
  try {
    const { tasks, layout } = tasksFromTable(read.rows, meta.planYear, { warnings: notes });
    for (const a of layout.ambiguities) notes.push(`Trang “${read.sheet}”: ${a.message}`);
    for (const d of layout.decisions)
      if (d.kind === "column-from-values" || d.kind === "area-order")
        notes.push(`Trang “${read.sheet}”: ${d.message}`);
    return { ...meta, tasks };
  } catch (e) {
    if (e instanceof CatalogueError) {
      problems.push(...e.problems.map((p) => `Danh mục “${name}”, trang “${read.sheet}”: ${p}`));
      return null;
    }
    throw e;
  }
}

async function loadCatalogue(
  spec: string,
  problems: string[],
  notes: string[],
  planYear?: number,
): Promise<Catalogue | null> {
  if (isBundledCatalogueId(spec)) {
    const c = await loadBundledCatalogue(spec);
    return checkStatedYear(c, planYear, spec, problems) ? c : null;
  }
  const kind = catalogueKind(spec);
  if (kind === "xlsx") return loadSheetCatalogue(spec, problems, notes, planYear);
  if (kind === null) {
    problems.push(
      `Danh mục “${spec}” phải là tệp .json, .csv hoặc .xlsx (tệp.xlsx#Tên trang), hoặc một mã có sẵn: ${BUNDLED_CATALOGUES.map((c) => c.id).join(", ")}.`,
    );
    return null;
  }
  const read = await readTextFile(spec, "Tệp danh mục", problems);
  if (!read) return null;
  if (read.encoding !== "UTF-8")
    notes.push(`Tệp danh mục không phải UTF-8: đã đọc theo bảng mã ${read.encoding}.`);
  const name = path.basename(spec);
  const warnings: string[] = [];
  try {
    const catalogue = parseCatalogue(
      read.text,
      {
        id: idFromFileName(spec),
        title: `Danh mục nhập từ tệp ${name}`,
        planYear: planYear ?? DEFAULT_PLAN_YEAR,
        source: { document: name, official: false },
      },
      // TCVN3/VNI text is converted, as the pane's “Chuyển mã sang Unicode” does, with a note.
      { convertLegacy: true, warnings },
    );
    notes.push(...warnings.map((w) => `Danh mục “${name}”: ${w}`));
    return kind === "json" && !checkStatedYear(catalogue, planYear, name, problems) ? null : catalogue;
  } catch (e) {
    if (e instanceof CatalogueError) {
      problems.push(...e.problems.map((p) => `Danh mục “${name}”: ${p}`));
      if (read.encoding !== "UTF-8") problems.push(encodingHint(name, read.encoding));
      return null;
    }
    throw e;
  }
}

/** --plan-year only where the catalogue does not say its year: a JSON catalogue's own year wins, a different one is an error. */
function checkStatedYear(
  c: Catalogue,
  planYear: number | undefined,
  name: string,
  problems: string[],
): boolean {
  if (planYear === undefined || planYear === c.planYear) return true;
  problems.push(
    `Danh mục “${name}” ghi năm kế hoạch ${c.planYear}; --plan-year ${planYear} chỉ dùng cho tệp CSV (không ghi năm). Bỏ --plan-year hoặc sửa “planYear” trong danh mục.`,
  );
  return false;
}

function unitLabel(u: Unit): string {
  const parent = u.parentId ? unitById(u.parentId) : null;
  return parent ? `${u.name} (${parent.name})` : u.name;
}

/** The unit named by --unit, or the problems (unknown: close names; ambiguous: every candidate). */
export function resolveUnitArg(name: string, asOf?: string): { unit: Unit | null; problem?: string } {
  const unit = asOf === undefined ? findUnit(name) : findUnit(name, undefined, asOf);
  if (unit) return { unit };
  const lineage = asOf === undefined ? null : unitLineage(name, undefined, asOf);
  if (lineage) return { unit: null, problem: `--unit: ${lineage.message}` };
  const candidates = asOf === undefined ? unitCandidates(name) : unitCandidates(name, asOf);
  if (candidates.length > 1) {
    return {
      unit: null,
      problem:
        `Tên đơn vị “${name}” khớp ${candidates.length} đơn vị: ${candidates.map(unitLabel).join("; ")}. ` +
        "Hãy ghi rõ hơn, ví dụ kèm tên huyện: “Phường Nguyễn Nghiêm, thị xã Đức Phổ”.",
    };
  }
  const words = foldVietnamese(name)
    .split(" ")
    .filter(
      (w) => w.length > 1 && !["ubnd", "xa", "huyen", "phuong", "so", "thi", "tran", "tinh"].includes(w),
    );
  const close =
    words.length === 0
      ? []
      : listUnits(undefined, asOf ?? null).filter((u) =>
          words.every((w) => ` ${foldVietnamese(u.name)} `.includes(` ${w} `)),
        );
  return {
    unit: null,
    problem:
      `Không nhận diện được đơn vị “${name}”.` +
      (close.length > 0
        ? ` Có phải: ${close.slice(0, 10).map(unitLabel).join("; ")}${close.length > 10 ? "; …" : ""}?`
        : " Hãy ghi tên đầy đủ như “Sở Nội vụ”, “UBND huyện Bình Sơn”, “Xã Bình Hòa, huyện Bình Sơn”."),
  };
}

function describeEntry(e: ProgressEntry): string {
  const line = (e as Partial<ProgressCsvEntry>).line;
  return `${line ? `dòng ${line}` : "một dòng"} (nhiệm vụ “${e.taskId}”, đơn vị “${e.unit ?? ""}”)`;
}

/** Why an unmatched progress entry matches nothing: the task or the unit. */
function unmatchedProblem(e: ProgressEntry, model: TrackerModel, file: string): string {
  const ofTask = model.assignments.filter((a) => a.taskId.toLowerCase() === e.taskId.toLowerCase());
  if (ofTask.length === 0)
    return `Tiến độ “${file}”, ${describeEntry(e)}: danh mục không có nhiệm vụ mã “${e.taskId}”.`;
  if (ofTask.every((a) => a.taskId !== e.taskId)) {
    return `Tiến độ “${file}”, ${describeEntry(e)}: mã nhiệm vụ phải ghi đúng chữ hoa/thường: “${ofTask[0].taskId}”.`;
  }
  const candidates = e.unit !== undefined ? unitCandidates(String(e.unit)) : [];
  if (candidates.length > 1) {
    return (
      `Tiến độ “${file}”, ${describeEntry(e)}: tên đơn vị chỉ ${candidates.length} đơn vị (${candidates.map(unitLabel).join("; ")}); ` +
      "hãy ghi rõ, ví dụ kèm tên huyện: “Phường Nguyễn Nghiêm, thị xã Đức Phổ”."
    );
  }
  const units = ofTask.map((a) => a.unit);
  return (
    `Tiến độ “${file}”, ${describeEntry(e)}: đơn vị này không được giao nhiệm vụ “${e.taskId}”. ` +
    `Đơn vị được giao: ${units.slice(0, 6).join("; ")}${units.length > 6 ? `; … (${units.length} đơn vị)` : ""}.`
  );
}

/** Progress of one unit taken from the all-units model (same result as the full workbook). */
function unitProgress(full: TrackerModel, unit: Unit): ProgressEntry[] {
  return (
    full.assignments
      .filter(
        (a) =>
          a.unitId === unit.id &&
          (a.status !== null ||
            a.completedOn !== null ||
            a.evidence !== null ||
            a.note !== null ||
            Boolean(a.review) ||
            Boolean(a.reviewNote) ||
            Boolean(a.explanation)),
      )
      // The unit's id names it without ambiguity ("Phường Nguyễn Nghiêm" is two wards).
      .map((a) => ({
        taskId: a.taskId,
        unit: unit.id,
        status: a.status,
        completedOn: a.completedOn,
        evidence: a.evidence,
        note: a.note,
        review: a.review ?? undefined,
        reviewNote: a.reviewNote ?? undefined,
        explanation: a.explanation ?? undefined,
      }))
  );
}

export interface ExportRequest {
  catalogue: Catalogue;
  settings: TrackerSettings;
  progress?: ProgressEntry[];
  unit?: Unit | null;
  loadedFrom: string;
  loadedAt: string;
  /** Name of the progress file, for messages. */
  progressFile?: string;
}

/** Model checks and the plan of an export; problems (Vietnamese) instead of a plan when inputs disagree. */
export function planExport(req: ExportRequest): {
  plan?: ReturnType<typeof buildWorkbookPlan>;
  problems: string[];
} {
  const problems: string[] = [];
  let progress = req.progress;
  if (progress && progress.length > 0) {
    let full: TrackerModel;
    try {
      full = buildModel(req.catalogue, { progress });
    } catch (e) {
      if (e instanceof TooManyAssignmentsError) return { problems: e.problems };
      throw e;
    }
    for (const e of full.unmatchedProgress)
      problems.push(unmatchedProblem(e, full, req.progressFile ?? "tiến độ"));
    for (const p of full.progressProblems) problems.push(`Tiến độ “${req.progressFile ?? "tiến độ"}”: ${p}`);
    if (problems.length > 0) return { problems };
    if (req.unit) progress = unitProgress(full, req.unit);
  }
  try {
    const built = buildWorkbookPlan({
      catalogue: req.catalogue,
      settings: req.settings,
      reportDateIsToday: false,
      unit: req.unit ?? null,
      progress,
      loadedFrom: req.loadedFrom,
      loadedAt: req.loadedAt,
    });
    for (const e of built.model.unmatchedProgress)
      problems.push(unmatchedProblem(e, built.model, req.progressFile ?? "tiến độ"));
    for (const p of built.model.progressProblems)
      problems.push(`Tiến độ “${req.progressFile ?? "tiến độ"}”: ${p}`);
    // A plan of the map from 01/07/2025 naming old units: never a guess, every successor listed.
    for (const l of built.model.lineage ?? [])
      problems.push(`Nhiệm vụ ${l.taskId} (${l.role.toLowerCase()}): ${l.answer.message}`);
    return problems.length > 0 ? { problems } : { plan: built, problems };
  } catch (e) {
    if (e instanceof TrackerError || e instanceof TooManyAssignmentsError) return { problems: e.problems };
    throw e;
  }
}

export async function writeAtomically(out: string, bytes: Buffer): Promise<void> {
  const tmp = path.join(
    path.dirname(out),
    `.${path.basename(out)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, out);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

function report(io: CliIO, problems: string[]): void {
  io.stderr(
    `Lỗi — không ghi tệp (${problems.length} vấn đề):\n${problems.map((p) => `  • ${p}`).join("\n")}\n`,
  );
  io.stderr("Xem hướng dẫn: npm run workbook -- --help\n");
}

/** Exit codes of `npm run workbook` (documented in docs/workbook-export.md). */
export const EXIT = { ok: 0, badInput: 1, badArguments: 2, cannotWrite: 3, internal: 4 } as const;

/** Why the output file could not be written, in Vietnamese, with what to do. */
export function writeFailure(out: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code ?? "";
  const dir = path.dirname(path.resolve(out));
  const why: Record<string, string> = {
    EACCES: `không có quyền ghi vào thư mục “${dir}”`,
    EPERM: `không có quyền ghi vào thư mục “${dir}”`,
    EROFS: `thư mục “${dir}” chỉ đọc`,
    ENOSPC: "ổ đĩa đã đầy",
    EDQUOT: "đã hết hạn mức dung lượng",
    ENOENT: `thư mục “${dir}” không còn tồn tại hoặc không ghi được`,
    EISDIR: `“${out}” là một thư mục`,
    EBUSY: `tệp “${out}” đang được mở ở chương trình khác (ví dụ Excel)`,
  };
  return (
    `Không ghi được tệp kết quả “${out}”: ${why[code] ?? (e instanceof Error ? e.message : String(e))}. ` +
    "Hãy chọn thư mục khác với --out (ví dụ thư mục của bạn) hoặc đóng tệp đang mở rồi chạy lại."
  );
}

/** Same file? (resolved paths, and the real path when the file exists). */
async function sameFile(a: string, b: string): Promise<boolean> {
  const real = (p: string) => fs.realpath(p).catch(() => path.resolve(p));
  if (path.resolve(a) === path.resolve(b)) return true;
  return (await real(a)) === (await real(b));
}

/**
 * Runs the command; returns the process exit code (EXIT: 0 written, 1 bad input, 2 bad
 * arguments, 3 the output cannot be written, 4 internal error). Never throws; never prints a
 * stack trace; never writes an input file.
 */
export async function runWorkbookCli(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    return await runCommand(argv, io);
  } catch (e) {
    io.stderr(
      `Lỗi nội bộ — không ghi tệp: ${e instanceof Error ? e.message : String(e)}. ` +
        "Hãy gửi lệnh đã chạy và thông báo này cho người quản trị.\n",
    );
    return EXIT.internal;
  }
}

async function runCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { args, problems } = parseArgs(argv);
  if (args.help) {
    io.stdout(USAGE);
    return problems.length > 0 ? 2 : 0;
  }
  if (!args.catalogue) problems.push("Thiếu --catalogue (tệp .json/.csv/.xlsx hoặc mã danh mục có sẵn).");
  else if (!isBundledCatalogueId(args.catalogue) && catalogueKind(args.catalogue) === null) {
    problems.push(
      `Danh mục “${args.catalogue}” phải là tệp .json, .csv hoặc .xlsx (tệp.xlsx#Tên trang), hoặc một mã có sẵn: ${BUNDLED_CATALOGUES.map((c) => c.id).join(", ")}.`,
    );
  }
  const reportDate = args.reportDate ? parseUserDate(args.reportDate) : null;
  if (!args.reportDate)
    problems.push("Thiếu --report-date (ngày báo cáo dạng dd/mm/yyyy, ví dụ 31/12/2024, hoặc YYYY-MM-DD).");
  else if (!reportDate)
    problems.push(
      `Ngày báo cáo “${args.reportDate}” không hợp lệ (cần dạng dd/mm/yyyy, ví dụ 31/12/2024, hoặc YYYY-MM-DD, ví dụ 2024-12-31).`,
    );
  else if (!isExcelDate(reportDate))
    problems.push(
      `Ngày báo cáo “${args.reportDate}” nằm ngoài khoảng ngày Excel lưu được (01/01/1900–31/12/9999); hãy ghi đúng năm, ví dụ 31/12/2024.`,
    );
  let planYear: number | undefined;
  if (args.planYear !== undefined) {
    const y = /^\d{4}$/.test(args.planYear) ? Number(args.planYear) : NaN;
    if (isPlanYear(y)) planYear = y;
    else
      problems.push(
        `Năm kế hoạch “${args.planYear}” không hợp lệ (cần một năm ${MIN_PLAN_YEAR}–${MAX_PLAN_YEAR}, ví dụ --plan-year 2026).`,
      );
  }
  if (args.scoreRule !== undefined && path.extname(args.scoreRule).toLowerCase() !== ".json")
    problems.push(`Tệp quy tắc chấm điểm “${args.scoreRule}” phải là tệp .json.`);
  if (!args.out) problems.push("Thiếu --out (tệp .xlsx sẽ ghi).");
  else if (path.extname(args.out).toLowerCase() !== ".xlsx")
    problems.push(`Tệp kết quả “${args.out}” phải có đuôi .xlsx.`);
  else {
    const dir = path.dirname(path.resolve(args.out));
    const st = await fs.stat(dir).catch(() => null);
    if (!st || !st.isDirectory()) problems.push(`Thư mục “${dir}” để ghi tệp kết quả không tồn tại.`);
    const target = await fs.stat(args.out).catch(() => null);
    if (target && target.isDirectory()) problems.push(`“${args.out}” là một thư mục, không phải tệp.`);
    for (const [flag, input] of [
      ["--progress", args.progress],
      ["--catalogue", args.catalogue],
      ["--prior", args.prior],
    ] as const) {
      if (input && (await sameFile(input, args.out)))
        problems.push(
          `--out “${args.out}” trùng với tệp đầu vào ${flag}: lệnh không bao giờ ghi đè tệp đầu vào. Hãy đặt tên khác cho tệp kết quả.`,
        );
    }
  }
  if (problems.length > 0) {
    report(io, problems);
    return 2;
  }

  const notes: string[] = [];
  const catalogue = await loadCatalogue(args.catalogue as string, problems, notes, planYear);
  let progress: ProgressEntry[] | undefined;
  if (args.progress === DEMO_PROGRESS_CATALOGUE) {
    if (args.catalogue !== DEMO_PROGRESS_CATALOGUE)
      problems.push(
        `Tiến độ minh họa “${DEMO_PROGRESS_CATALOGUE}” chỉ dùng với --catalogue ${DEMO_PROGRESS_CATALOGUE}.`,
      );
    else if (catalogue) {
      progress = demoProgress(catalogue);
      notes.push(`Tiến độ: ${DEMO_PROGRESS_NOTE} — ${progress.length} dòng.`);
    }
  } else if (args.progress) {
    const read = await readTextFile(args.progress, "Tệp tiến độ", problems);
    if (read) {
      if (read.encoding !== "UTF-8")
        notes.push(`Tệp tiến độ không phải UTF-8: đã đọc theo bảng mã ${read.encoding}.`);
      try {
        progress = parseProgressCsv(read.text);
      } catch (e) {
        if (!(e instanceof ProgressCsvError)) throw e;
        problems.push(...e.problems.map((p) => `Tiến độ “${path.basename(args.progress as string)}”: ${p}`));
        if (read.encoding !== "UTF-8")
          problems.push(encodingHint(path.basename(args.progress), read.encoding));
      }
    }
  }
  let rule: ScoreRule | null = null;
  if (args.scoreRule) {
    const read = await readTextFile(args.scoreRule, "Tệp quy tắc chấm điểm", problems);
    if (read) {
      const parsed = parseScoreRuleJson(read.text);
      rule = parsed.rule;
      problems.push(
        ...parsed.problems.map((p) => `Quy tắc chấm điểm “${path.basename(args.scoreRule as string)}”: ${p}`),
      );
    }
  }
  let prior: PriorLine[] | null = null;
  if (args.prior) {
    if (catalogue && unitMapAt(unitsAsOfOf(catalogue)) === "2024")
      problems.push(
        `--prior chỉ dùng cho sổ theo bản đồ đơn vị từ 01/07/2025 (kế hoạch năm 2026 trở đi, hoặc "unitsAsOf"); danh mục “${catalogue.title}” theo bản đồ năm 2024: bỏ --prior.`,
      );
    const read = await readPriorLines(args.prior);
    if (read.problem) problems.push(read.problem);
    prior = read.lines ?? null;
  }
  let unit: Unit | null = null;
  if (args.unit) {
    const r = catalogue ? resolveUnitArg(args.unit, unitsAsOfOf(catalogue)) : resolveUnitArg(args.unit);
    if (r.problem) problems.push(r.problem);
    unit = r.unit;
  }
  if (problems.length > 0 || !catalogue) {
    report(io, problems);
    return 1;
  }

  const now = (io.now ?? (() => new Date()))();
  const built = planExport({
    catalogue,
    settings: rule
      ? { ...defaultSettings(reportDate as string), rule }
      : defaultSettings(reportDate as string),
    progress,
    unit,
    loadedFrom: isBundledCatalogueId(args.catalogue)
      ? args.catalogue
      : path.basename(args.catalogue as string),
    loadedAt: now.toISOString(),
    progressFile:
      args.progress && args.progress !== DEMO_PROGRESS_CATALOGUE ? path.basename(args.progress) : undefined,
  });
  if (!built.plan) {
    report(io, built.problems);
    return 1;
  }
  const { plan, model } = built.plan;
  if (prior) {
    const names = summaryLines(model.assignments, defaultSettings(reportDate as string)).lines.map(
      (l) => l.unit,
    );
    const col = priorColumnOps(names, prior, { review: true, source: path.basename(args.prior as string) });
    plan.ops.push(...col.ops);
    notes.push(
      `Trang “Tổng hợp”: cột “${PRIOR_RATE_HEADER}” có ${col.filled}/${names.length} đơn vị` +
        (col.approximate.length > 0 ? `; ước tính vì đơn vị cũ bị chia: ${col.approximate.join(", ")}` : "") +
        ".",
    );
  }
  const fileNotes: string[] = [];
  const bytes = await writeWorkbook(plan, { notes: fileNotes, created: now });
  try {
    await writeAtomically(args.out as string, bytes);
  } catch (e) {
    report(io, [writeFailure(args.out as string, e)]);
    return EXIT.cannotWrite;
  }

  const units = new Set(model.assignments.map((a) => a.unitId ?? "text:" + a.unit)).size;
  const summarized = summaryLines(model.assignments, defaultSettings(reportDate as string)).lines.length;
  io.stdout(
    `Đã ghi ${args.out}: ${model.tasks.length} nhiệm vụ, ${model.assignments.length} phân công, ${units} đơn vị` +
      `${unit ? ` (chỉ ${displayName(unit)})` : ""}, ngày báo cáo ${formatViDate(reportDate as string)}` +
      `${progress ? `, ${progress.length} dòng tiến độ` : ""}.\n`,
  );
  if (summarized !== units)
    io.stdout(
      `  Trang “Tổng hợp” có ${summarized} dòng đơn vị: chỉ tính đơn vị chủ trì; ${units - summarized} đơn vị ` +
        "chỉ phối hợp (có trong trang “Phân công”) không có dòng riêng.\n",
    );
  const remarks = [...notes, ...fileNotes, ...model.warnings];
  if (remarks.length > 0) {
    io.stdout(
      `Lưu ý (${remarks.length}):\n${remarks
        .slice(0, 20)
        .map((w) => `  • ${w}`)
        .join("\n")}\n`,
    );
    if (remarks.length > 20) io.stdout(`  … và ${remarks.length - 20} lưu ý khác.\n`);
  }
  return 0;
}
