/** Layouts: title blocks, header rows far down, empty first columns, two-row headers, number rows. */
import { T, type CorpusCase } from "./types";

const H = ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"];

export const LAYOUTS: CorpusCase[] = [
  {
    name: "tidy-one-row-header",
    layout: "one header row, Roman areas in the STT column",
    rows: [
      H,
      ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "", "", ""],
      [1, "Ban hành Kế hoạch CCHC năm 2024", "Sở Nội vụ", "Các sở, ban, ngành", "Tháng 01/2024"],
      [2, "Tổ chức kiểm tra công tác CCHC tại các cơ quan, đơn vị", "Sở Nội vụ", "", "Quý III/2024"],
      ["II", "CẢI CÁCH THỂ CHẾ", "", "", ""],
      [
        1,
        "Rà soát, hệ thống hóa văn bản quy phạm pháp luật",
        "Sở Tư pháp",
        "Các sở, ban, ngành",
        "Quý IV/2024",
      ],
    ],
    tasks: [
      T("I.1", "I", "Ban hành Kế hoạch CCHC năm 2024", "Sở Nội vụ", "Tháng 01/2024", {
        coordinating: "Các sở, ban, ngành",
      }),
      T("I.2", "I", "Tổ chức kiểm tra công tác CCHC tại các cơ quan, đơn vị", "Sở Nội vụ", "Quý III/2024"),
      T("II.1", "II", "Rà soát, hệ thống hóa văn bản quy phạm pháp luật", "Sở Tư pháp", "Quý IV/2024", {
        coordinating: "Các sở, ban, ngành",
      }),
    ],
  },
  {
    name: "title-block-above",
    layout: "PHỤ LỤC, plan name and “(Kèm theo Kế hoạch số …)” above, blank rows",
    rows: [
      ["PHỤ LỤC", "", "", "", ""],
      ["DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024 CỦA UBND HUYỆN BÌNH SƠN", "", "", "", ""],
      ["(Kèm theo Kế hoạch số 15/KH-UBND ngày 10/01/2024 của UBND huyện Bình Sơn)", "", "", "", ""],
      ["", "", "", "", ""],
      H,
      ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "", "", ""],
      [
        1,
        "Xây dựng kế hoạch tuyên truyền CCHC năm 2024",
        "Phòng Nội vụ",
        "Phòng Văn hóa và Thông tin",
        "Tháng 02/2024",
      ],
      [2, "Báo cáo kết quả CCHC quý, 6 tháng, năm", "Phòng Nội vụ", "Các phòng chuyên môn", "Hằng quý"],
    ],
    tasks: [
      T("I.1", "I", "Xây dựng kế hoạch tuyên truyền CCHC năm 2024", "Phòng Nội vụ", "Tháng 02/2024", {
        coordinating: "Phòng Văn hóa và Thông tin",
      }),
      T("I.2", "I", "Báo cáo kết quả CCHC quý, 6 tháng, năm", "Phòng Nội vụ", "Hằng quý", {
        coordinating: "Các phòng chuyên môn",
      }),
    ],
  },
  {
    name: "header-after-row-ten",
    layout: "a memo's text pasted above the table: header on row 15",
    rows: [
      ["ỦY BAN NHÂN DÂN", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", ""],
      ["TỈNH QUẢNG NGÃI", "", "Độc lập - Tự do - Hạnh phúc", ""],
      ["", "", "", ""],
      ["Số: 123/KH-UBND", "", "Quảng Ngãi, ngày 15 tháng 01 năm 2024", ""],
      ["", "", "", ""],
      ["KẾ HOẠCH", "", "", ""],
      ["Cải cách hành chính năm 2024", "", "", ""],
      ["I. MỤC ĐÍCH, YÊU CẦU", "", "", ""],
      ["1. Mục đích: đẩy mạnh cải cách hành chính, nâng cao Chỉ số CCHC của tỉnh.", "", "", ""],
      ["2. Yêu cầu: xác định rõ nhiệm vụ, thời hạn, trách nhiệm của từng cơ quan.", "", "", ""],
      ["II. NHIỆM VỤ CỤ THỂ", "", "", ""],
      ["(Chi tiết tại Phụ lục kèm theo)", "", "", ""],
      ["", "", "", ""],
      ["PHỤ LỤC", "", "", ""],
      ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn"],
      [1, "Công bố danh mục thủ tục hành chính", "Văn phòng UBND tỉnh", "Thường xuyên"],
      [2, "Số hóa hồ sơ, kết quả giải quyết TTHC", "Sở Thông tin và Truyền thông", "31/12/2024"],
    ],
    tasks: [
      T("1", "", "Công bố danh mục thủ tục hành chính", "Văn phòng UBND tỉnh", "Thường xuyên"),
      T("2", "", "Số hóa hồ sơ, kết quả giải quyết TTHC", "Sở Thông tin và Truyền thông", "31/12/2024"),
    ],
  },
  {
    name: "empty-first-column",
    layout: "table pasted at column B: column A empty everywhere",
    rows: [
      ["", "STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian"],
      ["", "III", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", "", ""],
      [
        "",
        1,
        "Rà soát, đơn giản hóa thủ tục hành chính",
        "Văn phòng UBND tỉnh",
        "Các sở, ban, ngành",
        "Quý II/2024",
      ],
      [
        "",
        2,
        "Niêm yết công khai TTHC tại Bộ phận Một cửa",
        "UBND các huyện, thị xã, thành phố",
        "",
        "Thường xuyên",
      ],
    ],
    tasks: [
      T("III.1", "III", "Rà soát, đơn giản hóa thủ tục hành chính", "Văn phòng UBND tỉnh", "Quý II/2024", {
        coordinating: "Các sở, ban, ngành",
      }),
      T(
        "III.2",
        "III",
        "Niêm yết công khai TTHC tại Bộ phận Một cửa",
        "UBND các huyện, thị xã, thành phố",
        "Thường xuyên",
      ),
    ],
  },
  {
    name: "two-row-merged-header",
    layout: "“Đơn vị thực hiện” over Chủ trì | Phối hợp, “Thời gian” over Bắt đầu | Hoàn thành",
    rows: [
      ["STT", "Nhiệm vụ", "Đơn vị thực hiện", "", "Thời gian", ""],
      ["", "", "Chủ trì", "Phối hợp", "Bắt đầu", "Hoàn thành"],
      ["IV", "CẢI CÁCH TỔ CHỨC BỘ MÁY", "", "", "", ""],
      [
        1,
        "Rà soát chức năng, nhiệm vụ của các cơ quan chuyên môn",
        "Sở Nội vụ",
        "Các sở, ban, ngành",
        "Tháng 01/2024",
        "Tháng 6/2024",
      ],
      [
        2,
        "Sắp xếp đơn vị hành chính cấp xã giai đoạn 2023-2025",
        "Sở Nội vụ",
        "UBND các huyện, thị xã, thành phố",
        "Quý I/2024",
        "Quý IV/2024",
      ],
    ],
    tasks: [
      T("IV.1", "IV", "Rà soát chức năng, nhiệm vụ của các cơ quan chuyên môn", "Sở Nội vụ", "Tháng 6/2024", {
        coordinating: "Các sở, ban, ngành",
      }),
      T("IV.2", "IV", "Sắp xếp đơn vị hành chính cấp xã giai đoạn 2023-2025", "Sở Nội vụ", "Quý IV/2024", {
        coordinating: "UBND các huyện, thị xã, thành phố",
      }),
    ],
  },
  {
    name: "column-number-row",
    layout: "“(1) (2) (3)…” row under the header",
    rows: [
      [
        "STT",
        "Nội dung công việc",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Sản phẩm",
        "Thời gian hoàn thành",
      ],
      ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
      ["V", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", "", "", "", ""],
      [
        1,
        "Xây dựng vị trí việc làm",
        "Sở Nội vụ",
        "Các sở, ban, ngành",
        "Quyết định phê duyệt",
        "Quý III/2024",
      ],
      [2, "Đánh giá, xếp loại công chức năm 2024", "Các sở, ban, ngành", "", "Báo cáo", "Tháng 12/2024"],
    ],
    tasks: [
      T("V.1", "V", "Xây dựng vị trí việc làm", "Sở Nội vụ", "Quý III/2024", {
        coordinating: "Các sở, ban, ngành",
        output: "Quyết định phê duyệt",
      }),
      T("V.2", "V", "Đánh giá, xếp loại công chức năm 2024", "Các sở, ban, ngành", "Tháng 12/2024", {
        output: "Báo cáo",
      }),
    ],
  },
  {
    name: "word-appendix-full",
    layout: "title block, two-row header with STT merged down, number row 1..7 as numbers",
    rows: [
      ["", "PHỤ LỤC", "", "", "", "", "", ""],
      ["", "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024", "", "", "", "", "", ""],
      [
        "",
        "(Kèm theo Kế hoạch số 301/KH-UBND ngày 15/12/2023 của UBND tỉnh Quảng Ngãi)",
        "",
        "",
        "",
        "",
        "",
        "",
      ],
      ["", "", "", "", "", "", "", ""],
      ["", "STT", "Nội dung nhiệm vụ", "Cơ quan thực hiện", "", "Sản phẩm", "Thời gian", ""],
      ["", "", "", "Chủ trì", "Phối hợp", "", "Bắt đầu", "Kết thúc"],
      ["", 1, 2, 3, 4, 5, 6, 7],
      ["", "VI", "CẢI CÁCH TÀI CHÍNH CÔNG", "", "", "", "", ""],
      [
        "",
        1,
        "Giao quyền tự chủ tài chính cho đơn vị sự nghiệp công lập",
        "Sở Tài chính",
        "Các sở, ban, ngành",
        "Quyết định giao tự chủ",
        "Quý I/2024",
        "Quý III/2024",
      ],
      ["", "VII", "XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ", "", "", "", "", ""],
      [
        "",
        1,
        "Nâng cấp Hệ thống thông tin giải quyết TTHC tỉnh",
        "Sở Thông tin và Truyền thông",
        "Văn phòng UBND tỉnh",
        "Hệ thống được nâng cấp",
        "Quý II/2024",
        "Quý IV/2024",
      ],
    ],
    tasks: [
      T(
        "VI.1",
        "VI",
        "Giao quyền tự chủ tài chính cho đơn vị sự nghiệp công lập",
        "Sở Tài chính",
        "Quý III/2024",
        {
          coordinating: "Các sở, ban, ngành",
          output: "Quyết định giao tự chủ",
        },
      ),
      T(
        "VII.1",
        "VII",
        "Nâng cấp Hệ thống thông tin giải quyết TTHC tỉnh",
        "Sở Thông tin và Truyền thông",
        "Quý IV/2024",
        {
          coordinating: "Văn phòng UBND tỉnh",
          output: "Hệ thống được nâng cấp",
        },
      ),
    ],
  },
  {
    name: "repeated-header-per-page",
    layout: "a PDF converted to Excel: header and number row repeated at each page",
    rows: [
      ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian hoàn thành"],
      ["(1)", "(2)", "(3)", "(4)"],
      [1, "Kiện toàn Bộ phận Một cửa cấp huyện", "UBND các huyện, thị xã, thành phố", "Quý I/2024"],
      [2, "Tập huấn nghiệp vụ CCHC cho công chức cấp xã", "Sở Nội vụ", "Quý II/2024"],
      ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian hoàn thành"],
      ["(1)", "(2)", "(3)", "(4)"],
      [3, "Khảo sát sự hài lòng của người dân, tổ chức", "Sở Nội vụ", "Quý IV/2024"],
    ],
    tasks: [
      T("1", "", "Kiện toàn Bộ phận Một cửa cấp huyện", "UBND các huyện, thị xã, thành phố", "Quý I/2024"),
      T("2", "", "Tập huấn nghiệp vụ CCHC cho công chức cấp xã", "Sở Nội vụ", "Quý II/2024"),
      T("3", "", "Khảo sát sự hài lòng của người dân, tổ chức", "Sở Nội vụ", "Quý IV/2024"),
    ],
  },
  {
    name: "explicit-id-and-area-columns",
    layout: "a tracking sheet kept all year: Mã NV and Lĩnh vực columns, no headings",
    rows: [
      ["Mã NV", "Lĩnh vực", "Nhiệm vụ", "Đơn vị chủ trì", "Hạn hoàn thành"],
      ["II.3", "II", "Theo dõi thi hành pháp luật", "Sở Tư pháp", "Tháng 11/2024"],
      ["III.5", "III", "Thực hiện thanh toán trực tuyến phí, lệ phí", "Các sở, ban, ngành", "Thường xuyên"],
    ],
    tasks: [
      T("II.3", "II", "Theo dõi thi hành pháp luật", "Sở Tư pháp", "Tháng 11/2024"),
      T("III.5", "III", "Thực hiện thanh toán trực tuyến phí, lệ phí", "Các sở, ban, ngành", "Thường xuyên"),
    ],
  },
];
