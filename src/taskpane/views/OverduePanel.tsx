/**
 * 3. Đánh dấu quá hạn: counts, the Q4/recurring overdue list grouped by unit (each a disclosure,
 * collapsed, with its count; a filter box; at most PANE_OVERDUE_GROUPS groups) with "Đi tới" per
 * item, and "Bỏ lọc".
 */
import * as React from "react";
import { Button, Field, Input, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useT } from "../i18n";
import type { OverdueItem, OverdueOutcome } from "../app/types";
import { PANE_OVERDUE_GROUPS, groupOverdueByUnit } from "../../core/summary/paneList";

/** At most this many items listed inside one unit's group. */
export const MAX_LISTED = 100;

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  text: { margin: 0, fontSize: tokens.fontSizeBase200 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  counts: {
    margin: 0,
    display: "grid",
    // The label column keeps room for its words; a long figure (lead · coordinating) wraps instead.
    gridTemplateColumns: "minmax(9em, 1fr) auto",
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
  group: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    "& > summary": {
      cursor: "pointer",
      padding: "4px 6px",
      display: "flex",
      gap: tokens.spacingHorizontalS,
      fontSize: tokens.fontSizeBase200,
      listStyle: "none",
      "::-webkit-details-marker": { display: "none" },
      "::before": { content: '"▸"', flexShrink: 0 },
      ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
    },
    "&[open] > summary::before": { content: '"▾"' },
    "&[open] > ul": { padding: "0 6px 4px" },
  },
  groupName: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  groupCount: { flexShrink: 0, fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
});

function OverdueGroups({
  items,
  disabled,
  onGoTo,
}: {
  items: readonly OverdueItem[];
  disabled: boolean;
  onGoTo(row: number): void;
}): React.JSX.Element {
  const { t } = useT();
  const styles = useStyles();
  const [text, setText] = React.useState("");
  const grouped = React.useMemo(() => groupOverdueByUnit(items, text, PANE_OVERDUE_GROUPS), [items, text]);
  return (
    <>
      <Field label={t.overdueFilterLabel}>
        <Input type="search" value={text} onChange={(_, d) => setText(d.value)} />
      </Field>
      <p className={styles.text} aria-live="polite" data-testid="overdue-groups-count">
        {grouped.matchedItems === 0
          ? t.overdueNoMatch
          : t.overdueGroupsShown(grouped.matchedGroups, grouped.matchedItems)}
      </p>
      <div className={styles.list} data-testid="overdue-list">
        {grouped.groups.map((g) => (
          <details key={g.unit} className={styles.group} data-testid="overdue-group">
            <summary>
              <span className={styles.groupName} lang="vi">
                {g.unit}
              </span>
              <span className={styles.groupCount}>{t.overdueGroupCount(g.items.length)}</span>
            </summary>
            <ul className={styles.list}>
              {g.items.slice(0, MAX_LISTED).map((item) => (
                <li key={item.row} className={styles.item}>
                  <div className={styles.itemText}>
                    <strong>{item.taskId}</strong>
                    <span className={styles.itemTitle} title={item.title} lang="vi">
                      {item.title}
                    </span>
                    {item.period ? (
                      <span className={styles.meta} lang="vi">
                        {item.period}
                      </span>
                    ) : null}
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
            {g.items.length > MAX_LISTED ? (
              <p className={styles.text}>{t.overdueMore(g.items.length - MAX_LISTED)}</p>
            ) : null}
          </details>
        ))}
      </div>
      {grouped.restGroups > 0 ? (
        <p className={styles.text} data-testid="overdue-more">
          {t.overdueMoreGroups(grouped.restGroups, grouped.restItems)}
        </p>
      ) : null}
    </>
  );
}

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
            <OverdueGroups items={outcome.items} disabled={disabled} onGoTo={onGoTo} />
          )}
        </>
      ) : null}
    </div>
  );
}

export default OverduePanel;
