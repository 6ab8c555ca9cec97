/**
 * The body of a card as sprites to composite (og-card-composite.ts) instead of drawing it whole: the title
 * broken into lines by og-card-flow.ts with HarfBuzz advances (og-card-shape.ts), each word a cached sprite
 * (og-card-sprites.ts), then the pills or the subtitle, placed where satori's flex layout puts them.
 *
 * Every position is a whole pixel, as in satori: yoga rounds boxes, satori rounds line heights and, for
 * embedded fonts, each word's x. Only text the compositor lays out as satori does is drawn this way, decided
 * per card by `composable`; any other card is drawn whole.
 */
import { LRUCache } from 'lru-cache';
import { flowLines } from './og-card-flow.ts';
import {
  BODY_BOX,
  BODY_PADDING_BOTTOM,
  el,
  PILL_HEIGHT,
  PILL_ROW_MARGIN_TOP,
  PILL_TEXT,
  pillsShown,
  SOFT_BG,
  subtitleElement,
  textDirection,
  TEXT,
  TITLE_LETTER_SPACING,
  TITLE_LINE_HEIGHT,
  titleFit,
  titleTextStyle,
  type NormalisedCard,
} from './og-card-layout.ts';
import { glyphBitmaps, PHASES, type GlyphBitmap, type GlyphRequest } from './og-card-glyphs.ts';
import { ensureShaper, interDraws, shape, type ShapedGlyph } from './og-card-shape.ts';
import { pillBaseline, pillBox, pillBoxWidth } from './og-card-pills.ts';
import { baselineOf, sprite, type Sprite } from './og-card-sprites.ts';
import type { Rasterise } from './og-card-png.ts';

/** A sprite at (`x`, `y`) on the card: its layout box's top-left, px (whole, but for a pill row on a half pixel). */
export interface Placement {
  sprite: Sprite;
  x: number;
  y: number;
}

/** A glyph of the title at (`x`, `y`) on the card: its origin on the baseline, whole px (the bitmap holds the rest). */
export interface GlyphPlacement {
  glyph: GlyphBitmap;
  x: number;
  y: number;
}

/** Glyphs drawn in `colour` over `background` (both `#rrggbb`). */
export interface GlyphRun {
  colour: string;
  background: string;
  glyphs: GlyphPlacement[];
}

/** What the compositor draws of a body: sprites (pills' boxes, subtitle), then text (title, pills' text) over them. */
export interface ComposedBody {
  sprites: Placement[];
  texts: GlyphRun[];
}

/**
 * Letters, marks, digits, punctuation, symbols and the space: no control or format characters (soft hyphens,
 * joiners, bidi marks), which change shaping or breaking in ways the compositor does not model.
 */
const PLAIN = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]*$/u;

/**
 * Whether the compositor draws `card` as satori would: its texts are plain (see `PLAIN`), left to right, and
 * drawn by Inter alone (Latin, Greek, Cyrillic, Vietnamese). Right-to-left scripts, scripts written without
 * spaces (CJK), Hangul, emoji and the math that only Noto Sans Math draws take the whole-body path, where
 * satori shapes, orders and breaks them.
 */
export function composable(card: NormalisedCard): boolean {
  const below = card.kind === 'paper' ? [card.topic, ...card.tags] : [card.subtitle];
  return (
    textDirection(card.title) === 'ltr' &&
    PLAIN.test(card.title) &&
    interDraws(card.title, 700) &&
    below.every((text) => PLAIN.test(text) && interDraws(text, 600))
  );
}

/**
 * Text shaped, by weight, size and text: a reading list's words and pills, shaped once a thread. At most
 * ≈8 MiB a thread (a glyph's entry taken as 64 bytes): ≈20k words of 6 glyphs.
 */
const shaped = new LRUCache<string, { width: number; glyphs: ShapedGlyph[] }>({ maxSize: 8 * 1024 * 1024, sizeCalculation: (run) => 64 * (run.glyphs.length + 1) });

function shaper(size: number, weight: 600 | 700, spacing: number): (text: string) => { width: number; glyphs: ShapedGlyph[] } {
  return (text) => {
    const key = `${weight} ${size}\u0000${text}`;
    let run = shaped.get(key);
    if (run === undefined) {
      run = shape(text, size, weight, spacing);
      shaped.set(key, run);
    }
    return run;
  };
}

const titleShaper = (size: number) => shaper(size, 700, TITLE_LETTER_SPACING * size);
const pillShaper = (size: number) => shaper(size, 600, 0);

/** Canvas for a subtitle: as wide as the body (a subtitle is cut to length; a wider one is drawn whole). */
const ROW_CANVAS = BODY_BOX.width;

/**
 * What the compositor draws of `card`'s body and where, or undefined when it cannot draw it as satori would
 * (see `composable`; also a word wider than a line, which satori breaks inside).
 */
export async function composeBody(card: NormalisedCard, rasterise: Rasterise): Promise<ComposedBody | undefined> {
  if (!composable(card)) return undefined;
  await ensureShaper();
  const { size, lines: maxLines } = titleFit(card.title, card.kind);
  const shapeWord = titleShaper(size);
  const lines = flowLines(card.title, BODY_BOX.width, maxLines, (text) => shapeWord(text).width);
  if (!lines) return undefined;
  // satori rounds a line's height (its ascent and descent) to whole pixels: lines are whole pixels apart.
  const lineHeight = Math.round(size * TITLE_LINE_HEIGHT);
  const baseline = await baselineOf(`title ${size}`, el('div', { ...titleTextStyle(size), display: 'block', whiteSpace: 'nowrap' }, 'H'));
  const shown = card.kind === 'paper' ? pillsShown(card.topic, card.tags) : [];
  // The body's column, centred (justify-content: center) above its bottom padding, as yoga lays it out: its
  // top may fall on a half pixel, which yoga rounds box by box (so a pill's text sits as it does there).
  const titleHeight = lines.length * lineHeight;
  const pillRowHeight = shown.length > 0 ? PILL_ROW_MARGIN_TOP + PILL_HEIGHT : 0;
  // A subtitle that cannot be a sprite (drawn now, or cached as such) leaves the whole card to satori.
  const hasSubtitle = card.kind === 'list' && !!card.subtitle;
  const drawnSubtitle = hasSubtitle ? await sprite(`s\u0000${card.subtitle}`, subtitleElement(card.subtitle), ROW_CANVAS, 2 * 34, rasterise) : undefined;
  if (hasSubtitle && !drawnSubtitle) return undefined;
  const top = BODY_BOX.y + (BODY_BOX.height - BODY_PADDING_BOTTOM - titleHeight - pillRowHeight - (drawnSubtitle?.box.height ?? 0)) / 2;
  const titleTop = Math.round(top);
  const pillTop = top + titleHeight + PILL_ROW_MARGIN_TOP;
  const phase = pillTop - Math.floor(pillTop);
  const sprites: Placement[] = [];
  const texts: GlyphRun[] = [];
  const requests: GlyphRequest[] = [];
  const origins: Array<{ x: number; y: number }> = [];
  /** Asks for the glyphs of `run` with their origin at (`x`, `y`) px, each to a quarter pixel. */
  const place = (glyphs: readonly ShapedGlyph[], size: number, x: number, y: number) => {
    for (const g of glyphs) {
      const gx = x + g.x;
      let whole = Math.floor(gx);
      let phase = Math.round((gx - whole) * PHASES) / PHASES;
      if (phase === 1) {
        whole += 1;
        phase = 0;
      }
      requests.push({ file: g.file, id: g.id, size, phase });
      origins.push({ x: whole, y: y + Math.round(g.y) });
    }
  };

  // The title. satori puts a word of a title of several lines at a whole pixel (`Math.round` of its x, for
  // embedded fonts), and of a one-line title where it falls.
  lines.forEach((runs, i) => {
    for (const run of runs) place(shapeWord(run.text).glyphs, size, BODY_BOX.x + (lines.length > 1 ? Math.round(run.x) : run.x), titleTop + i * lineHeight + baseline);
  });
  const runs = [{ colour: TEXT, background: SOFT_BG, from: 0, to: requests.length }];

  // The pills: boxes cut to width, their text placed as the title's.
  let x = BODY_BOX.x;
  for (const p of shown) {
    const style = PILL_TEXT[p.variant];
    const text = pillShaper(style.fontSize)(p.text);
    const width = pillBoxWidth(p.variant, text.width);
    const [box, pillBase] = await Promise.all([pillBox(p.variant, phase, width, rasterise), pillBaseline(p.variant, phase)]);
    if (!box) return undefined;
    sprites.push({ sprite: box, x, y: pillTop });
    const from = requests.length;
    place(text.glyphs, style.fontSize, x + style.left, Math.round(pillTop + pillBase));
    runs.push({ colour: style.color, background: style.background, from, to: requests.length });
    x += box.box.width;
  }
  if (drawnSubtitle) sprites.push({ sprite: drawnSubtitle, x: BODY_BOX.x, y: Math.round(top + titleHeight) });

  const bitmaps = await glyphBitmaps(requests, rasterise);
  for (const run of runs) {
    texts.push({ colour: run.colour, background: run.background, glyphs: bitmaps.slice(run.from, run.to).map((glyph, k) => ({ glyph, ...origins[run.from + k]! })) });
  }
  return { sprites, texts };
}
