/**
 * The score-rule form's text fields ↔ a ScoreRule. Rates are typed in percent (80 → 0.8);
 * both "1,5" and "1.5" are accepted. Invalid fields are reported per field, never guessed.
 */
import { DEFAULT_SCORE_RULE, isDefaultScoreRule, scoreRuleProblems } from "../../core/scoring/score";
import { formatNumber, type Language, type Messages } from "../i18n";
import type { ScoreRule, ScoreTier } from "../app/types";

export interface ScoreDraft {
  mode: "proportional" | "tiers";
  maxPoints: string;
  /** Percent. */
  threshold: string;
  latePenalty: string;
  /** minRate in percent; strict: the rate must be above it ("trên"), else at least it ("từ"). */
  tiers: Array<{ minRate: string; points: string; strict?: boolean }>;
}

export interface DraftErrors {
  maxPoints?: string;
  threshold?: string;
  latePenalty?: string;
  tiers: Array<{ minRate?: string; points?: string }>;
  tiersEmpty?: string;
}

export type DraftResult =
  { rule: ScoreRule; errors: null } | { rule: null; errors: DraftErrors; messages: string[] };

/** "1,5", "1.5", " 80 % " → number; "" or anything else → null. */
export function parseDecimal(text: string): number | null {
  const s = text.replace(/\s+/g, "").replace(/%$/, "").replace(",", ".");
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Avoids 0.1 * 100 = 10.000000000000002 showing up in the form. */
function toPercent(rate: number, lang: Language): string {
  return formatNumber(Math.round(rate * 100 * 1e6) / 1e6, lang, 4);
}

export function draftFromRule(rule: ScoreRule, lang: Language): ScoreDraft {
  return {
    mode: rule.mode,
    maxPoints: formatNumber(rule.maxPoints, lang, 4),
    threshold: toPercent(rule.threshold ?? 0, lang),
    latePenalty: formatNumber(rule.latePenalty ?? 0, lang, 4),
    tiers: (rule.tiers ?? []).map((tier) => ({
      minRate: toPercent(tier.minRate, lang),
      points: formatNumber(tier.points, lang, 4),
      strict: tier.strict === true,
    })),
  };
}

export function defaultDraft(lang: Language): ScoreDraft {
  return draftFromRule(DEFAULT_SCORE_RULE, lang);
}

function round(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

export function ruleFromDraft(d: ScoreDraft, t: Messages): DraftResult {
  const errors: DraftErrors = { tiers: d.tiers.map(() => ({})) };
  const messages: string[] = [];
  const nonNegative = (text: string): [number | null, string | undefined] => {
    const n = parseDecimal(text);
    if (n === null) return [null, t.errNumber];
    if (n < 0) return [null, t.errNonNegative];
    return [n, undefined];
  };
  const percent = (text: string, overMessage: string): [number | null, string | undefined] => {
    const [n, err] = nonNegative(text);
    if (err) return [null, err];
    if ((n as number) > 100) return [null, overMessage];
    return [round((n as number) / 100), undefined];
  };
  const [maxPoints, maxErr] = nonNegative(d.maxPoints);
  if (maxErr) {
    errors.maxPoints = maxErr;
    messages.push(`${t.maxPointsLabel}: ${maxErr}`);
  }
  const [threshold, thErr] = percent(d.threshold, t.errThresholdOver);
  if (thErr) {
    errors.threshold = thErr;
    messages.push(`${t.thresholdLabel}: ${thErr}`);
  }
  const [latePenalty, lateErr] = nonNegative(d.latePenalty);
  if (lateErr) {
    errors.latePenalty = lateErr;
    messages.push(`${t.latePenaltyLabel}: ${lateErr}`);
  }
  const tiers: ScoreTier[] = [];
  d.tiers.forEach((row, i) => {
    const [minRate, rateErr] = percent(row.minRate, t.errPercent);
    const [points, pointsErr] = nonNegative(row.points);
    if (rateErr) {
      errors.tiers[i].minRate = rateErr;
      messages.push(`${t.tierMinRate(i + 1)}: ${rateErr}`);
    }
    if (pointsErr) {
      errors.tiers[i].points = pointsErr;
      messages.push(`${t.tierPoints(i + 1)}: ${pointsErr}`);
    }
    const tier: ScoreTier = { minRate: minRate ?? Number.NaN, points: points ?? Number.NaN };
    if (row.strict) tier.strict = true;
    tiers.push(tier);
  });
  const rule: ScoreRule = {
    mode: d.mode,
    maxPoints: maxPoints ?? Number.NaN,
    threshold: threshold ?? 0,
    latePenalty: latePenalty ?? 0,
    tiers,
  };
  // What the rule means (duplicates, points above the maximum, …) is the core's to say; a field
  // whose text did not parse already has its message.
  const parsedAlready = (p: { field: string; tier?: number }) =>
    p.tier !== undefined
      ? Boolean(errors.tiers[p.tier]?.minRate || errors.tiers[p.tier]?.points)
      : (p.field === "maxPoints" && errors.maxPoints !== undefined) ||
        (p.field === "threshold" && errors.threshold !== undefined) ||
        (p.field === "latePenalty" && errors.latePenalty !== undefined);
  // The tier table is shown (and kept in Cấu hình) in either mode, so its rows are checked always.
  const problems = [
    ...scoreRuleProblems(rule),
    ...(rule.mode === "proportional" && tiers.length > 0
      ? scoreRuleProblems({ ...rule, mode: "tiers" }).filter((p) => p.tier !== undefined)
      : []),
  ];
  for (const p of problems) {
    if (parsedAlready(p)) continue;
    const text =
      p.code === "duplicate"
        ? t.errTierDuplicate
        : p.code === "pointsOverMax"
          ? t.errPointsOverMax
          : p.message;
    if (p.field === "tiers") {
      errors.tiersEmpty = t.errTiersEmpty;
      messages.push(t.errTiersEmpty);
    } else if (p.tier !== undefined && (p.field === "minRate" || p.field === "points")) {
      errors.tiers[p.tier][p.field] = text;
      messages.push(
        `${p.field === "minRate" ? t.tierMinRate(p.tier + 1) : t.tierPoints(p.tier + 1)}: ${text}`,
      );
    } else {
      if (p.field === "maxPoints" || p.field === "threshold" || p.field === "latePenalty")
        errors[p.field] = text;
      messages.push(text);
    }
  }
  if (messages.length > 0) return { rule: null, errors, messages };
  return { rule, errors: null };
}

/** The rule equals DEFAULT_SCORE_RULE (the placeholder): the core's answer, one owner. */
export const isDefaultRule = isDefaultScoreRule;
