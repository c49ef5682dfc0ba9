/**
 * Requirement sets beyond the manifest's declaration (ExcelApi 1.8): code that uses a newer
 * member runs only under `if (excelApiSupported("x.y"))` and degrades otherwise (e.g. no print
 * setup on the report). test/taskpane/excel/requirementSets.test.ts checks every use.
 */
export function excelApiSupported(version: string): boolean {
  const requirements = (globalThis as { Office?: { context?: { requirements?: unknown } } }).Office?.context
    ?.requirements as { isSetSupported?: (name: string, minVersion?: string) => boolean } | undefined;
  // No Office.context (the workbook double in tests, the e2e fake host): assume the host has it,
  // as the double implements these members.
  if (typeof requirements?.isSetSupported !== "function") return true;
  return requirements.isSetSupported("ExcelApi", version);
}
