/**
 * Issue 18 — the Thẩm định view in a real browser: the built pane in Chromium against the
 * workbook double (same set-up as importSheet.e2e.ts). A reviewer lists the claims of the demo
 * catalogue, sees "Thiếu minh chứng" first and the evidence link (new tab), clicks one verdict
 * per row, writes them once — only "Kết quả thẩm định" cells change — and jumps to a row.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import type { WorkbookInspector } from "../double/workbookDouble";
import { openPane, type PaneSession } from "./browser/paneSession";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "test-results", "e2e-dist");
let pane: PaneSession;
let page: Page;
const problems: string[] = [];
const wb = <R, A = undefined>(fn: (w: WorkbookInspector, arg: A) => R, arg?: A): Promise<R> =>
  pane.wb(fn, arg);
const button = (name: string) => pane.button(name);
const waitIdle = () => pane.waitIdle();
const clickForFeedback = (name: string) => pane.clickForFeedback(name);

beforeAll(async () => {
  // E2E_DIST_READY=1: reuse the pane another e2e suite just built into test-results/e2e-dist.
  pane = await openPane(DIST, problems);
  page = pane.page;
});

afterAll(async () => {
  await pane?.close();
});

describe("Thẩm định in Chromium (workbook double)", () => {
  test("list, one click per row, one write of the verdict cells only, jump to the row", async () => {
    // The sample progress is on by default for the demo (issue 19): this test types its own.
    await page.getByTestId("sample-progress").uncheck();
    expect((await clickForFeedback("Nạp danh mục")).intent).toBe("success");
    // The unit's hand: rows 0–5 claimed done; rows 0, 2, 4 with a link, row 3 with a paper reference.
    const shape = await wb((w) => {
      const t = w.table("PhanCong");
      const col = (h: string) => {
        let n = t.headers.indexOf(h) + 1;
        let s = "";
        while (n > 0) {
          s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
          n = Math.floor((n - 1) / 26);
        }
        return s;
      };
      const [r0] = /\d+/.exec(t.address) as RegExpExecArray;
      const first = Number(r0) + 1;
      for (let i = 0; i < 6; i++) {
        w.setRaw(t.sheet, `${col("Trạng thái")}${first + i}`, [["Đã hoàn thành"]]);
        const ev = i % 2 === 0 ? `https://ex.vn/mc/${i}` : i === 3 ? "CV 12/UBND" : "";
        w.setRaw(t.sheet, `${col("Minh chứng")}${first + i}`, [[ev]]);
      }
      return {
        review: t.headers.indexOf("Kết quả thẩm định"),
        ids: t.rows.slice(0, 6).map((r) => String(r[0])),
      };
    });
    expect(shape.review).toBeGreaterThan(0);
    const before = await wb((w) => w.table("PhanCong").rows);

    await button("8. Thẩm định").click();
    const listed = await clickForFeedback("Tải danh sách chờ thẩm định");
    expect(listed.text).toContain("6 phân công đã báo hoàn thành đang chờ thẩm định.");
    const items = page.getByTestId("review-list").locator("li");
    expect(await items.count()).toBe(6);
    // Rows 1 and 5 have no evidence: first, flagged.
    expect(await items.nth(0).innerText()).toContain("Thiếu minh chứng");
    expect(await items.nth(1).innerText()).toContain("Thiếu minh chứng");
    expect(await items.nth(2).innerText()).not.toContain("Thiếu minh chứng");
    const link = items.nth(2).getByRole("link");
    expect(await link.getAttribute("href")).toBe("https://ex.vn/mc/0");
    expect(await link.getAttribute("target")).toBe("_blank");

    await items.nth(0).getByRole("button", { name: "Không đạt", exact: true }).click();
    await items.nth(2).getByRole("button", { name: "Đạt", exact: true }).click();
    await items.nth(3).getByRole("button", { name: "Cần bổ sung", exact: true }).click();
    const written = await clickForFeedback("Ghi kết quả thẩm định (3)");
    expect(written.intent).toBe("success");
    expect(written.text).toContain("Đã ghi 3 kết quả thẩm định");
    expect(written.text).toContain("Còn 3 phân công chờ thẩm định.");

    const after = await wb((w) => w.table("PhanCong").rows);
    const want = before.map((r) => [...r]);
    want[1][shape.review] = "Không đạt"; // first listed: row 1 (no evidence)
    want[0][shape.review] = "Đạt"; // first with evidence: row 0
    want[2][shape.review] = "Cần bổ sung";
    expect(after).toEqual(want);
    expect(await page.getByTestId("review-list").locator("li").count()).toBe(3);

    await page
      .getByTestId("review-list")
      .locator("li")
      .first()
      .getByRole("button", { name: /^Đi tới dòng/ })
      .click();
    await waitIdle();
    expect(await wb((w) => w.activeSheet())).toBe("Phân công");
    expect(await wb((w) => w.selection())).toMatch(/Phân công/);
    expect(problems).toEqual([]);
  });
});
