/**
 * The English templates of the problem codes (loaded lazily: ./problems.ts). Problems from the core (src/core/problems/problem.ts) said in the UI's language. Vietnamese is
 * the core's own text (`Problem.vi`: one owner, the same words the command line prints); this
 * table holds the English template of every code. A problem without a code (a plain string), or a
 * code missing here, is shown in Vietnamese and marked lang="vi".
 */
import type { ProblemCode, ProblemParams } from "../../core/problems/problem";

export type Template = (p: ProblemParams) => string;

const s = (v: string | number | undefined): string => (v === undefined ? "" : String(v));
const task = (p: ProblemParams): string => `Task ${s(p.n)}${p.id ? ` (${s(p.id)})` : ""}`;

export const PROBLEM_EN: Record<ProblemCode, Template> = {
  "catalogue.notText": () => "The catalogue's content must be text.",
  "catalogue.tooLarge": (p) =>
    `The file is too large (${s(p.millions)} million characters; at most ${s(p.max)} million).`,
  "catalogue.empty": () => "The catalogue file is empty.",
  "catalogue.html": () =>
    "What arrived is a web page (HTML/XML: perhaps an error or sign-in page), not a JSON or CSV catalogue. Check the address.",
  "catalogue.invalidJson": (p) =>
    `The file is not valid JSON (${s(p.detail)}). Check the brackets, commas and quotes.`,
  "catalogue.notObject": () => "A catalogue must be a JSON object.",
  "catalogue.schema": (p) => `The “schema” field must be “${s(p.expected)}”.`,
  "catalogue.missingField": (p) => `The field “${s(p.field)}” is missing (text, not empty).`,
  "catalogue.noSource": () => "“source” (the catalogue's source document) is missing.",
  "catalogue.noTasks": () => "“tasks” must be a non-empty list of tasks.",
  "catalogue.tooManyTasks": (p) =>
    `The catalogue has ${s(p.count)} tasks, more than the limit of ${s(p.max)}.`,
  "catalogue.more": () => "… and more: fix the problems above, then load again.",
  "catalogue.legacyEncoding": (p) =>
    `The text uses the old ${s(p.encoding)} encoding, not Unicode. Convert it to Unicode (Unikey: Ctrl+Shift+F6) or choose “Convert to Unicode”, then load again.`,
  "task.missingId": (p) => `${task(p)}: the task number (id) is missing.`,
  "task.duplicateId": (p) => `${task(p)}: the number “${s(p.id)}” repeats task ${s(p.first)} (case ignored).`,
  "task.badArea": (p) => `${task(p)}: the area must be one of I–VII, not “${s(p.value)}”.`,
  "task.missingTitle": (p) => `${task(p)}: the task's content (title) is missing.`,
  "task.missingLead": (p) => `${task(p)}: the lead unit (lead) is missing.`,
  "table.headerOutside": (p) => `Header row ${s(p.row)} is outside the table.`,
  "table.noTitleColumn": () => "No column chosen for the task's content.",
  "table.noLeadColumn": () => "No column chosen for the lead unit.",
  "table.tooManyTasks": (p) => `The table has more than ${s(p.max)} tasks.`,
  "table.noTasks": () => "The table has no tasks below the header row.",
  "csv.quotes": (p) => `CSV line ${s(p.row)}: unmatched double quote.`,
  "fetch.notText": () => "The catalogue's address must be text (an https://… address).",
  "fetch.emptyUrl": () => "No catalogue address entered (an https://… address is needed).",
  "fetch.urlTooLong": (p) => `The address is longer than ${s(p.max)} characters.`,
  "fetch.whitespace": () => "The address contains spaces or control characters.",
  "fetch.whitespaceHint": () => "Paste the file's address again (without spaces).",
  "fetch.notAbsolute": (p) => `“${s(p.url)}” is not a full address.`,
  "fetch.notAbsoluteHint": () => "Enter the full address, starting with https://",
  "fetch.plainHttp": () =>
    "Only https:// addresses are accepted (http:// is not encrypted: the data could be altered on the way).",
  "fetch.plainHttpHint": () => "Use the file's https:// address.",
  "fetch.protocol": (p) => `The protocol “${s(p.protocol)}” is not allowed; only https:// addresses.`,
  "fetch.credentials": () =>
    "The address contains a user name or password; sign-in details must not be written in an address.",
  "fetch.credentialsHint": () => "Use a public link that needs no sign-in.",
  "fetch.noHost": () => "The address has no server name.",
  "fetch.notFound": (p) => `HTTP error ${s(p.status)}: no catalogue file at this address (${s(p.host)}).`,
  "fetch.notFoundHint": () => "Check the path and the file name, or ask whoever published the catalogue.",
  "fetch.forbidden": (p) => `HTTP error ${s(p.status)}: the server ${s(p.host)} refuses the download.`,
  "fetch.forbiddenHint": () => "The file must be shared publicly (downloadable without signing in).",
  "fetch.rateLimited": (p) => `HTTP error 429: the server ${s(p.host)} is limiting downloads.`,
  "fetch.tryLater": () => "Try again in a few minutes.",
  "fetch.serverError": (p) =>
    `HTTP error ${s(p.status)}: the server is failing or under maintenance (${s(p.host)}).`,
  "fetch.serverErrorHint": () => "Try again later; if it still fails, tell whoever runs the server.",
  "fetch.httpOther": (p) => `HTTP error ${s(p.status)} while downloading the catalogue from ${s(p.host)}.`,
  "fetch.checkAddress": () => "Check the address.",
  "fetch.tooLarge": (p) =>
    `The file is too large (${p.megabytes ? `${s(p.megabytes)} MB` : `over ${s(p.max)} MB`}; at most ${s(p.max)} MB).`,
  "fetch.tooLargeHint": () =>
    "A year's plan catalogue is usually under 1 MB: check that this is the right file.",
  "fetch.unreachable": (p) => `Could not connect to ${s(p.host)}${s(p.detail)}.`,
  "fetch.unreachableHint": () =>
    "Check the network and the address; the server must also allow add-ins to download the file (CORS).",
  "fetch.badResponse": (p) => `The server ${s(p.host)} did not answer properly.`,
  "fetch.unsafeRedirect": (p) =>
    `The server redirects to an unsafe address (${s(p.url)}); only https:// is accepted.`,
  "fetch.unsafeRedirectHint": () => "Use the file's final https:// address.",
  "fetch.interrupted": (p) => `The connection dropped while downloading the file from ${s(p.host)}.`,
  "fetch.tryAgain": () => "Try again.",
  "fetch.html": (p) =>
    `The address returns a web page (HTML), not a JSON or CSV catalogue file: usually a sign-in, preview or error page of ${s(p.host)}.`,
  "fetch.htmlHint": () => "Use the link that downloads the file itself (e.g. the “raw” or “download” link).",
  "fetch.noFetch": () => "This environment cannot download files (fetch is missing).",
  "fetch.timeout": (p) =>
    `After ${s(p.seconds)} seconds the server ${s(p.host)} had not finished sending the file.`,
  "fetch.timeoutHint": () => "Check the network, then try again (recalculate the cell or load again).",
  "fetch.binary": () =>
    "The address returns a binary file (ZIP, Excel, Word or PDF), not a JSON or CSV catalogue.",
  "fetch.binaryHint": () =>
    "Save the table as CSV UTF-8 (or as a catalogue file in the JSON cchc-catalogue/1 format), then use that file's address.",
  "tracker.missing": () => "This workbook has no tracking tables yet (NhiemVu, PhanCong).",
  "tracker.missingHint": () => "Click “Load catalogue” first, then do this again.",
  "config.missing": () => "The “Cấu hình” sheet (report date, scoring rule) is missing.",
  "config.missingHint": () =>
    "Load the catalogue again: the add-in recreates the Cấu hình sheet with default values.",
  "config.fixCellsHint": () => "Fix the cells named on the “Cấu hình” sheet, then do this again.",
  "columns.missing": (p) =>
    `The ${s(p.table)} table has no column “${s(p.column)}” (it may have been renamed or deleted).`,
  "columns.nothingWritten": () => "The add-in wrote nothing, so that no figure comes out wrong.",
  "columns.restoreHint": () => "Restore the column's name (or press Ctrl+Z), then do this again.",
  "office.payload": () => "The data sent at once is over Excel on the web's limit.",
  "office.payloadHint": () => "Try again; if it still fails, use Excel on a computer.",
  "office.cellEdit": () => "Excel is editing a cell.",
  "office.cellEditHint": () => "Press Enter or Esc to leave the cell being edited, then try again.",
  "office.accessDenied": () => "The workbook is protected or read-only.",
  "office.accessDeniedHint": () => "Unprotect the sheet or workbook (Review › Unprotect), then try again.",
  "office.exists": () => "A table or name already exists with a name the add-in uses.",
  "office.existsHint": () => "Rename that table or name (Formulas › Name Manager), then try again.",
  "office.invalidArgument": () => "Excel refused a write.",
  "office.invalidArgumentHint": () => "Try again; if the error repeats, send its text to your administrator.",
  "office.other": () => "Excel reported an error while writing to the workbook.",
  "office.otherHint": () =>
    "Try again. If the error repeats, save the workbook, reopen it and try once more.",
  "reportDate.invalid": (p) => `The report date is not valid: ${s(p.value)}.`,
  "reportDate.invalidHint": () => "Type the date as dd/mm/yyyy or pick one in the calendar.",
  "reportDate.noCell": () => "The workbook has no report-date cell (named NgayBaoCao).",
  "tracker.loadFirstHint": () => "Click “Load catalogue” first.",
  "pivot.sheetExists": (p) => `There is already a sheet “${s(p.sheet)}”.`,
  "pivot.sheetExistsHint": () => "Delete or rename that sheet to create a new PivotTable.",
  "score.fixRuleHint": () => "Fix the rule, then click again.",
  "tiers.noBoundColumn": (p) =>
    `This workbook's tier table has no “${s(p.column)}” column, so an “above” (>) tier cannot be written.`,
  "tiers.noBoundColumnHint": () =>
    "Load the catalogue into a new workbook to get the new tier table, or use “from” (≥) tiers.",
  "review.noColumn": (p) =>
    `The PhanCong table has no “${s(p.column)}” column (a workbook made before review existed, or the column was renamed).`,
  "review.noColumnHint": (p) =>
    `Add a column titled exactly “${s(p.column)}” at the end of the PhanCong table (or load the catalogue into a new workbook), then do this again.`,
  "review.nothingPicked": () => "No verdict has been chosen for any row.",
  "review.nothingPickedHint": () => "Choose a verdict on each row, then save.",
  "export.noTasks": () => "The workbook has no task table (NhiemVu) yet.",
  "export.noTasksHint": () => "Load a catalogue before exporting.",
  "export.fixTableHint": (p) => `Fix the “${s(p.sheet)}” table as described, then export again.`,
  "import.emptySheet": (p) => `The sheet “${s(p.sheet)}” is empty.`,
  "import.emptySheetHint": () =>
    "Open the sheet with the unit's task table (or select the table), then click again.",
  "import.rangeTooLarge": (p) =>
    `The range ${s(p.address)} is too large (${s(p.rows)} rows × ${s(p.columns)} columns).`,
  "import.pickRangeHint": () => "Select just the task table, then click again.",
  "import.addinSheet": () => "This sheet was made by the add-in.",
  "import.addinSheetHint": () => "Open the sheet with the unit's own table, then click again.",
  "pull.sheetNotOurs": (p) =>
    `The workbook already has a sheet “${s(p.sheet)}” that the add-in did not make.`,
  "pull.sheetNotOursHint": (p) =>
    `Rename the sheet “${s(p.sheet)}” (right-click its tab › Rename), then load again; the add-in never overwrites your sheet.`,
  "pull.otherChoiceHint": () => "Choose another catalogue or unit.",
  "pull.tooManyHint": () => "Nothing was written; choose one unit or split the catalogue, then load again.",
  "pull.restoreColumnsHint": () => "Restore the column names (or press Ctrl+Z), then load again.",
  "consolidate.oneUnit": (p) =>
    `This is one unit's workbook (“${s(p.unit)}”), not the province's: only a workbook tracking all units can merge the workbooks units send back.`,
  "consolidate.oneUnitHint": (p) =>
    `Open the provincial workbook (Cấu hình sheet, unit of the workbook = “${s(p.all)}”) and merge there.`,
  "consolidate.noTracker": () =>
    "This workbook has no tracking tables (NhiemVu, PhanCong) or no “Cấu hình” sheet.",
  "consolidate.noTrackerHint": () =>
    "Open the provincial workbook with a catalogue loaded (step 1), then merge.",
  "consolidate.fixProvinceHint": () =>
    "Fix what is listed in the provincial workbook (or load the catalogue again), then merge again.",
  "consolidate.noFiles": () => "No .xlsx file chosen yet.",
  "consolidate.noValidFiles": () =>
    "None of the chosen files is a valid unit workbook — nothing was written.",
  "consolidate.seePreviewHint": () =>
    "See each file's reason in the preview, ask the unit to send a correct file, then merge again.",
};
