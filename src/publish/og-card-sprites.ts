/**
 * Sprites for the compositor: a piece of a card's body (the long pill that pills are cut from, a list card's
 * subtitle) drawn once per thread through the card's own path (satori → resvg, on the card's background) and
 * kept as palette indices of its own, cropped to where it differs from the background; and where satori puts
 * a text's baseline (`baselineOf`).
 *
 * Whole words were sprites in a first version: 1,000 cards of the bench corpus drew 3,342 of them (title words
 * at five sizes, 543 pill texts), ≈2.7 ms each, for 11.5 ms a card; glyphs (og-card-glyphs.ts) and cut pills
 * (og-card-pills.ts) repeat far more, and brought it to ≈2.9 ms.
 *
 * Kept in a least-recently-used cache of at most `SPRITE_CACHE_BYTES` of pixels a thread. A sprite depends on
 * its text and style only, so whether it was cached or drawn afresh never changes a card.
 */
import { LRUCache } from 'lru-cache';
import satori from 'satori';
import { getBaseFonts, FONT_FAMILY, loadFallbackFonts } from './og-card-fonts.ts';
import { el, SOFT_BG, type CardElement } from './og-card-layout.ts';
import type { Rasterise } from './og-card-png.ts';

/** A piece of a card, drawn. */
export interface Sprite {
  /** Where its pixels start, from the piece's layout box's top-left, px (`dy` may be a half pixel: see `sprite`'s `phaseY`). */
  dx: number;
  dy: number;
  width: number;
  height: number;
  /** Colours as RGBA words (little-endian, as read from resvg's pixels) by local index; 0 is the background, not drawn. */
  colours: Uint32Array;
  /**
   * Its pixels as runs of one colour, row by row: [row, first column, end column, local index] quadruples. The
   * background's are left out. A pill's row is a few pixels of edge and one long run of its fill: the
   * compositor fills runs instead of mapping each pixel (≈5 % of a card's CPU, pill boxes being ≈50k pixels a card).
   */
  runs: Int16Array;
  /** The piece's layout box as satori laid it out alone, margins included, px (whole pixels: yoga rounds). */
  box: { width: number; height: number };
}

/** Per thread: a long pill is ≈ 50 KB, a subtitle ≈ 20 KB; a build has a handful of each. */
export const SPRITE_CACHE_BYTES = 4 * 1024 * 1024;
/** Room around a piece for ink past its box (overhanging glyphs, accents above a line). */
const PAD = 32;
const MARKER = '#fe0001';
const MARKER_RECT = new RegExp(`<rect x="([\\d.]+)" y="([\\d.]+)" width="1" height="1" fill="${MARKER}"/>`, 'g');

/** Cached sprites; `undefined` for a piece that cannot be a sprite (so it is not drawn again to find out). */
const cache = new LRUCache<string, { sprite: Sprite | undefined }>({ maxSize: SPRITE_CACHE_BYTES, sizeCalculation: ({ sprite: s }) => (s ? s.runs.byteLength + s.colours.length * 4 : 0) + 64 });
const drawing = new Map<string, Promise<Sprite | undefined>>();

/**
 * The sprite of `element` (a piece of the body with the card's styles), drawn on a canvas of `width × height`
 * px around its box unless cached under `key` (which names `phaseY` too). `phaseY` is the fraction of a pixel
 * below a whole pixel where the piece's box starts on the card. `rasterise` is the card's resvg step.
 */
export function sprite(key: string, element: CardElement, width: number, height: number, rasterise: Rasterise, phaseY = 0): Sprite | Promise<Sprite | undefined> | undefined {
  const hit = cache.get(key);
  if (hit) return hit.sprite;
  let pending = drawing.get(key);
  if (!pending) {
    drawn++;
    pending = draw(element, width, height, phaseY, rasterise).then((s) => {
      cache.set(key, { sprite: s });
      return s;
    });
    pending.finally(() => drawing.delete(key)).catch(() => {});
    drawing.set(key, pending);
  }
  return pending;
}

let drawn = 0;

/** How many sprites are cached, their bytes, and how many were drawn since the thread started (for the bench). */
export function spriteCacheStats(): { count: number; bytes: number; drawn: number } {
  return { count: cache.size, bytes: cache.calculatedSize, drawn };
}

const baselines = new Map<string, Promise<number>>();

/**
 * Where satori puts the baseline of the text "H" in `element` (a piece of the body whose only or last text is
 * "H"), in px below the top of the piece's box, which starts `phaseY` px below a whole pixel (as on the card).
 * satori rounds a line's ascent and yoga the text's box, so it ends on a whole or half pixel. Read once per
 * `key` and thread from where satori draws the bottom of the "H" (which sits on the baseline).
 */
export function baselineOf(key: string, element: CardElement, phaseY = 0): Promise<number> {
  let baseline = baselines.get(key);
  if (!baseline) {
    const size = 400;
    const tree = el('div', { display: 'flex', alignItems: 'flex-start', width: size, height: size, padding: `${PAD + phaseY}px ${PAD}px`, fontFamily: FONT_FAMILY }, [element]);
    baseline = satori(tree as unknown as Parameters<typeof satori>[0], { width: size, height: size, fonts: getBaseFonts(), loadAdditionalAsset: loadFallbackFonts }).then((svg) => {
      const d = [...svg.matchAll(/<path[^>]* d="([^"]+)"/g)].pop()?.[1];
      if (!d) throw new Error('baseline: satori drew no glyph');
      const bottom = Math.max(...[...d.matchAll(/-?[\d.]+ (-?[\d.]+)/g)].map((m) => Number(m[1])));
      return Math.round((bottom - PAD - phaseY) * 2) / 2;
    });
    baselines.set(key, baseline);
  }
  return baseline;
}

async function draw(element: CardElement, boxWidth: number, boxHeight: number, phaseY: number, rasterise: Rasterise): Promise<Sprite | undefined> {
  // Room for the markers, one pixel right of the box and one below.
  const width = Math.ceil(boxWidth) + 2 * PAD + 1;
  const height = Math.ceil(boxHeight) + 2 * PAD + 1;
  // Markers after the piece and below it: where satori puts them is the piece's box, margins included.
  const marker = el('div', { display: 'flex', flexShrink: 0, width: 1, height: 1, backgroundColor: MARKER });
  // The piece starts `phaseY` px below a whole pixel, as where it goes on the card: yoga rounds the boxes
  // inside it (a pill's text) from there, so their pixels are those of the card.
  const tree = el('div', { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', width, height, padding: `${PAD + phaseY}px ${PAD}px ${PAD}px ${PAD}px`, backgroundColor: SOFT_BG, fontFamily: FONT_FAMILY }, [
    el('div', { display: 'flex', flexDirection: 'row', alignItems: 'flex-start', flexShrink: 0 }, [element, marker]),
    marker,
  ]);
  const svg = await satori(tree as unknown as Parameters<typeof satori>[0], { width, height, fonts: getBaseFonts(), loadAdditionalAsset: loadFallbackFonts });
  const markers = [...svg.matchAll(MARKER_RECT)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
  // A piece wider or taller than its canvas pushes a marker off it: it is no sprite, and the card is drawn whole.
  if (markers.length !== 2) return undefined;
  const box = { width: markers[0]!.x - PAD, height: markers[1]!.y - PAD };
  const image = await rasterise(svg.replace(MARKER_RECT, ''));
  return crop(image.pixels, image.width, image.height, box, phaseY);
}

/**
 * The pixels that differ from the background (the top-left pixel), as runs of local indices; undefined when ink
 * reaches the canvas's edge (it may go on past it) or a piece has over 255 colours: the card is then drawn whole.
 */
function crop(rgba: Uint8Array, width: number, height: number, box: Sprite['box'], phaseY: number): Sprite | undefined {
  const words = new Uint32Array(rgba.buffer, rgba.byteOffset, width * height);
  const bg = words[0]!;
  let [x0, y0, x1, y1] = [width, height, -1, -1];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (words[y * width + x] === bg) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  if (x1 < 0) return { dx: 0, dy: 0, width: 0, height: 0, colours: Uint32Array.of(bg), runs: new Int16Array(0), box };
  if (x0 === 0 || y0 === 0 || x1 === width - 1 || y1 === height - 1) return undefined;
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  const local = new Map<number, number>([[bg, 0]]);
  const runs: number[] = [];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; ) {
      const v = words[(y0 + y) * width + x0 + x]!;
      const start = x;
      while (x < w && words[(y0 + y) * width + x0 + x] === v) x++;
      let i = local.get(v);
      if (i === undefined) {
        // A piece is a few colours and their blends: far below 255 (pills ≈ 40, words ≈ 60).
        if (local.size === 256) return undefined;
        i = local.size;
        local.set(v, i);
      }
      if (i !== 0) runs.push(y, start, x, i);
    }
  }
  return { dx: x0 - PAD, dy: y0 - PAD - phaseY, width: w, height: h, colours: Uint32Array.from(local.keys()), runs: Int16Array.from(runs), box };
}
