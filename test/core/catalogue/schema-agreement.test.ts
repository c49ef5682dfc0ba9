/**
 * The published JSON Schema (checked by Ajv, an independent validator) and the add-in's own
 * parser must agree on what a valid cchc-catalogue/1 file is: a catalogue that others can
 * validate with the schema is one the add-in accepts, and vice versa.
 */
import Ajv2020 from "ajv/dist/2020";
import fc from "fast-check";
import schema from "../../../src/core/catalogue/cchc-catalogue-1.schema.json";
import { CatalogueError, parseCatalogue, serializeCatalogue, type Catalogue } from "../../../src/core";

const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

type Json = Record<string, unknown>;
const base = (): Json => ({
  schema: "cchc-catalogue/1",
  id: "kh-2024",
  title: "Kế hoạch CCHC năm 2024",
  planYear: 2024,
  source: { document: "Quyết định 1879/QĐ-UBND", official: false },
  tasks: [
    {
      id: "I.1",
      area: "I",
      title: "Ban hành kế hoạch tuyên truyền CCHC",
      lead: "Sở Nội vụ",
      deadline: "Quý I/2024",
    },
    {
      id: "III.1",
      area: "III",
      title: "Công bố danh mục TTHC",
      lead: "Văn phòng UBND tỉnh",
      coordinating: "Các sở, ban, ngành",
      output: "Quyết định",
      deadline: "Thường xuyên",
    },
  ],
});

function parserAccepts(doc: unknown): boolean {
  try {
    parseCatalogue(JSON.stringify(doc));
    return true;
  } catch (e) {
    if (!(e instanceof CatalogueError)) throw e;
    expect(e.problems.length).toBeGreaterThan(0);
    return false;
  }
}

const cases: Array<[string, (c: Json, t: Json, s: Json) => void, boolean]> = [
  ["the base catalogue", () => undefined, true],
  ["an empty deadline (no fixed deadline)", (_c, t) => (t.deadline = ""), true],
  ["an x- extension on a task", (_c, t) => (t["x-ghiChu"] = "bất kỳ"), true],
  ["an x- extension at the root", (c) => (c["x-publisher"] = "Sở Nội vụ"), true],
  ["a version string", (c) => (c.version = "2024-10-31"), true],
  ["a $schema address", (c) => (c.$schema = "https://example.gov.vn/cchc-catalogue-1.schema.json"), true],
  ["wrong schema id", (c) => (c.schema = "cchc-catalogue/2"), false],
  ["planYear as text", (c) => (c.planYear = "2024"), false],
  ["planYear out of range", (c) => (c.planYear = 1999), false],
  ["missing title", (c) => delete c.title, false],
  ["catalogue id with spaces", (c) => (c.id = "kế hoạch 2024"), false],
  ["official as text", (_c, _t, s) => (s.official = "true"), false],
  ["missing source document", (_c, _t, s) => delete s.document, false],
  ["empty task list", (c) => (c.tasks = []), false],
  ["area VIII", (_c, t) => (t.area = "VIII"), false],
  ["area as a number", (_c, t) => (t.area = 3), false],
  ["task id as a number", (_c, t) => (t.id = 1), false],
  ["missing lead", (_c, t) => delete t.lead, false],
  ["empty title", (_c, t) => (t.title = "   "), false],
  ["deadline as an Excel serial", (_c, t) => (t.deadline = 45657), false],
  ["missing deadline", (_c, t) => delete t.deadline, false],
  ["misspelt field without x-", (_c, t) => (t.dealine = "Quý IV/2024"), false],
  ["unknown root field", (c) => (c.nhiemVu = []), false],
  ["task that is a string", (c) => ((c.tasks as unknown[])[0] = "I.1"), false],
  ["version as a number", (c) => (c.version = 2), false],
];

describe("JSON Schema and parser agree", () => {
  test.each(cases)("%s", (_name, mutate, valid) => {
    const doc = base();
    mutate(doc, (doc.tasks as Json[])[0] ?? {}, doc.source as Json);
    expect(validate(doc)).toBe(valid);
    expect(parserAccepts(doc)).toBe(valid);
  });

  test("the parser also refuses what the schema cannot express: duplicate ids, impossible dates", () => {
    const dup = base();
    (dup.tasks as Json[])[1].id = "I.1";
    expect(validate(dup)).toBe(true); // JSON Schema cannot check uniqueness
    expect(parserAccepts(dup)).toBe(false);
    const bad = base();
    (bad.tasks as Json[])[0].deadline = "31/02/2024";
    expect(validate(bad)).toBe(true);
    expect(parserAccepts(bad)).toBe(false);
  });

  test("every catalogue the add-in serialises validates against the schema", () => {
    const arbTask = fc.record({
      id: fc.stringMatching(/^[A-Z]{1,3}\.[0-9]{1,3}$/),
      area: fc.constantFrom("I", "II", "III", "IV", "V", "VI", "VII"),
      title: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== ""),
      lead: fc.constantFrom("Sở Nội vụ", "Sở Tư pháp", "UBND các huyện, thị xã, thành phố"),
      coordinating: fc.option(fc.constantFrom("Sở Tài chính", "Các sở, ban, ngành"), { nil: undefined }),
      deadline: fc.constantFrom("Quý IV/2024", "Thường xuyên", "", "30/11/2024", "Theo quy định"),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(arbTask, { minLength: 1, maxLength: 20, selector: (t) => t.id }),
        (tasks) => {
          const c = parseCatalogue(
            JSON.stringify({
              ...base(),
              tasks: tasks.map((t) => (t.coordinating ? t : { ...t, coordinating: undefined })),
            }),
          );
          const text = serializeCatalogue(c);
          expect(validate(JSON.parse(text))).toBe(true);
          const again: Catalogue = parseCatalogue(text);
          expect(again).toEqual(c);
        },
      ),
      { numRuns: 200 },
    );
  });
});
