/**
 * npm run workbook --score-rule and the progress CSV's review columns: a reviewer's verdicts kept
 * elsewhere give the same workbook; bad rules and verdicts → Vietnamese errors, exit 1, no file.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { CONFIG_ROWS } from "../../src/core/workbook/configLayout";
import { SHEETS, SUMMARY_REVIEW_HEADERS } from "../../src/core/workbook/layout";
import { exists, runWorkbook } from "./lib/runCli";

let dir = "";
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "workbook-review-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const run = (...argv: string[]) => runWorkbook(argv);
const file = (name: string) => path.join(dir, name);
async function write(name: string, content: string): Promise<string> {
  await fs.writeFile(file(name), content);
  return file(name);
}

const BANDS =
  '{"mode":"tiers","maxPoints":2,"tiers":[{"minRate":0.9,"points":2,"strict":true},{"minRate":0.7,"points":1}]}';
const PROGRESS =
  "task_id,unit,status,completed_on,evidence,review,review_note,explanation\n" +
  "I.1,Sở Nội vụ,Đã hoàn thành,2024-03-20,CV 1,Đạt,Đủ,\n" +
  "I.4,Sở Nội vụ,Đã hoàn thành,2024-12-20,CV 2,Không đạt,Chưa đủ 30%,Đang kiểm tra tiếp\n" +
  "I.5,Sở Nội vụ,Đã hoàn thành,2024-12-10,,,,\n";

test("a good rule and verdicts: Cấu hình holds the rule and its words; Phân công the verdicts; Tổng hợp the reviewed columns", async () => {
  const rule = await write("rule.json", BANDS);
  const progress = await write("progress.csv", PROGRESS);
  const out = file("snv.xlsx");
  const r = await run(
    "--catalogue",
    "demo-2024",
    "--report-date",
    "2024-12-31",
    "--unit",
    "Sở Nội vụ",
    "--progress",
    progress,
    "--score-rule",
    rule,
    "--out",
    out,
  );
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const cfg = wb.getWorksheet(SHEETS.config) as ExcelJS.Worksheet;
  expect(cfg.getCell(`B${CONFIG_ROWS.scoreMode}`).value).toBe("Bậc");
  expect(cfg.getCell(`B${CONFIG_ROWS.ruleWords}`).value).toBe(
    "trên 90%: 2 điểm; từ 70% đến 90%: 1 điểm; dưới 70%: 0",
  );
  expect(String(cfg.getCell(`A${CONFIG_ROWS.ruleTitle}`).value)).toBe("QUY TẮC CHẤM ĐIỂM");
  expect(cfg.getCell(`C${CONFIG_ROWS.tiersHeader + 1}`).value).toBe(">");
  const pc = wb.getWorksheet(SHEETS.assignments) as ExcelJS.Worksheet;
  const headers = (pc.getRow(1).values as unknown[]).slice(1);
  const at = (h: string) => headers.indexOf(h) + 1;
  expect(headers.slice(headers.indexOf("Kiểm tra") + 1, headers.indexOf("Kiểm tra") + 4)).toEqual([
    "Giải trình",
    "Kết quả thẩm định",
    "Ý kiến thẩm định",
  ]);
  const rows = new Map<string, ExcelJS.Row>();
  pc.eachRow((row, n) => n > 1 && rows.set(String(row.getCell(1).value), row));
  expect(rows.get("I.4")?.getCell(at("Kết quả thẩm định")).value).toBe("Không đạt");
  expect(rows.get("I.4")?.getCell(at("Giải trình")).value).toBe("Đang kiểm tra tiếp");
  expect(rows.get("I.1")?.getCell(at("Ý kiến thẩm định")).value).toBe("Đủ");
  const sum = wb.getWorksheet(SHEETS.summary) as ExcelJS.Worksheet;
  expect((sum.getRow(1).values as unknown[]).slice(9, 13)).toEqual([...SUMMARY_REVIEW_HEADERS]);
}, 60_000);

test.each<[string, string, string, RegExp]>([
  [
    "points above the maximum",
    '{"mode":"tiers","maxPoints":2,"tiers":[{"minRate":0.9,"points":3}]}',
    "",
    /vượt điểm tối đa/,
  ],
  [
    "strict as text",
    '{"mode":"tiers","maxPoints":2,"tiers":[{"minRate":0.9,"points":2,"strict":"trên"}]}',
    "",
    /“strict” phải là true/,
  ],
  ["broken JSON", '{"mode": "tiers",', "", /không phải JSON hợp lệ/],
  [
    "an unknown verdict",
    BANDS,
    "task_id,unit,review\nI.1,Sở Nội vụ,Tốt\n",
    /kết quả thẩm định “Tốt” không hợp lệ/,
  ],
])("%s → exit 1, a Vietnamese message, no file", async (_label, ruleText, progressText, message) => {
  const rule = await write("bad-rule.json", ruleText);
  const args = ["--catalogue", "demo-2024", "--report-date", "2024-12-31", "--score-rule", rule];
  if (progressText) args.push("--progress", await write("bad-progress.csv", progressText));
  const out = file("bad.xlsx");
  const r = await run(...args, "--out", out);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/^Lỗi — không ghi tệp/);
  expect(r.stderr).toMatch(message);
  expect(await exists(out)).toBe(false);
});

test("--score-rule with a file that is not .json → exit 2", async () => {
  const r = await run(
    "--catalogue",
    "demo-2024",
    "--report-date",
    "2024-12-31",
    "--score-rule",
    "rule.txt",
    "--out",
    file("x.xlsx"),
  );
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("Tệp quy tắc chấm điểm “rule.txt” phải là tệp .json.");
});
