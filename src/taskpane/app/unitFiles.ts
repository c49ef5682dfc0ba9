/**
 * Reading the .xlsx files units send back, in the browser (Tổng hợp từ đơn vị): the core's zip
 * guard and SpreadsheetML reader (src/core/consolidate/xlsxValues.ts, fflate) on each File's
 * bytes. Loaded as its own chunk ("unit-file-reader") only when a user picks files; the pane's
 * first screen never holds it. Never throws: a file that cannot be read carries its reason.
 */
import { readXlsxValues } from "../../core/consolidate/xlsxValues";
import { MAX_FILE_BYTES } from "../../core/consolidate/zip";
import type { UnitFileInput } from "../../core/consolidate/types";

/** What the reader needs of a File (a test passes plain objects). */
export interface PickedFile {
  name: string;
  size: number;
  lastModified: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Reads the files one by one (the pane stays responsive); `onProgress(done, total)` after each. */
export async function readUnitFiles(
  files: readonly PickedFile[],
  onProgress?: (done: number, total: number) => void,
): Promise<UnitFileInput[]> {
  const out: UnitFileInput[] = [];
  for (const [i, f] of files.entries()) {
    const fileTime = Number.isFinite(f.lastModified) ? new Date(f.lastModified).toISOString() : null;
    const base = { name: f.name, fileTime };
    if (!/\.xlsx$/i.test(f.name))
      out.push({ ...base, problem: "Không phải tệp .xlsx (chỉ nhận sổ Excel .xlsx)." });
    else if (f.size > MAX_FILE_BYTES)
      out.push({
        ...base,
        problem: `Tệp quá lớn (${Math.round(f.size / 1e6)} MB; tối đa ${MAX_FILE_BYTES / 1e6} MB).`,
      });
    else {
      try {
        out.push({ ...base, ...readXlsxValues(new Uint8Array(await f.arrayBuffer())) });
      } catch (e) {
        out.push({
          ...base,
          problem: `Không đọc được tệp (${String((e as Error)?.message ?? e).slice(0, 120)}).`,
        });
      }
    }
    onProgress?.(i + 1, files.length);
    await pause();
  }
  return out;
}
