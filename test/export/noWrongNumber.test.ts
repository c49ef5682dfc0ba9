/**
 * Issue 15 ("No wrong number without an error"), the export's side: each reproduction of the
 * issue as a test — a figure is right, or the command refuses with a Vietnamese message naming
 * the file, line and what to do, and writes nothing.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runWorkbookCli } from "../../src/export/cli";
import { toExcelSerial } from "../../src/core/dates/isoDate";

jest.setTimeout(120_000);

let dir = "";
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "no-wrong-number-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runWorkbookCli(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    now: () => new Date(Date.UTC(2024, 10, 15, 8)),
  });
  return { code, stdout, stderr };
}

let n = 0;
async function progressFile(content: string | Buffer): Promise<string> {
  const p = path.join(dir, `tien-do-${++n}.csv`);
  await fs.writeFile(p, content);
  return p;
}
const out = () => path.join(dir, `so-${n}.xlsx`);
const exists = (p: string) =>
  fs.stat(p).then(
    () => true,
    () => false,
  );

async function exportWith(csv: string) {
  const p = await progressFile(csv);
  const o = out();
  const r = await run("--catalogue", "demo-2024", "--report-date", "2024-12-31", "--progress", p, "--out", o);
  return { ...r, written: await exists(o) };
}

describe("1. an empty unit on a task with several lead units", () => {
  test("is an error listing the lead units; nothing written", async () => {
    const r = await exportWith("task_id,unit,status,completed_on\nII.1,,x,2024-05-01\n");
    expect(r.code).toBe(1);
    expect(r.written).toBe(false);
    expect(r.stderr).toContain("Dòng 2");
    expect(r.stderr).toContain("II.1");
    expect(r.stderr).toMatch(/có \d+ đơn vị chủ trì/);
    expect(r.stderr).toContain("Sở Nội vụ");
    expect(r.stderr).toContain("Hãy ghi tên đơn vị");
  });

  test("on a task with one lead it still means that lead", async () => {
    const r = await exportWith("task_id,unit,status,completed_on\nI.1,,Đã hoàn thành,2024-03-20\n");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });
});

describe("2. two rows landing on the same task × unit", () => {
  test.each([
    ["empty unit first", "I.1,,Đã hoàn thành,2024-03-20\nI.1,Sở Nội vụ,Chưa thực hiện,\n"],
    ["named unit first", "I.1,Sở Nội vụ,Chưa thực hiện,\nI.1,,Đã hoàn thành,2024-03-20\n"],
    ["abbreviation and name", "I.1,SNV,Chưa thực hiện,\nI.1,Sở Nội vụ,Đã hoàn thành,2024-03-20\n"],
  ])("%s → an error naming both lines", async (_label, rows) => {
    const r = await exportWith(`task_id,unit,status,completed_on\n${rows}`);
    expect(r.code).toBe(1);
    expect(r.written).toBe(false);
    expect(r.stderr).toMatch(/Dòng 3.*dòng 2/);
    expect(r.stderr).toContain("I.1");
  });
});

describe("11. dates Excel cannot hold", () => {
  test.each(["0001-01-01", "0099-12-31", "1899-12-31"])("--report-date %s is refused (exit 2)", async (d) => {
    const o = out();
    const r = await run("--catalogue", "demo-2024", "--report-date", d, "--out", o);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("01/01/1900–31/12/9999");
    expect(await exists(o)).toBe(false);
  });

  test("toExcelSerial refuses years before 1900 instead of mapping 0–99 to 1900–1999", () => {
    expect(() => toExcelSerial("0001-01-01")).toThrow(RangeError);
    expect(() => toExcelSerial("1899-12-31")).toThrow(RangeError);
    expect(toExcelSerial("1900-01-01")).toBe(1);
  });
});
