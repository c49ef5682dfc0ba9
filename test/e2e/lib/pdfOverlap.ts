/**
 * Words printed on top of one another in a PDF page, from `pdftotext -bbox` (poppler): wrapped
 * text that overflows its row overlaps the next row's words. Pure parsing of the bbox HTML.
 */
export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export function wordsOfBbox(html: string): PdfWord[] {
  const re = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  return [...html.matchAll(re)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5],
  }));
}

/**
 * Pairs of words of different lines whose boxes overlap: horizontally by more than half a point
 * and vertically by more than half the smaller word's height (adjacent lines do not). Words on one
 * baseline are left out: a cell's text running into the next cell is clipped there when printed.
 */
export function overlappingWords(words: readonly PdfWord[]): Array<[string, string]> {
  const sorted = [...words].sort((a, b) => a.xMin - b.xMin);
  const out: Array<[string, string]> = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length && sorted[j].xMin < a.xMax; j++) {
      const b = sorted[j];
      const ix = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const iy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      const sameLine = Math.abs(a.yMax - b.yMax) < 0.5;
      if (!sameLine && ix > 0.5 && iy > 0.5 * Math.min(a.yMax - a.yMin, b.yMax - b.yMin))
        out.push([a.text, b.text]);
    }
  }
  return out;
}
