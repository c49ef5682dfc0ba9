/**
 * Lineage (nguồn gốc) of units across the 01/07/2025 reorganisation: a name of the old map used
 * in a plan of the new map is answered with its successor(s), never silently guessed.
 *   - an old commune → the new commune(s) it became part of (several when it was split);
 *   - an old district → the district level ended on 01/07/2025, and the new communes covering it;
 *   - a 2024 department merged in February 2025 → the department that took it over;
 *   - an old commune of Kon Tum (merged into the new province) → its successor, by name.
 * Data: units-2025-07.json (`lineage`, departments' `predecessors`).
 */
import {
  DISTRICT_LEVEL_ENDED,
  LINEAGE_2025,
  displayName,
  findUnit,
  listUnits,
  unitById,
  unitCandidates,
  unitKey,
  unitMapAt,
  unitPredecessorIds,
  type LineageRow,
  type Unit,
} from "./units";

export interface LineageAnswer {
  /** "successor": an old unit and what it became; "district": a district (level ended); "ended": merged before 07/2025, successor unknown. */
  kind: "successor" | "district" | "ended";
  /** The old units the name may mean (display names, with their district when needed). */
  old: string[];
  /** Units of the new map that now cover them (every one, in data order). */
  successors: Unit[];
  /** Some old unit was split between several successors. */
  split: boolean;
  /** Vietnamese: what happened and what to write instead. */
  message: string;
}

const NEW = DISTRICT_LEVEL_ENDED;

let byOldCode: Map<string, LineageRow[]> | null = null;
let byOldKey: Map<string, LineageRow[]> | null = null;
function rowsByOldCode(): Map<string, LineageRow[]> {
  if (!byOldCode) {
    byOldCode = new Map();
    for (const r of LINEAGE_2025) byOldCode.set(r.oldCode, [...(byOldCode.get(r.oldCode) ?? []), r]);
  }
  return byOldCode;
}
/** Old units by the folded name the lineage gives them (old Kon Tum; names of June 2025). */
function rowsByOldKey(): Map<string, LineageRow[]> {
  if (!byOldKey) {
    byOldKey = new Map();
    for (const r of LINEAGE_2025) {
      const k = unitKey(r.oldName);
      byOldKey.set(k, [...(byOldKey.get(k) ?? []), r]);
    }
  }
  return byOldKey;
}

function uniqueUnits(ids: Iterable<string>): Unit[] {
  const order = new Map(listUnits(undefined, NEW).map((u, i) => [u.id, i]));
  return [...new Set(ids)]
    .map((id) => unitById(id, NEW))
    .filter((u): u is Unit => u !== null)
    .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

const names = (us: readonly Unit[]) => us.map((u) => u.name).join(", ");

function answerFor(old: Unit): LineageAnswer {
  if (old.level === "district") {
    // Its communes' successors (Huyện Lý Sơn had none: the lineage names the district itself).
    const codes = [
      old.id,
      ...listUnits("commune")
        .filter((c) => c.parentId === old.id)
        .map((c) => c.id),
    ];
    const successors = uniqueUnits(
      codes.flatMap((c) => (rowsByOldCode().get(c) ?? []).map((r) => r.newCode)),
    );
    return {
      kind: "district",
      old: [old.name],
      successors,
      split: false,
      message:
        `${old.name}: cấp huyện đã kết thúc từ 01/07/2025; địa bàn nay thuộc ${successors.length} đơn vị cấp xã: ` +
        `${names(successors)}. Hãy ghi đơn vị cấp xã được giao (hoặc “UBND các xã, phường, đặc khu”).`,
    };
  }
  if (old.level === "agency") {
    const successors = listUnits("agency", NEW).filter((u) => unitPredecessorIds(u).includes(old.id));
    return successors.length > 0
      ? {
          kind: "successor",
          old: [old.name],
          successors,
          split: successors.length > 1,
          message: `${old.name} nay thuộc ${names(successors)} (hợp nhất tháng 02/2025).`,
        }
      : ended(old.name);
  }
  const rows = rowsByOldCode().get(old.id) ?? [];
  if (rows.length === 0) return ended(displayName(old));
  return fromRows(displayName(old), rows);
}

function ended(name: string): LineageAnswer {
  return {
    kind: "ended",
    old: [name],
    successors: [],
    split: false,
    message: `${name} không còn từ 01/01/2025 (đã sáp nhập; dữ liệu không nêu đơn vị kế thừa). Hãy ghi tên đơn vị hiện nay.`,
  };
}

function fromRows(oldName: string, rows: readonly LineageRow[]): LineageAnswer {
  const successors = uniqueUnits(rows.map((r) => r.newCode));
  const split = successors.length > 1 || rows.some((r) => r.share === "partial");
  return {
    kind: "successor",
    old: [oldName],
    successors,
    split,
    message:
      successors.length > 1
        ? `${oldName} đã được chia, nay thuộc ${successors.length} đơn vị: ${names(successors)}.`
        : `${oldName} nay thuộc ${names(successors)}.`,
  };
}

/**
 * What became of a unit of the old map, when `name` is used in a plan of the map in force on
 * `asOf`. null when that map is the 2024 one, when the name is a unit of the new map, or when it
 * names no old unit either. A name that fits several old units lists every successor of each.
 */
export function unitLineage(
  name: string,
  district?: string,
  asOf: string | null = NEW,
): LineageAnswer | null {
  if (typeof name !== "string" || name.trim() === "" || unitMapAt(asOf) === "2024") return null;
  // A unit of the new map, or a name several of its units fit (ambiguous there, not old).
  if (findUnit(name, undefined, asOf) || unitCandidates(name, asOf).length > 0) return null;
  const one = findUnit(name, district);
  const olds = one ? [one] : district ? [] : unitCandidates(name).filter((u) => u.level !== "central");
  const parts = olds.map(answerFor);
  if (!district) {
    // Old units by the name the lineage gives them: old Kon Tum, and 2024 units renamed by June 2025.
    const byCode = new Map<string, LineageRow[]>();
    for (const r of rowsByOldKey().get(unitKey(name)) ?? []) {
      if (olds.some((u) => u.id === r.oldCode)) continue;
      byCode.set(r.oldCode, [...(byCode.get(r.oldCode) ?? []), r]);
    }
    for (const rows of byCode.values()) parts.push(fromRows(rows[0].oldName, rows));
  }
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0];
  return {
    kind: parts.every((p) => p.kind === "district") ? "district" : "successor",
    old: parts.flatMap((p) => p.old),
    successors: uniqueUnits(parts.flatMap((p) => p.successors.map((u) => u.id))),
    split: parts.some((p) => p.split),
    message: `“${name.trim()}” có thể là ${parts.length} đơn vị cũ: ${parts.map((p) => p.message).join(" ")}`,
  };
}

/**
 * The 2024 units that formed a unit of the new map (its predecessors): for a commune, the old
 * communes of the 2024 map whose lineage rows name it (a split old unit appears under each of
 * its successors); for a department, the departments it replaced. Old Kon Tum units are not in
 * the 2024 map and do not appear.
 */
export function predecessorsOf(u: Unit): Unit[] {
  if (u.level === "agency") return unitPredecessorIds(u).flatMap((id) => unitById(id) ?? []);
  if (u.level === "central") return unitById(u.id) ? [unitById(u.id) as Unit] : [];
  const ids = LINEAGE_2025.filter((r) => r.newCode === u.id).map((r) => r.oldCode);
  return [...new Set(ids)].flatMap((id) => {
    const old = unitById(id);
    return old && old.level === "commune" ? [old] : [];
  });
}
