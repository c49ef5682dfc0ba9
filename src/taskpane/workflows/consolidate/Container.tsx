/**
 * 9. Tổng hợp từ đơn vị — pick or drop the units' .xlsx files; they are read in the browser (a
 * chunk loaded only now), compared with the open provincial workbook (preview, nothing written),
 * then merged in one plan with the reviewer's conflict choices. A one-unit workbook is refused
 * before any file is read.
 */
import * as React from "react";
import { ConsolidatePanel } from "../../views/ConsolidatePanel";
import { useOnPull, useShell } from "../shell/context";
import {
  acceptedCount,
  conflictTally,
  consolidateReducer,
  initialConsolidateState,
  MAX_CONFLICTS_SHOWN,
  pickOf,
  rowKey,
} from "./reducer";
import { consolidateMessage, type ConsolidateMessageOutcome } from "./messages";
import { consolidateStrings } from "../../i18n/consolidate";

export default function ConsolidateContainer(): React.JSX.Element {
  const shell = useShell();
  const { services } = shell;
  const t = consolidateStrings(shell.t);
  const [state, dispatch] = React.useReducer(consolidateReducer, initialConsolidateState);
  useOnPull(React.useCallback(() => dispatch({ type: "clear" }), []));
  const say = (o: ConsolidateMessageOutcome) =>
    shell.show("consolidate", (tt) => consolidateMessage(o, consolidateStrings(tt)));
  const oneUnit = shell.status?.catalogue?.unitName ?? null;

  const onFiles = (picked: File[]) =>
    void shell.run("consolidate", t.busyConsolidatePreview, async (h, progress) => {
      const files = await services.readUnitFiles(picked, (done, total) => progress((0.8 * done) / total));
      dispatch({ type: "read", files });
      const preview = await h.run((ctx) => services.previewConsolidation(ctx, files));
      dispatch({ type: "previewed", report: preview.report });
      say({
        kind: "previewed",
        files: preview.report.filesRead,
        accepted: preview.report.accepted.length,
        rejected: preview.report.rejected.length,
      });
    });

  const onApply = () =>
    void shell.run("consolidate", t.busyConsolidate, async (h) => {
      const { keep, take } = conflictTally(state);
      const files = acceptedCount(state);
      const outcome = await h.run((ctx) => services.applyConsolidation(ctx, state.files, state.choices));
      dispatch({ type: "written" });
      say({
        kind: "written",
        files: outcome.report.accepted.length || files,
        rows: outcome.rowsWritten,
        reported: outcome.report.unitsReported,
        expected: outcome.report.unitsExpected,
        kept: keep,
        taken: take,
        rejected: outcome.report.rejected.length,
        rejectedFiles: outcome.report.rejected.map((r) => r.file),
        addedColumns: outcome.addedColumns.length > 0,
      });
      await shell.refreshStatus(h);
    });

  return (
    <ConsolidatePanel
      disabled={shell.disabled}
      oneUnit={oneUnit}
      filesRead={state.files.length}
      report={state.report}
      conflictsShown={(state.report?.conflicts ?? []).slice(0, MAX_CONFLICTS_SHOWN)}
      all={state.choices.all}
      pickOf={(c) => pickOf(state, c)}
      onFiles={onFiles}
      onChooseAll={(pick) => dispatch({ type: "chooseAll", pick })}
      onChooseRow={(c, pick) => dispatch({ type: "chooseRow", key: rowKey(c), pick })}
      onApply={onApply}
      onClear={() => dispatch({ type: "clear" })}
      feedback={shell.feedback("consolidate")}
    />
  );
}
