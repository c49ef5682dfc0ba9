/** 3. Đánh dấu quá hạn: counts, the Q4/recurring overdue list with "Đi tới", and "Bỏ lọc". */
import * as React from "react";
import { Button, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useT } from "../i18n";
import type { OverdueOutcome } from "../app/types";

export const MAX_LISTED = 100;

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  text: { margin: 0, fontSize: tokens.fontSizeBase200 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  counts: {
    margin: 0,
    display: "grid",
    gridTemplateColumns: "1fr auto",
    columnGap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    "& dd": { margin: 0, textAlign: "right", fontWeight: tokens.fontWeightSemibold },
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300 },
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  item: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-start",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalXS,
  },
  itemText: {
    flexGrow: 1,
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
  itemTitle: {
    display: "-webkit-box",
    WebkitLineClamp: 2,
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
  },
  meta: { color: tokens.colorNeutralForeground3 },
});

export interface OverduePanelProps {
  disabled: boolean;
  outcome: OverdueOutcome | null;
  onFlag(): void;
  onGoTo(row: number): void;
  onClearFilter(): void;
  feedback?: React.ReactNode;
}

export function OverduePanel({
  disabled,
  outcome,
  onFlag,
  onGoTo,
  onClearFilter,
  feedback,
}: OverduePanelProps): React.JSX.Element {
  const { t } = useT();
  const styles = useStyles();
  const counts = outcome?.counts;
  return (
    <div className={styles.stack}>
      <p className={styles.text}>{t.flagExplain}</p>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={onFlag} disabled={disabled}>
          {t.flagButton}
        </Button>
        {outcome ? (
          <Button onClick={onClearFilter} disabled={disabled}>
            {t.clearFilter}
          </Button>
        ) : null}
      </div>
      {feedback}
      {outcome && counts ? (
        <>
          <dl className={styles.counts} aria-label={t.countsCaptionOverdue}>
            <dt>{t.countsOverdue}</dt>
            <dd data-testid="overdue-split">
              {counts.overdueLead !== undefined && counts.overdueCoordinating !== undefined
                ? t.overdueSplit(counts.overdueLead, counts.overdueCoordinating)
                : counts.overdue}
            </dd>
            <dt>{t.countsOverdueQ4}</dt>
            <dd>{counts.overdueQ4}</dd>
            <dt>{t.countsDueSoon}</dt>
            <dd>{counts.dueSoon}</dd>
            <dt>{t.countsMissingEvidence}</dt>
            <dd>{counts.missingEvidence}</dd>
            <dt>{t.countsUnknownStatus}</dt>
            <dd>{counts.unknownStatus}</dd>
            <dt>{t.countsTotal}</dt>
            <dd>{counts.total}</dd>
          </dl>
          {outcome.filterApplied ? <p className={styles.text}>{t.filterApplied}</p> : null}
          <Subtitle2 as="h3" className={styles.heading}>
            {t.overdueListHeading}
          </Subtitle2>
          {outcome.items.length === 0 ? (
            <p className={styles.text}>{t.overdueNone}</p>
          ) : (
            <ul className={styles.list} data-testid="overdue-list">
              {outcome.items.slice(0, MAX_LISTED).map((item) => (
                <li key={item.row} className={styles.item}>
                  <div className={styles.itemText}>
                    <strong>{item.taskId}</strong>
                    <span className={styles.itemTitle} title={item.title}>
                      {item.title}
                    </span>
                    <span className={styles.meta}>
                      {item.unit}
                      {item.period ? ` · ${item.period}` : ""}
                    </span>
                  </div>
                  <Button
                    size="small"
                    onClick={() => onGoTo(item.row)}
                    disabled={disabled}
                    aria-label={t.goToLabel(item.taskId, item.unit)}
                  >
                    {t.goTo}
                  </Button>
                </li>
              ))}
            </ul>
          )}
          {outcome.items.length > MAX_LISTED ? (
            <p className={styles.text}>{t.overdueMore(outcome.items.length - MAX_LISTED)}</p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

export default OverduePanel;
