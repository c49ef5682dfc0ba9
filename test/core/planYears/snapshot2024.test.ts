import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bundledPlanSnapshot } from "./snapshot";

/**
 * SHA-256 of each plan's ops as JSON (the plans themselves are 2.5 MB). Taken on issue 20's branch
 * before plan years (it passed there after them), then re-taken once when the branch met issues
 * 15, 18 and 19, which change the 2024 workbook on purpose (Kiểm tra labels, Thẩm định columns,
 * the report document, Biểu đồ): from then on, any change to a 2024 plan must be deliberate.
 */
const FIXTURE = join(__dirname, "fixtures", "plan-ops-2024.sha256.json");

test("a 2024 workbook (bundled catalogues, all units and one unit) is built op for op as before plan years", async () => {
  const now = await bundledPlanSnapshot();
  const digests = Object.fromEntries(
    Object.entries(now).map(([k, ops]) => [
      k,
      {
        ops: (ops as unknown[]).length,
        sha256: createHash("sha256").update(JSON.stringify(ops)).digest("hex"),
      },
    ]),
  );
  if (process.env.UPDATE_PLAN_SNAPSHOT === "1")
    writeFileSync(FIXTURE, JSON.stringify(digests, null, 1) + "\n");
  const before = JSON.parse(readFileSync(FIXTURE, "utf8")) as Record<string, unknown>;
  expect(digests).toEqual(before);
});
