/**
 * 5. Chấm điểm: the rule as a small form (method, maximum, threshold %, deduction per late
 * task, tier rows), prefilled from the last summary's rule or the default — labelled as such.
 */
import * as React from "react";
import {
  Badge,
  Button,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useT } from "../i18n";
import type { ScoreRule } from "../app/types";
import { draftFromRule, defaultDraft, isDefaultRule, ruleFromDraft, type ScoreDraft } from "./scoreDraft";
import { describeScoreRule } from "../../core/scoring/score";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  text: { margin: 0, fontSize: tokens.fontSizeBase200 },
  short: { maxWidth: "9em" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300 },
  tier: {
    display: "grid",
    // minmax(0, …): at 320 px the three fields shrink instead of pushing "Remove" out of the pane.
    gridTemplateColumns: "repeat(3, minmax(0, 1fr)) auto",
    gap: tokens.spacingHorizontalS,
    alignItems: "end",
    "& > *": { minWidth: 0 },
  },
  tierInput: { minWidth: 0 },
  /** The native select's width follows its longest option unless told otherwise. */
  tierSelect: { minWidth: 0, width: "100%" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** A decimal box with its label, optional hint and the validation message (one for every number of the rule). */
function DecimalField(props: {
  label: string;
  hint?: string;
  error: string | undefined;
  className: string;
  value: string;
  contentAfter?: string;
  onChange(value: string): void;
  disabled: boolean;
}): React.JSX.Element {
  return (
    <Field
      label={props.label}
      hint={props.hint}
      validationState={props.error ? "error" : undefined}
      validationMessage={props.error}
    >
      <Input
        className={props.className}
        inputMode="decimal"
        value={props.value}
        contentAfter={props.contentAfter}
        onChange={(_, d) => props.onChange(d.value)}
        disabled={props.disabled}
      />
    </Field>
  );
}

export interface ScorePanelProps {
  disabled: boolean;
  /** The workbook's rule from the last summary, or null (the default is shown). */
  rule: ScoreRule | null;
  /** The user's edits (null: show `rule`). */
  draft: ScoreDraft | null;
  onDraftChange(draft: ScoreDraft): void;
  onApply(rule: ScoreRule): void;
  /** The form was submitted with invalid fields (their messages). */
  onInvalid(messages: string[]): void;
  feedback?: React.ReactNode;
}

export function ScorePanel({
  disabled,
  rule,
  draft,
  onDraftChange,
  onApply,
  onInvalid,
  feedback,
}: ScorePanelProps): React.JSX.Element {
  const { t, lang } = useT();
  const styles = useStyles();
  const [submitted, setSubmitted] = React.useState(false);
  const value = draft ?? (rule ? draftFromRule(rule, lang) : defaultDraft(lang));
  const parsed = ruleFromDraft(value, t);
  const errors = submitted && parsed.errors ? parsed.errors : null;
  const isDefault = parsed.rule !== null && isDefaultRule(parsed.rule);
  const set = (patch: Partial<ScoreDraft>) => onDraftChange({ ...value, ...patch });
  const setTier = (i: number, patch: Partial<ScoreDraft["tiers"][number]>) =>
    set({ tiers: value.tiers.map((row, j) => (j === i ? { ...row, ...patch } : row)) });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (parsed.rule) onApply(parsed.rule);
    else onInvalid(parsed.messages);
  };
  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <p className={styles.text}>{t.scoreExplain}</p>
      <div>
        {isDefault ? (
          <Badge appearance="tint" color="warning">
            {t.ruleDefault}
          </Badge>
        ) : rule && !draft ? (
          <Badge appearance="tint" color="informative">
            {t.ruleFromWorkbook}
          </Badge>
        ) : null}
      </div>
      <Field label={t.scoreModeLabel}>
        <RadioGroup
          value={value.mode}
          onChange={(_, d) => set({ mode: d.value === "tiers" ? "tiers" : "proportional" })}
          disabled={disabled}
        >
          <Radio value="proportional" label={t.scoreModeProportional} />
          <Radio value="tiers" label={t.scoreModeTiers} />
        </RadioGroup>
      </Field>
      <DecimalField
        label={t.maxPointsLabel}
        error={errors?.maxPoints}
        className={styles.short}
        value={value.maxPoints}
        onChange={(v) => set({ maxPoints: v })}
        disabled={disabled}
      />
      <DecimalField
        label={t.thresholdLabel}
        hint={t.thresholdHint}
        error={errors?.threshold}
        className={styles.short}
        value={value.threshold}
        contentAfter="%"
        onChange={(v) => set({ threshold: v })}
        disabled={disabled}
      />
      <DecimalField
        label={t.latePenaltyLabel}
        error={errors?.latePenalty}
        className={styles.short}
        value={value.latePenalty}
        onChange={(v) => set({ latePenalty: v })}
        disabled={disabled}
      />
      <Subtitle2 as="h3" className={styles.heading}>
        {t.tiersHeading}
      </Subtitle2>
      {errors?.tiersEmpty ? (
        <p className={styles.text} role="alert">
          {errors.tiersEmpty}
        </p>
      ) : null}
      {value.tiers.map((row, i) => (
        <div key={i} className={styles.tier}>
          <DecimalField
            label={t.tierMinRate(i + 1)}
            error={errors?.tiers[i]?.minRate}
            className={styles.tierInput}
            value={row.minRate}
            onChange={(v) => setTier(i, { minRate: v })}
            disabled={disabled}
          />
          <DecimalField
            label={t.tierPoints(i + 1)}
            error={errors?.tiers[i]?.points}
            className={styles.tierInput}
            value={row.points}
            onChange={(v) => setTier(i, { points: v })}
            disabled={disabled}
          />
          <Field label={t.tierBound(i + 1)}>
            <Select
              className={styles.tierSelect}
              select={{ className: styles.tierSelect }}
              value={row.strict ? "strict" : "inclusive"}
              onChange={(_, d) => setTier(i, { strict: d.value === "strict" })}
              disabled={disabled}
            >
              <option value="inclusive">{t.boundInclusive}</option>
              <option value="strict">{t.boundStrict}</option>
            </Select>
          </Field>
          <Button
            size="small"
            aria-label={t.removeTier(i + 1)}
            onClick={() => set({ tiers: value.tiers.filter((_, j) => j !== i) })}
            disabled={disabled}
          >
            {t.removeTierShort}
          </Button>
        </div>
      ))}
      <div className={styles.buttons}>
        <Button
          onClick={() => set({ tiers: [...value.tiers, { minRate: "", points: "" }] })}
          disabled={disabled}
        >
          {t.addTier}
        </Button>
      </div>
      {parsed.rule ? (
        <p className={styles.text} data-testid="rule-in-words">
          {t.ruleInWords}: <span lang="vi">{describeScoreRule(parsed.rule)}</span>
        </p>
      ) : null}
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={disabled}>
          {t.applyRule}
        </Button>
      </div>
      {feedback}
    </form>
  );
}

export default ScorePanel;
