/**
 * Thời hạn (deadline) cells as plans write them → the last day by which the task must be done.
 *
 * Forms understood (any case, NFC or NFD, either tone-mark style, legacy TCVN3/VNI decoded first):
 *   quarters      Quý IV/2024 · Quý 4 năm 2024 · Quí IV · Q4/2024 · Quý III-IV/2024 · cuối quý II
 *   months        Tháng 12/2024 · tháng 12 năm 2024 · T12/2024 · 12/2024 · Tháng 10-12/2024 · cuối tháng 11
 *   dates         31/12/2024 · 15-10-2024 · 20.12.2024 · 31/12/24 · 2024-12-31 · trước (ngày) 15/12 ·
 *                 ngày 30 tháng 11 năm 2024 · chậm nhất ngày 30/11
 *   parts of year 6 tháng đầu năm · 6 tháng cuối năm · 9 tháng đầu năm 2024 · nửa đầu năm · cuối năm
 *   years         Năm 2024 · 2024 · năm 2024-2025
 *   serials       Excel date serials (numbers) and JS Date objects
 *   recurring     Thường xuyên · Hằng/Hàng quý|tháng|năm · Định kỳ · Cả năm · Trong năm (2024) · Liên tục
 *                 → due 31/12 of the plan year (CV 5893 treats them as due by year end)
 *   no deadline   Theo quy định · Theo yêu cầu · Theo chỉ đạo · Khi có yêu cầu · empty
 * Ranges are due at their end; several dates → the latest. A text it cannot read, or a date that
 * does not exist (31/11/2024, Quý 5), gives kind "none" with a Vietnamese `problem`. Never throws.
 */
import { decodeLegacyVietnamese } from "../text/legacy";
import { limitMarks } from "../text/normalize";
import {
  daysInMonth,
  formatIsoDate,
  fromExcelSerial,
  isoFromDate,
  isValidYmd,
  MAX_EXCEL_SERIAL,
} from "./isoDate";

export type DeadlineKind = "date" | "recurring" | "none";

export interface ParsedDeadline {
  kind: DeadlineKind;
  /** Last day to finish, "YYYY-MM-DD"; null when there is no fixed deadline. */
  due: string | null;
  /** Vietnamese explanation when the input could not be understood. */
  problem?: string;
}

/** How far (in years) a written year may be from the plan year before it is treated as a typo. */
const MAX_YEAR_DISTANCE = 5;
const QUOTE_MAX = 60;

const ROMAN_QUARTER: Record<string, number> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
  "01": 1,
  "02": 2,
  "03": 3,
  "04": 4,
};
const NUMBER_WORDS: Record<string, number> = { ba: 3, sau: 6, chin: 9 };

const RECURRING =
  /\b(thuong xuyen|hang (quy|thang|nam|tuan|ngay)|dinh ky|ca nam|trong nam|lien tuc|suot nam|quanh nam|theo (quy(?! dinh)|thang|nam|tuan)|\d+ (thang|nam|quy|tuan|ngay) ?\/ ?lan|(moi )?lan ?\/ ?(thang|quy|nam|tuan))\b/;
const NO_DEADLINE =
  /\b(theo (quy dinh|yeu cau|chi dao|ke hoach|tien do|huong dan|van ban|thong bao|lo trinh)|khi co (yeu cau|chi dao|van ban|huong dan)|chua (xac dinh|co thoi han)|khong (co )?thoi han|tuy (tinh hinh|theo))\b|^theo\b|^(n ?\/ ?a|na|none|khong|khong co|chua co)$/;
/** Cells that only say "nothing here". */
const EMPTY_MARKERS = /^[\s\-–—.…_/x?]*$/;

interface Mention {
  due?: string;
  problem?: string;
}

/** Lowercase, unaccented, đ→d, dashes unified, single spaces; keeps / - . , as separators. */
function keyOf(text: string): string {
  return limitMarks(text)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐðÐ]/g, "d")
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\s\u00a0\u200b]+/g, " ")
    .trim();
}

function quote(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  return `“${t.length > QUOTE_MAX ? t.slice(0, QUOTE_MAX) + "…" : t}”`;
}

function endOfMonth(year: number, month: number): string {
  return formatIsoDate(year, month, daysInMonth(year, month));
}

function yearOf(raw: string | undefined, planYear: number): number {
  if (raw === undefined || raw === "") return planYear;
  const n = Number(raw);
  return raw.length <= 2 ? 2000 + n : n;
}

function checkYear(year: number, planYear: number): string | undefined {
  return Math.abs(year - planYear) > MAX_YEAR_DISTANCE
    ? `năm ${year} cách xa năm kế hoạch ${planYear}`
    : undefined;
}

function dayMention(d: number, m: number, yRaw: string | undefined, planYear: number): Mention {
  const year = yearOf(yRaw, planYear);
  if (!isValidYmd(year, m, d)) return { problem: `ngày ${d}/${m}/${year} không tồn tại` };
  const far = checkYear(year, planYear);
  return far ? { problem: far } : { due: formatIsoDate(year, m, d) };
}

function monthMention(m: number, yRaw: string | undefined, planYear: number, part?: string): Mention {
  const year = yearOf(yRaw, planYear);
  if (m < 1 || m > 12) return { problem: `tháng ${m} không tồn tại` };
  const far = checkYear(year, planYear);
  if (far) return { problem: far };
  if (part === "dau") return { due: formatIsoDate(year, m, 10) };
  if (part === "giua") return { due: formatIsoDate(year, m, 15) };
  return { due: endOfMonth(year, m) };
}

function quarterMention(q: number, yRaw: string | undefined, planYear: number, part?: string): Mention {
  const year = yearOf(yRaw, planYear);
  const far = checkYear(year, planYear);
  if (far) return { problem: far };
  const lastMonth = q * 3;
  if (part === "dau") return { due: endOfMonth(year, lastMonth - 2) };
  if (part === "giua") return { due: endOfMonth(year, lastMonth - 1) };
  return { due: endOfMonth(year, lastMonth) };
}

type Rule = { re: RegExp; read: (m: RegExpExecArray, planYear: number) => Mention | Mention[] };

/** A 4-digit year after "/", "-", ".", ",", "năm" or a space: "/2024", ", năm 2024", " 2024". */
const YEAR4 = String.raw`(?:\s*(?:[\/.,-]\s*)?(?:nam\s*)?(\d{4})(?!\d))?`;
/** As YEAR4, or a 2-digit year after "/", "-", "." ("T12/24"): two groups. */
const YEAR = String.raw`(?:\s*(?:[\/.,-]\s*)?(?:nam\s*)?(\d{4})(?!\d)|\s*[\/.-]\s*(\d{2})(?!\d))?`;
const QNUM = String.raw`(iv|iii|ii|i|0?[1-4])(?![a-z0-9])`;
const PART = String.raw`(?:(dau|giua|cuoi)\s+)?`;

/** Applied in order; each match is blanked out so later rules do not read it again. */
const RULES: Rule[] = [
  // 2024-12-31 · 2024/12/31 · 2024.12.31 (year first: never read as 20/24 of 2031)
  {
    re: /\b(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)/g,
    read: (m, py) => dayMention(Number(m[4]), Number(m[3]), m[1], py),
  },
  // Tuần 1 tháng 12/2024 → the last day of that week (7 × n, at most the month's end)
  {
    re: new RegExp(
      String.raw`\btuan\s*(?:thu\s*)?(\d{1,2})\s*(?:cua\s*)?thang\s*(\d{1,2})(?!\d)` + YEAR,
      "g",
    ),
    read: (m, py) => {
      const n = Number(m[1]);
      const month = Number(m[2]);
      if (n < 1 || n > 5) return { problem: `tuần ${n} không tồn tại (một tháng có tuần 1–5)` };
      if (month < 1 || month > 12) return { problem: `tháng ${month} không tồn tại` };
      const year = yearOf(m[3] ?? m[4], py);
      return dayMention(Math.min(7 * n, daysInMonth(year, month)), month, m[3] ?? m[4], py);
    },
  },
  // ngày 30 tháng 11 năm 2024 · ngày 15 tháng 12, năm 2024 · 30 tháng 11
  {
    re: new RegExp(String.raw`(?:\bngay\s*)?\b(\d{1,2})\s*thang\s*(\d{1,2})(?!\d)` + YEAR, "g"),
    read: (m, py) => dayMention(Number(m[1]), Number(m[2]), m[3] ?? m[4], py),
  },
  // Quý III-IV/2024 · quý 4 năm 2024 · Quý II, năm 2024 · Q.IV · cuối quý II
  {
    re: new RegExp(
      PART +
        String.raw`\b(?:quy|qui|q)\s*\.?\s*` +
        QNUM +
        String.raw`(?:\s*(?:-|den|toi|va|,|\/)\s*(?:(?:quy|qui|q)\s*\.?\s*)?` +
        QNUM +
        ")?" +
        YEAR4,
      "g",
    ),
    read: (m, py) => quarterMention(ROMAN_QUARTER[m[3] ?? m[2]], m[4], py, m[1]),
  },
  // "Quý 5", "Quý VI": a quarter that does not exist (must not be read as a month below).
  {
    re: /\b(?:quy|qui)\s*\.?\s*(\d+|[ivxlc]+)(?![a-z0-9])/g,
    read: (m) => ({ problem: `quý “${m[1].toUpperCase()}” không tồn tại, chỉ có quý I–IV` }),
  },
  // 6 tháng đầu năm · 9 tháng đầu năm 2024 · 02 tháng cuối năm
  {
    re: /\b(\d{1,2}|sau|chin|ba) thang (dau|cuoi) nam(?:\s*(\d{4}))?/g,
    read: (m, py) => {
      const n = /^\d+$/.test(m[1]) ? Number(m[1]) : NUMBER_WORDS[m[1]];
      if (n < 1 || n > 12) return { problem: `“${n} tháng” không hợp lệ` };
      return monthMention(m[2] === "dau" ? n : 12, m[3], py);
    },
  },
  // nửa đầu năm · nửa cuối năm
  {
    re: /\bnua (dau|cuoi|sau) nam(?:\s*(\d{4}))?/g,
    read: (m, py) => monthMention(m[1] === "dau" ? 6 : 12, m[2], py),
  },
  // Tháng 10-12/2024 · từ tháng 10 đến tháng 12 năm 2024 · Tháng 3, 6, 9 và 12
  {
    re: new RegExp(
      String.raw`\b(?:thang|t)\s*\.?\s*(\d{1,2}(?:\s*(?:-|den|toi|va|,)\s*(?:thang\s*)?\d{1,2}(?!\d))+)` +
        YEAR4,
      "g",
    ),
    read: (m, py) => (m[1].match(/\d{1,2}/g) ?? []).map((n) => monthMention(Number(n), m[2], py)),
  },
  // 31/12/2024 · 15-10-2024 · 20.12.2024 · 31/12/24 (one separator throughout: "1/10 - 31/12" is a range)
  {
    re: /\b(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?!\d)/g,
    read: (m, py) => dayMention(Number(m[1]), Number(m[3]), m[4], py),
  },
  // Tháng 12/2024 · tháng 12 năm 2024 · Tháng 6, năm 2024 · T12/24 · cuối tháng 11
  {
    re: new RegExp(PART + String.raw`\b(?:thang|t)\s*\.?\s*(\d{1,2})(?!\d)` + YEAR, "g"),
    read: (m, py) => monthMention(Number(m[2]), m[3] ?? m[4], py, m[1]),
  },
  // 12/2024 (month/year)
  {
    re: /\b(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/g,
    read: (m, py) => monthMention(Number(m[1]), m[2], py),
  },
  // 15/12 · 30/6 năm 2024 (day/month) · 12/24 (month/2-digit year when it cannot be a day/month)
  {
    re: /\b(\d{1,2})\s*([/.-])\s*(\d{1,2})(?!\d)(?:\s*,?\s*nam\s*(\d{4})(?!\d))?/g,
    read: (m, py) => {
      const a = Number(m[1]);
      const b = Number(m[3]);
      if (b > 12 && a >= 1 && a <= 12 && m[3].length === 2 && m[2] === "/" && !m[4])
        return monthMention(a, m[3], py);
      return dayMention(a, b, m[4], py);
    },
  },
  // đầu năm · giữa năm · cuối năm (2024)
  {
    re: /\b(dau|giua|cuoi) nam(?:\s*(\d{4}))?/g,
    read: (m, py) => monthMention(m[1] === "dau" ? 1 : m[1] === "giua" ? 6 : 12, m[2], py),
  },
  // Năm 2024 · 2024 · 2024-2025
  {
    re: /\b(19\d{2}|20\d{2}|21\d{2})\b/g,
    read: (m, py) => monthMention(12, m[1], py),
  },
];

const QUARTER_WORDS: Record<string, string> = { mot: "1", hai: "2", ba: "3", bon: "4", tu: "4" };
const MONTH_WORDS: Record<string, string> = {
  "muoi hai": "12",
  "muoi mot": "11",
  chap: "12",
  gieng: "1",
  mot: "1",
  hai: "2",
  ba: "3",
  bon: "4",
  tu: "4",
  nam: "5",
  sau: "6",
  bay: "7",
  tam: "8",
  chin: "9",
  muoi: "10",
};

/** "Quý ba", "tháng sáu", "tháng Chạp" → digits; references to other documents are removed. */
function rewriteWords(key: string): string {
  return key
    .replace(/\b(quy|qui) (mot|hai|ba|bon|tu)\b/g, (_m, q: string, w: string) => `${q} ${QUARTER_WORDS[w]}`)
    .replace(
      /\bthang (muoi hai|muoi mot|chap|gieng|mot|hai|ba|bon|tu|nam|sau|bay|tam|chin|muoi)\b(?=( nam\b|\s*$|\s*[,;.\/-]|\s+\d{4}))/g,
      (_m, w: string) => `thang ${MONTH_WORDS[w]}`,
    )
    .replace(
      /\b(quyet dinh|cong van|ke hoach|thong bao|nghi quyet|chi thi|thong tu|nghi dinh|van ban|qd|cv|kh|tb)\s*(so\s*)?\d[\w./-]*(\s*(ngay\s*)?\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4})?/g,
      (m) => " ".repeat(m.length),
    );
}

function mentionsIn(key: string, planYear: number): { mentions: Mention[]; firstAt: number } {
  const mentions: Mention[] = [];
  let firstAt = Number.POSITIVE_INFINITY;
  let rest = key;
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    rest = rest.replace(rule.re, (...args: unknown[]) => {
      const match = args.slice(0, -2) as unknown as RegExpExecArray;
      const offset = args[args.length - 2] as number;
      const read = rule.read(match, planYear);
      mentions.push(...(Array.isArray(read) ? read : [read]));
      firstAt = Math.min(firstAt, offset);
      return " ".repeat(match[0].length);
    });
  }
  return { mentions, firstAt };
}

function fromSerial(serial: number, planYear: number): ParsedDeadline {
  if (!Number.isFinite(serial) || serial < 1 || serial > MAX_EXCEL_SERIAL) {
    return { kind: "none", due: null, problem: `Số ${String(serial)} không phải là một ngày Excel hợp lệ.` };
  }
  const due = fromExcelSerial(serial);
  // A far year is a typo or a number that is not a date (2024 as a serial is 16/07/1905): say so.
  const far = checkYear(Number(due.slice(0, 4)), planYear);
  return far
    ? {
        kind: "none",
        due: null,
        problem: `Số ${serial} là ngày ${due.slice(8, 10)}/${due.slice(5, 7)}/${due.slice(0, 4)}: ${far}. Nếu là năm, hãy ghi “Năm ${serial}”.`,
      }
    : { kind: "date", due };
}

function unreadable(original: string, why?: string): ParsedDeadline {
  const reason = why ? ` (${why})` : "";
  return {
    kind: "none",
    due: null,
    problem: `Không hiểu thời hạn ${quote(original)}${reason}. Hãy ghi theo dạng “Quý IV/2024”, “Tháng 12/2024” hoặc “31/12/2024”.`,
  };
}

export function parseDeadline(value: unknown, planYear: number): ParsedDeadline {
  try {
    if (!Number.isInteger(planYear) || planYear < 1900 || planYear > 9999) {
      return { kind: "none", due: null, problem: `Năm kế hoạch không hợp lệ: ${String(planYear)}.` };
    }
    if (value === null || value === undefined) return { kind: "none", due: null };
    if (typeof value === "number") return fromSerial(value, planYear);
    if (value instanceof Date) {
      const iso = isoFromDate(value);
      return iso ? { kind: "date", due: iso } : { kind: "none", due: null, problem: "Ngày không hợp lệ." };
    }
    if (typeof value !== "string") {
      return {
        kind: "none",
        due: null,
        problem: `Thời hạn phải là chữ hoặc ngày, không phải ${typeof value}.`,
      };
    }
    const text = decodeLegacyVietnamese(value);
    if (EMPTY_MARKERS.test(text)) return { kind: "none", due: null };
    const key = rewriteWords(keyOf(text));
    // A cell holding only a number that looks like an Excel serial of 2000–2099 (CSV exports).
    if (/^\d{5}$/.test(key) && Number(key) >= 36526 && Number(key) < 73051)
      return fromSerial(Number(key), planYear);

    const { mentions } = mentionsIn(key, planYear);
    const recurring = RECURRING.exec(key);
    const problems = mentions.filter((m) => m.problem).map((m) => m.problem as string);
    if (problems.length > 0) return unreadable(text, problems.join("; "));

    const dues = mentions.map((m) => m.due as string).sort();
    // Recurring words make the task recurring whatever the word order ("Thường xuyên; trước
    // 15/11/2024" = "Trước 15/11/2024 và thường xuyên"): due 31/12 of the latest year written.
    if (recurring) {
      const year = dues.length > 0 ? Number(dues[dues.length - 1].slice(0, 4)) : planYear;
      return { kind: "recurring", due: formatIsoDate(year, 12, 31) };
    }
    if (dues.length > 0) return { kind: "date", due: dues[dues.length - 1] };
    if (NO_DEADLINE.test(key)) return { kind: "none", due: null };
    return unreadable(text);
  } catch {
    return { kind: "none", due: null, problem: "Không đọc được thời hạn." };
  }
}
