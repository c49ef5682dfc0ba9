/**
 * The workflows of the task pane, in the order they appear. Adding a workflow = adding a folder
 * src/taskpane/workflows/<id>/ (Container.tsx default-exports the container; reducer.ts holds its
 * state; messages.ts turns its outcomes into messages) and one line here. Each container is its
 * own chunk, loaded when its panel is first opened.
 */
import * as React from "react";
import type { Messages } from "../i18n";
import type { WorkflowId } from "../app/feedback";

export interface WorkflowEntry {
  id: WorkflowId;
  /** The panel's heading ("1. Nạp danh mục"). */
  title(t: Messages): string;
  Container: React.LazyExoticComponent<React.ComponentType>;
}

type Load = () => Promise<{ default: React.ComponentType }>;
type TitleKey = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];
const workflow = (id: WorkflowId, title: TitleKey, load: Load): WorkflowEntry => ({
  id,
  title: (t) => t[title],
  Container: React.lazy(load),
});

export const WORKFLOWS: readonly WorkflowEntry[] = [
  workflow(
    "catalogue",
    "wfCatalogue",
    () => import(/* webpackChunkName: "wf-catalogue" */ "./catalogue/Container"),
  ),
  workflow(
    "reportDate",
    "wfReportDate",
    () => import(/* webpackChunkName: "wf-report-date" */ "./reportDate/Container"),
  ),
  workflow("overdue", "wfOverdue", () => import(/* webpackChunkName: "wf-overdue" */ "./overdue/Container")),
  workflow("summary", "wfSummary", () => import(/* webpackChunkName: "wf-summary" */ "./summary/Container")),
  workflow("score", "wfScore", () => import(/* webpackChunkName: "wf-score" */ "./score/Container")),
  workflow("report", "wfReport", () => import(/* webpackChunkName: "wf-report" */ "./report/Container")),
  workflow("export", "wfExport", () => import(/* webpackChunkName: "wf-export" */ "./export/Container")),
  workflow("review", "wfReview", () => import(/* webpackChunkName: "wf-review" */ "./review/Container")),
  workflow(
    "consolidate",
    "wfConsolidate",
    () => import(/* webpackChunkName: "wf-consolidate" */ "./consolidate/Container"),
  ),
];

/** The workflow open when the pane starts. */
export const FIRST_WORKFLOW: WorkflowId = "catalogue";
