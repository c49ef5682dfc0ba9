import { LAYOUTS } from "./layouts";
import { GROUPING } from "./grouping";
import { CELLS } from "./cells";
import { AMBIGUOUS, REFUSALS } from "./refusals";
import type { CorpusCase } from "./types";

export type { CorpusCase, ExpectedTask } from "./types";
/** Tables that must import (each with its exact tasks). */
export const PLAN_TABLES: CorpusCase[] = [...LAYOUTS, ...GROUPING, ...CELLS, ...AMBIGUOUS];
/** Tables that are not a plan. */
export const NOT_PLANS: CorpusCase[] = REFUSALS;
