/**
 * Advances of text on a card, in px, as satori measures them: HarfBuzz shaping (`harfbuzzjs`, the build satori
 * 0.63 uses) of each run of characters drawn by one Inter subset, summed, plus the letter spacing after every
 * cluster (satori's `FontEngine.measure`). The compositor (og-card-compose.ts) breaks lines with these widths,
 * so they must agree with satori's to keep its line breaks and word positions.
 *
 * Only text that Inter draws is measured here: `interFileFor` decides, per code point and weight, which
 * subset's file a character comes from, as satori does for the card's font-family list.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import { interFileFor } from './og-card-fonts.ts';

export type Weight = 400 | 600 | 700;

interface HbFont {
  unitsPerEm: number;
  font: { setScale(x: number, y: number): void };
}
interface HarfBuzz {
  createBlob(data: Uint8Array): { destroy(): void };
  createFace(blob: unknown, index: number): { destroy(): void; upem: number };
  createFont(face: unknown): HbFont['font'];
  createBuffer(): { addText(text: string): void; guessSegmentProperties(): void; json(): Array<{ g: number; cl: number; ax: number; dx: number; dy: number }>; destroy(): void };
  shape(font: unknown, buffer: unknown, features?: string): void;
}

let hb: HarfBuzz | undefined;
let hbReady: Promise<void> | undefined;

/** Loads HarfBuzz (wasm) once per thread; `measure` needs it. */
export function ensureShaper(): Promise<void> {
  hbReady ??= (createRequire(import.meta.url)('harfbuzzjs') as Promise<HarfBuzz>).then((instance) => {
    hb = instance;
  });
  return hbReady;
}

/**
 * A WOFF 1.0 file as the SFNT (TrueType/OpenType) font it wraps: HarfBuzz reads SFNT only, and @fontsource ships
 * WOFF and WOFF2. Written here (the WOFF 1.0 spec's table directory, tables inflated with node:zlib) because no
 * kept library hands back the SFNT: the npm converters are woff2sfnt-sfnt2woff 1.0.0 (2014, unmaintained) and
 * woff-lib 0.0.3 (a first release), and fontkitten (already a dependency) inflates a WOFF's tables only for its
 * own reading.
 */
export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (view.getUint32(0) !== 0x774f4646) return woff; // not 'wOFF': already SFNT
  const count = view.getUint16(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + i * 20;
    return { tag: view.getUint32(at), offset: view.getUint32(at + 4), compLength: view.getUint32(at + 8), origLength: view.getUint32(at + 12), checksum: view.getUint32(at + 16) };
  });
  let size = 12 + 16 * count;
  for (const t of tables) size += (t.origLength + 3) & ~3;
  const out = new Uint8Array(size);
  const o = new DataView(out.buffer);
  o.setUint32(0, view.getUint32(4)); // flavor
  o.setUint16(4, count);
  let power = 1;
  let log = 0;
  while (power * 2 <= count) {
    power *= 2;
    log++;
  }
  o.setUint16(6, power * 16);
  o.setUint16(8, log);
  o.setUint16(10, count * 16 - power * 16);
  let at = 12 + 16 * count;
  tables.forEach((t, i) => {
    const data = woff.subarray(t.offset, t.offset + t.compLength);
    out.set(t.compLength < t.origLength ? inflateSync(data) : data, at);
    o.setUint32(12 + i * 16, t.tag);
    o.setUint32(16 + i * 16, t.checksum);
    o.setUint32(20 + i * 16, at);
    o.setUint32(24 + i * 16, t.origLength);
    at += (t.origLength + 3) & ~3;
  });
  return out;
}

const fonts = new Map<string, HbFont>();

function hbFont(file: string): HbFont {
  let font = fonts.get(file);
  if (!font) {
    if (!hb) throw new Error('measure before ensureShaper()');
    const sfnt = woffToSfnt(readFileSync(file));
    const blob = hb.createBlob(sfnt);
    const face = hb.createFace(blob, 0);
    const hbf = hb.createFont(face);
    // Scaled to its units per em, so advances come back in font units, as satori scales them.
    const unitsPerEm = face.upem;
    hbf.setScale(unitsPerEm, unitsPerEm);
    face.destroy();
    blob.destroy();
    font = { unitsPerEm, font: hbf };
    fonts.set(file, font);
  }
  return font;
}

const fileOf = new Map<number, string | undefined>();

function fileFor(codePoint: number, weight: Weight): string | undefined {
  const key = codePoint * 1000 + weight;
  if (!fileOf.has(key)) fileOf.set(key, interFileFor(codePoint, weight));
  return fileOf.get(key);
}

/** Whether Inter draws every character of `text` at `weight` (the compositor measures nothing else). */
export function interDraws(text: string, weight: Weight): boolean {
  for (const ch of text) if (ch !== ' ' && fileFor(ch.codePointAt(0)!, weight) === undefined) return false;
  return true;
}

/** A glyph of shaped text: HarfBuzz's glyph `id` in the font `file`, its origin at (`x`, `y`) px from the text's. */
export interface ShapedGlyph {
  file: string;
  id: number;
  x: number;
  y: number;
}

/**
 * `text` shaped at `size` px and `weight`, with `letterSpacing` px after every cluster: its advance in px and its
 * glyphs, placed as satori's `getSVG` places them. Throws for a character Inter does not draw (check with
 * `interDraws`). Needs `ensureShaper()` first.
 */
export function shape(text: string, size: number, weight: Weight, letterSpacing: number): { width: number; glyphs: ShapedGlyph[] } {
  let width = 0;
  const placed: ShapedGlyph[] = [];
  let run = '';
  let runFile: string | undefined;
  const flush = () => {
    if (!run) return;
    const { font, unitsPerEm } = hbFont(runFile!);
    const buffer = hb!.createBuffer();
    try {
      buffer.addText(run);
      buffer.guessSegmentProperties();
      hb!.shape(font, buffer);
      const glyphs = buffer.json();
      const scale = size / unitsPerEm;
      for (let i = 0; i < glyphs.length; i++) {
        const g = glyphs[i]!;
        placed.push({ file: runFile!, id: g.g, x: width + g.dx * scale, y: g.dy * scale });
        width += g.ax * scale;
        if (glyphs[i + 1]?.cl !== g.cl) width += letterSpacing;
      }
    } finally {
      buffer.destroy();
    }
    run = '';
  };
  for (const ch of text) {
    // Satori keeps a space with the font before it.
    const file = ch === ' ' && runFile ? runFile : fileFor(ch.codePointAt(0)!, weight);
    if (!file) throw new Error(`Inter does not draw ${JSON.stringify(ch)}`);
    if (file !== runFile) flush();
    runFile = file;
    run += ch;
  }
  flush();
  return { width, glyphs: placed };
}
