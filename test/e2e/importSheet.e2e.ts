/**
 * Issue 16 — “Bảng của đơn vị” in a real browser: a plan appendix pasted from Word into a sheet
 * of the workbook double (title block, two-row header over merged cells, column-number row,
 * Roman areas, numbered groups holding lettered tasks, bullets, multi-line cells) is read by the
 * built task pane in Chromium, its layout shown in the mapping step, and imported; a staff list
 * is refused with the reason, and nothing is written. Same set-up as taskpane.e2e.ts (the
 * production pane built into test-results/e2e-dist, the double injected as `Excel`).
 */
import path from "node:path";
import type { Page } from "playwright-core";
import type { WorkbookInspector } from "../double/workbookDouble";
import { openPane, type PaneSession } from "./browser/paneSession";
import { pastedAppendix } from "../core/catalogue/importCorpus/pastedAppendix";
import { NOT_PLANS } from "../core/catalogue/importCorpus";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "test-results", "e2e-dist");
let pane: PaneSession;
let page: Page;
const problems: string[] = [];
const wb = <R, A = undefined>(fn: (w: WorkbookInspector, arg: A) => R, arg?: A): Promise<R> =>
  pane.wb(fn, arg);
const clickForFeedback = (name: string) => pane.clickForFeedback(name);

/** Puts `rows` in Sheet1 (over a blank block, so nothing of an earlier table is left) and opens it. */
async function pasteIntoSheet1(rows: Array<Array<string | number>>): Promise<void> {
  const blank = Array.from({ length: 200 }, () => Array.from({ length: 40 }, () => ""));
  await wb(
    (w, a) => {
      w.setRaw("Sheet1", "A1", a.blank);
      w.setRaw("Sheet1", "A1", a.rows);
      w.activate("Sheet1");
      w.select("Sheet1", "A1");
    },
    { blank, rows },
  );
}

beforeAll(async () => {
  // E2E_DIST_READY=1: reuse the pane another e2e suite just built into test-results/e2e-dist.
  pane = await openPane(DIST, problems);
  page = pane.page;
});

afterAll(async () => {
  await pane?.close();
});

describe("import of a pasted appendix in Chromium (workbook double)", () => {
  test("a staff list: the mapping step says it is no plan; importing it is refused; nothing written", async () => {
    const staff = NOT_PLANS.find((c) => c.name === "staff-list")!;
    await pasteIntoSheet1(staff.rows as Array<Array<string | number>>);
    await page.getByLabel("Bảng của đơn vị (trang đang mở trong sổ)").check();
    const read = await clickForFeedback("Đọc bảng đang mở");
    expect(read.intent).toBe("info");
    const refusal = page.getByTestId("mapping-refusal");
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/Bảng này không giống danh mục nhiệm vụ: .*danh sách cán bộ/s);
    const f = await clickForFeedback("Nạp bảng này");
    expect(f.intent).toBe("error");
    expect(f.text).toContain("Bảng này không giống danh mục nhiệm vụ");
    expect(f.text).toMatch(/không thấy .*Hãy /);
    expect(await wb((w) => w.tableNames())).toEqual([]);
    expect(problems).toEqual([]);
  });

  test("the pasted appendix: layout shown in the mapping step, tasks imported with their group ids", async () => {
    const app = pastedAppendix(60);
    await pasteIntoSheet1(app.rows);
    const read = await clickForFeedback("Đọc bảng đang mở");
    expect(read.intent).toBe("info");
    const decisions = page.getByTestId("mapping-decisions");
    await decisions.waitFor();
    const shown = await decisions.innerText();
    expect(shown).toContain("Dòng tiêu đề gồm 2 dòng");
    expect(shown).toContain("Bỏ qua cột “Thời gian — Bắt đầu”");
    expect(await page.getByTestId("mapping-refusal").count()).toBe(0);
    const dropdown = (label: RegExp) => page.getByRole("combobox", { name: label });
    expect(await dropdown(/^Cơ quan chủ trì/).innerText()).toContain("D — Đơn vị thực hiện — Chủ trì");
    expect(await dropdown(/^Cơ quan phối hợp/).innerText()).toContain("E — Đơn vị thực hiện — Phối hợp");
    expect(await dropdown(/^Thời hạn hoàn thành/).innerText()).toContain("G — Thời gian — Hoàn thành");
    expect(await page.getByLabel(/^Dòng tiêu đề/).inputValue()).toBe("5");

    const f = await clickForFeedback("Nạp bảng này");
    expect(f.intent).toBe("success");
    const ids = await wb((w) => {
      const t = w.table("NhiemVu");
      const i = t.headers.indexOf("Mã NV");
      return t.rows.map((r) => String(r[i]));
    });
    expect(ids).toEqual(app.ids);
    const first = await wb((w) => {
      const t = w.table("NhiemVu");
      return Object.fromEntries(t.headers.map((h, i) => [h, t.rows[0][i]]));
    });
    expect(Object.values(first)).toEqual(expect.arrayContaining([app.first.title, app.first.lead]));
    expect(problems).toEqual([]);
  });
});
