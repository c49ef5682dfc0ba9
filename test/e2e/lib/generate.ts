/**
 * Realistic generated inputs for the workbook suites: a 55-task catalogue whose lead and
 * coordinating cells name real 2024 units in mixed spellings (NFD, "Uỷ"/"hoà" tone styles,
 * "UBND huyện …", "H. Bình Sơn", "Sở NN&PTNT", abbreviations), group phrases, and unknown
 * bodies (schools, project boards, names with * ? ~ ( ) that COUNTIFS must treat literally), with
 * every deadline form; and a progress CSV with statuses as people type them, completion dates
 * before / on / after the deadline or missing, evidence present or not. Deterministic (seeded).
 */
import {
  assignmentKey,
  buildModel,
  type AssignmentRecord,
  type TrackerModel,
} from "../../../src/core/workbook/model";
import { findUnit, listUnits, unitById, type Unit } from "../../../src/core/units/units";
import { parseCatalogue } from "../../../src/core/catalogue/parse";
import type { AreaCode, Catalogue, CatalogueTask } from "../../../src/core/catalogue/types";
import { addDays, daysBetween } from "../../../src/core/dates/isoDate";

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

const nfd = (s: string) => s.normalize("NFD");
/** New-style tone marks: "hòa" → "hoà", "Ủy" → "Uỷ", "thủy" → "thuỷ". */
export const newTone = (s: string) =>
  s
    .normalize("NFC")
    .replace(/òa/g, "oà")
    .replace(/óa/g, "oá")
    .replace(/ỏa/g, "oả")
    .replace(/õa/g, "oã")
    .replace(/ọa/g, "oạ")
    .replace(/òe/g, "oè")
    .replace(/óe/g, "oé")
    .replace(/ủy/g, "uỷ")
    .replace(/Ủy/g, "Uỷ")
    .replace(/úy/g, "uý")
    .replace(/ụy/g, "uỵ")
    .replace(/ùy/g, "uỳ")
    .replace(/ũy/g, "uỹ");

const EXTRA_SPELLINGS: Record<string, string[]> = {
  VPUB: ["Văn phòng Uỷ ban nhân dân tỉnh", "VP UBND tỉnh", "Văn phòng UBND tỉnh Quảng Ngãi"],
  SNV: ["SNV", "Sở Nội Vụ", "sở nội vụ tỉnh Quảng Ngãi"],
  SNNPTNT: ["Sở NN&PTNT", "Sở Nông nghiệp và PTNT"],
  STNMT: ["Sở TN&MT", "Sở Tài nguyên và MT"],
  STTTT: ["Sở TT&TT", "STTTT", "Sở Thông tin & Truyền thông"],
  SLDTBXH: ["Sở LĐ-TB&XH", "Sở Lao động-Thương binh và Xã hội", "Sở Lao động – Thương binh và Xã hội"],
  SVHTTDL: ["Sở VHTT&DL", "Sở Văn hoá, Thể thao và Du lịch"],
  SKHDT: ["Sở KH&ĐT", "Sở Kế hoạch & Đầu tư"],
  SGDDT: ["Sở GD&ĐT"],
  SKHCN: ["Sở KH&CN"],
  SGTVT: ["Sở GTVT"],
};

const KIND_PREFIX = /^(Thành phố|Thị xã|Huyện|Xã|Phường|Thị trấn) /;

const SPELLINGS = new Map<string, string[]>();

/** Spellings of a unit that findUnit resolves back to it (checked here, so tests stay meaningful). */
export function spellingsOf(u: Unit): string[] {
  let hit = SPELLINGS.get(u.id);
  if (!hit) {
    hit = computeSpellings(u);
    SPELLINGS.set(u.id, hit);
  }
  return hit;
}

function computeSpellings(u: Unit): string[] {
  const out = new Set<string>([u.name, nfd(u.name), newTone(u.name)]);
  const short = u.name.replace(KIND_PREFIX, "");
  const kind = KIND_PREFIX.exec(u.name)?.[1];
  if (u.level === "agency" || u.level === "central") {
    for (const s of EXTRA_SPELLINGS[u.id] ?? []) out.add(s);
    out.add(nfd(newTone(u.name)));
  } else if (u.level === "district") {
    out.add(`UBND ${kind?.toLowerCase()} ${short}`);
    out.add(`Uỷ ban nhân dân ${kind?.toLowerCase()} ${short}`);
    out.add(kind === "Huyện" ? `H. ${short}` : kind === "Thị xã" ? `TX ${short}` : `TP ${short}`);
    out.add(nfd(`UBND ${kind?.toLowerCase()} ${short}`));
  } else if (u.level === "commune") {
    const district = u.parentId ? unitById(u.parentId) : null;
    const dShort = district ? district.name.replace(KIND_PREFIX, "") : "";
    out.add(`UBND ${kind?.toLowerCase()} ${short}`);
    if (district)
      out.add(
        `${u.name}, ${district.name
          .toLowerCase()
          .replace(/^thành phố/, "thành phố")
          .replace(/^thị xã/, "thị xã")}`,
      );
    if (district)
      out.add(
        newTone(`${kind} ${short} (${district.name.startsWith("Huyện") ? "H." : ""} ${dShort})`)
          .replace("( ", "(")
          .replace("(H. ", "(H. "),
      );
  }
  const resolving = [...out].filter((s) => findUnit(s)?.id === u.id);
  // A few names cannot be told apart by findUnit at all (see the report): keep the exact name.
  return resolving.length > 0 ? resolving : [u.name];
}

export const GROUPS = {
  agencies: ["Các sở, ban, ngành", "Các sở, ban, ngành tỉnh", "các Sở, ban, ngành"],
  central: ["Các cơ quan Trung ương đóng trên địa bàn tỉnh", "các cơ quan Trung ương trên địa bàn tỉnh"],
  districts: [
    "UBND các huyện, thị xã, thành phố",
    "Uỷ ban nhân dân các huyện, thị xã, thành phố",
    nfd("UBND các huyện, thị xã, thành phố"),
  ],
  communes: ["UBND các xã, phường, thị trấn", "Ủy ban nhân dân các xã, phường, thị trấn"],
} as const;

/** Every deadline form of ../shared/DOMAIN.md §2, as written in plans. */
export const DEADLINES = [
  "Quý I/2024",
  "Quý II năm 2024",
  "Quí III/2024",
  "Quý IV/2024",
  "Quý 4 năm 2024",
  "Quí IV",
  "Tháng 3/2024",
  "Tháng 6/2024",
  "Tháng 12/2024",
  "tháng 11 năm 2024",
  "Trước ngày 31/12/2024",
  "trước 15/12",
  "30/11/2024",
  "15-10-2024",
  "20.12.2024",
  "ngày 20 tháng 11 năm 2024",
  "22/11/2024",
  "23/11/2024",
  "31/12/2024",
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
  "",
  "Tháng 10-12/2024",
  "Quý III-IV/2024",
  "chậm nhất ngày 08/01/2025",
] as const;

const AREAS: AreaCode[] = ["I", "II", "III", "IV", "V", "VI", "VII"];

/** Unknown bodies (not 2024 units): short, unique when folded, some with COUNTIFS wildcards. */
export function unknownUnitName(i: number): string {
  const kinds = [
    "THCS số",
    "Trường TH số",
    "Trạm Y tế",
    "BQL dự án",
    "Hợp tác xã",
    "Tổ *công tác*",
    "Nhóm hỗ trợ?",
    "Đội ~cơ động",
    "Tổ (lâm thời)",
    "Chi hội",
  ];
  return `${kinds[i % kinds.length]} ${Math.floor(i / kinds.length) + 1}`;
}

export interface CatalogueSpec {
  seed: number;
  /** Assignment rows wanted (the model's count is made exactly this). */
  assignments: number;
  tasks?: number;
  id?: string;
  /** A hostile title: formula-looking text must stay text in the file. */
  title?: string;
}

function joinUnits(r: Rand, names: string[]): string {
  const seps = ["; ", "; ", ", ", "\n"];
  return names.map((n, i) => (i === 0 ? n : pick(r, seps) + n)).join("");
}

/**
 * A catalogue of `tasks` (55) tasks producing exactly `assignments` rows: known units through
 * groups and individual spellings, then unknown bodies to reach the count.
 */
export function generateCatalogue(spec: CatalogueSpec): Catalogue {
  const r = rng(spec.seed);
  const n = spec.tasks ?? 55;
  const agencies = listUnits("agency");
  const centrals = listUnits("central");
  const districts = listUnits("district");
  const communes = listUnits("commune");
  const perTask = spec.assignments / n;
  const tasks: CatalogueTask[] = [];
  for (let i = 0; i < n; i++) {
    const area = AREAS[Math.min(AREAS.length - 1, Math.floor((i * AREAS.length) / n))];
    const lead: string[] = [];
    const coord: string[] = [];
    const spell = (u: Unit) => pick(r, spellingsOf(u));
    if (perTask > 300) {
      lead.push(
        pick(r, GROUPS.agencies),
        pick(r, GROUPS.central),
        pick(r, GROUPS.districts),
        pick(r, GROUPS.communes),
      );
    } else {
      switch (i % 6) {
        case 0:
          lead.push(spell(pick(r, agencies)));
          for (let k = 0; k < 3; k++) coord.push(spell(pick(r, [...agencies, ...districts])));
          break;
        case 1:
          lead.push(pick(r, GROUPS.districts));
          coord.push(spell(pick(r, agencies)), spell(pick(r, centrals)));
          break;
        case 2:
          lead.push(pick(r, GROUPS.communes));
          coord.push(pick(r, GROUPS.districts));
          break;
        case 3:
          lead.push(pick(r, GROUPS.agencies), pick(r, GROUPS.central));
          break;
        case 4:
          lead.push(spell(pick(r, agencies)), spell(pick(r, agencies)));
          for (let k = 0; k < 8; k++) coord.push(spell(pick(r, communes)));
          break;
        default:
          lead.push(spell(pick(r, districts)));
          for (let k = 0; k < 5; k++) coord.push(spell(pick(r, communes)));
          coord.push("Các cơ quan, đơn vị có liên quan");
      }
    }
    tasks.push({
      id: `${area}.${i + 1}`,
      area,
      title:
        i === 0 && spec.title
          ? spec.title
          : `Nhiệm vụ mẫu số ${i + 1}: rà soát, đơn giản hóa thủ tục hành chính nội bộ lĩnh vực ${area}`,
      lead: joinUnits(r, lead),
      coordinating: joinUnits(r, coord),
      output: pick(r, ["Kế hoạch", "Báo cáo", "Quyết định", "Văn bản", ""]),
      deadline: DEADLINES[i % DEADLINES.length],
    });
  }
  const meta = {
    schema: "cchc-catalogue/1",
    id: spec.id ?? `gen-${spec.assignments}`,
    title: spec.title ?? `Danh mục sinh tự động (${spec.assignments} phân công) — dữ liệu kiểm thử`,
    planYear: 2024,
    source: { document: "Dữ liệu kiểm thử sinh tự động", official: false },
  };
  const parse = () => parseCatalogue(JSON.stringify({ ...meta, tasks }));
  // Top up with unknown bodies, spread over tasks, until the model has exactly the wanted rows.
  let model = buildModel(parse());
  let missing = spec.assignments - model.assignments.length;
  if (missing < 0)
    throw new Error(`Generator: ${model.assignments.length} rows already exceed ${spec.assignments}`);
  const extraLead = tasks.map(() => [] as string[]);
  const extraCoord = tasks.map(() => [] as string[]);
  for (let k = 0; missing > 0; k++, missing--) {
    const t = k % n;
    // The j-th extra body of task t; the offset varies the mix while names stay unique per task.
    const name = unknownUnitName(Math.floor(k / n) + 3 * (t % 5));
    (k % 2 === 0 ? extraLead : extraCoord)[t].push(name);
  }
  tasks.forEach((t, i) => {
    if (extraLead[i].length > 0) t.lead = [t.lead, ...extraLead[i]].filter(Boolean).join("; ");
    if (extraCoord[i].length > 0)
      t.coordinating = [t.coordinating ?? "", ...extraCoord[i]].filter(Boolean).join("; ");
  });
  const catalogue = parse();
  model = buildModel(catalogue);
  if (model.assignments.length !== spec.assignments) {
    throw new Error(
      `Generator: wanted ${spec.assignments} assignment rows, the model has ${model.assignments.length}`,
    );
  }
  return catalogue;
}

/** Statuses as people type them, with what they mean. */
export const TYPED_STATUSES = {
  done: [
    "Đã hoàn thành",
    "x",
    "X",
    "Đã xong",
    "Hoàn thành (trễ hạn)",
    "hoàn thành",
    "✓",
    "100%",
    "Xong",
    "ĐÃ HOÀN THÀNH",
    nfd("Đã hoàn thành"),
    "đã hoàn thành",
  ],
  inProgress: ["Đang thực hiện", "50%", "đang triển khai", "Đang thực hiện (80%)"],
  notStarted: ["Chưa thực hiện", "Chưa hoàn thành", "0", "chưa"],
  unknown: ["Chờ ý kiến", "???", "Tạm dừng", "N/A", "Hoàn thành?? xem lại"],
} as const;

const EVIDENCE = [
  "https://sonoivu.quangngai.gov.vn/van-ban/123",
  "Công văn số 1234/SNV-CCHC",
  "Báo cáo số 56/BC-UBND, ngày 10/12/2024",
  '=HYPERLINK("http://x")',
  "+cmd|' /C calc'!A0",
  "@SUM(1)",
  "javascript:alert(1)",
  "-5 hồ sơ (số liệu)",
];

export interface ProgressSpec {
  seed: number;
  /** Share of assignments with a progress row (0..1). */
  share: number;
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A progress CSV for a model (without progress): statuses of every kind, dates around the
 * deadline, evidence or not; units spelled differently from the catalogue; the unit left
 * empty for tasks with a single lead.
 */
export function generateProgressCsv(model: TrackerModel, spec: ProgressSpec): string {
  const r = rng(spec.seed);
  const leadsByTask = new Map<string, number>();
  for (const a of model.assignments)
    if (a.role === "Chủ trì") leadsByTask.set(a.taskId, (leadsByTask.get(a.taskId) ?? 0) + 1);
  // One progress row per assignment (the model keys known units by id, others by folded name).
  const keyOf = (a: AssignmentRecord) =>
    a.unitId ? `${a.taskId}\u0001id:${a.unitId}` : assignmentKey(a.taskId, a.unit);
  const keyCount = new Map<string, number>();
  for (const a of model.assignments) keyCount.set(keyOf(a), (keyCount.get(keyOf(a)) ?? 0) + 1);
  const lines = ["task_id,unit,status,completed_on,evidence,note"];
  for (const a of model.assignments) {
    if (r() >= spec.share) continue;
    if ((keyCount.get(keyOf(a)) ?? 0) > 1) continue;
    const kind = pick(r, ["done", "done", "done", "inProgress", "notStarted", "unknown", "empty"] as const);
    const status = kind === "empty" ? "" : pick(r, TYPED_STATUSES[kind]);
    let date = "";
    const base = a.due ?? "2024-09-30";
    const wantDate = kind === "done" ? r() < 0.8 : r() < 0.15;
    if (wantDate) date = addDays(base, pick(r, [-40, -3, -1, 0, 0, 1, 2, 15, 60]));
    if (date && daysBetween("2000-01-01", date) < 0) date = "";
    const evidence =
      kind === "done" ? (r() < 0.7 ? pick(r, EVIDENCE) : "") : r() < 0.1 ? pick(r, EVIDENCE) : "";
    let unit = a.unit;
    if (a.unitId) {
      unit = pick(r, spellingsOf(unitById(a.unitId) as Unit));
      // "Phường Nguyễn Nghiêm" alone names two wards: a row needs a spelling that says which.
      if (findUnit(unit)?.id !== a.unitId) continue;
    }
    if (a.role === "Chủ trì" && leadsByTask.get(a.taskId) === 1 && r() < 0.3) unit = "";
    const note = r() < 0.05 ? 'Ghi chú, có dấu phẩy và "nháy"' : "";
    lines.push([a.taskId, unit, status, date, evidence, note].map(csvField).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}

/** Counts by computed state, for logging what a generated case covers. */
export function coverage(
  assignments: readonly AssignmentRecord[],
  label: (a: AssignmentRecord) => string,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of assignments) out[label(a)] = (out[label(a)] ?? 0) + 1;
  return out;
}
