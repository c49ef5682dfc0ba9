/** What the open workbook tracks, for the pane's first screen (one round trip). */
import { readDateCell } from "../../core/workbook/cellValues";
import { CONFIG_READ_ADDRESS, readConfig, type ConfigRead } from "../../core/workbook/config";
import { SHEETS, TABLES } from "../../core/workbook/layout";
import { CONFIG_ROWS } from "../../core/workbook/sheets";
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
    const table = context.workbook.tables.getItemOrNullObject(TABLES.assignments);
    table.load("name");
    const sheet = context.workbook.worksheets.getItemOrNullObject(SHEETS.config);
    sheet.load("name");
    const block = sheet.getRange(CONFIG_READ_ADDRESS);
    block.load("values");
    const dateCell = sheet.getRange(`B${CONFIG_ROWS.reportDate}`);
    dateCell.load("formulas");
    const tiers = context.workbook.tables.getItemOrNullObject(TABLES.tiers);
    tiers.load("name");
    const tierBody = tiers.getDataBodyRange();
    tierBody.load("values");
    await context.sync();
    if (table.isNullObject || sheet.isNullObject) {
      return {
        exists: false,
        catalogue: null,
        reportDate: null,
        reportDateIsToday: false,
        rule: null,
        problems: [],
      };
    }
    const config = readConfig(block.values, tiers.isNullObject ? [] : tierBody.values);
    const serial = block.values[0]?.[1];
    const reportDate = readDateCell(serial).iso;
    const formula = String(dateCell.formulas[0]?.[0] ?? "");
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
