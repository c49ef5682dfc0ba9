/** 2. Ngày báo cáo — a fixed date, or “today” (a formula that follows the calendar). */
import * as React from "react";
import { ReportDatePanel } from "../../views/ReportDatePanel";
import { useOnPull, useShell } from "../shell/context";
import { initialReportDateState, isIsoDateInput, reportDateReducer } from "./reducer";
import { reportDateMessage, type ReportDateOutcome } from "./messages";

export default function ReportDateContainer(): React.JSX.Element {
  const shell = useShell();
  const { services, t, status } = shell;
  const [state, dispatch] = React.useReducer(reportDateReducer, initialReportDateState);
  useOnPull(React.useCallback(() => dispatch({ type: "pulled" }), []));
  const say = (o: ReportDateOutcome) => shell.show("reportDate", (tt) => reportDateMessage(o, tt));
  const value = state.draft ?? status?.reportDate ?? "";

  const setDate = (date: string | "today") =>
    void shell.run("reportDate", t.busyReportDate, async (h) => {
      await h.run((ctx) => services.setReportDate(ctx, date));
      dispatch({ type: "saved" });
      await shell.refreshStatus(h);
      say(date === "today" ? { kind: "todaySet" } : { kind: "dateSet", date });
    });

  return (
    <ReportDatePanel
      disabled={shell.disabled}
      value={value}
      isToday={status?.reportDateIsToday ?? false}
      onChange={(draft) => dispatch({ type: "draft", draft })}
      onSetDate={() => (isIsoDateInput(value) ? setDate(value) : say({ kind: "dateRequired" }))}
      onToday={() => setDate("today")}
      feedback={shell.feedback("reportDate")}
    />
  );
}
