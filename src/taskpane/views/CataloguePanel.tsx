/**
 * 1. Nạp danh mục: choose the source (bundled catalogues — the demonstration plan first with
 * its badge —, an https address, or the unit's own table), optionally one unit, then load.
 */
import * as React from "react";
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { BUNDLED_CATALOGUES } from "../../core/catalogue/bundled";

/** The bundled catalogue that has sample progress (kept literal: the view must not load the generator). */
const DEMO_PROGRESS_CATALOGUE = "demo-2024";
import { useT } from "../i18n";
import {
  SOURCE_SHEET,
  SOURCE_URL,
  type CatalogueField,
  type ImportState,
  type PullResult,
  type SourceChoice,
  type Unit,
} from "../app/types";
import { PullResultView } from "./PullResultView";

const UnitPicker = React.lazy(() => import(/* webpackChunkName: "view-unit-picker" */ "./UnitPicker"));
const ImportMapping = React.lazy(
  () => import(/* webpackChunkName: "view-import-mapping" */ "./ImportMapping"),
);

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  radioLabel: { display: "inline" },
  badge: { marginLeft: tokens.spacingHorizontalXS, verticalAlign: "middle" },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface CataloguePanelProps {
  disabled: boolean;
  source: SourceChoice | null;
  onSourceChange(source: SourceChoice): void;
  url: string;
  onUrlChange(url: string): void;
  onlyUnit: boolean;
  onOnlyUnitChange(only: boolean): void;
  /**
   * The scope of the tracker already in the workbook — a unit name, or null for all units;
   * undefined when the workbook has no tracker yet. A re-pull keeps it, so the unit choice is locked.
   */
  trackedUnit?: string | null;
  /** null while loading. */
  units: readonly Unit[] | null;
  unitId: string | null;
  onUnitChange(id: string | null): void;
  onPull(source: SourceChoice): void;
  onReadSheet(): void;
  importState: ImportState | null;
  onHeaderRowChange(row: number): void;
  onMapChange(field: CatalogueField, column: number | undefined): void;
  /** A successor chosen for an old-map name of the table (null: keep the name as written). */
  onSuccessorChange?(written: string, choice: string | null): void;
  onImport(): void;
  onCancelImport(): void;
  result: PullResult | null;
  /** demo-2024 on a first build: also load its sample progress (tiến độ minh họa). */
  sampleProgress?: boolean;
  onSampleProgressChange?(on: boolean): void;
  /** The action's message (rendered by the App). */
  feedback?: React.ReactNode;
}

export function CataloguePanel(props: CataloguePanelProps): React.JSX.Element {
  const { t, lang } = useT();
  const styles = useStyles();
  const known = [...BUNDLED_CATALOGUES.map((c) => c.id as string), SOURCE_URL, SOURCE_SHEET];
  const source =
    props.source !== null && known.includes(props.source) ? props.source : BUNDLED_CATALOGUES[0].id;
  return (
    <div className={styles.stack}>
      <Field label={t.sourceLegend}>
        <RadioGroup
          value={source}
          onChange={(_, data) => props.onSourceChange(data.value)}
          disabled={props.disabled}
        >
          {BUNDLED_CATALOGUES.map((c) => (
            <Radio
              key={c.id}
              value={c.id}
              data-testid={`source-${c.id}`}
              label={
                <span className={styles.radioLabel}>
                  {lang === "vi" ? c.vi : c.en}
                  {!c.official ? (
                    <Badge appearance="filled" color="warning" className={styles.badge}>
                      {t.badgeSample}
                    </Badge>
                  ) : null}
                </span>
              }
            />
          ))}
          <Radio value={SOURCE_URL} label={t.sourceUrl} />
          <Radio value={SOURCE_SHEET} label={t.sourceSheet} />
        </RadioGroup>
      </Field>

      {source === SOURCE_URL ? (
        <Field label={t.urlLabel} hint={t.urlHint}>
          <Input
            type="url"
            inputMode="url"
            value={props.url}
            placeholder="https://…"
            onChange={(_, data) => props.onUrlChange(data.value)}
            disabled={props.disabled}
          />
        </Field>
      ) : null}

      {source === DEMO_PROGRESS_CATALOGUE &&
      props.trackedUnit === undefined &&
      props.onSampleProgressChange ? (
        <Checkbox
          data-testid="sample-progress"
          label={t.sampleProgressLabel}
          checked={props.sampleProgress === true}
          onChange={(_, data) => props.onSampleProgressChange?.(data.checked === true)}
          disabled={props.disabled}
        />
      ) : null}

      {props.trackedUnit !== undefined ? (
        <>
          <Checkbox label={t.onlyUnitLabel} checked={props.trackedUnit !== null} disabled />
          <p className={styles.hint} data-testid="scope-hint">
            <WithVietnamese text={t.scopeKept(props.trackedUnit)} vi={props.trackedUnit} />
          </p>
        </>
      ) : (
        <Checkbox
          label={t.onlyUnitLabel}
          checked={props.onlyUnit}
          onChange={(_, data) => props.onOnlyUnitChange(data.checked === true)}
          disabled={props.disabled}
        />
      )}
      {props.trackedUnit === undefined && props.onlyUnit ? (
        <React.Suspense fallback={<Spinner size="tiny" label={t.loadingPanel} />}>
          {props.units ? (
            <UnitPicker
              units={props.units}
              unitId={props.unitId}
              onUnitChange={props.onUnitChange}
              disabled={props.disabled}
            />
          ) : (
            <Spinner size="tiny" label={t.unitsLoading} />
          )}
        </React.Suspense>
      ) : null}

      {source === SOURCE_SHEET ? (
        <>
          <p className={styles.hint}>{t.readSheetHint}</p>
          <div className={styles.buttons}>
            <Button
              appearance={props.importState ? "secondary" : "primary"}
              onClick={props.onReadSheet}
              disabled={props.disabled}
            >
              {t.readSheetButton}
            </Button>
          </div>
        </>
      ) : (
        <div className={styles.buttons}>
          <Button appearance="primary" onClick={() => props.onPull(source)} disabled={props.disabled}>
            {t.pullButton}
          </Button>
        </div>
      )}

      {props.feedback}

      {source === SOURCE_SHEET && props.importState ? (
        <React.Suspense fallback={<Spinner size="tiny" label={t.loadingPanel} />}>
          <ImportMapping
            state={props.importState}
            disabled={props.disabled}
            onHeaderRowChange={props.onHeaderRowChange}
            onMapChange={props.onMapChange}
            onSuccessorChange={props.onSuccessorChange}
            onImport={props.onImport}
            onCancel={props.onCancelImport}
          />
        </React.Suspense>
      ) : null}

      {props.result ? <PullResultView result={props.result} /> : null}
    </div>
  );
}

export default CataloguePanel;

/** `text` with its Vietnamese fragment `vi` (a unit's name) marked lang="vi". */
function WithVietnamese({ text, vi }: { text: string; vi: string | null }): React.JSX.Element {
  const at = vi ? text.indexOf(vi) : -1;
  if (!vi || at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <span lang="vi">{vi}</span>
      {text.slice(at + vi.length)}
    </>
  );
}
