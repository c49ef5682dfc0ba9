/** 2. Ngày báo cáo: a fixed date (stable results) or =TODAY() (follows the calendar). */
import * as React from "react";
import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useT } from "../i18n";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  input: { maxWidth: "12em" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  text: { margin: 0, fontSize: tokens.fontSizeBase200 },
});

export interface ReportDatePanelProps {
  disabled: boolean;
  /** "YYYY-MM-DD" or "". */
  value: string;
  isToday: boolean;
  onChange(value: string): void;
  onSetDate(): void;
  onToday(): void;
  feedback?: React.ReactNode;
}

export function ReportDatePanel(props: ReportDatePanelProps): React.JSX.Element {
  const { t } = useT();
  const styles = useStyles();
  return (
    <div className={styles.stack}>
      <Field label={t.reportDateLabel} hint={t.reportDateExplain}>
        <Input
          type="date"
          className={styles.input}
          value={props.value}
          min="2000-01-01"
          max="2100-12-31"
          onChange={(_, data) => props.onChange(data.value)}
          disabled={props.disabled}
        />
      </Field>
      {props.isToday ? <p className={styles.text}>{t.reportDateIsToday}</p> : null}
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={props.onSetDate} disabled={props.disabled}>
          {t.setDateButton}
        </Button>
        <Button onClick={props.onToday} disabled={props.disabled}>
          {t.todayButton}
        </Button>
      </div>
      {props.feedback}
    </div>
  );
}

export default ReportDatePanel;
