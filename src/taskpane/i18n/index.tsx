/**
 * Ngôn ngữ giao diện: Vietnamese first, English available. The language is chosen once at boot
 * (Office display language) and by the switch in the pane, and handed down through this context
 * (no globals). Numbers use the language's decimal mark: "85,5 %" in Vietnamese, "85.5 %" in
 * English; dates are dd/mm/yyyy in both.
 */
import * as React from "react";
import { vi, type Messages } from "./vi";
import { en } from "./en";
import { loadEnglishProblems } from "./problems";

export type Language = "vi" | "en";
export type { Messages };

export const MESSAGES: Record<Language, Messages> = { vi, en };

/** "vi", "vi-VN" → Vietnamese; any other known language → English; unknown → Vietnamese. */
export function languageFromLocale(locale: string | null | undefined): Language {
  if (typeof locale !== "string" || locale.trim() === "") return "vi";
  return /^vi\b/i.test(locale.trim()) ? "vi" : "en";
}

export interface I18n {
  lang: Language;
  t: Messages;
  /** 0.855 → "85,5 %" (vi) / "85.5 %" (en). */
  percent(rate: number): string;
  /** Up to two decimals: 1.6 → "1,6" (vi); 2 → "2". */
  number(n: number): string;
  /** "2024-12-31" → "31/12/2024". */
  date(iso: string | null | undefined): string;
}

export function formatNumber(n: number, lang: Language, maxDecimals = 2): string {
  if (!Number.isFinite(n)) return "—";
  const fixed = n.toFixed(maxDecimals).replace(/\.?0+$/, "");
  const text = fixed === "-0" ? "0" : fixed;
  return lang === "vi" ? text.replace(".", ",") : text;
}

export function formatPercent(rate: number, lang: Language): string {
  if (!Number.isFinite(rate)) return "—";
  const text = (rate * 100).toFixed(1);
  return `${lang === "vi" ? text.replace(".", ",") : text}\u00a0%`;
}

export function formatIsoDate(iso: string | null | undefined): string {
  if (typeof iso !== "string") return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

export function makeI18n(lang: Language): I18n {
  return {
    lang,
    t: MESSAGES[lang],
    percent: (rate) => formatPercent(rate, lang),
    number: (n) => formatNumber(n, lang),
    date: formatIsoDate,
  };
}

const I18nContext = React.createContext<I18n>(makeI18n("vi"));

export function I18nProvider(props: { lang: Language; children: React.ReactNode }): React.JSX.Element {
  const value = React.useMemo(() => makeI18n(props.lang), [props.lang]);
  // The English wording of coded problems is a chunk of its own: fetched as soon as English is on.
  React.useEffect(() => {
    if (props.lang === "en") void loadEnglishProblems();
  }, [props.lang]);
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useT(): I18n {
  return React.useContext(I18nContext);
}
