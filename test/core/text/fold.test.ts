import fc from "fast-check";
import { foldVietnamese, normalizeVietnamese } from "../../../src/core/text";

describe("foldVietnamese", () => {
  test.each([
    ["Sở Nội vụ", "so noi vu"],
    ["SỞ NỘI VỤ", "so noi vu"],
    ["Ủy ban nhân dân", "uy ban nhan dan"],
    ["Uỷ ban nhân dân", "uy ban nhan dan"],
    ["Đức Phổ", "duc pho"],
    ["Sở NN&PTNT", "so nn va ptnt"],
    ["Lao động - Thương binh và Xã hội", "lao dong thuong binh va xa hoi"],
    ["Lao động-Thương binh và Xã hội", "lao dong thuong binh va xa hoi"],
    ["Lao động – Thương binh", "lao dong thuong binh"],
    ["  Sở\u00a0Tư\tpháp  ", "so tu phap"],
    ["Ｓở Ｎội vụ", "so noi vu"],
    ["Ho\u0300a", "hoa"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });

  test("non-string input gives an empty key", () => {
    expect(foldVietnamese(null as unknown as string)).toBe("");
    expect(foldVietnamese(7 as unknown as string)).toBe("");
  });

  test("an invisible separator folds like a space, also for Greek final sigma", () => {
    expect(foldVietnamese("ΑΣ\u200bΑ")).toBe(foldVietnamese("ΑΣ Α"));
    expect(foldVietnamese("ΑΣ\u200bΑ")).toBe("ας α");
  });

  test("the key is a fixed point and has the promised shape", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (x) => {
        const key = foldVietnamese(x);
        expect(foldVietnamese(key)).toBe(key);
        expect(key).toBe(key.trim());
        expect(key).not.toMatch(/ {2}/);
        expect(key).not.toMatch(/[\u0300-\u036f&đĐ]/);
        expect(key).toBe(key.toLowerCase());
        expect(foldVietnamese(normalizeVietnamese(x))).toBe(key);
      }),
      { numRuns: 500 },
    );
  });
});
