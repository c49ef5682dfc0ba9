/**
 * Where a workflow's message appears (an aria-live region). The MessageBar is not part of the
 * first screen's bundle: App preloads it at start, so by the time an action ends it renders at once.
 */
import * as React from "react";
import type { FeedbackBarProps } from "../../views/FeedbackBar";

type Bar = React.ComponentType<FeedbackBarProps>;

let loaded: Bar | null = null;
let loading: Promise<{ default: Bar }> | null = null;

export function preloadFeedbackBar(): Promise<{ default: Bar }> {
  loading ??= import(/* webpackChunkName: "feedback" */ "../../views/FeedbackBar").then((m) => {
    loaded = m.FeedbackBar;
    return { default: m.FeedbackBar };
  });
  return loading;
}

const LazyBar = React.lazy(preloadFeedbackBar);

export function FeedbackSlot(props: FeedbackBarProps | { content: null }): React.JSX.Element {
  const Bar = loaded ?? LazyBar;
  return (
    <div aria-live="polite">
      {props.content ? (
        <React.Suspense fallback={null}>
          <Bar {...props} />
        </React.Suspense>
      ) : null}
    </div>
  );
}
