/**
 * Fonts for the link-preview cards, read from npm packages (no network, nothing committed).
 *
 * - Inter (`@fontsource/inter`): every subset (Latin, Latin Extended, Greek, Cyrillic, Vietnamese) in the
 *   three weights the card uses, loaded eagerly once per thread (~1 MB of WOFF). Close to system-ui sans.
 * - Fallbacks for what Inter lacks, in this lookup order: Noto Sans Arabic and Noto Sans Hebrew (their script
 *   subsets) and Noto Sans Math (operators such as ∑ and ∈), loaded with Inter; then, on demand, Noto Sans SC
 *   (Chinese, Japanese), Noto Sans KR (Hangul) and Noto Emoji (emoji as monochrome glyphs). Fontsource splits
 *   these three into ~100 unicode-range slices of ~45 KB; a slice is read only when a card's text needs one of
 *   its characters (through satori's `loadAdditionalAsset`), and stays loaded for the rest of the thread's
 *   life. satori (0.63) shapes glyphs with HarfBuzz (Arabic joining forms) and orders right-to-left runs by the
 *   Unicode bidirectional algorithm; the layout sets `direction: rtl` on a title that starts right-to-left.
 *
 * Colour emoji would need images (satori's `graphemeImages`), which no installed package ships as files for
 * every emoji; Noto Emoji draws every emoji of Unicode 15 legibly in the title's colour, never as a box.
 *
 * A slice's unicode-range (Fontsource's `unicode.json`) is Google's slicing plan, not the font's coverage:
 * Noto Sans SC's slices list the regional indicators of flags and subscript digits without drawing them. So
 * a slice is taken for a character only if its font has a glyph for it (read with `fontkitten`).
 * No installed font draws the subscript digits and most super/subscript letters (Google's subsets leave out
 * U+2070–209F): `canDraw` tells the card's text which it may use (see `titlePlainText`'s `drawable`).
 *
 * Determinism: Inter and the small fallbacks are loaded first, in a fixed order, and each character is looked
 * up in the fallbacks in one fixed order (first slice that lists and draws it), so whichever slices a thread
 * happens to have loaded already, every character is drawn from the same font face. The card's pixels depend
 * only on its content, which is what makes `cardKey` caching sound. One known exception: a Noto Sans KR slice also draws some Han ideographs,
 * so a Chinese card drawn by a thread after a Korean card may take the Korean forms of a few characters
 * (legible either way); a list with no Hangul is unaffected.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { create as openFont } from 'fontkitten';

/** What satori takes as one font. */
export interface SatoriFont {
  name: string;
  data: Buffer;
  weight: 400 | 600 | 700;
  style: 'normal';
}

const require = createRequire(import.meta.url);

/**
 * A package's folder: the nearest folder above its entry point whose package.json names it (not every package
 * exports its package.json, and an entry point may sit folders down, as linebreak's dist/main.cjs does).
 * Throws when there is none.
 */
function packageDir(name: string): string {
  for (let dir = dirname(require.resolve(name)); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json of ${name} above ${require.resolve(name)}.`);
  }
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

/** Weights drawn on a card: 400 footer, 600 site name and pills, 700 title. */
const INTER_WEIGHTS = [400, 600, 700] as const;
/** Fallback slices are loaded in two weights; satori picks the nearest (600 → 700). */
const FALLBACK_WEIGHTS = [400, 700] as const;
const INTER_SUBSETS = ['latin', 'latin-ext', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext', 'vietnamese'] as const;

function interFamily(subset: string): string {
  return subset === 'latin' ? LATIN_FAMILY : `${LATIN_FAMILY} ${subset}`;
}

/** The CSS `fontFamily` of every text on a card. */
export const FONT_FAMILY = INTER_SUBSETS.map((s) => `"${interFamily(s)}"`).join(', ');

/** Versions of everything that shapes or places the glyphs, for the cache key. */
export function fontFingerprint(): string {
  return [
    `inter@${packageVersion('@fontsource/inter')}`,
    ...FALLBACKS.map((f) => `${f.pkg.slice('@fontsource/'.length)}@${packageVersion(f.pkg)}`),
    `satori@${packageVersion('satori')}`,
    `resvg-wasm@${packageVersion('@resvg/resvg-wasm')}`,
    // The compositor shapes and breaks titles itself (og-card-shape.ts, og-card-flow.ts).
    `harfbuzzjs@${packageVersion('harfbuzzjs')}`,
    `linebreak@${packageVersion('linebreak')}`,
  ].join(' ');
}

let baseFonts: SatoriFont[] | undefined;

/**
 * The eager font list. Always the same array object: satori caches its parsed fonts per array, so passing a
 * fresh array per card would re-parse every font for every card.
 */
export function getBaseFonts(): SatoriFont[] {
  if (baseFonts) return baseFonts;
  const fonts: SatoriFont[] = [];
  // Latin first: satori falls back through the loaded fonts in the order given.
  for (const subset of INTER_SUBSETS) {
    for (const weight of INTER_WEIGHTS) {
      fonts.push({ name: interFamily(subset), data: readFileSync(interFile(subset, weight)), weight, style: 'normal' });
    }
  }
  for (const slice of getSlices().filter((s) => s.fallback.eager)) fonts.push(...sliceFonts(slice));
  baseFonts = fonts;
  return fonts;
}

/**
 * The fallback fonts, in the order a character is looked up. `subsets` picks the Fontsource subsets to use
 * (Inter covers Latin, Greek and Cyrillic, so only the script's own subset of the Arabic and Hebrew fonts).
 */
interface Fallback {
  pkg: string;
  family: string;
  subsets: (key: string) => boolean;
  /** Take the subset for any character its font draws: its unicode-range lists far less than it has. */
  wholeFont?: boolean;
  /**
   * Loaded with Inter, in this order, instead of on demand. satori draws a character with the first loaded font
   * that has it, in the order fonts were added; Noto Sans Math has unjoined Arabic letters (for Arabic math), so
   * loaded on demand before the Arabic font (by an earlier card with a ∑) it drew the next Arabic title
   * unshaped and in the wrong order. Loaded eagerly, the order, and so every card's pixels, is fixed. The three
   * are small (≈0.5 MB together); CJK and emoji, 100+ slices, stay on demand.
   */
  eager?: boolean;
  file: (subset: string, weight: number) => string;
}

const numbered = (key: string) => /^\[\d+\]$/.test(key);
const FALLBACKS: readonly Fallback[] = [
  // Bold is drawn with the Medium (500) file: Fontsource's 600–800 instances of Noto Sans Arabic 5.3.0 lose the
  // dots of final teh marbuta (ـة drawn as ـه, "اللغة" read "اللغه"), checked by eye on a card; 500 keeps them.
  { pkg: '@fontsource/noto-sans-arabic', family: 'Noto Sans Arabic', eager: true, subsets: (k) => k === 'arabic', file: (s, w) => `noto-sans-arabic-${s}-${Math.min(w, 500)}-normal.woff` },
  { pkg: '@fontsource/noto-sans-hebrew', family: 'Noto Sans Hebrew', eager: true, subsets: (k) => k === 'hebrew', file: (s, w) => `noto-sans-hebrew-${s}-${w}-normal.woff` },
  { pkg: '@fontsource/noto-sans-math', family: 'Noto Sans Math', eager: true, subsets: (k) => k === 'latin', wholeFont: true, file: (s, w) => `noto-sans-math-${s}-${Math.min(w, 400)}-normal.woff` },
  { pkg: '@fontsource/noto-sans-sc', family: 'Noto Sans SC', subsets: numbered, file: (s, w) => `noto-sans-sc-${s}-${w}-normal.woff` },
  // For Hangul: its slices also hold Han ideographs, but those are looked up in Noto Sans SC first.
  { pkg: '@fontsource/noto-sans-kr', family: 'Noto Sans KR', subsets: numbered, file: (s, w) => `noto-sans-kr-${s}-${w}-normal.woff` },
  { pkg: '@fontsource/noto-emoji', family: 'Noto Emoji', subsets: numbered, file: (s, w) => `noto-emoji-${s}-${w}-normal.woff` },
];

interface Slice {
  fallback: Fallback;
  id: string;
  /** Sorted, non-overlapping [from, to] code point ranges. */
  ranges: Array<[number, number]>;
}

let slices: Slice[] | undefined;

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

/** Every fallback slice, fonts in `FALLBACKS` order, a font's slices by id. */
function getSlices(): Slice[] {
  if (slices) return slices;
  slices = FALLBACKS.flatMap((fallback) => {
    const unicode = JSON.parse(readFileSync(join(packageDir(fallback.pkg), 'unicode.json'), 'utf8')) as Record<string, string>;
    // Numbered slices are keyed "[0]" … "[119]"; named subsets by their name.
    return Object.entries(unicode)
      .filter(([key]) => fallback.subsets(key))
      .map(([key, spec]) => ({ fallback, id: /^\[(\d+)\]$/.exec(key)?.[1] ?? key, ranges: fallback.wholeFont ? ([[0, 0x10ffff]] as Array<[number, number]>) : parseRanges(spec) }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  });
  return slices;
}

function covers(slice: Slice, codePoint: number): boolean {
  const r = slice.ranges;
  let lo = 0;
  let hi = r.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to] = r[mid]!;
    if (codePoint < from) hi = mid - 1;
    else if (codePoint > to) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Parsed fonts (for their character maps), by file. */
const parsed = new Map<string, { hasGlyphForCodePoint(codePoint: number): boolean } | null>();

function fontFile(pkg: string, file: string): string {
  return join(packageDir(pkg), 'files', file);
}

/** Whether the font at `path` has a glyph for `codePoint`; a font that cannot be read has none. */
function hasGlyph(path: string, codePoint: number): boolean {
  let font = parsed.get(path);
  if (font === undefined) {
    try {
      font = openFont(readFileSync(path)) as unknown as { hasGlyphForCodePoint(codePoint: number): boolean };
    } catch {
      font = null;
    }
    parsed.set(path, font);
  }
  try {
    return font?.hasGlyphForCodePoint(codePoint) ?? false;
  } catch {
    // A slice without a character map (one of Noto Sans SC's) draws nothing.
    return false;
  }
}

/** The fallback slice that draws a code point: the first that lists it and has a glyph for it. */
function sliceOf(codePoint: number): Slice | undefined {
  return getSlices().find((s) => covers(s, codePoint) && hasGlyph(fontFile(s.fallback.pkg, s.fallback.file(s.id, 400)), codePoint));
}

/**
 * The family a card draws a character with: Inter when it has the glyph (at bold, the title's weight), else the
 * first fallback that lists and draws it; undefined when no card font draws it.
 */
export function cardFontFor(ch: string): string | undefined {
  const codePoint = ch.codePointAt(0)!;
  if (fontByCodePoint.has(codePoint)) return fontByCodePoint.get(codePoint);
  const family = interFileFor(codePoint, 700) !== undefined ? LATIN_FAMILY : sliceOf(codePoint)?.fallback.family;
  fontByCodePoint.set(codePoint, family);
  return family;
}

/**
 * The Inter file satori draws a code point with at `weight`: the first subset, in `FONT_FAMILY` order, whose
 * font has a glyph for it (satori's rule for a family list); undefined when no Inter subset has one.
 */
export function interFileFor(codePoint: number, weight: (typeof INTER_WEIGHTS)[number]): string | undefined {
  return INTER_SUBSETS.map((subset) => interFile(subset, weight)).find((file) => hasGlyph(file, codePoint));
}

let interDir: string | undefined;

/** The WOFF file of one Inter subset at one weight. */
function interFile(subset: (typeof INTER_SUBSETS)[number], weight: (typeof INTER_WEIGHTS)[number]): string {
  interDir ??= join(packageDir('@fontsource/inter'), 'files');
  return join(interDir, `inter-${subset}-${weight}-normal.woff`);
}

const fontByCodePoint = new Map<number, string | undefined>();
/** Most titles and tags: Inter draws all of printable ASCII, so they need no lookup. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The characters of `text` that no card font draws (each once, in order of appearance). */
export function undrawable(text: string): string[] {
  if (PRINTABLE_ASCII.test(text)) return [];
  const missing = new Set<string>();
  for (const ch of text) if (!canDraw(ch)) missing.add(ch);
  return [...missing];
}

/**
 * `text` with each character no card font draws replaced by its compatibility form when that one is drawable
 * (NFKC: `H₂O` → `H2O`, `x²` stays): a pasted subscript reads as a digit instead of a box. What has no
 * drawable form is kept (and named by the build, see `undrawable`).
 */
export function drawableText(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text;
  let out = '';
  for (const ch of text) {
    if (canDraw(ch)) {
      out += ch;
      continue;
    }
    const plain = ch.normalize('NFKC');
    out += plain !== ch && [...plain].every(canDraw) ? plain : ch;
  }
  return out;
}

/** Whether a card can draw a character; spaces and invisible characters (joiners, selectors) count as drawable. */
export function canDraw(ch: string): boolean {
  return /\s/u.test(ch) || INVISIBLE.test(ch) || cardFontFor(ch) !== undefined;
}

const loadedSlices = new Set<Slice>();
const unhandled = new Set<string>();

/**
 * Characters that satori asked for and no fallback font covers, since the thread started: they were drawn as
 * the missing-glyph box (.notdef). Joiners and variation selectors are not counted: they have no glyph of their own.
 */
export function unhandledCharacters(): string[] {
  return [...unhandled];
}

/** Characters that take no glyph: ZWJ/ZWNJ, variation selectors, tag characters, the emoji keycap mark. */
const INVISIBLE = /[\u200b-\u200f\u2060-\u2064\ufe00-\ufe0f\u20e3\u{e0000}-\u{e007f}]/u;

/**
 * satori's `loadAdditionalAsset`: called with text that no loaded font can draw (per language or `emoji`).
 * Returns the fallback slices that cover it and have not been handed to satori yet (satori keeps added fonts in
 * its cached font set). Text that no slice covers gets nothing, is recorded (`unhandledCharacters`), and is
 * drawn as the fonts' missing-glyph box.
 */
export async function loadFallbackFonts(_languageCode: string, segment: string): Promise<SatoriFont[]> {
  const fonts: SatoriFont[] = [];
  for (const ch of segment) {
    const codePoint = ch.codePointAt(0)!;
    const slice = sliceOf(codePoint);
    if (!slice) {
      if (!INVISIBLE.test(ch) && !/\s/u.test(ch)) unhandled.add(ch);
      continue;
    }
    if (slice.fallback.eager || loadedSlices.has(slice)) continue;
    loadedSlices.add(slice);
    fonts.push(...sliceFonts(slice));
  }
  return fonts;
}

/** A slice's fonts, one per weight file (a font with one file, Noto Sans Math, is given once: satori takes the nearest weight). */
function sliceFonts(slice: Slice): SatoriFont[] {
  const files = new Map<string, (typeof FALLBACK_WEIGHTS)[number]>();
  for (const weight of FALLBACK_WEIGHTS) {
    const file = slice.fallback.file(slice.id, weight);
    if (!files.has(file)) files.set(file, weight);
  }
  return [...files].map(([file, weight]) => ({ name: `${slice.fallback.family} ${slice.id}`, data: readFileSync(fontFile(slice.fallback.pkg, file)), weight, style: 'normal' }));
}
