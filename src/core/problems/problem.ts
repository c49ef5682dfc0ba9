/**
 * A problem the core (or an adapter) reports to a person: a code and its parameters, so the task
 * pane can say it in the UI's language, and the Vietnamese text (`vi`), which the command line
 * prints as it always has. A plain string is a problem without a code yet: the pane shows it in
 * Vietnamese, marked lang="vi".
 *
 * PROBLEM_CODES is the single list of codes that can be emitted; the pane's English templates
 * (src/taskpane/i18n/problems.ts) are typed against it, and a test enumerates it.
 */

export const PROBLEM_CODES = [
  // the catalogue file (parseCatalogue)
  "catalogue.notText",
  "catalogue.tooLarge",
  "catalogue.empty",
  "catalogue.html",
  "catalogue.invalidJson",
  "catalogue.notObject",
  "catalogue.schema",
  "catalogue.missingField",
  "catalogue.noSource",
  "catalogue.noTasks",
  "catalogue.tooManyTasks",
  "catalogue.more",
  "catalogue.legacyEncoding",
  "task.missingId",
  "task.duplicateId",
  "task.badArea",
  "task.missingTitle",
  "task.missingLead",
  // a table (CSV or the open sheet)
  "table.headerOutside",
  "table.noTitleColumn",
  "table.noLeadColumn",
  "table.tooManyTasks",
  "table.noTasks",
  "csv.quotes",
  // downloading a catalogue (src/net)
  "fetch.notText",
  "fetch.emptyUrl",
  "fetch.urlTooLong",
  "fetch.whitespace",
  "fetch.whitespaceHint",
  "fetch.notAbsolute",
  "fetch.notAbsoluteHint",
  "fetch.plainHttp",
  "fetch.plainHttpHint",
  "fetch.protocol",
  "fetch.credentials",
  "fetch.credentialsHint",
  "fetch.noHost",
  "fetch.notFound",
  "fetch.notFoundHint",
  "fetch.forbidden",
  "fetch.forbiddenHint",
  "fetch.rateLimited",
  "fetch.tryLater",
  "fetch.serverError",
  "fetch.serverErrorHint",
  "fetch.httpOther",
  "fetch.checkAddress",
  "fetch.tooLarge",
  "fetch.tooLargeHint",
  "fetch.unreachable",
  "fetch.unreachableHint",
  "fetch.badResponse",
  "fetch.unsafeRedirect",
  "fetch.unsafeRedirectHint",
  "fetch.interrupted",
  "fetch.tryAgain",
  "fetch.html",
  "fetch.htmlHint",
  "fetch.noFetch",
  "fetch.timeout",
  "fetch.timeoutHint",
  "fetch.binary",
  "fetch.binaryHint",
  // the workbook the actions read
  "tracker.missing",
  "tracker.missingHint",
  "config.missing",
  "config.missingHint",
  "config.fixCellsHint",
  "tracker.loadFirstHint",
  // the task pane's actions (src/taskpane/actions)
  "columns.missing",
  "columns.nothingWritten",
  "columns.restoreHint",
  "office.payload",
  "office.payloadHint",
  "office.cellEdit",
  "office.cellEditHint",
  "office.accessDenied",
  "office.accessDeniedHint",
  "office.exists",
  "office.existsHint",
  "office.invalidArgument",
  "office.invalidArgumentHint",
  "office.other",
  "office.otherHint",
  "reportDate.invalid",
  "reportDate.invalidHint",
  "reportDate.noCell",
  "pivot.sheetExists",
  "pivot.sheetExistsHint",
  "score.fixRuleHint",
  "tiers.noBoundColumn",
  "tiers.noBoundColumnHint",
  "review.noColumn",
  "review.noColumnHint",
  "review.nothingPicked",
  "review.nothingPickedHint",
  "export.noTasks",
  "export.noTasksHint",
  "export.fixTableHint",
  "import.emptySheet",
  "import.emptySheetHint",
  "import.rangeTooLarge",
  "import.pickRangeHint",
  "import.addinSheet",
  "import.addinSheetHint",
  "pull.sheetNotOurs",
  "pull.sheetNotOursHint",
  "pull.otherChoiceHint",
  "pull.tooManyHint",
  "pull.restoreColumnsHint",
  "consolidate.oneUnit",
  "consolidate.oneUnitHint",
  "consolidate.noTracker",
  "consolidate.noTrackerHint",
  "consolidate.fixProvinceHint",
  "consolidate.noFiles",
  "consolidate.noValidFiles",
  "consolidate.seePreviewHint",
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];
export type ProblemParams = Readonly<Record<string, string | number>>;

export interface Problem {
  readonly code: ProblemCode;
  readonly params: ProblemParams;
  /** The Vietnamese text, as the command line prints it. */
  readonly vi: string;
}

/** A coded problem, or (not coded yet) its Vietnamese text. */
export type ProblemItem = Problem | string;

export function problem(code: ProblemCode, params: ProblemParams, vi: string): Problem {
  return { code, params, vi };
}

export function isProblem(v: unknown): v is Problem {
  if (typeof v !== "object" || v === null) return false;
  const o = v as Partial<Problem>;
  return typeof o.code === "string" && typeof o.vi === "string" && typeof o.params === "object";
}

/** The Vietnamese text of a problem. */
export function problemText(p: ProblemItem): string {
  return typeof p === "string" ? p : p.vi;
}
