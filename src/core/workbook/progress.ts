/**
 * Tiến độ do đơn vị báo cáo (progress reported by units) as a CSV file, for the headless export
 * (`npm run workbook -- --progress tien-do.csv`):
 *
 *   task_id,unit,status,completed_on,evidence[,note][,review,review_note,explanation]
 *   I.1,Sở Nội vụ,Đã hoàn thành,2024-03-20,https://…
 *   I.4,UBND huyện Bình Sơn,x,,Công văn 123/UBND
 *
 * `status` is kept as people type it ("x", "Đã xong", "Hoàn thành (trễ hạn)", …): the model maps
 * it to the drop-down values and keeps unknown text for the Kiểm tra column. `completed_on` is
 * YYYY-MM-DD (dd/mm/yyyy is accepted too). `unit` may be empty: the task's only lead unit (or the
 * workbook's unit). `review` is a reviewer's verdict (Đạt / Không đạt / Cần bổ sung, any case;
 * empty = not reviewed), `review_note` the reviewer's remark, `explanation` the unit's giải
 * trình. Every bad row is reported, in Vietnamese, in one ProgressCsvError.
 */
import Papa from "papaparse";
import { isIsoDate } from "../dates/isoDate";
import { findUnitAnyMap, unitKey } from "../units/units";
import { parseCompletionDate, type ProgressEntry } from "./model";
import { parseVerdict, REVIEW_VERDICTS } from "./review";

/** A progress entry with the CSV line it came from (1-based, the header is line 1). */
export interface ProgressCsvEntry extends ProgressEntry {
  line: number;
}

export const PROGRESS_COLUMNS = [
  "task_id",
  "unit",
  "status",
  "completed_on",
  "evidence",
  "note",
  "review",
  "review_note",
  "explanation",
] as const;
export type ProgressColumn = (typeof PROGRESS_COLUMNS)[number];
const REQUIRED: readonly ProgressColumn[] = ["task_id"];
/** Larger files are refused (one row per task × unit: 50,000 rows is a big province). */
export const MAX_PROGRESS_ROWS = 200_000;
const MAX_PROBLEMS = 200;
const FIELD_MAX = 32_000;

export class ProgressCsvError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    const shown = problems.slice(0, 3).join(" ");
    super(problems.length > 3 ? `${shown} (và ${problems.length - 3} lỗi khác)` : shown);
    this.name = "ProgressCsvError";
    this.problems = problems;
  }
}

function headerKey(h: unknown): string {
  return String(h ?? "")
    .replace(/^\uFEFF/, "")
    .normalize("NFC")
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

function cell(v: unknown): string {
  return v === null || v === undefined ? "" : String(v).normalize("NFC").trim();
}

function short(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** Parses the progress CSV; throws ProgressCsvError listing every problem (by line). */
export function parseProgressCsv(text: string): ProgressCsvEntry[] {
  if (typeof text !== "string") throw new ProgressCsvError(["Nội dung tệp tiến độ phải là văn bản."]);
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "")
    throw new ProgressCsvError([
      "Tệp tiến độ rỗng (cần dòng tiêu đề task_id,unit,status,completed_on,evidence).",
    ]);
  const parsed = Papa.parse<unknown[]>(body, { skipEmptyLines: false, delimiter: "" });
  const problems: string[] = [];
  const add = (p: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
    else if (problems.length === MAX_PROBLEMS) problems.push("… còn nữa: hãy sửa các lỗi trên rồi chạy lại.");
  };
  const rows = parsed.data;
  // Papa gives one row per line (skipEmptyLines: false) unless a quoted field spans lines; the
  // line number of a row is then counted from the newlines it contains.
  const lineOf: number[] = [];
  let line = 1;
  for (const r of rows) {
    lineOf.push(line);
    line +=
      1 +
      (Array.isArray(r)
        ? r.reduce<number>((n, v) => n + (String(v ?? "").match(/\r\n|\r|\n/g)?.length ?? 0), 0)
        : 0);
  }
  for (const e of parsed.errors.filter((x) => x.type === "Quotes")) {
    add(`Dòng ${lineOf[e.row ?? 0] ?? (e.row ?? 0) + 1}: dấu nháy kép không khớp (${e.message}).`);
  }
  if (problems.length > 0) throw new ProgressCsvError(problems);
  const headerIndex = rows.findIndex((r) => Array.isArray(r) && r.some((v) => cell(v) !== ""));
  if (headerIndex < 0)
    throw new ProgressCsvError([
      "Tệp tiến độ rỗng (cần dòng tiêu đề task_id,unit,status,completed_on,evidence).",
    ]);
  const header = rows[headerIndex].map(headerKey);
  const columns = new Map<ProgressColumn, number>();
  header.forEach((h, i) => {
    if (h === "" && rows.slice(headerIndex + 1).every((r) => cell(r[i]) === "")) return; // trailing comma
    if (!(PROGRESS_COLUMNS as readonly string[]).includes(h)) {
      add(
        `Dòng ${lineOf[headerIndex]}: cột “${short(String(rows[headerIndex][i] ?? ""))}” không được hỗ trợ. ` +
          `Các cột: ${PROGRESS_COLUMNS.join(", ")} (chỉ task_id bắt buộc).`,
      );
    } else if (columns.has(h as ProgressColumn)) {
      add(`Dòng ${lineOf[headerIndex]}: cột “${h}” bị lặp.`);
    } else columns.set(h as ProgressColumn, i);
  });
  for (const r of REQUIRED)
    if (!columns.has(r)) add(`Dòng ${lineOf[headerIndex]}: thiếu cột bắt buộc “${r}”.`);
  if (problems.length > 0) throw new ProgressCsvError(problems);

  const entries: ProgressCsvEntry[] = [];
  const seen = new Map<string, number>();
  const unitKeys = new Map<string, string>();
  const keyOfUnit = (unit: string) => {
    let k = unitKeys.get(unit);
    if (k === undefined) {
      // Units of either map: “Xã Sơn Hà” (2026) and “Xã Sơn Hạ” are not one unit.
      const u = findUnitAnyMap(unit);
      k = u ? (u.map === "2024" ? "id:" : "id2025:") + u.unit.id : "text:" + unitKey(unit);
      unitKeys.set(unit, k);
    }
    return k;
  };
  const get = (r: unknown[], c: ProgressColumn) => (columns.has(c) ? cell(r[columns.get(c) as number]) : "");
  const dataRows = rows.length - headerIndex - 1;
  if (dataRows > MAX_PROGRESS_ROWS)
    throw new ProgressCsvError([`Tệp tiến độ có ${dataRows} dòng, vượt giới hạn ${MAX_PROGRESS_ROWS}.`]);
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const r = rows[i];
    const at = `Dòng ${lineOf[i]}`;
    if (!Array.isArray(r) || r.every((v) => cell(v) === "")) continue;
    const extra = r.slice(header.length).filter((v) => cell(v) !== "");
    if (extra.length > 0)
      add(
        `${at}: thừa ${extra.length} ô so với dòng tiêu đề (kiểm tra dấu phẩy trong nội dung; hãy đặt nội dung có dấu phẩy trong dấu nháy kép).`,
      );
    const taskId = get(r, "task_id");
    if (taskId === "") add(`${at}: thiếu mã nhiệm vụ (task_id).`);
    for (const c of columns.keys())
      if (get(r, c).length > FIELD_MAX) add(`${at}: ô “${c}” dài quá ${FIELD_MAX} ký tự.`);
    const rawDate = get(r, "completed_on");
    let completedOn: string | undefined;
    if (rawDate !== "") {
      const iso = parseCompletionDate(rawDate);
      const year = iso ? Number(iso.slice(0, 4)) : 0;
      if (!iso || !isIsoDate(iso))
        add(
          `${at}: ngày hoàn thành “${short(rawDate)}” không hợp lệ (cần dạng YYYY-MM-DD, ví dụ 2024-12-31).`,
        );
      else if (year < 2000 || year > 2100)
        add(`${at}: ngày hoàn thành “${rawDate}” nằm ngoài các năm 2000–2100.`);
      else completedOn = iso;
    }
    const unit = get(r, "unit");
    if (taskId !== "") {
      const key = `${taskId}\u0001${unit === "" ? "" : keyOfUnit(unit)}`;
      const first = seen.get(key);
      if (first !== undefined)
        add(
          `${at}: trùng với dòng ${first} (cùng nhiệm vụ “${short(taskId)}” và đơn vị “${short(unit || "chủ trì")}”).`,
        );
      else seen.set(key, lineOf[i]);
    }
    const entry: ProgressCsvEntry = { line: lineOf[i], taskId };
    if (unit !== "") entry.unit = unit;
    const status = get(r, "status");
    if (status !== "") entry.status = status;
    if (completedOn) entry.completedOn = completedOn;
    const evidence = get(r, "evidence");
    if (evidence !== "") entry.evidence = evidence;
    const note = get(r, "note");
    if (note !== "") entry.note = note;
    const review = get(r, "review");
    if (review !== "") {
      const verdict = parseVerdict(review);
      if (!verdict)
        add(
          `${at}: kết quả thẩm định “${short(review)}” không hợp lệ (cần ${Object.values(REVIEW_VERDICTS)
            .map((v) => `“${v}”`)
            .join(", ")} hoặc để trống nếu chưa thẩm định).`,
        );
      else entry.review = REVIEW_VERDICTS[verdict];
    }
    const reviewNote = get(r, "review_note");
    if (reviewNote !== "") entry.reviewNote = reviewNote;
    const explanation = get(r, "explanation");
    if (explanation !== "") entry.explanation = explanation;
    entries.push(entry);
  }
  if (problems.length > 0) throw new ProgressCsvError(problems);
  return entries;
}
