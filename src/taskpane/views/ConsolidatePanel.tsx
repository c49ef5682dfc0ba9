/**
 * 9. Tổng hợp từ đơn vị: a labelled file input (several .xlsx, keyboard accessible) inside a drop
 * zone; the preview (each file → unit, catalogue version, rows that would change, or the reason it
 * is refused), the conflicts (one choice for all, or per row), the units that have not reported;
 * one button writes. Reasons and cell values come from the files and the core, in Vietnamese
 * (lang="vi" in the English UI).
 */
import * as React from "react";
import { Button, makeStyles, Radio, RadioGroup, Field, tokens } from "@fluentui/react-components";
import { useT } from "../i18n";
import { useConsolidateT } from "../i18n/consolidate";
import type { ConflictPick, ConsolidationReport } from "../app/types";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  text: { margin: 0, fontSize: tokens.fontSizeBase200 },
  warn: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    padding: tokens.spacingVerticalS,
    borderLeft: `4px solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
  },
  drop: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalM,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
  },
  dropOver: {
    border: `2px dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  /** The native input stays in the page (labelled, for drops and tests) but out of sight: its
   * "Choose Files / No file chosen" is in the browser's language, not the pane's. */
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
  pickRow: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
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
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
  ok: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  bad: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground3 },
  h: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  details: { fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
});

export interface ConsolidatePanelProps {
  disabled: boolean;
  /** The workbook tracks one unit: the workflow is refused (its name). */
  oneUnit: string | null;
  filesRead: number;
  report: ConsolidationReport | null;
  /** Conflicts listed one by one (capped); the rest follow `all`. */
  conflictsShown: ConsolidationReport["conflicts"];
  all: ConflictPick;
  pickOf(c: ConsolidationReport["conflicts"][number]): ConflictPick;
  onFiles(files: File[]): void;
  onChooseAll(pick: ConflictPick): void;
  onChooseRow(c: ConsolidationReport["conflicts"][number], pick: ConflictPick): void;
  onApply(): void;
  onClear(): void;
  feedback?: React.ReactNode;
}

export function ConsolidatePanel(props: ConsolidatePanelProps): React.JSX.Element {
  const { lang } = useT();
  const t = useConsolidateT();
  const styles = useStyles();
  const [over, setOver] = React.useState(false);
  const inputId = React.useId();
  const inputRef = React.useRef<HTMLInputElement>(null);
  const vi = lang === "vi" ? undefined : "vi";
  const { report, disabled } = props;
  if (props.oneUnit !== null) {
    return (
      <div className={styles.stack}>
        <p className={styles.text}>{t.consolidateExplain}</p>
        <p className={styles.warn} role="note" data-testid="consolidate-one-unit">
          {t.consolidateOneUnit(props.oneUnit)}
        </p>
      </div>
    );
  }
  const pick = (list: FileList | null) => {
    if (list && list.length > 0) props.onFiles(Array.from(list));
  };
  const conflictCount = report?.conflicts.length ?? 0;
  return (
    <div className={styles.stack}>
      <p className={styles.text}>{t.consolidateExplain}</p>
      <div
        className={over ? `${styles.drop} ${styles.dropOver}` : styles.drop}
        data-testid="consolidate-drop"
        onDragOver={(e) => {
          e.preventDefault();
          if (!disabled) setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          if (!disabled) pick(e.dataTransfer.files);
        }}
      >
        <label htmlFor={inputId}>
          <strong>{t.consolidatePickLabel}</strong>
        </label>
        <div className={styles.pickRow}>
          <Button
            appearance={report ? "secondary" : "primary"}
            disabled={disabled}
            onClick={() => inputRef.current?.click()}
          >
            {t.consolidateChooseFiles}
          </Button>
          <span className={styles.meta}>{t.consolidateDrop}</span>
        </div>
        <input
          id={inputId}
          ref={inputRef}
          className={styles.hidden}
          tabIndex={-1}
          type="file"
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="consolidate-files"
          disabled={disabled}
          onChange={(e) => {
            pick(e.currentTarget.files);
            e.currentTarget.value = "";
          }}
        />
      </div>
      {props.feedback}
      {report ? (
        <>
          <p className={styles.text} data-testid="consolidate-summary">
            <strong>
              {t.consolidateSummary(report.accepted.length, report.rejected.length, report.superseded.length)}
            </strong>
            <br />
            {t.consolidateRowsConflicts(report.rowsUpdated, conflictCount)}
            <br />
            {t.consolidateReported(report.unitsReported, report.unitsExpected)}
          </p>
          <ul
            className={styles.list}
            aria-label={t.consolidateFilesLabel}
            data-testid="consolidate-file-list"
          >
            {report.accepted.map((a) => {
              const extra = report.extraTasks.filter((x) => x.file === a.file).length;
              const other = report.otherUnitRows.find((x) => x.file === a.file)?.count ?? 0;
              return (
                <li key={`a:${a.file}`} className={styles.item}>
                  <span>
                    <span className={styles.ok} aria-hidden="true">
                      ✔{" "}
                    </span>
                    <strong>{a.file}</strong>
                  </span>
                  <span>{t.consolidateAccepted(a.unit, a.catalogueVersion, a.rowsUpdated)}</span>
                  {extra > 0 ? <span className={styles.meta}>{t.consolidateExtraTasks(extra)}</span> : null}
                  {other > 0 ? <span className={styles.meta}>{t.consolidateOtherRows(other)}</span> : null}
                  {a.notes.map((n) => (
                    <span key={n} className={styles.meta} lang={vi}>
                      {n}
                    </span>
                  ))}
                </li>
              );
            })}
            {report.rejected.map((r) => (
              <li key={`r:${r.file}`} className={styles.item}>
                <span>
                  <span className={styles.bad}>✘ {t.consolidateRejected}: </span>
                  <strong>{r.file}</strong>
                </span>
                <span lang={vi}>{r.reason}</span>
              </li>
            ))}
            {report.superseded.map((s) => (
              <li key={`s:${s.file}`} className={styles.item}>
                <span>
                  <strong>{s.file}</strong> <span className={styles.meta}>({s.unit})</span>
                </span>
                <span className={styles.meta}>{t.consolidateSuperseded(s.by)}</span>
              </li>
            ))}
          </ul>
          {conflictCount > 0 ? (
            <>
              <h3 className={styles.h}>{t.consolidateConflictsTitle(conflictCount)}</h3>
              <Field label={t.consolidateAllLabel}>
                <RadioGroup
                  value={props.all}
                  onChange={(_, d) => props.onChooseAll(d.value as ConflictPick)}
                  disabled={disabled}
                  data-testid="consolidate-all"
                >
                  <Radio value="province" label={t.consolidateKeepProvince} />
                  <Radio value="unit" label={t.consolidateTakeUnit} />
                </RadioGroup>
              </Field>
              <ul className={styles.list} data-testid="consolidate-conflicts">
                {props.conflictsShown.map((c) => {
                  const p = props.pickOf(c);
                  return (
                    <li key={`${c.file}:${c.taskId}`} className={styles.item}>
                      <span>
                        <strong>{c.taskId}</strong> — {c.unit}
                      </span>
                      {c.fields.map((f) => (
                        <span key={f.column} lang={vi}>
                          {t.consolidateConflictField(f.column, f.province ?? "", f.unit ?? "")}
                        </span>
                      ))}
                      <div
                        className={styles.buttons}
                        role="group"
                        aria-label={t.consolidateConflictLabel(c.taskId, c.unit)}
                      >
                        {(["province", "unit"] as const).map((v) => (
                          <Button
                            key={v}
                            size="small"
                            appearance={p === v ? "primary" : "secondary"}
                            aria-pressed={p === v}
                            disabled={disabled}
                            onClick={() => props.onChooseRow(c, v)}
                          >
                            {v === "province" ? t.consolidateKeepProvince : t.consolidateTakeUnit}
                          </Button>
                        ))}
                      </div>
                    </li>
                  );
                })}
              </ul>
              {conflictCount > props.conflictsShown.length ? (
                <p className={styles.text}>
                  {t.consolidateMoreConflicts(conflictCount - props.conflictsShown.length)}
                </p>
              ) : null}
            </>
          ) : null}
          {report.unitsMissing.length > 0 ? (
            <details className={styles.details}>
              <summary>{t.consolidateMissingTitle(report.unitsMissing.length)}</summary>
              <span lang={vi}>{report.unitsMissing.join("; ")}</span>
            </details>
          ) : null}
          <div className={styles.buttons}>
            <Button
              appearance="primary"
              onClick={props.onApply}
              disabled={disabled || report.accepted.length === 0}
              data-testid="consolidate-apply"
            >
              {t.consolidateApply(report.accepted.length)}
            </Button>
            <Button onClick={props.onClear} disabled={disabled}>
              {t.consolidateClear}
            </Button>
          </div>
        </>
      ) : props.filesRead > 0 ? (
        <p className={styles.text}>{t.consolidateFilesRead(props.filesRead)}</p>
      ) : null}
    </div>
  );
}

export default ConsolidatePanel;
