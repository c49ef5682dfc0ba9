/**
 * The result or error of an action: a MessageBar with the explanation, the problems, the next
 * step and (for unexpected errors) collapsed technical details. Takes focus when it appears so
 * keyboard and screen-reader users land on it.
 */
import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useT } from "../i18n";
import type { FeedbackContent } from "../app/feedback";

const useStyles = makeStyles({
  bar: { marginTop: tokens.spacingVerticalS, whiteSpace: "normal", ":focus": { outlineOffset: "2px" } },
  list: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: "1.2em" },
  line: { margin: `${tokens.spacingVerticalXS} 0` },
  pre: { whiteSpace: "pre-wrap", wordBreak: "break-word", fontSize: tokens.fontSizeBase200, margin: 0 },
});

export interface FeedbackBarProps {
  /** Changes with every new message: focus moves to it. */
  id: number;
  content: FeedbackContent;
  disabled?: boolean;
}

export function FeedbackBar({ id, content, disabled }: FeedbackBarProps): React.JSX.Element {
  const { t } = useT();
  const styles = useStyles();
  const ref = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    ref.current?.focus();
  }, [id]);
  const { intent, title, titleVi, lines, hint, detail, action, linesLang, lineLangs, hintLang } = content;
  const cut = titleVi ? title.indexOf(titleVi) : -1;
  const langOf = (i: number) => (lineLangs ? lineLangs[i] : linesLang);
  return (
    <MessageBar
      ref={ref}
      tabIndex={-1}
      intent={intent}
      layout="multiline"
      className={styles.bar}
      data-testid={`feedback-${intent}`}
    >
      <MessageBarBody>
        <MessageBarTitle>
          {titleVi && cut >= 0 ? (
            <>
              {title.slice(0, cut)}
              <span lang="vi">{titleVi}</span>
              {title.slice(cut + titleVi.length)}
            </>
          ) : (
            title
          )}
        </MessageBarTitle>
        {lines.length === 1 ? (
          <p className={styles.line} lang={langOf(0)}>
            {lines[0]}
          </p>
        ) : null}
        {lines.length > 1 ? (
          <ul className={styles.list} lang={lineLangs ? undefined : linesLang}>
            {lines.map((line, i) => (
              <li key={i} lang={lineLangs ? lineLangs[i] : undefined}>
                {line}
              </li>
            ))}
          </ul>
        ) : null}
        {hint ? (
          <p className={styles.line}>
            <strong>{t.nextStep}</strong> <span lang={hintLang}>{hint}</span>
          </p>
        ) : null}
        {detail ? (
          <details>
            <summary>{t.errTechnical}</summary>
            <pre className={styles.pre}>{detail}</pre>
          </details>
        ) : null}
      </MessageBarBody>
      {action ? (
        <MessageBarActions>
          <Button size="small" onClick={action.run} disabled={disabled}>
            {action.label}
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
