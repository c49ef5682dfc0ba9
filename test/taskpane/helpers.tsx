/** Fakes for the task-pane tests: a host whose run() hands a marker context to the action, and services with jest.fn. */
import { render } from "@testing-library/react";
import { App } from "../../src/taskpane/app/App";
import type { ExcelHost } from "../../src/taskpane/host";
import type { Services } from "../../src/taskpane/app/services";
import { catalogueSources } from "../../src/taskpane/app/catalogueSources";
import type { Language } from "../../src/taskpane/i18n";
import type { Catalogue } from "../../src/core";
import type { PullOutcome, SummaryOutcome, TrackerStatus } from "../../src/taskpane/actions";
import { defaultSettings } from "../../src/core/workbook/evaluate";

/** What host.run hands to every action: the tests check the action received it. */
export const fakeContext = { marker: "fake Excel.RequestContext" } as unknown as Excel.RequestContext;

export function fakeHost(): ExcelHost & { run: jest.Mock } {
  return {
    run: jest.fn((fn: (ctx: Excel.RequestContext) => Promise<unknown>) => fn(fakeContext)),
  } as ExcelHost & { run: jest.Mock };
}

export const STATS = { syncs: 1, bytes: 0, maxRequestBytes: 0 };

export const NO_TRACKER: TrackerStatus = {
  exists: false,
  catalogue: null,
  reportDate: null,
  reportDateIsToday: false,
  rule: null,
  problems: [],
};

export const DEMO_TRACKER: TrackerStatus = {
  exists: true,
  catalogue: {
    id: "demo-2024",
    title: "DỮ LIỆU MINH HỌA — Kế hoạch CCHC 2024",
    document: "Dữ liệu minh họa",
    official: false,
    planYear: 2024,
    unitName: null,
  },
  reportDate: "2024-12-15",
  reportDateIsToday: false,
  rule: null,
  problems: [],
};

export function sampleCatalogue(id = "demo-2024", official = false): Catalogue {
  return {
    schema: "cchc-catalogue/1",
    id,
    title: official ? "Nhiệm vụ theo Công văn 5893/UBND-TTHC" : "DỮ LIỆU MINH HỌA — Kế hoạch CCHC 2024",
    planYear: 2024,
    source: { document: official ? "Công văn số 5893/UBND-TTHC" : "Dữ liệu minh họa", official },
    tasks: [
      { id: "I.1", area: "I", title: "Ban hành kế hoạch CCHC", lead: "Sở Nội vụ", deadline: "Quý I/2024" },
    ],
  };
}

export const PULL_DONE: PullOutcome = {
  kind: "done",
  fresh: true,
  tasks: { added: 55, changed: 0, removed: 0, unchanged: 0 },
  assignments: { added: 412, changed: 0, removed: 0, unchanged: 0 },
  warnings: ["Không nhận ra đơn vị “Phòng X” (nhiệm vụ II.3)."],
  clearedFilters: [],
  stats: STATS,
};

export function sampleSummary(): SummaryOutcome {
  const settings = defaultSettings("2024-12-15");
  return {
    lines: [
      {
        unit: "Sở Nội vụ",
        unitId: "SNV",
        assigned: 3,
        done: 2,
        doneOnTime: 2,
        doneLate: 0,
        overdue: 1,
        completionRate: 2 / 3,
        points: 0,
        doneReviewed: 2,
        rateReviewed: 2 / 3,
        pointsReviewed: 0,
        unreviewed: 2,
      },
      {
        unit: "Ủy ban nhân dân huyện Sơn Tây và các xã trực thuộc",
        unitId: null,
        assigned: 4,
        done: 4,
        doneOnTime: 3,
        doneLate: 1,
        overdue: 0,
        completionRate: 1,
        points: 2,
        doneReviewed: 4,
        rateReviewed: 1,
        pointsReviewed: 2,
        unreviewed: 4,
      },
    ],
    total: {
      unit: "Tổng cộng",
      unitId: null,
      assigned: 7,
      done: 6,
      doneOnTime: 5,
      doneLate: 1,
      overdue: 1,
      completionRate: 6 / 7,
    },
    settings,
    stats: STATS,
  };
}

export type FakeServices = { [K in keyof Services]: jest.Mock };

export function fakeServices(overrides: Partial<Record<keyof Services, jest.Mock>> = {}): FakeServices {
  const base: FakeServices = {
    readTrackerStatus: jest.fn(async () => NO_TRACKER),
    loadDocumentSettings: jest.fn(async () => ({})),
    saveDocumentSettings: jest.fn(async () => undefined),
    pullCatalogue: jest.fn(async () => PULL_DONE),
    setReportDate: jest.fn(async () => STATS),
    flagOverdue: jest.fn(),
    clearOverdueFilter: jest.fn(async () => undefined),
    selectAssignmentRow: jest.fn(async () => undefined),
    buildSummary: jest.fn(async () => sampleSummary()),
    buildReport: jest.fn(async () => sampleSummary()),
    applyScoreRule: jest.fn(async () => sampleSummary()),
    exportCatalogue: jest.fn(),
    readSheetForImport: jest.fn(),
    listReviewClaims: jest.fn(),
    writeVerdicts: jest.fn(),
    previewConsolidation: jest.fn(),
    applyConsolidation: jest.fn(),
    readUnitFiles: jest.fn(),
    loadBundledCatalogue: jest.fn(async (id: string) => sampleCatalogue(id, id !== "demo-2024")),
    fetchCatalogue: jest.fn(),
    // The real (pure) core behind these: the tests see what the App passes in.
    detectHeader: jest.fn(catalogueSources.detectHeader),
    tasksFromTable: jest.fn(catalogueSources.tasksFromTable),
    listUnits: jest.fn(catalogueSources.listUnits),
    importLineage: jest.fn(catalogueSources.importLineage),
  };
  return { ...base, ...overrides };
}

export function renderApp(
  options: { host?: ExcelHost | null; services?: FakeServices; lang?: Language } = {},
): { host: ExcelHost | null; services: FakeServices } & ReturnType<typeof render> {
  const host = options.host === undefined ? fakeHost() : options.host;
  const services = options.services ?? fakeServices();
  const result = render(
    <App host={host} services={services as unknown as Services} initialLanguage={options.lang ?? "vi"} />,
  );
  return { host, services, ...result };
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
