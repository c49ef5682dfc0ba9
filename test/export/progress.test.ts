/** parseProgressCsv (src/core/workbook/progress.ts): the --progress file of the export. */
import { parseProgressCsv, ProgressCsvError } from "../../src/core/workbook/progress";

function problems(text: string): string[] {
  try {
    parseProgressCsv(text);
  } catch (e) {
    if (e instanceof ProgressCsvError) return e.problems;
    throw e;
  }
  throw new Error("expected a ProgressCsvError");
}

describe("parseProgressCsv", () => {
  test("reads the documented columns, statuses as typed, ISO dates", () => {
    const entries = parseProgressCsv(
      "task_id,unit,status,completed_on,evidence\n" +
        "I.1,Sở Nội vụ,x,2024-03-20,https://snv.quangngai.gov.vn/1\n" +
        'I.4,"UBND huyện Bình Sơn",Hoàn thành (trễ hạn),,"Công văn 12/UBND, ngày 5/4"\n' +
        "II.2,,Chưa thực hiện,,\n",
    );
    expect(entries).toEqual([
      {
        line: 2,
        taskId: "I.1",
        unit: "Sở Nội vụ",
        status: "x",
        completedOn: "2024-03-20",
        evidence: "https://snv.quangngai.gov.vn/1",
      },
      {
        line: 3,
        taskId: "I.4",
        unit: "UBND huyện Bình Sơn",
        status: "Hoàn thành (trễ hạn)",
        evidence: "Công văn 12/UBND, ngày 5/4",
      },
      { line: 4, taskId: "II.2", status: "Chưa thực hiện" },
    ]);
  });

  test("BOM, CRLF, semicolons, header case and order, optional note, NFD text, dd/mm/yyyy", () => {
    const entries = parseProgressCsv(
      "\uFEFFUnit;Task_ID;Completed_On;Note;Status\r\n" +
        "Sở Tư pháp;I.3;31/12/2024;ghi chú;" +
        "Đã hoàn thành".normalize("NFD") +
        "\r\n\r\n",
    );
    expect(entries).toEqual([
      {
        line: 2,
        taskId: "I.3",
        unit: "Sở Tư pháp",
        status: "Đã hoàn thành",
        completedOn: "2024-12-31",
        note: "ghi chú",
      },
    ]);
  });

  test("a header alone is no progress; an empty file is an error", () => {
    expect(parseProgressCsv("task_id,unit,status,completed_on,evidence\n")).toEqual([]);
    expect(problems("")).toEqual([expect.stringContaining("Tệp tiến độ rỗng")]);
    expect(problems("\n\n")).toEqual([expect.stringContaining("Tệp tiến độ rỗng")]);
  });

  test("unknown and missing columns are reported together", () => {
    expect(problems("unit,trang_thai,Ngày xong\nSNV,x,\n")).toEqual([
      "Dòng 1: cột “trang_thai” không được hỗ trợ. Các cột: task_id, unit, status, completed_on, evidence, note, review, review_note, explanation (chỉ task_id bắt buộc).",
      "Dòng 1: cột “Ngày xong” không được hỗ trợ. Các cột: task_id, unit, status, completed_on, evidence, note, review, review_note, explanation (chỉ task_id bắt buộc).",
      "Dòng 1: thiếu cột bắt buộc “task_id”.",
    ]);
    expect(problems("task_id,status,status\nI.1,x,y\n")).toEqual(["Dòng 1: cột “status” bị lặp."]);
  });

  test("every bad row is listed with its line number", () => {
    const list = problems(
      [
        "task_id,unit,status,completed_on,evidence",
        "I.1,Sở Nội vụ,x,2024-02-30,",
        ",Sở Nội vụ,x,,",
        "I.2,Sở Nội vụ,x,31/12/24,",
        "I.3,Sở Nội vụ,x,hôm qua,",
        "I.4,Sở Nội vụ,x,1999-12-31,",
        "I.5,Sở Nội vụ,x,,a,b",
        '"I.6","Sở Tư pháp",x,,"dòng một',
        'dòng hai"',
        "I.6,STP,x,,",
        "I.7,,x,,",
        "I.7,,Đang thực hiện,,",
      ].join("\n"),
    );
    expect(list).toEqual([
      "Dòng 2: ngày hoàn thành “2024-02-30” không hợp lệ (cần dạng YYYY-MM-DD, ví dụ 2024-12-31).",
      "Dòng 3: thiếu mã nhiệm vụ (task_id).",
      "Dòng 4: ngày hoàn thành “31/12/24” không hợp lệ (cần dạng YYYY-MM-DD, ví dụ 2024-12-31).",
      "Dòng 5: ngày hoàn thành “hôm qua” không hợp lệ (cần dạng YYYY-MM-DD, ví dụ 2024-12-31).",
      "Dòng 6: ngày hoàn thành “1999-12-31” nằm ngoài các năm 2000–2100.",
      "Dòng 7: thừa 1 ô so với dòng tiêu đề (kiểm tra dấu phẩy trong nội dung; hãy đặt nội dung có dấu phẩy trong dấu nháy kép).",
      "Dòng 10: trùng với dòng 8 (cùng nhiệm vụ “I.6” và đơn vị “STP”).",
      "Dòng 12: trùng với dòng 11 (cùng nhiệm vụ “I.7” và đơn vị “chủ trì”).",
    ]);
  });

  test("an unmatched quote is reported", () => {
    expect(problems('task_id,unit\nI.1,"Sở Nội vụ\n')[0]).toMatch(/^Dòng 2: dấu nháy kép không khớp/);
  });

  test("the thrown error's message sums up the problems", () => {
    expect(() => parseProgressCsv("task_id,completed_on\nI.1,x\nI.2,y\nI.3,z\nI.4,w\n")).toThrow(
      /\(và 1 lỗi khác\)$/,
    );
  });
});
