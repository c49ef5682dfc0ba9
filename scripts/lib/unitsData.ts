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

/** A row of the 2025 lineage: an old unit (June 2025) and one new unit it became (part of). */
export interface LineageRecord {
  oldCode: string;
  oldName: string;
  newCode: string;
  share: "full" | "partial";
}

export interface Units2025Data extends UnitsData {
  /** Map in force from this date. */
  inForceFrom: string;
  lineage: LineageRecord[];
}

/**
 * The units of the new Quảng Ngãi in force from 01/07/2025: 14 departments (with the 2024
 * departments they replaced as `predecessors`), the five central agencies of the 2024 list (their
 * 2025 names are not verified), 96 communes (no district level) and the lineage of old units.
 */
export function buildUnits2025Data(
  communesCsv: string,
  lineageCsv: string,
  agencies2025Csv: string,
  agencies2024Csv: string,
): Units2025Data {
  const units: Array<UnitRecord & { predecessors?: string[] }> = [];
  const list = (s: string | undefined) =>
    (s ?? "")
      .split("|")
      .map((x) => x.trim())
      .filter(Boolean);
  for (const r of rows(agencies2025Csv)) {
    if (r.group !== "so-ban-nganh") throw new Error(`Unknown agency group ${r.group} for ${r.id}`);
    units.push({
      id: r.id,
      name: r.name,
      level: "agency",
      abbreviations: list(r.common_abbreviations),
      predecessors: list(r.predecessors),
      evidence: r.evidence,
    });
  }
  for (const r of rows(agencies2024Csv)) {
    if (r.group !== "co-quan-trung-uong") continue;
    units.push({
      id: r.id,
      name: r.name,
      level: "central",
      abbreviations: list(r.common_abbreviations),
      evidence: `${r.evidence}; 2025 name not verified`,
    });
  }
  for (const r of rows(communesCsv)) {
    if (!["xa", "phuong", "dac-khu"].includes(r.kind))
      throw new Error(`Unknown kind ${r.kind} for ${r.code}`);
    units.push({ id: r.code, name: r.full_name, level: "commune", shortName: r.name, kind: r.kind });
  }
  const lineage = rows(lineageCsv).map((r): LineageRecord => {
    if (r.share !== "full" && r.share !== "partial")
      throw new Error(`Unknown share ${r.share} for ${r.old_code}`);
    if (!units.some((u) => u.level === "commune" && u.id === r.new_code))
      throw new Error(`Lineage ${r.old_code} → unknown new unit ${r.new_code}`);
    return {
      oldCode: r.old_code,
      oldName: r.old_name.replace(/\s+/g, " ").trim(),
      newCode: r.new_code,
      share: r.share,
    };
  });
  return {
    source: {
      files: [
        "quang-ngai-2025-07-communes.csv",
        "quang-ngai-2025-07-lineage.csv",
        "quang-ngai-2025-07-agencies.csv",
        "quang-ngai-2024-agencies.csv",
      ],
      provenance:
        "Tỉnh Quảng Ngãi mới (NQ 202/2025/QH15), chính quyền hai cấp từ 01/07/2025: 96 đơn vị cấp xã (NQ 1677/NQ-UBTVQH15) — " +
        "thanglequoc/vietnamese-provinces-database v4.2.0, MIT; nguồn gốc đơn vị cũ — dvhcvn/20250701 mapping/merges.json, MIT " +
        "(đã đối chiếu nghị quyết, sửa Xã Hà Mòn → Xã Đăk Hà); 14 sở sau hợp nhất 02/2025 (xem cột evidence); " +
        "5 cơ quan Trung ương giữ tên năm 2024 (tên mới chưa xác minh).",
    },
    inForceFrom: "2025-07-01",
    units,
    lineage,
  };
}
