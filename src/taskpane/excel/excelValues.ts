/**
 * Plan cells → what Office.js `values`/`formulas` accept. Every piece of text is written with a
 * leading apostrophe, so Excel keeps it as text: never a formula (=, +, -, @ …), never a number
 * or a date it guessed ("1", "30/11/2024", "TRUE"). Formulas are only ever FormulaCell.
 */
import { safeCellValue } from "../../core/cells/safeCell";
import { isFormulaCell, isLinkCell, type PlanCell } from "../../core/workbook/plan";

export type ExcelInput = string | number | boolean;

export function textLiteral(text: string): string {
  const safe = safeCellValue(text) as string; // cleans control characters, caps length, escapes formulas
  if (safe === "") return "";
  return safe.startsWith("'") ? safe : "'" + safe;
}

export function toExcelInput(cell: PlanCell): ExcelInput {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : "";
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "string") return textLiteral(cell);
  if (isFormulaCell(cell)) {
    if (!cell.formula.startsWith("=")) throw new Error(`Formula must start with "=": ${cell.formula}`);
    return cell.formula;
  }
  if (isLinkCell(cell)) return textLiteral(cell.text);
  return "";
}

/** UTF-8 size of a JSON-encoded payload (what travels to Excel), without allocating it. */
export function payloadBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  if (typeof value === "number") return 12;
  if (typeof value === "boolean") return 5;
  if (typeof value === "string") {
    let n = 2;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      n +=
        c < 0x80
          ? c === 0x22 || c === 0x5c || c < 0x20
            ? 2
            : 1
          : c < 0x800
            ? 2
            : c >= 0xd800 && c <= 0xdbff
              ? 2
              : 3;
    }
    return n;
  }
  if (Array.isArray(value)) {
    let n = 2;
    for (const v of value) n += payloadBytes(v) + 1;
    return n;
  }
  return JSON.stringify(value).length;
}
