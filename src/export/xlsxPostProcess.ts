/**
 * What exceljs cannot write, added to the .xlsx zip it produced (exceljs depends on jszip):
 *   - charts: xl/charts/chartN.xml (a clustered bar chart), xl/drawings/drawingN.xml anchoring it,
 *     their relationships, the sheet's <drawing> element and the content types;
 *   - calculated-column formulas of tables (<calculatedColumnFormula>), so Excel fills the formula
 *     into rows a user adds, as in a table built by the task pane;
 *   - comments of defined names.
 */
import JSZip from "jszip";
import type ExcelJS from "exceljs";
import { parseCellAddress, parseRangeAddress, type PlanOp } from "../core/workbook/plan";
import { installStreamedRows, type StreamInput } from "./xlsxStreamRows";

export type ChartSpec = Extract<PlanOp, { op: "chart" }>;

export interface PostProcessInput {
  tables: Array<{ name: string; calculated: Array<{ name: string; formula: string }> }>;
  names: Array<{ name: string; comment: string }>;
  charts: ChartSpec[];
  cachedValues: boolean;
  /** Some sheet has "text contains" colour rules (exceljs omits their operator and text). */
  textRules: boolean;
  /** The rows of one large sheet, streamed into the zip (./xlsxStreamRows.ts). */
  streamed?: StreamInput;
}

const NS = {
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
};
const REL_TYPE = {
  drawing: `${NS.rel}/drawing`,
  chart: `${NS.rel}/chart`,
};
const CT = {
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
};
/** English Metric Units per point. */
const EMU_PER_POINT = 12_700;

export function xmlEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function xmlUnescape(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? xmlUnescape(m[1]) : null;
}

async function text(zip: JSZip, path: string): Promise<string> {
  const f = zip.file(path);
  if (!f) throw new Error(`Tệp xlsx thiếu phần ${path}`);
  return f.async("string");
}

/** Sheet name → path of its part ("xl/worksheets/sheet3.xml"). */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const wb = await text(zip, "xl/workbook.xml");
  const rels = await text(zip, "xl/_rels/workbook.xml.rels");
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name");
    const id = attr(m[0], "r:id");
    if (name && id && targets.has(id)) out.set(name, targets.get(id) as string);
  }
  return out;
}

function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

/** Adds a relationship to a part's .rels (created when missing) and returns its id. */
async function addRelationship(zip: JSZip, part: string, type: string, target: string): Promise<string> {
  const path = relsPathOf(part);
  const existing = zip.file(path)
    ? await text(zip, path)
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}"></Relationships>`;
  const used = new Set([...existing.matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n += 1;
  const id = `rId${n}`;
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${xmlEscape(target)}"/>`;
  const updated = existing.includes("</Relationships>")
    ? existing.replace("</Relationships>", `${rel}</Relationships>`)
    : existing.replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${rel}</Relationships>`);
  zip.file(path, updated);
  return id;
}

async function addContentType(zip: JSZip, partName: string, contentType: string): Promise<void> {
  const ct = await text(zip, "[Content_Types].xml");
  if (ct.includes(`PartName="${partName}"`)) return;
  zip.file(
    "[Content_Types].xml",
    ct.replace("</Types>", `<Override PartName="${partName}" ContentType="${contentType}"/></Types>`),
  );
}

/** Elements that follow <drawing> in CT_Worksheet (it must be inserted before the first of them). */
const AFTER_DRAWING = [
  "<legacyDrawing",
  "<legacyDrawingHF",
  "<drawingHF",
  "<picture",
  "<oleObjects",
  "<controls",
  "<webPublishItems",
  "<tableParts",
  "<extLst",
];

function insertDrawing(sheetXml: string, relId: string): string {
  const element = `<drawing r:id="${relId}"/>`;
  let at = -1;
  for (const tag of AFTER_DRAWING) {
    const i = sheetXml.indexOf(tag);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) at = sheetXml.lastIndexOf("</worksheet>");
  let out = sheetXml.slice(0, at) + element + sheetXml.slice(at);
  if (!/<worksheet\b[^>]*\sxmlns:r=/.test(out))
    out = out.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS.rel}"`);
  return out;
}

function absoluteRef(sheet: string, range: string): string {
  const r = parseRangeAddress(range);
  const col = (c: number) => {
    let n = c + 1;
    let s = "";
    while (n > 0) {
      s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  };
  return `'${sheet.replace(/'/g, "''")}'!$${col(r.column)}$${r.row + 1}:$${col(r.lastColumn)}$${r.lastRow + 1}`;
}

/** Values of a one-column or one-row range, as written in the workbook (for the chart caches). */
function rangeValues(ws: ExcelJS.Worksheet | undefined, range: string): unknown[] {
  if (!ws) return [];
  const r = parseRangeAddress(range);
  const out: unknown[] = [];
  for (let row = r.row; row <= r.lastRow; row++) {
    for (let c = r.column; c <= r.lastColumn; c++) {
      const cell = ws.getCell(row + 1, c + 1);
      // cell.result, not cell.value.result: exceljs's value getter drops a result equal to 0.
      if (cell.formula) out.push(cell.result);
      else {
        const v = cell.value;
        out.push(v && typeof v === "object" && "text" in v ? (v as { text: unknown }).text : v);
      }
    }
  }
  return out;
}

function pointCount(range: string): number {
  const r = parseRangeAddress(range);
  return (r.lastRow - r.row + 1) * (r.lastColumn - r.column + 1);
}

export function chartXml(
  spec: ChartSpec,
  categories: unknown[],
  values: unknown[],
  withCache: boolean,
): string {
  const n = pointCount(spec.categories);
  const strCache = withCache
    ? `<c:strCache><c:ptCount val="${n}"/>${categories
        .map((v, i) =>
          v === null || v === undefined || v === ""
            ? ""
            : `<c:pt idx="${i}"><c:v>${xmlEscape(String(v))}</c:v></c:pt>`,
        )
        .join("")}</c:strCache>`
    : "";
  const numCache = withCache
    ? `<c:numCache><c:formatCode>0.0%</c:formatCode><c:ptCount val="${pointCount(spec.values)}"/>${values
        .map((v, i) =>
          typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : "",
        )
        .join("")}</c:numCache>`
    : "";
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr><a:r><a:rPr lang="vi-VN" sz="1400" b="1"/><a:t>${xmlEscape(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.a}" xmlns:r="${NS.rel}">` +
    `<c:date1904 val="0"/><c:lang val="vi-VN"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${xmlEscape(spec.seriesName)}</c:v></c:tx>` +
    `<c:spPr><a:solidFill><a:srgbClr val="2F75B5"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
    `<c:dLbls><c:numFmt formatCode="0%" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
    `<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
    `<c:cat><c:strRef><c:f>${xmlEscape(absoluteRef(spec.sheet, spec.categories))}</c:f>${strCache}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${xmlEscape(absoluteRef(spec.sheet, spec.values))}</c:f>${numCache}</c:numRef></c:val>` +
    `</c:ser><c:gapWidth val="60"/><c:axId val="500100"/><c:axId val="500200"/></c:barChart>` +
    // Categories top to bottom in sheet order; the value axis stays at the bottom.
    `<c:catAx><c:axId val="500100"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    // Every category labelled (no skipped names), in a font small enough for long unit names.
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="700"/></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>` +
    `<c:crossAx val="500200"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:tickLblSkip val="1"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500200"/><c:scaling><c:orientation val="minMax"/><c:max val="1"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:majorGridlines/><c:numFmt formatCode="0%" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="500100"/><c:crosses val="max"/><c:crossBetween val="between"/><c:majorUnit val="0.2"/></c:valAx>` +
    `</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup/></c:printSettings>` +
    `</c:chartSpace>`
  );
}

function drawingXml(anchors: Array<{ spec: ChartSpec; relId: string; id: number }>): string {
  const body = anchors
    .map(({ spec, relId, id }) => {
      const from = parseCellAddress(spec.anchor);
      return (
        `<xdr:oneCellAnchor><xdr:from><xdr:col>${from.column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${from.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:ext cx="${Math.round(spec.width * EMU_PER_POINT)}" cy="${Math.round(spec.height * EMU_PER_POINT)}"/>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id + 1}" name="${xmlEscape(spec.name ?? `Chart ${id}`)}" descr="${xmlEscape(spec.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" xmlns:r="${NS.rel}" r:id="${relId}"/></a:graphicData></a:graphic>` +
        `</xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>`
      );
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${body}</xdr:wsDr>`;
}

function nextFreeIndex(zip: JSZip, prefix: string): number {
  let n = 1;
  while (zip.file(`${prefix}${n}.xml`)) n += 1;
  return n;
}

async function addCharts(
  zip: JSZip,
  charts: ChartSpec[],
  wb: ExcelJS.Workbook,
  withCache: boolean,
): Promise<void> {
  if (charts.length === 0) return;
  const parts = await sheetParts(zip);
  const bySheet = new Map<string, ChartSpec[]>();
  for (const c of charts) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c]);
  for (const [sheet, specs] of bySheet) {
    const part = parts.get(sheet);
    if (!part) throw new Error(`Không tìm thấy trang “${sheet}” trong tệp để gắn biểu đồ.`);
    const ws = wb.getWorksheet(sheet);
    const d = nextFreeIndex(zip, "xl/drawings/drawing");
    const drawingPart = `xl/drawings/drawing${d}.xml`;
    const anchors: Array<{ spec: ChartSpec; relId: string; id: number }> = [];
    zip.file(drawingPart, ""); // reserve the name
    for (const [i, spec] of specs.entries()) {
      const n = nextFreeIndex(zip, "xl/charts/chart");
      const chartPart = `xl/charts/chart${n}.xml`;
      zip.file(
        chartPart,
        chartXml(spec, rangeValues(ws, spec.categories), rangeValues(ws, spec.values), withCache),
      );
      await addContentType(zip, `/${chartPart}`, CT.chart);
      const relId = await addRelationship(zip, drawingPart, REL_TYPE.chart, `../charts/chart${n}.xml`);
      anchors.push({ spec, relId, id: i + 1 });
    }
    zip.file(drawingPart, drawingXml(anchors));
    await addContentType(zip, `/${drawingPart}`, CT.drawing);
    const sheetRel = await addRelationship(zip, part, REL_TYPE.drawing, `../drawings/drawing${d}.xml`);
    zip.file(part, insertDrawing(await text(zip, part), sheetRel));
  }
}

async function addCalculatedColumns(zip: JSZip, tables: PostProcessInput["tables"]): Promise<void> {
  const wanted = new Map(tables.filter((t) => t.calculated.length > 0).map((t) => [t.name, t]));
  if (wanted.size === 0) return;
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/tables\/[^/]+\.xml$/.test(p))) {
    let xml = await text(zip, path);
    const open = /<table\b[^>]*>/.exec(xml);
    const t = open ? wanted.get(attr(open[0], "name") ?? "") : undefined;
    if (!t) continue;
    for (const c of t.calculated) {
      const re = new RegExp(
        `<tableColumn\\b([^>]*?\\sname="${xmlEscape(c.name).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*?)\\s*/>`,
      );
      xml = xml.replace(
        re,
        (_m, attrs: string) =>
          `<tableColumn${attrs}><calculatedColumnFormula>${xmlEscape(c.formula)}</calculatedColumnFormula></tableColumn>`,
      );
    }
    zip.file(path, xml);
  }
}

async function addNameComments(zip: JSZip, names: PostProcessInput["names"]): Promise<void> {
  if (names.length === 0) return;
  let xml = await text(zip, "xl/workbook.xml");
  for (const n of names) {
    xml = xml.replace(
      new RegExp(`<definedName name="${n.name}"`, "i"),
      (m) => `${m} comment="${xmlEscape(n.comment)}"`,
    );
  }
  zip.file("xl/workbook.xml", xml);
}

/**
 * exceljs writes <cfRule type="containsText"> with the formula only; Excel writes (and shows in
 * its rule dialog) operator="containsText" text="…" as well.
 */
async function completeTextRules(zip: JSZip): Promise<void> {
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p))) {
    const xml = await text(zip, path);
    if (!xml.includes('type="containsText"')) continue;
    const fixed = xml.replace(
      /<cfRule type="containsText"((?:(?!operator=)[^>])*)><formula>NOT\(ISERROR\(SEARCH\(&quot;((?:(?!&quot;,).)*)&quot;,([A-Z]+\d+)\)\)\)<\/formula>/g,
      (_m, attrs: string, quoted: string, ref: string) => {
        const literal = xmlUnescape(quoted).replace(/""/g, '"');
        return `<cfRule type="containsText"${attrs} operator="containsText" text="${xmlEscape(literal)}"><formula>NOT(ISERROR(SEARCH(&quot;${quoted}&quot;,${ref})))</formula>`;
      },
    );
    zip.file(path, fixed);
  }
}

export async function postProcessXlsx(
  raw: Buffer,
  input: PostProcessInput,
  wb: ExcelJS.Workbook,
): Promise<Buffer> {
  if (
    !input.streamed &&
    input.charts.length === 0 &&
    input.names.length === 0 &&
    !input.textRules &&
    input.tables.every((t) => t.calculated.length === 0)
  )
    return raw;
  const zip = await JSZip.loadAsync(raw);
  if (input.textRules) await completeTextRules(zip);
  await addCalculatedColumns(zip, input.tables);
  await addNameComments(zip, input.names);
  await addCharts(zip, input.charts, wb, input.cachedValues);
  if (input.streamed) {
    const part = (await sheetParts(zip)).get(input.streamed.plan.sheet);
    if (!part) throw new Error(`Không tìm thấy trang “${input.streamed.plan.sheet}” trong tệp.`);
    await installStreamedRows(zip, part, input.streamed);
    // Compressed as it is generated: the streamed sheet is never whole in memory.
    const chunks: Buffer[] = [];
    await new Promise<void>((resolve, reject) => {
      zip
        .generateNodeStream({
          type: "nodebuffer",
          streamFiles: true,
          compression: "DEFLATE",
          compressionOptions: { level: 6 },
        })
        .on("data", (c: Buffer) => chunks.push(c))
        .on("error", reject)
        .on("end", () => resolve());
    });
    return Buffer.concat(chunks);
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
