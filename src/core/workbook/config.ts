/**
 * Reading the Cấu hình sheet back: the report date, the counting settings and the score rule
 * a reviewer may have edited. Problems are reported in Vietnamese, never guessed away.
 */
import { readDateCell } from "./cellValues";
import { validateScoreRule, ScoreRuleError, type ScoreRule, type ScoreTier } from "../scoring/score";
import { ALL_UNITS, SCORE_MODE } from "./layout";
import { CONFIG_ROWS } from "./sheets";
import type { TrackerSettings } from "./evaluate";

/** The config block read by the adapters: rows CONFIG_FIRST_ROW..CONFIG_LAST_ROW, columns A:B. */
export const CONFIG_FIRST_ROW = CONFIG_ROWS.reportDate;
export const CONFIG_LAST_ROW = CONFIG_ROWS.catalogueFirst + 9;
export const CONFIG_READ_ADDRESS = `A${CONFIG_FIRST_ROW}:B${CONFIG_LAST_ROW}`;

export interface ConfigRead {
  settings: TrackerSettings | null;
  problems: string[];
  catalogue: {
    id: string;
    title: string;
    document: string;
    official: boolean;
    planYear: number | null;
    unitName: string | null;
  };
}

function num(v: unknown): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v.replace(",", "."))))
    return Number(v.replace(",", "."));
  return null;
}

/** `block` = values of CONFIG_READ_ADDRESS; `tiers` = data rows of the BacDiem table. */
export function readConfig(block: unknown[][], tiers: unknown[][]): ConfigRead {
  const at = (row: number) => (block[row - CONFIG_FIRST_ROW] ?? [])[1];
  const problems: string[] = [];
  const reportSerial = num(at(CONFIG_ROWS.reportDate));
  // The one reader of date cells (a serial Excel can hold), as the formulas read NgayBaoCao.
  const reportDate = reportSerial === null ? null : readDateCell(reportSerial).iso;
  if (reportDate === null) problems.push("Ô “Ngày báo cáo” (trang Cấu hình) không phải là một ngày.");
  const dueSoonDays = num(at(CONFIG_ROWS.dueSoonDays));
  if (dueSoonDays === null || dueSoonDays < 0) problems.push("Ô “Số ngày sắp đến hạn” phải là số không âm.");
  const include = at(CONFIG_ROWS.includeCoordinating);
  if (typeof include !== "boolean") problems.push("Ô “Tính cả đơn vị phối hợp” phải là TRUE hoặc FALSE.");
  const modeText = String(at(CONFIG_ROWS.scoreMode) ?? "").trim();
  const mode =
    modeText.toLowerCase() === SCORE_MODE.tiers.toLowerCase()
      ? "tiers"
      : modeText.toLowerCase() === SCORE_MODE.proportional.toLowerCase()
        ? "proportional"
        : null;
  if (!mode) problems.push(`Ô “Cách tính” phải là “${SCORE_MODE.proportional}” hoặc “${SCORE_MODE.tiers}”.`);
  const tierList: ScoreTier[] = tiers
    .filter((r) => r.some((c) => c !== "" && c !== null && c !== undefined))
    .map((r) => ({ minRate: num(r[0]) ?? Number.NaN, points: num(r[1]) ?? Number.NaN }));
  const rule: ScoreRule = {
    mode: mode ?? "proportional",
    maxPoints: num(at(CONFIG_ROWS.maxPoints)) ?? Number.NaN,
    threshold: num(at(CONFIG_ROWS.threshold)) ?? 0,
    latePenalty: num(at(CONFIG_ROWS.latePenalty)) ?? 0,
    tiers: tierList,
  };
  try {
    validateScoreRule(rule);
  } catch (e) {
    problems.push(e instanceof ScoreRuleError ? `Quy tắc chấm điểm: ${e.message}` : String(e));
  }
  const info = (k: number) => (block[CONFIG_ROWS.catalogueFirst + k - CONFIG_FIRST_ROW] ?? [])[1];
  const unitCell = String(info(9) ?? "").trim();
  const catalogue = {
    id: String(info(0) ?? "").trim(),
    title: String(info(1) ?? "").trim(),
    document: String(info(2) ?? "").trim(),
    official: String(info(3) ?? "").trim() === "Có",
    planYear: num(info(6)),
    unitName: unitCell === "" || unitCell === ALL_UNITS ? null : unitCell,
  };
  const settings =
    problems.length === 0 && reportDate
      ? { reportDate, dueSoonDays: dueSoonDays as number, includeCoordinating: include as boolean, rule }
      : null;
  return { settings, problems, catalogue };
}
