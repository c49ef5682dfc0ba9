/** Issue 20: a 2026 unit shown with the 2024 completion of the units that formed it. */
import { priorCompletion, summarizeByUnit, type SummaryRow } from "../../../src/core";

// A 2024 summary: Phường Cẩm Thành was formed of Phường Nghĩa Chánh, Trần Hưng Đạo, Chánh Lộ…
const rows: SummaryRow[] = [
  { unit: "Phường Nghĩa Chánh", due: "2024-06-30", done: true, completedOn: "2024-06-01" },
  { unit: "Phường Nghĩa Chánh", due: "2024-12-31", done: false },
  { unit: "Phường Trần Hưng Đạo", due: "2024-12-31", done: true, completedOn: "2024-12-01" },
  { unit: "Xã Trà Bùi", due: "2024-12-31", done: true, completedOn: "2024-12-01" },
  { unit: "Xã Trà Bùi", due: "2024-12-31", done: false },
  { unit: "Sở Kế hoạch và Đầu tư", due: "2024-12-31", done: true, completedOn: "2024-12-01" },
  { unit: "Sở Tài chính", due: "2024-12-31", done: false },
];
const summary = summarizeByUnit(rows, "2024-12-31");

test.each([
  ["Phường Cẩm Thành", 3, 2, false],
  ["Sở Tài chính", 2, 1, false],
  ["Xã Cà Đam", 2, 1, true],
  ["Xã Tây Trà Bồng", 2, 1, true],
] as const)(
  "%s: 2024 rate of its predecessors (%i assigned, %i done), approximate=%s",
  (name, assigned, done, approx) => {
    const [r] = priorCompletion(summary, [name]);
    expect(r.unit).toBe(name);
    expect(r.assigned).toBe(assigned);
    expect(r.done).toBe(done);
    expect(r.completionRate).toBeCloseTo(done / assigned, 12);
    expect(r.approximate).toBe(approx);
  },
);

test("a new unit whose predecessors had no 2024 assignment: rate null, predecessors listed as missing", () => {
  const [r] = priorCompletion(summary, ["Đặc khu Lý Sơn"]);
  expect(r.completionRate).toBeNull();
  expect(r.from).toEqual([]);
  expect(priorCompletion(summary, ["Không có đơn vị này"])).toEqual([]);
});
