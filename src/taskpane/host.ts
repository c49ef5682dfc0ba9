/**
 * The only module that touches the `Excel` global. The app receives an ExcelHost; tests give a
 * fake one, and the e2e suite injects a fake `Excel.run` before the page loads.
 */
export interface ExcelHost {
  run<T>(fn: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export const officeHost: ExcelHost = {
  run: (fn) => Excel.run(fn),
};

/** officeHost when an `Excel.run` exists (Excel, or the e2e fake), else null (a plain browser). */
export function detectExcelHost(): ExcelHost | null {
  const g = globalThis as { Excel?: { run?: unknown } };
  return typeof g.Excel?.run === "function" ? officeHost : null;
}
