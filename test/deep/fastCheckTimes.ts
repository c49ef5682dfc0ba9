/**
 * `npm run test:deep`: the unit suites with every unseeded fast-check property run FC_TIMES times
 * (default 20) as often as in `npm test`. jest.deep.config.js maps "fast-check" here, and
 * runsMore.deep.ts (collected only by that config) fails if the mapping is not in effect.
 *
 * `npm test` runs each property a few hundred times with a fresh seed, so a rare counterexample can
 * surface in one CI run out of many (Excel's phantom serial 60 did). Run this before a release or
 * after touching a parser; a failure prints the seed that reproduces it. Seeded properties keep their
 * seed and run count: they are already the same on every run.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const real = require("fast-check-real") as typeof import("fast-check");

const times = Number(process.env.FC_TIMES ?? 20);
if (!Number.isInteger(times) || times < 1) throw new Error(`FC_TIMES must be a whole number ≥ 1: ${times}`);

type Assert = (property: unknown, params?: { seed?: number; numRuns?: number }) => unknown;
const realAssert = real.assert as unknown as Assert;

const assert: Assert = (property, params) => {
  if (params?.seed !== undefined) return realAssert(property, params);
  return realAssert(property, { ...params, numRuns: (params?.numRuns ?? 100) * times });
};

const deep = { ...real, assert };
module.exports = { ...deep, default: deep, __esModule: true };
