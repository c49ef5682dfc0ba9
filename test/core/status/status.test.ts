/**
 * parseStatus(value) — what people type in a status / progress column.
 */
import fc from "fast-check";
import { parseStatus, STATUS_CHOICES } from "../../../src/core";

describe("parseStatus: done", () => {
  test.each([
    ["Đã hoàn thành"],
    ["đã hoàn thành"],
    ["ĐÃ HOÀN THÀNH"],
    ["Đã hoàn thành "],
    ["Đã hoàn thành."],
    ["Hoàn thành"],
    ["Hoàn thành (trễ hạn)"],
    ["Hoàn thành trễ hạn"],
    ["Đã hoàn thành trễ hạn"],
    ["Hoàn thành đúng hạn"],
    ["Đã hoàn thành (đúng hạn)"],
    ["Đã hoàn thành 100%"],
    ["Hoàn thành 100%"],
    ["100%"],
    ["Da hoan thanh"],
    ["Đã xong"],
    ["Xong"],
    ["x"],
    ["X"],
    [" x "],
    ["✓"],
    ["✔"],
    ["☑"],
    ["✅"],
    ["TRUE"],
    ["true"],
    ["1"],
    ["Done"],
    [true],
    [1],
  ])("%j → done", (v) => {
    expect(parseStatus(v)).toBe("done");
  });
});

describe("parseStatus: in progress", () => {
  test.each([
    ["Đang thực hiện"],
    ["đang thực hiện"],
    ["ĐANG THỰC HIỆN"],
    ["Dang thuc hien"],
    ["Đang triển khai"],
    ["Đang thực hiện (đạt 50%)"],
    ["Đang thực hiện, chậm tiến độ"],
    ["Hoàn thành 80%"],
    ["50%"],
    ["Cơ bản hoàn thành"],
    ["Hoàn thành một phần"],
    ["Tiếp tục thực hiện"],
    ["In progress"],
    [0.5],
    [50],
  ])("%j → in-progress", (v) => {
    expect(parseStatus(v)).toBe("in-progress");
  });
});

describe("parseStatus: not started / not done", () => {
  test.each([
    ["Chưa thực hiện"],
    ["chưa thực hiện"],
    ["CHƯA THỰC HIỆN"],
    ["Chua thuc hien"],
    ["Chưa hoàn thành"],
    ["Chưa hoàn thành (quá hạn)"],
    ["Chưa triển khai"],
    ["Chưa thực hiện xong"],
    ["Không thực hiện"],
    ["Không hoàn thành"],
    ["0%"],
    ["FALSE"],
    ["false"],
    ["0"],
    ["✗"],
    ["☐"],
    ["Not started"],
    [false],
    [0],
  ])("%j → not-started", (v) => {
    expect(parseStatus(v)).toBe("not-started");
  });
});

describe("parseStatus: empty and unknown", () => {
  test.each([[""], ["   "], [null], [undefined]])("%j → null", (v) => {
    expect(parseStatus(v)).toBeNull();
  });

  test.each([["abc"], ["?"], [{}], [[]], [-1], [NaN], [101]])("unknown %j → null (never a guess)", (v) => {
    expect(parseStatus(v)).toBeNull();
  });
});

describe("parseStatus: NFD, other tone style, case", () => {
  test.each(["Đã hoàn thành", "Hoàn thành (trễ hạn)", "Đang thực hiện", "Chưa thực hiện", "Chưa hoàn thành"])(
    "%j",
    (s) => {
      const expected = parseStatus(s);
      expect(expected).not.toBeNull();
      expect(parseStatus(s.normalize("NFD"))).toBe(expected);
      expect(parseStatus(s.toUpperCase())).toBe(expected);
      expect(parseStatus(s.toLowerCase().normalize("NFD"))).toBe(expected);
      expect(parseStatus(`  ${s}\n`)).toBe(expected);
    },
  );

  test("the canonical drop-down choices read back as themselves", () => {
    for (const [status, label] of Object.entries(STATUS_CHOICES)) {
      expect(parseStatus(label.vi)).toBe(status);
      expect(parseStatus(label.en)).toBe(status);
    }
  });
});

describe("parseStatus: properties", () => {
  const OK = [null, "done", "in-progress", "not-started"];

  test("never throws on arbitrary values", () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(OK).toContain(parseStatus(v));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (s) => {
        expect(OK).toContain(parseStatus(s));
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.double(), (n) => {
        expect(OK).toContain(parseStatus(n));
      }),
    );
  });

  test("a negation is never read as done", () => {
    const rest = fc.constantFrom(
      "hoàn thành",
      "thực hiện",
      "xong",
      "triển khai",
      "đạt",
      "hoàn thành đúng hạn",
    );
    fc.assert(
      fc.property(fc.constantFrom("Chưa", "chưa", "CHƯA", "Không", "không"), rest, (neg, r) => {
        expect(parseStatus(`${neg} ${r}`)).not.toBe("done");
      }),
    );
  });
});
