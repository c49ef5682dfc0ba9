/** First screen: what the open workbook tracks (catalogue, official or sample, report date). */
import * as React from "react";
import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DEMO_CATALOGUE_ID, type TrackerStatus } from "../app/types";
import { useT } from "../i18n";

const useStyles = makeStyles({
  root: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}` },
  heading: { margin: `0 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase400 },
  dl: {
    margin: 0,
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    rowGap: "2px",
  },
  dt: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  dd: { margin: 0, overflowWrap: "anywhere", fontSize: tokens.fontSizeBase200 },
  badge: { marginLeft: tokens.spacingHorizontalXS, verticalAlign: "middle" },
  text: { margin: `${tokens.spacingVerticalXS} 0`, fontSize: tokens.fontSizeBase200 },
  actions: { marginTop: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: "1.2em" },
});

export interface StatusCardProps {
  /** null: outside Excel. */
  connected: boolean;
  status: TrackerStatus | null;
  disabled: boolean;
  onRefresh(): void;
  /** An error reading the workbook (rendered by the App). */
  feedback?: React.ReactNode;
}

export function CatalogueBadge({ id, official }: { id: string; official: boolean }): React.JSX.Element {
  const { t } = useT();
  const styles = useStyles();
  if (official) {
    return (
      <Badge appearance="tint" color="success" className={styles.badge}>
        {t.badgeOfficial}
      </Badge>
    );
  }
  return (
    <Badge appearance="tint" color="warning" className={styles.badge}>
      {id === DEMO_CATALOGUE_ID ? t.badgeSample : t.badgeUnofficial}
    </Badge>
  );
}

export function StatusCard({
  connected,
  status,
  disabled,
  onRefresh,
  feedback,
}: StatusCardProps): React.JSX.Element {
  const { t, date } = useT();
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="status-heading">
      <Subtitle2 as="h2" id="status-heading" className={styles.heading}>
        {t.statusHeading}
      </Subtitle2>
      {!connected ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.noExcelTitle}</MessageBarTitle>
            <p className={styles.text}>{t.noExcelBody}</p>
            <p className={styles.text}>
              <strong>{t.nextStep}</strong> {t.noExcelHint}
            </p>
          </MessageBarBody>
        </MessageBar>
      ) : status === null ? (
        <p className={styles.text}>{t.statusUnknown}</p>
      ) : !status.exists ? (
        <p className={styles.text}>{t.statusNone}</p>
      ) : (
        <dl className={styles.dl}>
          <dt className={styles.dt}>{t.statusCatalogue}</dt>
          <dd className={styles.dd}>
            <span lang="vi">{status.catalogue?.title || "—"}</span>
            {status.catalogue ? (
              <CatalogueBadge id={status.catalogue.id} official={status.catalogue.official} />
            ) : null}
          </dd>
          <dt className={styles.dt}>{t.statusId}</dt>
          <dd className={styles.dd}>{status.catalogue?.id || "—"}</dd>
          <dt className={styles.dt}>{t.statusUnit}</dt>
          <dd className={styles.dd}>
            {status.catalogue?.unitName ? (
              <span lang="vi">{status.catalogue.unitName}</span>
            ) : (
              t.statusAllUnits
            )}
          </dd>
          <dt className={styles.dt}>{t.statusReportDate}</dt>
          <dd className={styles.dd}>
            {status.reportDate ? date(status.reportDate) : t.statusReportDateMissing}
            {status.reportDateIsToday ? ` ${t.statusReportDateToday}` : ""}
          </dd>
        </dl>
      )}
      {connected && status && status.problems.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.statusProblems}</MessageBarTitle>
            <ul className={styles.list} lang="vi">
              {status.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {feedback}
      {connected ? (
        <div className={styles.actions}>
          <Button size="small" onClick={onRefresh} disabled={disabled}>
            {t.statusRefresh}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
