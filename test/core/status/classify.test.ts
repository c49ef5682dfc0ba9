/**
 * classifyTask({due, done, completedOn?}, asOf, {dueSoonDays?}) and TASK_STATUS_LABELS.
 */
import fc from "fast-check";
import {
  classifyTask,
  TASK_STATUS_LABELS,
  TASK_STATUSES,
  DEFAULT_DUE_SOON_DAYS,
  type TaskStatus,
} from "../../../src/core";

const DAY = 86_400_000;
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (iso: string) => Date.parse(iso + "T00:00:00Z");

describe("classifyTask: done", () => {
  test.each([
    [{ due: "2024-12-31", done: true, completedOn: "2024-12-01" }, "done-on-time"],
    [{ due: "2024-12-31", done: true, completedOn: "2024-12-31" }, "done-on-time"],
    [{ due: "2024-12-31", done: true, completedOn: "2025-01-01" }, "done-late"],
    [{ due: "2024-02-29", done: true, completedOn: "2024-03-01" }, "done-late"],
    [{ due: "2024-12-31", done: true }, "done"],
    [{ due: "2024-12-31", done: true, completedOn: null }, "done"],
    [{ due: null, done: true, completedOn: "2024-12-01" }, "done"],
    [{ due: null, done: true }, "done"],
  ] as const)("%j → %s", (task, expected) => {
    expect(classifyTask(task, "2024-11-15")).toBe(expected);
  });

  test("done tasks do not depend on the report date", () => {
    const t = { due: "2024-06-30", done: true, completedOn: "2024-07-05" };
    for (const asOf of ["2024-01-01", "2024-06-30", "2025-12-31"])
      expect(classifyTask(t, asOf)).toBe("done-late");
  });

  test("a completion date that is not a real date counts as no date", () => {
    expect(classifyTask({ due: "2024-12-31", done: true, completedOn: "31/12/2024" }, "2024-11-15")).toBe(
      "done",
    );
    expect(classifyTask({ due: "2024-12-31", done: true, completedOn: "2024-02-30" }, "2024-11-15")).toBe(
      "done",
    );
  });
});

describe("classifyTask: not done", () => {
  test.each([
    [null, "2024-11-15", "no-deadline"],
    ["2024-12-31", "2025-01-01", "overdue"],
    ["2024-11-14", "2024-11-15", "overdue"],
    ["2024-11-15", "2024-11-15", "due-soon"],
    ["2024-11-22", "2024-11-15", "due-soon"],
    ["2024-11-23", "2024-11-15", "open"],
    ["2024-12-31", "2024-11-15", "open"],
    ["2024-03-01", "2024-02-23", "due-soon"], // across 29/02/2024
    ["2024-03-02", "2024-02-23", "open"],
    ["2025-01-03", "2024-12-27", "due-soon"], // across the new year
  ] as const)("due %s, report date %s → %s", (due, asOf, expected) => {
    expect(classifyTask({ due, done: false }, asOf)).toBe(expected);
  });

  test("the default due-soon window is 7 days", () => {
    expect(DEFAULT_DUE_SOON_DAYS).toBe(7);
  });

  test("dueSoonDays changes the window", () => {
    const t = { due: "2024-12-31", done: false };
    expect(classifyTask(t, "2024-12-28", { dueSoonDays: 3 })).toBe("due-soon");
    expect(classifyTask(t, "2024-12-27", { dueSoonDays: 3 })).toBe("open");
    expect(classifyTask(t, "2024-12-31", { dueSoonDays: 0 })).toBe("due-soon");
    expect(classifyTask(t, "2024-12-30", { dueSoonDays: 0 })).toBe("open");
    expect(classifyTask(t, "2024-12-01", { dueSoonDays: 30 })).toBe("due-soon");
    expect(classifyTask(t, "2024-11-30", { dueSoonDays: 30 })).toBe("open");
  });

  test("completedOn without done is ignored", () => {
    expect(classifyTask({ due: "2024-06-30", done: false, completedOn: "2024-06-01" }, "2024-07-01")).toBe(
      "overdue",
    );
  });
});

describe("TASK_STATUS_LABELS", () => {
  test("vi and en labels for each of the seven statuses", () => {
    expect([...TASK_STATUSES].sort()).toEqual([
      "done",
      "done-late",
      "done-on-time",
      "due-soon",
      "no-deadline",
      "open",
      "overdue",
    ]);
    expect(Object.keys(TASK_STATUS_LABELS).sort()).toEqual([...TASK_STATUSES].sort());
    for (const s of TASK_STATUSES) {
      const { vi, en } = TASK_STATUS_LABELS[s];
      expect(vi.trim()).not.toBe("");
      expect(en.trim()).not.toBe("");
      expect(vi).toBe(vi.normalize("NFC"));
    }
    const vis = TASK_STATUSES.map((s) => TASK_STATUS_LABELS[s].vi);
    const ens = TASK_STATUSES.map((s) => TASK_STATUS_LABELS[s].en);
    expect(new Set(vis).size).toBe(7);
    expect(new Set(ens).size).toBe(7);
  });

  test("the Vietnamese labels use the glossary terms", () => {
    expect(TASK_STATUS_LABELS["done-on-time"].vi).toMatch(/đúng hạn/i);
    expect(TASK_STATUS_LABELS["done-late"].vi).toMatch(/trễ hạn/i);
    expect(TASK_STATUS_LABELS.overdue.vi).toMatch(/quá hạn/i);
    expect(TASK_STATUS_LABELS["due-soon"].vi).toMatch(/sắp đến hạn/i);
    expect(TASK_STATUS_LABELS.open.vi).toMatch(/chưa đến hạn/i);
  });
});

describe("classifyTask: properties (oracle written from the spec)", () => {
  const dayMs = fc
    .integer({ min: msOf("2020-01-01") / DAY, max: msOf("2030-12-31") / DAY })
    .map((d) => d * DAY);

  function oracle(
    due: string | null,
    done: boolean,
    completedOn: string | null,
    asOf: string,
    soon: number,
  ): TaskStatus {
    if (done) {
      if (!due || !completedOn) return "done";
      return completedOn <= due ? "done-on-time" : "done-late";
    }
    if (!due) return "no-deadline";
    if (asOf > due) return "overdue";
    return (msOf(due) - msOf(asOf)) / DAY <= soon ? "due-soon" : "open";
  }

  test("matches the spec for every combination", () => {
    fc.assert(
      fc.property(
        fc.option(dayMs, { nil: null }),
        fc.boolean(),
        fc.option(dayMs, { nil: null }),
        dayMs,
        fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
        (due, done, completed, asOf, soon) => {
          const dueIso = due === null ? null : isoOf(due);
          const compIso = completed === null ? null : isoOf(completed);
          const got = classifyTask(
            { due: dueIso, done, completedOn: compIso },
            isoOf(asOf),
            soon === undefined ? undefined : { dueSoonDays: soon },
          );
          expect(got).toBe(oracle(dueIso, done, compIso, isoOf(asOf), soon ?? 7));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
