/**
 * One card to PNG bytes: layout tree → satori (SVG, text as paths) → resvg (pixels) → palette PNG.
 *
 * resvg runs as WebAssembly (`@resvg/resvg-wasm`), not the native `@resvg/resvg-js`. Drawing a card is cheap;
 * what cost most, on this project's VMs, was the native build's fresh 3 MB pixmap per card: ~1,300 page faults
 * a card, each expensive under the hypervisor. The wasm build draws into its linear memory, which is reused
 * from card to card: it measured ~20–25 % less CPU per card overall, with a third of the page faults.
 * Fonts and the wasm module are loaded once per thread.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import satori from 'satori';
import type { CardContent } from './og-cards.ts';
import { getBaseFonts, loadFallbackFonts } from './og-card-fonts.ts';
import { CARD_HEIGHT, CARD_WIDTH, cardTree } from './og-card-layout.ts';
import { encodePalettePng } from './og-card-png.ts';

let wasmReady: Promise<void> | undefined;

function ensureWasm(): Promise<void> {
  wasmReady ??= initWasm(readFileSync(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm')));
  return wasmReady;
}

/** The card as SVG markup (exposed for debugging and tests). */
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

export async function renderCardPng(content: CardContent): Promise<Uint8Array> {
  const svg = await renderCardSvg(content);
  await ensureWasm();
  const resvg = new Resvg(svg, { fitTo: { mode: 'original' } });
  try {
    const image = resvg.render();
    try {
      // Lossless palette PNG (half the size); resvg's own RGBA encoder when a card has over 256 colours.
      return encodePalettePng(image.pixels, image.width, image.height) ?? image.asPng();
    } finally {
      image.free(); // wasm objects are not garbage-collected
    }
  } finally {
    resvg.free();
  }
}
