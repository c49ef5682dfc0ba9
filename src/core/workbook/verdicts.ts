/**
 * The values of the "Kết quả thẩm định" column (a module of its own so the custom functions can
 * read verdicts without the workbook builder).
 */
/** Values of the "Kết quả thẩm định" drop-down (empty = not reviewed yet). */
export const REVIEW_VERDICTS = {
  accepted: "Đạt",
  rejected: "Không đạt",
  incomplete: "Cần bổ sung",
} as const;
export type ReviewVerdict = keyof typeof REVIEW_VERDICTS;

/** A verdict cell as typed → the verdict (case-insensitive, as Excel's "="), or null (not reviewed). */
export function parseVerdict(v: unknown): ReviewVerdict | null {
  if (typeof v !== "string") return null;
  const t = v.normalize("NFC").toLowerCase(); // no trim: COUNTIFS compares the cell as it is
  for (const [k, label] of Object.entries(REVIEW_VERDICTS))
    if (label.toLowerCase() === t) return k as ReviewVerdict;
  return null;
}
