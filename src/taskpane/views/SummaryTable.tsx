/**
 * Tổng hợp theo đơn vị as it fits a 320 px pane: one unit per row (its full name wrapping, never
 * cut; done/assigned and overdue under it), its completion rate ("85,5 %" in Vietnamese) and
 * points. Sorted by rate (lowest first, a button turns the order), filtered by name (marks ignored)
 * and by level (sở/ngành, huyện, xã), at most PANE_SUMMARY_CAP rows: the full table is the sheet's.
 */
import * as React from "react";
import { Button, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useT } from "../i18n";
import type { SummaryOutcome } from "../app/types";
import { PANE_SUMMARY_CAP, paneSummaryList, type PaneLevel } from "../../core/summary/paneList";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  controls: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(12em, 1fr))",
    gap: tokens.spacingHorizontalS,
    alignItems: "end",
    "& > *": { minWidth: 0 },
  },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  region: {
    maxWidth: "100%",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    tableLayout: "fixed",
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: "tabular-nums",
    "& th, & td": {
      padding: "3px 6px",
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      verticalAlign: "top",
    },
    "& thead th": {
      textAlign: "right",
      backgroundColor: tokens.colorNeutralBackground3,
      fontWeight: tokens.fontWeightSemibold,
    },
    "& td": { textAlign: "right", whiteSpace: "nowrap" },
    "& tbody th, & thead th:first-child": { textAlign: "left" },
  },
  rateCol: { width: "4.6em" },
  pointsCol: { width: "3.4em" },
  caption: {
    textAlign: "left",
    padding: "4px 6px",
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: "normal",
  },
  unitCell: { fontWeight: tokens.fontWeightRegular, overflowWrap: "anywhere", whiteSpace: "normal" },
  name: { display: "block" },
  meta: { display: "block", color: tokens.colorNeutralForeground3 },
  totalRow: {
    fontWeight: tokens.fontWeightSemibold,
    "& th, & td": { borderTop: `2px solid ${tokens.colorNeutralStroke1}` },
  },
});

type LevelChoice = PaneLevel | "all";

export function SummaryTable({ summary }: { summary: SummaryOutcome }): React.JSX.Element {
  const { t, percent, number, date } = useT();
  const styles = useStyles();
  const captionId = React.useId();
  const [text, setText] = React.useState("");
  const [level, setLevel] = React.useState<LevelChoice>("all");
  const [order, setOrder] = React.useState<"asc" | "desc">("asc");
  const { lines, total } = summary;
  const list = React.useMemo(
    () => paneSummaryList(lines, { text, level, order, cap: PANE_SUMMARY_CAP }),
    [lines, text, level, order],
  );
  const levels: Array<[LevelChoice, string]> = [
    ["all", t.levelAll],
    ["department", t.levelDepartment],
    ["district", t.levelDistrict],
    ["commune", t.levelCommune],
  ];
  const orderLabel = order === "asc" ? t.sortLowestFirst : t.sortHighestFirst;
  return (
    <div className={styles.stack}>
      <div className={styles.controls}>
        <Field label={t.summaryFilterLabel} hint={t.summaryFilterHint}>
          <Input
            type="search"
            value={text}
            placeholder={t.summaryFilterPlaceholder}
            onChange={(_, d) => setText(d.value)}
          />
        </Field>
        <Field label={t.summaryLevelLabel}>
          <Select value={level} onChange={(_, d) => setLevel(d.value as LevelChoice)}>
            {levels.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={styles.controls}>
        <Button onClick={() => setOrder(order === "asc" ? "desc" : "asc")} data-testid="summary-order">
          <span aria-hidden="true">{order === "asc" ? "↑\u00a0" : "↓\u00a0"}</span>
          {t.sortToggleLabel(orderLabel)}
        </Button>
      </div>
      <p className={styles.note} aria-live="polite" data-testid="summary-count">
        {t.summaryShown(list.shown.length, list.matched, lines.length)}
      </p>
      <div className={styles.region} role="region" aria-labelledby={captionId}>
        <table className={styles.table} data-testid="summary-table">
          <caption id={captionId} className={styles.caption}>
            {t.summaryCaption(date(summary.settings.reportDate))}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t.colUnit}</th>
              <th scope="col" className={styles.rateCol}>
                {t.colRate}
              </th>
              <th scope="col" className={styles.pointsCol}>
                {t.colPoints}
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.length === 0 || list.matched === 0 ? (
              <tr>
                <td colSpan={3} style={{ textAlign: "left", whiteSpace: "normal" }}>
                  {lines.length === 0 ? t.summaryEmpty : t.summaryNoMatch}
                </td>
              </tr>
            ) : null}
            {list.shown.map((l) => (
              <tr key={l.unitId ?? `text:${l.unit}`}>
                <th scope="row" className={styles.unitCell}>
                  <span className={styles.name} lang="vi">
                    {l.unit}
                  </span>
                  <span className={styles.meta}>{t.summaryLineMeta(l.done, l.assigned, l.overdue)}</span>
                </th>
                <td>{percent(l.completionRate)}</td>
                <td>{number(l.points)}</td>
              </tr>
            ))}
            <tr className={styles.totalRow} data-testid="summary-total">
              <th scope="row" className={styles.unitCell}>
                <span className={styles.name}>{t.totalRow}</span>
                <span className={styles.meta}>
                  {t.summaryLineMeta(total.done, total.assigned, total.overdue)}
                </span>
              </th>
              <td>{percent(total.completionRate)}</td>
              <td>—</td>
            </tr>
          </tbody>
        </table>
      </div>
      {list.rest > 0 ? (
        <p className={styles.note} data-testid="summary-more">
          {t.summaryMore(list.rest)}
        </p>
      ) : null}
    </div>
  );
}
