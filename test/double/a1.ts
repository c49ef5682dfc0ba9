/**
 * Pure helpers of the workbook double: A1 addresses, Excel's input coercion (what a typed or
 * API-written string becomes), and JSON-ish UTF-8 byte counts. No Node APIs, no jest: this file
 * also runs in a browser.
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export type CellValue = string | number | boolean;

/** A rectangle of cells, 0-based inclusive bounds. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function columnName(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndexOf(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

function parseCell(text: string): { r: number; c: number } | null {
  const m = CELL.exec(text.trim());
  if (!m) return null;
  const r = Number(m[2]) - 1;
  const c = columnIndexOf(m[1]);
  if (r < 0 || r >= MAX_ROWS || c < 0 || c >= MAX_COLUMNS) return null;
  return { r, c };
}

/** "A1", "$B$3", "A1:C9" (no sheet part) → rect, or null when the form is not supported. */
export function parseRect(address: string): Rect | null {
  const parts = address.split(":");
  if (parts.length > 2) return null;
  const a = parseCell(parts[0]);
  const b = parts.length === 2 ? parseCell(parts[1]) : a;
  if (!a || !b) return null;
  return { r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c) };
}

/** "'Nhiệm vụ 2024'!A5:O60" / "Sheet1!B2" / "B2" → sheet name (if any) and the local address. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const quoted = /^'((?:[^']|'')+)'!(.+)$/.exec(address);
  if (quoted) return { sheet: quoted[1].replace(/''/g, "'"), local: quoted[2] };
  const bang = address.lastIndexOf("!");
  if (bang > 0) return { sheet: address.slice(0, bang), local: address.slice(bang + 1) };
  return { sheet: null, local: address };
}

export function rectAddress(r: Rect): string {
  const a = `${columnName(r.c0)}${r.r0 + 1}`;
  return r.r0 === r.r1 && r.c0 === r.c1 ? a : `${a}:${columnName(r.c1)}${r.r1 + 1}`;
}

export function absoluteRectAddress(r: Rect): string {
  const a = `$${columnName(r.c0)}$${r.r0 + 1}`;
  return r.r0 === r.r1 && r.c0 === r.c1 ? a : `${a}:$${columnName(r.c1)}$${r.r1 + 1}`;
}

/** Sheet prefix as Excel writes it: quoted unless the name is letters, digits, _ and . only. */
export function sheetPrefix(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/\s/.test(name)
    ? `${name}!`
    : `'${name.replace(/'/g, "''")}'!`;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return outer.r0 <= inner.r0 && outer.c0 <= inner.c0 && outer.r1 >= inner.r1 && outer.c1 >= inner.c1;
}

export function cellCount(r: Rect): number {
  return (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);
}

// ───────────────────────────── input coercion ─────────────────────────────

/** What writing one input element does to a cell. */
export type Coerced =
  | { kind: "skip" } // null / undefined: the cell is left as it is
  | { kind: "clear" }
  | { kind: "value"; value: CellValue }
  | { kind: "formula"; formula: string };

export interface CoercionOptions {
  /** "vi-VN": 30/11/2024 is a date (day first); "en-US": 11/30/2024 is. */
  locale: "vi-VN" | "en-US";
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?$/;
const DMY = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/**
 * Starts that Excel reads as a formula when typed or written through `values`: = + - @. The double
 * is deliberately stricter than desktop Excel: full-width ＝＋－＠, the minus sign and the same
 * after leading white space (tab, CR, LF, spaces) are treated as formulas too (East-Asian IMEs and
 * some hosts convert them), so text that reaches Excel without its apostrophe never passes a test.
 */
const FORMULA_START = /^[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20\u2212]/;

export function dateSerial(year: number, month: number, day: number): number | null {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round(ms / 86_400_000) + 25_569;
}

export function serialToIso(serial: number): string {
  const d = new Date((serial - 25_569) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/**
 * Excel's reading of an input element (as typed in a cell, or set through `values`/`formulas`):
 * a leading apostrophe makes the rest literal text; formulas are kept as formulas; text that
 * looks like a number, a boolean, a percentage or a date becomes one.
 */
export function coerceInput(
  input: unknown,
  options: CoercionOptions,
): Coerced | { kind: "invalid"; reason: string } {
  if (input === null || input === undefined) return { kind: "skip" };
  if (typeof input === "number")
    return Number.isFinite(input)
      ? { kind: "value", value: input }
      : { kind: "invalid", reason: `number ${input}` };
  if (typeof input === "boolean") return { kind: "value", value: input };
  if (typeof input !== "string")
    return { kind: "invalid", reason: `a ${Array.isArray(input) ? "nested array" : typeof input}` };
  const s = input;
  if (s.length > 32_767) return { kind: "invalid", reason: "text longer than 32,767 characters" };
  if (s === "") return { kind: "clear" };
  if (s.startsWith("'")) return { kind: "value", value: s.slice(1) };
  if (s.startsWith("=")) return { kind: "formula", formula: s };
  const t = s.trim();
  if (NUMBER.test(t)) {
    const pct = t.endsWith("%");
    const n = Number(pct ? t.slice(0, -1) : t);
    if (Number.isFinite(n)) return { kind: "value", value: pct ? n / 100 : n };
  }
  if (FORMULA_START.test(s)) {
    const body = s.replace(/^[\s\u00a0\u3000]+/, "");
    return {
      kind: "formula",
      formula: "=" + (body[0] === "@" || body[0] === "\uff20" ? body.slice(1) : body),
    };
  }
  const upper = t.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { kind: "value", value: upper === "TRUE" };
  const ymd = YMD.exec(t);
  if (ymd) {
    const serial = dateSerial(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
    if (serial !== null) return { kind: "value", value: serial };
  }
  const dmy = DMY.exec(t);
  if (dmy) {
    const [a, b] = [Number(dmy[1]), Number(dmy[3])];
    const [day, month] = options.locale === "vi-VN" ? [a, b] : [b, a];
    const serial = dateSerial(Number(dmy[4]), month, day);
    if (serial !== null) return { kind: "value", value: serial };
  }
  return { kind: "value", value: s };
}

// ───────────────────────────── byte counts ─────────────────────────────

/** UTF-8 bytes of `s` as a JSON string literal (quotes and escapes included). */
export function jsonStringBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80)
      n += c === 0x22 || c === 0x5c ? 2 : c < 0x20 ? (c === 0x0a || c === 0x0d || c === 0x09 ? 2 : 6) : 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** UTF-8 size of the JSON serialisation of a value (objects that are API proxies count as a reference). */
export function jsonBytes(value: unknown, proxyBytes = 24): number {
  if (value === null || value === undefined) return 4;
  switch (typeof value) {
    case "string":
      return jsonStringBytes(value);
    case "number":
      return Number.isFinite(value) ? String(value).length : 4;
    case "boolean":
      return value ? 4 : 5;
    case "object": {
      if (Array.isArray(value)) {
        let n = 2;
        for (let i = 0; i < value.length; i++) n += jsonBytes(value[i], proxyBytes) + (i > 0 ? 1 : 0);
        return n;
      }
      if (isApiProxy(value)) return proxyBytes;
      let n = 2;
      let first = true;
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (v === undefined) continue;
        n += jsonStringBytes(k) + 1 + jsonBytes(v, proxyBytes) + (first ? 0 : 1);
        first = false;
      }
      return n;
    }
    default:
      return 4;
  }
}

/** Marks API proxies so byte counts and argument checks can recognise them. */
export const API_PROXY = Symbol.for("workbookDouble.apiProxy");

export function isApiProxy(value: unknown): boolean {
  return (
    typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[API_PROXY] !== undefined
  );
}
