/**
 * Cơ quan chủ trì / phối hợp cells → units. Lists are separated by commas, semicolons, line
 * breaks, "và" or "+"; group phrases ("Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố",
 * "UBND các xã, phường, thị trấn", "các cơ quan Trung ương đóng trên địa bàn") stand for all
 * their members. Commas and "và" also occur inside names ("Sở Văn hóa, Thể thao và Du lịch"),
 * so pieces are re-joined greedily: the longest run of pieces that names a unit or a group wins.
 */
import { foldVietnamese } from "../text/fold";
import { decodeLegacyVietnamese } from "../text/legacy";
import { limitMarks } from "../text/normalize";
import { findUnit, listUnits, unitKey, unitMapAt, type Unit, type UnitLevel } from "./units";
import { unitLineage, type LineageAnswer } from "./lineage";

export type AssigneeGroup = "agencies" | "central" | "districts" | "communes";

const GROUP_LEVEL: Record<AssigneeGroup, UnitLevel> = {
  agencies: "agency",
  central: "central",
  districts: "district",
  communes: "commune",
};

/** Folded phrases (after UBND/tỉnh affixes are stripped) that name a whole group. */
const GROUP_PHRASES: Array<[AssigneeGroup, RegExp]> = [
  [
    "agencies",
    /^(cac )?(so ban nganh|so nganh|so ban nganh thuoc tinh|co quan chuyen mon( thuoc ubnd)?|co quan chuyen mon thuoc ubnd tinh)$/,
  ],
  ["central", /^(cac )?(co quan (nganh )?trung uong( dong)?( tren)?|co quan nganh doc( trung uong)?)$/],
  [
    "districts",
    /^(cac )?(huyen thi xa thanh pho|huyen thanh pho thi xa|thanh pho thi xa huyen|cap huyen|dia phuong cap huyen)$/,
  ],
  [
    "communes",
    /^(cac )?(xa phuong thi tran|phuong xa thi tran|cap xa|xa phuong dac khu|xa phuong va dac khu|phuong xa dac khu)$/,
  ],
];

/** Phrases that name no particular unit ("các cơ quan, đơn vị có liên quan"): skipped silently. */
const VAGUE =
  /^(cac )?(co quan|don vi|to chuc|ca nhan|dia phuong|co quan don vi|co quan to chuc|nganh|cap|ban)?( va )?( ?(co quan|don vi|to chuc|dia phuong|ca nhan))*( co)?( lien quan)?$/;

function groupOf(text: string): AssigneeGroup | null {
  const k = unitKey(text)
    .replace(/^(ubnd|uy ban nhan dan) /, "")
    .replace(/\btx\b/g, "thi xa")
    .replace(/\btp\b/g, "thanh pho")
    // "…có liên quan", "…trên địa bàn (tỉnh)" do not change which group is meant.
    .replace(/( co)? lien quan$/, "")
    .replace(/( dong)?( tren)? dia ban( tinh)?$/, "")
    .trim();
  for (const [group, re] of GROUP_PHRASES) if (re.test(k)) return group;
  return null;
}

export interface ResolvedAssignees {
  units: Unit[];
  /** Groups named in the text. */
  groups: AssigneeGroup[];
  /** Pieces that name no known unit (kept by callers as written, never dropped). */
  unknown: string[];
  /**
   * In a plan of the map from 01/07/2025: names of the old map (each also in `unknown`) and the
   * district group, with what became of them (successors, never guessed).
   */
  lineage?: LineageAnswer[];
  /** The text as written of each `lineage` answer (same order): what the import may rewrite. */
  lineageWritten?: string[];
}

/** “UBND các huyện, thị xã, thành phố” in a plan of the map without districts. */
function districtGroupEnded(text: string): LineageAnswer {
  return {
    kind: "district",
    old: [text],
    successors: [],
    split: false,
    message:
      `“${text}”: cấp huyện đã kết thúc từ 01/07/2025 (chính quyền địa phương hai cấp). ` +
      "Hãy ghi “UBND các xã, phường, đặc khu” hoặc tên từng xã, phường.",
  };
}

/** No unit or group name spans more than this many comma/"và" pieces. */
const MAX_PIECES_PER_NAME = 8;
/** No unit or group name (with "UBND … tỉnh Quảng Ngãi") is longer than this. */
const MAX_NAME_CHARS = 100;

interface Piece {
  text: string;
  sep: string;
}

function pieces(part: string): Piece[] {
  const out: Piece[] = [];
  // JavaScript's \b is ASCII-only, so "và" is matched between spaces.
  const re = /\s*(?:,|\+|&(?=\s))\s*|\s+(?:và|va)\s+/giu;
  let last = 0;
  for (let m = re.exec(part); m; m = re.exec(part)) {
    out.push({ text: part.slice(last, m.index), sep: m[0] });
    last = m.index + m[0].length;
  }
  out.push({ text: part.slice(last), sep: "" });
  return out.filter((p, i) => p.text.trim() !== "" || i < out.length - 1);
}

function join(ps: Piece[], from: number, to: number): string {
  let s = "";
  for (let i = from; i <= to; i++) s += ps[i].text + (i < to ? ps[i].sep : "");
  return s.trim();
}

/**
 * Units named by a lead/coordinating cell, on the map in force on `asOf` (YYYY-MM-DD; without it,
 * the 2024 map, as before).
 */
export function resolveAssignees(text: unknown, asOf?: string | null): ResolvedAssignees {
  const result: ResolvedAssignees = { units: [], groups: [], unknown: [] };
  const newMap = unitMapAt(asOf) !== "2024";
  if (newMap) {
    result.lineage = [];
    result.lineageWritten = [];
  }
  if (typeof text !== "string" || text.trim() === "") return result;
  const seen = new Set<string>();
  const add = (u: Unit) => {
    if (!seen.has(u.id)) {
      seen.add(u.id);
      result.units.push(u);
    }
  };
  // Lookups repeat across the joins tried for each piece: each candidate text is resolved once.
  // In a plan of the new map, a run naming an old unit ("Sở Kế hoạch và Đầu tư") is consumed whole.
  type Hit = AssigneeGroup | Unit | { lineage: LineageAnswer; text: string } | null;
  const cache = new Map<string, Hit>();
  const lookup = (candidate: string): Hit => {
    let hit = cache.get(candidate);
    if (hit === undefined) {
      hit =
        candidate.length > MAX_NAME_CHARS
          ? null
          : (groupOf(candidate) ?? findUnit(candidate, undefined, asOf));
      if (hit === null && newMap && candidate.length <= MAX_NAME_CHARS) {
        const answer = unitLineage(candidate, undefined, asOf);
        if (answer) hit = { lineage: answer, text: candidate.replace(/^[-–—•*.\s]+|[.\s]+$/g, "") };
      }
      cache.set(candidate, hit);
    }
    return hit;
  };
  // Cut before decoding: detecting the encoding of 100,000 characters costs more than the rest.
  const clean = decodeLegacyVietnamese(limitMarks(text.slice(0, 10_000)))
    .normalize("NFC")
    // Role notes in brackets: "Sở Nội vụ (chủ trì)".
    .replace(/\((chủ trì|phối hợp|đầu mối|thường trực|cơ quan chủ trì|cơ quan phối hợp)[^)]*\)/giu, " ");
  for (const part of clean.split(/[;\n\r•]+/u)) {
    // A dangling "và" or comma at the end ("Sở Nội vụ và") joins nothing.
    const trimmed = part.replace(/(\s+(và|va)|[,+&])\s*$/iu, "");
    if (trimmed.trim() === "") continue;
    const ps = pieces(trimmed);
    for (let i = 0; i < ps.length;) {
      let matched = false;
      for (let j = Math.min(ps.length - 1, i + MAX_PIECES_PER_NAME - 1); j >= i; j--) {
        const found = lookup(join(ps, i, j));
        if (found === null) continue;
        if (typeof found === "object" && "lineage" in found) {
          result.lineage?.push(found.lineage);
          result.lineageWritten?.push(found.text);
          result.unknown.push(found.text);
        } else if (typeof found === "string" && newMap && found === "districts") {
          result.lineage?.push(districtGroupEnded(join(ps, i, j)));
          result.lineageWritten?.push(join(ps, i, j));
          result.unknown.push(join(ps, i, j));
        } else if (typeof found === "string") {
          if (!result.groups.includes(found)) result.groups.push(found);
          (asOf === undefined ? listUnits(GROUP_LEVEL[found]) : listUnits(GROUP_LEVEL[found], asOf)).forEach(
            add,
          );
        } else add(found);
        i = j + 1;
        matched = true;
        break;
      }
      if (!matched) {
        const t = ps[i].text.trim().replace(/^[-–—•*.\s]+|[.\s]+$/g, "");
        const k = foldVietnamese(t);
        if (k !== "" && !VAGUE.test(k)) result.unknown.push(t);
        i += 1;
      }
    }
  }
  return result;
}

/** A lead/coordinating cell → the units it names (groups expanded), without duplicates. */
export function expandAssignees(text: string, asOf?: string | null): Unit[] {
  return resolveAssignees(text, asOf).units;
}
