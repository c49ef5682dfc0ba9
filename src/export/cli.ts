/**
 * `npm run workbook -- --catalogue <…> --report-date dd/mm/yyyy [--progress <file.csv>]
 * [--unit <name>] --out <file.xlsx>`: the tracking workbook the task pane builds, written to a
 * file without Excel (xuất sổ theo dõi không cần Excel). Every problem found in the arguments and
 * inputs is reported together, in Vietnamese, and no file is written then.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { formatViDate, parseUserDate } from "../core/dates/userDate";
import { summaryLines } from "../core/workbook/evaluate";
import { foldVietnamese } from "../core/text/fold";
import { parseCatalogue } from "../core/catalogue/parse";
import { CatalogueError, type Catalogue } from "../core/catalogue/types";
import { BUNDLED_CATALOGUES, isBundledCatalogueId, loadBundledCatalogue } from "../core/catalogue/bundled";
import { displayName, findUnit, listUnits, unitById, unitCandidates, type Unit } from "../core/units/units";
import { buildModel, type ProgressEntry, type TrackerModel } from "../core/workbook/model";
import { defaultSettings, type TrackerSettings } from "../core/workbook/evaluate";
import { buildWorkbookPlan, TrackerError } from "../core/workbook/tracker";
import { parseProgressCsv, ProgressCsvError, type ProgressCsvEntry } from "../core/workbook/progress";
import { writeWorkbook } from "./xlsxWriter";
import { DEMO_PROGRESS_CATALOGUE, DEMO_PROGRESS_NOTE, demoProgress } from "../core/catalogue/demoProgress";

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Clock for the "Nạp lúc" cell (tests fix it). */
  now?: () => Date;
}

export const USAGE = `Xuất sổ theo dõi CCHC 2024 ra tệp Excel (.xlsx) không cần mở Excel.

Cách dùng:
  npm run workbook -- --catalogue <tệp.json | tệp.csv | demo-2024 | cv-5893-2024>
                      --report-date dd/mm/yyyy [--progress <tiến-độ.csv>] [--unit <tên đơn vị>]
                      --out <sổ.xlsx>

  --catalogue    Danh mục nhiệm vụ: tệp JSON (cchc-catalogue/1) hoặc CSV, hoặc mã danh mục có sẵn
                 (${BUNDLED_CATALOGUES.map((c) => c.id).join(", ")}).
  --report-date  Ngày báo cáo, dạng dd/mm/yyyy (ví dụ 15/12/2024) hoặc YYYY-MM-DD; mọi tình
                 trạng, số liệu và điểm tính theo ngày này.
  --progress     Tệp CSV tiến độ (hoặc demo-2024: tiến độ minh họa của danh mục demo-2024), dòng tiêu đề: task_id,unit,status,completed_on,evidence
                 (note không bắt buộc); ngày dạng dd/mm/yyyy hoặc YYYY-MM-DD. Dòng không khớp
                 phân công nào là lỗi.
  --unit         Chỉ giữ phân công của một đơn vị (ví dụ "Sở Nội vụ", "UBND huyện Bình Sơn").
  --out          Tệp .xlsx sẽ ghi (chỉ ghi khi không có lỗi).
  --help         In hướng dẫn này.

Export the CCHC 2024 tracking workbook to an .xlsx file without Excel.

Usage:
  npm run workbook -- --catalogue <file.json | file.csv | demo-2024 | cv-5893-2024>
                      --report-date dd/mm/yyyy [--progress <progress.csv>] [--unit <unit name>]
                      --out <workbook.xlsx>

  --catalogue    Task catalogue: a JSON (cchc-catalogue/1) or CSV file, or a bundled id.
  --report-date  Report date, dd/mm/yyyy (e.g. 15/12/2024) or YYYY-MM-DD; every state, count
                 and score is computed as of it.
  --progress     Progress CSV (or demo-2024: the demo catalogue's sample progress), with header task_id,unit,status,completed_on,evidence (optional note);
                 dates dd/mm/yyyy or YYYY-MM-DD. A row that matches no assignment is an error.
  --unit         Keep only one unit's assignments (one workbook per unit).
  --out          The .xlsx file to write (written only when there is no error).
  --help         Print this help.
`;

type Flag = "catalogue" | "report-date" | "progress" | "unit" | "out";
const FLAGS: readonly Flag[] = ["catalogue", "report-date", "progress", "unit", "out"];

export interface CliArgs {
  catalogue?: string;
  reportDate?: string;
  progress?: string;
  unit?: string;
  out?: string;
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
    let value = m[2];
    if (value === undefined) {
      if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) value = argv[++i];
      else {
        problems.push(`Thiếu giá trị sau --${flag}.`);
        continue;
      }
    }
    if (seen.has(flag)) problems.push(`Tùy chọn --${flag} được ghi hai lần.`);
    seen.add(flag);
    if (value.trim() === "") {
      problems.push(`Giá trị của --${flag} đang để trống.`);
      continue;
    }
    if (flag === "report-date") args.reportDate = value.trim();
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

/** Bytes of a text file → text: UTF-8 (BOM or not), UTF-16 with a BOM, else Windows-1252. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "UTF-16LE" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "UTF-16BE" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "Windows-1252" };
  }
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

async function loadCatalogue(spec: string, problems: string[], notes: string[]): Promise<Catalogue | null> {
  if (isBundledCatalogueId(spec)) return loadBundledCatalogue(spec);
  const ext = path.extname(spec).toLowerCase();
  if (ext !== ".json" && ext !== ".csv") {
    problems.push(
      `Danh mục “${spec}” phải là tệp .json hoặc .csv, hoặc một mã có sẵn: ${BUNDLED_CATALOGUES.map((c) => c.id).join(", ")}.`,
    );
    return null;
  }
  const read = await readTextFile(spec, "Tệp danh mục", problems);
  if (!read) return null;
  if (read.encoding !== "UTF-8")
    notes.push(`Tệp danh mục không phải UTF-8: đã đọc theo bảng mã ${read.encoding}.`);
  const name = path.basename(spec);
  try {
    return parseCatalogue(read.text, {
      id: idFromFileName(spec),
      title: `Danh mục nhập từ tệp ${name}`,
      planYear: 2024,
      source: { document: name, official: false },
    });
  } catch (e) {
    if (e instanceof CatalogueError) {
      problems.push(...e.problems.map((p) => `Danh mục “${name}”: ${p}`));
      return null;
    }
    throw e;
  }
}

function unitLabel(u: Unit): string {
  const parent = u.parentId ? unitById(u.parentId) : null;
  return parent ? `${u.name} (${parent.name})` : u.name;
}

/** The unit named by --unit, or the problems (unknown: close names; ambiguous: every candidate). */
export function resolveUnitArg(name: string): { unit: Unit | null; problem?: string } {
  const unit = findUnit(name);
  if (unit) return { unit };
  const candidates = unitCandidates(name);
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
      : listUnits().filter((u) => words.every((w) => ` ${foldVietnamese(u.name)} `.includes(` ${w} `)));
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
          (a.status !== null || a.completedOn !== null || a.evidence !== null || a.note !== null),
      )
      // The unit's id names it without ambiguity ("Phường Nguyễn Nghiêm" is two wards).
      .map((a) => ({
        taskId: a.taskId,
        unit: unit.id,
        status: a.status,
        completedOn: a.completedOn,
        evidence: a.evidence,
        note: a.note,
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
    const full = buildModel(req.catalogue, { progress });
    for (const e of full.unmatchedProgress)
      problems.push(unmatchedProblem(e, full, req.progressFile ?? "tiến độ"));
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
    return problems.length > 0 ? { problems } : { plan: built, problems };
  } catch (e) {
    if (e instanceof TrackerError) return { problems: e.problems };
    throw e;
  }
}

async function writeAtomically(out: string, bytes: Buffer): Promise<void> {
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

/** Runs the command; returns the process exit code (0 ok, 1 bad input, 2 bad arguments). */
export async function runWorkbookCli(argv: readonly string[], io: CliIO): Promise<number> {
  const { args, problems } = parseArgs(argv);
  if (args.help) {
    io.stdout(USAGE);
    return problems.length > 0 ? 2 : 0;
  }
  if (!args.catalogue) problems.push("Thiếu --catalogue (tệp .json/.csv hoặc mã danh mục có sẵn).");
  else if (
    !isBundledCatalogueId(args.catalogue) &&
    ![".json", ".csv"].includes(path.extname(args.catalogue).toLowerCase())
  ) {
    problems.push(
      `Danh mục “${args.catalogue}” phải là tệp .json hoặc .csv, hoặc một mã có sẵn: ${BUNDLED_CATALOGUES.map((c) => c.id).join(", ")}.`,
    );
  }
  const reportDate = args.reportDate ? parseUserDate(args.reportDate) : null;
  if (!args.reportDate)
    problems.push("Thiếu --report-date (ngày báo cáo dạng dd/mm/yyyy, ví dụ 31/12/2024, hoặc YYYY-MM-DD).");
  else if (!reportDate)
    problems.push(
      `Ngày báo cáo “${args.reportDate}” không hợp lệ (cần dạng dd/mm/yyyy, ví dụ 31/12/2024, hoặc YYYY-MM-DD, ví dụ 2024-12-31).`,
    );
  if (!args.out) problems.push("Thiếu --out (tệp .xlsx sẽ ghi).");
  else if (path.extname(args.out).toLowerCase() !== ".xlsx")
    problems.push(`Tệp kết quả “${args.out}” phải có đuôi .xlsx.`);
  else {
    const dir = path.dirname(path.resolve(args.out));
    const st = await fs.stat(dir).catch(() => null);
    if (!st || !st.isDirectory()) problems.push(`Thư mục “${dir}” để ghi tệp kết quả không tồn tại.`);
    const target = await fs.stat(args.out).catch(() => null);
    if (target && target.isDirectory()) problems.push(`“${args.out}” là một thư mục, không phải tệp.`);
  }
  if (problems.length > 0) {
    report(io, problems);
    return 2;
  }

  const notes: string[] = [];
  const catalogue = await loadCatalogue(args.catalogue as string, problems, notes);
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
      }
    }
  }
  let unit: Unit | null = null;
  if (args.unit) {
    const r = resolveUnitArg(args.unit);
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
    settings: defaultSettings(reportDate as string),
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
  const fileNotes: string[] = [];
  const bytes = await writeWorkbook(plan, { notes: fileNotes, created: now });
  await writeAtomically(args.out as string, bytes);

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
