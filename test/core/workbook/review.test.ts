/**
 * Thẩm định and score bands: strict ("trên") and inclusive ("từ") tier bounds, the rule in words,
 * the rule as data (--score-rule), the reviewed-figure twins, the review columns of the progress
 * CSV, the Cấu hình reader's new cells — each table-driven with values worked out by hand.
 */
import fc from "fast-check";
import {
  describeScoreRule,
  isDefaultScoreRule,
  meetsTier,
  planScore,
  scoreRuleProblems,
  DEFAULT_SCORE_RULE,
  type ScoreRule,
} from "../../../src/core/scoring/score";
import { parseScoreRuleJson, scoreRuleFromData } from "../../../src/core/scoring/ruleData";
import { isReviewedDone, parseVerdict, reviewedCounts } from "../../../src/core/workbook/review";
import { parseProgressCsv, ProgressCsvError } from "../../../src/core/workbook/progress";
import { readConfig } from "../../../src/core/workbook/config";
import { CONFIG_FIRST_ROW, CONFIG_LAST_ROW, CONFIG_ROWS } from "../../../src/core/workbook/configLayout";
import { defaultSettings, summaryLines } from "../../../src/core/workbook/evaluate";
import type { AssignmentRecord } from "../../../src/core/workbook/model";

/** Cà Mau's band rule (DOMAIN.md §8): trên 90%: 2; từ 70% đến 90%: 1; dưới 70%: 0. */
const BANDS: ScoreRule = {
  mode: "tiers",
  maxPoints: 2,
  tiers: [
    { minRate: 0.9, points: 2, strict: true },
    { minRate: 0.7, points: 1 },
  ],
};

describe("tier bounds: > (trên) and ≥ (từ)", () => {
  test.each([
    [1, 2],
    [0.95, 2],
    [0.9000001, 2],
    [0.9, 1], // exactly 90%: not "trên 90%", but "đến 90%" of the band below
    [0.8, 1],
    [0.7, 1], // "từ 70%" includes 70%
    [0.6999, 0],
    [0, 0],
  ])("rate %p → %p points", (rate, points) => {
    expect(planScore(rate, BANDS)).toBe(points);
  });

  test("a strict bottom tier at 0: a rate of 0 gets nothing, anything above gets the tier", () => {
    const rule: ScoreRule = { mode: "tiers", maxPoints: 1, tiers: [{ minRate: 0, points: 1, strict: true }] };
    expect(planScore(0, rule)).toBe(0);
    expect(planScore(0.01, rule)).toBe(1);
  });

  test("without strict, tiers behave as before (≥)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (rate, min) =>
          meetsTier(rate, { minRate: min, points: 1 }) === rate >= min &&
          meetsTier(rate, { minRate: min, points: 1, strict: true }) === rate > min,
      ),
    );
  });
});

describe("the rule in words (Cấu hình)", () => {
  test.each<[string, ScoreRule, string]>([
    ["the Cà Mau bands", BANDS, "trên 90%: 2 điểm; từ 70% đến 90%: 1 điểm; dưới 70%: 0"],
    [
      "the default (proportional)",
      DEFAULT_SCORE_RULE,
      "đạt 100%: 2 điểm; từ 80% đến dưới 100%: tỷ lệ × 2 điểm; dưới 80%: 0",
    ],
    [
      "inclusive bands with a late deduction",
      {
        mode: "tiers",
        maxPoints: 2,
        latePenalty: 0.25,
        tiers: [
          { minRate: 1, points: 2 },
          { minRate: 0.8, points: 1 },
        ],
      },
      "từ 100%: 2 điểm; từ 80% đến dưới 100%: 1 điểm; dưới 80%: 0; trừ 0,25 điểm cho mỗi nhiệm vụ hoàn thành trễ hạn",
    ],
    [
      "a bottom band from 0%",
      {
        mode: "tiers",
        maxPoints: 1,
        tiers: [
          { minRate: 0.5, points: 1, strict: true },
          { minRate: 0, points: 0.5 },
        ],
      },
      "trên 50%: 1 điểm; từ 0% đến 50%: 0,5 điểm",
    ],
  ])("%s", (_label, rule, words) => {
    expect(describeScoreRule(rule)).toBe(words);
  });
});

describe("the score rule as data (--score-rule)", () => {
  test("the issue's tier shape is accepted as written", () => {
    expect(
      parseScoreRuleJson(
        '{"mode":"tiers","maxPoints":2,"tiers":[{"minRate":0.9,"points":2,"strict":true},{"minRate":0.7,"points":1}]}',
      ),
    ).toEqual({ rule: BANDS, problems: [] });
  });

  test.each<[string, unknown, RegExp]>([
    ["not JSON", "{mode:", /không phải JSON hợp lệ/],
    ["not an object", [1, 2], /phải là một đối tượng JSON/],
    [
      "unknown key",
      { mode: "tiers", maxPoints: 2, tiers: [{ minRate: 1, points: 2 }], bands: [] },
      /Khóa “bands”/,
    ],
    [
      "strict as text",
      { mode: "tiers", maxPoints: 2, tiers: [{ minRate: 0.9, points: 2, strict: "yes" }] },
      /“strict” phải là true/,
    ],
    [
      "points above the maximum",
      { mode: "tiers", maxPoints: 2, tiers: [{ minRate: 0.9, points: 3 }] },
      /vượt điểm tối đa/,
    ],
    ["a rate in percent", { mode: "tiers", maxPoints: 2, tiers: [{ minRate: 90, points: 2 }] }, /từ 0 đến 1/],
    [
      "duplicate bounds",
      {
        mode: "tiers",
        maxPoints: 2,
        tiers: [
          { minRate: 0.9, points: 2 },
          { minRate: 0.9, points: 1 },
        ],
      },
      /bị lặp/,
    ],
    ["missing maxPoints", { mode: "proportional" }, /Thiếu “maxPoints”/],
    ["a number as text", { mode: "proportional", maxPoints: "2" }, /phải là một số/],
    ["an unknown mode", { mode: "bands", maxPoints: 2 }, /Cách tính điểm phải là/],
  ])("%s → a Vietnamese problem, no rule", (_label, value, problem) => {
    const out = typeof value === "string" ? parseScoreRuleJson(value) : scoreRuleFromData(value);
    expect(out.rule).toBeNull();
    expect(out.problems.join(" ")).toMatch(problem);
  });

  test("every problem of the core is reported once, with its field", () => {
    const problems = scoreRuleProblems({
      mode: "tiers",
      maxPoints: 1,
      tiers: [
        { minRate: 0.5, points: 2 },
        { minRate: 0.5, points: 1 },
      ],
    });
    expect(problems.map((p) => [p.field, p.tier, p.code])).toEqual([
      ["points", 0, "pointsOverMax"],
      ["minRate", 1, "duplicate"],
    ]);
  });

  test("isDefaultScoreRule: the default, and any edit (a strict bound included) is not", () => {
    expect(isDefaultScoreRule(DEFAULT_SCORE_RULE)).toBe(true);
    expect(
      isDefaultScoreRule({
        ...DEFAULT_SCORE_RULE,
        tiers: [
          { minRate: 1, points: 2, strict: true },
          { minRate: 0.8, points: 1 },
        ],
      }),
    ).toBe(false);
    expect(isDefaultScoreRule({ ...DEFAULT_SCORE_RULE, latePenalty: 0.1 })).toBe(false);
  });
});

describe("reviewed figures (twins of the Tổng hợp review columns)", () => {
  test.each<[string | null, string | null, boolean, boolean]>([
    ["Đã hoàn thành", "Đạt", true, true],
    ["Đã hoàn thành", "đạt", false, true], // COUNTIFS is case-insensitive
    ["Đã hoàn thành", "Không đạt", true, false],
    ["Đã hoàn thành", "Cần bổ sung", true, false],
    ["Đã hoàn thành", null, true, true],
    ["Đã hoàn thành", null, false, false],
    ["Đã hoàn thành", "ok", true, true], // not a verdict: not reviewed
    ["Đang thực hiện", "Đạt", true, false], // a verdict without a claim counts nothing
    [null, null, true, false],
  ])("status %p, verdict %p, unreviewed counted %p → done %p", (status, review, countUnreviewed, done) => {
    expect(isReviewedDone({ status, review }, countUnreviewed)).toBe(done);
  });

  test("parseVerdict keeps the drop-down's spelling and nothing else", () => {
    expect(["Đạt", "KHÔNG ĐẠT", "cần bổ sung", " Đạt", "Dat", ""].map(parseVerdict)).toEqual([
      "accepted",
      "rejected",
      "incomplete",
      null,
      null,
      null,
    ]);
  });

  const row = (
    unit: string,
    status: string | null,
    review: string | null,
    due = "2024-06-30",
  ): AssignmentRecord => ({
    taskId: `T${Math.random()}`,
    title: "",
    area: "",
    unit,
    unitId: null,
    level: "",
    role: "Chủ trì",
    due,
    kind: "date",
    inCatalogue: true,
    status,
    completedOn: status === "Đã hoàn thành" ? "2024-06-01" : null,
    evidence: null,
    note: null,
    review,
  });

  test("summaryLines: self-assessed Điểm unchanged; reviewed columns move with the verdicts and the setting", () => {
    const rows = [
      row("Sở A", "Đã hoàn thành", "Đạt"),
      row("Sở A", "Đã hoàn thành", "Không đạt"),
      row("Sở A", "Đã hoàn thành", null),
      row("Sở A", null, null),
    ];
    const s = { ...defaultSettings("2024-12-31"), rule: BANDS };
    const [a] = summaryLines(rows, s).lines;
    expect([a.done, a.completionRate, a.points]).toEqual([3, 0.75, 1]);
    expect([a.doneReviewed, a.rateReviewed, a.pointsReviewed, a.unreviewed]).toEqual([2, 0.5, 0, 1]);
    const [b] = summaryLines(rows, { ...s, countUnreviewed: false }).lines;
    expect([b.doneReviewed, b.rateReviewed, b.unreviewed, b.points]).toEqual([1, 0.25, 1, 1]);
    expect(reviewedCounts(rows, true)).toEqual({ doneReviewed: 2, unreviewed: 1 });
  });
});

describe("progress CSV: review, review_note, explanation", () => {
  test("verdicts in any case are written as the drop-down spells them", () => {
    const entries = parseProgressCsv(
      'task_id,unit,status,review,review_note,explanation\nI.1,Sở Nội vụ,x,đạt,Đủ minh chứng,\nI.2,,,,,"Chờ Bộ Nội vụ, trả lời"\n',
    );
    expect(
      entries.map(({ review, reviewNote, explanation }) => ({ review, reviewNote, explanation })),
    ).toEqual([
      { review: "Đạt", reviewNote: "Đủ minh chứng", explanation: undefined },
      { review: undefined, reviewNote: undefined, explanation: "Chờ Bộ Nội vụ, trả lời" },
    ]);
  });

  test("an unknown verdict is an error naming the line and the allowed values", () => {
    let err: unknown;
    try {
      parseProgressCsv("task_id,review\nI.1,OK\nI.2,Không đạt\nI.3,Dat\n");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ProgressCsvError);
    expect((err as ProgressCsvError).problems).toEqual([
      "Dòng 2: kết quả thẩm định “OK” không hợp lệ (cần “Đạt”, “Không đạt”, “Cần bổ sung” hoặc để trống nếu chưa thẩm định).",
      "Dòng 4: kết quả thẩm định “Dat” không hợp lệ (cần “Đạt”, “Không đạt”, “Cần bổ sung” hoặc để trống nếu chưa thẩm định).",
    ]);
  });
});

describe("readConfig: the Thẩm định setting, tier bounds, report cells", () => {
  const block = (cells: Record<number, unknown>) => {
    const rows: unknown[][] = [];
    for (let r = CONFIG_FIRST_ROW; r <= CONFIG_LAST_ROW; r++) rows.push(["", cells[r] ?? ""]);
    return rows;
  };
  const base = {
    [CONFIG_ROWS.reportDate]: 45657,
    [CONFIG_ROWS.dueSoonDays]: 7,
    [CONFIG_ROWS.includeCoordinating]: false,
    [CONFIG_ROWS.scoreMode]: "Bậc",
    [CONFIG_ROWS.maxPoints]: 2,
    [CONFIG_ROWS.threshold]: 0,
    [CONFIG_ROWS.latePenalty]: 0,
  };
  const tiers = [
    [0.9, 2, ">"],
    [0.7, 1, "≥"],
  ];

  test.each<[string, unknown, boolean | null]>([
    ["empty (a workbook from before): the default TRUE", "", true],
    ["TRUE", true, true],
    ["FALSE", false, false],
    ["text: a problem", "có", null],
  ])("Tính nhiệm vụ chưa thẩm định %s", (_label, value, expected) => {
    const out = readConfig(block({ ...base, [CONFIG_ROWS.countUnreviewed]: value }), tiers);
    if (expected === null) {
      expect(out.settings).toBeNull();
      expect(out.problems.join(" ")).toMatch(/Tính nhiệm vụ chưa thẩm định/);
    } else expect(out.settings?.countUnreviewed).toBe(expected);
  });

  test("the bound column: > strict, ≥ / empty / a two-column table inclusive, anything else a problem", () => {
    expect(readConfig(block(base), tiers).settings?.rule.tiers).toEqual(BANDS.tiers);
    expect(
      readConfig(block(base), [
        [0.9, 2],
        [0.7, 1],
      ]).settings?.rule.tiers,
    ).toEqual([
      { minRate: 0.9, points: 2 },
      { minRate: 0.7, points: 1 },
    ]);
    const bad = readConfig(block(base), [[0.9, 2, "trên"]]);
    expect(bad.settings).toBeNull();
    expect(bad.problems.join(" ")).toMatch(/Cận dưới/);
  });

  test("the report cells are read as typed", () => {
    const out = readConfig(
      block({
        ...base,
        [CONFIG_ROWS.issuer]: "UBND TỈNH QUẢNG NGÃI\nSỞ TƯ PHÁP",
        [CONFIG_ROWS.signerName]: "Nguyễn Văn A",
        [CONFIG_ROWS.reportUnit]: "Tất cả đơn vị",
      }),
      tiers,
    );
    expect(out.report).toMatchObject({
      issuer: "UBND TỈNH QUẢNG NGÃI\nSỞ TƯ PHÁP",
      signerName: "Nguyễn Văn A",
      reportUnit: "",
    });
  });
});
