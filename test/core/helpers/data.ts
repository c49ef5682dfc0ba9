/**
 * Test helpers shared by the core tests: the reference data in ../shared/data (read
 * independently of the implementation's own JSON copy) and small Vietnamese-text transforms.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";

export const SHARED_DATA = join(__dirname, "..", "..", "..", "..", "shared", "data");

function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(join(SHARED_DATA, file), "utf8");
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

export interface AdminUnitRow {
  code: string;
  level: "province" | "district" | "commune";
  kind: string;
  name: string;
  full_name: string;
  name_ascii: string;
  parent_code: string;
}

export interface AgencyRow {
  id: string;
  group: "so-ban-nganh" | "co-quan-trung-uong";
  name: string;
  common_abbreviations: string;
  evidence: string;
}

export const ADMIN_UNITS = readCsv("quang-ngai-2024-admin-units.csv") as unknown as AdminUnitRow[];
export const DISTRICTS = ADMIN_UNITS.filter((r) => r.level === "district");
export const COMMUNES = ADMIN_UNITS.filter((r) => r.level === "commune");
export const AGENCIES = readCsv("quang-ngai-2024-agencies.csv") as unknown as AgencyRow[];
export const DEPARTMENTS = AGENCIES.filter((r) => r.group === "so-ban-nganh");
export const CENTRAL = AGENCIES.filter((r) => r.group === "co-quan-trung-uong");

export function districtOf(commune: AdminUnitRow): AdminUnitRow {
  const d = DISTRICTS.find((x) => x.code === commune.parent_code);
  if (!d) throw new Error(`no district ${commune.parent_code}`);
  return d;
}

/** Communes whose full name (exactly as written, with diacritics) occurs once in the province. */
export function hasUniqueExactName(commune: AdminUnitRow): boolean {
  const nfc = commune.full_name.normalize("NFC");
  return COMMUNES.filter((c) => c.full_name.normalize("NFC") === nfc).length === 1;
}

const TONES = "\u0300\u0301\u0303\u0309\u0323";

/**
 * Moves the tone mark of the open rhymes oa, oe, uy (at the end of a syllable) to the other
 * vowel: "Hòa" ↔ "Hoà", "Ủy" ↔ "Uỷ". Written independently of src/core/text.
 */
export function otherToneStyle(text: string): string {
  const nfd = text.normalize("NFD");
  const oldToNew = new RegExp(`([oOuU])([${TONES}])([aeyAEY])(?![\\p{L}\\p{M}])`, "gu");
  const newToOld = new RegExp(`([oOuU])([aeyAEY])([${TONES}])(?![\\p{L}\\p{M}])`, "gu");
  const swapped = oldToNew.test(nfd) ? nfd.replace(oldToNew, "$1$3$2") : nfd.replace(newToOld, "$1$3$2");
  return swapped.normalize("NFC");
}

/** Vietnamese-looking words for generated text (no legacy-encoding look-alikes). */
export const VIETNAMESE_WORDS = [
  "Xây",
  "dựng",
  "kế",
  "hoạch",
  "cải",
  "cách",
  "hành",
  "chính",
  "năm",
  "tuyên",
  "truyền",
  "kiểm",
  "tra",
  "thủ",
  "tục",
  "số",
  "hóa",
  "hồ",
  "sơ",
  "Ủy",
  "ban",
  "nhân",
  "dân",
  "tỉnh",
  "Quảng",
  "Ngãi",
  "đánh",
  "giá",
  "chỉ",
  "PAR",
  "Index",
  "2024",
  "(CCHC)",
  "và",
  "các",
  "đơn",
  "vị",
];
