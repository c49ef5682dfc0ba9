/**
 * Issue 15, "Done means": random progress files (empty, abbreviated, NFD and duplicate units, odd
 * statuses and dates) → the exporter either refuses, or the figures it writes equal what the
 * rows say, counted here independently: every accepted row reaches exactly one assignment, and
 * the done lead assignments are exactly those whose row reads as done.
 */
import fc from "fast-check";
import Papa from "papaparse";
import { loadBundledCatalogue } from "../../src/core/catalogue/bundled";
import type { Catalogue } from "../../src/core/catalogue/types";
import { parseStatus } from "../../src/core/status/status";
import { findUnit } from "../../src/core/units/units";
import { buildModel } from "../../src/core/workbook/model";
import { defaultSettings, summaryLines } from "../../src/core/workbook/evaluate";
import { parseProgressCsv, ProgressCsvError } from "../../src/core/workbook/progress";
import { planExport } from "../../src/export/cli";

jest.setTimeout(300_000);

let catalogue: Catalogue;
let taskIds: string[];
let leadsOf: Map<string, string[]>; // task → lead unit ids (or text:)
let unitsOf: Map<string, string[]>; // task → all unit ids
beforeAll(async () => {
  catalogue = await loadBundledCatalogue("demo-2024");
  const model = buildModel(catalogue);
  taskIds = [...new Set(model.assignments.map((a) => a.taskId))];
  leadsOf = new Map();
  unitsOf = new Map();
  for (const a of model.assignments) {
    const id = a.unitId ?? `text:${a.unit}`;
    unitsOf.set(a.taskId, [...(unitsOf.get(a.taskId) ?? []), id]);
    if (a.role === "Chủ trì") leadsOf.set(a.taskId, [...(leadsOf.get(a.taskId) ?? []), id]);
  }
});

const unitSpellings = [
  "",
  "",
  "Sở Nội vụ",
  "SNV",
  "Sở Nội vụ".normalize("NFD"),
  " Sở Nội vụ ",
  "Sở Tư pháp",
  "STP",
  "Sở Thông tin và Truyền thông",
  "UBND huyện Bình Sơn",
  "Phòng Không Có",
];
const statuses = [
  "Đã hoàn thành",
  "x",
  "√",
  "✔️",
  "xong",
  "Đang thực hiện",
  "Chưa thực hiện",
  "50%",
  "??",
  "",
  "1",
];
const dates = ["", "2024-03-20", "20/03/2024", "2024-13-01", "0001-01-01", "31/02/2024", "2025-01-10", "abc"];

const rowArb = fc.record({
  task: fc.oneof(fc.integer({ min: 0, max: 200 }), fc.constant(-1)),
  unit: fc.constantFrom(...unitSpellings),
  status: fc.constantFrom(...statuses),
  date: fc.constantFrom(...dates),
});

test("random progress files: refused, or every figure equals what the rows say", () => {
  let accepted = 0;
  fc.assert(
    fc.property(fc.array(rowArb, { minLength: 1, maxLength: 4 }), (rows) => {
      const data = rows.map((r) => [
        r.task < 0 ? "Z.99" : taskIds[r.task % taskIds.length],
        r.unit,
        r.status,
        r.date,
      ]);
      const csv = Papa.unparse({ fields: ["task_id", "unit", "status", "completed_on"], data });
      let entries;
      try {
        entries = parseProgressCsv(csv);
      } catch (e) {
        if (e instanceof ProgressCsvError) return; // refused, with its lines
        throw e;
      }
      const built = planExport({
        catalogue,
        settings: defaultSettings("2024-12-31"),
        progress: entries,
        loadedFrom: "demo-2024",
        loadedAt: "2024-11-15T08:00:00.000Z",
      });
      if (!built.plan) {
        expect(built.problems.length).toBeGreaterThan(0);
        return;
      }
      // Accepted: each row names exactly one assignment, no two rows the same one.
      const targets = new Map<string, string>(); // task|unit → status text
      for (const [task, unit, status] of data) {
        let id: string;
        if (unit.trim() === "") {
          const leads = leadsOf.get(task) ?? [];
          expect(leads).toHaveLength(1);
          id = leads[0];
        } else {
          const u = findUnit(unit);
          id = u ? u.id : `text:${unit}`;
          expect(unitsOf.get(task) ?? []).toContain(id);
        }
        const key = `${task}|${id}`;
        expect(targets.has(key)).toBe(false);
        targets.set(key, status);
      }
      const expectedDone = [...targets.entries()].filter(
        ([key, status]) =>
          parseStatus(status) === "done" &&
          (leadsOf.get(key.split("|")[0]) ?? []).includes(key.split("|")[1]),
      ).length;
      const { total } = summaryLines(built.plan.model.assignments, defaultSettings("2024-12-31"));
      expect(total.done).toBe(expectedDone);
      expect(total.assigned).toBe([...leadsOf.values()].reduce((n, l) => n + l.length, 0));
      accepted += 1;
    }),
    { numRuns: 150 },
  );
  expect(accepted).toBeGreaterThan(3); // the property is not only about refusals
});
