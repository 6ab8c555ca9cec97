/**
 * Pills for the compositor without drawing each pill: a pill is a rounded box as wide as its text (in whole px)
 * plus its padding, and its text. Its box is cut from a long pill drawn once per kind (topic, tag) and
 * half-pixel phase: its left half from the long pill's left end, its right half from its right end (a pill's
 * position and width are whole pixels, so the ends are the same pixels at any width). Its text is glyphs, as
 * the title's (og-card-glyphs.ts), placed on the baseline satori gives a pill's text.
 */
import { pill, PILL_GAP, PILL_HEIGHT, PILL_TEXT, type PillVariant } from './og-card-layout.ts';
import { baselineOf, sprite, type Sprite } from './og-card-sprites.ts';
import type { Rasterise } from './og-card-png.ts';

/** The long pill's width: wider than any pill (a pill's text is cut to 40 characters, ≈ 600 px). */
const LONG = 1000;

/** A pill's width in px for text `textWidth` px wide (satori rounds a text's width up to a whole pixel). */
export function pillBoxWidth(variant: PillVariant, textWidth: number): number {
  return Math.ceil(textWidth) + 2 * PILL_TEXT[variant].left;
}

/** The box of a pill `width` px wide whose top is `phaseY` px below a whole pixel; undefined if it cannot be cut. */
export async function pillBox(variant: PillVariant, phaseY: number, width: number, rasterise: Rasterise): Promise<Sprite | undefined> {
  const long = await sprite(`pill ${variant} ${phaseY}`, pill('', variant, LONG - 2 * PILL_TEXT[variant].left), LONG + PILL_GAP, PILL_HEIGHT, rasterise, phaseY);
  if (!long || long.dx !== 0 || long.width !== LONG || width > LONG) return undefined;
  // Columns [0, half) from the left end, [half, width) from the right end: the long pill's [LONG − width + half, LONG).
  const half = width >> 1;
  const shift = LONG - width;
  const runs: number[] = [];
  const { runs: longRuns } = long;
  for (let k = 0; k < longRuns.length; k += 4) {
    const [row, c0, c1, colour] = [longRuns[k]!, longRuns[k + 1]!, longRuns[k + 2]!, longRuns[k + 3]!];
    if (c0 < half) runs.push(row, c0, Math.min(c1, half), colour);
    if (c1 > half + shift) runs.push(row, Math.max(c0, half + shift) - shift, c1 - shift, colour);
  }
  return { ...long, width, runs: Int16Array.from(runs), box: { width: width + PILL_GAP, height: long.box.height } };
}

/** Where a pill's text's baseline is, in px below the pill's top (which is `phaseY` px below a whole pixel). */
export function pillBaseline(variant: PillVariant, phaseY: number): Promise<number> {
  return baselineOf(`pill ${variant} ${phaseY}`, pill('H', variant), phaseY);
}
