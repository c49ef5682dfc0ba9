/**
 * Reads cells straight from an .xlsx file's XML (not through exceljs, which drops a cached
 * formula result equal to 0 when it reads a file): type, formula and the stored value.
 */
import JSZip from "jszip";

export interface RawCell {
  /** t attribute: "s" shared string, "str" formula string, "b" boolean, "e" error, "" number. */
  type: string;
  formula: string | null;
  /** The <v> text (shared strings resolved), null when the cell stores no value. */
  value: string | null;
  style: number;
}

export function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");
}

export async function readZip(bytes: Buffer): Promise<JSZip> {
  return JSZip.loadAsync(bytes);
}

export async function partText(zip: JSZip, path: string): Promise<string> {
  const f = zip.file(path);
  if (!f) throw new Error(`missing part ${path}`);
  return f.async("string");
}

/** Sheet name → part path, in workbook order. */
export async function sheetPaths(zip: JSZip): Promise<Array<{ name: string; path: string }>> {
  const wb = await partText(zip, "xl/workbook.xml");
  const rels = await partText(zip, "xl/_rels/workbook.xml.rels");
  const target = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*\bId="([^"]+)"[^>]*\bTarget="([^"]+)"/g))
    target.set(m[1], m[2]);
  for (const m of rels.matchAll(/<Relationship\b[^>]*\bTarget="([^"]+)"[^>]*\bId="([^"]+)"/g))
    target.set(m[2], m[1]);
  const out: Array<{ name: string; path: string }> = [];
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    if (name && id)
      out.push({ name: unescapeXml(name), path: `xl/${(target.get(id) ?? "").replace(/^\/?xl\//, "")}` });
  }
  return out;
}

/** Every stored cell of every sheet: sheet name → address → cell. */
export async function readCells(bytes: Buffer): Promise<Map<string, Map<string, RawCell>>> {
  const zip = await readZip(bytes);
  const shared: string[] = [];
  const sst = zip.file("xl/sharedStrings.xml");
  if (sst) {
    const xml = await sst.async("string");
    for (const si of xml.matchAll(/<si>([\s\S]*?)<\/si>/g)) {
      shared.push(
        [...si[1].matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => unescapeXml(t[1])).join(""),
      );
    }
  }
  const out = new Map<string, Map<string, RawCell>>();
  for (const { name, path } of await sheetPaths(zip)) {
    const xml = await partText(zip, path);
    const cells = new Map<string, RawCell>();
    for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = m[1];
      const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1];
      if (!ref) continue;
      const type = /\bt="([^"]*)"/.exec(attrs)?.[1] ?? "";
      const style = Number(/\bs="(\d+)"/.exec(attrs)?.[1] ?? 0);
      const body = m[2] ?? "";
      const f = /<f(?:\s[^>]*)?>([\s\S]*?)<\/f>/.exec(body);
      const v = /<v>([\s\S]*?)<\/v>/.exec(body);
      let value = v ? unescapeXml(v[1]) : null;
      if (type === "s" && value !== null) value = shared[Number(value)];
      if (type === "inlineStr")
        value = [...body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => unescapeXml(t[1])).join("");
      cells.set(ref, { type, formula: f ? unescapeXml(f[1]) : null, value, style });
    }
    out.set(name, cells);
  }
  return out;
}
