/**
 * `npm run workbook`: the command's main function with captured output, plus the real script
 * spawned through tsx. Bad input → Vietnamese message listing every problem, exit code ≠ 0 and no
 * output file.
 */
import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { decodeText, idFromFileName, USAGE } from "../../src/export/cli";
import { SHEETS, TABLES } from "../../src/core/workbook/layout";
import { CHARTS_SHEET } from "../../src/core/workbook/charts";
import { exists, runWorkbook } from "./lib/runCli";

jest.setTimeout(120_000);

let dir = "";
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "workbook-cli-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const run = (...argv: string[]) => runWorkbook(argv);

const file = (name: string) => path.join(dir, name);

async function write(name: string, content: string | Buffer): Promise<string> {
  await fs.writeFile(file(name), content);
  return file(name);
}

async function leftovers(): Promise<string[]> {
  return (await fs.readdir(dir)).filter((f) => f.endsWith(".tmp"));
}

async function book(p: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(p);
  return wb;
}

function assignmentUnits(wb: ExcelJS.Workbook): Set<string> {
  const ws = wb.getWorksheet(SHEETS.assignments) as ExcelJS.Worksheet;
  const units = new Set<string>();
  for (let r = 2; r <= ws.rowCount; r++) units.add(String(ws.getCell(r, 4).value));
  return units;
}

const CATALOGUE_JSON = JSON.stringify({
  schema: "cchc-catalogue/1",
  id: "thu-nghiem",
  title: "Danh mục thử",
  planYear: 2024,
  source: { document: "Văn bản thử", official: false },
  tasks: [
    {
      id: "A.1",
      area: "I",
      title: "Rà soát",
      lead: "Sở Nội vụ",
      coordinating: "Sở Tư pháp",
      deadline: "Quý IV/2024",
    },
    {
      id: "A.2",
      area: "III",
      title: "Công khai",
      lead: "UBND các huyện, thị xã, thành phố",
      deadline: "Thường xuyên",
    },
  ],
});

describe("npm run workbook — success", () => {
  test("bundled catalogue → the workbook, a summary on stdout, no temp file left", async () => {
    const out = file("demo.xlsx");
    const r = await run("--catalogue", "demo-2024", "--report-date", "2024-11-15", "--out", out);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toMatch(
      /^Đã ghi .*demo\.xlsx: 55 nhiệm vụ, 1954 phân công, \d+ đơn vị, ngày báo cáo 15\/11\/2024\./,
    );
    const wb = await book(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      SHEETS.config,
      SHEETS.assignments,
      SHEETS.tasks,
      SHEETS.summary,
      SHEETS.report,
      CHARTS_SHEET,
    ]);
    expect(
      wb.worksheets
        .flatMap((w) => w.getTables().map((t) => (t as unknown as { table: { name: string } }).table.name))
        .sort(),
    ).toEqual(Object.values(TABLES).sort());
    const cfg = wb.getWorksheet(SHEETS.config) as ExcelJS.Worksheet;
    expect(cfg.getCell("B29").value).toBe("demo-2024"); // Nạp từ
    // Nạp lúc: a real date-time, 15:00 in Asia/Ho_Chi_Minh, shown dd/mm/yyyy hh:mm.
    expect(cfg.getCell("B30").value).toEqual(new Date("2024-11-15T15:00:00.000Z")); // exceljs reads the serial 45611.625 as a UTC Date
    expect(cfg.getCell("B30").numFmt).toBe("dd/mm/yyyy hh:mm");
    expect(await leftovers()).toEqual([]);
  });

  test("JSON file, progress CSV and --flag=value form", async () => {
    const cat = await write("thu.json", CATALOGUE_JSON);
    const progress = await write(
      "tien-do.csv",
      "task_id,unit,status,completed_on,evidence\nA.1,SNV,x,2024-10-01,https://x.vn/1\nA.2,H. Bình Sơn,Đã xong,2025-01-03,\n",
    );
    const out = file("thu.xlsx");
    const r = await run(
      `--catalogue=${cat}`,
      "--report-date=2024-12-31",
      `--progress=${progress}`,
      `--out=${out}`,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("2 nhiệm vụ, 15 phân công");
    expect(r.stdout).toContain("2 dòng tiến độ");
    const ws = (await book(out)).getWorksheet(SHEETS.assignments) as ExcelJS.Worksheet;
    const rows = ws.getSheetValues().slice(2) as unknown[][];
    const snv = rows.find((row) => row[1] === "A.1" && row[4] === "Sở Nội vụ") as unknown[];
    expect(snv[11]).toBe("Đã hoàn thành");
    expect(snv[13]).toEqual({ text: "https://x.vn/1", hyperlink: "https://x.vn/1" });
    const bs = rows.find((row) => row[1] === "A.2" && row[4] === "Huyện Bình Sơn") as unknown[];
    expect(bs[14]).toBe("Trạng thái gốc: Đã xong");
  });

  test("CSV catalogue in Windows-1252: decoded, id from the file name, noted on stdout", async () => {
    const csv = Buffer.from(
      "STT,Noi dung nhiem vu,Co quan chu tri,Thoi han\n1,R\xe9 so\xe1t (caf\xe9),So Noi vu,Quy IV/2024\n",
      "latin1",
    );
    const cat = await write("Kế hoạch CCHC 2024.csv", csv);
    const out = file("csv.xlsx");
    const r = await run("--catalogue", cat, "--report-date", "2024-11-15", "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Tệp danh mục không phải UTF-8: đã đọc theo bảng mã Windows-1252.");
    const wb = await book(out);
    expect((wb.getWorksheet(SHEETS.tasks) as ExcelJS.Worksheet).getCell("C6").value).toBe("Ré soát (café)");
    expect((wb.getWorksheet(SHEETS.config) as ExcelJS.Worksheet).getCell("B22").value).toBe(
      "ke-hoach-cchc-2024",
    );
  });

  test("--unit keeps one unit's assignments: one workbook per unit in a loop", async () => {
    for (const [name, expected] of [
      ["Sở Nội vụ", "Sở Nội vụ"],
      ["UBND huyện Bình Sơn", "Huyện Bình Sơn"],
      // Two wards share this name: the workbook shows the one meant with its district.
      ["Phường Nguyễn Nghiêm, thị xã Đức Phổ", "Phường Nguyễn Nghiêm (Thị xã Đức Phổ)"],
    ]) {
      const out = file(`don-vi-${expected}.xlsx`);
      const r = await run(
        "--catalogue",
        "cv-5893-2024",
        "--report-date",
        "2024-12-24",
        "--unit",
        name,
        "--out",
        out,
      );
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`(chỉ ${expected})`);
      const wb = await book(out);
      expect(assignmentUnits(wb)).toEqual(new Set([expected]));
      const a6 = String((wb.getWorksheet(SHEETS.report) as ExcelJS.Worksheet).getCell("A6").value);
      expect(a6).toContain(`của ${expected}`);
    }
  });

  test("--unit with a progress file for every unit applies only that unit's rows", async () => {
    const progress = await write(
      "tat-ca.csv",
      "task_id,unit,status,completed_on,evidence\nA.1,Sở Nội vụ,x,2024-10-01,CV 1\nA.1,Sở Tư pháp,Đang thực hiện,,\nA.2,Huyện Trà Bồng,x,2024-06-01,CV 2\n",
    );
    const cat = await write("thu2.json", CATALOGUE_JSON);
    const out = file("stp.xlsx");
    const r = await run(
      "--catalogue",
      cat,
      "--report-date",
      "2024-12-31",
      "--progress",
      progress,
      "--unit",
      "STP",
      "--out",
      out,
    );
    expect(r.code).toBe(0);
    const ws = (await book(out)).getWorksheet(SHEETS.assignments) as ExcelJS.Worksheet;
    expect(ws.rowCount).toBe(2);
    expect(ws.getCell("D2").value).toBe("Sở Tư pháp");
    expect(ws.getCell("K2").value).toBe("Đang thực hiện");
  });

  test("--help prints the usage in Vietnamese and English", async () => {
    const r = await run("--help");
    expect(r).toEqual({ code: 0, stdout: USAGE, stderr: "" });
    expect(USAGE).toContain("Cách dùng:");
    expect(USAGE).toContain("Usage:");
  });
});

describe("npm run workbook — bad input: message, exit code, no file", () => {
  test("missing flags are all listed", async () => {
    const r = await run();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Lỗi — không ghi tệp (3 vấn đề):");
    expect(r.stderr).toContain("Thiếu --catalogue");
    expect(r.stderr).toContain("Thiếu --report-date");
    expect(r.stderr).toContain("Thiếu --out");
  });

  test("unknown flag, stray argument, bad date, bad output, unknown catalogue kind, repeated flag", async () => {
    const r = await run(
      "--catalog",
      "x",
      "extra",
      "--catalogue",
      "plan.txt",
      "--report-date",
      "31/13/2024",
      "--out",
      "a.xls",
      "--out",
      "b.xlsx",
      "--unit",
    );
    expect(r.code).toBe(2);
    const lines = r.stderr.split("\n").filter((l) => l.startsWith("  • "));
    expect(lines).toEqual([
      "  • Tùy chọn không có: --catalog. Các tùy chọn: --catalogue, --report-date, --progress, --unit, --score-rule, --out, --plan-year, --prior, --help.",
      "  • Đối số “extra” không hợp lệ (các tùy chọn đều bắt đầu bằng --, ví dụ --out so-theo-doi.xlsx).",
      "  • Tùy chọn --out được ghi hai lần.",
      "  • Thiếu giá trị sau --unit.",
      "  • Danh mục “plan.txt” phải là tệp .json, .csv hoặc .xlsx (tệp.xlsx#Tên trang), hoặc một mã có sẵn: demo-2024, cv-5893-2024.",
      "  • Ngày báo cáo “31/13/2024” không hợp lệ (cần dạng dd/mm/yyyy, ví dụ 31/12/2024, hoặc YYYY-MM-DD, ví dụ 2024-12-31).",
    ]);
    const r2 = await run("--catalogue", "demo-2024", "--report-date", "2024-02-30", "--out", file("x.xls"));
    expect(r2.stderr).toContain("Ngày báo cáo “2024-02-30” không hợp lệ");
    expect(r2.stderr).toContain("phải có đuôi .xlsx");
    const r3 = await run(
      "--catalogue",
      "demo-2024",
      "--report-date",
      "2024-12-31",
      "--out",
      path.join(dir, "khong-co", "a.xlsx"),
    );
    expect(r3.stderr).toContain("để ghi tệp kết quả không tồn tại");
  });

  test("unreadable catalogue, broken JSON, CatalogueError, bad progress and unknown unit: all listed, exit 1", async () => {
    const out = file("never.xlsx");
    const r = await run(
      "--catalogue",
      file("khong-co.json"),
      "--report-date",
      "2024-12-31",
      "--progress",
      file("khong-co.csv"),
      "--unit",
      "Sở Hư cấu",
      "--out",
      out,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Không tìm thấy tệp danh mục “${file("khong-co.json")}”.`);
    expect(r.stderr).toContain(`Không tìm thấy tệp tiến độ “${file("khong-co.csv")}”.`);
    expect(r.stderr).toContain("Không nhận diện được đơn vị “Sở Hư cấu”.");
    expect(await exists(out)).toBe(false);

    const broken = await write("hong.json", '{"schema": "cchc-catalogue/1", "tasks": [');
    const r2 = await run("--catalogue", broken, "--report-date", "2024-12-31", "--out", out);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain("Danh mục “hong.json”: Tệp không phải JSON hợp lệ");

    const invalid = await write(
      "sai.json",
      JSON.stringify({
        ...JSON.parse(CATALOGUE_JSON),
        planYear: "2024",
        tasks: [{ id: "A.1", area: "IX", title: "", lead: "SNV", deadline: "Quý 5/2024" }],
      }),
    );
    const badProgress = await write("sai.csv", "task_id,unit,status,completed_on\n,SNV,x,2024-13-01\n");
    const r3 = await run(
      "--catalogue",
      invalid,
      "--report-date",
      "2024-12-31",
      "--progress",
      badProgress,
      "--out",
      out,
    );
    expect(r3.code).toBe(1);
    expect(r3.stderr).toContain("Danh mục “sai.json”: “planYear” phải là năm kế hoạch");
    expect(r3.stderr).toContain("Tiến độ “sai.csv”: Dòng 2: thiếu mã nhiệm vụ (task_id).");
    expect(r3.stderr).toContain("Tiến độ “sai.csv”: Dòng 2: ngày hoàn thành “2024-13-01” không hợp lệ");
    expect(await exists(out)).toBe(false);
  });

  test("progress rows that match no assignment are errors (task, unit, letter case, ambiguous ward)", async () => {
    const cat = await write("thu3.json", CATALOGUE_JSON);
    const progress = await write(
      "lech.csv",
      "task_id,unit,status,completed_on,evidence\nA.9,SNV,x,,\nA.1,Sở Y tế,x,,\na.1,SNV,x,,\nA.2,UBND huyện Bình Sơn,x,2024-12-01,CV\n",
    );
    const out = file("lech.xlsx");
    const r = await run(
      "--catalogue",
      cat,
      "--report-date",
      "2024-12-31",
      "--progress",
      progress,
      "--out",
      out,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Lỗi — không ghi tệp (3 vấn đề):");
    expect(r.stderr).toContain("dòng 2 (nhiệm vụ “A.9”, đơn vị “SNV”): danh mục không có nhiệm vụ mã “A.9”.");
    expect(r.stderr).toContain(
      "dòng 3 (nhiệm vụ “A.1”, đơn vị “Sở Y tế”): đơn vị này không được giao nhiệm vụ “A.1”. Đơn vị được giao: Sở Nội vụ; Sở Tư pháp.",
    );
    expect(r.stderr).toContain(
      "dòng 4 (nhiệm vụ “a.1”, đơn vị “SNV”): mã nhiệm vụ phải ghi đúng chữ hoa/thường: “A.1”.",
    );
    expect(await exists(out)).toBe(false);

    const ward = await write("phuong.csv", "task_id,unit,status\nCV5893.1a,Phường Nguyễn Nghiêm,x\n");
    const r2 = await run(
      "--catalogue",
      "cv-5893-2024",
      "--report-date",
      "2024-12-31",
      "--progress",
      ward,
      "--out",
      out,
    );
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain(
      "dòng 2 (nhiệm vụ “CV5893.1a”, đơn vị “Phường Nguyễn Nghiêm”): tên đơn vị chỉ 2 đơn vị (Phường Nguyễn Nghiêm (Thành phố Quảng Ngãi); Phường Nguyễn Nghiêm (Thị xã Đức Phổ)); hãy ghi rõ",
    );
  });

  test("ambiguous --unit lists the candidates with their districts", async () => {
    const r = await run(
      "--catalogue",
      "cv-5893-2024",
      "--report-date",
      "2024-12-31",
      "--unit",
      "Phường Nguyễn Nghiêm",
      "--out",
      file("p.xlsx"),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "Tên đơn vị “Phường Nguyễn Nghiêm” khớp 2 đơn vị: Phường Nguyễn Nghiêm (Thành phố Quảng Ngãi); Phường Nguyễn Nghiêm (Thị xã Đức Phổ).",
    );
    const r2 = await run(
      "--catalogue",
      "cv-5893-2024",
      "--report-date",
      "2024-12-31",
      "--unit",
      "Bình Sơn xã",
      "--out",
      file("p.xlsx"),
    );
    expect(r2.stderr).toMatch(/Không nhận diện được đơn vị “Bình Sơn xã”\. Có phải: .*Huyện Bình Sơn/);
  });

  test("a unit without tasks (TrackerError) writes nothing and keeps an existing file", async () => {
    const cat = await write("thu4.json", CATALOGUE_JSON);
    const out = await write("co-san.xlsx", "nội dung cũ");
    const r = await run("--catalogue", cat, "--report-date", "2024-12-31", "--unit", "Sở Y tế", "--out", out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "Đơn vị “Sở Y tế” không có nhiệm vụ nào (chủ trì hay phối hợp) trong danh mục “Danh mục thử”.",
    );
    expect(await fs.readFile(out, "utf8")).toBe("nội dung cũ");
    expect(await leftovers()).toEqual([]);
  });
});

describe("helpers", () => {
  test("decodeText: UTF-8 (with BOM), UTF-16 with BOM, else Windows-1252", () => {
    expect(decodeText(Buffer.from("Sở Nội vụ", "utf8"))).toEqual({ text: "Sở Nội vụ", encoding: "UTF-8" });
    expect(decodeText(Buffer.from([0xff, 0xfe, ...Buffer.from("Sở", "utf16le")])).text).toBe("Sở");
    expect(decodeText(Buffer.from([0x63, 0x61, 0x66, 0xe9]))).toEqual({
      text: "café",
      encoding: "Windows-1252",
    });
    expect(decodeText(Buffer.from([0x93, 0x61, 0x94, 0x80, 0x9f])).text).toBe("“a”€Ÿ");
  });

  test("idFromFileName", () => {
    expect(idFromFileName("/tmp/Kế hoạch CCHC 2024.csv")).toBe("ke-hoach-cchc-2024");
    expect(idFromFileName("đ.json")).toBe("d");
    expect(idFromFileName("###.csv")).toBe("danh-muc");
  });
});

describe("the script itself (tsx scripts/workbook.ts)", () => {
  const script = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/workbook.ts", ...args],
        { cwd: path.resolve(__dirname, "../.."), timeout: 60_000 },
        (err, stdout, stderr) =>
          resolve({
            code: err ? ((err as { code?: number }).code ?? 1) : 0,
            stdout: String(stdout),
            stderr: String(stderr),
          }),
      );
    });

  test("writes the file and exits 0; exits 2 with a Vietnamese message and no file on bad input", async () => {
    const out = file("script.xlsx");
    const ok = await script(["--catalogue", "cv-5893-2024", "--report-date", "2024-12-24", "--out", out]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("Đã ghi");
    expect(await exists(out)).toBe(true);
    const bad = await script([
      "--catalogue",
      "cv-5893-2024",
      "--report-date",
      "hôm nay",
      "--out",
      file("script2.xlsx"),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Ngày báo cáo “hôm nay” không hợp lệ");
    expect(await exists(file("script2.xlsx"))).toBe(false);
  });
});
