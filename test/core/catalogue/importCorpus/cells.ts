/** Cell contents: several lines, several units, agency header words, dates, progress, encodings. */
import { toTCVN3, toVNI } from "vietnamese-conversion";
import { T, type CorpusCase } from "./types";

const H = ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"];
const tcvn3 = (s: string): string => toTCVN3(s.normalize("NFC"), "unicode");
/** vietnamese-conversion writes "yù"/"yõ" for ý/ỹ where real VNI writes "yû"/"yõ" (see legacy.test.ts). */
const vni = (s: string): string => toVNI(s.normalize("NFC"), "unicode");
const nfd = (s: string): string => s.normalize("NFD");

const LEGACY_ROWS: string[][] = [
  ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian hoàn thành"],
  ["1", "Tổ chức hội nghị tập huấn cải cách hành chính", "Sở Nội vụ", "Quý II/2024"],
  ["2", "Rà soát quy định thủ tục hành chính", "Sở Tư pháp", "Tháng 10/2024"],
];
const LEGACY_TASKS = [
  T("1", "", "Tổ chức hội nghị tập huấn cải cách hành chính", "Sở Nội vụ", "Quý II/2024"),
  T("2", "", "Rà soát quy định thủ tục hành chính", "Sở Tư pháp", "Tháng 10/2024"),
];

export const CELLS: CorpusCase[] = [
  {
    name: "multi-line-cells",
    layout: "Alt+Enter inside cells: a title on two lines, leads one per line",
    rows: [
      H,
      [
        1,
        "Triển khai Đề án 06\nvề dữ liệu dân cư",
        "Công an tỉnh\nSở Thông tin và Truyền thông",
        "Các sở, ban, ngành",
        "Năm 2024",
      ],
      [
        2,
        "Đo lường sự hài lòng của người dân",
        "Sở Nội vụ",
        "UBND các huyện, thị xã, thành phố\nBưu điện tỉnh",
        "Quý IV/2024",
      ],
    ],
    tasks: [
      T(
        "1",
        "",
        "Triển khai Đề án 06\nvề dữ liệu dân cư",
        "Công an tỉnh\nSở Thông tin và Truyền thông",
        "Năm 2024",
        {
          coordinating: "Các sở, ban, ngành",
        },
      ),
      T("2", "", "Đo lường sự hài lòng của người dân", "Sở Nội vụ", "Quý IV/2024", {
        coordinating: "UBND các huyện, thị xã, thành phố\nBưu điện tỉnh",
      }),
    ],
  },
  {
    name: "several-units-abbreviated",
    layout: "several units in one lead cell (; , và) written with abbreviations",
    rows: [
      ["STT", "Nhiệm vụ/giải pháp", "Cơ quan, đơn vị chủ trì thực hiện", "Cơ quan phối hợp", "Thời hạn"],
      [
        1,
        "Cung cấp dịch vụ công trực tuyến toàn trình",
        "Sở TT&TT; VP UBND tỉnh",
        "Các sở, ban, ngành",
        "Quý III/2024",
      ],
      [
        2,
        "Số hóa kết quả giải quyết TTHC",
        "UBND các huyện, thị xã, thành phố và UBND các xã, phường, thị trấn",
        "Sở TT&TT",
        "Năm 2024",
      ],
      [3, "Rà soát chức năng nhiệm vụ", "SNV, STP", "", "Tháng 9/2024"],
    ],
    tasks: [
      T("1", "", "Cung cấp dịch vụ công trực tuyến toàn trình", "Sở TT&TT; VP UBND tỉnh", "Quý III/2024", {
        coordinating: "Các sở, ban, ngành",
      }),
      T(
        "2",
        "",
        "Số hóa kết quả giải quyết TTHC",
        "UBND các huyện, thị xã, thành phố và UBND các xã, phường, thị trấn",
        "Năm 2024",
        { coordinating: "Sở TT&TT" },
      ),
      T("3", "", "Rà soát chức năng nhiệm vụ", "SNV, STP", "Tháng 9/2024"),
    ],
  },
  {
    name: "agency-header-words",
    layout: "“Nội dung công việc”, “Đơn vị chủ trì”, “Thời gian hoàn thành”, “Sản phẩm/kết quả”",
    rows: [
      [
        "Số TT",
        "Nội dung công việc",
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
        "Sản phẩm/kết quả",
        "Thời gian hoàn thành",
      ],
      [
        1,
        "Xây dựng Đề án vị trí việc làm",
        "Phòng Nội vụ",
        "Các phòng, ban",
        "Đề án được phê duyệt",
        "30/6/2024",
      ],
    ],
    tasks: [
      T("1", "", "Xây dựng Đề án vị trí việc làm", "Phòng Nội vụ", "30/6/2024", {
        coordinating: "Các phòng, ban",
        output: "Đề án được phê duyệt",
      }),
    ],
  },
  {
    name: "tien-do-holds-deadlines",
    layout: "“Tiến độ (hoàn thành)” holding deadlines: read as the deadline column",
    rows: [
      ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Tiến độ (hoàn thành)"],
      [1, "Ban hành quy chế làm việc của UBND tỉnh", "Văn phòng UBND tỉnh", "Quý I/2024"],
      [2, "Tổng kết công tác CCHC năm 2024", "Sở Nội vụ", "Tháng 12/2024"],
      [3, "Công khai kết quả Chỉ số CCHC", "Sở Nội vụ", "Thường xuyên"],
    ],
    tasks: [
      T("1", "", "Ban hành quy chế làm việc của UBND tỉnh", "Văn phòng UBND tỉnh", "Quý I/2024"),
      T("2", "", "Tổng kết công tác CCHC năm 2024", "Sở Nội vụ", "Tháng 12/2024"),
      T("3", "", "Công khai kết quả Chỉ số CCHC", "Sở Nội vụ", "Thường xuyên"),
    ],
    decisions: [/Tiến độ \(hoàn thành\).*thời hạn/],
  },
  {
    name: "tien-do-holds-progress",
    layout: "“Tiến độ (hoàn thành)” holding statuses next to a deadline column: read as progress",
    rows: [
      ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian hoàn thành", "Tiến độ (hoàn thành)"],
      [1, "Ban hành kế hoạch tự kiểm tra CCHC", "Sở Y tế", "Tháng 3/2024", "Đã hoàn thành"],
      [2, "Cập nhật quy trình nội bộ giải quyết TTHC", "Sở Y tế", "Quý III/2024", "Đang thực hiện"],
      [3, "Báo cáo CCHC năm", "Sở Y tế", "Tháng 12/2024", ""],
    ],
    tasks: [
      T("1", "", "Ban hành kế hoạch tự kiểm tra CCHC", "Sở Y tế", "Tháng 3/2024", {
        progress: { status: "Đã hoàn thành" },
      }),
      T("2", "", "Cập nhật quy trình nội bộ giải quyết TTHC", "Sở Y tế", "Quý III/2024", {
        progress: { status: "Đang thực hiện" },
      }),
      T("3", "", "Báo cáo CCHC năm", "Sở Y tế", "Tháng 12/2024"),
    ],
    decisions: [/Tiến độ \(hoàn thành\).*tiến độ/],
  },
  {
    name: "deadline-serials",
    layout: "deadlines as Excel date serials (date-formatted cells)",
    rows: [
      H,
      [1, "Hoàn thành số hóa sổ hộ tịch", "Sở Tư pháp", "", 45565],
      [2, "Báo cáo kết quả CCHC năm", "Sở Nội vụ", "Các sở, ban, ngành", 45646],
    ],
    tasks: [
      T("1", "", "Hoàn thành số hóa sổ hộ tịch", "Sở Tư pháp", 45565),
      T("2", "", "Báo cáo kết quả CCHC năm", "Sở Nội vụ", 45646, { coordinating: "Các sở, ban, ngành" }),
    ],
  },
  {
    name: "deadline-text-forms",
    layout: "deadlines written as text in the forms the core reads (text-formatted cells)",
    rows: [
      H,
      [1, "Ban hành danh mục TTHC nội bộ", "Văn phòng UBND tỉnh", "", "31/12/2024"],
      [2, "Rà soát quy trình nội bộ", "Các sở, ban, ngành", "", "Trước ngày 15/11/2024"],
      [3, "Tổng hợp báo cáo 6 tháng", "Sở Nội vụ", "", "6 tháng đầu năm"],
      [4, "Triển khai thanh toán trực tuyến", "Sở Tài chính", "", "Tháng 10-12/2024"],
      [5, "Kiểm tra công vụ đột xuất", "Sở Nội vụ", "", "Theo yêu cầu"],
      [6, "Công bố chỉ số CCHC", "Sở Nội vụ", "", "15.05.2024"],
    ],
    tasks: [
      T("1", "", "Ban hành danh mục TTHC nội bộ", "Văn phòng UBND tỉnh", "31/12/2024"),
      T("2", "", "Rà soát quy trình nội bộ", "Các sở, ban, ngành", "Trước ngày 15/11/2024"),
      T("3", "", "Tổng hợp báo cáo 6 tháng", "Sở Nội vụ", "6 tháng đầu năm"),
      T("4", "", "Triển khai thanh toán trực tuyến", "Sở Tài chính", "Tháng 10-12/2024"),
      T("5", "", "Kiểm tra công vụ đột xuất", "Sở Nội vụ", "Theo yêu cầu"),
      T("6", "", "Công bố chỉ số CCHC", "Sở Nội vụ", "15.05.2024"),
    ],
  },
  {
    name: "tracking-sheet-with-progress",
    layout: "a unit's tracking sheet: Tình trạng, Ngày hoàn thành (serial), Minh chứng, Ghi chú",
    rows: [
      [
        "STT",
        "Nhiệm vụ",
        "Cơ quan chủ trì",
        "Thời hạn",
        "Tình trạng",
        "Ngày hoàn thành",
        "Minh chứng",
        "Ghi chú",
      ],
      [
        1,
        "Ban hành kế hoạch CCHC của Sở",
        "Sở Xây dựng",
        "Tháng 1/2024",
        "Đã hoàn thành",
        45322,
        "https://sxd.quangngai.gov.vn/kh-01",
        "",
      ],
      [
        2,
        "Niêm yết TTHC lĩnh vực xây dựng",
        "Sở Xây dựng",
        "Thường xuyên",
        "Đang thực hiện",
        "",
        "",
        "Chờ bộ TTHC mới",
      ],
      [3, "Báo cáo CCHC quý IV", "Sở Xây dựng", "Tháng 12/2024", "", "", "", ""],
    ],
    tasks: [
      T("1", "", "Ban hành kế hoạch CCHC của Sở", "Sở Xây dựng", "Tháng 1/2024", {
        progress: {
          status: "Đã hoàn thành",
          completedOn: 45322,
          evidence: "https://sxd.quangngai.gov.vn/kh-01",
        },
      }),
      T("2", "", "Niêm yết TTHC lĩnh vực xây dựng", "Sở Xây dựng", "Thường xuyên", {
        progress: { status: "Đang thực hiện", note: "Chờ bộ TTHC mới" },
      }),
      T("3", "", "Báo cáo CCHC quý IV", "Sở Xây dựng", "Tháng 12/2024"),
    ],
  },
  {
    name: "tcvn3-table",
    layout: "a table typed with .VnTime (TCVN3)",
    rows: LEGACY_ROWS.map((r) => r.map(tcvn3)),
    options: { convertLegacy: true },
    tasks: LEGACY_TASKS,
  },
  {
    name: "vni-table",
    layout: "a table typed with VNI-Times",
    rows: LEGACY_ROWS.map((r) => r.map(vni)),
    options: { convertLegacy: true },
    tasks: LEGACY_TASKS,
  },
  {
    name: "nfd-table",
    layout: "decomposed (NFD) text, as some Mac and web tools write",
    rows: LEGACY_ROWS.map((r) => r.map(nfd)),
    tasks: LEGACY_TASKS,
  },
];
