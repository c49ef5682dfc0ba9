/**
 * Renders assets/icon.svg to assets/icon-{16,32,64,80,128}.png with Debian's headless Chromium.
 *
 *   npx tsx scripts/render-icons.ts
 *
 * The browser binary is `chromium` on PATH, or CHROMIUM_BIN. Each size is drawn as an <img> in
 * the top-left corner of a 256×256 transparent page and cropped from the screenshot: with the
 * window exactly as large as the icon, Chromium 156 sometimes captured a half-painted 128 px
 * image. Every PNG is checked: exact pixel size, transparent corners (no background box), and a
 * drawing that reaches the bottom rows. The PNGs are committed; run this only when icon.svg changes.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";

const SIZES = [16, 32, 64, 80, 128] as const;
const repoRoot = path.resolve(__dirname, "..");
const assetsDir = path.join(repoRoot, "assets");
const chromium = process.env.CHROMIUM_BIN ?? "chromium";
const WINDOW = 256;

const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--hide-scrollbars",
  "--default-background-color=00000000",
  "--force-device-scale-factor=1",
];

interface Rgba {
  width: number;
  height: number;
  /** 4 bytes per pixel, rows top to bottom. */
  pixels: Uint8Array;
}

/** Decodes an 8-bit RGBA, non-interlaced PNG (what Chromium writes for screenshots). */
function decodePng(bytes: Buffer): Rgba {
  const signature = "89504e470d0a1a0a";
  if (bytes.subarray(0, 8).toString("hex") !== signature) throw new Error("not a PNG file");
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString("latin1", offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [bitDepth, colourType, , , interlace] = data.subarray(8, 13);
      if (bitDepth !== 8 || colourType !== 6 || interlace !== 0) {
        throw new Error(
          `unsupported PNG (bit depth ${bitDepth}, colour type ${colourType}, interlace ${interlace})`,
        );
      }
    } else if (type === "IDAT") {
      idat.push(data);
    } else if (type === "IEND") {
      break;
    }
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= 4 ? pixels[y * stride + x - 4] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const upLeft = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4] : 0;
      let predictor: number;
      switch (filter) {
        case 0:
          predictor = 0;
          break;
        case 1:
          predictor = left;
          break;
        case 2:
          predictor = up;
          break;
        case 3:
          predictor = (left + up) >> 1;
          break;
        case 4: {
          const p = left + up - upLeft;
          const pa = Math.abs(p - left);
          const pb = Math.abs(p - up);
          const pc = Math.abs(p - upLeft);
          predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
          break;
        }
        default:
          throw new Error(`bad PNG filter ${filter} on row ${y}`);
      }
      pixels[y * stride + x] = (line[x] + predictor) & 0xff;
    }
  }
  return { width, height, pixels };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes 8-bit RGBA pixels as a PNG (filter 0 on every row, maximum deflate). */
function encodePng(image: Rgba): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(image.width, 0);
  ihdr.writeUInt32BE(image.height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const stride = image.width * 4;
  const raw = Buffer.alloc((stride + 1) * image.height);
  for (let y = 0; y < image.height; y++) {
    raw.set(image.pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from("89504e470d0a1a0a", "hex"),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function crop(image: Rgba, size: number): Rgba {
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    const from = y * image.width * 4;
    pixels.set(image.pixels.subarray(from, from + size * 4), y * size * 4);
  }
  return { width: size, height: size, pixels };
}

function checkRendering(image: Rgba, size: number): void {
  if (image.width !== size || image.height !== size) {
    throw new Error(`expected ${size}×${size} px, got ${image.width}×${image.height}`);
  }
  const alphaAt = (x: number, y: number): number => image.pixels[(y * size + x) * 4 + 3];
  const corners: Array<[number, number]> = [
    [0, 0],
    [size - 1, 0],
    [0, size - 1],
  ];
  for (const [x, y] of corners) {
    if (alphaAt(x, y) !== 0) throw new Error(`corner (${x},${y}) is not transparent: background box?`);
  }
  let opaque = 0;
  for (let i = 3; i < image.pixels.length; i += 4) if (image.pixels[i] === 255) opaque++;
  if (opaque < size * size * 0.3) throw new Error(`only ${opaque} opaque pixels: the drawing did not render`);
  let bottomRows = 0;
  for (let y = Math.floor(size * 0.85); y < size; y++) {
    for (let x = 0; x < size; x++) if (alphaAt(x, y) === 255) bottomRows++;
  }
  if (bottomRows === 0) throw new Error("nothing painted in the bottom rows: half-painted screenshot?");
}

function main(): void {
  const svg = fs.readFileSync(path.join(assetsDir, "icon.svg"));
  const dataUrl = `data:image/svg+xml;base64,${svg.toString("base64")}`;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-icons-"));
  try {
    for (const size of SIZES) {
      // An <img> sized in CSS pixels: the SVG's own media queries then see the real icon size.
      const html =
        "<!doctype html><html><head><meta charset='utf-8'><style>" +
        "html,body{margin:0;padding:0;background:transparent;overflow:hidden}" +
        `img{display:block;width:${size}px;height:${size}px}` +
        `</style></head><body><img alt='' src='${dataUrl}'></body></html>`;
      const page = path.join(work, `icon-${size}.html`);
      const shot = path.join(work, `icon-${size}.png`);
      fs.writeFileSync(page, html);
      const result = spawnSync(
        chromium,
        [
          ...CHROMIUM_FLAGS,
          `--user-data-dir=${path.join(work, "profile")}`,
          `--screenshot=${shot}`,
          `--window-size=${WINDOW},${WINDOW}`,
          `file://${page}`,
        ],
        { encoding: "utf8", timeout: 60_000 },
      );
      if (result.error) throw new Error(`cannot run ${chromium}: ${result.error.message}`);
      if (!fs.existsSync(shot)) {
        throw new Error(
          `${chromium} wrote no screenshot for ${size}px (exit ${result.status}):\n${result.stderr}`,
        );
      }
      const icon = crop(decodePng(fs.readFileSync(shot)), size);
      checkRendering(icon, size);
      const png = encodePng(icon);
      fs.writeFileSync(path.join(assetsDir, `icon-${size}.png`), png);
      console.log(`assets/icon-${size}.png  ${size}×${size}  ${png.length} B`);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main();
