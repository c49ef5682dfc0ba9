/**
 * parseDeadline(value, planYear) — spec (issue 3) and ../shared/DOMAIN.md §2. Expected dates are computed
 * here independently (leap-year rule written out, Excel epoch arithmetic), never by calling the
 * implementation's own helpers.
 */
import fc from "fast-check";
import { parseDeadline } from "../../../src/core";
import { DEADLINE_FORMS } from "../helpers/deadlineForms";

const PY = 2024;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
function lastDay(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}
function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
/** Excel 1900 system, serials ≥ 61 (after the phantom 29/02/1900). */
function serialToIso(serial: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function expectDate(input: unknown, due: string, planYear = PY): void {
  const r = parseDeadline(input, planYear);
  expect({ input, ...r }).toEqual({ input, kind: "date", due });
}

const ROMAN = ["I", "II", "III", "IV"];

describe("parseDeadline: quarters", () => {
  test.each([
    ["Quý I/2024", "2024-03-31"],
    ["Quý II/2024", "2024-06-30"],
    ["Quý III/2024", "2024-09-30"],
    ["Quý IV/2024", "2024-12-31"],
    ["Quý 4 năm 2024", "2024-12-31"],
    ["Quý 1 năm 2024", "2024-03-31"],
    ["Quí IV", "2024-12-31"],
    ["Quí III/2024", "2024-09-30"],
    ["Quý II năm 2024", "2024-06-30"],
    ["Quý IV / 2024", "2024-12-31"],
    ["Quý IV /2024", "2024-12-31"],
    ["Quý IV/ 2024", "2024-12-31"],
    ["Quý  IV/2024", "2024-12-31"],
    ["QUÝ IV NĂM 2024", "2024-12-31"],
    ["quý iv năm 2024", "2024-12-31"],
    ["quý iv", "2024-12-31"],
    ["Quý IV", "2024-12-31"],
    ["Quý 4", "2024-12-31"],
    ["Quý IV-2024", "2024-12-31"],
    ["Quý IV 2024", "2024-12-31"],
    ["Quý IV/24", "2024-12-31"],
    ["Quý 2/24", "2024-06-30"],
    ["Trong quý IV/2024", "2024-12-31"],
    ["Trong quý IV", "2024-12-31"],
    ["Quý IV năm 2024\n", "2024-12-31"],
    ["  Quý IV/2024  ", "2024-12-31"],
    ["Quý\u00a0IV\u00a0/\u00a02024", "2024-12-31"],
    ["Quy IV/2024", "2024-12-31"],
    ["Quy 4/2024", "2024-12-31"],
    ["Quý IV/2023", "2023-12-31"],
    ["Quý I/2025", "2025-03-31"],
  ])("%j → %s", (input, due) => expectDate(input, due));

  test("every quarter, Roman or Arabic, Quý or Quí, any case, with or without a year", () => {
    for (let q = 1; q <= 4; q++) {
      const due = iso(PY, q * 3, lastDay(PY, q * 3));
      for (const word of ["Quý", "Quí", "QUÝ", "quý", "Quy"]) {
        for (const num of [ROMAN[q - 1], String(q), ROMAN[q - 1].toLowerCase()]) {
          for (const year of ["", "/2024", " năm 2024", " / 2024", "/24"]) {
            expectDate(`${word} ${num}${year}`, due);
          }
        }
      }
    }
  });

  test("a quarter without a year is in the plan year", () => {
    expectDate("Quý I", "2023-03-31", 2023);
    expectDate("Quý IV", "2030-12-31", 2030);
  });
});

describe("parseDeadline: months", () => {
  test.each([
    ["Tháng 12/2024", "2024-12-31"],
    ["tháng 12 năm 2024", "2024-12-31"],
    ["THÁNG 12 NĂM 2024", "2024-12-31"],
    ["T12/2024", "2024-12-31"],
    ["T 12/2024", "2024-12-31"],
    ["Tháng 12", "2024-12-31"],
    ["Tháng12/2024", "2024-12-31"],
    ["Tháng 12-2024", "2024-12-31"],
    ["tháng 12.2024", "2024-12-31"],
    ["Tháng 12/ 2024", "2024-12-31"],
    ["tháng 12/24", "2024-12-31"],
    ["12/2024", "2024-12-31"],
    ["Tháng 3/2024", "2024-03-31"],
    ["Tháng 4/2024", "2024-04-30"],
    ["Tháng 6", "2024-06-30"],
    ["Tháng 02/2024", "2024-02-29"],
    ["T2/2024", "2024-02-29"],
    ["Tháng 2/2023", "2023-02-28"],
    ["tháng 2 năm 2023", "2023-02-28"],
    ["Trong tháng 12", "2024-12-31"],
    ["Cuối tháng 12/2024", "2024-12-31"],
    ["Tháng 9/2024;", "2024-09-30"],
    ["Thang 12/2024", "2024-12-31"],
  ])("%j → %s", (input, due) => expectDate(input, due));

  test("every month without a year ends on its last day in the plan year (leap years respected)", () => {
    for (const planYear of [2023, 2024, 2000, 2100]) {
      for (let m = 1; m <= 12; m++) {
        expectDate(`Tháng ${m}`, iso(planYear, m, lastDay(planYear, m)), planYear);
      }
    }
  });
});

describe("parseDeadline: dates and 'trước (ngày) …'", () => {
  test.each([
    ["31/12/2024", "2024-12-31"],
    ["15-10-2024", "2024-10-15"],
    ["20.12.2024", "2024-12-20"],
    ["1/1/2024", "2024-01-01"],
    ["01/01/2025", "2025-01-01"],
    ["31/12/24", "2024-12-31"],
    ["31-12-24", "2024-12-31"],
    ["31 / 12 / 2024", "2024-12-31"],
    ["31/12/ 2024", "2024-12-31"],
    ["31‐12‐2024", "2024-12-31"], // U+2010 hyphen
    ["31–12–2024", "2024-12-31"], // en dash
    ["2024-12-31", "2024-12-31"],
    ["Trước ngày 31/12/2024", "2024-12-31"],
    ["trước ngày 31/12/2024", "2024-12-31"],
    ["TRƯỚC NGÀY 31/12/2024", "2024-12-31"],
    ["Truoc ngay 31/12/2024", "2024-12-31"],
    ["trước 15/12", "2024-12-15"],
    ["Trước ngày 15/12", "2024-12-15"],
    ["trước 31/12", "2024-12-31"],
    ["Trước 30/9/2024", "2024-09-30"],
    ["Trước ngày 15/12/2024.", "2024-12-15"],
    ["Hoàn thành trước ngày 30/6/2024", "2024-06-30"],
    ["Chậm nhất ngày 30/11/2024", "2024-11-30"],
    ["Ngày 15/12", "2024-12-15"],
    ["ngày 30/11/2024", "2024-11-30"],
    ["ngày 30 tháng 11 năm 2024", "2024-11-30"],
    ["Ngày 30 tháng 11 năm 2024", "2024-11-30"],
    ["Trước ngày 31 tháng 12 năm 2024", "2024-12-31"],
    ["Trước ngày 15 tháng 12", "2024-12-15"],
    ["15 tháng 12 năm 2024", "2024-12-15"],
    ["Trước 20/12/2024 (báo cáo)", "2024-12-20"],
    ["  31/12/2024  ", "2024-12-31"],
    ["31/12/2024\t", "2024-12-31"],
    ["Trước ngày 01/01/2025", "2025-01-01"],
  ])("%j → %s", (input, due) => expectDate(input, due));

  test.each([
    ["29/02/2024", "2024-02-29"],
    ["29-02-2024", "2024-02-29"],
    ["ngày 29 tháng 2 năm 2024", "2024-02-29"],
  ])("leap day in a leap year: %j → %s", (input, due) => expectDate(input, due));

  test("29/02 without a year is valid in a leap plan year", () => {
    expectDate("29/02", "2024-02-29", 2024);
  });
});

describe("parseDeadline: parts of the year, whole years", () => {
  test.each([
    ["6 tháng đầu năm", "2024-06-30"],
    ["6 tháng cuối năm", "2024-12-31"],
    ["6 tháng đầu năm 2024", "2024-06-30"],
    ["6 tháng cuối năm 2024", "2024-12-31"],
    ["06 tháng đầu năm", "2024-06-30"],
    ["Sáu tháng đầu năm", "2024-06-30"],
    ["9 tháng đầu năm", "2024-09-30"],
    ["Nửa đầu năm", "2024-06-30"],
    ["Năm 2024", "2024-12-31"],
    ["năm 2024", "2024-12-31"],
    ["NĂM 2024", "2024-12-31"],
    ["2024", "2024-12-31"],
    ["Cuối năm 2024", "2024-12-31"],
    ["cuối năm", "2024-12-31"],
    ["Đến hết năm 2024", "2024-12-31"],
    ["Năm 2025", "2025-12-31"],
  ])("%j → %s", (input, due) => expectDate(input, due));

  test("half-years follow the plan year when no year is written", () => {
    expectDate("6 tháng đầu năm", "2025-06-30", 2025);
    expectDate("6 tháng cuối năm", "2025-12-31", 2025);
  });
});

describe("parseDeadline: ranges are due at their end", () => {
  test.each([
    ["Tháng 10-12/2024", "2024-12-31"],
    ["Tháng 10 - 12/2024", "2024-12-31"],
    ["Tháng 10 đến tháng 12/2024", "2024-12-31"],
    ["Từ tháng 10 đến tháng 12 năm 2024", "2024-12-31"],
    ["Tháng 1 - Tháng 12/2024", "2024-12-31"],
    ["Từ tháng 1 đến tháng 6/2024", "2024-06-30"],
    ["Quý III-IV/2024", "2024-12-31"],
    ["Quý III - IV/2024", "2024-12-31"],
    ["Quý 3-4/2024", "2024-12-31"],
    ["Quý I-II/2024", "2024-06-30"],
    ["Quý II-III", "2024-09-30"],
    ["Quý III và IV năm 2024", "2024-12-31"],
    ["Quý III/2024 - Quý IV/2024", "2024-12-31"],
    ["Quý IV/2024 – Quý I/2025", "2025-03-31"],
    ["01/10/2024 - 31/12/2024", "2024-12-31"],
    ["từ 01/10/2024 đến 31/12/2024", "2024-12-31"],
    ["Từ 01/10 đến 31/12/2024", "2024-12-31"],
    ["10/2024 - 12/2024", "2024-12-31"],
    ["Tháng 10/2024-12/2024", "2024-12-31"],
    ["Tháng 6 và tháng 12/2024", "2024-12-31"],
    ["Tháng 11/2024, tháng 12/2024", "2024-12-31"],
  ])("%j → %s", (input, due) => expectDate(input, due));
});

describe("parseDeadline: recurring tasks are due 31/12 of the plan year", () => {
  test.each([
    "Thường xuyên",
    "thường xuyên",
    "THƯỜNG XUYÊN",
    "thuong xuyen",
    "Hằng quý",
    "Hàng quý",
    "Hằng tháng",
    "Hàng tháng",
    "Hằng năm",
    "Hàng năm",
    "Định kỳ",
    "Định kỳ hằng tháng",
    "Định kỳ 6 tháng",
    "Cả năm",
    "Trong năm 2024",
    "Trong năm",
    "Liên tục",
    "Thường xuyên, báo cáo trước 15/12",
    "Hằng năm (trước 15/12)",
    "Báo cáo trước ngày 20 hằng tháng",
  ])("%j", (input) => {
    expect(parseDeadline(input, PY)).toEqual({ kind: "recurring", due: "2024-12-31" });
  });

  test("recurring follows the plan year", () => {
    expect(parseDeadline("Thường xuyên", 2025)).toEqual({ kind: "recurring", due: "2025-12-31" });
    expect(parseDeadline("Hằng quý", 2023)).toEqual({ kind: "recurring", due: "2023-12-31" });
  });
});

describe("parseDeadline: no fixed deadline", () => {
  test.each([
    ["Theo quy định"],
    ["theo quy định"],
    ["THEO QUY ĐỊNH"],
    ["Theo yêu cầu"],
    ["Theo yêu cầu của Bộ Nội vụ"],
    ["Khi có yêu cầu"],
    ["Theo chỉ đạo"],
    ["Theo kế hoạch"],
    [""],
    ["   "],
    ["\n"],
    [null],
    [undefined],
  ])("%j → none, no problem", (input) => {
    expect(parseDeadline(input, PY)).toEqual({ kind: "none", due: null });
  });

  test.each(["-", "…", "--"])("placeholder %j → none, due null", (input) => {
    const r = parseDeadline(input, PY);
    expect(r.kind).toBe("none");
    expect(r.due).toBeNull();
  });
});

describe("parseDeadline: NFD input gives the same result as NFC", () => {
  test.each([
    // Every form that has marks (NFD changes it), and two long forms besides.
    ...DEADLINE_FORMS.filter((f) => f.normalize("NFD") !== f),
    "Trước ngày 31 tháng 12 năm 2024",
    "Cuối năm 2024",
  ])("%j", (input) => {
    const nfd = input.normalize("NFD");
    expect(nfd).not.toBe(input);
    expect(parseDeadline(nfd, PY)).toEqual(parseDeadline(input, PY));
    expect(parseDeadline(input.toUpperCase().normalize("NFD"), PY)).toEqual(parseDeadline(input, PY));
  });
});

describe("parseDeadline: Excel serials and Date objects", () => {
  test.each([
    [45657, "2024-12-31"],
    [45292, "2024-01-01"],
    [45351, "2024-02-29"],
    [45657.5, "2024-12-31"],
    [45657.999, "2024-12-31"],
  ])("serial %j → %s", (input, due) => expectDate(input, due));

  test("a serial is read in any plan year it is near: 36526 → 2000-01-01 for a 2000 plan", () => {
    expectDate(36526, "2000-01-01", 2000);
  });

  test("a serial far from the plan year is flagged, not silently accepted (2024 as a number is 16/07/1905)", () => {
    for (const serial of [36526, 2024, 100]) {
      const r = parseDeadline(serial, PY);
      expect(r).toMatchObject({ kind: "none", due: null });
      expect(r.problem).toMatch(/cách xa năm kế hoạch/);
    }
  });

  test("a text cell holding only a serial (CSV export) reads as that date", () => {
    expectDate("45657", "2024-12-31");
  });

  test("Date at UTC midnight (spreadsheet libraries, new Date('2024-12-31'))", () => {
    expectDate(new Date(Date.UTC(2024, 11, 31)), "2024-12-31");
    expectDate(new Date("2024-12-31"), "2024-12-31");
    expectDate(new Date(Date.UTC(2024, 1, 29)), "2024-02-29");
  });

  test("Date at local midnight or local noon keeps its calendar day (whatever the machine's zone)", () => {
    expectDate(new Date(2024, 11, 31), "2024-12-31");
    expectDate(new Date(2024, 11, 31, 12, 0), "2024-12-31");
    expectDate(new Date(2024, 11, 31, 23, 59), "2024-12-31");
  });

  test.each([[NaN], [-1], [0], [Infinity], [-Infinity], [1e12]])(
    "invalid serial %j → none with a problem, no throw",
    (input) => {
      const r = parseDeadline(input, PY);
      expect(r.kind).toBe("none");
      expect(r.due).toBeNull();
      expect(typeof r.problem).toBe("string");
    },
  );

  test("invalid Date → none with a problem", () => {
    const r = parseDeadline(new Date("not a date"), PY);
    expect(r).toMatchObject({ kind: "none", due: null });
    expect(r.problem).toEqual(expect.any(String));
  });
});

describe("parseDeadline: text it cannot understand → none + Vietnamese problem quoting the text", () => {
  test.each([
    ["29/02/2023"],
    ["29.02.2023"],
    ["ngày 29 tháng 2 năm 2023"],
    ["31/04/2024"],
    ["31/11/2024"],
    ["31/02/2024"],
    ["ngày 31 tháng 4"],
    ["Quý 5/2024"],
    ["Tháng 13/2024"],
    ["abc xyz"],
    ["Sớm"],
    ["asap"],
    ["Quý lV/2024"],
  ])("%j", (input) => {
    const r = parseDeadline(input, PY);
    expect(r.kind).toBe("none");
    expect(r.due).toBeNull();
    expect(typeof r.problem).toBe("string");
    expect((r.problem as string).normalize("NFC")).toContain(input.normalize("NFC"));
    // Vietnamese: the message carries Vietnamese letters.
    expect(r.problem).toMatch(/[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i);
    expect((r.problem as string).length).toBeLessThan(300);
  });

  test("29/02 without a year is a problem in a non-leap plan year", () => {
    const r = parseDeadline("29/02", 2023);
    expect(r).toMatchObject({ kind: "none", due: null });
    expect(r.problem).toContain("29/02");
  });

  test("NFD problem text is quoted readably", () => {
    const r = parseDeadline("Không rõ thời hạn".normalize("NFD"), PY);
    expect(r.kind).toBe("none");
    expect((r.problem as string).normalize("NFC")).toContain("Không rõ thời hạn");
  });

  test("a very long unreadable text is quoted but the message stays short", () => {
    const r = parseDeadline("không rõ ".repeat(500), PY);
    expect(r.kind).toBe("none");
    expect((r.problem as string).length).toBeLessThan(300);
  });

  test.each([[{}], [[]], [true], [false], [Symbol("x")], [10n], [() => 1]])(
    "non-text, non-date value %p → none with a problem, no throw",
    (input) => {
      const r = parseDeadline(input, PY);
      expect(r.kind).toBe("none");
      expect(r.due).toBeNull();
      expect(typeof r.problem).toBe("string");
    },
  );

  test("successful parses carry no problem", () => {
    for (const v of ["Quý IV/2024", "Thường xuyên", "Theo quy định", 45657]) {
      expect(parseDeadline(v, PY).problem).toBeUndefined();
    }
  });

  test("invalid plan years do not throw", () => {
    for (const py of [NaN, 2024.5, -1, 0, 99999]) {
      const r = parseDeadline("Quý IV", py);
      expect(r.kind).toBe("none");
      expect(r.due).toBeNull();
    }
  });
});

// ─────────────────────────── Bugs found (keep failing until fixed) ───────────────────────────

describe("parseDeadline: 'năm YYYY' written after a day/month or quarter", () => {
  // The year rule reads the trailing "năm 2024" as a separate mention "Năm 2024" (31/12) and the
  // latest date wins, so the deadline silently moves to 31/12.
  test.each([
    ["Trước ngày 30/6 năm 2024", "2024-06-30"],
    ["30/6 năm 2024", "2024-06-30"],
    ["Trước ngày 15/12 năm 2024", "2024-12-15"],
    ["Trước ngày 30.6 năm 2024", "2024-06-30"],
    ["ngày 15 tháng 12, năm 2024", "2024-12-15"],
    ["Tháng 6, năm 2024", "2024-06-30"],
    ["Quý II, năm 2024", "2024-06-30"],
  ])("%j → %s", (input, due) => expectDate(input, due));
});

describe("parseDeadline: date ranges whose first date has no year", () => {
  // "1/10 - 31" is read as dd/mm/yy = 01/10/2031, which is then rejected as too far away.
  test.each([
    ["01/10 - 31/12/2024", "2024-12-31"],
    ["1/10-31/12/2024", "2024-12-31"],
    ["1/10 - 31/12", "2024-12-31"],
    ["15/11 - 15/12/2024", "2024-12-15"],
  ])("%j → %s", (input, due) => expectDate(input, due));
});

describe("parseDeadline: a list of months is due at the last one", () => {
  // Months 9 and 12 are silently dropped: the result is 30/06.
  test.each([
    ["Tháng 3, 6, 9, 12", "2024-12-31"],
    ["Tháng 3, 6, 9 và 12", "2024-12-31"],
  ])("%j → due %s", (input, due) => {
    expect(parseDeadline(input, PY).due).toBe(due);
  });
});

describe("judgement calls", () => {
  test("a number cell holding a year (2024) is not read as the serial of 16/07/1905", () => {
    // Staff type 2024 in a deadline cell; Excel stores it as the number 2024. Reading it as
    // serial 2024 gives 1905-07-16 with no problem at all. Expected: the year (31/12/2024) or a
    // problem — never a silent 1905 date.
    const r = parseDeadline(2024, PY);
    expect(r.due === "2024-12-31" || (r.kind === "none" && typeof r.problem === "string")).toBe(true);
  });

  test("a serial far from the plan year gets a problem like a far text year does", () => {
    // "31/12/1999" as text → problem (year far from the plan year); the same day as serial 36525
    // is accepted silently.
    const r = parseDeadline(36525, PY);
    expect(r.problem).toEqual(expect.any(String));
  });

  test("'12/24' (month/2-digit year, as in T12/24) → 31/12/2024 rather than a problem", () => {
    expectDate("12/24", "2024-12-31");
  });

  test("'N/A' means no deadline, not an unreadable deadline", () => {
    expect(parseDeadline("N/A", PY)).toEqual({ kind: "none", due: null });
  });

  test("'6 tháng/lần' (every six months) is recurring", () => {
    expect(parseDeadline("6 tháng/lần", PY)).toEqual({ kind: "recurring", due: "2024-12-31" });
  });

  test.each([
    ["Quý ba năm 2024", "2024-09-30"],
    ["Tháng sáu năm 2024", "2024-06-30"],
  ])("a quarter or month written in words: %j → %s or a problem, never 31/12", (input, due) => {
    // The unread words are dropped and only "năm 2024" is kept, so the deadline silently becomes
    // 31/12/2024. ("Quý Ba" without a year correctly gives a problem.)
    const r = parseDeadline(input, PY);
    expect(r.due === due || (r.kind === "none" && typeof r.problem === "string")).toBe(true);
  });

  test("a reference to a document's date is not a deadline", () => {
    // "Theo Quyết định số 1879/QĐ-UBND ngày 15/12/2023" → currently date 2023-12-15 (the date of
    // the decision). Expected: no fixed deadline ("theo …").
    expect(parseDeadline("Theo Quyết định số 1879/QĐ-UBND ngày 15/12/2023", PY)).toMatchObject({
      kind: "none",
      due: null,
    });
  });
});

// ─────────────────────────────────── Properties ───────────────────────────────────

describe("parseDeadline: properties", () => {
  const shapeOk = (r: ReturnType<typeof parseDeadline>): boolean =>
    ["date", "recurring", "none"].includes(r.kind) &&
    (r.kind === "none" ? r.due === null : typeof r.due === "string" && /^\d{4}-\d{2}-\d{2}$/.test(r.due)) &&
    (r.problem === undefined || (typeof r.problem === "string" && r.problem.length > 0 && r.kind === "none"));

  test("never throws on arbitrary strings and always returns a well-formed result", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), (s) => {
        expect(shapeOk(parseDeadline(s, PY))).toBe(true);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), (s) => {
        expect(shapeOk(parseDeadline(s, PY))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test("never throws on strings built from deadline vocabulary", () => {
    const word = fc.constantFrom(
      "Quý",
      "Quí",
      "tháng",
      "năm",
      "trước",
      "ngày",
      "IV",
      "III",
      "12",
      "31",
      "2024",
      "/",
      "-",
      ".",
      ",",
      "đến",
      "và",
      "thường xuyên",
      "hằng",
      "theo",
      "quy định",
      "6 tháng đầu năm",
      " ",
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.integer({ min: 1990, max: 2100 }), (ws, py) => {
        expect(shapeOk(parseDeadline(ws.join(""), py))).toBe(true);
        expect(shapeOk(parseDeadline(ws.join(" "), py))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  test("never throws on arbitrary values and plan years", () => {
    fc.assert(
      fc.property(fc.anything(), fc.oneof(fc.integer(), fc.double()), (v, py) => {
        const r = parseDeadline(v, py);
        expect(["date", "recurring", "none"]).toContain(r.kind);
      }),
      { numRuns: 500 },
    );
  });

  test("every real date written d/m/yyyy (with / - .), dd/mm/yy or 'ngày d tháng m năm y' is that date", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2019, max: 2029 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.constantFrom("/", "-", "."),
        fc.boolean(),
        fc.constantFrom("", "Trước ngày ", "trước ", "Ngày ", "Chậm nhất ngày "),
        (y, m, d0, sep, pad, prefix) => {
          const d = Math.min(d0, lastDay(y, m));
          const p = (n: number) => (pad ? String(n).padStart(2, "0") : String(n));
          const due = iso(y, m, d);
          expectDate(`${prefix}${p(d)}${sep}${p(m)}${sep}${y}`, due);
          expectDate(`${prefix}${p(d)}${sep}${p(m)}${sep}${String(y).slice(2)}`, due);
          expectDate(`${prefix}ngày ${d} tháng ${m} năm ${y}`.replace(/ngày ngày|Ngày ngày/i, "ngày"), due);
        },
      ),
      { numRuns: 500 },
    );
  });

  test("every impossible day of a month is a problem, never a date", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2019, max: 2029 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const d = lastDay(y, m) + 1;
        if (d > 31) return;
        const r = parseDeadline(`${d}/${m}/${y}`, PY);
        expect(r.kind).toBe("none");
        expect(r.problem).toEqual(expect.any(String));
      }),
    );
  });

  test("every month and quarter of nearby years ends on its last day", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2019, max: 2029 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom("Tháng {m}/{y}", "tháng {m} năm {y}", "T{m}/{y}", "THÁNG {m} NĂM {y}", "{m}/{y}"),
        (y, m, template) => {
          const text = template.replace("{m}", String(m)).replace("{y}", String(y));
          expectDate(text, iso(y, m, lastDay(y, m)));
        },
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 2019, max: 2029 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        fc.constantFrom("Quý {q}/{y}", "Quí {q}/{y}", "Quý {q} năm {y}", "QUÝ {q} NĂM {y}", "quý {q} - {y}"),
        (y, q, roman, template) => {
          const text = template.replace("{q}", roman ? ROMAN[q - 1] : String(q)).replace("{y}", String(y));
          expectDate(text, iso(y, q * 3, lastDay(y, q * 3)));
        },
      ),
      { numRuns: 300 },
    );
  });

  test("month ranges 'Tháng a-b/yyyy' and quarter ranges are due at the end of b", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), (a0, b0) => {
        const [a, b] = [Math.min(a0, b0), Math.max(a0, b0)];
        expectDate(`Tháng ${a}-${b}/2024`, iso(2024, b, lastDay(2024, b)));
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), (a0, b0) => {
        const [a, b] = [Math.min(a0, b0), Math.max(a0, b0)];
        expectDate(`Quý ${ROMAN[a - 1]}-${ROMAN[b - 1]}/2024`, iso(2024, b * 3, lastDay(2024, b * 3)));
      }),
    );
  });

  test("every Excel serial from 1900-03-01 to 9999-12-31 is that day (in a plan year near it)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2_958_465 }), (serial) => {
        const iso = serialToIso(serial);
        expectDate(serial, iso, Math.max(1900, Number(iso.slice(0, 4))));
      }),
      { numRuns: 500 },
    );
  });

  test("NFD and upper case never change the result", () => {
    const sample = fc.constantFrom(
      "Quý IV/2024",
      "Tháng 12 năm 2024",
      "Trước ngày 30 tháng 11 năm 2024",
      "Thường xuyên",
      "Hằng quý",
      "Định kỳ",
      "Theo quy định",
      "6 tháng đầu năm",
      "Quí III",
      "Cả năm",
    );
    fc.assert(
      fc.property(sample, fc.constantFrom(...Array.from({ length: 3 }, (_, i) => i)), (s, variant) => {
        const v =
          variant === 0
            ? s.normalize("NFD")
            : variant === 1
              ? s.toUpperCase()
              : s.toUpperCase().normalize("NFD");
        expect(parseDeadline(v, PY)).toEqual(parseDeadline(s, PY));
      }),
    );
  });
});
