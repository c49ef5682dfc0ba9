/**
 * The score form's rule has one owner: ruleFromDraft asks the core (issue 14 found the view
 * accepting tier points above the maximum that the core refuses), and isDefaultRule is the core's.
 */
import {
  ruleFromDraft,
  isDefaultRule,
  draftFromRule,
  type ScoreDraft,
} from "../../../src/taskpane/views/scoreDraft";
import { MESSAGES } from "../../../src/taskpane/i18n";
import { isDefaultScoreRule, DEFAULT_SCORE_RULE, validateScoreRule } from "../../../src/core/scoring/score";

const t = MESSAGES.vi;
const draft = (tiers: ScoreDraft["tiers"], maxPoints = "2"): ScoreDraft => ({
  mode: "tiers",
  maxPoints,
  threshold: "0",
  latePenalty: "0",
  tiers,
});

test("tier points above the maximum are refused by the form, as by the core", () => {
  const out = ruleFromDraft(draft([{ minRate: "90", points: "3" }]), t);
  expect(out.rule).toBeNull();
  expect(out.errors?.tiers[0].points).toBe(t.errPointsOverMax);
  expect(() =>
    validateScoreRule({ mode: "tiers", maxPoints: 2, tiers: [{ minRate: 0.9, points: 3 }] }),
  ).toThrow(/vượt điểm tối đa/);
});

test("a duplicate bound is the core's problem, shown with the form's message", () => {
  const out = ruleFromDraft(
    draft([
      { minRate: "90", points: "2" },
      { minRate: "90", points: "1" },
    ]),
    t,
  );
  expect(out.errors?.tiers[1].minRate).toBe(t.errTierDuplicate);
});

test("the band form: trên 90% / từ 70% round-trips through the draft", () => {
  const out = ruleFromDraft(
    draft([
      { minRate: "90", points: "2", strict: true },
      { minRate: "70", points: "1" },
    ]),
    t,
  );
  expect(out.rule?.tiers).toEqual([
    { minRate: 0.9, points: 2, strict: true },
    { minRate: 0.7, points: 1 },
  ]);
  expect(draftFromRule(out.rule!, "vi").tiers.map((r) => r.strict)).toEqual([true, false]);
});

test("isDefaultRule is the core's", () => {
  expect(isDefaultRule).toBe(isDefaultScoreRule);
  expect(isDefaultRule(DEFAULT_SCORE_RULE)).toBe(true);
});
