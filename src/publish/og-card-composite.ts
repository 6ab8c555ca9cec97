/**
 * Composites a card's body (og-card-compose.ts) straight into palette indices over a copy of its frame's, then
 * writes the palette PNG: no SVG, no rasteriser and no pass over the body's pixels to index them.
 *
 * - Sprites (pills' boxes, subtitle) bring their few colours, looked up in the card's palette once; their
 *   pixels are copied through that map, the background's skipped.
 * - Text (the title, the pills' text) is glyphs' coverage bitmaps (og-card-glyphs.ts). Coverage is added up per
 *   pixel (two glyphs' edges may share one) and turned into the text's colour over its background as resvg
 *   blends them, each level's palette index looked up once a run. A glyph is drawn by its runs of ink
 *   (`inkSpans`): ≈80 % of a title's ink is full coverage, filled without reading it, and the empty corners of
 *   its bitmap are not visited (a loop over every cell of the bitmap took ≈1.1 ms a card, the runs ≈0.8).
 * - Only the rows from the body's first down are copied from the frame, drawn and deflated (og-card-zlib.ts).
 *
 * Hand-written because no library composites cached glyphs into palette indices: the measured alternatives
 * drew every glyph of every card (satori + resvg: 12.7–18 ms a card; Skia through @napi-rs/canvas or canvaskit:
 * 8.8–10.7 ms, see og-card-render.ts). This path (scripts/bench-cards.ts, 1,000 cards, load 13): 2.9 ms a card,
 * of which compositing and the PNG 2.0 (most of it zlib's deflate of the 1201 × 630 index rows), layout and
 * the glyphs not cached yet 0.9. With the glyphs' and sprites' runs and the frame's head deflated once
 * (session 15; 3,000 cards of the 10k bench corpus, two runs each side by side with the code before, load
 * 11–17): 1.91–2.25 ms a card against 2.59–2.65, compositing and the PNG 1.31–1.51 against 1.95–2.02; what is
 * left is mostly zlib's deflate of the rows from the body down (≈0.7 ms) and the glyphs' partial-coverage edges.
 */
import type { ComposedBody, GlyphRun, Placement } from './og-card-compose.ts';
import { BODY_BOX, CARD_HEIGHT, CARD_WIDTH } from './og-card-layout.ts';
import { cardRows, type Frame, Palette, palettePng } from './og-card-png.ts';

const STRIDE = CARD_WIDTH + 1;

/**
 * `colour` over `background` (both `#rrggbb`) at each coverage level 0–255, as opaque pixels read as 32-bit
 * words (little-endian RGBA): source-over, rounded, as resvg blends. Kept per colour pair (a build has a few:
 * the title's, each pill kind's).
 */
function blendLevels(colour: string, background: string): Uint32Array {
  const key = colour + background;
  let words = levelWords.get(key);
  if (!words) {
    const fg = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
    const bg = [1, 3, 5].map((i) => parseInt(background.slice(i, i + 2), 16));
    words = new Uint32Array(256);
    for (let a = 0; a < 256; a++) {
      const [r, g, b] = [0, 1, 2].map((k) => Math.round((bg[k]! * (255 - a) + fg[k]! * a) / 255));
      words[a] = (r! | (g! << 8) | (b! << 16) | (255 << 24)) >>> 0;
    }
    levelWords.set(key, words);
  }
  return words;
}

const levelWords = new Map<string, Uint32Array>();

/** Summed coverage of a card's glyphs over the body's box, reused from card to card. */
let coverage: Uint8Array | undefined;

/** The rows of the card that `body` draws on, [`from`, `to`): the others are its frame's. */
function rowsDrawn(body: ComposedBody): { from: number; to: number } {
  let from = BODY_BOX.y + BODY_BOX.height;
  let to = BODY_BOX.y;
  for (const { sprite, y } of body.sprites) {
    if (sprite.height === 0) continue;
    const top = Math.round(y + sprite.dy);
    from = Math.min(from, top);
    to = Math.max(to, top + sprite.height);
  }
  for (const run of body.texts) {
    for (const { glyph, y } of run.glyphs) {
      if (glyph.height === 0) continue;
      from = Math.min(from, y + glyph.dy);
      to = Math.max(to, y + glyph.dy + glyph.height);
    }
  }
  return { from: Math.max(BODY_BOX.y, from), to: Math.min(BODY_BOX.y + BODY_BOX.height, to) };
}

/**
 * The PNG of a card: `body` over `frame`, a palette PNG; undefined when the card would need over 256 colours
 * (the caller then draws it whole). Only the rows from the body's first down are copied, drawn and deflated.
 */
export function compositeCard(frame: Frame, body: ComposedBody): Uint8Array | undefined {
  const { from, to } = rowsDrawn(body);
  const rows = cardRows(frame, from, CARD_WIDTH);
  const palette = frame.palette.clone();
  for (const placement of body.sprites) if (!drawSprite(rows, from, palette, placement)) return undefined;
  const sums = (coverage ??= new Uint8Array(BODY_BOX.width * BODY_BOX.height));
  if (to > from) sums.fill(0, 0, (to - from) * BODY_BOX.width);
  for (const run of body.texts) if (!drawGlyphs(rows, from, palette, sums, run)) return undefined;
  return palettePng(frame, from, rows, palette, CARD_WIDTH, CARD_HEIGHT);
}

/**
 * Draws `run`'s glyphs into `rows` (the card's from row `from`), adding their coverage up in `sums` (the body's
 * box from row `from`: two glyphs' edges may share a pixel). Runs of full coverage are filled (their sum is
 * full whatever was there); the others add up.
 */
function drawGlyphs(rows: Uint8Array, from: number, palette: Palette, sums: Uint8Array, run: GlyphRun): boolean {
  const { x: bx, y: by, width: bw, height: bh } = BODY_BOX;
  const words = blendLevels(run.colour, run.background);
  // Each coverage level's palette index, looked up when first drawn.
  const level = new Int16Array(256).fill(-1);
  const indexOf = (sum: number): number => {
    const v = words[sum]!;
    const index = palette.index(v, v & 255, (v >>> 8) & 255, (v >>> 16) & 255);
    if (index >= 0) level[sum] = index;
    return index;
  };
  for (const { glyph, x, y } of run.glyphs) {
    const { coverage: cells, width, spans } = glyph;
    const left = x + glyph.dx - bx;
    const top = y + glyph.dy - by;
    const c0 = Math.max(0, -left);
    const c1 = Math.min(width, bw - left);
    const r0 = Math.max(0, -top);
    const r1 = Math.min(glyph.height, bh - top);
    for (let k = 0; k < spans.length; k += 4) {
      const r = spans[k]!;
      if (r < r0 || r >= r1) continue;
      const s0 = Math.max(c0, spans[k + 1]!);
      const s1 = Math.min(c1, spans[k + 2]!);
      const at = (by + top + r - from) * bw + left;
      const out = (by + top + r - from) * STRIDE + 1 + bx + left;
      if (spans[k + 3] === 1) {
        let index = level[255]!;
        if (index < 0 && (index = indexOf(255)) < 0) return false;
        for (let c = s0; c < s1; c++) {
          sums[at + c] = 255;
          rows[out + c] = index;
        }
        continue;
      }
      const start = r * width;
      for (let c = s0; c < s1; c++) {
        let sum = sums[at + c]! + cells[start + c]!;
        if (sum > 255) sum = 255;
        sums[at + c] = sum;
        let index = level[sum]!;
        if (index < 0 && (index = indexOf(sum)) < 0) return false;
        rows[out + c] = index;
      }
    }
  }
  return true;
}

/** Draws a sprite into `rows` (the card's from row `from`), run by run. */
function drawSprite(rows: Uint8Array, from: number, palette: Palette, { sprite, x, y }: Placement): boolean {
  const { colours, runs } = sprite;
  const map = new Uint8Array(colours.length);
  for (let i = 1; i < colours.length; i++) {
    const v = colours[i]!;
    const index = palette.index(v, v & 255, (v >>> 8) & 255, (v >>> 16) & 255);
    if (index < 0) return false;
    map[i] = index;
  }
  const left = x + sprite.dx;
  // A pill's box may start on a half pixel, and its sprite's offset then ends on one: the sum is whole.
  const top = Math.round(y + sprite.dy);
  // Only the body's box is drawn, as when the body is drawn whole.
  const c0 = Math.max(0, BODY_BOX.x - left);
  const c1 = Math.min(sprite.width, BODY_BOX.x + BODY_BOX.width - left);
  const r0 = Math.max(0, BODY_BOX.y - top);
  const r1 = Math.min(sprite.height, BODY_BOX.y + BODY_BOX.height - top);
  for (let k = 0; k < runs.length; k += 4) {
    const r = runs[k]!;
    if (r < r0 || r >= r1) continue;
    const at = (top + r - from) * STRIDE + 1 + left;
    const s0 = Math.max(c0, runs[k + 1]!);
    const s1 = Math.min(c1, runs[k + 2]!);
    if (s1 > s0) rows.fill(map[runs[k + 3]!]!, at + s0, at + s1);
  }
  return true;
}
