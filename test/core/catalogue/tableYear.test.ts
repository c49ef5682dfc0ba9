/**
 * Issue 20 (round 2): a CSV catalogue pulled by URL takes the year its table says (a "Năm kế
 * hoạch" column, a title line, its deadlines) or is refused with what to do — never 2024 by default.
 */
import fc from "fast-check";
import { CatalogueError } from "../../../src/core";
import { unitsAsOfOf } from "../../../src/core/catalogue/planYear";
import {
  NO_TABLE_YEAR_PROBLEM,
  parseCatalogueOfStatedYear,
  planYearOfTable,
} from "../../../src/core/catalogue/tableYear";
import { unitMapAt } from "../../../src/core/units/units";
import { fetchCatalogue } from "../../../src/net/fetchCatalogue";

const HEADER = "STT,Nhiệm vụ,Cơ quan chủ trì,Thời hạn";
const row = (n: number, deadline: string, lead = "UBND các xã, phường, đặc khu") =>
  `${n},Rà soát thủ tục hành chính nội bộ số ${n},"${lead}",${deadline}`;
const csv = (...lines: string[]) => lines.join("\n") + "\n";

describe("the year a CSV table says", () => {
  test.each([
    [
      "title line in capitals",
      csv("KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026", HEADER, row(1, "Thường xuyên")),
      2026,
      "title",
    ],
    ["title line without marks", csv("Ke hoach CCHC nam 2026,,,", HEADER, row(1, "Hằng quý")), 2026, "title"],
    [
      "“Năm kế hoạch: 2025” above the header",
      csv("Năm kế hoạch: 2025", HEADER, row(1, "Thường xuyên", "Sở Nội vụ")),
      2025,
      "title",
    ],
    [
      "a Năm kế hoạch column",
      csv(`${HEADER},Năm kế hoạch`, `${row(1, "Thường xuyên")},2026`, `${row(2, "Hằng quý")},2026`),
      2026,
      "column",
    ],
    [
      "deadlines naming 2026",
      csv(HEADER, row(1, "Quý I/2026"), row(2, "30/09/2026"), row(3, "Thường xuyên")),
      2026,
      "deadlines",
    ],
    ["the column wins over deadlines", csv(`${HEADER},Năm`, `${row(1, "Quý IV/2025")},2026`), 2026, "column"],
  ])("%s", (_n, text, year, source) => {
    const warnings: string[] = [];
    const c = parseCatalogueOfStatedYear(text, { id: "x", title: "x" }, { warnings });
    expect(c.planYear).toBe(year);
    expect(warnings.join(" ")).toContain(`Năm kế hoạch ${year}`);
    const words = { title: "dòng tiêu đề", column: "cột “Năm kế hoạch”", deadlines: "thời hạn" };
    expect(warnings.join(" ")).toContain(words[source as keyof typeof words]);
  });

  test.each([
    ["no year anywhere", csv(HEADER, row(1, "Thường xuyên"), row(2, "Hằng quý"))],
    ["deadlines tie between two years", csv(HEADER, row(1, "Quý IV/2025"), row(2, "Quý I/2026"))],
    ["a title naming two years", csv("Kế hoạch năm 2025 và năm 2026", HEADER, row(1, "Thường xuyên"))],
  ])("%s: refused with what to do, never 2024", (_n, text) => {
    let error: unknown = null;
    try {
      parseCatalogueOfStatedYear(text, { id: "x", title: "x" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CatalogueError);
    expect((error as CatalogueError).problems).toEqual([NO_TABLE_YEAR_PROBLEM]);
    expect((error as { noPlanYear?: boolean }).noPlanYear).toBe(true);
    // The year a person said settles it.
    expect(parseCatalogueOfStatedYear(text, { id: "x", title: "x" }, { planYear: 2026 }).planYear).toBe(2026);
  });

  test("a JSON catalogue states its own year (the table rules do not apply)", () => {
    const json = JSON.stringify({
      schema: "cchc-catalogue/1",
      id: "j",
      title: "J",
      planYear: 2026,
      source: { document: "x", official: false },
      tasks: [{ id: "I.1", area: "I", title: "T", lead: "Sở Nội vụ", deadline: "Thường xuyên" }],
    });
    expect(parseCatalogueOfStatedYear(json, {}).planYear).toBe(2026);
  });

  test("property: a title line “… năm Y” gives Y", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2100 }),
        fc.constantFrom("NĂM", "năm", "Năm", "nam"),
        (y, word) => {
          const rows = [
            [`Kế hoạch CCHC ${word} ${y}`],
            HEADER.split(","),
            ["1", "T", "Sở Nội vụ", "Thường xuyên"],
          ];
          expect(planYearOfTable(rows, 1, [{ deadline: "Thường xuyên" }])).toEqual({
            year: y,
            source: "title",
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("fetchCatalogue of a CSV", () => {
  const respond = (body: string) =>
    (async () => new Response(body, { headers: { "content-type": "text/csv" } })) as unknown as typeof fetch;
  const URL_CSV = "https://data.example.vn/cchc/ke-hoach.csv";

  test("a 2026 plan (title line) is a 2026 plan on the map from 01/07/2025", async () => {
    const c = await fetchCatalogue(URL_CSV, {
      fetchImpl: respond(csv("KẾ HOẠCH CCHC NĂM 2026", HEADER, row(1, "Thường xuyên"), row(2, "Hằng quý"))),
    });
    expect(c.planYear).toBe(2026);
    expect(unitMapAt(unitsAsOfOf(c))).toBe("2025-07");
  });

  test("a CSV that says no year is refused, then pulled with the year the user gives", async () => {
    const text = csv(HEADER, row(1, "Thường xuyên", "Sở Nội vụ"));
    await expect(fetchCatalogue(URL_CSV, { fetchImpl: respond(text) })).rejects.toMatchObject({
      problems: [NO_TABLE_YEAR_PROBLEM],
    });
    const c = await fetchCatalogue(URL_CSV, { fetchImpl: respond(text), planYear: 2025 });
    expect(c.planYear).toBe(2025);
  });
});
