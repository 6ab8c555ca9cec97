/**
 * A glyph cache for the compositor: each glyph of a title (font file, glyph id, size, and where it falls
 * between two pixels, to a quarter pixel) is drawn once per thread as a coverage bitmap, with resvg, the card's
 * rasteriser, from its outline as satori writes it (font units scaled, y down, coordinates to 0.1 px). A
 * reading list's titles use a few hundred glyphs at six sizes: after the first cards, a card's title is drawn
 * from here without satori or resvg.
 *
 * The glyphs a card still needs are drawn together, in one SVG, side by side (one resvg call a card, not one a
 * glyph). Kept in a least-recently-used cache of at most `GLYPH_CACHE_BYTES` a thread.
 */
import { readFileSync } from 'node:fs';
import { create as openFont } from 'fontkitten';
import { LRUCache } from 'lru-cache';
import type { Rasterise } from './og-card-png.ts';

/** A glyph's coverage (0–255) on a `width × height` grid whose top-left is (`dx`, `dy`) px from its origin on the baseline. */
export interface GlyphBitmap {
  dx: number;
  dy: number;
  width: number;
  height: number;
  coverage: Uint8Array;
  /** Its ink (`inkSpans`), what the compositor draws. */
  spans: Int16Array;
}

/**
 * The runs of ink of a `width × height` coverage bitmap, row by row, as quadruples [row, first column, end
 * column, full]: `full` is 1 for a run of full coverage (255), 0 for a run of partial coverage. Columns of no
 * coverage are in no run. A glyph's ink is mostly full runs (≈80 % of a title's ink pixels at 40–80 px), which
 * the compositor fills without reading their coverage.
 */
export function inkSpans(coverage: Uint8Array, width: number, height: number): Int16Array {
  const spans: number[] = [];
  for (let r = 0; r < height; r++) {
    const row = r * width;
    for (let c = 0; c < width; ) {
      const a = coverage[row + c]!;
      if (a === 0) {
        c++;
        continue;
      }
      const start = c;
      const full = a === 255;
      while (c < width && coverage[row + c] !== 0 && (coverage[row + c] === 255) === full) c++;
      spans.push(r, start, c, full ? 1 : 0);
    }
  }
  return Int16Array.from(spans);
}

/** A glyph to draw: `file` and `id` (HarfBuzz's glyph id) at `size` px, its origin `phase` px right of a whole pixel. */
export interface GlyphRequest {
  file: string;
  id: number;
  size: number;
  /** 0, 0.25, 0.5 or 0.75. */
  phase: number;
}

/** Per thread: ≈2,000 glyphs of ≈1–4 KB cover a list's titles at every size and phase. */
export const GLYPH_CACHE_BYTES = 16 * 1024 * 1024;

/** Quarter pixels: a glyph lands within 1/8 px of where satori puts it. */
export const PHASES = 4;

interface Outline {
  unitsPerEm: number;
  commands: Array<{ command: string; args: number[] }>;
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
}

const fonts = new Map<string, { unitsPerEm: number; getGlyph(id: number): { path: { commands: Outline['commands'] }; bbox: Outline['bbox'] } }>();

function outline(file: string, id: number): Outline {
  let font = fonts.get(file);
  if (!font) {
    font = openFont(readFileSync(file)) as unknown as NonNullable<typeof font>;
    fonts.set(file, font);
  }
  const glyph = font.getGlyph(id);
  return { unitsPerEm: font.unitsPerEm, commands: glyph.path.commands, bbox: glyph.bbox };
}

const cache = new LRUCache<string, GlyphBitmap>({ maxSize: GLYPH_CACHE_BYTES, sizeCalculation: (g) => g.coverage.length + g.spans.byteLength + 64 });
let drawn = 0;

/** Font files by a short number, for short cache keys (a file's path is ≈70 characters, hashed on every look-up). */
const fileIds = new Map<string, number>();

function glyphKey(g: GlyphRequest): string {
  let file = fileIds.get(g.file);
  if (file === undefined) fileIds.set(g.file, (file = fileIds.size));
  return `${file} ${g.id} ${g.size} ${g.phase}`;
}

/** How many glyphs are cached, their bytes, and how many were drawn since the thread started (for the bench). */
export function glyphCacheStats(): { count: number; bytes: number; drawn: number } {
  return { count: cache.size, bytes: cache.calculatedSize, drawn };
}

/** The bitmaps of `glyphs` (in order), drawing the ones not cached in one resvg call. */
export async function glyphBitmaps(glyphs: readonly GlyphRequest[], rasterise: Rasterise): Promise<GlyphBitmap[]> {
  // This card's glyphs, held here: adding the missing ones to the cache may evict others.
  const found = new Map<string, GlyphBitmap>();
  const missing = new Map<string, GlyphRequest>();
  const keys = glyphs.map(glyphKey);
  for (const [i, g] of glyphs.entries()) {
    const key = keys[i]!;
    if (found.has(key) || missing.has(key)) continue;
    const hit = cache.get(key);
    if (hit) found.set(key, hit);
    else missing.set(key, g);
  }
  if (missing.size > 0) {
    const drawnNow = await drawGlyphs([...missing.values()], rasterise);
    drawn += drawnNow.length;
    [...missing.keys()].forEach((key, i) => {
      found.set(key, drawnNow[i]!);
      cache.set(key, drawnNow[i]!);
    });
  }
  return keys.map((key) => found.get(key)!);
}

/** satori's coordinates: to 0.1 px. */
const round = (n: number) => Math.round(n * 10) / 10;

/** An outline as SVG path data with its origin at (`x`, `y`), as satori's `glyphPathData` writes it. */
function pathData(o: Outline, x: number, y: number, scale: number): string {
  const px = (cx: number) => round(x + cx * scale);
  const py = (cy: number) => round(y - cy * scale);
  let d = '';
  for (const { command, args: a } of o.commands) {
    if (command === 'moveTo') d += `M${px(a[0]!)} ${py(a[1]!)}`;
    else if (command === 'lineTo') d += `L${px(a[0]!)} ${py(a[1]!)}`;
    else if (command === 'quadraticCurveTo') d += `Q${px(a[0]!)} ${py(a[1]!)} ${px(a[2]!)} ${py(a[3]!)}`;
    else if (command === 'bezierCurveTo') d += `C${px(a[0]!)} ${py(a[1]!)} ${px(a[2]!)} ${py(a[3]!)} ${px(a[4]!)} ${py(a[5]!)}`;
    else if (command === 'closePath') d += 'Z';
  }
  return d;
}

async function drawGlyphs(glyphs: GlyphRequest[], rasterise: Rasterise): Promise<GlyphBitmap[]> {
  // Cells side by side, each the glyph's bounding box in whole pixels plus a pixel of margin all round.
  const cells = glyphs.map((g) => {
    const o = outline(g.file, g.id);
    const scale = g.size / o.unitsPerEm;
    const dx = Math.floor(o.bbox.minX * scale) - 1;
    const dy = Math.floor(-o.bbox.maxY * scale) - 1;
    const width = Math.max(1, Math.ceil(o.bbox.maxX * scale + g.phase) + 1 - dx);
    const height = Math.max(1, Math.ceil(-o.bbox.minY * scale) + 1 - dy);
    return { g, o, scale, dx, dy, width, height, left: 0 };
  });
  let left = 0;
  for (const cell of cells) {
    cell.left = left;
    left += cell.width;
  }
  const width = Math.max(1, left);
  const height = Math.max(1, ...cells.map((c) => c.height));
  const paths = cells.map((c) => (c.o.commands.length ? `<path fill="#000" d="${pathData(c.o, c.left - c.dx + c.g.phase, -c.dy, c.scale)}"/>` : '')).join('');
  const image = await rasterise(`<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${paths}</svg>`);
  return cells.map((c) => {
    const coverage = new Uint8Array(c.width * c.height);
    for (let y = 0; y < c.height; y++) {
      for (let x = 0; x < c.width; x++) coverage[y * c.width + x] = image.pixels[(y * image.width + c.left + x) * 4 + 3]!;
    }
    return { dx: c.dx, dy: c.dy, width: c.width, height: c.height, coverage, spans: inkSpans(coverage, c.width, c.height) };
  });
}
