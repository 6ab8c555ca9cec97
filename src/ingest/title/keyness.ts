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

/**
 * P(a content word is in the paper's real title | times the abstract uses it), for 1…6+ uses:
 * rounded from the 1 200 titled abstracts of tests/fixtures/real-dumps and the seed list, where
 * the four lists agree within a few points (1 use: 0.02–0.06, 2: 0.10–0.20, 3: 0.2–0.4, 4: 0.3–0.5,
 * 5: 0.45–0.6, 6+: 0.5–0.75). A word most abstracts of the list use (weight < 0.25) is in its
 * title about 0.6 times as often.
 */
const IN_TITLE_BY_COUNT = [0, 0.04, 0.14, 0.28, 0.4, 0.5, 0.62];
export const COMMON_WORD_WEIGHT = 0.25;
const COMMON_WORD_FACTOR = 0.6;

/** Chance that a word the abstract uses `count` times, of list weight `weight`, is in its real title. */
export function inTitleChance(count: number, weight: number): number {
  return IN_TITLE_BY_COUNT[Math.min(IN_TITLE_BY_COUNT.length - 1, count)]! * (weight < COMMON_WORD_WEIGHT ? COMMON_WORD_FACTOR : 1);
}

/**
 * Real-title words a candidate is expected to carry: the sum of inTitleChance over its distinct
 * stemmed words of three letters or more. Unlike `keyness`, it grows with every key word a longer
 * title adds, which is what a reader recognises a paper by.
 */
export function expectedTitleWords(title: string, counts: Map<string, number>, weight: WordWeight): number {
  let sum = 0;
  for (const w of new Set(title.toLowerCase().split(SPLIT))) if (w.length > 2) sum += inTitleChance(counts.get(stem(w)) ?? 0, weight(stem(w)));
  return sum;
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
