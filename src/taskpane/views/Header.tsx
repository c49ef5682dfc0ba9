/** Title, language switch, and the progress of the running action (sticky at the top while busy). */
import * as React from "react";
import { Body1, Select, Title3, makeStyles, mergeClasses, tokens, useId } from "@fluentui/react-components";
import { useT, type Language } from "../i18n";

const useStyles = makeStyles({
  // The progress bar is drawn here (a div with role="progressbar") rather than with Fluent's
  // ProgressBar, which would add about 3 KB gzip to the first screen for one thin bar.
  track: {
    height: "4px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground6,
    overflow: "hidden",
  },
  fill: {
    height: "100%",
    backgroundColor: tokens.colorCompoundBrandBackground,
    transitionProperty: "width",
    transitionDuration: tokens.durationNormal,
  },
  indeterminate: {
    width: "33%",
    animationName: { from: { transform: "translateX(-100%)" }, to: { transform: "translateX(300%)" } },
    animationDuration: "1.5s",
    animationIterationCount: "infinite",
    animationTimingFunction: "linear",
    "@media (prefers-reduced-motion: reduce)": { animationName: "none", width: "100%", opacity: 0.5 },
  },
  root: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  row: {
    display: "flex",
    alignItems: "flex-start",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  subtitle: { display: "block", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  lang: { display: "flex", flexDirection: "column", alignItems: "flex-end", flexShrink: 0 },
  langLabel: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3 },
  select: { minWidth: "7.5em" },
  // Only the progress sticks to the top while an action runs (the title would take a third of a 320 px pane).
  busy: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: `0 ${tokens.spacingHorizontalM}`,
  },
  busyActive: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    boxShadow: tokens.shadow4,
  },
  busyText: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export interface HeaderProps {
  language: Language;
  onLanguageChange(lang: Language): void;
  busy: { label: string; progress: number | null } | null;
}

export function Header({ language, onLanguageChange, busy }: HeaderProps): React.JSX.Element {
  const { t } = useT();
  const styles = useStyles();
  const selectId = useId("lang");
  const value = busy?.progress != null ? Math.min(1, Math.max(0, busy.progress)) : undefined;
  const percent = value === undefined ? null : Math.round(value * 100);
  return (
    <>
      <header className={styles.root}>
        <div className={styles.row}>
          <div>
            <Title3 as="h1" className={styles.title}>
              {t.appTitle}
            </Title3>
            <Body1 className={styles.subtitle}>{t.appSubtitle}</Body1>
          </div>
          <div className={styles.lang}>
            <label htmlFor={selectId} className={styles.langLabel}>
              {t.languageLabel}
            </label>
            <Select
              id={selectId}
              size="small"
              className={styles.select}
              value={language}
              onChange={(_, data) => onLanguageChange(data.value === "en" ? "en" : "vi")}
            >
              <option value="vi" lang="vi">
                {t.languageVi}
              </option>
              <option value="en" lang="en">
                {t.languageEn}
              </option>
            </Select>
          </div>
        </div>
      </header>
      <div
        role="status"
        aria-live="polite"
        className={mergeClasses(styles.busy, busy ? styles.busyActive : undefined)}
      >
        {busy ? (
          <>
            <span className={styles.busyText}>
              {busy.label}
              {percent !== null ? ` — ${t.progressDone(percent)}` : ""}
            </span>
            <div
              role="progressbar"
              aria-label={busy.label}
              aria-valuemin={0}
              aria-valuemax={1}
              aria-valuenow={value}
              className={styles.track}
            >
              <div
                className={mergeClasses(styles.fill, value === undefined ? styles.indeterminate : undefined)}
                style={value === undefined ? undefined : { width: `${value * 100}%` }}
              />
            </div>
          </>
        ) : null}
      </div>
    </>
  );
}
