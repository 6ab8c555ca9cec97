/**
 * Composites a card's body (og-card-compose.ts) straight into palette indices over a copy of its frame's, then
 * writes the palette PNG: no SVG, no rasteriser and no pass over the body's pixels to index them.
 *
 * - Sprites (pills' boxes, subtitle) bring their few colours, looked up in the card's palette once; their
 *   pixels are copied through that map, the background's skipped.
 * - Text (the title, the pills' text) is glyphs' coverage bitmaps (og-card-glyphs.ts). Coverage is added up per
 *   pixel (two glyphs' edges may share one) and turned into the text's colour over its background as resvg
 *   blends them, each level's palette index looked up once a run.
 *
 * Hand-written because no library composites cached glyphs into palette indices: the measured alternatives
 * drew every glyph of every card (satori + resvg: 12.7–18 ms a card; Skia through @napi-rs/canvas or canvaskit:
 * 8.8–10.7 ms, see og-card-render.ts). This path (scripts/bench-cards.ts, 1,000 cards, load 13): 2.9 ms a card,
 * of which compositing and the PNG 2.0 (most of it zlib's deflate of the 1201 × 630 index rows), layout and
 * the glyphs not cached yet 0.9.
 */
import type { ComposedBody, GlyphRun, Placement } from './og-card-compose.ts';
import { BODY_BOX, CARD_HEIGHT, CARD_WIDTH } from './og-card-layout.ts';
import { type Frame, Palette, palettePng, rawRows } from './og-card-png.ts';

const STRIDE = CARD_WIDTH + 1;

const rgbOf = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

/** `colour` at coverage `a` (0–255) over `background` (both `#rrggbb`): source-over, rounded, as resvg blends. */
export function blend(colour: string, background: string, a: number): [number, number, number] {
  const fg = rgbOf(colour);
  const bg = rgbOf(background);
  return [0, 1, 2].map((k) => Math.round((bg[k]! * (255 - a) + fg[k]! * a) / 255)) as [number, number, number];
}

/** Summed coverage of a card's glyphs over the body's box, reused from card to card. */
let coverage: Uint8Array | undefined;

/**
 * The PNG of a card: `body` over `frame`, a palette PNG; undefined when the card would need over 256 colours
 * (the caller then draws it whole).
 */
export function compositeCard(frame: Frame, body: ComposedBody): Uint8Array | undefined {
  const raw = rawRows(CARD_WIDTH, CARD_HEIGHT);
  raw.set(frame.raw);
  const palette = frame.palette.clone();
  for (const placement of body.sprites) if (!drawSprite(raw, palette, placement)) return undefined;
  const sums = (coverage ??= new Uint8Array(BODY_BOX.width * BODY_BOX.height));
  sums.fill(0);
  for (const run of body.texts) if (!drawGlyphs(raw, palette, sums, run)) return undefined;
  return palettePng(raw, CARD_WIDTH, CARD_HEIGHT, palette);
}

/** Draws `run`'s glyphs, adding their coverage up in `sums` (two glyphs' edges may share a pixel). */
function drawGlyphs(raw: Uint8Array, palette: Palette, sums: Uint8Array, run: GlyphRun): boolean {
  const { x: bx, y: by, width: bw, height: bh } = BODY_BOX;
  const level = new Int16Array(256).fill(-1);
  for (const { glyph, x, y } of run.glyphs) {
    const { coverage: cells, width } = glyph;
    const left = x + glyph.dx - bx;
    const top = y + glyph.dy - by;
    const c0 = Math.max(0, -left);
    const c1 = Math.min(width, bw - left);
    const r0 = Math.max(0, -top);
    const r1 = Math.min(glyph.height, bh - top);
    for (let r = r0; r < r1; r++) {
      const from = r * width;
      const at = (top + r) * bw + left;
      const out = (by + top + r) * STRIDE + 1 + bx + left;
      for (let c = c0; c < c1; c++) {
        const a = cells[from + c]!;
        if (a === 0) continue;
        let sum = sums[at + c]! + a;
        if (sum > 255) sum = 255;
        sums[at + c] = sum;
        let index = level[sum]!;
        if (index < 0) {
          const [red, green, blue] = blend(run.colour, run.background, sum);
          index = palette.index((red | (green << 8) | (blue << 16) | (255 << 24)) >>> 0, red, green, blue);
          if (index < 0) return false;
          level[sum] = index;
        }
        raw[out + c] = index;
      }
    }
  }
  return true;
}

function drawSprite(raw: Uint8Array, palette: Palette, { sprite, x, y }: Placement): boolean {
  const { colours, pixels, width } = sprite;
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
  const c1 = Math.min(width, BODY_BOX.x + BODY_BOX.width - left);
  const r0 = Math.max(0, BODY_BOX.y - top);
  const r1 = Math.min(sprite.height, BODY_BOX.y + BODY_BOX.height - top);
  for (let r = r0; r < r1; r++) {
    const from = r * width;
    const at = (top + r) * STRIDE + 1 + left;
    for (let c = c0; c < c1; c++) {
      const local = pixels[from + c]!;
      if (local !== 0) raw[at + c] = map[local]!;
    }
  }
  return true;
}
