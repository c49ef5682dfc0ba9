/** The nine custom-function ids of issue 4: a contract, since workbooks store them (CCHC.<id>). */
export const FUNCTION_IDS: readonly string[] = [
  "DEADLINE",
  "STATUS",
  "ISOVERDUE",
  "COMPLETION",
  "UNITSUMMARY",
  "SCORE",
  "SCORETIERS",
  "UNIT",
  "TASKS",
];
