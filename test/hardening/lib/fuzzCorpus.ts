/**
 * The fuzz corpus of issue 8.5: 100,000 strings, the same on every run (seeded). Random text
 * from mixed alphabets, mutated real deadlines / unit names / headers / titles / statuses, NFD and
 * NFKD forms, combining-mark storms, control-character soups, legacy mojibake (TCVN3, VNI, UTF-8
 * read as Windows-1252), Vietnamese-heavy word salad, mutated catalogue JSON and CSV, and a few
 * lines of 100,000 characters (single lines: no line terminators).
 */
import { toTCVN3, toVNI } from "vietnamese-conversion";
import demo from "../../../src/core/catalogue/bundled/demo-2024.json";
import cv5893 from "../../../src/core/catalogue/bundled/cv-5893-2024.json";
import { listUnits } from "../../../src/core/units/units";
import { Rng } from "./rng";
import { DEADLINE_FORMS } from "../../core/helpers/deadlineForms";

export const FUZZ_SEED = 20_241_231;
export const FUZZ_INPUTS = 100_000;
export const LONG_LINES = 12;
export const LONG_LINE_CHARS = 100_000;

const DEADLINES = [
  ...new Set([
    ...[...demo.tasks, ...cv5893.tasks].map((t) => t.deadline),
    ...DEADLINE_FORMS,
    "31/12/2024",
    "31-12-2024",
    "31.12.2024",
    "45657",
    "chậm nhất ngày 30/11",
    "cuối quý II",
    "T12/24",
    "2024-12-31",
    "Theo Quyết định số 1879/QĐ-UBND ngày 15/12/2023",
  ]),
];

const UNIT_NAMES = [
  ...listUnits().map((u) => u.name),
  "SNV",
  "STP",
  "STTTT",
  "Sở NN&PTNT",
  "Sở Lao động-Thương binh và Xã hội",
  "UBND huyện Bình Sơn",
  "Ủy ban nhân dân thành phố Quảng Ngãi",
  "Uỷ ban nhân dân huyện Lý Sơn",
  "Chủ tịch UBND xã Bình Hòa, huyện Bình Sơn",
  "Phường Nguyễn Nghiêm (TX Đức Phổ)",
  "Các sở, ban, ngành tỉnh",
  "UBND các huyện, thị xã, thành phố",
  "UBND các xã, phường, thị trấn",
  "các cơ quan Trung ương đóng trên địa bàn tỉnh",
  "Sở Nội vụ (chủ trì); Sở Tư pháp và Sở Tài chính",
  ...[...demo.tasks, ...cv5893.tasks].flatMap((t) => [
    t.lead,
    (t as { coordinating?: string }).coordinating ?? "",
  ]),
].filter((s) => s !== "");

const HEADERS = [
  "STT",
  "TT",
  "Số TT",
  "Mã NV",
  "Nhiệm vụ",
  "Nội dung công việc",
  "Nội dung nhiệm vụ",
  "Tên nhiệm vụ",
  "Cơ quan chủ trì",
  "Đơn vị chủ trì",
  "Cơ quan, đơn vị chủ trì thực hiện",
  "Cơ quan phối hợp",
  "Đơn vị phối hợp",
  "Sản phẩm",
  "Kết quả/Sản phẩm",
  "Hình thức văn bản",
  "Thời gian hoàn thành",
  "Thời hạn",
  "Thời hạn hoàn thành",
  "Tiến độ",
  "Tình trạng",
  "Kết quả thực hiện",
  "Trạng thái",
  "Ngày hoàn thành",
  "Ngày hoàn thành thực tế",
  "Minh chứng",
  "Tài liệu kiểm chứng",
  "Ghi chú",
  "Lĩnh vực",
];

const STATUSES = [
  "Đã hoàn thành",
  "Hoàn thành (trễ hạn)",
  "Đang thực hiện",
  "Chưa thực hiện",
  "Chưa hoàn thành",
  "x",
  "✓",
  "TRUE",
  "0,5",
  "Hoàn thành 50%",
  "đạt 100%",
  "Quá hạn",
  "done",
];

const TITLES = [...demo.tasks, ...cv5893.tasks].map((t) => t.title).slice(0, 60);

const SEEDS = [...DEADLINES, ...UNIT_NAMES, ...HEADERS, ...STATUSES, ...TITLES];

const SYLLABLES = (
  "cải cách hành chính thủ tục số hóa hồ sơ kết quả giải quyết nhiệm vụ kế hoạch sở nội vụ tư pháp " +
  "ủy ban nhân dân huyện xã phường thị trấn quý tháng năm trước ngày thường xuyên định kỳ theo yêu cầu " +
  "hoàn thành đang thực hiện chưa chủ trì phối hợp sản phẩm báo cáo minh chứng ghi chú thời hạn tiến độ " +
  "đầu cuối giữa nửa hằng hàng liên tục trong cả và hoặc các cơ quan đơn vị tỉnh quảng ngãi bình sơn lý đức phổ " +
  "nguyễn nghiêm thạnh thanh hòa hoà khỏe khoẻ thủy thuỷ ủy uỷ quý quí"
).split(" ");

const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join("");
const VIET =
  "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ" +
  "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ";
const COMBINING =
  Array.from({ length: 0x70 }, (_, i) => String.fromCharCode(0x300 + i)).join("") + "\u1dc0\u20d0\ufe20";
const CONTROL =
  Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join("") + "\u007f\u0085\u0080\u009f";
const SPACES =
  "\u00a0\u1680\u2000\u2001\u2002\u2007\u200a\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u3000\ufeff\u2060\u180e";
const FULLWIDTH = Array.from({ length: 94 }, (_, i) => String.fromCharCode(0xff01 + i)).join("");
const LATIN1_HIGH = Array.from({ length: 95 }, (_, i) => String.fromCharCode(0xa1 + i)).join("");
const SEPARATORS = "/-.,;:+&()[]–—•*\"'|\\#%@=";
const DIGITS = "0123456789";
const ALPHABETS = [ASCII, VIET, COMBINING, CONTROL, SPACES, FULLWIDTH, LATIN1_HIGH, SEPARATORS, DIGITS];

function randomChar(rng: Rng): string {
  const r = rng.next();
  if (r < 0.01) return String.fromCharCode(rng.int(0xd800, 0xdfff)); // lone surrogate
  if (r < 0.02) return String.fromCodePoint(rng.int(0x1f300, 0x1faff)); // emoji (a pair)
  if (r < 0.03) return String.fromCharCode(rng.int(0, 0xffff));
  const alphabet =
    ALPHABETS[Math.min(ALPHABETS.length - 1, Math.floor(rng.next() * rng.next() * ALPHABETS.length * 1.6))];
  return alphabet[rng.int(0, alphabet.length - 1)];
}

function randomString(rng: Rng, max: number): string {
  let s = "";
  const n = rng.int(0, max);
  for (let i = 0; i < n; i++) s += randomChar(rng);
  return s;
}

function mutate(rng: Rng, input: string): string {
  let s = input;
  const ops = rng.int(1, 5);
  for (let k = 0; k < ops; k++) {
    const at = rng.int(0, s.length);
    switch (rng.int(0, 12)) {
      case 0:
        s = s.slice(0, at) + randomChar(rng) + s.slice(at);
        break;
      case 1:
        s = s.slice(0, at) + s.slice(at + rng.int(1, 4));
        break;
      case 2:
        s = s.slice(0, at) + randomChar(rng) + s.slice(at + 1);
        break;
      case 3: {
        const len = rng.int(1, 12);
        s = s.slice(0, at) + s.slice(at, at + len).repeat(rng.int(2, 6)) + s.slice(at);
        break;
      }
      case 4:
        s = s.slice(0, at) + s.slice(at + 1, at + 2) + s.slice(at, at + 1) + s.slice(at + 2);
        break;
      case 5:
        s = rng.chance(0.5) ? s.toUpperCase() : s.toLowerCase();
        break;
      case 6:
        s = s.normalize(rng.chance(0.5) ? "NFD" : "NFKD");
        break;
      case 7:
        s = s.slice(0, at) + SEPARATORS[rng.int(0, SEPARATORS.length - 1)] + s.slice(at);
        break;
      case 8:
        s = s.replace(/\d/g, (d) => (rng.chance(0.3) ? String(rng.int(0, 9)) : d));
        break;
      case 9:
        s = s.slice(0, at) + rng.pick(SEEDS) + s.slice(at);
        break;
      case 10:
        s = s.slice(0, at) + COMBINING[rng.int(0, COMBINING.length - 1)].repeat(rng.int(1, 40)) + s.slice(at);
        break;
      case 11:
        s = `${rng.pick(["(", "[", '"', "“", "'", " ", "\t"])}${s}${rng.pick([")", "]", '"', "”", "", " ", "\r\n"])}`;
        break;
      default:
        s = s.slice(0, at) + CONTROL[rng.int(0, CONTROL.length - 1)] + s.slice(at);
    }
  }
  return s;
}

/** UTF-8 bytes of `s` read as Windows-1252 / Latin-1: "Sở" → "Sá»Ÿ". */
function doubleEncoded(s: string): string {
  return Array.from(new TextEncoder().encode(s), (b) => String.fromCharCode(b)).join("");
}

function legacy(rng: Rng, s: string): string {
  const nfc = s.normalize("NFC");
  const pick = rng.int(0, 2);
  try {
    if (pick === 0) return toTCVN3(nfc, "unicode");
    if (pick === 1) return toVNI(nfc, "unicode");
  } catch {
    // the encoder rejects some inputs; fall through
  }
  return doubleEncoded(nfc);
}

function words(rng: Rng, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const w = rng.pick(SYLLABLES);
    out.push(rng.chance(0.1) ? w.toUpperCase() : rng.chance(0.2) ? w[0].toUpperCase() + w.slice(1) : w);
    if (rng.chance(0.15))
      out.push(rng.pick([",", ";", " và", " -", "/", ":", " (", ")", String(rng.int(1, 31))]));
  }
  return out.join(" ");
}

function smallCatalogue(rng: Rng): string {
  const n = rng.int(1, 3);
  return JSON.stringify({
    schema: "cchc-catalogue/1",
    id: "fuzz",
    title: rng.pick(TITLES),
    planYear: 2024,
    source: { document: "Fuzz", official: false },
    tasks: Array.from({ length: n }, (_, i) => ({
      id: `I.${i + 1}`,
      area: rng.pick(["I", "II", "III", "VII", "VIII", ""]),
      title: rng.pick(TITLES),
      lead: rng.pick(UNIT_NAMES),
      coordinating: rng.chance(0.5) ? rng.pick(UNIT_NAMES) : undefined,
      deadline: rng.pick(DEADLINES),
    })),
  });
}

function smallCsv(rng: Rng): string {
  const header = [
    rng.pick(["STT", "TT"]),
    rng.pick(["Nhiệm vụ", "Nội dung công việc"]),
    rng.pick(["Cơ quan chủ trì", "Đơn vị chủ trì"]),
    rng.pick(["Thời hạn", "Thời gian hoàn thành"]),
  ];
  const rows = [header.join(rng.pick([",", ";", "\t"]))];
  for (let i = 0; i < rng.int(1, 4); i++)
    rows.push(
      [String(i + 1), rng.pick(TITLES), rng.pick(UNIT_NAMES), rng.pick(DEADLINES)]
        .map((c) => `"${c.replace(/"/g, '""')}"`)
        .join(","),
    );
  return rows.join(rng.pick(["\n", "\r\n"]));
}

function longLine(rng: Rng, i: number): string {
  let s = "";
  const kind = i % 5;
  while (s.length < LONG_LINE_CHARS) {
    if (kind === 0) s += words(rng, 50) + " ";
    else if (kind === 1)
      s += rng.pick(SEEDS).replace(/[\r\n\u2028\u2029\u0085]/g, " ") + rng.pick([" ", ", ", "; ", " và "]);
    else if (kind === 2) s += randomString(rng, 200).replace(/[\r\n\u2028\u2029\u0085]/g, "");
    else if (kind === 3) s += legacy(rng, rng.pick(SEEDS)).replace(/[\r\n\u2028\u2029\u0085]/g, " ") + " ";
    else s += rng.pick(DEADLINES) + rng.pick([" - ", ", ", " đến ", "/", " "]);
  }
  return s.slice(0, LONG_LINE_CHARS);
}

export interface FuzzCorpus {
  inputs: string[];
  counts: Record<string, number>;
}

/** The corpus; `limit` stops early (same first inputs, for a cheap determinism check). */
export function buildFuzzCorpus(seed = FUZZ_SEED, limit = FUZZ_INPUTS): FuzzCorpus {
  const rng = new Rng(seed);
  const inputs: string[] = [];
  const counts: Record<string, number> = {};
  const add = (kind: string, n: number, make: () => string) => {
    counts[kind] = n;
    for (let i = 0; i < n && inputs.length < limit; i++) inputs.push(make());
  };
  add("long lines (100,000 characters)", LONG_LINES, () => longLine(rng, inputs.length));
  add("mutated real deadlines, units, headers, titles, statuses", 30_000, () => mutate(rng, rng.pick(SEEDS)));
  add("random mixed alphabets", 22_000, () => randomString(rng, 80));
  add("Vietnamese-heavy word salad", 13_988, () => words(rng, rng.int(1, 12)));
  add("NFD / NFKD forms", 7_000, () => {
    const s = rng.pick(SEEDS).normalize(rng.chance(0.7) ? "NFD" : "NFKD");
    return rng.chance(0.4) ? mutate(rng, s) : s;
  });
  add("combining-mark storms", 3_000, () => {
    const base = rng.chance(0.5) ? rng.pick(SEEDS) : randomString(rng, 5);
    const storm = Array.from(
      { length: rng.int(20, 1_500) },
      () => COMBINING[rng.int(0, COMBINING.length - 1)],
    ).join("");
    const at = rng.int(0, base.length);
    return base.slice(0, at) + storm + base.slice(at);
  });
  add("control-character soups", 8_000, () => {
    let s = rng.pick(SEEDS);
    for (let i = rng.int(1, 20); i > 0; i--) {
      const at = rng.int(0, s.length);
      s = s.slice(0, at) + CONTROL[rng.int(0, CONTROL.length - 1)] + s.slice(at);
    }
    return s;
  });
  add("legacy mojibake (TCVN3, VNI, UTF-8 as Windows-1252)", 9_000, () => {
    const s = legacy(rng, rng.pick(SEEDS));
    return rng.chance(0.3) ? mutate(rng, s) : s;
  });
  add("mutated catalogue JSON", 3_000, () => {
    const s = smallCatalogue(rng);
    return rng.chance(0.85) ? mutate(rng, s) : s;
  });
  add("mutated catalogue CSV", FUZZ_INPUTS - inputs.length, () => {
    const s = smallCsv(rng);
    return rng.chance(0.8) ? mutate(rng, rng.chance(0.2) ? legacy(rng, s) : s) : s;
  });
  return { inputs, counts };
}
