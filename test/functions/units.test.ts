/** CCHC.UNIT, CCHC.COMPLETION, CCHC.UNITSUMMARY called as Excel calls them. */
import { ErrorCode, expectExcelError, expectPlainResult, thrownBy } from "./customFunctionsFake";
import * as F from "../../src/functions/functions";
import { NO_UNIT_LABEL, UNIT_SUMMARY_HEADER } from "../../src/functions/units";
import { toExcelSerial } from "../../src/core";

const S = (iso: string) => toExcelSerial(iso);
// Excel passes untyped values (null for an omitted argument): call the functions the same way.
const unit = F.unit as (...args: unknown[]) => string;
const completion = F.completion as (...args: unknown[]) => number;
const unitSummary = F.unitSummary as (...args: unknown[]) => (string | number)[][];
const col = (...values: unknown[]) => values.map((v) => [v]);

describe("CCHC.UNIT", () => {
  test.each<[unknown, unknown, string]>([
    ["SNV", null, "Sở Nội vụ"],
    ["Sở Nội Vụ tỉnh Quảng Ngãi", null, "Sở Nội vụ"],
    ["Sở Nội vụ", undefined, "Sở Nội vụ"],
    ["UBND huyện Bình Sơn", null, "Huyện Bình Sơn"],
    [524, null, "Huyện Bình Sơn"],
    ["Phường Nguyễn Nghiêm", "Đức Phổ", "Phường Nguyễn Nghiêm"],
    ["Phường Nguyễn Nghiêm", "TX Đức Phổ", "Phường Nguyễn Nghiêm"],
    ["Phường Nguyễn Nghiêm", "534", "Phường Nguyễn Nghiêm"],
  ])("%p (district %p) → %p", (name, district, expected) => {
    expect(unit(name, district)).toBe(expected);
  });

  test("an ambiguous commune names its candidates with their districts", () => {
    const msg = expectExcelError(
      thrownBy(() => unit("Phường Nguyễn Nghiêm", null)),
      [ErrorCode.notAvailable],
    );
    expect(msg).toMatch(/không tìm thấy đơn vị duy nhất/i);
    expect(msg).toContain("Thành phố Quảng Ngãi");
    expect(msg).toContain("Thị xã Đức Phổ");
  });

  test.each<[unknown, unknown, string, RegExp]>([
    ["Sở Không Có", null, ErrorCode.notAvailable, /Không tìm thấy đơn vị “Sở Không Có”/],
    ["", null, ErrorCode.notAvailable, /Chưa nhập tên đơn vị/],
    [null, null, ErrorCode.notAvailable, /Chưa nhập tên đơn vị/],
    ["Phường Nguyễn Nghiêm", "Huyện Không Có", ErrorCode.notAvailable, /Không tìm thấy huyện/],
    ["Phường Nguyễn Nghiêm", "Bình Sơn", ErrorCode.notAvailable, /thuộc Huyện Bình Sơn/],
    [true, null, ErrorCode.invalidValue, /phải là chữ/],
    [[["a", "b"]], null, ErrorCode.invalidValue, /cần một ô/],
  ])("%p (district %p) → %s", (name, district, code, message) => {
    expect(
      expectExcelError(
        thrownBy(() => unit(name, district)),
        [code],
      ),
    ).toMatch(message);
  });
});

describe("CCHC.COMPLETION", () => {
  // Counted as COUNTIFS counts: the cell's exact text, case aside (test/functions/unitsExact.test.ts
  // covers cells written otherwise).
  const units = col("Sở Nội vụ", "sở nội vụ", "Sở Tư pháp", "SỞ NỘI VỤ", "", "Ban ABC", "ban abc");
  const statuses = col("Đã hoàn thành", "Chưa thực hiện", "x", true, "x", "Đang thực hiện", "xong");

  test.each<[unknown, number]>([
    ["Sở Nội Vụ", 2 / 3],
    ["sở nội vụ", 2 / 3],
    ["Sở Tư pháp", 1],
    ["BAN ABC", 1 / 2],
  ])("%p → %p", (name, rate) => {
    expect(completion(units, statuses, name)).toBeCloseTo(rate, 12);
  });

  test("ranges may be rows instead of columns", () => {
    expect(completion([["Sở Nội vụ", "Sở Nội vụ"]], [["x", ""]], "Sở Nội vụ")).toBe(0.5);
  });

  test.each<[unknown, unknown, unknown, string, RegExp]>([
    [units, col("x"), "SNV", ErrorCode.invalidValue, /dài bằng nhau: vùng đơn vị có 7 ô/],
    [units, statuses, "Sở Y tế", ErrorCode.notAvailable, /Không có nhiệm vụ nào của đơn vị “Sở Y tế”/],
    [units, statuses, "", ErrorCode.invalidValue, /Chưa nhập đơn vị/],
    [
      col("SNV"),
      col("có lẽ"),
      "SNV",
      ErrorCode.invalidValue,
      /Vùng trạng thái, dòng 1: không hiểu trạng thái/,
    ],
    [
      col("SNV", true),
      col("x", "x"),
      "SNV",
      ErrorCode.invalidValue,
      /Vùng đơn vị, dòng 2: tên đơn vị phải là chữ/,
    ],
    [[["SNV"], ["SNV", "x"]], col("x", "x"), "SNV", ErrorCode.invalidValue, /không cùng số cột/],
  ])("bad input %#", (u, s, name, code, message) => {
    expect(
      expectExcelError(
        thrownBy(() => completion(u, s, name)),
        [code],
      ),
    ).toMatch(message);
  });
});

describe("CCHC.UNITSUMMARY", () => {
  const report = S("2025-01-05");
  const units = col("Sở Nội vụ", "Sở Nội vụ", "Sở Tư pháp", "Huyện Bình Sơn", "Ban ABC", "", "");
  const dues = col("Quý IV/2024", S("2024-12-31"), "Tháng 11/2024", "Thường xuyên", "", "Quý IV/2024", "");
  const statuses = col("Đã hoàn thành", "Chưa thực hiện", "Đã hoàn thành", "", "x", "", "");
  const completedOns = col(S("2024-12-20"), "", "05/12/2024", "", "", "", "");

  test("one row per unit, known units in official order, header in Vietnamese", () => {
    const table = unitSummary(units, dues, statuses, completedOns, report);
    expectPlainResult(table);
    expect(table).toEqual([
      [...UNIT_SUMMARY_HEADER],
      ["Sở Nội vụ", 2, 1, 1, 0, 1, 0.5],
      ["Sở Tư pháp", 1, 1, 0, 1, 0, 1],
      ["Huyện Bình Sơn", 1, 0, 0, 0, 1, 0],
      ["Ban ABC", 1, 1, 0, 0, 0, 1],
      [NO_UNIT_LABEL, 1, 0, 0, 0, 1, 0],
    ]);
    expect(UNIT_SUMMARY_HEADER).toEqual([
      "Đơn vị",
      "Được giao",
      "Hoàn thành",
      "Đúng hạn",
      "Trễ hạn",
      "Quá hạn",
      "Tỷ lệ hoàn thành",
    ]);
  });

  test("completed dates are optional; an empty selection gives only the header", () => {
    const table = unitSummary(units, dues, statuses, null, report);
    expect(table[1]).toEqual(["Sở Nội vụ", 2, 1, 0, 0, 1, 0.5]);
    expect(unitSummary(col("", ""), col("", ""), col("", ""), null, report)).toEqual([
      [...UNIT_SUMMARY_HEADER],
    ]);
  });

  test("a bad cell is reported with its row", () => {
    const msg = expectExcelError(
      thrownBy(() => unitSummary(col("SNV", "SNV"), col("Quý IV", "Quý 9"), col("x", ""), null, report)),
      [ErrorCode.invalidValue],
    );
    expect(msg).toMatch(/^Vùng thời hạn, dòng 2: Không hiểu thời hạn “Quý 9”/);
    expect(
      expectExcelError(
        thrownBy(() => unitSummary(col("SNV"), col("Quý IV"), col("x"), col("x", "y"), report)),
      ),
    ).toMatch(/vùng ngày hoàn thành có 2 ô/);
  });

  test("50,000 rows in one call, each unit resolved and each deadline parsed once", () => {
    const names = ["Sở Nội vụ", "SNV", "Sở Tư pháp", "UBND huyện Bình Sơn", "Xã Bình Hòa", "Đơn vị lạ"];
    const deadlines = ["Quý IV/2024", "Tháng 6/2024", "Thường xuyên", S("2024-09-30"), "Theo yêu cầu"];
    const n = 50_000;
    const u: unknown[][] = [];
    const d: unknown[][] = [];
    const s: unknown[][] = [];
    const c: unknown[][] = [];
    for (let i = 0; i < n; i++) {
      u.push([names[i % names.length]]);
      d.push([deadlines[i % deadlines.length]]);
      s.push([i % 3 === 0 ? "Đã hoàn thành" : i % 3 === 1 ? "Đang thực hiện" : ""]);
      c.push([i % 3 === 0 ? S("2024-10-01") + (i % 120) : ""]);
    }
    const started = performance.now();
    const table = unitSummary(u, d, s, c, report);
    const elapsed = performance.now() - started;
    expect(table).toHaveLength(1 + 6); // one line per distinct text, as COUNTIFS counts
    expect(table.slice(1).reduce((sum, row) => sum + (row[1] as number), 0)).toBe(n);
    expect(elapsed).toBeLessThan(3000);
  });
});

describe("CCHC.UNITSUMMARY with a verdict range (Thẩm định)", () => {
  test("adds Hoàn thành (thẩm định), Tỷ lệ (thẩm định), Chưa thẩm định; rejected claims do not count", () => {
    const units = [["Sở Nội vụ"], ["sở nội vụ"], ["Sở Nội vụ"], ["Sở Nội vụ"], ["Sở Tư pháp"]];
    const dues = [["31/12/2024"], ["31/12/2024"], ["31/12/2024"], ["31/12/2024"], ["31/12/2024"]];
    const statuses = [["x"], ["Đã hoàn thành"], ["Đã hoàn thành"], [""], ["Đã hoàn thành"]];
    const verdicts = [["Đạt"], ["Không đạt"], [""], ["Đạt"], ["Cần bổ sung"]];
    const out = F.unitSummary(units, dues, statuses, undefined, 45657, verdicts) as unknown[][];
    expect(out[0].slice(-3)).toEqual(["Hoàn thành (thẩm định)", "Tỷ lệ (thẩm định)", "Chưa thẩm định"]);
    const byUnit = new Map(out.slice(1).map((r) => [r[0], r.slice(-3)]));
    expect(byUnit.get("Sở Nội vụ")).toEqual([2, 0.5, 1]); // Đạt + unreviewed; Không đạt out; a verdict without a claim counts nothing
    expect(byUnit.get("Sở Tư pháp")).toEqual([0, 0, 0]);
  });

  test("without the range: the seven columns as before", () => {
    const out = F.unitSummary([["Sở Nội vụ"]], [["31/12/2024"]], [["x"]], undefined, 45657) as unknown[][];
    expect(out[0]).toHaveLength(7);
  });
});
