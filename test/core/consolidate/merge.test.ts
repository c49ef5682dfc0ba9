/**
 * Merge rules of a consolidation (src/core/consolidate): table-driven cases and fast-check
 * properties (order independence, idempotence, no reviewer value lost, each file all-or-nothing).
 */
import fc from "fast-check";
import { toTCVN3 } from "vietnamese-conversion";
import {
  consolidate,
  REQUIRED_UNIT_HEADERS,
  SUBMISSION_STATUS,
  type ProvinceRow,
  type UnitFileInput,
  type UserValues,
  type WorkbookValues,
} from "../../../src/core/consolidate";
import { CONFIG_ROWS } from "../../../src/core/workbook/sheets";
import { ALL_UNITS } from "../../../src/core/workbook/layout";
import { findUnit, displayName } from "../../../src/core/units/units";
import { toExcelSerial } from "../../../src/core/dates/isoDate";

const CAT = "demo-2024";
const UNITS = ["Sở Nội vụ", "Sở Tư pháp", "Huyện Bình Sơn"].map((n) => {
  const u = findUnit(n);
  if (!u) throw new Error(n);
  return { name: displayName(u), id: u.id };
});
/** Spellings people write for the same units. */
const SPELLINGS: Record<string, string[]> = {
  SNV: ["Sở Nội vụ", "SNV", "sở nội vụ"],
  STP: ["Sở Tư pháp", "STP"],
  [UNITS[2].id]: ["UBND huyện Bình Sơn", "Bình Sơn", "Huyện Bình Sơn"],
};
const TASKS = ["I.1", "I.2", "II.1", "III.4"];

function config(unitName: string, catalogueId = CAT, version = "1"): unknown[][] {
  const rows: unknown[][] = Array.from({ length: 45 }, () => ["", "", ""]);
  const block = [
    ["Mã danh mục", catalogueId],
    ["Tên danh mục", "Danh mục"],
    ["Văn bản nguồn", "x"],
    ["Chính thức", "Không"],
    ["Phiên bản", version],
    ["Ghi chú nguồn", ""],
    ["Năm kế hoạch", 2024],
    ["Nạp từ", CAT],
    ["Nạp lúc", "2024-12-01T00:00:00Z"],
    ["Đơn vị của sổ", unitName],
  ];
  block.forEach((r, k) => (rows[CONFIG_ROWS.catalogueFirst - 1 + k] = [...r, ""]));
  return rows;
}

interface FileRow {
  taskId: string;
  unit?: string;
  status?: unknown;
  completedOn?: unknown;
  evidence?: unknown;
  note?: unknown;
}

function unitFile(
  name: string,
  unitName: string,
  rows: FileRow[],
  savedAt: string | null,
  opts: { headers?: string[]; catalogueId?: string } = {},
): UnitFileInput {
  const values: WorkbookValues = {
    sheetNames: ["Cấu hình", "Phân công"],
    config: config(unitName, opts.catalogueId),
    assignments: {
      headers: opts.headers ?? [...REQUIRED_UNIT_HEADERS],
      rows: rows.map((r) => [
        r.taskId,
        "Nhiệm vụ",
        r.unit ?? unitName,
        "Chủ trì",
        r.status ?? "",
        r.completedOn ?? "",
        r.evidence ?? "",
        r.note ?? "",
      ]),
    },
    savedAt,
  };
  return { name, fileTime: null, values };
}

const EMPTY: UserValues = { status: null, completedOn: null, evidence: null, note: null };

function provinceRows(
  values: Array<Partial<UserValues> & { source?: string; sourceAt?: string }> = [],
): ProvinceRow[] {
  const rows: ProvinceRow[] = [];
  let k = 0;
  for (const t of TASKS)
    for (const u of UNITS) {
      const v = values[k++] ?? {};
      rows.push({
        taskId: t,
        unit: u.name,
        unitId: u.id,
        role: "Chủ trì",
        values: { ...EMPTY, ...v, ...{ source: undefined, sourceAt: undefined } } as UserValues,
        source: v.source ?? null,
        sourceAt: v.sourceAt ?? null,
      });
    }
  for (const r of rows) {
    delete (r.values as unknown as Record<string, unknown>).source;
    delete (r.values as unknown as Record<string, unknown>).sourceAt;
  }
  return rows;
}

const row = (rows: ProvinceRow[], taskId: string, unitId: string) =>
  rows.find((r) => r.taskId === taskId && r.unitId === unitId) as ProvinceRow;

describe("consolidate: rules", () => {
  test("a unit's file fills its own empty rows; spelling of the unit does not matter", () => {
    const files = [
      unitFile(
        "binh-son.xlsx",
        "Bình Sơn",
        [
          {
            taskId: "I.1",
            unit: "UBND huyện Bình Sơn",
            status: "x",
            completedOn: toExcelSerial("2024-03-01"),
            evidence: "CV 1",
          },
        ],
        "2024-12-10T00:00:00Z",
      ),
    ];
    const r = consolidate(provinceRows(), CAT, files);
    const got = row(r.rows, "I.1", UNITS[2].id);
    expect(got.values.status).toBe("Đã hoàn thành");
    expect(got.values.completedOn).toBe("2024-03-01");
    expect(got.source).toBe("binh-son.xlsx");
    expect(r.report.rowsUpdated).toBe(1);
    expect(r.report.accepted.map((a) => a.unit)).toEqual([UNITS[2].name]);
  });

  test("rows of other units in a file are counted, never written", () => {
    const files = [
      unitFile("snv.xlsx", "Sở Nội vụ", [{ taskId: "I.1", unit: "Sở Tư pháp", status: "x" }], null),
    ];
    const r = consolidate(provinceRows(), CAT, files);
    expect(row(r.rows, "I.1", "STP").values.status).toBeNull();
    expect(r.report.otherUnitRows).toEqual([{ file: "snv.xlsx", count: 1 }]);
  });

  test("a reviewer's value is kept and listed as a conflict; --prefer unit takes the unit's", () => {
    const prov = provinceRows([{ status: "Đang thực hiện", note: "rà soát" }]);
    const files = [
      unitFile("snv.xlsx", "Sở Nội vụ", [{ taskId: "I.1", status: "Đã hoàn thành", evidence: "E" }], null),
    ];
    const keep = consolidate(prov, CAT, files);
    const k = row(keep.rows, "I.1", "SNV");
    expect(k.values.status).toBe("Đang thực hiện");
    expect(k.values.evidence).toBe("E"); // an empty cell is filled
    expect(k.values.note).toBe("rà soát"); // an empty cell in the file erases nothing
    expect(keep.report.conflicts).toEqual([
      expect.objectContaining({
        taskId: "I.1",
        kept: "province",
        fields: [{ column: "Trạng thái", province: "Đang thực hiện", unit: "Đã hoàn thành" }],
      }),
    ]);
    const take = consolidate(prov, CAT, files, [], { preferUnit: true });
    expect(row(take.rows, "I.1", "SNV").values.status).toBe("Đã hoàn thành");
    expect(take.report.conflicts[0].kept).toBe("unit");
  });

  test("a value that came from the unit's earlier file is replaced without a conflict", () => {
    const prov = provinceRows([
      { status: "Đang thực hiện", source: "snv-old.xlsx", sourceAt: "2024-11-01T00:00:00Z" },
    ]);
    const files = [
      unitFile("snv.xlsx", "Sở Nội vụ", [{ taskId: "I.1", status: "Đã hoàn thành" }], "2024-12-01T00:00:00Z"),
    ];
    const r = consolidate(prov, CAT, files);
    expect(row(r.rows, "I.1", "SNV").values.status).toBe("Đã hoàn thành");
    expect(r.report.conflicts).toEqual([]);
  });

  test("two files of one unit: the later saved wins; a file older than the merged one is superseded", () => {
    const a = unitFile(
      "a.xlsx",
      "SNV",
      [{ taskId: "I.1", status: "Đang thực hiện" }],
      "2024-12-01T00:00:00Z",
    );
    const b = unitFile(
      "b.xlsx",
      "Sở Nội vụ",
      [{ taskId: "I.1", status: "Đã hoàn thành" }],
      "2024-12-05T00:00:00Z",
    );
    const r = consolidate(provinceRows(), CAT, [b, a]);
    expect(row(r.rows, "I.1", "SNV").values.status).toBe("Đã hoàn thành");
    expect(r.report.superseded).toEqual([{ file: "a.xlsx", unit: "Sở Nội vụ", by: "b.xlsx" }]);
    const again = consolidate(r.rows, CAT, [a]);
    expect(again.changed).toEqual([]);
    expect(again.report.superseded).toEqual([{ file: "a.xlsx", unit: "Sở Nội vụ", by: "b.xlsx" }]);
  });

  test.each([
    [
      "another catalogue",
      unitFile("x.xlsx", "Sở Nội vụ", [], null, { catalogueId: "cv-5893-2024" }),
      /danh mục “cv-5893-2024”/,
    ],
    ["a provincial workbook", unitFile("x.xlsx", ALL_UNITS, [], null), /tất cả đơn vị/],
    ["an unknown unit", unitFile("x.xlsx", "Sở Không Có", [], null), /không phải tên một đơn vị/],
    [
      "a renamed header",
      unitFile("x.xlsx", "Sở Nội vụ", [], null, {
        headers: REQUIRED_UNIT_HEADERS.map((h) => (h === "Trạng thái" ? "Tình hình" : h)),
      }),
      /thiếu cột “Trạng thái”/,
    ],
    [
      "a date that is not a date",
      unitFile(
        "x.xlsx",
        "Sở Nội vụ",
        [
          { taskId: "I.1", status: "x" },
          { taskId: "I.2", completedOn: "32/13/2024" },
        ],
        null,
      ),
      /không phải là ngày/,
    ],
    [
      "no config block",
      {
        name: "x.xlsx",
        fileTime: null,
        values: { sheetNames: [], config: null, assignments: null, savedAt: null },
      },
      /Không phải sổ theo dõi/,
    ],
    ["an unreadable file", { name: "x.xlsx", fileTime: null, problem: "Tệp hỏng." }, /Tệp hỏng/],
  ])("refuses %s whole, with a Vietnamese reason", (_what, file, reason) => {
    const r = consolidate(provinceRows(), CAT, [file as UnitFileInput]);
    expect(r.report.rejected).toHaveLength(1);
    expect(r.report.rejected[0].reason).toMatch(reason);
    expect(r.changed).toEqual([]);
  });

  test("another version of the catalogue is accepted; its extra tasks are reported", () => {
    const f = unitFile(
      "snv.xlsx",
      "Sở Nội vụ",
      [
        { taskId: "I.1", status: "x" },
        { taskId: "IX.9", status: "x" },
      ],
      null,
    );
    (f.values as WorkbookValues).config = config("Sở Nội vụ", CAT, "2");
    const r = consolidate(provinceRows(), CAT, [f]);
    expect(r.report.accepted[0].catalogueVersion).toBe("2");
    expect(r.report.extraTasks).toEqual([{ file: "snv.xlsx", taskId: "IX.9" }]);
  });

  test("legacy-encoded (TCVN3) text is converted", () => {
    const unit = toTCVN3("Sở Nội vụ", "unicode");
    const f = unitFile(
      "snv.xlsx",
      unit,
      [
        {
          taskId: "I.1",
          unit,
          status: toTCVN3("Đã hoàn thành", "unicode"),
          note: toTCVN3("Có văn bản báo cáo kết quả thực hiện", "unicode"),
        },
      ],
      null,
    );
    const r = consolidate(provinceRows(), CAT, [f]);
    expect(r.report.accepted).toHaveLength(1);
    const got = row(r.rows, "I.1", "SNV").values;
    expect(got.status).toBe("Đã hoàn thành");
    expect(got.note).toBe("Có văn bản báo cáo kết quả thực hiện");
    expect(r.report.accepted[0].notes.join(" ")).toMatch(/TCVN3/);
  });

  test("Nộp báo cáo: submitted, rejected with the reason, missing; an earlier submission is kept", () => {
    const files = [
      unitFile("snv.xlsx", "Sở Nội vụ", [{ taskId: "I.1", status: "x" }], null),
      unitFile("stp.xlsx", "Sở Tư pháp", [{ taskId: "I.1", completedOn: "hôm qua" }], null),
    ];
    const r = consolidate(provinceRows(), CAT, files);
    const by = new Map(r.submissions.map((s) => [s.unit, s]));
    expect(by.get("Sở Nội vụ")).toMatchObject({
      status: SUBMISSION_STATUS.submitted,
      file: "snv.xlsx",
      rowsUpdated: 1,
    });
    expect(by.get("Sở Tư pháp")).toMatchObject({ status: SUBMISSION_STATUS.rejected, file: "stp.xlsx" });
    expect(by.get("Sở Tư pháp")?.note).toMatch(/không phải là ngày/);
    expect(by.get(UNITS[2].name)?.status).toBe(SUBMISSION_STATUS.missing);
    expect(r.report.unitsMissing).toEqual(["Sở Tư pháp", UNITS[2].name]);
    const later = consolidate(r.rows, CAT, [], r.submissions);
    expect(later.submissions).toEqual(r.submissions);
  });
});

// ───────────────────────────── properties ─────────────────────────────

const statusArb = fc.constantFrom<unknown>(
  "",
  "x",
  "Đã hoàn thành",
  "Đang thực hiện",
  "Chưa thực hiện",
  "50%",
  "=1+1",
  "lạ",
);
const dateArb = fc.constantFrom<unknown>(
  "",
  toExcelSerial("2024-03-01"),
  toExcelSerial("2024-12-31"),
  "2024-05-06",
  "07/08/2024",
);
const textArb = fc.constantFrom<unknown>("", "CV 12", "https://a.gov.vn/1", "@cmd", "ghi chú");
const fileRowArb = fc.record({
  taskId: fc.constantFrom(...TASKS, "IX.9"),
  status: statusArb,
  completedOn: dateArb,
  evidence: textArb,
  note: textArb,
});
const timeArb = fc.constantFrom<string | null>(
  null,
  "2024-12-01T00:00:00Z",
  "2024-12-02T08:00:00Z",
  "2024-12-03T00:00:00Z",
);
const fileArb = fc
  .record({
    name: fc.constantFrom("a.xlsx", "b.xlsx", "c.xlsx", "d.xlsx", "e.xlsx"),
    unit: fc.constantFrom(...UNITS.map((u) => u.id)),
    spelling: fc.nat(2),
    rows: fc.array(fileRowArb, { maxLength: 6 }),
    savedAt: timeArb,
    badDate: fc.boolean().map((b) => b && Math.random() < 0.3),
    otherUnit: fc.boolean(),
  })
  .map((f) => {
    const names = SPELLINGS[f.unit];
    const unitName = names[f.spelling % names.length];
    const seen = new Set<string>();
    const rows: FileRow[] = f.rows.filter((r) => !seen.has(r.taskId) && seen.add(r.taskId));
    if (f.otherUnit)
      rows.push({ taskId: "I.1", unit: UNITS.find((u) => u.id !== f.unit)?.name, status: "x" });
    return unitFile(f.name, unitName, rows, f.savedAt);
  });
const provArb = fc.array(
  fc.record({
    status: fc.constantFrom<string | null>(null, null, "Đang thực hiện", "Đã hoàn thành"),
    note: fc.constantFrom<string | null>(null, null, "người rà soát ghi"),
    source: fc.constantFrom<string | undefined>(undefined, undefined, "old.xlsx"),
    sourceAt: fc.constant("2024-11-30T00:00:00Z"),
  }),
  { minLength: TASKS.length * UNITS.length, maxLength: TASKS.length * UNITS.length },
);

function canon(r: ReturnType<typeof consolidate>) {
  return JSON.stringify({ rows: r.rows, submissions: r.submissions, report: r.report });
}

describe("consolidate: properties", () => {
  test("same files in any order → same result", () => {
    fc.assert(
      fc.property(provArb, fc.array(fileArb, { maxLength: 6 }), fc.boolean(), (pv, files, prefer) => {
        const prov = provinceRows(pv.map((v) => (v.source ? v : { ...v, sourceAt: undefined })));
        const a = consolidate(prov, CAT, files, [], { preferUnit: prefer });
        const b = consolidate(prov, CAT, [...files].reverse(), [], { preferUnit: prefer });
        expect(canon(b)).toBe(canon(a));
      }),
      { numRuns: 150 },
    );
  });

  test("the same files twice → the second run changes nothing", () => {
    fc.assert(
      fc.property(provArb, fc.array(fileArb, { maxLength: 6 }), fc.boolean(), (pv, files, prefer) => {
        const prov = provinceRows(pv.map((v) => (v.source ? v : { ...v, sourceAt: undefined })));
        const first = consolidate(prov, CAT, files, [], { preferUnit: prefer });
        const second = consolidate(first.rows, CAT, files, first.submissions, { preferUnit: prefer });
        expect(second.changed).toEqual([]);
        expect(JSON.stringify(second.rows)).toBe(JSON.stringify(first.rows));
        expect(JSON.stringify(second.submissions)).toBe(JSON.stringify(first.submissions));
      }),
      { numRuns: 150 },
    );
  });

  test("no reviewer value is lost: typed values stay, or (--prefer unit) are listed as conflicts", () => {
    fc.assert(
      fc.property(provArb, fc.array(fileArb, { maxLength: 6 }), fc.boolean(), (pv, files, prefer) => {
        const prov = provinceRows(pv.map((v) => (v.source ? v : { ...v, sourceAt: undefined })));
        const r = consolidate(prov, CAT, files, [], { preferUnit: prefer });
        prov.forEach((p, i) => {
          for (const f of ["status", "completedOn", "evidence", "note"] as const) {
            const before = p.values[f];
            if (before === null) continue;
            const after = r.rows[i].values[f];
            if (p.source === null && after !== before) {
              expect(prefer).toBe(true);
              expect(r.report.conflicts.some((c) => c.taskId === p.taskId && c.unit === p.unit)).toBe(true);
            }
            expect(after).not.toBeNull(); // nothing is ever erased
          }
        });
      }),
      { numRuns: 150 },
    );
  });

  test("each file is merged whole or refused whole", () => {
    fc.assert(
      fc.property(provArb, fc.array(fileArb, { minLength: 1, maxLength: 5 }), fc.nat(), (pv, files, pick) => {
        const prov = provinceRows(pv.map((v) => (v.source ? v : { ...v, sourceAt: undefined })));
        // Break one file with a single bad date: the result is as if it had not been sent.
        const k = pick % files.length;
        const broken = JSON.parse(JSON.stringify(files[k])) as UnitFileInput;
        broken.values?.assignments?.rows.push([
          "II.1",
          "Nhiệm vụ",
          broken.values.config?.[CONFIG_ROWS.catalogueFirst + 8][1],
          "Chủ trì",
          "",
          "ngày 5",
          "",
          "",
        ]);
        const withBroken = consolidate(
          prov,
          CAT,
          files.map((f, i) => (i === k ? broken : f)),
        );
        const without = consolidate(
          prov,
          CAT,
          files.filter((_, i) => i !== k),
        );
        expect(withBroken.report.rejected.map((x) => x.file)).toContain(broken.name);
        expect(JSON.stringify(withBroken.rows)).toBe(JSON.stringify(without.rows));
      }),
      { numRuns: 150 },
    );
  });
});
