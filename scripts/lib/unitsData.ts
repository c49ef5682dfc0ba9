import Papa from "papaparse";

export interface UnitRecord {
  id: string;
  name: string;
  level: "agency" | "central" | "district" | "commune";
  parentId?: string;
  /** Short name without the kind word ("Bình Sơn"), for districts and communes. */
  shortName?: string;
  /** tinh | thanh-pho | thi-xa | huyen | phuong | thi-tran | xa (administrative units only). */
  kind?: string;
  abbreviations?: string[];
  evidence?: string;
}

export interface UnitsData {
  source: { files: string[]; provenance: string };
  units: UnitRecord[];
}

function rows(csv: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: true,
  });
  if (parsed.errors.length > 0)
    throw new Error(parsed.errors.map((e) => `${e.row}: ${e.message}`).join("; "));
  return parsed.data;
}

export function buildUnitsData(adminCsv: string, agenciesCsv: string): UnitsData {
  const units: UnitRecord[] = [];
  for (const r of rows(agenciesCsv)) {
    const level = r.group === "co-quan-trung-uong" ? "central" : r.group === "so-ban-nganh" ? "agency" : null;
    if (!level) throw new Error(`Unknown agency group ${r.group} for ${r.id}`);
    const abbreviations = (r.common_abbreviations ?? "")
      .split("|")
      .map((s) => s.trim())
      .filter(Boolean);
    units.push({ id: r.id, name: r.name, level, abbreviations, evidence: r.evidence });
  }
  for (const r of rows(adminCsv)) {
    if (r.level === "province") continue;
    if (r.level !== "district" && r.level !== "commune")
      throw new Error(`Unknown level ${r.level} for ${r.code}`);
    units.push({
      id: r.code,
      name: r.full_name,
      level: r.level,
      parentId: r.level === "commune" ? r.parent_code : undefined,
      shortName: r.name,
      kind: r.kind,
    });
  }
  return {
    source: {
      files: ["quang-ngai-2024-admin-units.csv", "quang-ngai-2024-agencies.csv"],
      provenance:
        "Đơn vị hành chính 2024: thanglequoc/vietnamese-provinces-database v2.2.0 (09/11/2024), MIT, (c) 2021 Thang Le Quoc. " +
        "Sở, ban, ngành 2024: tái dựng từ ký hiệu văn bản (xem cột evidence); 5 cơ quan Trung ương nêu trong CV 5893/UBND-TTHC.",
    },
    units,
  };
}
