/**
 * The error of fetchCatalogue, in a module of its own so that code which only needs to recognise
 * it (the custom functions' error mapping) does not pull in the downloader and the CSV parser.
 */
import { problemText, type ProblemItem } from "../core/problems/problem";

/** What kind of failure: "url" is the user's input, the others are about the server or content. */
export type FetchProblemKind = "url" | "network" | "timeout" | "http" | "content" | "size";

export class FetchCatalogueError extends Error {
  /** What went wrong and what to do next, in Vietnamese. */
  readonly problems: string[];
  /** The same problems, with their codes (the pane says them in its language). */
  readonly items: ProblemItem[];
  readonly kind: FetchProblemKind;
  /** HTTP status when kind is "http". */
  readonly status?: number;
  constructor(kind: FetchProblemKind, items: ProblemItem[], status?: number) {
    const problems = items.map(problemText);
    super(problems.join(" "));
    this.items = items;
    this.name = "FetchCatalogueError";
    this.kind = kind;
    this.problems = problems;
    if (status !== undefined) this.status = status;
  }
}
