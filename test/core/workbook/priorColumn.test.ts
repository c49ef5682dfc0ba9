/** Issue 20 (round 2): the “Tỷ lệ 2024 (ước tính)” column of Tổng hợp, as plain functions. */
import { STATUS_CHOICES } from "../../../src/core/status/status";
import {
  PRIOR_RATE_HEADER,
  priorColumnOps,
  priorLinesFromAssignments,
} from "../../../src/core/workbook/priorColumn";

const DONE = STATUS_CHOICES.done.vi;
const headers = ["Mã NV", "Đơn vị", "Vai trò", "Trạng thái"];
const rows = [
  ["I.1", "Phường Nghĩa Chánh", "Chủ trì", DONE],
  ["I.2", "Phường Nghĩa Chánh", "Chủ trì", "Đang thực hiện"],
  ["I.3", "Phường Nghĩa Chánh", "Phối hợp", DONE],
  ["I.1", "Xã Trà Bùi", "Chủ trì", DONE],
  ["I.2", "Xã Trà Bùi", "Chủ trì", "x"], // an input form, not the drop-down value: not done in a workbook
  ["", "", "", ""],
];

test.each([
  [
    false,
    [
      { unit: "Phường Nghĩa Chánh", assigned: 2, done: 1 },
      { unit: "Xã Trà Bùi", assigned: 2, done: 1 },
    ],
  ],
  [
    true,
    [
      { unit: "Phường Nghĩa Chánh", assigned: 3, done: 2 },
      { unit: "Xã Trà Bùi", assigned: 2, done: 1 },
    ],
  ],
])("counts as Tổng hợp does (coordinating counted: %s)", (coord, expected) => {
  expect(priorLinesFromAssignments(headers, rows, coord)).toEqual(expected);
});

test("a Phân công without its Vai trò column: null (the caller says what is missing)", () => {
  expect(priorLinesFromAssignments(["Đơn vị", "Trạng thái"], [], false)).toBeNull();
});

test.each([
  [true, "M", "N3"],
  [false, "I", "J3"],
])("with Thẩm định columns %s: the column is %s, the note at %s", (review, col, noteAt) => {
  const prior = priorLinesFromAssignments(headers, rows, false) ?? [];
  const { ops, filled, approximate } = priorColumnOps(
    ["Phường Cẩm Thành", "Xã Cà Đam", "Đặc khu Lý Sơn"],
    prior,
    { review, source: "so-2024.xlsx" },
  );
  const writes = ops.filter((o) => o.op === "writeCells") as Array<{ address: string; rows: unknown[][] }>;
  expect(writes[0]).toMatchObject({ address: `${col}1`, rows: [[PRIOR_RATE_HEADER]] });
  expect(writes[1].address).toBe(`${col}2`);
  const [camThanh, caDam, lySon] = writes[1].rows.map((r) => r[0]);
  expect(camThanh).toBeCloseTo(1 / 2, 12);
  expect(caDam).toBeCloseTo(1 / 2, 12);
  expect(lySon).toBe("");
  expect(filled).toBe(2);
  expect(approximate).toEqual(["Xã Cà Đam"]);
  expect(writes[2].address).toBe(noteAt);
  expect(String(writes[2].rows[0][0])).toContain("so-2024.xlsx");
});
