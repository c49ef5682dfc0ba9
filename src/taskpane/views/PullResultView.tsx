/** What a pull changed: rows added / changed / removed, warnings, cleared filters, and a warning for a non-official catalogue. */
import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { useT } from "../i18n";
import { DEMO_CATALOGUE_ID, type PullResult } from "../app/types";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      padding: "2px 4px",
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      textAlign: "right",
    },
    "& th:first-child, & td:first-child": { textAlign: "left" },
    "& caption": { textAlign: "left", fontWeight: tokens.fontWeightSemibold, paddingBottom: "2px" },
  },
  text: { margin: 0, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  list: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: "1.2em", fontSize: tokens.fontSizeBase200 },
});

export function PullResultView({ result }: { result: PullResult }): React.JSX.Element {
  const { t } = useT();
  const styles = useStyles();
  const { outcome, catalogue, warnings } = result;
  const rows = [
    { label: t.countTasks, c: outcome.tasks },
    { label: t.countAssignments, c: outcome.assignments },
  ];
  return (
    <div className={styles.root} data-testid="pull-result">
      {!catalogue.official ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {catalogue.id === DEMO_CATALOGUE_ID ? t.demoWarning : t.unofficialWarning}
            </MessageBarTitle>
            <p className={styles.text}>
              {catalogue.id === DEMO_CATALOGUE_ID
                ? t.demoWarningBody
                : t.unofficialWarningBody(catalogue.document)}
            </p>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <table className={styles.table}>
        <caption>{t.countsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.countWhat}</th>
            <th scope="col">{t.countAdded}</th>
            <th scope="col">{t.countChanged}</th>
            <th scope="col">{t.countRemoved}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td>{r.c.added}</td>
              <td>{r.c.changed}</td>
              <td>{r.c.removed}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {outcome.clearedFilters.length > 0 ? (
        <p className={styles.text}>{t.clearedFilters(outcome.clearedFilters.join(", "))}</p>
      ) : null}
      {warnings.length > 0 ? (
        <details>
          <summary className={styles.text}>{t.warningsSummary(warnings.length)}</summary>
          <ul className={styles.list} lang="vi">
            {warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
