/**
 * Deliberate breakages of the views, to see the suite fail (E2E_BREAK_VIEW=<name>). Applied to the
 * source by ./breakViewLoader.ts during the e2e build only; src/ is never touched.
 */
export interface ViewBreak {
  /** Ending of the source file's path. */
  file: string;
  find: string;
  replace: string;
  what: string;
}

export const VIEW_BREAKS: Record<string, ViewBreak> = {
  /** The pull button no longer calls the action. */
  pull: {
    file: "src/taskpane/views/CataloguePanel.tsx",
    find: "onClick={() => props.onPull(source)}",
    replace: "onClick={() => undefined}",
    what: "CataloguePanel: “Nạp danh mục” does not call onPull",
  },
  /** A misspelled message key: the pull button renders without a name (axe: button-name). */
  label: {
    file: "src/taskpane/views/CataloguePanel.tsx",
    find: "{t.pullButton}",
    replace: "{(t as unknown as Record<string, string>).pullButon}",
    what: "CataloguePanel: the “Nạp danh mục” button uses a misspelled message key",
  },
};
