/**
 * mapHeaders(headers) — the column headers agencies actually use → catalogue fields.
 */
import fc from "fast-check";
import { mapHeaders, CATALOGUE_FIELDS, type CatalogueField } from "../../../src/core";

const fieldOf = (h: unknown): CatalogueField | undefined => {
  const m = mapHeaders([h]);
  return (Object.keys(m) as CatalogueField[]).find((k) => m[k] === 0);
};

describe("mapHeaders: one header at a time", () => {
  test.each<[string, CatalogueField]>([
    ["STT", "id"],
    ["stt", "id"],
    ["TT", "id"],
    ["Số TT", "id"],
    ["Số thứ tự", "id"],
    ["Nhiệm vụ", "title"],
    ["Nội dung công việc", "title"],
    ["Nội dung", "title"],
    ["Nhiệm vụ, nội dung công việc", "title"],
    ["Nhiệm vụ/Nội dung công việc", "title"],
    ["Nhiệm vụ, giải pháp", "title"],
    ["Tên nhiệm vụ", "title"],
    ["Nội dung nhiệm vụ", "title"],
    ["Cơ quan chủ trì", "lead"],
    ["Đơn vị chủ trì", "lead"],
    ["Chủ trì", "lead"],
    ["Cơ quan, đơn vị chủ trì", "lead"],
    ["Cơ quan chủ trì thực hiện", "lead"],
    ["Cơ quan phối hợp", "coordinating"],
    ["Đơn vị phối hợp", "coordinating"],
    ["Phối hợp", "coordinating"],
    ["Cơ quan, đơn vị phối hợp", "coordinating"],
    ["Sản phẩm", "output"],
    ["Kết quả", "output"],
    ["Sản phẩm/Kết quả", "output"],
    ["Sản phẩm đầu ra", "output"],
    ["Thời gian hoàn thành", "deadline"],
    ["Thời hạn hoàn thành", "deadline"],
    ["Thời hạn", "deadline"],
    ["Thời gian thực hiện", "deadline"],
    ["Thời gian", "deadline"],
    ["Hạn hoàn thành", "deadline"],
    ["Thời hạn hoàn thành (dự kiến)", "deadline"],
    ["Tiến độ", "status"],
    ["Tiến độ thực hiện", "status"],
    ["Tình trạng", "status"],
    ["Tình trạng thực hiện", "status"],
    ["Kết quả thực hiện", "status"],
    ["Kết quả thực hiện (Đã/Đang/Chưa)", "status"],
    ["Trạng thái", "status"],
    ["Ngày hoàn thành", "completedOn"],
    ["Ngày hoàn thành thực tế", "completedOn"],
    ["Thời gian hoàn thành thực tế", "completedOn"],
    ["Minh chứng", "evidence"],
    ["Tài liệu kiểm chứng", "evidence"],
    ["Link minh chứng", "evidence"],
    ["Minh chứng (đường dẫn)", "evidence"],
    ["Ghi chú", "note"],
    ["Ghi chú/Đề xuất", "note"],
    ["Lĩnh vực", "area"],
  ])("%j → %s", (header, field) => {
    expect(fieldOf(header)).toBe(field);
    expect(fieldOf(header.toUpperCase())).toBe(field);
    expect(fieldOf(header.toLowerCase())).toBe(field);
    expect(fieldOf(header.normalize("NFD"))).toBe(field);
    expect(fieldOf(`  ${header.replace(/ /g, "   ")}  `)).toBe(field);
    expect(fieldOf(header.replace(/ /g, "\n"))).toBe(field);
    expect(fieldOf(header.replace(/ /g, "\r\n"))).toBe(field);
  });

  test.each([[""], ["   "], [null], [undefined], [5], [{}], ["(1)"], ["xyz"]])("%j → no field", (h) => {
    expect(mapHeaders([h])).toEqual({});
  });
});

describe("mapHeaders: whole header rows", () => {
  test("a tracking sheet with every column", () => {
    expect(
      mapHeaders([
        "STT",
        "Nội dung công việc",
        "Cơ quan\nchủ trì",
        "Cơ quan phối hợp",
        "Sản phẩm",
        "Thời gian\nhoàn thành",
        "Tiến độ thực hiện",
        "Ngày hoàn thành",
        "Minh chứng",
        "Ghi chú",
      ]),
    ).toEqual({
      id: 0,
      title: 1,
      lead: 2,
      coordinating: 3,
      output: 4,
      deadline: 5,
      status: 6,
      completedOn: 7,
      evidence: 8,
      note: 9,
    });
  });

  test("another agency's wording, in another order", () => {
    expect(
      mapHeaders([
        "Ghi chú",
        "Tài liệu kiểm chứng",
        "Kết quả thực hiện",
        "Thời hạn",
        "Đơn vị phối hợp",
        "Đơn vị chủ trì",
        "Nhiệm vụ",
        "TT",
        "Kết quả",
      ]),
    ).toEqual({
      note: 0,
      evidence: 1,
      status: 2,
      deadline: 3,
      coordinating: 4,
      lead: 5,
      title: 6,
      id: 7,
      output: 8,
    });
  });

  test("deadline and actual completion date side by side", () => {
    expect(mapHeaders(["STT", "Nhiệm vụ", "Thời gian hoàn thành", "Thời gian hoàn thành thực tế"])).toEqual({
      id: 0,
      title: 1,
      deadline: 2,
      completedOn: 3,
    });
  });

  test("empty cells and unknown headers are skipped without shifting indices", () => {
    expect(mapHeaders(["", null, "STT", undefined, "Nhiệm vụ", "Cột lạ", "Cơ quan chủ trì"])).toEqual({
      id: 2,
      title: 4,
      lead: 6,
    });
  });

  test("each field is used once (the first column wins)", () => {
    const m = mapHeaders(["Nhiệm vụ", "Nội dung", "Cơ quan chủ trì", "Đơn vị chủ trì"]);
    expect(m.title).toBe(0);
    expect(m.lead).toBe(2);
    expect(Object.values(m).filter((i) => i === 1)).toEqual([]);
  });

  test("non-array input → {}", () => {
    for (const v of [null, undefined, "STT", 5, {}])
      expect(mapHeaders(v as unknown as unknown[])).toEqual({});
  });
});

// ─────────────────────────── Bugs found (keep failing until fixed) ───────────────────────────

describe("mapHeaders: synonyms promised by docs/catalogue-format.md", () => {
  test("'Hình thức văn bản' → output", () => {
    expect(fieldOf("Hình thức văn bản")).toBe("output");
  });
});

describe("mapHeaders: never throws on unknown cells", () => {
  // fast-check found [{"toString": ""}]: String(header) throws "Cannot convert object to
  // primitive value". Header cells can come from JSON or sheet adapters, and the spec says
  // mapHeaders never throws.
  test.each([[{ toString: "" }], [JSON.parse('{"toString": null}')], [Object.create(null)]])(
    "mapHeaders([%p])",
    (cell) => {
      expect(() => mapHeaders(["STT", cell, "Nhiệm vụ"])).not.toThrow();
    },
  );
});

describe("judgement calls", () => {
  test("'Tình hình thực hiện' (a common tracking header) → status", () => {
    expect(fieldOf("Tình hình thực hiện")).toBe("status");
  });
});

describe("mapHeaders: properties", () => {
  /** Anything except objects overriding toString/valueOf (covered deterministically above). */
  const plainAnything = fc.anything().filter((v) => {
    try {
      String(v);
      return true;
    } catch {
      return false;
    }
  });

  test("never throws; indices are distinct, in range and map to known fields", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ unit: "grapheme", maxLength: 30 }), plainAnything), { maxLength: 20 }),
        (hs) => {
          const m = mapHeaders(hs);
          const entries = Object.entries(m) as Array<[CatalogueField, number]>;
          for (const [f, i] of entries) {
            expect(CATALOGUE_FIELDS).toContain(f);
            expect(Number.isInteger(i) && i >= 0 && i < hs.length).toBe(true);
          }
          expect(new Set(entries.map(([, i]) => i)).size).toBe(entries.length);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test("inserting blank columns shifts indices but not fields", () => {
    const base = [
      "STT",
      "Nhiệm vụ",
      "Cơ quan chủ trì",
      "Cơ quan phối hợp",
      "Thời gian hoàn thành",
      "Tiến độ",
      "Minh chứng",
    ];
    fc.assert(
      fc.property(fc.array(fc.nat(base.length), { maxLength: 5 }), (positions) => {
        const row: string[] = [...base];
        for (const p of [...positions].sort((a, b) => b - a)) row.splice(p, 0, "");
        const m = mapHeaders(row);
        const original = mapHeaders(base);
        expect(Object.keys(m).sort()).toEqual([
          "coordinating",
          "deadline",
          "evidence",
          "id",
          "lead",
          "status",
          "title",
        ]);
        for (const f of Object.keys(m) as CatalogueField[])
          expect(row[m[f] as number]).toBe(base[original[f] as number]);
      }),
    );
  });
});
