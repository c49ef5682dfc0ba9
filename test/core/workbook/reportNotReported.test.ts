/** The province-wide report's list of units that have not reported (notReportedParagraphs). */
import { notReportedParagraphs } from "../../../src/core/workbook/reportDoc";
import type { AssignmentRecord } from "../../../src/core/workbook/model";

const rec = (unit: string, level: string) => ({ unit, level }) as unknown as AssignmentRecord;
const assignments = [
  rec("Sở Tư pháp", "Sở, ban, ngành"),
  rec("Sở Nội vụ", "Sở, ban, ngành"),
  rec("UBND huyện Bình Sơn", "Cấp huyện"),
  rec("Xã Bình Châu (huyện Bình Sơn)", "Cấp xã"),
  rec("Xã An Hải", "Cấp xã"),
  rec("Công an tỉnh", "Cơ quan Trung ương"),
];

describe("notReportedParagraphs", () => {
  test.each([
    [
      undefined,
      ["Đơn vị chưa gửi báo cáo: chưa xác định (sổ này chưa tổng hợp từ tệp báo cáo của các đơn vị)."],
    ],
    [[], ["Đơn vị chưa gửi báo cáo: không có."]],
    [
      ["Xã Bình Châu (huyện Bình Sơn)", "Sở Tư pháp", "Xã An Hải", "Công an tỉnh", "Sở Nội vụ"],
      [
        "Đơn vị chưa gửi báo cáo (5):",
        "- Sở, ban, ngành (2): Sở Nội vụ; Sở Tư pháp.",
        "- Cơ quan Trung ương (1): Công an tỉnh.",
        "- Cấp xã (2): Xã An Hải; Xã Bình Châu (huyện Bình Sơn).",
      ],
    ],
    [
      ["UBND huyện Bình Sơn (tệp bị từ chối)", "Đơn vị lạ", "Sở Tư pháp", "Sở Tư pháp"],
      [
        "Đơn vị chưa gửi báo cáo (3):",
        "- Sở, ban, ngành (1): Sở Tư pháp.",
        "- Cấp huyện (1): UBND huyện Bình Sơn (tệp bị từ chối).",
        "- Chưa nhận diện (1): Đơn vị lạ.",
      ],
    ],
  ])("%j", (names, expected) => {
    expect(notReportedParagraphs(names, assignments)).toEqual(expected);
  });

  test("a long level is split over rows of at most 1,200 characters, every name once", () => {
    const many = Array.from({ length: 400 }, (_, i) => `Xã Thử ${String(i).padStart(3, "0")}`);
    const rows = notReportedParagraphs(
      many,
      many.map((u) => rec(u, "Cấp xã")),
    );
    expect(rows[0]).toBe("Đơn vị chưa gửi báo cáo (400):");
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows) expect(r.length).toBeLessThanOrEqual(1200);
    const names = rows
      .slice(1)
      .join(" ")
      .replace(/^- Cấp xã \(400\): /, "")
      .replace(/\.$/, "")
      .split(/;\s+/);
    expect(names).toEqual(many);
  });
});
