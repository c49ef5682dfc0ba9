/** 6. Báo cáo Sở Nội vụ — the print-ready report sheet (no state of its own: the tally is shared). */
import * as React from "react";
import { ReportPanel } from "../../views/ReportPanel";
import { useShell } from "../shell/context";
import { reportMessage } from "./messages";

export default function ReportContainer(): React.JSX.Element {
  const shell = useShell();
  const { services, t } = shell;
  const build = () =>
    void shell.run("report", t.busyReport, async (h) => {
      const outcome = await h.run((ctx) => services.buildReport(ctx));
      shell.setSummary(outcome);
      shell.show("report", (tt) => reportMessage({ kind: "built" }, tt));
    });
  return <ReportPanel disabled={shell.disabled} onBuild={build} feedback={shell.feedback("report")} />;
}
