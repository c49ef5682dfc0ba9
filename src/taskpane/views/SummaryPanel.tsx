/** 4. Tổng hợp: builds the Tổng hợp sheet (optionally a PivotTable) and shows the per-unit table. */
import * as React from "react";
import { Button, Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import { useT } from "../i18n";
import type { SummaryOutcome } from "../app/types";
import { SummaryTable } from "./SummaryTable";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface SummaryPanelProps {
  disabled: boolean;
  pivot: boolean;
  onPivotChange(pivot: boolean): void;
  onBuild(): void;
  summary: SummaryOutcome | null;
  feedback?: React.ReactNode;
}

export function SummaryPanel({
  disabled,
  pivot,
  onPivotChange,
  onBuild,
  summary,
  feedback,
}: SummaryPanelProps): React.JSX.Element {
  const { t } = useT();
  const styles = useStyles();
  return (
    <div className={styles.stack}>
      <Checkbox
        label={t.pivotLabel}
        checked={pivot}
        onChange={(_, d) => onPivotChange(d.checked === true)}
        disabled={disabled}
      />
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={onBuild} disabled={disabled}>
          {t.summaryButton}
        </Button>
      </div>
      {feedback}
      {summary ? <SummaryTable summary={summary} /> : null}
    </div>
  );
}

export default SummaryPanel;
