/**
 * A plan appendix as it lands in a sheet when pasted from Word: a title block, a two-row header
 * over merged cells (merged cells read empty), a column-number row, Roman areas, numbered groups
 * holding lettered tasks, bullets, multi-line cells. `tasks` of them, spread over the seven areas.
 * No Node APIs: also bundled into the browser suite's page.
 */
export const AREA_NAMES = [
  "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC",
  "CẢI CÁCH THỂ CHẾ",
  "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
  "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH NHÀ NƯỚC",
  "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ",
  "CẢI CÁCH TÀI CHÍNH CÔNG",
  "XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ",
];
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII"];
const LEADS = ["Sở Nội vụ", "Sở Tư pháp", "Văn phòng UBND tỉnh", "Sở Tài chính", "Sở TT&TT; VP UBND tỉnh"];
const DEADLINES: Array<string | number> = [
  "Quý IV/2024",
  "Tháng 6/2024",
  45657,
  "Thường xuyên",
  "31/12/2024",
];

export interface PastedAppendix {
  rows: Array<Array<string | number>>;
  /** Expected ids in order, and how many rows are task rows. */
  ids: string[];
  /** The first task, exactly as it must be imported. */
  first: {
    id: string;
    area: string;
    title: string;
    lead: string;
    coordinating: string;
    deadline: string | number;
  };
}

/** Columns: (empty) | STT | Nội dung công việc | Đơn vị thực hiện: Chủ trì, Phối hợp | Thời gian: Bắt đầu, Hoàn thành. */
export function pastedAppendix(tasks: number): PastedAppendix {
  const rows: Array<Array<string | number>> = [
    ["", "PHỤ LỤC", "", "", "", "", ""],
    ["", "DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024", "", "", "", "", ""],
    ["", "(Kèm theo Kế hoạch số 301/KH-UBND ngày 15/12/2023 của UBND tỉnh Quảng Ngãi)", "", "", "", "", ""],
    ["", "", "", "", "", "", ""],
    ["", "STT", "Nội dung công việc", "Đơn vị thực hiện", "", "Thời gian", ""],
    ["", "", "", "Chủ trì", "Phối hợp", "Bắt đầu", "Hoàn thành"],
    ["", "(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
  ];
  const ids: string[] = [];
  const perArea = Math.ceil(tasks / 7);
  let made = 0;
  for (let a = 0; a < 7 && made < tasks; a++) {
    rows.push(["", ROMAN[a], AREA_NAMES[a], "", "", "", ""]);
    for (let g = 1; made < tasks && (g - 1) * 3 < perArea; g++) {
      rows.push(["", `${g}.`, `Nhóm nhiệm vụ ${g} của lĩnh vực ${ROMAN[a]}`, "", "", "", ""]);
      for (let k = 0; k < 3 && made < tasks && (g - 1) * 3 + k < perArea; k++) {
        const letter = "abc"[k];
        rows.push([
          "",
          `${letter})`,
          `Thực hiện nhiệm vụ ${made + 1}\n(theo Kế hoạch số 301/KH-UBND)`,
          LEADS[made % LEADS.length],
          "Các sở, ban, ngành",
          "Quý I/2024",
          DEADLINES[made % DEADLINES.length],
        ]);
        if (made % 10 === 0) rows.push(["", "-", "Báo cáo kết quả về Sở Nội vụ", "", "", "", ""]);
        ids.push(`${ROMAN[a]}.${g}.${letter}`);
        made += 1;
      }
    }
  }
  return {
    rows,
    ids,
    first: {
      id: "I.1.a",
      area: "I",
      title: "Thực hiện nhiệm vụ 1\n(theo Kế hoạch số 301/KH-UBND)\n- Báo cáo kết quả về Sở Nội vụ",
      lead: "Sở Nội vụ",
      coordinating: "Các sở, ban, ngành",
      deadline: "Quý IV/2024",
    },
  };
}
