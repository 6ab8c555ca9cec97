/**
 * Related papers: text similarity through the term index (neighbours.ts), plus a bonus for each rare
 * tag two papers share and a small one for the same topic.
 */
import { addSimilarities, MAX_POSTINGS, TopK, type TermIndex } from './neighbours.ts';

const TAG_BONUS = 0.12;
const TOPIC_BONUS = 0.03;

export interface RelatedInput {
  readonly index: TermIndex;
  readonly tagKeys: readonly (readonly string[])[];
  readonly topics: readonly string[];
}

export function findRelated(input: RelatedInput, count: number): number[][] {
  const { index, tagKeys, topics } = input;
  const n = index.size;

  // Tags shared by few papers say more than tags half the list carries.
  const tagDocs = new Map<string, number[]>();
  tagKeys.forEach((keys, d) => {
    for (const k of keys) {
      const list = tagDocs.get(k);
      if (list) list.push(d);
      else tagDocs.set(k, [d]);
    }
  });
  const maxTagDf = Math.max(3, Math.min(MAX_POSTINGS, 0.05 * n));
  const logN = Math.log(Math.max(n, 4));

  const score = new Float64Array(n);
  const touched: number[] = [];
  const add = (doc: number, s: number) => {
    if (score[doc] === 0) touched.push(doc);
    score[doc]! += s;
  };
  const out: number[][] = [];
  for (let d = 0; d < n; d++) {
    addSimilarities(index, d, score, touched);
    for (const k of tagKeys[d]!) {
      const docs = tagDocs.get(k)!;
      if (docs.length > maxTagDf) continue;
      const bonus = (TAG_BONUS * Math.log(n / docs.length)) / logN;
      for (const other of docs) if (other !== d) add(other, bonus);
    }
    const best = new TopK(count);
    for (const other of touched) {
      const s = score[other]! + (topics[other] === topics[d] ? TOPIC_BONUS : 0);
      best.offer(other, s);
      score[other] = 0;
    }
    touched.length = 0;
    const picked = best.sorted().map((x) => x.i);
    // A paper with nothing in common with any other still gets neighbours: its topic first.
    if (picked.length < Math.min(count, n - 1)) {
      for (let step = 1; step < n && picked.length < count; step++) {
        const other = (d + step) % n;
        if (topics[other] === topics[d] && !picked.includes(other)) picked.push(other);
      }
      for (let step = 1; step < n && picked.length < count; step++) {
        const other = (d + step) % n;
        if (!picked.includes(other)) picked.push(other);
      }
    }
    out.push(picked);
  }
  return out;
}
