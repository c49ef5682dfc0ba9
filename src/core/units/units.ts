/**
 * Đơn vị (units) of Quảng Ngãi, one map per period:
 *   "2024"     departments and boards (sở, ban, ngành), the five central agencies in the province
 *              (cơ quan Trung ương), 13 district-level and 173 commune-level People's Committees
 *              (units-2024.json) — the map of every plan before 01/07/2025 and the default;
 *   "2025-07"  the new Quảng Ngãi from 01/07/2025 (no district level): 14 departments, the central
 *              agencies, 96 communes (86 xã, 9 phường, Đặc khu Lý Sơn) (units-2025-07.json).
 * Functions take an optional `asOf` date (YYYY-MM-DD): the map in force that day (unitMapAt).
 * Without it, the 2024 map, as before.
 *
 * Matching is on folded keys (no diacritics, either tone style, NFD, odd spacing and hyphens),
 * with "UBND"/"Ủy ban nhân dân" prefixes, "tỉnh (Quảng Ngãi)" suffixes and common abbreviations
 * ("SNV", "Sở NN&PTNT", "TP", "TX", "H.", "P.", "TT"). A name that fits several units returns
 * null unless the district settles it — never a silent guess.
 */
import data from "./units-2024.json";
import data2025 from "./units-2025-07.json";
import { foldVietnamese } from "../text/fold";
import { normalizeVietnamese } from "../text/normalize";
import { decodeLegacyVietnamese } from "../text/legacy";

export type UnitLevel = "agency" | "central" | "district" | "commune";

export interface Unit {
  /** National code for districts/communes ("524"); agency code for agencies ("SNV"). */
  id: string;
  /** Full official name: "Sở Nội vụ", "Huyện Bình Sơn", "Xã Bình Hòa". */
  name: string;
  level: UnitLevel;
  /** District code of a commune. */
  parentId?: string;
}

interface UnitRecord extends Unit {
  shortName?: string;
  kind?: string;
  abbreviations?: string[];
  /** Ids of the 2024 departments a 2025 department replaced. */
  predecessors?: string[];
}

/** The maps of units, by the date from which each is in force. */
export type UnitMapId = "2024" | "2025-07";
export const UNIT_MAPS: ReadonlyArray<{ id: UnitMapId; inForceFrom: string | null; label: string }> = [
  { id: "2024", inForceFrom: null, label: "Đơn vị hành chính tỉnh Quảng Ngãi năm 2024 (có cấp huyện)" },
  {
    id: "2025-07",
    inForceFrom: "2025-07-01",
    label: "Đơn vị tỉnh Quảng Ngãi từ 01/07/2025 (chính quyền hai cấp, không còn cấp huyện)",
  },
];
/** The date the district level ended (Nghị quyết 1677/NQ-UBTVQH15; Luật Tổ chức chính quyền địa phương 2025). */
export const DISTRICT_LEVEL_ENDED = "2025-07-01";

const RECORDS = (data as { units: UnitRecord[] }).units;
export const UNITS_SOURCE: { files: string[]; provenance: string } = data.source;
const RECORDS_2025 = (data2025 as unknown as { units: UnitRecord[] }).units;
export const UNITS_2025_SOURCE: { files: string[]; provenance: string } = data2025.source;

/** The map in force on a date (YYYY-MM-DD); no date, or one that is not a date: the 2024 map. */
export function unitMapAt(asOf?: string | null): UnitMapId {
  if (typeof asOf !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return "2024";
  return asOf >= DISTRICT_LEVEL_ENDED ? "2025-07" : "2024";
}

/** Public view of a unit (no matching aliases). */
function publicUnit(r: UnitRecord): Unit {
  return r.parentId === undefined
    ? { id: r.id, name: r.name, level: r.level }
    : { id: r.id, name: r.name, level: r.level, parentId: r.parentId };
}

/** Folded kind words by which a district or commune may be written. */
const KIND_WORDS: Record<string, string[]> = {
  "thanh-pho": ["thanh pho", "tp"],
  "thi-xa": ["thi xa", "tx"],
  huyen: ["huyen", "h"],
  phuong: ["phuong", "p"],
  "thi-tran": ["thi tran", "tt"],
  xa: ["xa"],
  "dac-khu": ["dac khu", "dk"],
};

/** Leading words that do not change which unit is meant (folded tokens). */
const PREFIXES = [
  ["chu", "tich", "ubnd"],
  ["uy", "ban", "nd"],
  ["ubnd"],
  ["ub"],
  ["lanh", "dao"],
  ["thu", "truong"],
];
/** Trailing words that do not change which unit is meant. */
const SUFFIXES = [["tinh", "quang", "ngai"], ["quang", "ngai"], ["tinh", "qng"], ["tinh"]];

interface Tokens {
  folded: string[];
  /** The same words with their marks (NFC, traditional tone style, lowercase). */
  accented: string[];
}

/** Words of a name, folded and accented side by side; "Ủy ban nhân dân" becomes one word "ubnd". */
function tokensOf(name: string): Tokens {
  const text = normalizeVietnamese(name).replace(/&/g, " và ").toLowerCase();
  const accented = text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const folded = accented.map((w) => foldVietnamese(w));
  const out: Tokens = { folded: [], accented: [] };
  for (let i = 0; i < folded.length; i++) {
    if (
      folded[i] === "uy" &&
      folded[i + 1] === "ban" &&
      folded[i + 2] === "nhan" &&
      folded[i + 3] === "dan"
    ) {
      out.folded.push("ubnd");
      out.accented.push("ubnd");
      i += 3;
    } else if (folded[i] !== "") {
      out.folded.push(folded[i]);
      out.accented.push(accented[i]);
    }
  }
  return out;
}

function startsWith(words: string[], at: number, affix: string[]): boolean {
  return affix.every((w, k) => words[at + k] === w);
}

/**
 * The words that name the unit, without "UBND"/"Chủ tịch UBND" prefixes and "tỉnh (Quảng Ngãi)"
 * suffixes. Tone marks tell a trailing "tỉnh" (province) from a name ending in "Tịnh" (Huyện Sơn
 * Tịnh): only "tỉnh" is dropped, and a bare "tinh" without marks only when `plainTinh` is set (the
 * caller's second try, when the name with it names nothing).
 */
function core(t: Tokens, plainTinh = false): Tokens {
  let from = 0;
  for (let changed = true; changed;) {
    changed = false;
    for (const p of PREFIXES) {
      if (t.folded.length - from > p.length && startsWith(t.folded, from, p)) {
        from += p.length;
        changed = true;
      }
    }
  }
  let to = t.folded.length;
  for (const sfx of SUFFIXES) {
    const marked = t.accented[to - sfx.length];
    const isTinh = marked === "tỉnh" || (marked === "tinh" && (plainTinh || sfx.length > 1));
    if (sfx[0] === "tinh" && !isTinh) continue;
    if (to - from > sfx.length && startsWith(t.folded, to - sfx.length, sfx)) {
      to -= sfx.length;
      break;
    }
  }
  return { folded: t.folded.slice(from, to), accented: t.accented.slice(from, to) };
}

function keysOf(name: string, plainTinh = false): { folded: string; accented: string } {
  const t = core(tokensOf(name), plainTinh);
  return { folded: t.folded.join(" "), accented: t.accented.join(" ") };
}

interface UnitMap {
  units: readonly Unit[];
  byId: Map<string, Unit>;
  records: Map<string, UnitRecord>;
  index: Map<string, Unit[]>;
  /** Accented keys of each unit, to tell apart names that differ only by marks (Bình Thạnh / Bình Thanh). */
  accented: Map<string, Set<string>>;
  nameCount: Map<string, number>;
  /** Folded name tokens of departments and central agencies, for abbreviation matching. */
  agencyTokens: Array<{ unit: Unit; tokens: string[] }>;
}

function buildMap(records: readonly UnitRecord[]): UnitMap {
  const units: readonly Unit[] = Object.freeze(records.map((r) => Object.freeze(publicUnit(r))));
  const byId = new Map(units.map((u) => [u.id, u]));
  const index = new Map<string, Unit[]>();
  const accented = new Map<string, Set<string>>();
  const addKey = (key: string, unit: Unit): void => {
    const k = keysOf(key);
    if (!k.folded) return;
    const list = index.get(k.folded);
    if (!list) index.set(k.folded, [unit]);
    else if (!list.includes(unit)) list.push(unit);
    const set = accented.get(unit.id) ?? new Set<string>();
    set.add(k.accented);
    accented.set(unit.id, set);
  };
  for (const r of records) {
    const unit = byId.get(r.id) as Unit;
    addKey(r.name, unit);
    if (r.level === "agency" || r.level === "central") {
      addKey(r.id, unit);
      for (const a of r.abbreviations ?? []) addKey(a, unit);
    } else if (r.shortName && r.kind) {
      addKey(r.shortName, unit);
      for (const w of KIND_WORDS[r.kind] ?? []) addKey(`${w} ${r.shortName}`, unit);
    }
  }
  const nameCount = new Map<string, number>();
  for (const u of units) nameCount.set(u.name, (nameCount.get(u.name) ?? 0) + 1);
  const agencyTokens = records
    .filter((r) => r.level === "agency" || r.level === "central")
    .map((r) => ({ unit: byId.get(r.id) as Unit, tokens: core(tokensOf(r.name)).folded }));
  return {
    units,
    byId,
    records: new Map(records.map((r) => [r.id, r])),
    index,
    accented,
    nameCount,
    agencyTokens,
  };
}

const MAP_2024 = buildMap(RECORDS);
let map2025: UnitMap | null = null;
/** The map of an id (the 2025 map is indexed on first use). */
function mapOf(id: UnitMapId): UnitMap {
  if (id === "2024") return MAP_2024;
  map2025 ??= buildMap(RECORDS_2025);
  return map2025;
}
const mapAt = (asOf?: string | null): UnitMap => mapOf(unitMapAt(asOf));
const UNITS = MAP_2024.units;
const BY_ID = MAP_2024.byId;

/** Which map a unit object belongs to (units are frozen objects of one map). */
function mapOfUnit(u: Unit): UnitMap {
  if (MAP_2024.byId.get(u.id) === u) return MAP_2024;
  const m = mapOf("2025-07");
  return m.byId.get(u.id) === u ? m : MAP_2024;
}

/**
 * All units of a map, in data order (agencies, central agencies, districts, communes): of 2024,
 * or of the map in force on `asOf`.
 */
export function listUnits(level?: UnitLevel, asOf?: string | null): readonly Unit[] {
  const units = asOf === undefined ? UNITS : mapAt(asOf).units;
  return level ? units.filter((u) => u.level === level) : units;
}

export function unitById(id: string, asOf?: string | null): Unit | null {
  return (asOf === undefined ? BY_ID : mapAt(asOf).byId).get(id) ?? null;
}

/**
 * The name a workbook shows for a unit: its name, or — when another 2024 unit has the same name
 * (Phường Nguyễn Nghiêm of TP Quảng Ngãi and of TX Đức Phổ) — the name with its district, which
 * findUnit resolves back to the same unit.
 */
export function displayName(u: Unit): string {
  const m = mapOfUnit(u);
  if ((m.nameCount.get(u.name) ?? 0) < 2 || !u.parentId) return u.name;
  const d = m.byId.get(u.parentId);
  return d ? `${u.name} (${d.name})` : u.name;
}

/** Folded, affix-stripped matching key of a unit name (for grouping unknown names). */
export function unitKey(name: string): string {
  return keysOf(decodeLegacyVietnamese(typeof name === "string" ? name : "")).folded;
}

/**
 * Does `query` spell `name` with some words shortened to initials? "so nong nghiep va ptnt" →
 * "so nong nghiep va phat trien nong thon"; "so tn va mt", "so ldtbxh" ("và" may be skipped
 * inside initials). Every word of the name must be accounted for.
 */
function spells(query: string[], name: string[]): boolean {
  const memo = new Map<string, boolean>();
  const go = (qi: number, ni: number): boolean => {
    if (qi === query.length) return ni === name.length;
    if (ni === name.length) return false;
    const key = qi + ":" + ni;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    // "Sở Thông tin - Truyền thông": a hyphen stands for "và", so a "và" of the name may be missing.
    let ok =
      (query[qi] === name[ni] && go(qi + 1, ni + 1)) ||
      (name[ni] === "va" && query[qi] !== "va" && go(qi, ni + 1));
    const q = query[qi];
    if (!ok && q.length >= 2 && /^[a-z]+$/.test(q)) {
      // q as initials of name[ni..]: each letter starts the next word, "va" may be skipped.
      let n = ni;
      let i = 0;
      while (!ok && n < name.length && i < q.length) {
        if (name[n] === "va" && q[i] !== "v") {
          n += 1;
          continue;
        }
        if (name[n][0] !== q[i]) break;
        i += 1;
        n += 1;
        if (i === q.length) ok = go(qi + 1, n);
      }
    }
    memo.set(key, ok);
    return ok;
  };
  return go(0, 0);
}

/**
 * Longer text is not a unit's name: the longest name with its prefixes and district ("Ủy ban nhân
 * dân xã …, huyện …") is under 120 characters. Cut before any work, so a cell holding a paragraph
 * costs nothing (the fuzz suite feeds 100,000-character inputs).
 */
const MAX_UNIT_NAME_CHARS = 300;

function candidates(name: string, m: UnitMap = MAP_2024): Unit[] {
  if (name.trim().length > MAX_UNIT_NAME_CHARS) return [];
  const text = decodeLegacyVietnamese(name);
  let k = keysOf(text);
  let exact = m.index.get(k.folded);
  if (!exact) {
    // "Sở Nội vụ tinh": a bare "tinh" is taken for "tỉnh" only when the name with it is unknown.
    const loose = keysOf(text, true);
    if (loose.folded !== k.folded && m.index.has(loose.folded)) {
      k = loose;
      exact = m.index.get(k.folded);
    }
  }
  if (exact) {
    if (exact.length === 1) return exact;
    // Names that fold alike but are written differently (Xã Bình Thạnh / Xã Bình Thanh).
    const marked = exact.filter((u) => m.accented.get(u.id)?.has(k.accented));
    return marked.length > 0 ? marked : exact;
  }
  const query = k.folded.split(" ");
  if (query.length > 12 || k.folded.length > 120) return [];
  return m.agencyTokens.filter((a) => spells(query, a.tokens)).map((a) => a.unit);
}

/** "Xã Bình Hòa, huyện Bình Sơn" · "Phường Nguyễn Nghiêm (TX Đức Phổ)" → [commune part, district part]. */
function splitEmbeddedDistrict(name: string): [string, string] | null {
  // Unit names are short; the pattern below backtracks quadratically on long text.
  if (name.length > 200) return null;
  const m =
    /^(.+?)\s*(?:[,(–—-]|\s)\s*((?:huyện|huyen|thị xã|thi xa|thành phố|thanh pho|tp\.?|tx\.?|h\.)\s*.+?)\)?\s*$/iu.exec(
      name.normalize("NFC"),
    );
  return m ? [m[1], m[2]] : null;
}

function resolveDistrict(district: string, m: UnitMap = MAP_2024): Unit | null {
  const found = candidates(district, m).filter((u) => u.level === "district");
  return found.length === 1 ? found[0] : null;
}

/**
 * The unit a name refers to, or null when unknown or ambiguous. `district` (a district name or
 * code) settles commune names that exist in several districts. `asOf` (YYYY-MM-DD) chooses the
 * map in force that day (unitMapAt); without it, the 2024 map. In the map from 01/07/2025 a name
 * of the old map is not a unit (see unitLineage for its successor) and a district settles nothing.
 */
export function findUnit(name: string, district?: string, asOf?: string | null): Unit | null {
  if (typeof name !== "string" || name.trim() === "") return null;
  const m = mapAt(asOf);
  if (m !== MAP_2024) return findInNewMap(name, district, m);
  let found = candidates(name);
  const d =
    typeof district === "string" && district.trim() !== ""
      ? (BY_ID.get(district.trim()) ?? resolveDistrict(district))
      : null;
  if (found.length === 0) {
    const byId = BY_ID.get(name.trim().toUpperCase());
    if (byId) return byId;
    // "Xã Bình Hòa, huyện Bình Sơn": a commune followed by its district.
    const split = splitEmbeddedDistrict(name);
    if (!split) return null;
    const embedded = resolveDistrict(split[1]);
    if (!embedded || (d && d.id !== embedded.id)) return null;
    const communes = candidates(split[0]).filter((u) => u.level === "commune" && u.parentId === embedded.id);
    return communes.length === 1 ? communes[0] : null;
  }
  if (found.some((u) => u.level === "commune") && typeof district === "string" && district.trim() !== "") {
    // A district settles commune names — and a commune that is not in it is not a match.
    if (!d || d.level !== "district") return null;
    found = found.filter((u) => u.level === "commune" && u.parentId === d.id);
  }
  return found.length === 1 ? found[0] : null;
}

/** A map without districts: a name, an id; a district given (or embedded) is not used to guess. */
function findInNewMap(name: string, district: string | undefined, m: UnitMap): Unit | null {
  if (typeof district === "string" && district.trim() !== "") return null;
  const found = candidates(name, m);
  if (found.length === 1) return found[0];
  if (found.length === 0) return m.byId.get(name.trim().toUpperCase()) ?? null;
  return null;
}

/** Every unit a name could mean (for "did you mean" messages), in the map in force on `asOf`. */
export function unitCandidates(name: string, asOf?: string | null): readonly Unit[] {
  return candidates(name, mapAt(asOf));
}

/** The department ids of 2024 a department of the map from 01/07/2025 replaced. */
export function unitPredecessorIds(u: Unit): readonly string[] {
  return mapOf("2025-07").records.get(u.id)?.predecessors ?? [];
}

/** Records of the 2025 lineage (old units of June 2025 → new units), as in units-2025-07.json. */
export interface LineageRow {
  oldCode: string;
  oldName: string;
  newCode: string;
  share: "full" | "partial";
}
export const LINEAGE_2025: readonly LineageRow[] = (data2025 as unknown as { lineage: LineageRow[] }).lineage;

/** Is `name` written with the marks of one of the unit's names (not only folded alike)? */
function markedAs(u: Unit, name: string, m: UnitMap): boolean {
  const text = decodeLegacyVietnamese(name);
  return [keysOf(text), keysOf(text, true)].some((k) => m.accented.get(u.id)?.has(k.accented) ?? false);
}

/**
 * A unit name whatever the map (for grouping rows that may come from a plan of either map): the
 * 2024 unit, unless only a unit of the map from 01/07/2025 is written with these very marks
 * (“Xã Sơn Hà” of 2026, where 2024 had only “Xã Sơn Hạ”).
 */
export function findUnitAnyMap(name: string): { unit: Unit; map: UnitMapId } | null {
  const old = findUnit(name);
  const now = findUnit(name, undefined, DISTRICT_LEVEL_ENDED);
  if (old && now) {
    // The very name of a unit of the new map (“Xã Sơn Thuỷ”, where 2024 wrote “Xã Sơn Thủy”) is that unit.
    const exact = name.normalize("NFC").replace(/\s+/g, " ").trim();
    if (exact === now.name && exact !== displayName(old)) return { unit: now, map: "2025-07" };
    if (!markedAs(old, name, MAP_2024) && markedAs(now, name, mapOf("2025-07")))
      return { unit: now, map: "2025-07" };
  }
  if (old) return { unit: old, map: "2024" };
  return now ? { unit: now, map: "2025-07" } : null;
}
