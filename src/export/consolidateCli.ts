/**
 * `npm run consolidate -- --into <province.xlsx> --out <result.xlsx> <unit files and/or folders…>
 * [--recursive] [--prefer unit] [--json]`: merges the workbooks units send back into a copy of the
 * provincial workbook (tổng hợp từ đơn vị), written atomically through the same plan and writer
 * as `npm run workbook`. Inputs are never modified. Exit: 0 written, 1 bad data (nothing
 * written), 2 bad arguments.
 */
import { takeFlagValue } from "./cliArgs";
import { promises as fs } from "node:fs";
import path from "node:path";
import {
  consolidate,
  consolidatedWorkbookPlan,
  ConsolidationError,
  readProvince,
  type ConsolidationReport,
  type UnitFileInput,
} from "../core/consolidate";
import { readWorkbookValues, MAX_FILE_BYTES } from "./readXlsx";
import { writeWorkbook } from "./xlsxWriter";
import { writeAtomically, type CliIO } from "./cli";

export const CONSOLIDATE_USAGE = `Tổng hợp sổ theo dõi CCHC của các đơn vị vào sổ tỉnh (không cần mở Excel).

Cách dùng:
  npm run consolidate -- --into <sổ-tỉnh.xlsx> --out <kết-quả.xlsx> <tệp .xlsx hoặc thư mục…>
                         [--recursive] [--prefer unit] [--json]

  --into       Sổ tỉnh (sổ của tất cả đơn vị) — chỉ đọc, không bị sửa.
  --out        Tệp .xlsx kết quả (ghi trọn vẹn hoặc không ghi gì).
  <tệp/thư mục> Sổ của các đơn vị; thư mục: mọi tệp .xlsx trong đó.
  --recursive  Đọc cả thư mục con.
  --prefer unit  Khi sổ tỉnh và sổ đơn vị ghi khác nhau một ô người rà soát đã nhập: lấy giá trị
               của đơn vị (mặc định giữ giá trị của sổ tỉnh). Mọi xung đột đều được liệt kê.
  --json       In kết quả dạng một đối tượng JSON.
  --help       In hướng dẫn này.

Mã thoát: 0 đã ghi, 1 dữ liệu sai (không ghi), 2 tùy chọn sai.

Merge the workbooks units send back into the provincial workbook. Options as above:
--into (read only), --out (written atomically), files or folders (*.xlsx), --recursive,
--prefer unit (conflicts take the unit's value; default keeps the provincial one), --json.
`;

export interface ConsolidateArgs {
  into?: string;
  out?: string;
  inputs: string[];
  recursive: boolean;
  preferUnit: boolean;
  json: boolean;
  help: boolean;
}

export function parseConsolidateArgs(argv: readonly string[]): { args: ConsolidateArgs; problems: string[] } {
  const args: ConsolidateArgs = { inputs: [], recursive: false, preferUnit: false, json: false, help: false };
  const problems: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--help" || a === "-h") {
      args.help = true;
      continue;
    }
    if (a === "--recursive") {
      args.recursive = true;
      continue;
    }
    if (a === "--json") {
      args.json = true;
      continue;
    }
    if (!a.startsWith("--")) {
      args.inputs.push(a);
      continue;
    }
    const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(a);
    const flag = m?.[1] ?? a;
    if (!m || !["into", "out", "prefer"].includes(flag)) {
      problems.push(
        `Tùy chọn không có: ${a}. Các tùy chọn: --into, --out, --recursive, --prefer unit, --json, --help.`,
      );
      continue;
    }
    const taken = takeFlagValue(argv, i, flag, m[2], seen, problems);
    i = taken.next;
    if (taken.value === null) continue;
    const value = taken.value;
    if (flag === "prefer") {
      if (value === "unit") args.preferUnit = true;
      else if (value !== "province")
        problems.push(
          `--prefer chỉ nhận “unit” (lấy giá trị của đơn vị) hoặc “province” (mặc định), không phải “${value}”.`,
        );
    } else if (flag === "into") args.into = value;
    else args.out = value;
  }
  return { args, problems };
}

async function listXlsx(dir: string, recursive: boolean, out: string[]): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (recursive) await listXlsx(p, recursive, out);
    } else if (e.isFile() && /\.xlsx$/i.test(e.name) && !e.name.startsWith("~$") && !e.name.startsWith(".")) {
      out.push(p);
    }
  }
}

async function readInput(file: string): Promise<UnitFileInput> {
  const name = path.basename(file);
  const stat = await fs.stat(file);
  const fileTime = stat.mtime.toISOString();
  if (!/\.xlsx$/i.test(name))
    return { name, fileTime, problem: "Không phải tệp .xlsx (chỉ nhận sổ Excel .xlsx)." };
  if (stat.size > MAX_FILE_BYTES)
    return {
      name,
      fileTime,
      problem: `Tệp quá lớn (${Math.round(stat.size / 1e6)} MB; tối đa ${MAX_FILE_BYTES / 1e6} MB).`,
    };
  const read = await readWorkbookValues(await fs.readFile(file));
  return { name, fileTime, ...read };
}

/** What the result carries over from the provincial workbook that the add-in does not own. */
interface Carried {
  sheets: string[];
  /** Columns of PhanCong. */
  columns: string[];
  /** Columns of NhiemVu. */
  taskColumns: string[];
}

function printReport(io: CliIO, r: ConsolidationReport, out: string | null, carried?: Carried): void {
  const lines: string[] = [];
  lines.push(
    out
      ? `Đã ghi ${out}: đọc ${r.filesRead} tệp, nhận ${r.accepted.length}, từ chối ${r.rejected.length}, bị thay thế ${r.superseded.length}; cập nhật ${r.rowsUpdated} dòng; ${r.conflicts.length} xung đột; ${r.unitsReported}/${r.unitsExpected} đơn vị đã nộp.`
      : `Không ghi tệp: đọc ${r.filesRead} tệp, không tệp nào hợp lệ.`,
  );
  if (carried && carried.sheets.length + carried.columns.length + carried.taskColumns.length > 0)
    lines.push(
      `  Giữ nguyên phần riêng của sổ tỉnh: ${[
        carried.sheets.length > 0 ? `trang ${carried.sheets.map((n) => `“${n}”`).join(", ")}` : "",
        carried.columns.length > 0
          ? `cột ${carried.columns.map((n) => `“${n}”`).join(", ")} của bảng PhanCong`
          : "",
        carried.taskColumns.length > 0
          ? `cột ${carried.taskColumns.map((n) => `“${n}”`).join(", ")} của bảng NhiemVu`
          : "",
      ]
        .filter(Boolean)
        .join("; ")}.`,
    );
  for (const a of r.accepted)
    lines.push(
      `  ✔ ${a.file} → ${a.unit} (phiên bản danh mục ${a.catalogueVersion || "—"}): ${a.rowsUpdated} dòng cập nhật${a.notes.length ? `; ${a.notes.join("; ")}` : ""}`,
    );
  for (const x of r.rejected) lines.push(`  ✘ ${x.file}: ${x.reason}`);
  for (const s of r.superseded) lines.push(`  ↷ ${s.file} (${s.unit}): bị thay thế bởi ${s.by} (lưu sau).`);
  if (r.conflicts.length > 0) {
    lines.push(
      `Xung đột (${r.conflicts.length}) — giữ giá trị của ${r.conflicts[0].kept === "unit" ? "đơn vị (--prefer unit)" : "sổ tỉnh"}:`,
    );
    for (const c of r.conflicts)
      lines.push(
        `  • ${c.unit}, nhiệm vụ ${c.taskId} (${c.file}): ${c.fields.map((f) => `${f.column}: sổ tỉnh “${f.province ?? ""}” ≠ đơn vị “${f.unit ?? ""}”`).join("; ")}`,
      );
  }
  for (const e of r.extraTasks)
    lines.push(`  ? ${e.file}: nhiệm vụ ${e.taskId} không có trong danh mục của sổ tỉnh (không ghi).`);
  for (const o of r.otherUnitRows) lines.push(`  ? ${o.file}: ${o.count} dòng của đơn vị khác (không ghi).`);
  if (r.unitsMissing.length > 0)
    lines.push(
      `Đơn vị chưa nộp (${r.unitsMissing.length}): ${r.unitsMissing.slice(0, 30).join("; ")}${r.unitsMissing.length > 30 ? "; … (xem trang “Nộp báo cáo” của tệp kết quả)" : ""}`,
    );
  io.stdout(lines.join("\n") + "\n");
}

/** Runs the command; returns the exit code. */
export async function runConsolidateCli(argv: readonly string[], io: CliIO): Promise<number> {
  const { args, problems } = parseConsolidateArgs(argv);
  if (args.help) {
    io.stdout(CONSOLIDATE_USAGE);
    return problems.length > 0 ? 2 : 0;
  }
  if (!args.into) problems.push("Thiếu --into (sổ tỉnh .xlsx).");
  if (!args.out) problems.push("Thiếu --out (tệp .xlsx kết quả).");
  else if (path.extname(args.out).toLowerCase() !== ".xlsx")
    problems.push(`Tệp kết quả “${args.out}” phải có đuôi .xlsx.`);
  if (args.inputs.length === 0) problems.push("Chưa nêu tệp hay thư mục sổ của đơn vị nào.");
  if (args.into) {
    const st = await fs.stat(args.into).catch(() => null);
    if (!st || !st.isFile()) problems.push(`Không tìm thấy sổ tỉnh “${args.into}”.`);
  }
  if (args.out) {
    const dir = path.dirname(path.resolve(args.out));
    const st = await fs.stat(dir).catch(() => null);
    if (!st || !st.isDirectory()) problems.push(`Thư mục “${dir}” để ghi tệp kết quả không tồn tại.`);
    const target = await fs.stat(args.out).catch(() => null);
    if (target?.isDirectory()) problems.push(`“${args.out}” là một thư mục, không phải tệp.`);
    if (args.into && path.resolve(args.into) === path.resolve(args.out))
      problems.push(
        "--out không được trùng --into: sổ tỉnh gốc không bao giờ bị ghi đè; hãy ghi ra tệp khác.",
      );
  }
  const files: string[] = [];
  for (const p of args.inputs) {
    const st = await fs.stat(p).catch(() => null);
    if (!st) problems.push(`Không tìm thấy tệp hay thư mục “${p}”.`);
    else if (st.isDirectory()) await listXlsx(p, args.recursive, files);
    else files.push(p);
  }
  if (problems.length > 0) {
    io.stderr(
      `Lỗi — không ghi tệp (${problems.length} vấn đề):\n${problems.map((p) => `  • ${p}`).join("\n")}\nXem hướng dẫn: npm run consolidate -- --help\n`,
    );
    return 2;
  }
  const into = path.resolve(args.into as string);
  const out = path.resolve(args.out as string);
  const unitFiles = [...new Set(files.map((f) => path.resolve(f)))].filter((f) => f !== into && f !== out);

  const provinceRead = await readWorkbookValues(await fs.readFile(into), { extras: true });
  const province = provinceRead.values
    ? readProvince(provinceRead.values)
    : { problems: [`Sổ tỉnh: ${provinceRead.problem}`] };
  if (!province.province) {
    io.stderr(`Lỗi — không ghi tệp:\n${province.problems.map((p) => `  • ${p}`).join("\n")}\n`);
    return 1;
  }
  const inputs: UnitFileInput[] = [];
  for (const f of unitFiles) inputs.push(await readInput(f));
  const prov = province.province;
  const result = consolidate(prov.rows, prov.catalogue.id, inputs, prov.previousSubmissions, {
    preferUnit: args.preferUnit,
  });
  const report = result.report;
  if (report.accepted.length === 0 && report.superseded.length === 0) {
    if (args.json) io.stdout(JSON.stringify({ ...report, written: null }) + "\n");
    else printReport(io, report, null);
    io.stderr(
      inputs.length === 0
        ? "Không có tệp .xlsx nào để tổng hợp — không ghi tệp.\n"
        : "Không có sổ đơn vị nào hợp lệ — không ghi tệp. Xem lý do từng tệp ở trên.\n",
    );
    return 1;
  }
  let plan;
  try {
    plan = consolidatedWorkbookPlan(prov, result).plan;
  } catch (e) {
    if (!(e instanceof ConsolidationError)) throw e;
    io.stderr(`Lỗi — không ghi tệp:\n${e.problems.map((p) => `  • ${p}`).join("\n")}\n`);
    return 1;
  }
  const bytes = await writeWorkbook(plan, { created: io.now ? io.now() : new Date() });
  await writeAtomically(out, bytes);
  const carried: Carried = {
    sheets: (prov.extraSheets ?? []).map((x) => x.name),
    columns: (prov.extraColumns ?? []).map((c) => c.header),
    taskColumns: (prov.extraTaskColumns ?? []).map((c) => c.header),
  };
  if (args.json) io.stdout(JSON.stringify({ ...report, carried, written: args.out }) + "\n");
  else printReport(io, report, args.out as string, carried);
  return 0;
}
