/** What the open workbook tracks, for the pane's first screen (one round trip). */
import { readDateCell } from "../../core/workbook/cellValues";
import { readConfig, type ConfigRead } from "../../core/workbook/config";
import { TABLES } from "../../core/workbook/layout";
import { queueConfigRead, queueTableExists } from "../excel/configBlock";
import type { ScoreRule } from "../../core/scoring/score";
import { explainOfficeError } from "./common";

export interface TrackerStatus {
  exists: boolean;
  catalogue: ConfigRead["catalogue"] | null;
  reportDate: string | null;
  /** The report-date cell holds =TODAY(). */
  reportDateIsToday: boolean;
  /** The score rule in Cấu hình (null when it cannot be read; see problems). */
  rule: ScoreRule | null;
  problems: string[];
}

export async function readTrackerStatus(context: Excel.RequestContext): Promise<TrackerStatus> {
  try {
    const table = queueTableExists(context, TABLES.assignments);
    const configRead = queueConfigRead(context);
    await context.sync();
    const cfg = configRead.resolve();
    if (!table.resolve() || !cfg.exists) {
      return {
        exists: false,
        catalogue: null,
        reportDate: null,
        reportDateIsToday: false,
        rule: null,
        problems: [],
      };
    }
    const config = readConfig(cfg.block, cfg.tiers);
    const serial = cfg.block[0]?.[1];
    const reportDate = readDateCell(serial).iso;
    const formula = cfg.reportDateFormula;
    return {
      exists: true,
      catalogue: config.catalogue,
      reportDate,
      reportDateIsToday: /^=\s*TODAY\(\)\s*$/i.test(formula),
      rule: config.settings?.rule ?? null,
      problems: config.problems,
    };
  } catch (e) {
    throw explainOfficeError(e);
  }
}
