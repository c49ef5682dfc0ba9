/**
 * One workflow of the pane: an h2 with a disclosure button (aria-expanded) and its panel. Light
 * on purpose (no Accordion, no motion, no tabster: the first screen's bundle stays small). The
 * panel mounts when first opened and then stays mounted, hidden when closed, so a workflow's
 * results survive closing it.
 */
import * as React from "react";
import { makeStyles, mergeClasses, tokens, useId } from "@fluentui/react-components";

const useStyles = makeStyles({
  heading: { margin: 0 },
  button: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    width: "100%",
    minHeight: "44px",
    padding: `0 ${tokens.spacingHorizontalM}`,
    border: "none",
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightRegular,
    textAlign: "start",
    cursor: "pointer",
    borderRadius: tokens.borderRadiusMedium,
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
  chevron: { flexShrink: 0, width: "20px", height: "20px", transitionProperty: "transform" },
  open: { transform: "rotate(90deg)" },
  panel: { padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`, margin: 0 },
});

export interface WorkflowSectionProps {
  title: string;
  expanded: boolean;
  onToggle(): void;
  children: React.ReactNode;
}

export function WorkflowSection({
  title,
  expanded,
  onToggle,
  children,
}: WorkflowSectionProps): React.JSX.Element {
  const styles = useStyles();
  const buttonId = useId("wf-header");
  const panelId = useId("wf-panel");
  const [visited, setVisited] = React.useState(expanded);
  if (expanded && !visited) setVisited(true);
  return (
    <div>
      <h2 className={styles.heading}>
        <button
          type="button"
          id={buttonId}
          className={styles.button}
          aria-expanded={expanded}
          aria-controls={panelId}
          onClick={onToggle}
        >
          <svg
            className={mergeClasses(styles.chevron, expanded && styles.open)}
            viewBox="0 0 20 20"
            aria-hidden="true"
            focusable="false"
          >
            <path
              fill="currentColor"
              d="M7.65 4.15c.2-.2.5-.2.7 0l5.49 5.46c.21.22.21.57 0 .78l-5.49 5.46a.5.5 0 0 1-.7-.7L12.8 10 7.65 4.85a.5.5 0 0 1 0-.7Z"
            />
          </svg>
          {title}
        </button>
      </h2>
      <div id={panelId} className={styles.panel} hidden={!expanded}>
        {visited ? children : null}
      </div>
    </div>
  );
}
