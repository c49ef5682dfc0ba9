/**
 * Issue 15 item 3: every action checks the PhanCong headers it reads or writes. A renamed column
 * is refused with a message naming it and nothing is written — never read as if every cell were
 * empty (overdue 0 → 15, done 22 → 0) nor failed with a generic Excel error.
 */
import { ActionError } from "../../../src/taskpane/actions/common";
import { flagOverdue } from "../../../src/taskpane/actions/overdue";
import { buildReport, buildSummary } from "../../../src/taskpane/actions/summary";
import { TABLES } from "../../../src/core/workbook/layout";
import { catalogueWithRows, installDouble, pull, REPORT_DATE } from "../../double/testkit";

const common = ["Trạng thái", "Đơn vị", "Ngày hoàn thành", "Tình trạng", "Kiểm tra", "Kỳ hạn"];
const actions: Array<[string, (ctx: Excel.RequestContext) => Promise<unknown>, string[]]> = [
  ["Đánh dấu quá hạn", (ctx) => flagOverdue(ctx), [...common, "Hạn hoàn thành", "Minh chứng"]],
  ["Tổng hợp", (ctx) => buildSummary(ctx), [...common, "Vai trò", "Trong danh mục"]],
  ["Báo cáo", (ctx) => buildReport(ctx), [...common, "Vai trò"]],
];

describe.each(actions)("%s", (_name, run, headers) => {
  test.each(headers)("PhanCong's “%s” renamed → ActionError naming it, zero writes", async (header) => {
    const d = installDouble();
    await pull(d, catalogueWithRows(55), { reportDate: REPORT_DATE });
    d.workbook.renameTableColumn(TABLES.assignments, header, `${header} (cũ)`);
    const before = d.workbook.snapshot();
    d.workbook.clearWrites();
    const err = await d.Excel.run(run).then(
      () => new Error("resolved"),
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ActionError);
    expect((err as ActionError).problems.join(" ")).toContain(`thiếu cột “${header}”`);
    expect((err as ActionError).hint).toMatch(/khôi phục tên cột/);
    expect(d.workbook.writes()).toEqual([]);
    expect(d.workbook.snapshot()).toEqual(before);
  });
});
