/**
 * 7. Xuất danh mục: the exported JSON as a download (Blob + object URL + <a download>) and a
 * "Sao chép" fallback, since desktop Excel may block downloads from the pane.
 */
import * as React from "react";
import { Button, Field, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useT } from "../i18n";
import type { ExportedCatalogue } from "../app/types";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  text: { margin: 0, fontSize: tokens.fontSizeBase200 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  download: {
    display: "inline-flex",
    alignItems: "center",
    minHeight: "32px",
    padding: `0 ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    textDecoration: "none",
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    overflowWrap: "anywhere",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

export interface ExportPanelProps {
  disabled: boolean;
  exported: ExportedCatalogue | null;
  onExport(): void;
  feedback?: React.ReactNode;
}

/** An object URL for the JSON, revoked when it changes or the panel closes. */
function useObjectUrl(json: string | null): string | null {
  const [url, setUrl] = React.useState<string | null>(null);
  React.useEffect(() => {
    if (json === null || typeof URL.createObjectURL !== "function") {
      setUrl(null);
      return undefined;
    }
    const href = URL.createObjectURL(new Blob([json], { type: "application/json;charset=utf-8" }));
    setUrl(href);
    return () => URL.revokeObjectURL(href);
  }, [json]);
  return url;
}

export function ExportPanel({ disabled, exported, onExport, feedback }: ExportPanelProps): React.JSX.Element {
  const { t } = useT();
  const styles = useStyles();
  const href = useObjectUrl(exported?.json ?? null);
  const textRef = React.useRef<HTMLTextAreaElement>(null);
  const [copyState, setCopyState] = React.useState<"idle" | "copied" | "failed">("idle");
  React.useEffect(() => setCopyState("idle"), [exported]);
  const copy = async () => {
    if (!exported) return;
    try {
      if (!navigator.clipboard?.writeText) throw new Error("no clipboard");
      await navigator.clipboard.writeText(exported.json);
      setCopyState("copied");
    } catch {
      // Older hosts: select the text so Ctrl+C works, and say so.
      textRef.current?.focus();
      textRef.current?.select();
      setCopyState("failed");
    }
  };
  return (
    <div className={styles.stack}>
      <p className={styles.text}>{t.exportExplain}</p>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={onExport} disabled={disabled}>
          {t.exportButton}
        </Button>
      </div>
      {feedback}
      {exported ? (
        <>
          <div className={styles.buttons}>
            {href ? (
              <a className={styles.download} href={href} download={exported.fileName}>
                {t.download(exported.fileName)}
              </a>
            ) : null}
            <Button onClick={() => void copy()}>{t.copy}</Button>
          </div>
          <p className={styles.text} aria-live="polite">
            {copyState === "copied" ? t.copied : copyState === "failed" ? t.copyFailed : t.downloadHint}
          </p>
          <Field label={t.exportContentLabel}>
            <Textarea
              ref={textRef}
              readOnly
              value={exported.json}
              rows={6}
              // the file is the catalogue as written: Vietnamese
              textarea={{ className: styles.code, lang: "vi" }}
              resize="vertical"
            />
          </Field>
        </>
      ) : null}
    </div>
  );
}

export default ExportPanel;
