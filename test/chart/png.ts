/**
 * A small PNG decoder for the chart tests: enough of the format to check
 * what rsvg-convert writes (8-bit greyscale, RGB, grey+alpha or RGBA, not
 * interlaced). Chunk CRCs are verified, IDAT data is inflated with node:zlib,
 * and the five scanline filters are undone.
 */
import { inflateSync } from 'node:zlib';

export interface Png {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colourType: number;
  /** width × height pixels, 4 bytes each (RGBA), rows top to bottom. */
  readonly rgba: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Bytes per pixel for each supported colour type at 8 bits per sample. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface Chunk {
  readonly type: string;
  readonly data: Buffer;
}

/** The chunks of a PNG file, in order, each checked against its CRC. */
export function pngChunks(file: Buffer): Chunk[] {
  if (file.length < 8 || SIGNATURE.some((b, i) => file[i] !== b)) throw new Error('not a PNG file: bad signature');
  const chunks: Chunk[] = [];
  let at = 8;
  while (at < file.length) {
    if (at + 12 > file.length) throw new Error(`truncated PNG chunk at byte ${at}`);
    const length = file.readUInt32BE(at);
    const type = file.toString('latin1', at + 4, at + 8);
    const end = at + 8 + length;
    if (end + 4 > file.length) throw new Error(`truncated PNG chunk ${type} at byte ${at}`);
    const crc = file.readUInt32BE(end);
    if (crc32(file.subarray(at + 4, end)) !== crc) throw new Error(`bad CRC in PNG chunk ${type}`);
    chunks.push({ type, data: file.subarray(at + 8, end) });
    at = end + 4;
    if (type === 'IEND') break;
  }
  return chunks;
}

/** Width and height from the IHDR chunk, without decoding the pixels. */
export function pngSize(file: Buffer): { width: number; height: number } {
  const ihdr = pngChunks(file)[0];
  if (!ihdr || ihdr.type !== 'IHDR') throw new Error('PNG does not start with IHDR');
  return { width: ihdr.data.readUInt32BE(0), height: ihdr.data.readUInt32BE(4) };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function decodePng(file: Buffer): Png {
  const chunks = pngChunks(file);
  const ihdr = chunks[0];
  if (!ihdr || ihdr.type !== 'IHDR') throw new Error('PNG does not start with IHDR');
  const width = ihdr.data.readUInt32BE(0);
  const height = ihdr.data.readUInt32BE(4);
  const bitDepth = ihdr.data[8] as number;
  const colourType = ihdr.data[9] as number;
  const interlace = ihdr.data[12] as number;
  const channels = CHANNELS[colourType];
  if (bitDepth !== 8 || channels === undefined || interlace !== 0) {
    throw new Error(`unsupported PNG: bit depth ${bitDepth}, colour type ${colourType}, interlace ${interlace}`);
  }
  if (chunks[chunks.length - 1]?.type !== 'IEND') throw new Error('PNG has no IEND chunk');

  const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const stride = width * channels;
  if (raw.length !== height * (stride + 1)) throw new Error(`PNG data is ${raw.length} bytes, expected ${height * (stride + 1)}`);

  // Undo the filters row by row: each row starts with its filter type.
  const samples = new Uint8Array(height * stride);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)] as number;
    const row = y * stride;
    for (let i = 0; i < stride; i += 1) {
      const x = raw[y * (stride + 1) + 1 + i] as number;
      const a = i >= channels ? (samples[row + i - channels] as number) : 0;
      const b = y > 0 ? (samples[row - stride + i] as number) : 0;
      const c = i >= channels && y > 0 ? (samples[row - stride + i - channels] as number) : 0;
      let value: number;
      switch (filter) {
        case 0:
          value = x;
          break;
        case 1:
          value = x + a;
          break;
        case 2:
          value = x + b;
          break;
        case 3:
          value = x + ((a + b) >> 1);
          break;
        case 4:
          value = x + paeth(a, b, c);
          break;
        default:
          throw new Error(`bad PNG filter type ${filter} on row ${y}`);
      }
      samples[row + i] = value & 0xff;
    }
  }

  const rgba = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p += 1) {
    const s = p * channels;
    const [r, g, b, alpha] =
      channels === 4
        ? [samples[s], samples[s + 1], samples[s + 2], samples[s + 3]]
        : channels === 3
          ? [samples[s], samples[s + 1], samples[s + 2], 255]
          : channels === 2
            ? [samples[s], samples[s], samples[s], samples[s + 1]]
            : [samples[s], samples[s], samples[s], 255];
    rgba.set([r as number, g as number, b as number, alpha as number], p * 4);
  }
  return { width, height, bitDepth, colourType, rgba };
}

/** Pixel statistics: distinct opaque colours, and the share of pixels that differ from the background colour. */
export function pixelStats(png: Png, background: readonly [number, number, number] = [255, 255, 255]): { colours: Map<number, number>; inkShare: number } {
  const colours = new Map<number, number>();
  let ink = 0;
  const n = png.width * png.height;
  for (let p = 0; p < n; p += 1) {
    const r = png.rgba[p * 4] as number;
    const g = png.rgba[p * 4 + 1] as number;
    const b = png.rgba[p * 4 + 2] as number;
    const a = png.rgba[p * 4 + 3] as number;
    const key = (r << 16) | (g << 8) | b;
    colours.set(key, (colours.get(key) ?? 0) + 1);
    if (a > 0 && (r !== background[0] || g !== background[1] || b !== background[2])) ink += 1;
  }
  return { colours, inkShare: ink / n };
}

/** The share of pixels within `tolerance` (per channel) of a colour given as "#rrggbb". */
export function colourShare(png: Png, hex: string, tolerance = 6): number {
  const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let hits = 0;
  const n = png.width * png.height;
  for (let p = 0; p < n; p += 1) {
    let near = true;
    for (let c = 0; c < 3; c += 1) if (Math.abs((png.rgba[p * 4 + c] as number) - (want[c] as number)) > tolerance) near = false;
    if (near) hits += 1;
  }
  return hits / n;
}
