/**
 * Property tests of the exceljs-free .xlsx reader (src/core/consolidate/xlsxValues.ts) and the zip
 * guard (zip.ts): any text written as SpreadsheetML (shared or inline strings, markup characters,
 * rich-text runs) reads back as written; any corruption of a valid file is refused with a reason
 * or read, never thrown.
 */
import fc from "fast-check";
import { strToU8, zipSync } from "fflate";
import { readXlsxValues } from "../../../src/core/consolidate/xlsxValues";
import { checkXlsxBytes, fflateInflate } from "../../../src/core/consolidate/zip";

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A minimal workbook: one sheet "Phân công" holding table PhanCong (header + rows). */
function book(rows: string[][], shared: boolean): Uint8Array {
  const strings: string[] = [];
  const cell = (v: string, r: number, c: number) => {
    const ref = `${String.fromCharCode(65 + c)}${r + 1}`;
    if (!shared) return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
    strings.push(v);
    return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`;
  };
  const width = rows[0].length;
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows
    .map((r, i) => `<row r="${i + 1}">${r.map((v, j) => cell(v, i, j)).join("")}</row>`)
    .join("")}</sheetData><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`;
  // Shared strings split in two rich-text runs, to read them joined.
  const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings
    .map((s) => {
      const cut = Math.floor(s.length / 2);
      return `<si><r><t xml:space="preserve">${esc(s.slice(0, cut))}</t></r><r><rPr><b/></rPr><t xml:space="preserve">${esc(s.slice(cut))}</t></r></si>`;
    })
    .join("")}</sst>`;
  const ref = `A1:${String.fromCharCode(64 + width)}${rows.length}`;
  return zipSync({
    "[Content_Types].xml": strToU8("<Types/>"),
    "xl/workbook.xml": strToU8(
      `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Phân công" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    "xl/sharedStrings.xml": strToU8(sst),
    "xl/worksheets/sheet1.xml": strToU8(sheet),
    "xl/worksheets/_rels/sheet1.xml.rels": strToU8(
      `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/></Relationships>`,
    ),
    "xl/tables/table1.xml": strToU8(`<table id="1" name="PhanCong" displayName="PhanCong" ref="${ref}"/>`),
  });
}

// Text a cell can hold: XML 1.0 characters (no control characters but tab/newline), Vietnamese,
// markup characters; no "_xHHHH_" (OOXML's escape, decoded on read as Excel does).
const text = fc
  .string({ unit: fc.constantFrom(..."aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẢÃẠàáảãạ&<>\"'= ;:/\t\n1234567890_") })
  .filter((s) => !/_x[0-9A-Fa-f]{4}_/.test(s));

describe("xlsxValues", () => {
  test("any text written as shared or inline strings reads back as written", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(text, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (body, shared) => {
          const headers = ["Mã NV", "Đơn vị", "Ghi chú"];
          const got = readXlsxValues(book([headers, ...body], shared));
          expect(got.problem).toBeUndefined();
          expect(got.values?.assignments).toEqual({ headers, rows: body });
          expect(got.values?.sheetNames).toEqual(["Phân công"]);
        },
      ),
      { numRuns: 150 },
    );
  });

  test("a corrupted file is refused with a reason or read — never a throw, same verdict as the guard", () => {
    const good = book(
      [
        ["Mã NV", "Đơn vị", "Ghi chú"],
        ["I.1", "Sở Nội vụ", "xong"],
      ],
      true,
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.option(fc.nat(good.length), { nil: undefined }),
        (edits, cut) => {
          const bytes = good.slice(0, cut ?? good.length);
          for (const [i, b] of edits) if (i < bytes.length) bytes[i] = b;
          const got = readXlsxValues(bytes);
          expect(got.values !== undefined || typeof got.problem === "string").toBe(true);
          const guard = checkXlsxBytes(bytes, fflateInflate);
          if (guard !== null) expect(got.problem).toBe(guard);
        },
      ),
      { numRuns: 300 },
    );
  });
});
