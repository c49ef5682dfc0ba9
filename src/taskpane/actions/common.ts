/**
 * Shared pieces of the task-pane actions (thao tác): Vietnamese errors and reading the tracker's
 * state. Every action takes an Excel.RequestContext — no globals — and reaches the object model
 * only through the adapters of src/taskpane/excel/.
 */
import { problem, problemText, type Problem, type ProblemItem } from "../../core/problems/problem";
import { readConfig, type ConfigRead } from "../../core/workbook/config";
import { ASSIGNMENT_COLUMNS, TABLES, type AssignmentColumnKey } from "../../core/workbook/layout";
import type { TrackerSettings } from "../../core/workbook/evaluate";
import { missingAssignmentColumns } from "../../core/workbook/assignmentRow";
import { queueMeta, type WorkbookMeta } from "../excel/applyPlan";
import { queueTableRead, type TableRead } from "../excel/readTables";
import { queueConfigRead } from "../excel/configBlock";
import { SyncMeter } from "../excel/syncMeter";

export { SyncMeter, type ActionStats } from "../excel/syncMeter";

/** A failure the user can act on: what went wrong and what to do next, in Vietnamese. */
export class ActionError extends Error {
  readonly problems: string[];
  readonly hint: string;
  /** The problems and the hint with their codes, where they have one (said in the UI's language). */
  readonly items: ProblemItem[];
  readonly hintItem: ProblemItem;
  constructor(items: ProblemItem[], hint: ProblemItem) {
    const problems = items.map(problemText);
    super(problems.join(" "));
    this.name = "ActionError";
    this.problems = problems;
    this.hint = problemText(hint);
    this.items = items;
    this.hintItem = hint;
  }
}

export interface TrackerSnapshot {
  meta: WorkbookMeta;
  tasks: TableRead;
  assignments: TableRead;
  tiers: TableRead;
  config: ConfigRead | null;
}

/**
 * One round trip (plus one per further ~4 MB slice): what exists, the two tables (needed
 * columns), the Cấu hình block and the tier table.
 */
export async function readTracker(
  context: Excel.RequestContext,
  meter: SyncMeter,
  columns: { tasks: readonly string[]; assignments: readonly string[] },
  chunkBytes?: number,
): Promise<TrackerSnapshot> {
  const meta = queueMeta(context, [TABLES.tasks, TABLES.assignments]);
  const tasks = queueTableRead(context, TABLES.tasks, columns.tasks, chunkBytes);
  const assignments = queueTableRead(context, TABLES.assignments, columns.assignments, chunkBytes);
  const configRead = queueConfigRead(context);
  await meter.sync();
  const cfg = configRead.resolve();
  const tiers: TableRead = {
    exists: cfg.tiersExist,
    headers: cfg.tierHeaders,
    rowCount: cfg.tiers.length,
    rows: cfg.tiers,
    extraSyncs: 0,
  };
  return {
    meta: meta.resolve(),
    tasks: await tasks.finish(meter.sync),
    assignments: await assignments.finish(meter.sync),
    tiers,
    config: cfg.exists ? readConfig(cfg.block, cfg.tiers) : null,
  };
}

export function requireTracker(s: TrackerSnapshot): void {
  if (!s.tasks.exists || !s.assignments.exists) {
    throw new ActionError(
      [problem("tracker.missing", {}, "Sổ này chưa có bảng theo dõi (NhiemVu, PhanCong).")],
      problem("tracker.missingHint", {}, "Hãy bấm “Nạp danh mục” trước, rồi thực hiện lại thao tác này."),
    );
  }
  if (!s.config) {
    throw new ActionError(
      [problem("config.missing", {}, "Thiếu trang “Cấu hình” (ngày báo cáo, quy tắc chấm điểm).")],
      problem(
        "config.missingHint",
        {},
        "Hãy nạp lại danh mục: bổ trợ sẽ tạo lại trang Cấu hình với giá trị mặc định.",
      ),
    );
  }
  if (!s.config.settings) {
    throw new ActionError(
      s.config.problems,
      problem("config.fixCellsHint", {}, "Hãy sửa các ô đã nêu ở trang “Cấu hình” rồi thực hiện lại."),
    );
  }
}

/**
 * Every column an action reads or writes must be there under its own name: a renamed or deleted
 * column is refused (as a re-pull does), never read as empty.
 */
export function requireColumns(s: TrackerSnapshot, keys: readonly AssignmentColumnKey[]): void {
  const missing = missingAssignmentColumns(s.assignments.headers, [...new Set(keys)]);
  if (missing.length > 0) {
    throw new ActionError(
      [
        ...missing.map((h) =>
          problem(
            "columns.missing",
            { table: TABLES.assignments, column: h },
            `Bảng ${TABLES.assignments} thiếu cột “${h}” (có thể cột đã bị đổi tên hoặc xóa).`,
          ),
        ),
        problem("columns.nothingWritten", {}, "Bổ trợ không ghi gì để tránh làm sai số liệu."),
      ],
      problem("columns.restoreHint", {}, "Hãy khôi phục tên cột (hoặc Ctrl+Z) rồi thực hiện lại."),
    );
  }
}

/** The header of a Phân công column, as the add-in writes it. */
export function assignmentHeader(key: AssignmentColumnKey): string {
  return ASSIGNMENT_COLUMNS.find((c) => c.key === key)?.header as string;
}

/**
 * The read that opens the overdue, summary, report and score actions: the Phân công columns the
 * action needs, from a tracker that must exist with a readable Cấu hình (else an ActionError).
 */
export async function readTrackerFor(
  context: Excel.RequestContext,
  meter: SyncMeter,
  needed: readonly AssignmentColumnKey[],
  chunkBytes?: number,
  /** Further columns the action writes to or filters on (checked, not read). */
  uses: readonly AssignmentColumnKey[] = [],
): Promise<{ snap: TrackerSnapshot; settings: TrackerSettings }> {
  const snap = await readTracker(
    context,
    meter,
    { tasks: [], assignments: needed.map(assignmentHeader) },
    chunkBytes,
  );
  requireTracker(snap);
  requireColumns(snap, [...needed, ...uses]);
  return { snap, settings: snap.config?.settings as TrackerSettings };
}

/** Turns an Office.js error into a Vietnamese explanation with a next step. */
export function explainOfficeError(e: unknown): ActionError {
  if (e instanceof ActionError) return e;
  const err = e as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = err?.cause?.code ?? err?.code ?? "";
  const detail = err?.cause?.message ?? err?.message ?? String(e);
  const map: Record<string, [Problem, Problem]> = {
    RequestPayloadSizeLimitExceeded: [
      problem("office.payload", {}, "Dữ liệu gửi một lần vượt giới hạn của Excel trên web."),
      problem("office.payloadHint", {}, "Hãy thử lại; nếu vẫn lỗi, dùng Excel trên máy tính."),
    ],
    InvalidOperationInCellEditMode: [
      problem("office.cellEdit", {}, "Excel đang ở chế độ sửa ô."),
      problem("office.cellEditHint", {}, "Nhấn Enter hoặc Esc để thoát khỏi ô đang sửa rồi thử lại."),
    ],
    AccessDenied: [
      problem("office.accessDenied", {}, "Sổ đang được bảo vệ hoặc chỉ đọc."),
      problem("office.accessDeniedHint", {}, "Bỏ bảo vệ trang/sổ (Review › Unprotect) rồi thử lại."),
    ],
    ItemAlreadyExists: [
      problem("office.exists", {}, "Đã có một bảng hoặc tên trùng với tên bổ trợ dùng."),
      problem("office.existsHint", {}, "Đổi tên bảng/tên đó (Formulas › Name Manager) rồi thử lại."),
    ],
    InvalidArgument: [
      problem("office.invalidArgument", {}, "Excel từ chối một thao tác ghi."),
      problem(
        "office.invalidArgumentHint",
        {},
        "Hãy thử lại; nếu lỗi lặp lại, gửi nội dung lỗi cho người quản trị.",
      ),
    ],
  };
  const [what, next] = map[code] ?? [
    problem("office.other", {}, "Excel báo lỗi khi ghi vào sổ."),
    problem("office.otherHint", {}, "Hãy thử lại. Nếu lỗi lặp lại, lưu sổ, mở lại rồi thử lần nữa."),
  ];
  // Excel's own words, in Excel's language: kept as they are (marked Vietnamese in an English pane).
  return new ActionError([what, code ? `(${code}: ${detail})` : `(${detail})`], next);
}
