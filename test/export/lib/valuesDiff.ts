/** The core reader of consolidation values (src/core/consolidate/xlsxValues.ts) against exceljs (test/export/fastXlsx.test.ts, test/e2e/fastXlsx.e2e.ts). */
import { readWorkbookValues } from "../../../src/export/readXlsx";
import { readXlsxValues } from "../../../src/core/consolidate/xlsxValues";
import { zlibInflate } from "../../../src/export/readXlsx";

/** The core reader as the headless command runs it (zlib), null when it gives no values. */
export function readValuesFast(bytes: Uint8Array) {
  return readXlsxValues(bytes, { inflate: zlibInflate }).values ?? null;
}

/** Numbers (date serials) to 1e-6 of a day: exceljs goes through a JS Date. */
function normal(v: unknown): unknown {
  if (typeof v === "number") return Math.round(v * 1e6) / 1e6;
  if (Array.isArray(v)) return v.map(normal);
  if (v && typeof v === "object")
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normal(x)]));
  return v;
}

/**
 * Differences between the two readings, but for exceljs's known loss: reading a file back it
 * drops a formula's cached result equal to 0, "" or FALSE (../shared/TOOLCHAIN.md), where the
 * fast reader keeps it.
 */
export function differences(fast: unknown, slow: unknown, where = ""): string[] {
  if (Array.isArray(fast) && Array.isArray(slow)) {
    if (fast.length !== slow.length) return [`${where}: length ${fast.length} ≠ ${slow.length}`];
    return fast.flatMap((x, i) => differences(x, slow[i], `${where}[${i}]`));
  }
  if (fast && slow && typeof fast === "object" && typeof slow === "object") {
    const keys = new Set([...Object.keys(fast), ...Object.keys(slow)]);
    return [...keys].flatMap((k) =>
      differences(
        (fast as Record<string, unknown>)[k],
        (slow as Record<string, unknown>)[k],
        `${where}.${k}`,
      ),
    );
  }
  if (fast === slow) return [];
  if (slow === "" && (fast === 0 || fast === false)) return [];
  return [`${where}: ${JSON.stringify(fast)} ≠ ${JSON.stringify(slow)}`];
}

/** Both readings of the bytes, normalised; fails when either reader refuses them. */
export async function both(bytes: Buffer) {
  const slow = await readWorkbookValues(bytes, { exceljs: true });
  const fast = readValuesFast(bytes);
  if (slow.problem) throw new Error(slow.problem);
  if (!fast) throw new Error("the fast reader returned null");
  return { slow: normal(slow.values), fast: normal(fast) };
}
