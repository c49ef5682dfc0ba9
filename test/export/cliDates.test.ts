/**
 * Dates as people type them on the command line (dd/mm/yyyy like --progress already accepted,
 * and YYYY-MM-DD), the core's user-date parser behind it, and the "N đơn vị" figure explained
 * against the rows of Tổng hợp.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import ExcelJS from "exceljs";
import { defaultReportDate, formatViDate, parseUserDate } from "../../src/core/dates/userDate";
import { formatIsoDate, isValidYmd } from "../../src/core/dates/isoDate";
import { SHEETS } from "../../src/core/workbook/layout";
import { loadedAtSerial } from "../../src/core/workbook/sheets";
import { runWorkbook } from "./lib/runCli";

jest.setTimeout(120_000);

let dir = "";
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "workbook-cli-dates-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const run = (...argv: string[]) => runWorkbook(argv);

describe("parseUserDate / formatViDate", () => {
  test.each([
    ["15/12/2024", "2024-12-15"],
    ["5/1/2025", "2025-01-05"],
    ["05/01/2025", "2025-01-05"],
    ["15-12-2024", "2024-12-15"],
    ["15.12.2024", "2024-12-15"],
    [" 29/02/2024 ", "2024-02-29"],
    ["2024-12-15", "2024-12-15"],
    ["31/02/2024", null],
    ["29/02/2023", null],
    ["12/31/2024", null],
    ["15/12/24", null],
    ["15/12-2024", null],
    ["2024-2-5", null],
    ["", null],
    ["hôm nay", null],
  ])("%j → %j", (text, iso) => {
    expect(parseUserDate(text)).toBe(iso);
  });

  test("non-text → null", () => {
    for (const v of [null, undefined, 45657, new Date(), {}]) expect(parseUserDate(v)).toBeNull();
  });

  test("property: every real date survives formatViDate → parseUserDate, and reads dd/mm/yyyy", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          fc.pre(isValidYmd(y, m, d));
          const iso = formatIsoDate(y, m, d);
          const shown = formatViDate(iso);
          expect(shown).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
          expect(shown.slice(0, 2)).toBe(String(d).padStart(2, "0"));
          expect(parseUserDate(shown)).toBe(iso);
        },
      ),
    );
  });

  test.each([
    ["2026-12-07", 2024, { date: "2024-12-31", clamped: true }],
    ["2024-06-01", 2024, { date: "2024-06-01", clamped: false }],
    ["2024-12-31", 2024, { date: "2024-12-31", clamped: false }],
    ["2025-01-01", 2024, { date: "2024-12-31", clamped: true }],
    ["2023-05-05", 2024, { date: "2023-05-05", clamped: false }],
    ["2026-12-07", undefined, { date: "2026-12-07", clamped: false }],
  ])("defaultReportDate(%s, %s)", (today, year, expected) => {
    expect(defaultReportDate(today, year)).toEqual(expected);
  });
});

describe("npm run workbook -- --report-date", () => {
  test("15/12/2024 and 2024-12-15 give the same workbook date; output says dd/mm/yyyy", async () => {
    const a = path.join(dir, "a.xlsx");
    const b = path.join(dir, "b.xlsx");
    const ra = await run("--catalogue", "demo-2024", "--report-date", "15/12/2024", "--out", a);
    const rb = await run("--catalogue", "demo-2024", "--report-date=2024-12-15", "--out", b);
    for (const r of [ra, rb]) {
      expect(r).toMatchObject({ code: 0, stderr: "" });
      expect(r.stdout).toContain("ngày báo cáo 15/12/2024");
    }
    const dates = await Promise.all(
      [a, b].map(async (f) => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(f);
        const ws = wb.getWorksheet(SHEETS.config) as ExcelJS.Worksheet;
        let found: unknown = null;
        ws.eachRow((row) => {
          if (String(row.getCell(1).value).startsWith("Ngày báo cáo")) found = row.getCell(2).value;
        });
        return found;
      }),
    );
    expect(dates[0]).toEqual(dates[1]);
    expect(dates[0]).not.toBeNull();
  });

  test.each(["31/02/2024", "12/31/2024", "15/12/24"])(
    "%s is refused with both accepted forms named",
    async (d) => {
      const r = await run("--catalogue", "demo-2024", "--report-date", d, "--out", path.join(dir, "x.xlsx"));
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`Ngày báo cáo “${d}” không hợp lệ (cần dạng dd/mm/yyyy`);
    },
  );

  test("the unit count is explained against the rows of Tổng hợp (coordinating-only units)", async () => {
    const out = path.join(dir, "units.xlsx");
    const r = await run("--catalogue", "demo-2024", "--report-date", "31/12/2024", "--out", out);
    expect(r.code).toBe(0);
    const units = Number(/phân công, (\d+) đơn vị/.exec(r.stdout)?.[1]);
    const m =
      /Trang “Tổng hợp” có (\d+) dòng đơn vị: chỉ tính đơn vị chủ trì; (\d+) đơn vị chỉ phối hợp/.exec(
        r.stdout,
      );
    expect(m).not.toBeNull();
    const [rows, coordinatingOnly] = [Number(m?.[1]), Number(m?.[2])];
    expect(rows + coordinatingOnly).toBe(units);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet(SHEETS.summary) as ExcelJS.Worksheet;
    let lines = 0;
    for (let i = 2; i <= ws.rowCount; i++) {
      const v = ws.getCell(i, 1).value;
      if (v === "Tổng cộng") break;
      if (v !== null && v !== "") lines += 1;
    }
    expect(lines).toBe(rows);
  });
});

describe("Cấu hình › Nạp lúc", () => {
  test.each([
    ["2026-12-06T23:24:31.597Z", 46363 + (6 * 3600 + 24 * 60 + 32) / 86400], // 07/12/2026 06:24:32 in Việt Nam
    ["2024-11-15T08:00:00.000Z", 45611.625],
    ["2024-12-31T17:00:00Z", 45658], // midnight of 01/01/2025 in Việt Nam
    ["2024-12-31T16:59:59+00:00", 45657 + 86399 / 86400],
  ])("%s → %d", (iso, serial) => {
    expect(loadedAtSerial(iso)).toBeCloseTo(serial, 9);
  });
  test.each(["", "x", "2024-11-15", "15/11/2024 08:00"])(
    "%j is not a timestamp → null (written as text)",
    (s) => {
      expect(loadedAtSerial(s)).toBeNull();
    },
  );
});
