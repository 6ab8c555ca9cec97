/**
 * One card to PNG bytes. Most cards are composited (og-card-compose.ts, og-card-composite.ts): their title and
 * pills are cached glyphs and pill ends drawn once per thread through satori and resvg, placed as satori would
 * place them, at ≈2.9 ms of CPU a card against ≈18 ms for the path below (scripts/bench-cards.ts, 1,000 cards
 * of the 1k bench corpus, load 13–17; three runs each side by side with `--whole` at load 24–44: 3.28–3.36 ms
 * against 15.7–17.1). A card the compositor does not lay out as satori does (right-to-left
 * or CJK text, emoji, math only Noto Sans Math draws, a word wider than a line) takes the path below, the one
 * every card took before:
 *
 * layout tree → satori (SVG, text as paths) → resvg (pixels) → palette PNG.
 *
 * Only a card's body (title, pills or subtitle) is laid out and drawn per card. The rest, its frame (accent
 * bar, header, rule, footer), is the same for every card of a kind and site name: drawn once per thread and
 * kept as palette indices, into a copy of which the body's are written. That cuts satori's time by about a
 * quarter (no header or footer text to shape) and resvg's by about a fifth (a 1056×470 pixmap instead of
 * 1200×630, fewer paths), and the frame's pixels are never indexed again. What is left is mostly the title:
 * shaping its glyphs into path strings in satori, and filling them in resvg (≈4 of resvg's ≈6 ms). The body
 * is laid out at its place on the card and drawn through a viewBox on it, so its paths are the same as in the
 * whole card's SVG and the pixels the same to the bit.
 *
 * resvg runs as WebAssembly (`@resvg/resvg-wasm`), not the native `@resvg/resvg-js`. Drawing a card is cheap;
 * what cost most, on this project's VMs, was the native build's fresh 3 MB pixmap per card: ~1,300 page faults
 * a card, each expensive under the hypervisor. The wasm build draws into its linear memory, which is reused
 * from card to card: it measured ~20–25 % less CPU per card overall, with a third of the page faults.
 * Re-measured with both at 2.6.2 (and `loadSystemFonts: false` for the native one): native ≈32 ms a card
 * against wasm's ≈9 ms, ≈1,900 page faults a card against ≈150.
 * Fonts and the wasm module are loaded once per thread.
 *
 * Other ways measured (session 10, `scripts/bench-cards.ts`: 1,000 cards of the 1k bench corpus on one thread,
 * thread CPU, load 5–14). This pipeline: 12.7–13.4 ms a card (satori 4.2, resvg 6.3–6.8 of which parsing 1.1,
 * filling 4.9–5.1 and copying the pixels out 0.5, encode 2.3), process CPU 14.2–15.0 (the GC's threads), PNG
 * 30 KiB. By part: what every body costs 0.8 + 1.4 ms (satori + resvg), the title ≈1.9 + 3.6, the pills ≈2.2 + 2.2.
 * None of the following was ≥2× cheaper, so none is used:
 * - @napi-rs/canvas 1.1.1 (Skia, native; MIT; installs from npm with its prebuilt linux-x64-gnu package). With
 *   the fonts above (registered under the same family names) it drew Arabic (joined, right to left), CJK, math
 *   and emoji titles as well as satori + resvg do, checked by eye. Issuing a body's drawing takes 0.5 ms, but
 *   Skia draws when the pixels are read (`data()` or `getImageData`, a fresh 2 MB buffer each): 4–5.5 ms a body,
 *   3–4.5 of it system time (fresh pages; MIMALLOC_PURGE_DECOMMITS=0 brings a bare read from 4.3 to 0.3 ms,
 *   but a card loop only from 4.5 to 3.2 ms of system time). And Skia's 8-bit glyph coverage gives 450+ colours
 *   a body: no palette, so an RGBA PNG (Sub filter and Z_RLE: 3.8–4.5 ms, 121 KiB a card, 4× today's; Skia's
 *   own PNG encoder: 15 ms a body). A prototype came to 8.8–10.7 ms a card (1.2–1.4×), before the UAX 14 line
 *   breaking, line clamp and keep-all that satori does for us.
 * - canvaskit-wasm 0.42 (Skia in wasm; BSD-3): pixels read into a reused wasm buffer in 0.2 ms, but laying out
 *   and drawing the text with its Paragraph API took 6.1 ms a body, and 725 colours: slower than this pipeline.
 * - Pills drawn once per thread and copied over placeholder boxes (topics and tags repeat: 4,815 pills of 543
 *   texts on 1,000 cards): 12.9 → 10.8 ms (1.2×); the copied pills differ from pills drawn in place at ~50 edge
 *   pixels a card, by up to 37 levels (resvg's f32 coordinates differ at x and x + 72), so the card is no longer
 *   the same to the bit as when drawn whole.
 * At ~14.5 ms of CPU a card and ≈12.5k cards for 10k papers (papers, tags, topics), a cold 10k build with
 * SITE_URL spent ≈180 CPU-s on cards drawn this way: hence the compositor above (10k cold with SITE_URL
 * 137.9 s → 73.6 s in `npm run bench`, sessions 12 and 13).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import satori from 'satori';
import type { CardContent } from './og-card-content.ts';
import { getBaseFonts, loadFallbackFonts } from './og-card-fonts.ts';
import { BODY_BOX, BODY_CANVAS, bodyTree, CARD_HEIGHT, CARD_WIDTH, cardTree, frameTree, normaliseCard, type NormalisedCard } from './og-card-layout.ts';
import { composeBody } from './og-card-compose.ts';
import { compositeCard } from './og-card-composite.ts';
import { cardRows, encodeRgbaPng, type Frame, indexPixels, Palette, palettePng, wordsOf } from './og-card-png.ts';

let wasmReady: Promise<void> | undefined;

function ensureWasm(): Promise<void> {
  wasmReady ??= initWasm(readFileSync(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm')));
  return wasmReady;
}

/** The whole card as SVG markup, in one piece (exposed for debugging and tests). */
export async function renderCardSvg(content: CardContent): Promise<string> {
  // satori's element type is React's; our tree is the same shape as plain objects.
  const tree = cardTree(content) as unknown as Parameters<typeof satori>[0];
  return satori(tree, {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: getBaseFonts(),
    loadAdditionalAsset: loadFallbackFonts,
  });
}

/** Rasterises SVG markup to RGBA pixels (1200×630×4 bytes for a card). */
export async function rasterise(svg: string): Promise<{ pixels: Uint8Array; width: number; height: number }> {
  await ensureWasm();
  // Text is already paths: resvg needs no fonts.
  const resvg = new Resvg(svg, { fitTo: { mode: 'original' } });
  try {
    const image = resvg.render();
    try {
      return { pixels: image.pixels, width: image.width, height: image.height };
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}

export type { Frame } from './og-card-png.ts';

/** Frames by kind and site name. A build has one site name: two entries, four to be safe. */
const frames = new Map<string, Promise<Frame>>();
const MAX_FRAMES = 4;

function getFrame(kind: NormalisedCard['kind'], siteName: string): Promise<Frame> {
  const key = `${kind}\u0000${siteName}`;
  let frame = frames.get(key);
  if (!frame) {
    if (frames.size >= MAX_FRAMES) frames.delete(frames.keys().next().value!);
    frame = drawFrame(kind, siteName);
    frame.catch(() => frames.delete(key));
    frames.set(key, frame);
  }
  return frame;
}

async function drawFrame(kind: NormalisedCard['kind'], siteName: string): Promise<Frame> {
  const tree = frameTree(kind, siteName) as unknown as Parameters<typeof satori>[0];
  const svg = await satori(tree, { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: getBaseFonts(), loadAdditionalAsset: loadFallbackFonts });
  const { pixels: rgba } = await rasterise(svg);
  const raw = new Uint8Array((CARD_WIDTH + 1) * CARD_HEIGHT);
  const palette = new Palette();
  const words = wordsOf(rgba)!;
  for (let y = 0; y < CARD_HEIGHT; y++) {
    // A frame has a few dozen colours: it cannot run out of palette, and it is opaque.
    if (!indexPixels(words, rgba, y * CARD_WIDTH, CARD_WIDTH, raw, y * (CARD_WIDTH + 1) + 1, palette)) throw new Error('card frame: not an opaque image of at most 256 colours');
  }
  return { raw, palette, rgba };
}

/** The body of a card as SVG markup: `BODY_BOX.width × BODY_BOX.height`, a window on the card at `BODY_BOX`. */
export async function renderBodySvg(card: NormalisedCard): Promise<string> {
  const tree = bodyTree(card) as unknown as Parameters<typeof satori>[0];
  const svg = await satori(tree, { width: CARD_WIDTH, height: BODY_CANVAS, fonts: getBaseFonts(), loadAdditionalAsset: loadFallbackFonts });
  if (!svg.startsWith(BODY_SVG_START)) throw new Error(`unexpected SVG from satori: ${svg.slice(0, 120)}`);
  const { x, y, width, height } = BODY_BOX;
  return `<svg width="${width}" height="${height}" viewBox="${x} ${y} ${width} ${height}"${svg.slice(BODY_SVG_START.length)}`;
}

const BODY_SVG_START = `<svg width="${CARD_WIDTH}" height="${BODY_CANVAS}" viewBox="0 0 ${CARD_WIDTH} ${BODY_CANVAS}"`;

/**
 * Renders one card to PNG bytes, into a copy of its frame: composited from cached sprites of its words and
 * pills where the compositor lays the body out as satori does (og-card-compose.ts), else with the body laid
 * out, drawn and indexed alone, whose pixels are then those of the whole card drawn in one piece
 * (`renderCardSvg`), to the bit.
 */
export async function renderCardPng(content: CardContent): Promise<Uint8Array> {
  const card = normaliseCard(content);
  const [frame, body] = await Promise.all([getFrame(card.kind, card.siteName), composeBody(card, rasterise)]);
  return (body && compositeCard(frame, body)) ?? renderCardPngWhole(card, frame);
}

/** A card with its body drawn whole through satori and resvg (the path for what the compositor does not draw). */
export async function renderCardPngWhole(card: NormalisedCard, frame?: Frame): Promise<Uint8Array> {
  const [f, svg] = await Promise.all([frame ?? getFrame(card.kind, card.siteName), renderBodySvg(card)]);
  return encodeCard(f, await rasterise(svg));
}

/** The frame for a card (exposed for tests). */
export function cardFrame(card: NormalisedCard): Promise<Frame> {
  return getFrame(card.kind, card.siteName);
}

/**
 * The PNG of a card: its body's pixels (`BODY_BOX.width × BODY_BOX.height`) set into its frame. A palette PNG;
 * an RGBA PNG for a card of over 256 colours.
 */
export function encodeCard(frame: Frame, body: { pixels: Uint8Array; width: number; height: number }): Uint8Array {
  const { x, y, width, height } = BODY_BOX;
  if (body.width !== width || body.height !== height) throw new Error(`card body drawn ${body.width}×${body.height}, not ${width}×${height}`);
  const words = wordsOf(body.pixels)!;
  const stride = CARD_WIDTH + 1;
  // The rows from the body's box down: the rows above are the frame's.
  const rows = cardRows(frame, y, CARD_WIDTH);
  const palette = frame.palette.clone();
  let indexed = true;
  for (let row = 0; row < height && indexed; row++) {
    indexed = indexPixels(words, body.pixels, row * width, width, rows, row * stride + 1 + x, palette);
  }
  if (indexed) return palettePng(frame, y, rows, palette, CARD_WIDTH, CARD_HEIGHT);
  const rgba = frame.rgba.slice();
  for (let row = 0; row < height; row++) {
    rgba.set(body.pixels.subarray(row * width * 4, (row + 1) * width * 4), ((y + row) * CARD_WIDTH + x) * 4);
  }
  return encodeRgbaPng(rgba, CARD_WIDTH, CARD_HEIGHT);
}
