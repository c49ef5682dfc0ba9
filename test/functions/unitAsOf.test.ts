/** Issue 20: CCHC.UNIT(name, [district], [asOf]) resolves on the map in force at asOf. */
import { canonicalUnitName } from "../../src/functions/units";
import { toExcelSerial } from "../../src/core";

const call = (name: unknown, district: unknown, asOf?: unknown): string => {
  try {
    return canonicalUnitName(name, district, asOf);
  } catch (e) {
    return `#ERR ${(e as Error).message}`;
  }
};

test.each<[unknown, unknown, unknown, string | RegExp]>([
  // blank asOf: the 2024 map, as before
  ["UBND huyện Bình Sơn", null, null, "Huyện Bình Sơn"],
  ["SNV", null, undefined, "Sở Nội vụ"],
  ["Xã Đặng Thùy Trâm", null, null, /#ERR .*Không tìm thấy đơn vị/],
  // the map from 01/07/2025, given as a date, a serial, text or a plan year
  ["Xã Đặng Thùy Trâm", null, "2025-07-01", "Xã Đặng Thuỳ Trâm"],
  ["xa dang thuy tram", null, toExcelSerial("2026-03-31"), "Xã Đặng Thuỳ Trâm"],
  ["Lý Sơn", null, 2026, "Đặc khu Lý Sơn"],
  ["UBND đặc khu Lý Sơn", null, "2026", "Đặc khu Lý Sơn"],
  ["Sơn Thuỷ", null, "01/07/2025", "Xã Sơn Thuỷ"],
  ["SNNMT", null, 2026, "Sở Nông nghiệp và Môi trường"],
  ["Lý Sơn", null, "30/06/2025", "Huyện Lý Sơn"],
  // old names in the new map: their successors, never a guess
  [
    "Phường Nguyễn Nghiêm (TP Quảng Ngãi)",
    null,
    2026,
    /#ERR Phường Nguyễn Nghiêm \(Thành phố Quảng Ngãi\) nay thuộc Phường Cẩm Thành/,
  ],
  ["Huyện Bình Sơn", null, 2026, /#ERR Huyện Bình Sơn: cấp huyện đã kết thúc từ 01\/07\/2025/],
  ["Sở Kế hoạch và Đầu tư", null, 2026, /#ERR .*nay thuộc Sở Tài chính/],
  ["Xã Trà Bùi", null, 2026, /#ERR Xã Trà Bùi đã được chia, nay thuộc 2 đơn vị: Xã Cà Đam, Xã Tây Trà Bồng/],
  ["Xã Bình Sơn", "Huyện Bình Sơn", 2026, /#ERR Từ 01\/07\/2025 không còn cấp huyện/],
  ["Son Ha", null, 2026, /#ERR .*có thể là Xã Sơn Hà; Xã Sơn Hạ/],
  ["SNV", null, "hôm qua", /#ERR Ngày áp dụng/],
])("CCHC.UNIT(%j, %j, %j)", (name, district, asOf, expected) => {
  const got = call(name, district, asOf);
  if (typeof expected === "string") expect(got).toBe(expected);
  else expect(got).toMatch(expected);
});
