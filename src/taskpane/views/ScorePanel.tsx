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
  const state = (message: string | undefined) => (message ? ("error" as const) : undefined);
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
      <Field
        label={t.maxPointsLabel}
        validationState={state(errors?.maxPoints)}
        validationMessage={errors?.maxPoints}
      >
        <Input
          className={styles.short}
          inputMode="decimal"
          value={value.maxPoints}
          onChange={(_, d) => set({ maxPoints: d.value })}
          disabled={disabled}
        />
      </Field>
      <Field
        label={t.thresholdLabel}
        hint={t.thresholdHint}
        validationState={state(errors?.threshold)}
        validationMessage={errors?.threshold}
      >
        <Input
          className={styles.short}
          inputMode="decimal"
          value={value.threshold}
          contentAfter="%"
          onChange={(_, d) => set({ threshold: d.value })}
          disabled={disabled}
        />
      </Field>
      <Field
        label={t.latePenaltyLabel}
        validationState={state(errors?.latePenalty)}
        validationMessage={errors?.latePenalty}
      >
        <Input
          className={styles.short}
          inputMode="decimal"
          value={value.latePenalty}
          onChange={(_, d) => set({ latePenalty: d.value })}
          disabled={disabled}
        />
      </Field>
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
          <Field
            label={t.tierMinRate(i + 1)}
            validationState={state(errors?.tiers[i]?.minRate)}
            validationMessage={errors?.tiers[i]?.minRate}
          >
            <Input
              className={styles.tierInput}
              inputMode="decimal"
              value={row.minRate}
              onChange={(_, d) => setTier(i, { minRate: d.value })}
              disabled={disabled}
            />
          </Field>
          <Field
            label={t.tierPoints(i + 1)}
            validationState={state(errors?.tiers[i]?.points)}
            validationMessage={errors?.tiers[i]?.points}
          >
            <Input
              className={styles.tierInput}
              inputMode="decimal"
              value={row.points}
              onChange={(_, d) => setTier(i, { points: d.value })}
              disabled={disabled}
            />
          </Field>
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
