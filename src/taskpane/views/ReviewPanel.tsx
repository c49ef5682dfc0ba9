/**
 * 8. Thẩm định: the claims awaiting a verdict (capped, with a unit filter), each with its
 * evidence link (new tab, http/https only), three verdict buttons and "Đi tới"; one button
 * writes every chosen verdict.
 */
import * as React from "react";
import { Badge, Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useT, type Messages } from "../i18n";
import type { ReviewClaim } from "../app/types";

type Verdict = "accepted" | "rejected" | "incomplete";
const VERDICTS: ReadonlyArray<[Verdict, (t: Messages) => string]> = [
  ["accepted", (t) => t.verdictAccepted],
  ["rejected", (t) => t.verdictRejected],
  ["incomplete", (t) => t.verdictIncomplete],
];

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  text: { margin: 0, fontSize: tokens.fontSizeBase200 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    // Up to 50 cards: they scroll in their own box so the pane stays a page a person can scroll
    // through at 320 px (issue 19); the filter narrows them.
    maxHeight: "70vh",
    overflowY: "auto",
  },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
  head: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  meta: { color: tokens.colorNeutralForeground3 },
  title: {
    display: "-webkit-box",
    WebkitLineClamp: 2,
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
  },
});

export interface ReviewPanelProps {
  disabled: boolean;
  /** The list was read at least once. */
  listed: boolean;
  /** Claims awaiting review (all units). */
  total: number;
  /** The rows shown (filtered, capped). */
  shown: ReviewClaim[];
  /** Rows matching the filter. */
  matching: number;
  /** Matching rows not shown (over the cap). */
  rest: number;
  choices: Record<number, Verdict>;
  chosen: number;
  filter: string;
  onList(): void;
  onFilter(text: string): void;
  onChoose(row: number, verdict: Verdict): void;
  onClearChoices(): void;
  onWrite(): void;
  onGoTo(row: number): void;
  feedback?: React.ReactNode;
}

const isHttp = (url: string) => /^https?:\/\//i.test(url);

export function ReviewPanel(props: ReviewPanelProps): React.JSX.Element {
  const { t } = useT();
  const styles = useStyles();
  const { disabled, shown } = props;
  return (
    <div className={styles.stack}>
      <p className={styles.text}>{t.reviewExplain}</p>
      <div className={styles.buttons}>
        <Button
          appearance={props.listed ? "secondary" : "primary"}
          onClick={props.onList}
          disabled={disabled}
        >
          {t.reviewLoad}
        </Button>
      </div>
      {props.feedback}
      {props.listed && props.total > 0 ? (
        <>
          <Field label={t.reviewFilterLabel}>
            <Input
              type="search"
              autoComplete="off"
              data-testid="review-filter"
              value={props.filter}
              onChange={(_, d) => props.onFilter(d.value)}
            />
          </Field>
          <p className={styles.text} data-testid="review-showing">
            {t.reviewShowing(shown.length, props.total)}
          </p>
          {shown.length === 0 ? <p className={styles.text}>{t.reviewNoMatch}</p> : null}
          <ul
            className={styles.list}
            data-testid="review-list"
            aria-label={t.reviewListLabel}
            // a scrolling box is reachable by keyboard
            tabIndex={0}
          >
            {shown.map((c) => (
              <li key={c.row} className={styles.item}>
                <div className={styles.head}>
                  <strong>{c.taskId}</strong>
                  {c.missingEvidence ? (
                    <Badge color="danger" appearance="tint">
                      {t.reviewMissingEvidence}
                    </Badge>
                  ) : null}
                </div>
                <span className={styles.title} title={c.title} lang="vi">
                  {c.title}
                </span>
                <span className={styles.meta} lang="vi">
                  {c.unit}
                </span>
                {c.link && isHttp(c.link) ? (
                  <a
                    href={c.link}
                    target="_blank"
                    rel="noopener noreferrer"
                    aria-label={t.reviewOpenEvidenceLabel(c.taskId, c.unit)}
                  >
                    {t.reviewOpenEvidence}
                  </a>
                ) : c.evidence ? (
                  <span className={styles.meta} lang="vi">
                    {t.reviewEvidenceNotLink(c.evidence)}
                  </span>
                ) : null}
                <div
                  className={styles.buttons}
                  role="group"
                  aria-label={t.reviewVerdictLabel(c.taskId, c.unit)}
                >
                  {VERDICTS.map(([v, label]) => {
                    const on = props.choices[c.row] === v;
                    return (
                      <Button
                        key={v}
                        size="small"
                        appearance={on ? "primary" : "secondary"}
                        aria-pressed={on}
                        onClick={() => props.onChoose(c.row, v)}
                        disabled={disabled}
                      >
                        {label(t)}
                      </Button>
                    );
                  })}
                  <Button
                    size="small"
                    appearance="subtle"
                    onClick={() => props.onGoTo(c.row)}
                    disabled={disabled}
                    aria-label={t.goToLabel(c.taskId, c.unit)}
                  >
                    {t.goTo}
                  </Button>
                </div>
              </li>
            ))}
          </ul>
          {props.rest > 0 ? <p className={styles.text}>{t.reviewMore(props.rest)}</p> : null}
          <div className={styles.buttons}>
            <Button appearance="primary" onClick={props.onWrite} disabled={disabled || props.chosen === 0}>
              {t.reviewWrite(props.chosen)}
            </Button>
            {props.chosen > 0 ? (
              <Button onClick={props.onClearChoices} disabled={disabled}>
                {t.reviewClearChoices}
              </Button>
            ) : null}
          </div>
        </>
      ) : null}
    </div>
  );
}

export default ReviewPanel;
