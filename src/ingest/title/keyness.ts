/**
 * How much of an abstract's recurring vocabulary a candidate title carries: a word the abstract
 * repeats is one it is about. Within a list, a word most abstracts use ("model", "language")
 * says less about any one paper, so each word is weighted by its inverse document frequency.
 */

/** Per content word of a candidate that recurs in the abstract (up to KEY_CAP extra times). */
const KEY_WEIGHT = 0.4;
const KEY_CAP = 3;
/** Below this many abstracts a list's document frequencies say nothing; every word weighs 1. */
const IDF_MIN_LIST = 20;

/** A word's weight (1 for a word of average rarity). */
export type WordWeight = (stemmed: string) => number;

const SPLIT = /[\s,.;:()"'“”?!/[\]-]+/;
export const stem = (w: string) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);

/** Stemmed words of three letters or more, with their counts. */
export function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of text.toLowerCase().split(SPLIT)) if (w.length > 2) counts.set(stem(w), (counts.get(stem(w)) ?? 0) + 1);
  return counts;
}

/** Score of `title` against the abstract's word counts. */
export function keyness(title: string, counts: Map<string, number>, weight: WordWeight = () => 1): number {
  let score = 0;
  for (const w of new Set(title.toLowerCase().split(SPLIT))) {
    if (w.length > 2) score += KEY_WEIGHT * weight(stem(w)) * Math.min(KEY_CAP, (counts.get(stem(w)) ?? 1) - 1);
  }
  return score;
}

/**
 * Inverse document frequency over a list, scaled so that a word in one abstract in ten weighs 1:
 * log(N / df) / log(10), capped at 2. Lists under IDF_MIN_LIST abstracts weigh every word 1.
 * Returns the weights and each abstract's word counts (computed once for both).
 */
export function listWeights(abstracts: readonly string[]): { weight: WordWeight; counts: Array<Map<string, number>> } {
  const counts = abstracts.map(wordCounts);
  if (abstracts.length < IDF_MIN_LIST) return { weight: () => 1, counts };
  const df = new Map<string, number>();
  for (const c of counts) for (const w of c.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const n = abstracts.length;
  return { weight: (w) => Math.min(2, Math.log(n / (df.get(w) ?? 1)) / Math.log(10)), counts };
}
