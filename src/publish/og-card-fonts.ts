/**
 * Fonts for the link-preview cards, read from npm packages (no network, nothing committed).
 *
 * - Inter (`@fontsource/inter`): every subset (Latin, Latin Extended, Greek, Cyrillic, Vietnamese) in the
 *   three weights the card uses, loaded eagerly once per thread (~1 MB of WOFF). Close to system-ui sans.
 * - Noto Sans SC (`@fontsource/noto-sans-sc`): CJK glyphs, loaded lazily. Fontsource splits the font into
 *   ~100 unicode-range slices of ~45 KB; a slice is read only when a card's text needs one of its characters
 *   (through satori's `loadAdditionalAsset`), and stays loaded for the rest of the thread's life.
 *
 * Determinism: Inter is loaded whole and first, and the Noto slices are disjoint, so whichever slices a thread
 * happens to have loaded already, every character is drawn from the same font face. The card's pixels depend
 * only on its content, which is what makes `cardKey` caching sound.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** What satori takes as one font. */
export interface SatoriFont {
  name: string;
  data: Buffer;
  weight: 400 | 600 | 700;
  style: 'normal';
}

const require = createRequire(import.meta.url);

/** A package's folder, found through a file it exports (not every package exports its package.json). */
function packageDir(name: string): string {
  const exported: Record<string, string> = { '@resvg/resvg-wasm': 'index_bg.wasm' };
  return dirname(require.resolve(`${name}/${exported[name] ?? 'package.json'}`));
}

function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as { version: string }).version;
}

/*
 * satori draws a character with the first font of a family (per weight) and does not look into a second font
 * of the same name, so every subset gets a family name of its own: 'Inter', 'Inter greek', …, and
 * 'Noto Sans SC 17' for slice 17. Inter's are listed in `FONT_FAMILY`; the Noto slices are reached through
 * satori's fallback to the other loaded fonts.
 */
const LATIN_FAMILY = 'Inter';
const CJK_FAMILY = 'Noto Sans SC';

/** Weights drawn on a card: 400 footer, 600 site name and pills, 700 title. */
const INTER_WEIGHTS = [400, 600, 700] as const;
/** CJK slices come in two weights; satori picks the nearest (600 → 700). */
const CJK_WEIGHTS = [400, 700] as const;
const INTER_SUBSETS = ['latin', 'latin-ext', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext', 'vietnamese'] as const;

function interFamily(subset: string): string {
  return subset === 'latin' ? LATIN_FAMILY : `${LATIN_FAMILY} ${subset}`;
}

/** The CSS `fontFamily` of every text on a card. */
export const FONT_FAMILY = INTER_SUBSETS.map((s) => `"${interFamily(s)}"`).join(', ');

/** Versions of everything that shapes the glyphs, for the cache key. */
export function fontFingerprint(): string {
  return [
    `inter@${packageVersion('@fontsource/inter')}`,
    `noto-sans-sc@${packageVersion('@fontsource/noto-sans-sc')}`,
    `satori@${packageVersion('satori')}`,
    `resvg-wasm@${packageVersion('@resvg/resvg-wasm')}`,
  ].join(' ');
}

let baseFonts: SatoriFont[] | undefined;

/**
 * The eager font list. Always the same array object: satori caches its parsed fonts per array, so passing a
 * fresh array per card would re-parse every font for every card.
 */
export function getBaseFonts(): SatoriFont[] {
  if (baseFonts) return baseFonts;
  const dir = join(packageDir('@fontsource/inter'), 'files');
  const fonts: SatoriFont[] = [];
  // Latin first: satori falls back through the loaded fonts in the order given.
  for (const subset of INTER_SUBSETS) {
    for (const weight of INTER_WEIGHTS) {
      fonts.push({ name: interFamily(subset), data: readFileSync(join(dir, `inter-${subset}-${weight}-normal.woff`)), weight, style: 'normal' });
    }
  }
  baseFonts = fonts;
  return fonts;
}

interface Slice {
  id: string;
  /** Sorted, non-overlapping [from, to] code point ranges. */
  ranges: Array<[number, number]>;
}

let cjkSlices: Slice[] | undefined;

function parseRanges(spec: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const part of spec.split(',')) {
    const m = /^\s*U\+([0-9a-f]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!m) continue;
    const from = parseInt(m[1]!, 16);
    out.push([from, m[2] ? parseInt(m[2], 16) : from]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

function getCjkSlices(): Slice[] {
  if (cjkSlices) return cjkSlices;
  const unicode = JSON.parse(readFileSync(join(packageDir('@fontsource/noto-sans-sc'), 'unicode.json'), 'utf8')) as Record<string, string>;
  // Keys are "[0]" … "[119]" for the numbered CJK slices, plus named ones (latin, cyrillic, …) that Inter covers.
  cjkSlices = Object.entries(unicode)
    .map(([key, spec]) => ({ id: /^\[(\d+)\]$/.exec(key)?.[1] ?? key, ranges: parseRanges(spec) }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return cjkSlices;
}

function sliceFor(codePoint: number): Slice | undefined {
  for (const slice of getCjkSlices()) {
    const r = slice.ranges;
    let lo = 0;
    let hi = r.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [from, to] = r[mid]!;
      if (codePoint < from) hi = mid - 1;
      else if (codePoint > to) lo = mid + 1;
      else return slice;
    }
  }
  return undefined;
}

const loadedSlices = new Set<string>();

/**
 * satori's `loadAdditionalAsset`: called with text that no loaded font can draw. Returns the Noto Sans SC slices
 * that cover it and have not been handed to satori yet (satori keeps added fonts in its cached font set).
 * Text that no slice covers gets nothing, and is drawn as the fonts' missing-glyph box.
 */
export async function loadFallbackFonts(_languageCode: string, segment: string): Promise<SatoriFont[]> {
  const fonts: SatoriFont[] = [];
  const dir = join(packageDir('@fontsource/noto-sans-sc'), 'files');
  for (const ch of segment) {
    const slice = sliceFor(ch.codePointAt(0)!);
    if (!slice || loadedSlices.has(slice.id)) continue;
    loadedSlices.add(slice.id);
    for (const weight of CJK_WEIGHTS) {
      fonts.push({ name: `${CJK_FAMILY} ${slice.id}`, data: readFileSync(join(dir, `noto-sans-sc-${slice.id}-${weight}-normal.woff`)), weight, style: 'normal' });
    }
  }
  return fonts;
}
