/**
 * planScore(rate, rule, lateCount?) — points for "mức độ hoàn thành kế hoạch CCHC" (../shared/DOMAIN.md §4).
 */
import fc from "fast-check";
import {
  planScore,
  validateScoreRule,
  DEFAULT_SCORE_RULE,
  ScoreRuleError,
  type ScoreRule,
} from "../../../src/core";

const prop = (maxPoints: number, threshold?: number, latePenalty?: number): ScoreRule => ({
  maxPoints,
  mode: "proportional",
  ...(threshold === undefined ? {} : { threshold }),
  ...(latePenalty === undefined ? {} : { latePenalty }),
});
const tiers = (maxPoints: number, t: Array<[number, number]>, latePenalty?: number): ScoreRule => ({
  maxPoints,
  mode: "tiers",
  tiers: t.map(([minRate, points]) => ({ minRate, points })),
  ...(latePenalty === undefined ? {} : { latePenalty }),
});

describe("planScore: proportional", () => {
  test.each([
    [1, prop(2), 2],
    [1.2, prop(2), 2],
    [0.85, prop(2), 1.7],
    [0.5, prop(2), 1],
    [0, prop(2), 0],
    [0.85, prop(2, 0.8), 1.7],
    [0.8, prop(2, 0.8), 1.6],
    [0.79, prop(2, 0.8), 0],
    [0.7, prop(10, 0.7), 7],
    [0.69999, prop(10, 0.7), 0],
    [1, prop(2, 1), 2],
    [0.99, prop(2, 1), 0],
    [0.333, prop(3), 0.999],
  ])("rate %p, %j → %p", (rate, rule, expected) => {
    expect(planScore(rate, rule)).toBeCloseTo(expected, 12);
  });

  test("unrounded", () => {
    expect(planScore(2 / 3, prop(2))).toBe((2 / 3) * 2);
    expect(planScore(0.8333, prop(2, 0.8))).toBe(0.8333 * 2);
  });
});

describe("planScore: tiers", () => {
  const province = tiers(2, [
    [1, 2],
    [0.8, 1],
  ]);
  test.each([
    [1, 2],
    [1.1, 2],
    [0.99, 1],
    [0.8, 1],
    [0.79, 0],
    [0, 0],
  ])("100%% → full, ≥80%% → half: rate %p → %p", (rate, expected) => {
    expect(planScore(rate, province)).toBe(expected);
  });

  test("tier order in the table does not matter", () => {
    const shuffled = tiers(2, [
      [0.8, 1],
      [0.5, 0.5],
      [1, 2],
    ]);
    expect(planScore(0.9, shuffled)).toBe(1);
    expect(planScore(0.6, shuffled)).toBe(0.5);
    expect(planScore(1, shuffled)).toBe(2);
    expect(planScore(0.4, shuffled)).toBe(0);
  });

  test("a tier at 0 gives its points to every rate", () => {
    expect(planScore(0, tiers(2, [[0, 0.25]]))).toBe(0.25);
  });
});

describe("planScore: late penalty", () => {
  test.each([
    [1, prop(2, 0, 0.25), 0, 2],
    [1, prop(2, 0, 0.25), 2, 1.5],
    [1, prop(2, 0, 0.25), 8, 0],
    [1, prop(2, 0, 0.25), 100, 0],
    [0.9, prop(2, 0.8, 0.1), 3, 1.5],
    [0.5, prop(2, 0.8, 0.1), 3, 0],
    [
      0.9,
      tiers(
        2,
        [
          [1, 2],
          [0.8, 1],
        ],
        0.5,
      ),
      1,
      0.5,
    ],
    [
      0.9,
      tiers(
        2,
        [
          [1, 2],
          [0.8, 1],
        ],
        0.5,
      ),
      3,
      0,
    ],
  ] as const)("rate %p, %j, %p late → %p (never below 0)", (rate, rule, late, expected) => {
    expect(planScore(rate, rule, late)).toBeCloseTo(expected, 12);
  });

  test("lateCount defaults to 0", () => {
    expect(planScore(1, prop(2, 0, 0.5))).toBe(2);
  });
});

describe("planScore: invalid rules throw a clear error", () => {
  test.each([
    ["no rule", null],
    ["not an object", "2 điểm"],
    ["negative max points", { maxPoints: -1, mode: "proportional" }],
    ["NaN max points", { maxPoints: NaN, mode: "proportional" }],
    ["max points as text", { maxPoints: "2", mode: "proportional" }],
    ["unknown mode", { maxPoints: 2, mode: "linear" }],
    ["missing mode", { maxPoints: 2 }],
    ["threshold above 1", { maxPoints: 2, mode: "proportional", threshold: 80 }],
    ["negative threshold", { maxPoints: 2, mode: "proportional", threshold: -0.1 }],
    ["negative late penalty", { maxPoints: 2, mode: "proportional", latePenalty: -1 }],
    ["tiers without a table", { maxPoints: 2, mode: "tiers" }],
    ["empty tier table", { maxPoints: 2, mode: "tiers", tiers: [] }],
    ["tier rate above 1", { maxPoints: 2, mode: "tiers", tiers: [{ minRate: 80, points: 1 }] }],
    ["negative tier points", { maxPoints: 2, mode: "tiers", tiers: [{ minRate: 0.8, points: -1 }] }],
    [
      "duplicate tier rates",
      {
        maxPoints: 2,
        mode: "tiers",
        tiers: [
          { minRate: 0.8, points: 1 },
          { minRate: 0.8, points: 2 },
        ],
      },
    ],
  ])("%s", (_label, rule) => {
    expect(() => planScore(0.9, rule as unknown as ScoreRule)).toThrow(ScoreRuleError);
    try {
      planScore(0.9, rule as unknown as ScoreRule);
    } catch (e) {
      expect((e as Error).message.length).toBeGreaterThan(10);
      expect((e as Error).message).toMatch(/[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụ]/i);
    }
    expect(() => validateScoreRule(rule as unknown as ScoreRule)).toThrow(ScoreRuleError);
  });

  test("the default rule is valid and scores as the common provincial pattern", () => {
    expect(() => validateScoreRule(DEFAULT_SCORE_RULE)).not.toThrow();
    expect(planScore(1, DEFAULT_SCORE_RULE)).toBe(DEFAULT_SCORE_RULE.maxPoints);
    expect(planScore(0, DEFAULT_SCORE_RULE)).toBe(0);
  });
});

describe("judgement calls", () => {
  test("a tier worth more than maxPoints is an invalid rule", () => {
    expect(() => planScore(1, tiers(2, [[1, 5]]))).toThrow(ScoreRuleError);
    expect(planScore(1, tiers(2, [[1, 2]]))).toBe(2);
  });
});

describe("planScore: properties", () => {
  const rate = fc.double({ min: 0, max: 1.5, noNaN: true });
  const maxPoints = fc.double({ min: 0, max: 100, noNaN: true });

  test("proportional with threshold 0 is monotone in rate", () => {
    fc.assert(
      fc.property(rate, rate, maxPoints, (a, b, m) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(planScore(lo, prop(m))).toBeLessThanOrEqual(planScore(hi, prop(m)));
      }),
      { numRuns: 1000 },
    );
  });

  test("proportional is never negative and never above maxPoints, whatever threshold and penalty", () => {
    fc.assert(
      fc.property(
        rate,
        maxPoints,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.integer({ min: 0, max: 60 }),
        (r, m, t, pen, late) => {
          const s = planScore(r, prop(m, t, pen), late);
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(m);
          if (r >= 1 && late === 0) expect(s).toBe(m);
          if (r < t) expect(s).toBe(0);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test("tiers: the points of the highest tier reached, minus penalties, floored at 0", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            minRate: fc.double({ min: 0, max: 1, noNaN: true }),
            points: fc.double({ min: 0, max: 10, noNaN: true }),
          }),
          {
            minLength: 1,
            maxLength: 5,
            selector: (t) => t.minRate,
          },
        ),
        rate,
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.integer({ min: 0, max: 10 }),
        (ts, r, pen, late) => {
          const reached = ts.filter((t) => t.minRate <= r).sort((a, b) => b.minRate - a.minRate)[0];
          const expected = Math.max(0, (reached ? reached.points : 0) - pen * late);
          expect(
            planScore(r, { maxPoints: 10, mode: "tiers", tiers: ts, latePenalty: pen }, late),
          ).toBeCloseTo(expected, 10);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test("more late tasks never raise the score", () => {
    fc.assert(
      fc.property(
        rate,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 30 }),
        (r, pen, late) => {
          expect(planScore(r, prop(2, 0, pen), late + 1)).toBeLessThanOrEqual(
            planScore(r, prop(2, 0, pen), late),
          );
        },
      ),
    );
  });
});
