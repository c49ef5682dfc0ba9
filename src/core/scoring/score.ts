/**
 * Điểm (points) for "mức độ hoàn thành kế hoạch CCHC". Quảng Ngãi's own criteria were not
 * obtainable (../shared/DOMAIN.md §4), so the rule is data a reviewer edits in the workbook's Cấu hình sheet.
 */
export interface ScoreTier {
  minRate: number;
  points: number;
}

export interface ScoreRule {
  maxPoints: number;
  mode: "proportional" | "tiers";
  /** Proportional mode: below this rate the score is 0 (default 0). */
  threshold?: number;
  /** Tiers mode: the points of the highest tier whose minRate ≤ rate. */
  tiers?: ScoreTier[];
  /** Points deducted per task completed late (default 0). */
  latePenalty?: number;
}

/** Defaults until a reviewer enters the province's rule (labelled as defaults in the workbook). */
export const DEFAULT_SCORE_RULE: Readonly<Required<Omit<ScoreRule, "tiers">>> & { tiers: ScoreTier[] } =
  Object.freeze({
    maxPoints: 2,
    mode: "proportional" as const,
    threshold: 0.8,
    latePenalty: 0,
    tiers: [
      { minRate: 1, points: 2 },
      { minRate: 0.8, points: 1 },
    ],
  });

export class ScoreRuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScoreRuleError";
  }
}

function finiteNonNegative(n: unknown): n is number {
  return typeof n === "number" && Number.isFinite(n) && n >= 0;
}

/** Throws ScoreRuleError (Vietnamese message) when the rule cannot be applied. */
export function validateScoreRule(rule: ScoreRule): void {
  if (!rule || typeof rule !== "object") throw new ScoreRuleError("Thiếu quy tắc chấm điểm.");
  if (!finiteNonNegative(rule.maxPoints)) throw new ScoreRuleError("Điểm tối đa phải là số không âm.");
  if (rule.mode !== "proportional" && rule.mode !== "tiers") {
    throw new ScoreRuleError(
      `Cách tính điểm phải là "proportional" (tỷ lệ) hoặc "tiers" (bậc), không phải "${String(rule.mode)}".`,
    );
  }
  if (rule.threshold !== undefined && (!finiteNonNegative(rule.threshold) || rule.threshold > 1)) {
    throw new ScoreRuleError("Ngưỡng phải là tỷ lệ từ 0 đến 1 (0% đến 100%).");
  }
  if (rule.latePenalty !== undefined && !finiteNonNegative(rule.latePenalty)) {
    throw new ScoreRuleError("Điểm trừ mỗi nhiệm vụ trễ hạn phải là số không âm.");
  }
  if (rule.mode === "tiers") {
    if (!Array.isArray(rule.tiers) || rule.tiers.length === 0)
      throw new ScoreRuleError("Cách tính theo bậc cần bảng bậc (tỷ lệ tối thiểu, điểm).");
    const seen = new Set<number>();
    for (const [i, t] of rule.tiers.entries()) {
      if (!t || !finiteNonNegative(t.minRate) || t.minRate > 1 || !finiteNonNegative(t.points)) {
        throw new ScoreRuleError(
          `Bậc thứ ${i + 1}: tỷ lệ tối thiểu phải từ 0 đến 1 và điểm phải là số không âm.`,
        );
      }
      if (seen.has(t.minRate))
        throw new ScoreRuleError(`Bậc thứ ${i + 1}: tỷ lệ tối thiểu ${t.minRate} bị lặp.`);
      if (t.points > rule.maxPoints) {
        throw new ScoreRuleError(`Bậc thứ ${i + 1}: ${t.points} điểm vượt điểm tối đa ${rule.maxPoints}.`);
      }
      seen.add(t.minRate);
    }
  }
}

/**
 * proportional → maxPoints at rate ≥ 1, rate × maxPoints from `threshold` (default 0) up to 1,
 * 0 below; tiers → the points of the highest tier whose minRate ≤ rate, else 0; then minus
 * latePenalty × lateCount, never below 0. Unrounded.
 */
export function planScore(rate: number, rule: ScoreRule, lateCount = 0): number {
  validateScoreRule(rule);
  if (typeof rate !== "number" || !Number.isFinite(rate) || rate < 0) {
    throw new ScoreRuleError(`Tỷ lệ hoàn thành phải là số không âm, không phải ${String(rate)}.`);
  }
  if (typeof lateCount !== "number" || !Number.isFinite(lateCount) || lateCount < 0) {
    throw new ScoreRuleError(`Số nhiệm vụ trễ hạn phải là số không âm, không phải ${String(lateCount)}.`);
  }
  let points: number;
  if (rule.mode === "proportional") {
    const threshold = rule.threshold ?? 0;
    points = rate >= 1 ? rule.maxPoints : rate >= threshold ? rate * rule.maxPoints : 0;
  } else {
    let best: ScoreTier | null = null;
    for (const t of rule.tiers ?? []) if (t.minRate <= rate && (!best || t.minRate > best.minRate)) best = t;
    points = best ? best.points : 0;
  }
  return Math.max(0, points - (rule.latePenalty ?? 0) * lateCount);
}
