/** 7. Xuất danh mục — the workbook's catalogue as a cchc-catalogue/1 file to publish. */
import * as React from "react";
import { ExportPanel } from "../../views/ExportPanel";
import { useOnPull, useShell } from "../shell/context";
import { exportReducer, initialExportState } from "./reducer";
import { exportMessage } from "./messages";

export default function ExportContainer(): React.JSX.Element {
  const shell = useShell();
  const { services, t } = shell;
  const [state, dispatch] = React.useReducer(exportReducer, initialExportState);
  useOnPull(React.useCallback(() => dispatch({ type: "pulled" }), []));
  const run = () =>
    void shell.run("export", t.busyExport, async (h) => {
      const out = await h.run((ctx) => services.exportCatalogue(ctx));
      dispatch({ type: "exported", exported: out });
      shell.show("export", (tt) =>
        exportMessage({ kind: "exported", taskCount: out.taskCount, fileName: out.fileName }, tt),
      );
    });
  return (
    <ExportPanel
      disabled={shell.disabled}
      exported={state.exported}
      onExport={run}
      feedback={shell.feedback("export")}
    />
  );
}
