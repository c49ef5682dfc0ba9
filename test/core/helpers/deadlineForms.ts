/**
 * The deadline forms of ../shared/DOMAIN.md §2 as plan tables write them (plan year 2024): one list for
 * the tests that check the demo catalogue uses them all, the NFD test, the fuzz corpus's seeds
 * and the parsing benchmark, so a form added once is covered everywhere.
 */
export const DEADLINE_FORMS: readonly string[] = [
  "Quý I/2024",
  "Quý II năm 2024",
  "Quí III/2024",
  "Quý IV/2024",
  "Quý 4 năm 2024",
  "Quí IV",
  "Tháng 3/2024",
  "Tháng 12/2024",
  "tháng 12 năm 2024",
  "Trước ngày 31/12/2024",
  "trước 15/12",
  "30/11/2024",
  "15-10-2024",
  "20.12.2024",
  "ngày 30 tháng 11 năm 2024",
  "6 tháng đầu năm",
  "6 tháng cuối năm",
  "Năm 2024",
  "Cả năm",
  "Trong năm 2024",
  "Thường xuyên",
  "Hằng quý",
  "Định kỳ",
  "Theo quy định",
  "Theo yêu cầu",
  "Tháng 10-12/2024",
  "Quý III-IV/2024",
];
