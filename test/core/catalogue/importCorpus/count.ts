/** `npx tsx test/core/catalogue/importCorpus/count.ts`: how many corpus tables import exactly right. */
import { NOT_PLANS, PLAN_TABLES } from "./index";
import { isExact, runCase } from "./score";

let ok = 0;
const all = [...PLAN_TABLES, ...NOT_PLANS];
for (const c of all) {
  const run = runCase(c);
  const exact = isExact(c, run);
  if (exact) ok += 1;
  if (process.argv.includes("-v") || !exact)
    console.log(
      `${exact ? "OK  " : "FAIL"} ${c.name}${exact ? "" : " " + JSON.stringify(run).slice(0, 600)}`,
    );
}
console.log(
  JSON.stringify({
    plans: PLAN_TABLES.length,
    plansExact: PLAN_TABLES.filter((c) => isExact(c, runCase(c))).length,
    refusals: NOT_PLANS.length,
    refusalsExact: NOT_PLANS.filter((c) => isExact(c, runCase(c))).length,
    total: all.length,
    exact: ok,
  }),
);
