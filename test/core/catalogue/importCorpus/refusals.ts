/** Ambiguous tables (imported, the ambiguity surfaced) and tables that are not a plan (refused). */
import { T, type CorpusCase } from "./types";

const days = Array.from({ length: 31 }, (_, i) => String(i + 1));
/** Every refusal starts the same way, says what was missing and what to do. */
const REFUSED = (what: RegExp): RegExp =>
  new RegExp(`^Bảng này không giống danh mục nhiệm vụ: [^]*${what.source}[^]*Hãy `);

export const AMBIGUOUS: CorpusCase[] = [
  {
    name: "two-candidate-header-rows",
    layout: "a small summary table above the plan: two rows could be the header",
    rows: [
      ["Nội dung", "Số nhiệm vụ", "Thời hạn báo cáo", ""],
      ["Nhiệm vụ quý IV/2024", 12, "15/12/2024", ""],
      ["", "", "", ""],
      ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian hoàn thành"],
      [1, "Rà soát hồ sơ trễ hạn", "Văn phòng UBND tỉnh", "Tháng 11/2024"],
      [2, "Báo cáo CCHC năm 2024", "Sở Nội vụ", "Tháng 12/2024"],
    ],
    tasks: [
      T("1", "", "Rà soát hồ sơ trễ hạn", "Văn phòng UBND tỉnh", "Tháng 11/2024"),
      T("2", "", "Báo cáo CCHC năm 2024", "Sở Nội vụ", "Tháng 12/2024"),
    ],
    ambiguities: [/dòng 1\b.*dòng 4\b/],
  },
  {
    name: "two-deadline-columns",
    layout: "“Thời gian thực hiện” and “Thời hạn hoàn thành”: two deadline columns",
    rows: [
      ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian thực hiện", "Thời hạn hoàn thành"],
      [1, "Xây dựng cơ sở dữ liệu cán bộ, công chức", "Sở Nội vụ", "Quý I-II/2024", "Tháng 6/2024"],
      [2, "Cập nhật dữ liệu lên hệ thống quốc gia", "Sở Nội vụ", "Quý III/2024", "Tháng 9/2024"],
    ],
    tasks: [
      T("1", "", "Xây dựng cơ sở dữ liệu cán bộ, công chức", "Sở Nội vụ", "Tháng 6/2024"),
      T("2", "", "Cập nhật dữ liệu lên hệ thống quốc gia", "Sở Nội vụ", "Tháng 9/2024"),
    ],
    ambiguities: [/Thời gian thực hiện.*Thời hạn hoàn thành|Thời hạn hoàn thành.*Thời gian thực hiện/],
  },
];

export const REFUSALS: CorpusCase[] = [
  {
    name: "staff-list",
    layout: "danh sách cán bộ: Họ và tên, Ngày sinh, Chức vụ, Đơn vị",
    rows: [
      ["DANH SÁCH CÁN BỘ, CÔNG CHỨC", "", "", "", "", ""],
      ["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Đơn vị", "Ghi chú"],
      [1, "Nguyễn Văn An", "12/03/1980", "Trưởng phòng", "Phòng Nội vụ", ""],
      [2, "Trần Thị Bích", "05/09/1988", "Chuyên viên", "Phòng Tư pháp", ""],
    ],
    refused: REFUSED(/danh sách (cán bộ|người)/),
  },
  {
    name: "budget-table",
    layout: "bảng kinh phí: Nội dung, Đơn vị thực hiện, Kinh phí (triệu đồng)",
    rows: [
      ["STT", "Nội dung", "Đơn vị thực hiện", "Kinh phí (triệu đồng)", "Nguồn kinh phí"],
      [1, "Tuyên truyền CCHC", "Sở Nội vụ", 150, "Ngân sách tỉnh"],
      [2, "Khảo sát sự hài lòng", "Sở Nội vụ", 320, "Ngân sách tỉnh"],
      ["", "Tổng cộng", "", 470, ""],
    ],
    refused: REFUSED(/kinh phí/),
  },
  {
    name: "attendance-sheet",
    layout: "bảng chấm công: Họ và tên, ngày 1…31, Tổng công",
    rows: [
      ["BẢNG CHẤM CÔNG THÁNG 10 NĂM 2024"],
      ["STT", "Họ và tên", ...days, "Tổng công"],
      [1, "Lê Văn Cường", ...days.map(() => "x"), 23],
      [2, "Phạm Thị Dung", ...days.map(() => "x"), 22],
    ],
    refused: REFUSED(/chấm công/),
  },
  {
    name: "pivot",
    layout: "a PivotTable counting tasks by lead unit",
    rows: [
      ["Đơn vị chủ trì", "Count of Nhiệm vụ"],
      ["Sở Nội vụ", 12],
      ["Sở Tư pháp", 5],
      ["Grand Total", 17],
    ],
    refused: REFUSED(/PivotTable/),
  },
  {
    name: "pivot-vi",
    layout: "a PivotTable in Vietnamese Excel (Nhãn Hàng, Tổng Cuối)",
    rows: [
      ["Nhãn Hàng", "Đếm của Nhiệm vụ"],
      ["Sở Nội vụ", 12],
      ["Tổng Cuối", 12],
    ],
    refused: REFUSED(/PivotTable/),
  },
  {
    name: "empty-sheet",
    layout: "nothing in the sheet",
    rows: [
      ["", "", ""],
      ["", "", ""],
    ],
    refused: REFUSED(/trống/),
  },
  {
    name: "numbers-only",
    layout: "a sheet of numbers",
    rows: [
      [1, 2, 3, 4],
      [10.5, 20, 30, 40],
      [45292, 45657, 0.8, 100],
    ],
    refused: REFUSED(/chỉ có số/),
  },
];
