/**
 * Related papers of a whole list: each paper's `count` best-scoring others (related-score.ts), filled up
 * from its topic when it shares too little with the rest.
 */
import { MAX_POSTINGS, RelatedScorer, StrongTermIndex, TagTopicBonus } from './related-score.ts';
import type { Vectors } from './vectors.ts';

export interface RelatedInput {
  readonly vectors: Vectors;
  readonly tagKeys: readonly (readonly string[])[];
  readonly topics: readonly string[];
}

/** Up to `count` related papers (indexes) per paper, best first; ties go to the lower index. */
export function findRelated(input: RelatedInput, count: number): number[][] {
  const { vectors, tagKeys, topics } = input;
  const scorer = new RelatedScorer(new StrongTermIndex(vectors, MAX_POSTINGS), new TagTopicBonus(tagKeys, topics), vectors.size);
  const out: number[][] = [];
  for (let d = 0; d < vectors.size; d++) {
    const best = new TopK(count);
    scorer.scores(d, (other, s) => best.offer(other, s));
    const picked = best.sorted();
    fillFromTopic(picked, d, topics, count);
    out.push(picked);
  }
  return out;
}

/**
 * A paper with too few neighbours (nothing in common with the others) still gets `count`: papers of its
 * topic first, then any, in list order after it. Appends to `picked` in place.
 */
export function fillFromTopic(picked: number[], d: number, topics: readonly string[], count: number): void {
  const n = topics.length;
  for (const sameTopic of [true, false]) {
    for (let step = 1; step < n && picked.length < count; step++) {
      const other = (d + step) % n;
      if ((!sameTopic || topics[other] === topics[d]) && !picked.includes(other)) picked.push(other);
    }
  }
}

/** The k best (score, index) pairs; ties go to the lower index so results are stable. */
class TopK {
  private readonly k: number;
  private readonly items: { i: number; s: number }[] = [];
  constructor(k: number) {
    this.k = k;
  }
  offer(i: number, s: number): void {
    if (this.items.length < this.k) {
      this.items.push({ i, s });
      return;
    }
    let worst = 0;
    for (let j = 1; j < this.items.length; j++) if (worse(this.items[j]!, this.items[worst]!)) worst = j;
    if (worse(this.items[worst]!, { i, s })) this.items[worst] = { i, s };
  }
  sorted(): number[] {
    return [...this.items].sort((a, b) => (worse(a, b) ? 1 : -1)).map((x) => x.i);
  }
}

/** Whether offer a ranks below b: a lower score, or the same score and a higher index. */
export function worse(a: { i: number; s: number }, b: { i: number; s: number }): boolean {
  return a.s < b.s || (a.s === b.s && a.i > b.i);
}
