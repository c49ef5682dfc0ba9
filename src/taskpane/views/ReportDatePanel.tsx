/**
 * 2. Ngày báo cáo: a fixed date (stable results) or =TODAY() (follows the calendar). The date is
 * typed and shown dd/mm/yyyy whatever the OS language (a native date input follows the browser's
 * locale: 01/05/2025 for 5 January), parsed by the core's parseUserDate (YYYY-MM-DD accepted too).
 */
import * as React from "react";
import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useT } from "../i18n";
import { formatViDate, parseUserDate } from "../../core/dates/userDate";

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
  // What the person typed; follows the workbook's date whenever that changes from outside.
  const [text, setText] = React.useState(() => formatViDate(props.value));
  React.useEffect(() => {
    setText((current) => (parseUserDate(current) === props.value ? current : formatViDate(props.value)));
  }, [props.value]);
  const invalid = text.trim() !== "" && parseUserDate(text) === null;
  return (
    <div className={styles.stack}>
      <Field
        label={t.reportDateLabel}
        hint={t.reportDateExplain}
        validationState={invalid ? "error" : "none"}
        validationMessage={invalid ? t.reportDateInvalid : undefined}
      >
        <Input
          type="text"
          inputMode="numeric"
          autoComplete="off"
          data-testid="report-date-input"
          className={styles.input}
          value={text}
          placeholder={t.reportDatePlaceholder}
          onChange={(_, data) => {
            setText(data.value);
            // A date the core reads is passed on as YYYY-MM-DD; anything else as typed (refused on "Đặt ngày").
            props.onChange(parseUserDate(data.value) ?? data.value);
          }}
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
