/**
 * Đơn vị (units) of Quảng Ngãi in 2024: departments and boards (sở, ban, ngành), the five
 * central agencies in the province (cơ quan Trung ương), 13 district-level and 173
 * commune-level People's Committees. Data: units-2024.json (see its `source`).
 *
 * Matching is on folded keys (no diacritics, either tone style, NFD, odd spacing and hyphens),
 * with "UBND"/"Ủy ban nhân dân" prefixes, "tỉnh (Quảng Ngãi)" suffixes and common abbreviations
 * ("SNV", "Sở NN&PTNT", "TP", "TX", "H.", "P.", "TT"). A name that fits several units returns
 * null unless the district settles it — never a silent guess.
 */
import data from "./units-2024.json";
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
}

const RECORDS = (data as { units: UnitRecord[] }).units;
export const UNITS_SOURCE: { files: string[]; provenance: string } = data.source;

/** Public view of a unit (no matching aliases). */
function publicUnit(r: UnitRecord): Unit {
  return r.parentId === undefined
    ? { id: r.id, name: r.name, level: r.level }
    : { id: r.id, name: r.name, level: r.level, parentId: r.parentId };
}

const UNITS: readonly Unit[] = Object.freeze(RECORDS.map((r) => Object.freeze(publicUnit(r))));
const BY_ID = new Map(UNITS.map((u) => [u.id, u]));

/** Folded kind words by which a district or commune may be written. */
const KIND_WORDS: Record<string, string[]> = {
  "thanh-pho": ["thanh pho", "tp"],
  "thi-xa": ["thi xa", "tx"],
  huyen: ["huyen", "h"],
  phuong: ["phuong", "p"],
  "thi-tran": ["thi tran", "tt"],
  xa: ["xa"],
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

const INDEX = new Map<string, Unit[]>();
/** Accented keys of each unit, to tell apart names that differ only by marks (Bình Thạnh / Bình Thanh). */
const ACCENTED = new Map<string, Set<string>>();
function addKey(key: string, unit: Unit): void {
  const k = keysOf(key);
  if (!k.folded) return;
  const list = INDEX.get(k.folded);
  if (!list) INDEX.set(k.folded, [unit]);
  else if (!list.includes(unit)) list.push(unit);
  const set = ACCENTED.get(unit.id) ?? new Set<string>();
  set.add(k.accented);
  ACCENTED.set(unit.id, set);
}

for (const r of RECORDS) {
  const unit = BY_ID.get(r.id) as Unit;
  addKey(r.name, unit);
  if (r.level === "agency" || r.level === "central") {
    addKey(r.id, unit);
    for (const a of r.abbreviations ?? []) addKey(a, unit);
  } else if (r.shortName && r.kind) {
    addKey(r.shortName, unit);
    for (const w of KIND_WORDS[r.kind] ?? []) addKey(`${w} ${r.shortName}`, unit);
  }
}

/** All units of 2024, in data order (agencies, central agencies, districts, communes). */
export function listUnits(level?: UnitLevel): readonly Unit[] {
  return level ? UNITS.filter((u) => u.level === level) : UNITS;
}

export function unitById(id: string): Unit | null {
  return BY_ID.get(id) ?? null;
}

const NAME_COUNT = new Map<string, number>();
for (const u of UNITS) NAME_COUNT.set(u.name, (NAME_COUNT.get(u.name) ?? 0) + 1);

/**
 * The name a workbook shows for a unit: its name, or — when another 2024 unit has the same name
 * (Phường Nguyễn Nghiêm of TP Quảng Ngãi and of TX Đức Phổ) — the name with its district, which
 * findUnit resolves back to the same unit.
 */
export function displayName(u: Unit): string {
  if ((NAME_COUNT.get(u.name) ?? 0) < 2 || !u.parentId) return u.name;
  const d = BY_ID.get(u.parentId);
  return d ? `${u.name} (${d.name})` : u.name;
}

/** Folded, affix-stripped matching key of a unit name (for grouping unknown names). */
export function unitKey(name: string): string {
  return keysOf(decodeLegacyVietnamese(typeof name === "string" ? name : "")).folded;
}

/** Folded name tokens of departments and central agencies, for abbreviation matching. */
const AGENCY_TOKENS = RECORDS.filter((r) => r.level === "agency" || r.level === "central").map((r) => ({
  unit: BY_ID.get(r.id) as Unit,
  tokens: core(tokensOf(r.name)).folded,
}));

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

function candidates(name: string): Unit[] {
  const text = decodeLegacyVietnamese(name);
  let k = keysOf(text);
  let exact = INDEX.get(k.folded);
  if (!exact) {
    // "Sở Nội vụ tinh": a bare "tinh" is taken for "tỉnh" only when the name with it is unknown.
    const loose = keysOf(text, true);
    if (loose.folded !== k.folded && INDEX.has(loose.folded)) {
      k = loose;
      exact = INDEX.get(k.folded);
    }
  }
  if (exact) {
    if (exact.length === 1) return exact;
    // Names that fold alike but are written differently (Xã Bình Thạnh / Xã Bình Thanh).
    const marked = exact.filter((u) => ACCENTED.get(u.id)?.has(k.accented));
    return marked.length > 0 ? marked : exact;
  }
  const query = k.folded.split(" ");
  if (query.length > 12 || k.folded.length > 120) return [];
  return AGENCY_TOKENS.filter((a) => spells(query, a.tokens)).map((a) => a.unit);
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

function resolveDistrict(district: string): Unit | null {
  const found = candidates(district).filter((u) => u.level === "district");
  return found.length === 1 ? found[0] : null;
}

/**
 * The unit a name refers to, or null when unknown or ambiguous. `district` (a district name or
 * code) settles commune names that exist in several districts.
 */
export function findUnit(name: string, district?: string): Unit | null {
  if (typeof name !== "string" || name.trim() === "") return null;
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

/** Every unit a name could mean (for "did you mean" messages). */
export function unitCandidates(name: string): readonly Unit[] {
  return candidates(name);
}
