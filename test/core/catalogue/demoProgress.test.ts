/**
 * The demo-2024 sample progress: labelled as sample data in every row, matching the catalogue's
 * assignments, and giving a newcomer done on time, done late, overdue and points to look at.
 */
import { loadBundledCatalogue } from "../../../src/core/catalogue/bundled";
import { DEMO_PROGRESS_NOTE, demoProgress, demoProgressCsv } from "../../../src/core/catalogue/demoProgress";
import { buildModel } from "../../../src/core/workbook/model";
import { defaultSettings, summaryLines } from "../../../src/core/workbook/evaluate";
import { parseProgressCsv } from "../../../src/core/workbook/progress";

describe("demo-2024 sample progress", () => {
  test("labelled, matching, deterministic; the summary shows every kind of result", async () => {
    const demo = await loadBundledCatalogue("demo-2024");
    const progress = demoProgress(demo);
    expect(progress.length).toBeGreaterThan(100);
    expect(progress.every((e) => e.note === DEMO_PROGRESS_NOTE)).toBe(true);
    expect(demoProgress(demo)).toEqual(progress);
    const model = buildModel(demo, { progress });
    expect(model.unmatchedProgress).toEqual([]);
    const { lines, total } = summaryLines(model.assignments, defaultSettings("2024-12-31"));
    expect(total.done).toBeGreaterThan(0);
    expect(total.doneOnTime).toBeGreaterThan(0);
    expect(total.doneLate).toBeGreaterThan(0);
    expect(total.overdue).toBeGreaterThan(0);
    expect(total.completionRate).toBeGreaterThan(0.3);
    expect(total.completionRate).toBeLessThan(0.8);
    expect(lines.some((l) => l.points > 0)).toBe(true);
    expect(lines.some((l) => l.points === 0)).toBe(true);
    // Completion dates stay inside the plan year.
    for (const e of progress) if (e.completedOn) expect(String(e.completedOn) <= "2024-12-31").toBe(true);
  });

  test("the CSV form reads back through the progress parser to the same entries", async () => {
    const demo = await loadBundledCatalogue("demo-2024");
    const parsed = parseProgressCsv(demoProgressCsv(demo)).map(({ line: _line, ...e }) => e);
    expect(parsed).toEqual(demoProgress(demo));
  });
});
