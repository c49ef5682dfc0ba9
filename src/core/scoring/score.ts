/**
 * Điểm (points) for "mức độ hoàn thành kế hoạch CCHC". Quảng Ngãi's own criteria were not
 * obtainable (../shared/DOMAIN.md §4), so the rule is data a reviewer edits in the workbook's Cấu hình sheet.
 */
export interface ScoreTier {
  minRate: number;
  points: number;
  /**
   * true: the rate must be above minRate ("trên 90%"); absent or false: at least minRate
   * ("từ 70%"). Provincial decisions write the top band strictly and the others inclusively.
   */
  strict?: boolean;
}

export interface ScoreRule {
  maxPoints: number;
  mode: "proportional" | "tiers";
  /** Proportional mode: below this rate the score is 0 (default 0). */
  threshold?: number;
  /** Tiers mode: the points of the highest tier whose bound the rate meets (≥ minRate, or > when strict). */
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

/** One reason a rule cannot be applied: which field (and tier), a code for translations, the Vietnamese text. */
export interface ScoreRuleProblem {
  field:
    "rule" | "maxPoints" | "mode" | "threshold" | "latePenalty" | "tiers" | "minRate" | "points" | "strict";
  /** 0-based tier index for minRate / points / strict. */
  tier?: number;
  code: "missing" | "range" | "duplicate" | "pointsOverMax" | "empty" | "mode" | "strict";
  message: string;
}

/**
 * Every problem of a rule (empty = the rule can be applied). The one owner of the score rule's
 * validity: validateScoreRule, the Cấu hình reader, the CLI's --score-rule and the pane's form use it.
 */
export function scoreRuleProblems(rule: ScoreRule): ScoreRuleProblem[] {
  const out: ScoreRuleProblem[] = [];
  if (!rule || typeof rule !== "object")
    return [{ field: "rule", code: "missing", message: "Thiếu quy tắc chấm điểm." }];
  if (!finiteNonNegative(rule.maxPoints))
    out.push({ field: "maxPoints", code: "range", message: "Điểm tối đa phải là số không âm." });
  if (rule.mode !== "proportional" && rule.mode !== "tiers") {
    out.push({
      field: "mode",
      code: "mode",
      message: `Cách tính điểm phải là "proportional" (tỷ lệ) hoặc "tiers" (bậc), không phải "${String(rule.mode)}".`,
    });
  }
  if (rule.threshold !== undefined && (!finiteNonNegative(rule.threshold) || rule.threshold > 1)) {
    out.push({
      field: "threshold",
      code: "range",
      message: "Ngưỡng phải là tỷ lệ từ 0 đến 1 (0% đến 100%).",
    });
  }
  if (rule.latePenalty !== undefined && !finiteNonNegative(rule.latePenalty)) {
    out.push({
      field: "latePenalty",
      code: "range",
      message: "Điểm trừ mỗi nhiệm vụ trễ hạn phải là số không âm.",
    });
  }
  if (rule.mode === "tiers") {
    if (!Array.isArray(rule.tiers) || rule.tiers.length === 0) {
      out.push({
        field: "tiers",
        code: "empty",
        message: "Cách tính theo bậc cần bảng bậc (tỷ lệ tối thiểu, điểm).",
      });
      return out;
    }
    const seen = new Set<number>();
    for (const [i, t] of rule.tiers.entries()) {
      if (!t || typeof t !== "object") {
        out.push({
          field: "minRate",
          tier: i,
          code: "range",
          message: `Bậc thứ ${i + 1}: thiếu tỷ lệ và điểm.`,
        });
        continue;
      }
      const rateOk = finiteNonNegative(t.minRate) && t.minRate <= 1;
      const pointsOk = finiteNonNegative(t.points);
      if (!rateOk || !pointsOk) {
        out.push({
          field: rateOk ? "points" : "minRate",
          tier: i,
          code: "range",
          message: `Bậc thứ ${i + 1}: tỷ lệ tối thiểu phải từ 0 đến 1 và điểm phải là số không âm.`,
        });
        continue;
      }
      if (t.strict !== undefined && typeof t.strict !== "boolean") {
        out.push({
          field: "strict",
          tier: i,
          code: "strict",
          message: `Bậc thứ ${i + 1}: "strict" phải là true (trên) hoặc false (từ), không phải ${JSON.stringify(t.strict)}.`,
        });
      }
      if (seen.has(t.minRate)) {
        out.push({
          field: "minRate",
          tier: i,
          code: "duplicate",
          message: `Bậc thứ ${i + 1}: tỷ lệ tối thiểu ${t.minRate} bị lặp.`,
        });
      } else if (finiteNonNegative(rule.maxPoints) && t.points > rule.maxPoints) {
        out.push({
          field: "points",
          tier: i,
          code: "pointsOverMax",
          message: `Bậc thứ ${i + 1}: ${t.points} điểm vượt điểm tối đa ${rule.maxPoints}.`,
        });
      }
      seen.add(t.minRate);
    }
  }
  return out;
}

/** Throws ScoreRuleError (Vietnamese message) when the rule cannot be applied. */
export function validateScoreRule(rule: ScoreRule): void {
  const problems = scoreRuleProblems(rule);
  if (problems.length > 0) throw new ScoreRuleError(problems[0].message);
}

/** Whether a rate meets a tier's lower bound ("trên" strict, "từ" inclusive). */
export function meetsTier(rate: number, t: ScoreTier): boolean {
  return t.strict === true ? rate > t.minRate : rate >= t.minRate;
}

/** The rule equals DEFAULT_SCORE_RULE (the placeholder, labelled as a default, not the province's rule). */
export function isDefaultScoreRule(rule: ScoreRule): boolean {
  const d = DEFAULT_SCORE_RULE;
  const tiers = rule.tiers ?? [];
  return (
    rule.mode === d.mode &&
    rule.maxPoints === d.maxPoints &&
    (rule.threshold ?? 0) === d.threshold &&
    (rule.latePenalty ?? 0) === d.latePenalty &&
    tiers.length === d.tiers.length &&
    tiers.every(
      (tier, i) =>
        tier.minRate === d.tiers[i].minRate &&
        tier.points === d.tiers[i].points &&
        (tier.strict ?? false) === (d.tiers[i].strict ?? false),
    )
  );
}

const pct = (r: number) => `${String(Math.round(r * 1e6) / 1e4).replace(".", ",")}%`;
const pts = (p: number) => `${String(Math.round(p * 1e6) / 1e6).replace(".", ",")} điểm`;

/**
 * The rule in the words of a provincial decision, e.g. "trên 90%: 2 điểm; từ 70% đến 90%: 1 điểm;
 * dưới 70%: 0". Tiers are read from the highest bound down; each band ends where the one above begins.
 */
export function describeScoreRule(rule: ScoreRule): string {
  const late =
    (rule.latePenalty ?? 0) > 0
      ? `; trừ ${pts(rule.latePenalty ?? 0)} cho mỗi nhiệm vụ hoàn thành trễ hạn`
      : "";
  if (rule.mode === "proportional") {
    const th = rule.threshold ?? 0;
    const head = `đạt 100%: ${pts(rule.maxPoints)}`;
    const mid =
      th > 0
        ? `từ ${pct(th)} đến dưới 100%: tỷ lệ × ${pts(rule.maxPoints)}; dưới ${pct(th)}: 0`
        : `dưới 100%: tỷ lệ × ${pts(rule.maxPoints)}`;
    return `${head}; ${mid}${late}`;
  }
  const tiers = [...(rule.tiers ?? [])].sort((a, b) => b.minRate - a.minRate);
  const parts: string[] = [];
  let upper: ScoreTier | null = null;
  for (const t of tiers) {
    const low = `${t.strict ? "trên" : "từ"} ${pct(t.minRate)}`;
    let band: string;
    if (!upper) band = low;
    else {
      // The band stops where the higher one starts: "đến X" when X itself belongs here (higher is strict).
      band = upper.strict ? `${low} đến ${pct(upper.minRate)}` : `${low} đến dưới ${pct(upper.minRate)}`;
    }
    parts.push(`${band}: ${pts(t.points)}`);
    upper = t;
  }
  const lowest = tiers[tiers.length - 1];
  if (lowest && lowest.strict) parts.push(`từ ${pct(lowest.minRate)} trở xuống: 0`);
  else if (lowest && lowest.minRate > 0) parts.push(`dưới ${pct(lowest.minRate)}: 0`);
  return parts.join("; ") + late;
}

/**
 * proportional → maxPoints at rate ≥ 1, rate × maxPoints from `threshold` (default 0) up to 1,
 * 0 below; tiers → the points of the highest tier whose bound the rate meets (≥, or > when
 * `strict`), else 0; then minus
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
    for (const t of rule.tiers ?? []) if (meetsTier(rate, t) && (!best || t.minRate > best.minRate)) best = t;
    points = best ? best.points : 0;
  }
  return Math.max(0, points - (rule.latePenalty ?? 0) * lateCount);
}
