/**
 * A lossless palette PNG encoder for the cards.
 *
 * A card is a few flat colours plus their anti-aliased blends: ~100–180 distinct colours in practice. Written as
 * an 8-bit palette image (filter 0) it is under half the size of resvg's RGBA PNG and quicker to make. The
 * pixels are exactly the same; past 256 colours, or with any transparency, the caller falls back to an RGBA PNG
 * (`encodeRgbaPng`).
 *
 * Cost per card: colours are mapped to indices through a small open-addressing table on the pixel as a 32-bit
 * word, one look-up per run of a colour (≈1 ms for a card's body; a `Map` look-up per change of colour took
 * three times as long). zlib then runs with `Z_RLE`: a card's index rows are long runs of one colour, and RLE
 * takes ≈0.6–0.9 ms against ≈1.7–2.3 ms at level 4, for files 10–27 % larger (a card of ≈32 KB at level 4
 * is ≈36.5 KB). Levels 1 and 2 are slower than RLE and larger; level 3 is ≈3 % smaller and ≈30 % slower.
 * Only a card's rows from its body's first down are deflated per card: og-card-zlib.ts.
 */
import { crc32, deflateSync } from 'node:zlib';
import { framedZlib } from './og-card-zlib.ts';

/**
 * Bump whenever the bytes written for the same pixels change: it is part of `cardKey`, so that a cached card is
 * never other bytes than the card drawn afresh.
 */
export const ENCODING_VERSION = 'png-2';

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Table slots: a power of two, four times the most colours a palette holds, so probes stay short. */
const SLOTS = 1024;

/**
 * Colours seen so far (at most 256) and their palette indices. Keys are pixels read as 32-bit words; an opaque
 * pixel's word is never 0 (its alpha byte is 255), so 0 marks an empty slot.
 */
export class Palette {
  readonly keys = new Uint32Array(SLOTS);
  readonly slotIndex = new Uint8Array(SLOTS);
  /** RGB triplets, in index order. */
  readonly rgb = new Uint8Array(256 * 3);
  size = 0;

  /**
   * The index of colour `v` (an opaque pixel read as a 32-bit word; `r`, `g`, `b` its bytes), added when new;
   * -1 when it is new and the palette already holds 256 colours.
   */
  index(v: number, r: number, g: number, b: number): number {
    let slot = Math.imul(v, 0x9e3779b1) >>> 22; // 10 bits: SLOTS
    let k = this.keys[slot]!;
    while (k !== v && k !== 0) {
      slot = (slot + 1) & (SLOTS - 1);
      k = this.keys[slot]!;
    }
    if (k !== 0) return this.slotIndex[slot]!;
    if (this.size === 256) return -1;
    const i = this.size++;
    this.keys[slot] = v;
    this.slotIndex[slot] = i;
    this.rgb[i * 3] = r;
    this.rgb[i * 3 + 1] = g;
    this.rgb[i * 3 + 2] = b;
    return i;
  }

  /** A copy, to be extended without touching this one. */
  clone(): Palette {
    const copy = new Palette();
    copy.keys.set(this.keys);
    copy.slotIndex.set(this.slotIndex);
    copy.rgb.set(this.rgb);
    copy.size = this.size;
    return copy;
  }
}

/**
 * Writes the palette index of each of `count` pixels of `words` from `from` into `out` from `at`, adding new
 * colours to `palette` (their bytes read from `rgba`, the same memory as `words`). Returns false when a pixel
 * is not opaque or a 257th colour turns up.
 */
export function indexPixels(words: Uint32Array, rgba: Uint8Array, from: number, count: number, out: Uint8Array, at: number, palette: Palette): boolean {
  const end = from + count;
  let p = from;
  // One look-up per run of a colour: a card's rows are long runs (half the time of a check per pixel).
  while (p < end) {
    const v = words[p]!;
    const byte = p * 4;
    if (rgba[byte + 3] !== 255) return false;
    const index = palette.index(v, rgba[byte]!, rgba[byte + 1]!, rgba[byte + 2]!);
    if (index < 0) return false;
    out[at++] = index;
    p++;
    while (p < end && words[p] === v) {
      out[at++] = index;
      p++;
    }
  }
  return true;
}

/** The card's rasteriser (og-card-render.ts `rasterise`): SVG markup to RGBA pixels, as the compositor's pieces take it. */
export type Rasterise = (svg: string) => Promise<{ pixels: Uint8Array; width: number; height: number }>;

/** The frame of a card (everything but the body), drawn once per kind and site name and kept (og-card-render.ts). */
export interface Frame {
  /** The frame's rows as palette indices, each after its filter byte: a PNG's raw image data. */
  raw: Uint8Array;
  /** The frame's colours; a card adds its body's. */
  palette: Palette;
  /** The frame's RGBA pixels, for the cards that need the RGBA fallback. */
  rgba: Uint8Array;
}

/** Words over the same memory as `rgba`, or undefined when it is not 4-byte aligned. */
export function wordsOf(rgba: Uint8Array): Uint32Array | undefined {
  if (rgba.byteOffset % 4 !== 0 || rgba.length % 4 !== 0) return undefined;
  return new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.length / 4);
}

/**
 * The palette PNG of a card whose rows from `from` on are `rows` (`cardRows`: palette indices, each row after
 * its filter byte) and whose rows above are its frame's.
 */
export function palettePng(frame: Frame, from: number, rows: Uint8Array, palette: Palette, width: number, height: number): Uint8Array {
  const idat = framedZlib(frame.raw, from * (width + 1), rows);
  return png(width, height, 3, [chunk('PLTE', palette.rgb.subarray(0, palette.size * 3)), chunk('IDAT', idat)]);
}

/** An 8-bit PNG of `colourType` (3 palette, 6 RGBA) with the given chunks between IHDR and IEND. */
function png(width: number, height: number, colourType: number, body: Buffer[]): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = colourType;
  // compression 0, filter method 0, no interlace
  const out = Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), ...body, chunk('IEND', new Uint8Array(0))]);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** RGBA pixels as an RGBA PNG (filter 0): the fallback for an image that no palette can hold. */
export function encodeRgbaPng(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const row = width * 4;
  const raw = Buffer.alloc((row + 1) * height);
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * row, (y + 1) * row), y * (row + 1) + 1);
  return png(width, height, 6, [chunk('IDAT', deflateSync(raw, { level: 6 }))]);
}

let scratch: Uint8Array | undefined;

/**
 * A copy of `frame`'s rows from row `from` on (with their filter bytes), for a card to draw its body into, in a
 * buffer reused between calls: on this kind of VM, touching fresh memory (page faults) costs more than the
 * encoding. Only the rows from the body's first on are copied and encoded per card (`palettePng`).
 */
export function cardRows(frame: Frame, from: number, width: number): Uint8Array {
  const rows = frame.raw.subarray(from * (width + 1));
  if (!scratch || scratch.length < rows.length) scratch = new Uint8Array(frame.raw.length); // as the frames' rows: one array type for indexPixels
  const out = scratch.subarray(0, rows.length);
  out.set(rows);
  return out;
}
