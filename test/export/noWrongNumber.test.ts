/**
 * Issue 15 ("No wrong number without an error"), the export's side: each reproduction of the
 * issue as a test — a figure is right, or the command refuses with a Vietnamese message naming
 * the file, line and what to do, and writes nothing.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { toExcelSerial } from "../../src/core/dates/isoDate";
import { exists, runWorkbook } from "./lib/runCli";

jest.setTimeout(120_000);

let dir = "";
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "no-wrong-number-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const run = (...argv: string[]) => runWorkbook(argv);

let n = 0;
async function progressFile(content: string | Buffer): Promise<string> {
  const p = path.join(dir, `tien-do-${++n}.csv`);
  await fs.writeFile(p, content);
  return p;
}
/** A fresh output path per call (a path reused from an earlier test would already exist). */
let outs = 0;
const out = () => path.join(dir, `so-${++outs}.xlsx`);

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

/** Windows-1258 bytes of a text: precomposed letters where the code page has them, else base + mark. */
function encode1258(text: string): Buffer {
  const dec = new TextDecoder("windows-1258");
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const ch = dec.decode(Uint8Array.of(b));
    if (!table.has(ch)) table.set(ch, b);
  }
  const out: number[] = [];
  for (const ch of text.normalize("NFC")) {
    const direct = table.get(ch);
    if (direct !== undefined) {
      out.push(direct);
      continue;
    }
    const parts = [...ch.normalize("NFD")];
    // Base letter with its vowel mark (â, ơ…) precomposed, then the tone mark.
    const tones = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];
    const base = parts
      .filter((c) => !tones.includes(c))
      .join("")
      .normalize("NFC");
    const tone = parts.find((c) => tones.includes(c)) ?? "";
    if (!table.has(base) || !table.has(tone)) throw new Error(`cannot encode ${ch}`);
    out.push(table.get(base) as number, table.get(tone) as number);
  }
  return Buffer.from(out);
}

describe("7. encodings", () => {
  const csv = "task_id,unit,status,completed_on\nI.1,Sở Nội vụ,Đã hoàn thành,2024-03-20\n";
  test.each<[string, Buffer, string]>([
    ["UTF-8", Buffer.from(csv, "utf8"), "UTF-8"],
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, "utf8")]), "UTF-8"],
    [
      "UTF-16LE with BOM",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, "utf16le")]),
      "UTF-16LE",
    ],
    ["UTF-16LE without BOM", Buffer.from(csv, "utf16le"), "UTF-16LE (không có BOM)"],
    ["UTF-16BE without BOM", Buffer.from(csv, "utf16le").swap16(), "UTF-16BE (không có BOM)"],
    ["Windows-1258", encode1258(csv), "Windows-1258"],
  ])("%s: read as Vietnamese, the encoding said", async (_label, bytes, encoding) => {
    const { decodeText } = await import("../../src/export/cli");
    const d = decodeText(bytes);
    expect(d.encoding).toBe(encoding);
    expect(d.text.replace(/^\uFEFF/, "").normalize("NFC")).toBe(csv);
    const p = await progressFile(bytes);
    const o = out();
    const r = await run(
      "--catalogue",
      "demo-2024",
      "--report-date",
      "2024-12-31",
      "--progress",
      p,
      "--out",
      o,
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    if (encoding !== "UTF-8") expect(r.stdout).toContain(encoding);
  });

  test("Windows-1252 text stays Windows-1252 (no Vietnamese letters in the other reading)", async () => {
    const { decodeText } = await import("../../src/export/cli");
    expect(decodeText(Buffer.from([0x63, 0x61, 0x66, 0xe9])).encoding).toBe("Windows-1252");
  });

  test("a catalogue in Windows-1258 with Vietnamese headers parses; a failure names the encoding and how to re-save", async () => {
    const cat = path.join(dir, "ke-hoach-1258.csv");
    await fs.writeFile(
      cat,
      encode1258(
        "Mã nhiệm vụ,Nội dung nhiệm vụ,Cơ quan chủ trì,Thời hạn\nI.1,Rà soát thủ tục,Sở Nội vụ,Quý IV/2024\n",
      ),
    );
    const o = out();
    const ok = await run("--catalogue", cat, "--report-date", "2024-12-31", "--out", o);
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    const bad = path.join(dir, "ke-hoach-hong.csv");
    await fs.writeFile(bad, Buffer.concat([encode1258("Cột lạ,Khác\n"), Buffer.from([0x81, 0x0a])]));
    const r = await run("--catalogue", bad, "--report-date", "2024-12-31", "--out", out());
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("CSV UTF-8");
  });
});

describe("8. outputs", () => {
  test("an output that cannot be written: Vietnamese message, exit 3, no stack trace", async () => {
    const r = await run("--catalogue", "demo-2024", "--report-date", "2024-12-31", "--out", "/sys/x.xlsx");
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("Không ghi được tệp kết quả");
    expect(r.stderr).toContain("Hãy chọn thư mục khác");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test("--progress and --out naming the same file: refused, the input untouched", async () => {
    const p = path.join(dir, "chung.xlsx");
    const content = "task_id,unit,status\nI.1,Sở Nội vụ,x\n";
    await fs.writeFile(p, content);
    const r = await run(
      "--catalogue",
      "demo-2024",
      "--report-date",
      "2024-12-31",
      "--progress",
      p,
      "--out",
      p,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("không bao giờ ghi đè tệp đầu vào");
    expect(await fs.readFile(p, "utf8")).toBe(content);
  });
});

describe("6. memory: the expansion is bounded before any row is built", () => {
  test("5,000 tasks led by every commune (≈ 865,000 assignments) → refused at once, Vietnamese, exit 1", async () => {
    const lines = ["Mã nhiệm vụ,Nội dung nhiệm vụ,Cơ quan chủ trì,Thời hạn"];
    for (let i = 1; i <= 5000; i++)
      lines.push(`X.${i},Nhiệm vụ số ${i},"UBND các xã, phường, thị trấn",Quý IV/2024`);
    const cat = path.join(dir, "khong-lo.csv");
    await fs.writeFile(cat, lines.join("\n"));
    const o = out();
    const t0 = Date.now();
    const r = await run("--catalogue", cat, "--report-date", "2024-12-31", "--out", o);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("vượt giới hạn 200.000 dòng");
    expect(r.stderr).toContain("--unit");
    expect(await exists(o)).toBe(false);
    expect(Date.now() - t0).toBeLessThan(30_000);
  });

  test("the same catalogue for one commune (--unit) is within the limit", async () => {
    const { countAssignments, buildModel, MAX_ASSIGNMENTS } = await import("../../src/core/workbook/model");
    const { parseCatalogue } = await import("../../src/core/catalogue/parse");
    const { findUnit } = await import("../../src/core/units/units");
    const lines = ["Mã nhiệm vụ,Nội dung nhiệm vụ,Cơ quan chủ trì,Thời hạn"];
    for (let i = 1; i <= 1200; i++)
      lines.push(`X.${i},Nhiệm vụ số ${i},"UBND các xã, phường, thị trấn",Quý IV/2024`);
    const c = parseCatalogue(lines.join("\n"), { id: "x", title: "x", planYear: 2024 });
    expect(countAssignments(c)).toBeGreaterThan(MAX_ASSIGNMENTS);
    expect(() => buildModel(c)).toThrow(/vượt giới hạn/);
    const unit = findUnit("Xã Bình Hòa, huyện Bình Sơn");
    expect(buildModel(c, { unit }).assignments).toHaveLength(1200);
  });
});
