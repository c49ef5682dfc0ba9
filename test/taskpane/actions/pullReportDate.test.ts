/**
 * After pulling a past year's plan the report date is today clamped to the plan year's end,
 * written as a fixed date, and the outcome says which date is in force.
 */
import { installDouble, pull, catalogueWithRows } from "../../double/testkit";
import { SHEETS } from "../../../src/core/workbook/layout";
import { CONFIG_ROWS } from "../../../src/core/workbook/sheets";
import { toExcelSerial } from "../../../src/core/dates/isoDate";

const cell = (d: ReturnType<typeof installDouble>) =>
  d.workbook.sheet(SHEETS.config).cell(`B${CONFIG_ROWS.reportDate}`);

describe("pull: the default report date", () => {
  test("a 2024 plan pulled on 07/12/2026 → 31/12/2024, fixed, said in the outcome", async () => {
    const d = installDouble();
    const out = await pull(d, catalogueWithRows(55), { now: new Date("2026-12-07T01:00:00Z") });
    if (out.kind !== "done") throw new Error(out.kind);
    expect(out.reportDate).toBe("2024-12-31");
    expect(out.warnings[0]).toBe(
      "Ngày báo cáo đang dùng: 31/12/2024 (cuối năm kế hoạch 2024), không phải hôm nay 07/12/2026. Đổi ở mục “2. Ngày báo cáo”.",
    );
    expect(cell(d)?.formula ?? null).not.toBe("=TODAY()");
    expect(d.workbook.sheet(SHEETS.config).values(`B${CONFIG_ROWS.reportDate}`)).toEqual([
      [toExcelSerial("2024-12-31")],
    ]);
  });

  test("within the plan year → =TODAY() as before, no remark", async () => {
    const d = installDouble();
    const out = await pull(d, catalogueWithRows(55), { now: new Date("2024-06-01T01:00:00Z") });
    if (out.kind !== "done") throw new Error(out.kind);
    expect(out.reportDate).toBeUndefined();
    expect(out.warnings.some((w) => w.startsWith("Ngày báo cáo đang dùng"))).toBe(false);
    expect(cell(d)?.formula).toBe("=TODAY()");
  });

  test("a date chosen by the caller is kept", async () => {
    const d = installDouble();
    const out = await pull(d, catalogueWithRows(55), {
      now: new Date("2026-12-07T01:00:00Z"),
      reportDate: "2024-10-01",
    });
    if (out.kind !== "done") throw new Error(out.kind);
    expect(out.reportDate).toBeUndefined();
    expect(d.workbook.sheet(SHEETS.config).values(`B${CONFIG_ROWS.reportDate}`)).toEqual([
      [toExcelSerial("2024-10-01")],
    ]);
  });
});
