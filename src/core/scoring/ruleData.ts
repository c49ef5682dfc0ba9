/**
 * The score rule as data (a JSON file for `npm run workbook -- --score-rule rule.json`):
 *
 *   { "mode": "tiers", "maxPoints": 2,
 *     "tiers": [ { "minRate": 0.9, "points": 2, "strict": true }, { "minRate": 0.7, "points": 1 } ] }
 *
 * `strict`: the rate must be above the bound ("trên"); absent or false: at least the bound ("từ").
 * Shape problems (unknown keys, wrong types) and the rule's own problems (scoreRuleProblems) are
 * all reported, in Vietnamese; nothing is guessed.
 */
import { scoreRuleProblems, type ScoreRule, type ScoreTier } from "./score";

const RULE_KEYS = ["mode", "maxPoints", "threshold", "latePenalty", "tiers"] as const;
const TIER_KEYS = ["minRate", "points", "strict"] as const;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A parsed JSON value → the rule, or every problem. */
export function scoreRuleFromData(value: unknown): { rule: ScoreRule | null; problems: string[] } {
  const problems: string[] = [];
  if (!isObject(value))
    return {
      rule: null,
      problems: [
        'Quy tắc chấm điểm phải là một đối tượng JSON, ví dụ {"mode": "tiers", "maxPoints": 2, "tiers": [...]}.',
      ],
    };
  for (const k of Object.keys(value))
    if (!(RULE_KEYS as readonly string[]).includes(k))
      problems.push(`Khóa “${k}” không có trong quy tắc chấm điểm (các khóa: ${RULE_KEYS.join(", ")}).`);
  const num = (k: string, v: unknown, where: string): number | undefined => {
    if (v === undefined) return undefined;
    if (typeof v !== "number") {
      problems.push(`${where}“${k}” phải là một số, không phải ${JSON.stringify(v)}.`);
      return Number.NaN;
    }
    return v;
  };
  const rule: ScoreRule = {
    mode: value.mode as ScoreRule["mode"],
    maxPoints: num("maxPoints", value.maxPoints, "") ?? Number.NaN,
  };
  if (value.maxPoints === undefined) problems.push("Thiếu “maxPoints” (điểm tối đa).");
  if (value.mode === undefined) problems.push('Thiếu “mode” ("proportional" hoặc "tiers").');
  const threshold = num("threshold", value.threshold, "");
  if (threshold !== undefined) rule.threshold = threshold;
  const latePenalty = num("latePenalty", value.latePenalty, "");
  if (latePenalty !== undefined) rule.latePenalty = latePenalty;
  if (value.tiers !== undefined) {
    if (!Array.isArray(value.tiers)) problems.push("“tiers” phải là một danh sách bậc.");
    else {
      const tiers: ScoreTier[] = [];
      value.tiers.forEach((t: unknown, i: number) => {
        const where = `Bậc thứ ${i + 1}: `;
        if (!isObject(t)) {
          problems.push(`${where}phải là một đối tượng {"minRate": 0.9, "points": 2, "strict": true}.`);
          return;
        }
        for (const k of Object.keys(t))
          if (!(TIER_KEYS as readonly string[]).includes(k))
            problems.push(`${where}khóa “${k}” không có (các khóa: ${TIER_KEYS.join(", ")}).`);
        if (t.minRate === undefined) problems.push(`${where}thiếu “minRate”.`);
        if (t.points === undefined) problems.push(`${where}thiếu “points”.`);
        const tier: ScoreTier = {
          minRate: num("minRate", t.minRate, where) ?? Number.NaN,
          points: num("points", t.points, where) ?? Number.NaN,
        };
        if (t.strict !== undefined) {
          if (typeof t.strict !== "boolean")
            problems.push(
              `${where}“strict” phải là true (trên) hoặc false (từ), không phải ${JSON.stringify(t.strict)}.`,
            );
          else tier.strict = t.strict;
        }
        tiers.push(tier);
      });
      rule.tiers = tiers;
    }
  }
  if (problems.length === 0) problems.push(...scoreRuleProblems(rule).map((p) => p.message));
  return problems.length > 0 ? { rule: null, problems } : { rule, problems };
}

/** JSON text → the rule, or every problem (a JSON syntax error included). */
export function parseScoreRuleJson(text: string): { rule: ScoreRule | null; problems: string[] } {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return { rule: null, problems: [`Tệp quy tắc không phải JSON hợp lệ (${(e as Error).message}).`] };
  }
  return scoreRuleFromData(value);
}
