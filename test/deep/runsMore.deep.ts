/** Runs only under `npm run test:deep`: proves the mapping is in effect (else "deep" would be plain). */
import fc from "fast-check";
import * as fcNamespace from "fast-check";

const times = Number(process.env.FC_TIMES ?? 20);

function runsOf(assert: typeof fc.assert, params?: { numRuns?: number; seed?: number }): number {
  let runs = 0;
  assert(
    fc.property(fc.nat(), () => {
      runs++;
    }),
    params,
  );
  return runs;
}

test.each([
  ["default import, numRuns 10", () => runsOf(fc.assert, { numRuns: 10 }), 10 * times],
  ["default import, fast-check's default of 100", () => runsOf(fc.assert), 100 * times],
  ["namespace import, numRuns 10", () => runsOf(fcNamespace.assert, { numRuns: 10 }), 10 * times],
  ["seeded: unchanged", () => runsOf(fc.assert, { numRuns: 10, seed: 1 }), 10],
])("%s", (_name, run, expected) => {
  expect(run()).toBe(expected);
});
