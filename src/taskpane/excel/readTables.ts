/**
 * Reading tables back in few round trips. The caller's first round trip learns the table's
 * headers and row count and already reads the first slice of every column (rows past the end
 * come back empty and are dropped); bigger tables are read in further slices of ~4 MB, only for
 * the columns the action needs. A missing table is a null object: nothing fails, `exists` is false.
 */
import { DEFAULT_CHUNK_BYTES } from "./applyPlan";
import { payloadBytes } from "./excelValues";

/** Conservative size of one cell in a read response (JSON, UTF-8). */
export const READ_BYTES_PER_CELL = 45;
/** Columns assumed for the first, all-columns slice. */
const FIRST_SLICE_COLUMNS = 18;

export interface TableRead {
  exists: boolean;
  headers: string[];
  rowCount: number;
  /** Rows in sheet order; after the first slice only the needed columns are filled. */
  rows: unknown[][];
  /** Round trips spent after the caller's first one. */
  extraSyncs: number;
}

export function sliceRows(columns: number, chunkBytes = DEFAULT_CHUNK_BYTES): number {
  return Math.max(100, Math.floor(chunkBytes / (Math.max(1, columns) * READ_BYTES_PER_CELL)));
}

export function queueTableRead(
  context: Excel.RequestContext,
  name: string,
  neededColumns: readonly string[],
  chunkBytes = DEFAULT_CHUNK_BYTES,
): { finish: (sync: () => Promise<void>) => Promise<TableRead> } {
  const table = context.workbook.tables.getItemOrNullObject(name);
  table.load("name");
  const header = table.getHeaderRowRange();
  header.load("values");
  const body = table.getDataBodyRange();
  body.load("rowCount");
  // Three tables share the first response: each gets a quarter of it, and the slice is clamped
  // to the table body so a small table does not bring back thousands of empty rows.
  const first = sliceRows(FIRST_SLICE_COLUMNS, chunkBytes / 4);
  const firstSlice = body
    .getRow(0)
    .getResizedRange(first - 1, 0)
    .getIntersection(body);
  firstSlice.load("values");
  return {
    finish: async (sync) => {
      if (table.isNullObject) return { exists: false, headers: [], rowCount: 0, rows: [], extraSyncs: 0 };
      const headers = (header.values[0] ?? []).map((h) =>
        String(h ?? "")
          .normalize("NFC")
          .trim(),
      );
      const rowCount = body.rowCount;
      const rows: unknown[][] = [];
      const firstValues = firstSlice.values;
      for (let i = 0; i < Math.min(rowCount, firstValues.length); i++)
        rows.push(firstValues[i].slice(0, headers.length));
      let extraSyncs = 0;
      const idx = neededColumns.map((c) => headers.indexOf(c)).filter((i) => i >= 0);
      // Size further slices from what the needed columns of the first slice actually weighed
      // (a "Nhiệm vụ" cell can be 600 bytes, a date 5), with a margin for heavier rows later on.
      const sample = rows.map((r) => idx.map((i) => r[i]));
      const perRow =
        sample.length > 0 ? (payloadBytes(sample) / sample.length) * 1.25 : idx.length * READ_BYTES_PER_CELL;
      const per = Math.max(1, Math.floor(chunkBytes / Math.max(perRow, idx.length * 4)));
      for (let from = rows.length; from < rowCount; from += per) {
        const n = Math.min(per, rowCount - from);
        const ranges = idx.map((col) => {
          const r = body.getCell(from, col).getResizedRange(n - 1, 0);
          r.load("values");
          return { col, r };
        });
        await sync();
        extraSyncs += 1;
        for (let i = 0; i < n; i++) rows.push(new Array(headers.length));
        for (const { col, r } of ranges) r.values.forEach((v, i) => (rows[from + i][col] = v[0]));
      }
      return { exists: true, headers, rowCount, rows, extraSyncs };
    },
  };
}
