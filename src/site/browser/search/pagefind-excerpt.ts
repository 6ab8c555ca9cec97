/**
 * A served result's excerpt, cut before the words Pagefind indexes after a paper's title and abstract
 * (topic, tags, lemmas: src/publish/search-document.ts `tailText`), which are there to be found, not read
 * (a reader saw "…Ice Shelf, Amundsen Sea, variability, ice shelf."). Pagefind picks its excerpt's window
 * over the whole content, so a match in those words pulls it there; here the window is picked as Pagefind
 * picks it (its `calculate_excerpt_region` and `build_excerpt`, pagefind_web_js 1.6), from the matches
 * among the first `end` words alone. Written here because Pagefind exports neither function, and its
 * region takes no end (its `build_excerpt` does: `not_from`, for sub-results).
 */
import type { ExcerptPiece } from './backend.ts';

/** A match's word position in the content and its score, as Pagefind's result data gives them (`weighted_locations`). */
export interface WeightedLocation {
  location: number;
  balanced_score: number;
}

/** Pagefind's word separator for content (`word_separators`): whitespace but the byte-order mark. */
const WORD_SEPARATORS = /[^\S\uFEFF]+/;

/**
 * Where an excerpt of `length` words starts: the window holding the most match score (each word's
 * `balanced_score` summed), and of a run of equally dense windows the middle one, as Pagefind's
 * `calculate_excerpt_region` picks it.
 */
function excerptStart(matches: readonly WeightedLocation[], length: number): number {
  const scores: number[] = [];
  for (const m of matches) scores[m.location] = (scores[m.location] ?? 0) + m.balanced_score;
  if (scores.length <= length) return 0;
  let densest = 0;
  for (let i = 0; i < length; i++) densest += scores[i] ?? 0;
  let sum = densest;
  let densestAt = [0];
  for (let i = 0; i < scores.length; i++) {
    sum += (scores[i + length] ?? 0) - (scores[i] ?? 0);
    if (sum > densest) {
      densest = sum;
      densestAt = [i];
    } else if (sum === densest && densestAt[densestAt.length - 1] === i - 1) densestAt.push(i);
  }
  return densestAt[Math.floor(densestAt.length / 2)]!;
}

/**
 * The excerpt of `content` (a result's plain text, words as Pagefind counts them) within its first `end`
 * words: `length` words (Pagefind's default 30) around the densest matches before `end`, each word at a
 * position of `locations` marked. Pieces are plain text, never HTML.
 */
export function excerptBefore(content: string, weighted: readonly WeightedLocation[], locations: readonly number[], end: number, length = 30): ExcerptPiece[] {
  const words = content.split(WORD_SEPARATORS).slice(0, end);
  const size = Math.min(length, words.length);
  const start = Math.max(0, Math.min(excerptStart(weighted.filter((m) => m.location < words.length), size), words.length - size));
  const marked = new Set(locations);
  const pieces: ExcerptPiece[] = [];
  const push = (text: string, mark: boolean) => {
    const last = pieces[pieces.length - 1];
    if (last && !last.mark && !mark) last.text += text;
    else pieces.push({ text, mark });
  };
  for (let i = start; i < start + size; i++) {
    if (i > start) push(' ', false);
    if (words[i]) push(words[i]!, marked.has(i));
  }
  return pieces;
}
