/**
 * CCHC.SCORE and CCHC.SCORETIERS: points for "mức độ hoàn thành kế hoạch CCHC" (planScore).
 * The rule is whatever the workbook passes: no threshold, tier or penalty is assumed.
 */
import { planScore, type ScoreTier } from "./core";
import { guard, valueError } from "./errors";
import { isBlank, readCell, readNumber, readRange, readRate } from "./args";

function readLate(lateCount: unknown, latePenalty: unknown): { lateCount: number; latePenalty: number } {
  return {
    lateCount: readNumber(lateCount, "Số nhiệm vụ trễ hạn", { min: 0, integer: true }) ?? 0,
    latePenalty: readNumber(latePenalty, "Điểm trừ mỗi nhiệm vụ trễ hạn", { min: 0 }) ?? 0,
  };
}

function requiredRate(rate: unknown): number {
  const r = readRate(rate, "Tỷ lệ hoàn thành");
  if (r === null) throw valueError("Thiếu tỷ lệ hoàn thành (từ 0 đến 1, ví dụ 0,85 hoặc 85%).");
  return r;
}

/** CCHC.SCORE: proportional rule (full points at 100%, rate × max from the threshold, else 0). */
export function proportionalScore(
  rate: unknown,
  maxPoints: unknown,
  threshold: unknown,
  lateCount: unknown,
  latePenalty: unknown,
): number {
  return guard(() => {
    const r = requiredRate(rate);
    const max = readNumber(maxPoints, "Điểm tối đa", { min: 0 });
    if (max === null) throw valueError("Thiếu điểm tối đa.");
    const t = readRate(threshold, "Ngưỡng") ?? 0;
    const late = readLate(lateCount, latePenalty);
    return planScore(
      r,
      { maxPoints: max, mode: "proportional", threshold: t, latePenalty: late.latePenalty },
      late.lateCount,
    );
  });
}

/**
 * A tier range: two columns (minimum rate, points), one tier per row; empty rows are skipped
 * and a first row of text (a header) is ignored.
 */
export function readTiers(tiers: unknown): ScoreTier[] {
  const rows = readRange(tiers, "Bảng bậc");
  if (rows === null || rows.length === 0) throw valueError("Thiếu bảng bậc (2 cột: tỷ lệ tối thiểu, điểm).");
  if (rows[0].length !== 2) {
    throw valueError(
      `Bảng bậc phải có đúng 2 cột (tỷ lệ tối thiểu, điểm), không phải ${rows[0].length} cột.`,
    );
  }
  const out: ScoreTier[] = [];
  rows.forEach((row, i) => {
    const a = readCell(row[0], `Bảng bậc, dòng ${i + 1}`);
    const b = readCell(row[1], `Bảng bậc, dòng ${i + 1}`);
    if (isBlank(a) && isBlank(b)) return;
    const isHeader = i === 0 && typeof a === "string" && typeof b === "string" && !/\d/.test(a + b);
    if (isHeader) return;
    const minRate = readRate(a, `Bảng bậc, dòng ${i + 1}, tỷ lệ tối thiểu`);
    const points = readNumber(b, `Bảng bậc, dòng ${i + 1}, điểm`, { min: 0 });
    if (minRate === null || points === null)
      throw valueError(`Bảng bậc, dòng ${i + 1}: cần cả tỷ lệ tối thiểu và điểm.`);
    out.push({ minRate, points });
  });
  if (out.length === 0) throw valueError("Bảng bậc không có bậc nào (2 cột: tỷ lệ tối thiểu, điểm).");
  return out;
}

/** CCHC.SCORETIERS: the points of the highest tier reached, minus late-task deductions. */
export function tieredScore(rate: unknown, tiers: unknown, lateCount: unknown, latePenalty: unknown): number {
  return guard(() => {
    const r = requiredRate(rate);
    const table = readTiers(tiers);
    const late = readLate(lateCount, latePenalty);
    const maxPoints = table.reduce((m, t) => Math.max(m, t.points), 0);
    return planScore(
      r,
      { maxPoints, mode: "tiers", tiers: table, latePenalty: late.latePenalty },
      late.lateCount,
    );
  });
}
