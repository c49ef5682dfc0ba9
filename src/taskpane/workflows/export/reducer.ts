/** Xuất danh mục: the last export (JSON, file name), offered for download and copy. */
import type { ExportedCatalogue } from "../../app/types";

export interface ExportState {
  exported: ExportedCatalogue | null;
}

export type ExportAction = { type: "exported"; exported: ExportedCatalogue } | { type: "pulled" };

export const initialExportState: ExportState = { exported: null };

export function exportReducer(_state: ExportState, action: ExportAction): ExportState {
  switch (action.type) {
    case "exported":
      return { exported: action.exported };
    case "pulled":
      return { exported: null };
  }
}
