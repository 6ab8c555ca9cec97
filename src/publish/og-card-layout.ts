/**
 * The layout of a link-preview card, as a satori element tree (plain objects, never HTML or JSX strings: every
 * piece of text is a string child, so `<`, `{`, `$` … are drawn literally).
 *
 * Pure and synchronous: `cardTree(content)` depends on nothing but its argument, which is what lets
 * `cardKey` hash the content (plus `LAYOUT_VERSION`) instead of the pixels.
 */
import type { CardContent } from './og-card-content.ts';
import { FONT_FAMILY } from './og-card-fonts.ts';

/** Bump whenever anything below changes what a card looks like: it invalidates every cached card. */
export const LAYOUT_VERSION = 'og-layout-6';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

const ACCENT = '#2f54c8';
/** The title's colour. */
export const TEXT = '#1b1f24';
const MUTED = '#5b6472';
/** The card's background, which is also the body's. */
export const SOFT_BG = '#f5f6f8';
const RULE = '#dde1e8';

const PAD_X = 72;
const CONTENT_WIDTH = CARD_WIDTH - 2 * PAD_X;

/** The body's vertical rhythm, in px: the title, then the pill row or the subtitle below it. */
export const BODY_PADDING_BOTTOM = 8;
export const PILL_ROW_MARGIN_TOP = 34;
export const PILL_HEIGHT = 50;
export const PILL_GAP = 12;
export const SUBTITLE_MARGIN_TOP = 28;

/** Title sizes tried from the largest down, with the lines each may use (paper cards keep room for pills). */
const PAPER_STEPS: ReadonlyArray<readonly [size: number, lines: number]> = [
  [68, 3],
  [60, 4],
  [52, 4],
  [46, 5],
  [40, 5],
];
const LIST_STEPS: ReadonlyArray<readonly [size: number, lines: number]> = [
  [80, 2],
  [68, 3],
  [60, 4],
  [52, 4],
  [46, 5],
];
export const TITLE_LINE_HEIGHT = 1.16;
/** The title's letter spacing, in em. */
export const TITLE_LETTER_SPACING = -0.01;
/** Past this many code points a title can never fit, even at the smallest size: cut before layout. */
const TITLE_MAX_CHARS = 320;
const MAX_TAGS = 4;
const PILL_MAX_CHARS = 30;

/** A satori element: `{ type, props: { style, children } }`. */
export interface CardElement {
  type: string;
  props: { style?: Record<string, string | number>; children?: CardNode | CardNode[] };
}
export type CardNode = CardElement | string;

export function el(type: string, style: Record<string, string | number>, children?: CardNode | CardNode[]): CardElement {
  return { type, props: children === undefined ? { style } : { style, children } };
}

/** Collapses whitespace and drops control characters (a title is one line of text on a card). */
export function cleanText(text: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  return (text ?? '').replace(/[\u0000-\u001f\u007f-\u009f\u200b\u2028\u2029]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Cuts `text` to at most `max` code points, at a word boundary when one is near, and marks the cut with "…". */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  let cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  if (space > cut.length * 0.7) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,.;:–—-]+$/u, '')}…`;
}

/** Characters that lay out one per "word" and about 1em wide (CJK, kana, Hangul, full-width forms). */
const WIDE = /[\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3ffff}]/u;

/**
 * Letters of the scripts written right to left (bidi classes R and AL). A title whose first letter is one of
 * them is laid out right to left, as a browser does with `dir="auto"` (the first strong character decides).
 */
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]/u;

/** The base direction of a text by its first letter (the Unicode bidi algorithm's rule P2, on letters). */
export function textDirection(text: string): 'ltr' | 'rtl' {
  const first = /\p{L}/u.exec(text)?.[0];
  return first && RTL_LETTER.test(first) ? 'rtl' : 'ltr';
}

/** Rough advance of one character of Inter Bold, in em. Errs wide, so an estimate never undercounts lines. */
function advance(ch: string): number {
  if (WIDE.test(ch)) return 1.0;
  if (ch === ' ') return 0.27;
  if ('iljI.,:;!|\'`'.includes(ch)) return 0.3;
  if ('ftr()[]{}/\\"'.includes(ch)) return 0.42;
  if ('mwMW@%'.includes(ch)) return 0.92;
  if (/[A-Z]/.test(ch)) return 0.72;
  if (/[0-9]/.test(ch)) return 0.64;
  if (/[a-z]/.test(ch)) return 0.6;
  return 0.66;
}

/** Greedy line count of `text` at `size` px in a box `width` px wide, breaking between words and CJK chars. */
export function estimateLines(text: string, size: number, width: number): number {
  const limit = width / size;
  const pieces = text.match(/[^\s\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7ff\uf900-\ufaff\uff00-\uffef]+|[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7ff\uf900-\ufaff\uff00-\uffef]|\s+/gu) ?? [];
  let lines = 1;
  let used = 0;
  for (const piece of pieces) {
    if (/^\s+$/.test(piece)) {
      if (used > 0) used += advance(' ');
      continue;
    }
    let w = 0;
    for (const ch of piece) w += advance(ch);
    if (used > 0 && used + w > limit) {
      lines += 1;
      used = 0;
    }
    // A word wider than the line wraps anywhere (overflowWrap: anywhere).
    while (w > limit) {
      lines += 1;
      w -= limit;
    }
    used += w;
  }
  return lines;
}

/** The title's font size and line clamp: the largest step whose estimated lines fit, else the last, clamped. */
export function titleFit(title: string, kind: CardContent['kind']): { size: number; lines: number } {
  const steps = kind === 'list' ? LIST_STEPS : PAPER_STEPS;
  for (const [size, lines] of steps) {
    if (estimateLines(title, size, CONTENT_WIDTH) <= lines) return { size, lines };
  }
  const [size, lines] = steps[steps.length - 1]!;
  return { size, lines };
}

function pillWidth(text: string, size: number, padX: number): number {
  let w = 0;
  for (const ch of text) w += advance(ch);
  return w * size + 2 * padX + 4;
}

/*
 * Cost note: every `overflow: hidden`, CSS border and ellipsis becomes an SVG mask or clip path, and resvg draws
 * each mask as a whole-canvas layer — they tripled the raster time. So the card uses none: text is cut to length
 * before layout, the title relies on `lineClamp`, and the tag pill's outline is a pill inside a pill.
 */
export type PillVariant = 'topic' | 'tag';

/**
 * One pill: a topic (accent, white text) or a tag (outlined), `PILL_HEIGHT` px high, `PILL_GAP` px after it;
 * its text's box `textWidth` px wide when given (the compositor's long pill without text, whose ends it cuts to
 * any width; satori's boxes are content-box: the width leaves out the padding).
 */
export function pill(text: string, variant: PillVariant, textWidth?: number): CardElement {
  const t = PILL_TEXT[variant];
  const text_ = { color: t.color, fontSize: t.fontSize, fontWeight: 600, whiteSpace: 'nowrap' };
  if (variant === 'topic') {
    return el(
      'div',
      { display: 'flex', flexShrink: 0, alignItems: 'center', height: PILL_HEIGHT, padding: `0 ${t.left}px`, marginRight: PILL_GAP, borderRadius: 25, backgroundColor: t.background, ...text_, ...(textWidth ? { width: textWidth } : {}) },
      text,
    );
  }
  return el('div', { display: 'flex', flexShrink: 0, padding: 2, marginRight: PILL_GAP, borderRadius: 25, backgroundColor: RULE }, [
    el('div', { display: 'flex', alignItems: 'center', height: PILL_HEIGHT - 4, padding: `0 ${t.left - 2}px`, borderRadius: 23, backgroundColor: t.background, ...text_, ...(textWidth ? { width: textWidth } : {}) }, text),
  ]);
}

/**
 * A pill's text: its size and colours, and how far its text starts from the pill's left edge; a pill is as
 * wide as its text (in whole px: satori rounds a text's width up) and `2 * left` px.
 */
export const PILL_TEXT = {
  topic: { fontSize: 26, color: '#ffffff', background: ACCENT, left: 24 },
  tag: { fontSize: 24, color: '#3b4452', background: '#ffffff', left: 22 },
} as const;

/** The pills a paper card shows: topic pill then tag pills, dropping tags that would not fit on the one row. */
export function pillsShown(topic: string, tags: string[]): Array<{ text: string; variant: PillVariant }> {
  const pills: Array<{ text: string; variant: PillVariant }> = [];
  let used = 0;
  if (topic) {
    pills.push({ text: topic, variant: 'topic' });
    used += pillWidth(topic, PILL_TEXT.topic.fontSize, PILL_TEXT.topic.left) + PILL_GAP;
  }
  for (const tag of tags) {
    const w = pillWidth(tag, PILL_TEXT.tag.fontSize, PILL_TEXT.tag.left - 2) + PILL_GAP;
    if (used + w > CONTENT_WIDTH) continue;
    pills.push({ text: tag, variant: 'tag' });
    used += w;
  }
  return pills;
}

function pillRow(topic: string, tags: string[]): CardElement | undefined {
  const pills = pillsShown(topic, tags);
  if (pills.length === 0) return undefined;
  return el('div', { display: 'flex', flexDirection: 'row', flexWrap: 'nowrap', alignItems: 'center', width: CONTENT_WIDTH, marginTop: PILL_ROW_MARGIN_TOP }, pills.map((p) => pill(p.text, p.variant)));
}

/** The fields of a card that reach its pixels, cleaned and cut: the input of both the layout and the key. */
export interface NormalisedCard {
  kind: 'paper' | 'list';
  title: string;
  topic: string;
  tags: string[];
  subtitle: string;
  siteName: string;
}

export function normaliseCard(content: CardContent): NormalisedCard {
  const kind = content.kind === 'list' ? 'list' : 'paper';
  const siteName = truncate(cleanText(content.siteName), 48);
  const title = truncate(cleanText(content.title), TITLE_MAX_CHARS) || siteName || 'Untitled';
  if (kind === 'list') {
    return { kind, title, topic: '', tags: [], subtitle: truncate(cleanText(content.subtitle), 56), siteName };
  }
  const tags = (content.tags ?? [])
    .map((t) => truncate(cleanText(t), PILL_MAX_CHARS))
    .filter((t) => t.length > 0)
    .slice(0, MAX_TAGS);
  return { kind, title, topic: truncate(cleanText(content.topic), PILL_MAX_CHARS + 10), tags, subtitle: '', siteName };
}

/*
 * A card is drawn in two parts. The frame (accent bar, header with the site name, rule, footer) depends only
 * on the kind of card and the site name: it is drawn once per thread and reused. The body (title, then pills
 * or subtitle) is all that is drawn per card, in its own box: `BODY_BOX`, where the frame's flex layout puts
 * it (header and footer have fixed heights). Its position is whole pixels, so the body's glyphs land on the
 * same pixel grid as in one drawing of the whole card.
 */
const TOP_BAR = 10;
const PAD_TOP = 44;
const HEADER_HEIGHT = 40;
const RULE_HEIGHT = 2;
const FOOTER_HEIGHT = 64;

/** Where the body sits on the card, in pixels. */
export const BODY_BOX = {
  x: PAD_X,
  y: TOP_BAR + PAD_TOP + HEADER_HEIGHT,
  width: CONTENT_WIDTH,
  height: CARD_HEIGHT - (TOP_BAR + PAD_TOP + HEADER_HEIGHT) - RULE_HEIGHT - FOOTER_HEIGHT,
} as const;

function bodyBox(children: CardElement[]): CardElement {
  return el('div', { display: 'flex', flexDirection: 'column', justifyContent: 'center', flexGrow: 1, flexShrink: 1, minHeight: 0, paddingBottom: BODY_PADDING_BOTTOM }, children);
}

/** The title's text style at `size` px (no layout: the compositor draws single words with it). */
export function titleTextStyle(size: number): Record<string, string | number> {
  return { fontSize: size, fontWeight: 700, lineHeight: TITLE_LINE_HEIGHT, letterSpacing: `${TITLE_LETTER_SPACING}em`, color: TEXT };
}

/** The subtitle of a list card (one line, never wrapped). */
export function subtitleElement(text: string): CardElement {
  return el('div', { display: 'block', marginTop: SUBTITLE_MARGIN_TOP, fontSize: 34, fontWeight: 600, color: ACCENT, whiteSpace: 'nowrap' }, text);
}

function bodyChildren(card: NormalisedCard): CardElement[] {
  const fit = titleFit(card.title, card.kind);
  const title = el(
    'div',
    {
      display: 'block',
      width: CONTENT_WIDTH,
      ...titleTextStyle(fit.size),
      overflowWrap: 'anywhere',
      lineClamp: fit.lines,
      direction: textDirection(card.title),
      // Korean is written with spaces between words and, as browsers do for it, breaks only there.
      ...(/\p{Script=Hangul}/u.test(card.title) ? { wordBreak: 'keep-all' } : {}),
    },
    card.title,
  );

  const below: CardElement | undefined = card.kind === 'paper' ? pillRow(card.topic, card.tags) : card.subtitle ? subtitleElement(card.subtitle) : undefined;
  return below ? [title, below] : [title];
}

/** The card around the body, with `body` in the body's place (nothing: the frame alone). */
function frame(card: Pick<NormalisedCard, 'kind' | 'siteName'>, body: CardElement[]): CardElement {
  const header = el('div', { display: 'flex', flexDirection: 'row', alignItems: 'center', height: HEADER_HEIGHT }, [
    // A small mark: an accent tile with three "text lines", a nod to a shelf of papers.
    el('div', { display: 'flex', flexDirection: 'column', justifyContent: 'center', width: 36, height: 36, borderRadius: 8, backgroundColor: ACCENT, padding: '0 8px', marginRight: 16 }, [
      el('div', { display: 'flex', height: 4, borderRadius: 2, backgroundColor: '#ffffff', marginBottom: 4 }),
      el('div', { display: 'flex', height: 4, borderRadius: 2, backgroundColor: '#ffffff', marginBottom: 4 }),
      el('div', { display: 'flex', height: 4, width: 12, borderRadius: 2, backgroundColor: '#ffffff' }),
    ]),
    el('div', { display: 'block', fontSize: 28, fontWeight: 600, color: ACCENT, whiteSpace: 'nowrap' }, card.siteName),
  ]);


  const footer = el(
    'div',
    { display: 'flex', flexDirection: 'row', alignItems: 'center', justifyContent: 'space-between', height: FOOTER_HEIGHT, flexShrink: 0, fontSize: 22, fontWeight: 400, color: MUTED },
    [
      el('div', { display: 'flex' }, card.kind === 'paper' ? 'Paper · abstract, topic and related reading' : 'Reading list'),
      el('div', { display: 'flex', flexDirection: 'row' }, [
        el('div', { display: 'flex', width: 12, height: 12, borderRadius: 6, backgroundColor: ACCENT, marginLeft: 8 }),
        el('div', { display: 'flex', width: 12, height: 12, borderRadius: 6, backgroundColor: '#8aa0e3', marginLeft: 8 }),
        el('div', { display: 'flex', width: 12, height: 12, borderRadius: 6, backgroundColor: '#c9d3f2', marginLeft: 8 }),
      ]),
    ],
  );

  return el(
    'div',
    {
      display: 'flex',
      flexDirection: 'column',
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      backgroundColor: SOFT_BG,
      fontFamily: FONT_FAMILY,
      color: TEXT,
    },
    [
      el('div', { display: 'flex', height: TOP_BAR, flexShrink: 0, backgroundColor: ACCENT }),
      el('div', { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0, padding: `${PAD_TOP}px ${PAD_X}px 0 ${PAD_X}px` }, [
        header,
        bodyBox(body),
        el('div', { display: 'flex', height: RULE_HEIGHT, flexShrink: 0, backgroundColor: RULE }),
        footer,
      ]),
    ],
  );
}

/** The whole card as one satori element tree (what the frame and the body make together). */
export function cardTree(content: CardContent): CardElement {
  const card = normaliseCard(content);
  return frame(card, bodyChildren(card));
}

/** The card without its body: the part shared by every card of this kind and site name. */
export function frameTree(kind: NormalisedCard['kind'], siteName: string): CardElement {
  return frame({ kind, siteName }, []);
}

/**
 * The body alone, at its place on the card, on a canvas `BODY_CANVAS` high (the card down to the body's end).
 * Drawn at the same coordinates as in the whole card, its paths are the same to the last digit; the renderer
 * then draws `BODY_BOX` of it only.
 */
export function bodyTree(card: NormalisedCard): CardElement {
  return el('div', { display: 'flex', flexDirection: 'column', width: CARD_WIDTH, height: BODY_CANVAS, backgroundColor: SOFT_BG, fontFamily: FONT_FAMILY, color: TEXT }, [
    el('div', { display: 'flex', flexDirection: 'column', flexShrink: 0, marginLeft: BODY_BOX.x, marginTop: BODY_BOX.y, width: BODY_BOX.width, height: BODY_BOX.height }, [bodyBox(bodyChildren(card))]),
  ]);
}

/** The height of the canvas `bodyTree` is laid out on. */
export const BODY_CANVAS = BODY_BOX.y + BODY_BOX.height;
