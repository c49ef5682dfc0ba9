/** One table of the import corpus: what a unit pastes or keeps, and the tasks it must yield. */
export interface ExpectedTask {
  id: string;
  area: string;
  title: string;
  lead: string;
  coordinating?: string;
  output?: string;
  deadline: string | number;
  progress?: {
    status?: string | number | boolean;
    completedOn?: string | number;
    evidence?: string;
    note?: string;
  };
}

export interface CorpusCase {
  name: string;
  /** What the layout exercises (for the report). */
  layout: string;
  rows: unknown[][];
  options?: { convertLegacy?: boolean };
  /** Tasks it must yield, in order (compared exactly). */
  tasks?: ExpectedTask[];
  /** Refused: every problem joined must match. */
  refused?: RegExp;
  /** Ambiguities the import must surface (each pattern must match one of them). */
  ambiguities?: RegExp[];
  /** Decisions it must show (each pattern must match one of them). */
  decisions?: RegExp[];
}

export const T = (
  id: string,
  area: string,
  title: string,
  lead: string,
  deadline: string | number,
  more: Partial<ExpectedTask> = {},
): ExpectedTask => ({ id, area, title, lead, deadline, ...more });
