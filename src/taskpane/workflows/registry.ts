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

export const WORKFLOWS: readonly WorkflowEntry[] = [
  {
    id: "catalogue",
    title: (t) => t.wfCatalogue,
    Container: React.lazy(() => import(/* webpackChunkName: "wf-catalogue" */ "./catalogue/Container")),
  },
  {
    id: "reportDate",
    title: (t) => t.wfReportDate,
    Container: React.lazy(() => import(/* webpackChunkName: "wf-report-date" */ "./reportDate/Container")),
  },
  {
    id: "overdue",
    title: (t) => t.wfOverdue,
    Container: React.lazy(() => import(/* webpackChunkName: "wf-overdue" */ "./overdue/Container")),
  },
  {
    id: "summary",
    title: (t) => t.wfSummary,
    Container: React.lazy(() => import(/* webpackChunkName: "wf-summary" */ "./summary/Container")),
  },
  {
    id: "score",
    title: (t) => t.wfScore,
    Container: React.lazy(() => import(/* webpackChunkName: "wf-score" */ "./score/Container")),
  },
  {
    id: "report",
    title: (t) => t.wfReport,
    Container: React.lazy(() => import(/* webpackChunkName: "wf-report" */ "./report/Container")),
  },
  {
    id: "export",
    title: (t) => t.wfExport,
    Container: React.lazy(() => import(/* webpackChunkName: "wf-export" */ "./export/Container")),
  },
];

/** The workflow open when the pane starts. */
export const FIRST_WORKFLOW: WorkflowId = "catalogue";
