/**
 * Đơn vị: a Combobox over the units of 2024, filtered by folded text (no diacritics needed,
 * either tone style). Communes show their district: commune names repeat across districts.
 */
import * as React from "react";
import { Combobox, Field, Option, makeStyles, tokens } from "@fluentui/react-components";
import { foldVietnamese } from "../../core/text/fold";
import { useT } from "../i18n";
import type { Unit } from "../app/types";

const MAX_SHOWN = 50;

const useStyles = makeStyles({
  more: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    fontSize: tokens.fontSizeBase200,
  },
});

export interface UnitPickerProps {
  units: readonly Unit[];
  unitId: string | null;
  onUnitChange(id: string | null): void;
  disabled?: boolean;
}

interface Choice {
  id: string;
  text: string;
  key: string;
}

export function unitChoices(units: readonly Unit[]): Choice[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  return units.map((u) => {
    const parent = u.parentId ? byId.get(u.parentId) : undefined;
    const text = parent ? `${u.name} — ${parent.name}` : u.name;
    return { id: u.id, text, key: foldVietnamese(text) };
  });
}

export function UnitPicker({ units, unitId, onUnitChange, disabled }: UnitPickerProps): React.JSX.Element {
  const { t } = useT();
  const styles = useStyles();
  const choices = React.useMemo(() => unitChoices(units), [units]);
  const selected = choices.find((c) => c.id === unitId) ?? null;
  const [query, setQuery] = React.useState(selected?.text ?? "");
  const folded = foldVietnamese(query);
  const matches =
    selected && query === selected.text
      ? choices
      : choices.filter((c) => folded === "" || c.key.includes(folded));
  const shown = matches.slice(0, MAX_SHOWN);
  return (
    <Field label={t.unitLabel} hint={t.unitFilterHint} required>
      <Combobox
        value={query}
        placeholder={t.unitPlaceholder}
        selectedOptions={selected ? [selected.id] : []}
        disabled={disabled}
        onChange={(e) => {
          setQuery(e.target.value);
          if (selected && e.target.value !== selected.text) onUnitChange(null);
        }}
        onOptionSelect={(_, data) => {
          const id = data.optionValue ?? null;
          onUnitChange(id);
          setQuery(data.optionText ?? "");
        }}
      >
        {shown.map((c) => (
          <Option key={c.id} value={c.id} text={c.text} lang="vi">
            {c.text}
          </Option>
        ))}
        {matches.length === 0 ? <div className={styles.more}>{t.unitNoMatch}</div> : null}
        {matches.length > MAX_SHOWN ? (
          <div className={styles.more}>{t.unitMore(matches.length - MAX_SHOWN)}</div>
        ) : null}
      </Combobox>
    </Field>
  );
}

export default UnitPicker;
