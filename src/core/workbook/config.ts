/**
 * Reading the Cấu hình sheet back: the report date, the counting settings and the score rule
 * a reviewer may have edited. Problems are reported in Vietnamese, never guessed away.
 */
import { readDateCell } from "./cellValues";
import { validateScoreRule, ScoreRuleError, type ScoreRule, type ScoreTier } from "../scoring/score";
import { ALL_UNITS, SCORE_MODE } from "./layout";
import {
  CONFIG_FIRST_ROW,
  CONFIG_LABELS,
  CONFIG_ROWS,
  TIER_BOUND,
  UNIT_MAP_ROW,
  catalogueInfoRow,
  readUnitMapRow,
  type CatalogueInfoKey,
} from "./configLayout";
import type { TrackerSettings } from "./evaluate";
import type { ReportDoc } from "./reportDoc";

export { CONFIG_FIRST_ROW, CONFIG_LAST_ROW, CONFIG_READ_ADDRESS } from "./configLayout";

/**
 * The report document's editable parts (Cấu hình › BÁO CÁO) as read; "" when the cell is empty or
 * absent ("" reportUnit = the province-wide report). The shape is the report's own (ReportDoc).
 */
export type ReportDocSettings = ReportDoc;

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
    /**
     * The date of the workbook's map of units from the "Bản đồ đơn vị" row (a new-map workbook);
     * null when the row is absent: the 2024 map (a 2024 workbook, or one built before the row).
     */
    unitsAsOf?: string | null;
  };
  report: ReportDocSettings;
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
  if (typeof include !== "boolean")
    problems.push(`Ô “${CONFIG_LABELS.includeCoordinating}” phải là TRUE hoặc FALSE.`);
  // Workbooks built before the review columns have no such cell: empty means the default (TRUE).
  const unreviewedCell = at(CONFIG_ROWS.countUnreviewed);
  const countUnreviewed =
    unreviewedCell === undefined || unreviewedCell === null || unreviewedCell === "" ? true : unreviewedCell;
  if (typeof countUnreviewed !== "boolean")
    problems.push(`Ô “${CONFIG_LABELS.countUnreviewed}” phải là TRUE hoặc FALSE.`);
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
    .map((r) => {
      const tier: ScoreTier = { minRate: num(r[0]) ?? Number.NaN, points: num(r[1]) ?? Number.NaN };
      const bound = String(r[2] ?? "").trim();
      if (bound === TIER_BOUND.strict) tier.strict = true;
      else if (bound !== "" && bound !== TIER_BOUND.inclusive && bound !== ">=")
        problems.push(
          `Bảng bậc: cột “Cận dưới” phải là “${TIER_BOUND.strict}” (trên) hoặc “${TIER_BOUND.inclusive}” (từ), không phải “${bound}”.`,
        );
      return tier;
    });
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
  const info = (k: CatalogueInfoKey) => at(catalogueInfoRow(k));
  const mapRow = block[UNIT_MAP_ROW - CONFIG_FIRST_ROW] ?? [];
  const unitMap = readUnitMapRow(mapRow[0], mapRow[1]);
  if (unitMap.kind === "bad") problems.push(unitMap.problem);
  const unitCell = String(info("unit") ?? "").trim();
  const catalogue = {
    id: String(info("id") ?? "").trim(),
    title: String(info("title") ?? "").trim(),
    document: String(info("document") ?? "").trim(),
    official: String(info("official") ?? "").trim() === "Có",
    planYear: num(info("planYear")),
    unitName: unitCell === "" || unitCell === ALL_UNITS ? null : unitCell,
    unitsAsOf: unitMap.kind === "date" ? unitMap.unitsAsOf : null,
  };
  const str = (row: number) => String(at(row) ?? "").trim();
  const report: ReportDocSettings = {
    issuer: str(CONFIG_ROWS.issuer),
    docNumber: str(CONFIG_ROWS.docNumber),
    recipient: str(CONFIG_ROWS.recipient),
    signerTitle: str(CONFIG_ROWS.signerTitle),
    signerName: str(CONFIG_ROWS.signerName),
    reportUnit: str(CONFIG_ROWS.reportUnit) === ALL_UNITS ? "" : str(CONFIG_ROWS.reportUnit),
  };
  const settings: TrackerSettings | null =
    problems.length === 0 && reportDate
      ? {
          reportDate,
          dueSoonDays: dueSoonDays as number,
          includeCoordinating: include as boolean,
          rule,
          countUnreviewed: countUnreviewed as boolean,
        }
      : null;
  return { settings, problems, catalogue, report };
}
