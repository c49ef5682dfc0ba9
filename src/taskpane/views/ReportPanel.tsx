/** 6. Báo cáo Sở Nội vụ: builds the print-ready report sheet. */
import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useT } from "../i18n";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "flex-start" },
  text: { margin: 0, fontSize: tokens.fontSizeBase200 },
  feedback: { alignSelf: "stretch" },
});

export interface ReportPanelProps {
  disabled: boolean;
  onBuild(): void;
  feedback?: React.ReactNode;
}

export function ReportPanel({ disabled, onBuild, feedback }: ReportPanelProps): React.JSX.Element {
  const { t } = useT();
  const styles = useStyles();
  return (
    <div className={styles.stack}>
      <p className={styles.text}>{t.reportExplain}</p>
      <Button appearance="primary" onClick={onBuild} disabled={disabled}>
        {t.reportButton}
      </Button>
      <div className={styles.feedback}>{feedback}</div>
    </div>
  );
}

export default ReportPanel;
