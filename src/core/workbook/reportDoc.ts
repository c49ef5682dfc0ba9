/**
 * The Báo cáo sheet as an administrative document (Nghị định 30/2020/NĐ-CP form, as the seed
 * letter CV 5893 shows it): issuing body and "Số: …/BC-…" top left, the national motto top right,
 * place and date, title and subject, "Kính gửi", a short body whose counts are formulas, "Nơi
 * nhận" and the signer's block, then the Phụ lục (every task of the unit, overdue first; or, for
 * the province-wide report, the per-unit table with self-assessed and reviewed scores).
 *
 * The editable parts live in Cấu hình (defined names CoQuanBaoCao, SoBaoCao, KinhGui,
 * ChucVuNguoiKy, NguoiKy, DonViBaoCao) and the sheet refers to them by formula, so an office
 * edits them once. The Phụ lục is a snapshot of Phân công written when the report is built.
 */
import { DEFAULT_PLAN_YEAR } from "../catalogue/planYear";
import { toExcelSerial } from "../dates/isoDate";
import { STATUS_CHOICES, TASK_STATUS_LABELS } from "../status/status";
import { displayName, type Unit } from "../units/units";
import {
  ALL_UNITS,
  DATE_FORMAT,
  LEVEL_LABELS,
  NAMES,
  PERCENT_FORMAT,
  POINTS_FORMAT,
  SHEETS,
  SUMMARY_HEADERS,
  SUMMARY_REVIEW_HEADERS,
  SUMMARY_TOTAL_LABEL,
} from "./layout";
import { scoreFormula, unitCount, reviewedDoneFormula, unreviewedFormula } from "./formulas";
import { assignmentStateLabel, summaryLines, type SummaryLine, type TrackerSettings } from "./evaluate";
import { planScore } from "../scoring/score";
import { isLink, type AssignmentRecord } from "./model";
import type { CellStyle, PlanCell, PlanOp } from "./plan";
import type { CatalogueBanner } from "./sheets";

/** The report document's editable parts (Cấu hình › BÁO CÁO). */
export interface ReportDoc {
  /** Issuing body, one line per level ("UBND TỈNH QUẢNG NGÃI\nSỞ NỘI VỤ"). */
  issuer: string;
  /** What follows "Số: " ("      /BC-SNV"). */
  docNumber: string;
  recipient: string;
  signerTitle: string;
  signerName: string;
  /** A unit name (its report) or ALL_UNITS (the province-wide report). */
  reportUnit: string;
}

const upper = (s: string) => s.toLocaleUpperCase("vi");

/** Defaults written into Cấu hình on a first pull (labelled there as to be edited). */
export function defaultReportDoc(unit: Unit | null): ReportDoc {
  if (!unit) {
    return {
      issuer: "UBND TỈNH QUẢNG NGÃI\nSỞ NỘI VỤ",
      docNumber: "      /BC-SNV",
      recipient: "Ủy ban nhân dân tỉnh Quảng Ngãi",
      signerTitle: "GIÁM ĐỐC",
      signerName: "",
      reportUnit: ALL_UNITS,
    };
  }
  const name = displayName(unit);
  const people = unit.level === "district" || unit.level === "commune";
  return {
    issuer:
      unit.level === "agency"
        ? `UBND TỈNH QUẢNG NGÃI\n${upper(unit.name)}`
        : people
          ? `ỦY BAN NHÂN DÂN\n${upper(unit.name)}`
          : upper(unit.name),
    docNumber: `      /BC-${unit.level === "agency" ? unit.id : "UBND"}`,
    recipient: "Ủy ban nhân dân tỉnh Quảng Ngãi (qua Sở Nội vụ)",
    signerTitle: people ? "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH" : "GIÁM ĐỐC",
    signerName: "",
    reportUnit: name,
  };
}

/** The report's layout: 9 columns (A..I); the left block A:C, the right block D:I. */
const LEFT = "A{r}:C{r}";
const RIGHT = "D{r}:I{r}";
const FULL = "A{r}:I{r}";
const at = (tpl: string, r: number) => tpl.replace(/\{r\}/g, String(r));

const UNIT_RECIPIENTS = ["- Như trên;", "- Sở Nội vụ (theo dõi);", "- Lưu: VT."];
const PROVINCE_RECIPIENTS = [
  "- Như trên;",
  "- Chủ tịch, các PCT UBND tỉnh;",
  "- Các sở, ban, ngành; UBND các huyện, thị xã, thành phố;",
  "- Lưu: VT, CCHC.",
];
/** Rows from the signer's title to the signer's name (space to sign, at least the Nơi nhận lines). */
const signatureGap = (recipients: readonly string[]) => Math.max(recipients.length + 1, 5);

/** Row (1-based) of the Phụ lục table's header — the print titles — of a unit's or the province's report. */
export function reportTableHeaderRow(unitReport: boolean): number {
  const sign = unitReport ? 14 : 15;
  return sign + signatureGap(unitReport ? UNIT_RECIPIENTS : PROVINCE_RECIPIENTS) + 4;
}

/** Headers of the per-unit Phụ lục table. */
export const REPORT_TASK_HEADERS = [
  "STT",
  "Mã NV",
  "Nhiệm vụ",
  "Hạn hoàn thành",
  "Tình trạng",
  "Ngày hoàn thành",
  "Minh chứng",
  "Kết quả thẩm định",
  "Giải trình",
] as const;

/** Headers of the province-wide Phụ lục table (one row per unit, figures from Tổng hợp). */
export const REPORT_UNIT_HEADERS = [
  "STT",
  "Đơn vị",
  "Được giao",
  "Hoàn thành",
  "Quá hạn",
  "Tỷ lệ hoàn thành",
  "Điểm tự đánh giá",
  "Điểm thẩm định",
  "Chưa thẩm định",
] as const;

/**
 * Headers of the figures row under the body (the body's sentence refers to these cells): Tổng
 * hợp's figures from Được giao to Tỷ lệ hoàn thành, then the scores and the unreviewed count.
 */
export const REPORT_FIGURE_HEADERS: readonly string[] = [
  ...SUMMARY_HEADERS.slice(1, 7),
  "Điểm tự đánh giá",
  ...SUMMARY_REVIEW_HEADERS.slice(2),
];

export const REPORT_SUBJECT = "Kết quả thực hiện nhiệm vụ cải cách hành chính";
export const MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"] as const;

export interface ReportOptions {
  doc?: ReportDoc;
  /** The plan year the subject names (the catalogue's). */
  planYear?: number;
  /** The Phân công table has the Thẩm định columns. */
  review?: boolean;
  /** The BacDiem table has its "Cận dưới" column. */
  tierBound?: boolean;
  /**
   * Province-wide: units expected to report that have not (filled once consolidation of unit
   * files exists; undefined = not known yet, the report says so).
   */
  notReported?: string[];
}

function ddmmyyyy(expr: string): string {
  return `RIGHT("0"&DAY(${expr}),2)&"/"&RIGHT("0"&MONTH(${expr}),2)&"/"&YEAR(${expr})`;
}
function isoToText(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

const q = (t: string) => `"${t.replace(/"/g, '""')}"`;

/** Which unit the report is about: the workbook's unit, else a unit chosen in Cấu hình, else none (province). */
export function reportUnitOf(
  assignments: readonly AssignmentRecord[],
  unit: Unit | null,
  doc: ReportDoc,
): string | null {
  if (unit) return displayName(unit);
  const wanted = doc.reportUnit.trim().toLowerCase();
  if (wanted === "" || wanted === ALL_UNITS.toLowerCase()) return null;
  const hit = assignments.find((a) => a.unit.toLowerCase() === wanted);
  return hit ? hit.unit : null;
}

/** Phụ lục order: overdue first, then by deadline (none last), then task id. */
function taskOrder(s: TrackerSettings) {
  const overdue = TASK_STATUS_LABELS.overdue.vi;
  return (a: AssignmentRecord, b: AssignmentRecord) => {
    const oa = assignmentStateLabel(a, s) === overdue ? 0 : 1;
    const ob = assignmentStateLabel(b, s) === overdue ? 0 : 1;
    if (oa !== ob) return oa - ob;
    const da = a.due ?? "9999-99-99";
    const db = b.due ?? "9999-99-99";
    if (da !== db) return da < db ? -1 : 1;
    return a.taskId.localeCompare(b.taskId, "vi", { numeric: true });
  };
}

const LEVEL_ORDER = [
  LEVEL_LABELS.agency,
  LEVEL_LABELS.central,
  LEVEL_LABELS.district,
  LEVEL_LABELS.commune,
  LEVEL_LABELS.unknown,
] as string[];
/** Characters of one paragraph row of the list (a row stays far below Excel's 409-point height). */
const LIST_CHUNK = 1200;

/**
 * The province-wide report's “Đơn vị chưa gửi báo cáo” paragraphs: unknown (not consolidated
 * yet), none, or the units by level (Sở, ban, ngành; Cơ quan Trung ương; Cấp huyện; Cấp xã),
 * sorted by name within a level, a long level split over several rows.
 */
export function notReportedParagraphs(
  notReported: readonly string[] | undefined,
  assignments: readonly AssignmentRecord[],
): string[] {
  if (notReported === undefined)
    return ["Đơn vị chưa gửi báo cáo: chưa xác định (sổ này chưa tổng hợp từ tệp báo cáo của các đơn vị)."];
  if (notReported.length === 0) return ["Đơn vị chưa gửi báo cáo: không có."];
  const levelOf = new Map<string, string>();
  for (const a of assignments) if (!levelOf.has(a.unit)) levelOf.set(a.unit, a.level);
  const groups = new Map<string, string[]>();
  for (const name of new Set(notReported)) {
    const bare = name.replace(/ \(.*\)$/, "");
    const level = levelOf.get(name) ?? levelOf.get(bare) ?? LEVEL_LABELS.unknown;
    groups.set(level, [...(groups.get(level) ?? []), name]);
  }
  const count = [...groups.values()].reduce((n, g) => n + g.length, 0);
  const out = [`Đơn vị chưa gửi báo cáo (${count}):`];
  const rank = (l: string) => (LEVEL_ORDER.includes(l) ? LEVEL_ORDER.indexOf(l) : LEVEL_ORDER.length);
  const levels = [...groups.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, "vi"));
  for (const level of levels) {
    const names = (groups.get(level) ?? []).sort((a, b) => a.localeCompare(b, "vi", { numeric: true }));
    let line = `- ${level} (${names.length}): `;
    names.forEach((n, i) => {
      const piece = n + (i === names.length - 1 ? "." : "; ");
      if (line.length + piece.length > LIST_CHUNK && !/: $/.test(line)) {
        out.push(line.trimEnd());
        line = "  ";
      }
      line += piece;
    });
    out.push(line.trimEnd());
  }
  return out;
}

/** Rough printed lines of a text in a column of `width` characters (for row heights of wrapped text). */
function lines(text: string, width: number): number {
  return text
    .split("\n")
    .reduce((n, part) => n + Math.max(1, Math.ceil((part.length * 1.08) / Math.max(4, width))), 0);
}

/**
 * The Báo cáo sheet. `unit`: the workbook's unit (one-unit workbook) or null; in a provincial
 * workbook, `doc.reportUnit` may choose a unit, else the report is province-wide.
 */
export function reportDocumentOps(
  assignments: readonly AssignmentRecord[],
  s: TrackerSettings,
  banner: CatalogueBanner,
  unit: Unit | null,
  options: ReportOptions = {},
): PlanOp[] {
  const sheet = SHEETS.report;
  const doc = options.doc ?? defaultReportDoc(unit);
  const review = options.review ?? true;
  const tierBound = options.tierBound ?? true;
  const year = options.planYear ?? banner.planYear ?? DEFAULT_PLAN_YEAR;
  const unitName = reportUnitOf(assignments, unit, doc);
  const d = s.reportDate;
  const ops: PlanOp[] = [{ op: "ensureSheet", sheet, clear: true, tabColor: "#7030A0" }];
  const write = (address: string, rows: PlanCell[][], style?: Parameters<typeof cellStyle>[0]) =>
    ops.push({ op: "writeCells", sheet, address, rows, ...(style ? { style: cellStyle(style) } : {}) });
  const merge = (address: string) => ops.push({ op: "mergeCells", sheet, address });
  const style = (address: string, st: Parameters<typeof cellStyle>[0]) =>
    ops.push({ op: "style", sheet, address, style: cellStyle(st) });

  // ── Header: issuing body | national motto; number | motto line 2; — | place and date ──
  const issuerLines = Math.max(1, doc.issuer.split("\n").length);
  write("A1", [[{ formula: `=${NAMES.reportIssuer}`, cached: doc.issuer }]], {
    bold: true,
    horizontal: "center",
    vertical: "top",
    wrap: true,
  });
  merge(at(LEFT, 1));
  write("D1", [[MOTTO[0]]], { bold: true, horizontal: "center", vertical: "top" });
  merge(at(RIGHT, 1));
  style("A1:I1", { rowHeight: 16 * issuerLines + 2 });
  write("A2", [[{ formula: `="Số: "&${NAMES.reportNumber}`, cached: `Số: ${doc.docNumber}` }]], {
    horizontal: "center",
  });
  merge(at(LEFT, 2));
  write("D2", [[MOTTO[1]]], { bold: true, horizontal: "center" });
  merge(at(RIGHT, 2));
  const dateFormula = `="Quảng Ngãi, ngày "&DAY(${NAMES.reportDate})&" tháng "&MONTH(${NAMES.reportDate})&" năm "&YEAR(${NAMES.reportDate})`;
  write(
    "D3",
    [
      [
        {
          formula: dateFormula,
          cached: `Quảng Ngãi, ngày ${Number(d.slice(8, 10))} tháng ${Number(d.slice(5, 7))} năm ${d.slice(0, 4)}`,
        },
      ],
    ],
    { italic: true, horizontal: "center" },
  );
  merge(at(RIGHT, 3));

  // ── Title, subject, recipient, source ──
  write("A5", [["BÁO CÁO"]], { bold: true, fontSize: 14, horizontal: "center" });
  merge(at(FULL, 5));
  const subject = unitName
    ? `${REPORT_SUBJECT} năm ${year} của ${unitName}`
    : `${REPORT_SUBJECT} năm ${year} của các cơ quan, đơn vị trên địa bàn tỉnh`;
  write("A6", [[subject]], {
    bold: true,
    horizontal: "center",
    wrap: true,
    rowHeight: 16 * lines(subject, 110) + 4,
  });
  merge(at(FULL, 6));
  write(
    "A7",
    [[{ formula: `="Kính gửi: "&${NAMES.reportRecipient}`, cached: `Kính gửi: ${doc.recipient}` }]],
    {
      horizontal: "center",
      wrap: true,
    },
  );
  merge(at(FULL, 7));
  const source = banner.official
    ? `Căn cứ danh mục nhiệm vụ: ${banner.title} (${banner.document}).`
    : `Danh mục: ${banner.title} — DỮ LIỆU MINH HỌA, không phải văn bản chính thức; không dùng để báo cáo.`;
  write("A8", [[source]], {
    italic: true,
    wrap: true,
    fontColor: banner.official ? undefined : "#C00000",
    rowHeight: 15 * lines(source, 125) + 3,
  });
  merge(at(FULL, 8));

  // ── Body: one sentence over a figures row whose cells are formulas ──
  const who = unitName ?? "các cơ quan, đơn vị";
  const intro = `Thực hiện Kế hoạch cải cách hành chính năm ${year} của UBND tỉnh, ${unitName ?? "Sở Nội vụ"} báo cáo kết quả thực hiện nhiệm vụ của ${unitName ? "đơn vị" : who} như sau:`;
  write("A9", [[intro]], { wrap: true, rowHeight: 15 * lines(intro, 125) + 3 });
  merge(at(FULL, 9));
  const figureHeaders: string[] = [...REPORT_FIGURE_HEADERS];
  if (!unitName) figureHeaders.splice(6, 2, "Điểm bình quân (tự đánh giá)", "Điểm bình quân (thẩm định)");
  write("A10", [figureHeaders], {
    bold: true,
    fill: "#DDEBF7",
    wrap: true,
    horizontal: "center",
    vertical: "center",
    rowHeight: 32,
  });
  const figures = unitName
    ? unitFigures(assignments, s, unitName, review, tierBound)
    : provinceFigures(assignments, s, review);
  write("A11", [figures.cells], { horizontal: "center" });
  ops.push(
    { op: "numberFormat", sheet, address: "A11:E11", format: "0" },
    { op: "numberFormat", sheet, address: "F11", format: PERCENT_FORMAT },
    { op: "numberFormat", sheet, address: "G11:H11", format: POINTS_FORMAT },
    { op: "numberFormat", sheet, address: "I11", format: "0" },
  );
  const f = figures.values;
  const scoreWords = unitName ? "Điểm tự đánh giá" : "Điểm bình quân tự đánh giá";
  const reviewedWords = unitName ? "điểm sau thẩm định" : "điểm bình quân sau thẩm định";
  const sentence =
    `="Tính đến ngày "&${ddmmyyyy(NAMES.reportDate)}&", ${unitName ? "đơn vị" : "các cơ quan, đơn vị"} được giao "&A11&" nhiệm vụ; đã hoàn thành "&B11&" nhiệm vụ ("&C11&" đúng hạn, "&D11&" trễ hạn); "&E11&" nhiệm vụ quá hạn; ` +
    `tỷ lệ hoàn thành "&SUBSTITUTE(ROUND(F11*100,1)&"",".",",")&"%. ${scoreWords}: "&SUBSTITUTE(ROUND(G11,2)&"",".",",")&"; ${reviewedWords}: "&SUBSTITUTE(ROUND(H11,2)&"",".",",")&" ("&I11&" nhiệm vụ báo hoàn thành chưa được thẩm định). Chi tiết tại Phụ lục kèm theo."`;
  const round = (n: number, k: number) => String(Math.round(n * 10 ** k) / 10 ** k).replace(".", ",");
  const sentenceText =
    `Tính đến ngày ${isoToText(d)}, ${unitName ? "đơn vị" : "các cơ quan, đơn vị"} được giao ${f.assigned} nhiệm vụ; đã hoàn thành ${f.done} nhiệm vụ (${f.doneOnTime} đúng hạn, ${f.doneLate} trễ hạn); ${f.overdue} nhiệm vụ quá hạn; ` +
    `tỷ lệ hoàn thành ${round(f.rate * 100, 1)}%. ${scoreWords}: ${round(f.points, 2)}; ${reviewedWords}: ${round(f.pointsReviewed, 2)} (${f.unreviewed} nhiệm vụ báo hoàn thành chưa được thẩm định). Chi tiết tại Phụ lục kèm theo.`;
  write("A12", [[{ formula: sentence, cached: sentenceText }]], {
    wrap: true,
    rowHeight: 15 * lines(sentenceText, 120) + 4,
  });
  merge(at(FULL, 12));
  let r = 13;
  if (!unitName) {
    for (const text of notReportedParagraphs(options.notReported, assignments)) {
      write(`A${r}`, [[text]], { wrap: true, rowHeight: 15 * lines(text, 125) + 3 });
      merge(at(FULL, r));
      r += 1;
    }
  }

  // ── Nơi nhận (left) and the signer (right) ──
  r += 1;
  const sign = r;
  write(`A${sign}`, [["Nơi nhận:"]], { bold: true, italic: true });
  merge(at(LEFT, sign));
  const signerLines = Math.max(1, doc.signerTitle.split("\n").length);
  write(`D${sign}`, [[{ formula: `=${NAMES.signerTitle}`, cached: doc.signerTitle }]], {
    bold: true,
    horizontal: "center",
    vertical: "top",
    wrap: true,
  });
  merge(at(RIGHT, sign));
  style(at(FULL, sign), { rowHeight: 16 * signerLines + 2 });
  const recipients = unitName ? UNIT_RECIPIENTS : PROVINCE_RECIPIENTS;
  recipients.forEach((line, i) => {
    write(`A${sign + 1 + i}`, [[line]], { fontSize: 9 });
    merge(at(LEFT, sign + 1 + i));
  });
  const nameRow = sign + signatureGap(recipients);
  write(
    `D${nameRow}`,
    [[{ formula: `=IF(${NAMES.signerName}="","",${NAMES.signerName})`, cached: doc.signerName }]],
    {
      bold: true,
      horizontal: "center",
    },
  );
  merge(at(RIGHT, nameRow));
  r = nameRow + 2;

  // ── Phụ lục ──
  write(`A${r}`, [["PHỤ LỤC"]], { bold: true, horizontal: "center" });
  merge(at(FULL, r));
  const appendixTitle = unitName
    ? `Danh sách nhiệm vụ của ${unitName} (nhiệm vụ quá hạn xếp trước; số liệu tại ngày ${isoToText(d)})`
    : `Kết quả theo từng cơ quan, đơn vị (số liệu tại ngày ${isoToText(d)}; điểm theo quy tắc ở trang “Cấu hình”)`;
  write(`A${r + 1}`, [[appendixTitle]], {
    italic: true,
    horizontal: "center",
    wrap: true,
    rowHeight: 15 * lines(appendixTitle, 125) + 3,
  });
  merge(at(FULL, r + 1));
  const header = r + 2; // = reportTableHeaderRow(unitName !== null)
  const headers = unitName ? REPORT_TASK_HEADERS : REPORT_UNIT_HEADERS;
  write(`A${header}`, [[...headers]], {
    bold: true,
    fill: "#DDEBF7",
    wrap: true,
    horizontal: "center",
    vertical: "center",
    rowHeight: 32,
  });
  const body = unitName ? taskRows(assignments, s, unitName, review) : unitRows(assignments, s, review);
  const first = header + 1;
  const last = header + Math.max(1, body.rows.length);
  if (body.rows.length > 0) write(`A${first}`, body.rows, { vertical: "top" });
  else write(`A${first}`, [["", "Không có nhiệm vụ nào."]]);
  body.heights.forEach((h, i) => style(at(FULL, first + i), { rowHeight: h }));
  style(`A${first}:I${last}`, { wrap: true });
  if (unitName) {
    ops.push(
      { op: "numberFormat", sheet, address: `D${first}:D${last}`, format: DATE_FORMAT },
      { op: "numberFormat", sheet, address: `F${first}:F${last}`, format: DATE_FORMAT },
      {
        op: "conditionalFormat",
        sheet,
        address: `E${first}:E${last}`,
        rule: {
          type: "textEquals",
          text: TASK_STATUS_LABELS.overdue.vi,
          fill: "#FFC7CE",
          fontColor: "#9C0006",
        },
      },
    );
  } else {
    ops.push(
      { op: "numberFormat", sheet, address: `C${first}:E${last}`, format: "0" },
      { op: "numberFormat", sheet, address: `F${first}:F${last}`, format: PERCENT_FORMAT },
      { op: "numberFormat", sheet, address: `G${first}:H${last}`, format: POINTS_FORMAT },
      { op: "numberFormat", sheet, address: `I${first}:I${last}`, format: "0" },
    );
    if (body.rows.length > 0) style(`A${last}:I${last}`, { bold: true });
  }
  ops.push(
    {
      op: "columnWidths",
      sheet,
      widths: (unitName ? [5, 8, 42, 11, 16, 11, 24, 11, 24] : [5, 40, 9, 10, 9, 11, 11, 11, 11]).map(
        (width, column) => ({ column, width }),
      ),
    },
    {
      op: "pageSetup",
      sheet,
      landscape: true,
      paper: "A4",
      printTitleRows: `$${header}:$${header}`,
      fitToWidth: true,
      printArea: `A1:I${last}`,
      centerFooter: "Trang &P/&N",
    },
  );
  return ops;
}

type StyleIn = CellStyle;
function cellStyle(s: StyleIn): StyleIn {
  const out: StyleIn = {};
  for (const [k, v] of Object.entries(s)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

interface Figures {
  cells: PlanCell[];
  values: {
    assigned: number;
    done: number;
    doneOnTime: number;
    doneLate: number;
    overdue: number;
    rate: number;
    points: number;
    pointsReviewed: number;
    unreviewed: number;
  };
}

/** The figures of one unit as formulas over PhanCong (the same COUNTIFS as Tổng hợp). */
function unitFigures(
  assignments: readonly AssignmentRecord[],
  s: TrackerSettings,
  unitName: string,
  review: boolean,
  tierBound: boolean,
): Figures {
  const { lines } = summaryLines(assignments, s);
  const l: SummaryLine | undefined = lines.find((x) => x.unit.toLowerCase() === unitName.toLowerCase());
  const u = q(unitName);
  const v = {
    assigned: l?.assigned ?? 0,
    done: l?.done ?? 0,
    doneOnTime: l?.doneOnTime ?? 0,
    doneLate: l?.doneLate ?? 0,
    overdue: l?.overdue ?? 0,
    rate: l?.completionRate ?? 0,
    points: l ? l.points : planScore(0, s.rule, 0),
    pointsReviewed: l ? l.pointsReviewed : planScore(0, s.rule, 0),
    unreviewed: l?.unreviewed ?? 0,
  };
  // Reviewed score from the reviewed rate: accepted + (unreviewed if counted), over assigned.
  const reviewedDone = reviewedDoneFormula(u, "I11").slice(1);
  const cells: PlanCell[] = [
    { formula: `=${unitCount(u)}`, cached: v.assigned },
    { formula: `=${unitCount(u, ["status", STATUS_CHOICES.done.vi])}`, cached: v.done },
    { formula: `=${unitCount(u, ["state", TASK_STATUS_LABELS["done-on-time"].vi])}`, cached: v.doneOnTime },
    { formula: `=${unitCount(u, ["state", TASK_STATUS_LABELS["done-late"].vi])}`, cached: v.doneLate },
    { formula: `=${unitCount(u, ["state", TASK_STATUS_LABELS.overdue.vi])}`, cached: v.overdue },
    { formula: `=IF(A11=0,0,B11/A11)`, cached: v.rate },
    { formula: scoreFormula("F11", "D11", tierBound), cached: v.points },
    review
      ? {
          formula: scoreFormula(`IF(A11=0,0,(${reviewedDone})/A11)`, "D11", tierBound),
          cached: v.pointsReviewed,
        }
      : { formula: "=G11", cached: v.points },
    review ? { formula: unreviewedFormula(u, "B11"), cached: v.unreviewed } : 0,
  ];
  return { cells, values: v };
}

/** Province-wide figures: the Tổng hợp total row; scores are the mean over units. */
function provinceFigures(
  assignments: readonly AssignmentRecord[],
  s: TrackerSettings,
  review: boolean,
): Figures {
  const { lines, total } = summaryLines(assignments, s);
  const n = lines.length;
  const t = n + 2;
  const ref = (c: string) => `='${SHEETS.summary}'!${c}${t}`;
  const mean = (k: "points" | "pointsReviewed") => (n === 0 ? 0 : lines.reduce((x, l) => x + l[k], 0) / n);
  const avg = (c: string, v: number): PlanCell =>
    n === 0 ? 0 : { formula: `=AVERAGE('${SHEETS.summary}'!${c}2:${c}${n + 1})`, cached: v };
  const v = {
    assigned: total.assigned,
    done: total.done,
    doneOnTime: total.doneOnTime,
    doneLate: total.doneLate,
    overdue: total.overdue,
    rate: total.completionRate,
    points: mean("points"),
    pointsReviewed: review ? mean("pointsReviewed") : mean("points"),
    unreviewed: review ? total.unreviewed : 0,
  };
  const cells: PlanCell[] = [
    { formula: ref("B"), cached: v.assigned },
    { formula: ref("C"), cached: v.done },
    { formula: ref("D"), cached: v.doneOnTime },
    { formula: ref("E"), cached: v.doneLate },
    { formula: ref("F"), cached: v.overdue },
    { formula: ref("G"), cached: v.rate },
    avg("H", v.points),
    review ? avg("K", v.pointsReviewed) : avg("H", v.points),
    review ? { formula: ref("L"), cached: v.unreviewed } : 0,
  ];
  return { cells, values: v };
}

/** Per-unit Phụ lục rows: every task of the unit, overdue first. */
function taskRows(
  assignments: readonly AssignmentRecord[],
  s: TrackerSettings,
  unitName: string,
  review: boolean,
): { rows: PlanCell[][]; heights: number[] } {
  const mine = assignments
    .filter((a) => a.unit.toLowerCase() === unitName.toLowerCase() && a.inCatalogue)
    .sort(taskOrder(s));
  const rows: PlanCell[][] = [];
  const heights: number[] = [];
  mine.forEach((a, i) => {
    const evidence = a.evidence ?? "";
    const verdict = review ? (a.review ?? "") : "";
    const explanation = a.explanation ?? "";
    rows.push([
      i + 1,
      a.taskId,
      a.title,
      a.due ? toExcelSerial(a.due) : "Không có thời hạn",
      assignmentStateLabel(a, s),
      a.completedOn ? toExcelSerial(a.completedOn) : null,
      evidence === "" ? null : isLink(evidence) ? { hyperlink: evidence, text: evidence } : evidence,
      verdict === "" ? null : verdict,
      explanation === "" ? null : explanation,
    ]);
    const n = Math.max(
      lines(a.title, 42),
      lines(evidence, 24),
      lines(explanation, 24),
      lines(a.taskId, 8),
      1,
    );
    heights.push(Math.min(409, 15 * n + 3));
  });
  return { rows, heights };
}

/** Province-wide Phụ lục rows: one per unit (figures referring to Tổng hợp), then the total. */
function unitRows(
  assignments: readonly AssignmentRecord[],
  s: TrackerSettings,
  review: boolean,
): { rows: PlanCell[][]; heights: number[] } {
  const { lines: ls, total } = summaryLines(assignments, s);
  const ref = (c: string, r: number) => `='${SHEETS.summary}'!${c}${r}`;
  const rows: PlanCell[][] = ls.map((l, i) => [
    i + 1,
    { formula: ref("A", i + 2), cached: l.unit },
    { formula: ref("B", i + 2), cached: l.assigned },
    { formula: ref("C", i + 2), cached: l.done },
    { formula: ref("F", i + 2), cached: l.overdue },
    { formula: ref("G", i + 2), cached: l.completionRate },
    { formula: ref("H", i + 2), cached: l.points },
    review ? { formula: ref("K", i + 2), cached: l.pointsReviewed } : null,
    review ? { formula: ref("L", i + 2), cached: l.unreviewed } : null,
  ]);
  const t = ls.length + 2;
  rows.push([
    null,
    SUMMARY_TOTAL_LABEL,
    { formula: ref("B", t), cached: total.assigned },
    { formula: ref("C", t), cached: total.done },
    { formula: ref("F", t), cached: total.overdue },
    { formula: ref("G", t), cached: total.completionRate },
    null,
    null,
    review ? { formula: ref("L", t), cached: total.unreviewed } : null,
  ]);
  const heights = [...ls.map((l) => Math.min(409, 15 * lines(l.unit, 40) + 3)), 18];
  return { rows, heights };
}
