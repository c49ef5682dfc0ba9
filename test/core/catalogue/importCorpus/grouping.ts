/** Grouping: Phần I / A. areas, numbered groups with lettered or 1.1 tasks, bullets. */
import { T, type CorpusCase } from "./types";

const H = ["TT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"];

export const GROUPING: CorpusCase[] = [
  {
    name: "phan-areas",
    layout: "areas written “Phần I.”, “Phần II.” in the content column",
    rows: [
      H,
      ["", "Phần I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "", "", ""],
      [1, "Kiện toàn Ban Chỉ đạo CCHC của tỉnh", "Sở Nội vụ", "", "Quý I/2024"],
      ["", "Phần II. CẢI CÁCH THỂ CHẾ", "", "", ""],
      [1, "Kiểm tra, xử lý văn bản quy phạm pháp luật", "Sở Tư pháp", "Các sở, ban, ngành", "Thường xuyên"],
    ],
    tasks: [
      T("I.1", "I", "Kiện toàn Ban Chỉ đạo CCHC của tỉnh", "Sở Nội vụ", "Quý I/2024"),
      T("II.1", "II", "Kiểm tra, xử lý văn bản quy phạm pháp luật", "Sở Tư pháp", "Thường xuyên", {
        coordinating: "Các sở, ban, ngành",
      }),
    ],
  },
  {
    name: "letter-areas-by-name",
    layout: "areas “A.”, “B.” whose names say which of the seven areas they are",
    rows: [
      H,
      ["A", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", "", ""],
      [1, "Công khai TTHC trên Cổng dịch vụ công", "Văn phòng UBND tỉnh", "", "Thường xuyên"],
      ["B", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", "", "", ""],
      [1, "Tuyển dụng công chức theo vị trí việc làm", "Sở Nội vụ", "", "Năm 2024"],
    ],
    tasks: [
      T("III.1", "III", "Công khai TTHC trên Cổng dịch vụ công", "Văn phòng UBND tỉnh", "Thường xuyên"),
      T("V.1", "V", "Tuyển dụng công chức theo vị trí việc làm", "Sở Nội vụ", "Năm 2024"),
    ],
  },
  {
    name: "letter-areas-in-order",
    layout: "areas “A. …”, “B. …” in the content column, names not the national ones",
    rows: [
      H,
      ["", "A. NHIỆM VỤ TRỌNG TÂM", "", "", ""],
      [1, "Ban hành kế hoạch kiểm tra CCHC năm 2024", "Sở Nội vụ", "", "Tháng 3/2024"],
      ["", "B. NHIỆM VỤ THƯỜNG XUYÊN", "", "", ""],
      [1, "Tiếp nhận, xử lý phản ánh, kiến nghị về TTHC", "Văn phòng UBND tỉnh", "", "Thường xuyên"],
    ],
    tasks: [
      T("I.1", "I", "Ban hành kế hoạch kiểm tra CCHC năm 2024", "Sở Nội vụ", "Tháng 3/2024"),
      T("II.1", "II", "Tiếp nhận, xử lý phản ánh, kiến nghị về TTHC", "Văn phòng UBND tỉnh", "Thường xuyên"),
    ],
  },
  {
    name: "numbered-groups-lettered-tasks",
    layout: "group “1.” without lead or deadline holding “a)”, “b)” tasks",
    rows: [
      H,
      ["III", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", "", ""],
      ["1.", "Kiểm soát thủ tục hành chính", "", "", ""],
      [
        "a)",
        "Đánh giá tác động TTHC trong dự thảo văn bản",
        "Các sở, ban, ngành",
        "Sở Tư pháp",
        "Thường xuyên",
      ],
      ["b)", "Công bố, công khai danh mục TTHC", "Văn phòng UBND tỉnh", "", "Theo quy định"],
      ["2.", "Thực hiện cơ chế một cửa, một cửa liên thông", "", "", ""],
      [
        "a)",
        "Tiếp nhận hồ sơ trực tuyến",
        "Trung tâm Phục vụ hành chính công tỉnh",
        "Các sở, ban, ngành",
        "Thường xuyên",
      ],
    ],
    tasks: [
      T(
        "III.1.a",
        "III",
        "Đánh giá tác động TTHC trong dự thảo văn bản",
        "Các sở, ban, ngành",
        "Thường xuyên",
        {
          coordinating: "Sở Tư pháp",
        },
      ),
      T("III.1.b", "III", "Công bố, công khai danh mục TTHC", "Văn phòng UBND tỉnh", "Theo quy định"),
      T(
        "III.2.a",
        "III",
        "Tiếp nhận hồ sơ trực tuyến",
        "Trung tâm Phục vụ hành chính công tỉnh",
        "Thường xuyên",
        {
          coordinating: "Các sở, ban, ngành",
        },
      ),
    ],
  },
  {
    name: "numbered-groups-dotted-tasks",
    layout: "group “1” holding tasks “1.1”, “1.2”; group “2” holding “2.1”",
    rows: [
      H,
      ["VII", "XÂY DỰNG CHÍNH QUYỀN SỐ", "", "", ""],
      [1, "Hạ tầng số", "", "", ""],
      ["1.1", "Nâng cấp mạng truyền số liệu chuyên dùng", "Sở Thông tin và Truyền thông", "", "Quý III/2024"],
      [
        "1.2",
        "Bảo đảm an toàn thông tin cấp độ",
        "Sở Thông tin và Truyền thông",
        "Công an tỉnh",
        "Thường xuyên",
      ],
      [2, "Dữ liệu số", "", "", ""],
      [
        "2.1",
        "Xây dựng kho dữ liệu dùng chung của tỉnh",
        "Sở Thông tin và Truyền thông",
        "Các sở, ban, ngành",
        "Quý IV/2024",
      ],
    ],
    tasks: [
      T(
        "VII.1.1",
        "VII",
        "Nâng cấp mạng truyền số liệu chuyên dùng",
        "Sở Thông tin và Truyền thông",
        "Quý III/2024",
      ),
      T(
        "VII.1.2",
        "VII",
        "Bảo đảm an toàn thông tin cấp độ",
        "Sở Thông tin và Truyền thông",
        "Thường xuyên",
        {
          coordinating: "Công an tỉnh",
        },
      ),
      T(
        "VII.2.1",
        "VII",
        "Xây dựng kho dữ liệu dùng chung của tỉnh",
        "Sở Thông tin và Truyền thông",
        "Quý IV/2024",
        {
          coordinating: "Các sở, ban, ngành",
        },
      ),
    ],
  },
  {
    name: "markers-in-content-column",
    layout: "Word paste: STT only on groups, “a) …” written in the content cell",
    rows: [
      H,
      ["II", "CẢI CÁCH THỂ CHẾ", "", "", ""],
      ["1", "Xây dựng văn bản quy phạm pháp luật", "", "", ""],
      ["", "a) Xây dựng Nghị quyết về phí, lệ phí", "Sở Tài chính", "Sở Tư pháp", "Tháng 7/2024"],
      ["", "b) Xây dựng Quyết định phân cấp quản lý", "Sở Nội vụ", "", "Quý III/2024"],
    ],
    tasks: [
      T("II.1.a", "II", "Xây dựng Nghị quyết về phí, lệ phí", "Sở Tài chính", "Tháng 7/2024", {
        coordinating: "Sở Tư pháp",
      }),
      T("II.1.b", "II", "Xây dựng Quyết định phân cấp quản lý", "Sở Nội vụ", "Quý III/2024"),
    ],
  },
  {
    name: "bullets-in-stt-column",
    layout: "sub-items “-”, “+”, “•” without their own lead belong to the task above",
    rows: [
      H,
      ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "", "", ""],
      [1, "Tuyên truyền về cải cách hành chính", "Sở Nội vụ", "Sở Thông tin và Truyền thông", "Thường xuyên"],
      ["-", "Tổ chức Cuộc thi tìm hiểu CCHC", "", "", ""],
      ["+", "Xây dựng chuyên mục CCHC trên Báo Quảng Ngãi", "", "", ""],
      ["•", "Phát hành tờ rơi tại Bộ phận Một cửa", "", "", ""],
      [2, "Kiểm tra công tác CCHC", "Sở Nội vụ", "", "Quý III/2024"],
    ],
    tasks: [
      T(
        "I.1",
        "I",
        "Tuyên truyền về cải cách hành chính\n- Tổ chức Cuộc thi tìm hiểu CCHC\n+ Xây dựng chuyên mục CCHC trên Báo Quảng Ngãi\n• Phát hành tờ rơi tại Bộ phận Một cửa",
        "Sở Nội vụ",
        "Thường xuyên",
        { coordinating: "Sở Thông tin và Truyền thông" },
      ),
      T("I.2", "I", "Kiểm tra công tác CCHC", "Sở Nội vụ", "Quý III/2024"),
    ],
  },
  {
    name: "bullets-in-content-column",
    layout: "Word paste: bullet lines in the content cell of rows without STT",
    rows: [
      H,
      ["V", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", "", "", ""],
      [1, "Nâng cao đạo đức công vụ", "Sở Nội vụ", "", "Thường xuyên"],
      ["", "- Kiểm tra việc chấp hành giờ giấc làm việc", "", "", ""],
      ["", "- Công khai kết quả kiểm tra công vụ", "", "", ""],
      [2, "Đào tạo, bồi dưỡng công chức", "Sở Nội vụ", "Các sở, ban, ngành", "Quý IV/2024"],
    ],
    tasks: [
      T(
        "V.1",
        "V",
        "Nâng cao đạo đức công vụ\n- Kiểm tra việc chấp hành giờ giấc làm việc\n- Công khai kết quả kiểm tra công vụ",
        "Sở Nội vụ",
        "Thường xuyên",
      ),
      T("V.2", "V", "Đào tạo, bồi dưỡng công chức", "Sở Nội vụ", "Quý IV/2024", {
        coordinating: "Các sở, ban, ngành",
      }),
    ],
  },
  {
    name: "area-heading-in-content-column",
    layout: "Roman area in the content cell (STT empty), group numbers restart per area",
    rows: [
      H,
      ["", "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "", "", ""],
      [1, "Xây dựng kế hoạch CCHC năm 2025", "Sở Nội vụ", "", "Tháng 12/2024"],
      ["", "III. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", "", ""],
      [1, "Rút ngắn thời gian giải quyết TTHC", "Các sở, ban, ngành", "", "Năm 2024"],
    ],
    tasks: [
      T("I.1", "I", "Xây dựng kế hoạch CCHC năm 2025", "Sở Nội vụ", "Tháng 12/2024"),
      T("III.1", "III", "Rút ngắn thời gian giải quyết TTHC", "Các sở, ban, ngành", "Năm 2024"),
    ],
  },
];
