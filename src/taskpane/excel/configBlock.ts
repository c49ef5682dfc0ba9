/**
 * The one reader of the Cấu hình sheet: the settings block, the report-date cell's formula and
 * the tier table, queued on the caller's round trip. The pane's first screen (status) and every
 * action that reads the tracker (readTracker) use it; the core's readConfig interprets the cells.
 */
import { CONFIG_READ_ADDRESS } from "../../core/workbook/config";
import { SHEETS, TABLES } from "../../core/workbook/layout";
import { CONFIG_ROWS } from "../../core/workbook/sheets";

export interface ConfigBlockRead {
  /** The Cấu hình sheet exists. */
  exists: boolean;
  /** The block at CONFIG_READ_ADDRESS (label, value) rows. */
  block: unknown[][];
  /** The report-date cell's formula ("=TODAY()" when it follows the calendar). */
  reportDateFormula: string;
  /** The tier table's body rows; tiersExist false when there is no BacDiem table. */
  tiersExist: boolean;
  tiers: unknown[][];
  /** The tier table's header cells (an older table lacks the "Cận dưới" column). */
  tierHeaders: string[];
}

export function queueConfigRead(context: Excel.RequestContext): { resolve: () => ConfigBlockRead } {
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
  const tierHeader = tiers.getHeaderRowRange();
  tierHeader.load("values");
  return {
    resolve: () => {
      if (sheet.isNullObject)
        return {
          exists: false,
          block: [],
          reportDateFormula: "",
          tiersExist: false,
          tiers: [],
          tierHeaders: [],
        };
      const tiersExist = !tiers.isNullObject;
      return {
        exists: true,
        block: block.values,
        reportDateFormula: String(dateCell.formulas[0]?.[0] ?? ""),
        tiersExist,
        tiers: tiersExist ? tierBody.values : [],
        tierHeaders: tiersExist ? (tierHeader.values[0] ?? []).map((v) => String(v ?? "")) : [],
      };
    },
  };
}

/** Whether a table exists, queued on the caller's round trip. */
export function queueTableExists(context: Excel.RequestContext, name: string): { resolve: () => boolean } {
  const table = context.workbook.tables.getItemOrNullObject(name);
  table.load("name");
  return { resolve: () => !table.isNullObject };
}
