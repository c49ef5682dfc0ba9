/**
 * Tổng hợp theo đơn vị: unit, assigned, done, overdue, rate ("85,5 %" in Vietnamese), points,
 * and the total row. At 320 px the table scrolls horizontally inside its own region; long unit
 * names are truncated with the full name in a tooltip (and in the text read by screen readers).
 */
import * as React from "react";
import { Tooltip, makeStyles, tokens } from "@fluentui/react-components";
import { useT } from "../i18n";
import type { SummaryOutcome } from "../app/types";

const LONG_NAME = 22;

const useStyles = makeStyles({
  region: {
    overflowX: "auto",
    maxWidth: "100%",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: "tabular-nums",
    "& th, & td": {
      padding: "3px 6px",
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      whiteSpace: "nowrap",
    },
    "& thead th": {
      textAlign: "right",
      backgroundColor: tokens.colorNeutralBackground3,
      fontWeight: tokens.fontWeightSemibold,
    },
    "& td": { textAlign: "right" },
    "& tbody th, & thead th:first-child": { textAlign: "left" },
  },
  caption: {
    textAlign: "left",
    padding: "4px 6px",
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: "normal",
  },
  unitCell: {
    position: "sticky",
    left: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    maxWidth: "9.5em",
    overflow: "hidden",
    textOverflow: "ellipsis",
    fontWeight: tokens.fontWeightRegular,
  },
  unitHead: { position: "sticky", left: 0, zIndex: 1 },
  totalRow: {
    fontWeight: tokens.fontWeightSemibold,
    "& th, & td": { borderTop: `2px solid ${tokens.colorNeutralStroke1}` },
  },
  name: { display: "block", overflow: "hidden", textOverflow: "ellipsis" },
});

export function SummaryTable({ summary }: { summary: SummaryOutcome }): React.JSX.Element {
  const { t, percent, number, date } = useT();
  const styles = useStyles();
  const captionId = React.useId();
  const { lines, total } = summary;
  const unitName = (name: string) =>
    name.length > LONG_NAME ? (
      <Tooltip content={name} relationship="description">
        <span className={styles.name} tabIndex={0}>
          {name}
        </span>
      </Tooltip>
    ) : (
      <span className={styles.name}>{name}</span>
    );
  return (
    <div className={styles.region} role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={styles.table} data-testid="summary-table">
        <caption id={captionId} className={styles.caption}>
          {t.summaryCaption(date(summary.settings.reportDate))}
        </caption>
        <thead>
          <tr>
            <th scope="col" className={styles.unitHead}>
              {t.colUnit}
            </th>
            <th scope="col">{t.colAssigned}</th>
            <th scope="col">{t.colDone}</th>
            <th scope="col">{t.colOverdue}</th>
            <th scope="col">{t.colRate}</th>
            <th scope="col">{t.colPoints}</th>
          </tr>
        </thead>
        <tbody>
          {lines.length === 0 ? (
            <tr>
              <td colSpan={6} style={{ textAlign: "left" }}>
                {t.summaryEmpty}
              </td>
            </tr>
          ) : null}
          {lines.map((l) => (
            <tr key={l.unitId ?? `text:${l.unit}`}>
              <th scope="row" className={styles.unitCell}>
                {unitName(l.unit)}
              </th>
              <td>{l.assigned}</td>
              <td>{l.done}</td>
              <td>{l.overdue}</td>
              <td>{percent(l.completionRate)}</td>
              <td>{number(l.points)}</td>
            </tr>
          ))}
          <tr className={styles.totalRow} data-testid="summary-total">
            <th scope="row" className={styles.unitCell}>
              {t.totalRow}
            </th>
            <td>{total.assigned}</td>
            <td>{total.done}</td>
            <td>{total.overdue}</td>
            <td>{percent(total.completionRate)}</td>
            <td>—</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
