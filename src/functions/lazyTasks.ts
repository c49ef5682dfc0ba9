/**
 * CCHC.TASKS is loaded on its first call: the catalogue code (CSV parser, downloader, bundled
 * catalogue loader) is a chunk of its own, so the functions bundle that Excel loads at start-up
 * stays small. A chunk that cannot load gives #N/A with a message, never an unhandled error.
 */
import { guardAsync, notAvailableError } from "./errors";

export function tasksOnDemand(source: unknown): Promise<(string | number)[][]> {
  return guardAsync(async () => {
    let mod: typeof import("./tasks");
    try {
      mod = await import(/* webpackChunkName: "functions-tasks" */ "./tasks");
    } catch {
      throw notAvailableError(
        "Không nạp được phần danh mục của Add-in. Hãy kiểm tra mạng rồi mở lại Add-in.",
      );
    }
    return mod.tasksTable(source);
  });
}
