/**
 * "Bảng của đơn vị": the header row and the column found for each catalogue field, each
 * correctable (a Dropdown of the sheet's column headers, with "(không có)").
 */
import * as React from "react";
import {
  Button,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { CATALOGUE_FIELDS } from "../../core/catalogue/types";
import { columnLabels } from "../app/sheetImport";
import { useT } from "../i18n";
import type { CatalogueField, ImportState } from "../app/types";

const NONE = "none";
const REQUIRED: ReadonlySet<CatalogueField> = new Set(["title", "lead"]);

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300 },
  intro: { margin: 0, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  rowInput: { maxWidth: "8em" },
  dropdown: { minWidth: 0, width: "100%" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

export interface ImportMappingProps {
  state: ImportState;
  disabled: boolean;
  onHeaderRowChange(row: number): void;
  onMapChange(field: CatalogueField, column: number | undefined): void;
  /** A successor chosen for an old-map name (null: keep the name as written). */
  onSuccessorChange?(written: string, choice: string | null): void;
  onImport(): void;
  onCancel(): void;
}

export function ImportMapping({
  state,
  disabled,
  onHeaderRowChange,
  onMapChange,
  onSuccessorChange,
  onImport,
  onCancel,
}: ImportMappingProps): React.JSX.Element {
  const { t } = useT();
  const styles = useStyles();
  const { table, headerRow, map } = state;
  const labels = React.useMemo(
    () => columnLabels(table.rows, headerRow, table.address, t.emptyHeader, state.headers),
    [table, headerRow, t.emptyHeader, state.headers],
  );
  const ambiguities = state.ambiguities ?? [];
  const decisions = state.decisions ?? [];
  const [rowDraft, setRowDraft] = React.useState(String(headerRow + 1));
  React.useEffect(() => setRowDraft(String(headerRow + 1)), [headerRow]);
  const rowCount = table.rows.length;
  const commitRow = (text: string) => {
    const n = Number(text);
    if (Number.isInteger(n) && n >= 1 && n <= rowCount && n - 1 !== headerRow) onHeaderRowChange(n - 1);
  };
  return (
    <section className={styles.root} aria-labelledby="mapping-heading">
      <Subtitle2 as="h3" id="mapping-heading" className={styles.heading}>
        {t.mappingHeading}
      </Subtitle2>
      <p className={styles.intro}>{t.mappingIntro(table.address)}</p>
      {state.refusal ? (
        <MessageBar intent="error" layout="multiline" data-testid="mapping-refusal">
          <MessageBarBody>
            <MessageBarTitle>{t.mappingRefusal}</MessageBarTitle> <span lang="vi">{state.refusal}</span>
          </MessageBarBody>
        </MessageBar>
      ) : !state.detected ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.mappingNotDetected}</MessageBarBody>
        </MessageBar>
      ) : null}
      {ambiguities.length > 0 ? (
        <MessageBar intent="warning" layout="multiline" data-testid="mapping-ambiguities">
          <MessageBarBody>
            <MessageBarTitle>{t.mappingAmbiguities}</MessageBarTitle>
            <ul className={styles.list} lang="vi">
              {ambiguities.map((a, i) => (
                <li key={i}>{a}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {decisions.length > 0 ? (
        <MessageBar intent="info" layout="multiline" data-testid="mapping-decisions">
          <MessageBarBody>
            <MessageBarTitle>{t.mappingDecisions}</MessageBarTitle>
            <ul className={styles.list} lang="vi">
              {decisions.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {state.lineage && state.lineage.length > 0 ? (
        <MessageBar intent="warning" layout="multiline" data-testid="mapping-lineage">
          <MessageBarBody>
            <MessageBarTitle>{t.lineageTitle(state.lineage.length)}</MessageBarTitle>
            <ul className={styles.list}>
              {state.lineage.map((f) => {
                const chosen = state.successorChoices?.[f.written];
                const options = [
                  ...f.successors.map((s) => [s, s]),
                  ...(f.all ? [[f.all, t.lineageAll(f.successors.length)]] : []),
                ];
                return (
                  <li key={f.written} data-written={f.written}>
                    <span lang="vi">{f.message}</span>
                    <div className={styles.intro}>{t.lineageTasks(f.taskIds.join(", "))}</div>
                    <Field label={t.lineageChoice(f.written)}>
                      <Dropdown
                        className={styles.dropdown}
                        value={
                          chosen === undefined
                            ? t.lineageKeep
                            : chosen === f.all
                              ? t.lineageAll(f.successors.length)
                              : chosen
                        }
                        selectedOptions={[chosen ?? NONE]}
                        disabled={disabled}
                        data-lineage={f.written}
                        onOptionSelect={(_, data) =>
                          onSuccessorChange?.(
                            f.written,
                            data.optionValue === undefined || data.optionValue === NONE
                              ? null
                              : data.optionValue,
                          )
                        }
                      >
                        <Option value={NONE}>{t.lineageKeep}</Option>
                        {options.map(([value, label]) => (
                          <Option key={value} value={value} text={label}>
                            {label}
                          </Option>
                        ))}
                      </Dropdown>
                    </Field>
                  </li>
                );
              })}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Field label={t.headerRowLabel}>
        <Input
          type="number"
          min={1}
          max={rowCount}
          className={styles.rowInput}
          value={rowDraft}
          disabled={disabled}
          onChange={(_, data) => {
            setRowDraft(data.value);
            commitRow(data.value);
          }}
        />
      </Field>
      {CATALOGUE_FIELDS.map((field) => {
        const column = map[field];
        const value = column === undefined ? NONE : String(column);
        const text = column === undefined ? t.noColumn : (labels[column] ?? t.noColumn);
        return (
          <Field key={field} label={t.fields[field]} required={REQUIRED.has(field)}>
            <Dropdown
              className={styles.dropdown}
              value={text}
              selectedOptions={[value]}
              disabled={disabled}
              data-field={field}
              onOptionSelect={(_, data) =>
                onMapChange(
                  field,
                  data.optionValue === undefined || data.optionValue === NONE
                    ? undefined
                    : Number(data.optionValue),
                )
              }
            >
              <Option value={NONE}>{t.noColumn}</Option>
              {labels.map((label, i) => (
                <Option key={i} value={String(i)}>
                  {label}
                </Option>
              ))}
            </Dropdown>
          </Field>
        );
      })}
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={onImport} disabled={disabled}>
          {t.importButton}
        </Button>
        <Button onClick={onCancel} disabled={disabled}>
          {t.cancelImport}
        </Button>
      </div>
    </section>
  );
}

export default ImportMapping;
