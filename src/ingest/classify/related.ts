/**
 * Related papers: cosine similarity of TF-IDF vectors through an inverted index, plus a bonus for
 * each rare tag two papers share and a small one for the same topic. Each paper only queries and
 * is only indexed by its strongest terms, and over-long posting lists keep their strongest
 * entries, so the work grows with the number of papers, not its square.
 */
import { topIndexes, type SparseVector } from './vectors.ts';

/** Terms per paper that enter the index and the query. */
const TERMS_PER_PAPER = 16;
/** Longest posting list kept; a term shared by more papers keeps those where it weighs most. */
const MAX_POSTINGS = 250;
const TAG_BONUS = 0.12;
const TOPIC_BONUS = 0.03;

export interface RelatedInput {
  readonly vectors: readonly SparseVector[];
  readonly tagKeys: readonly (readonly string[])[];
  readonly topics: readonly string[];
}

export function findRelated(input: RelatedInput, count: number): number[][] {
  const { vectors, tagKeys, topics } = input;
  const n = vectors.length;
  const lists = new Map<number, { doc: number; w: number }[]>();
  const queries = vectors.map((v, d) => {
    const top = topIndexes(v.weights, TERMS_PER_PAPER, 1);
    for (const i of top) {
      const list = lists.get(v.ids[i]!);
      if (list) list.push({ doc: d, w: v.weights[i]! });
      else lists.set(v.ids[i]!, [{ doc: d, w: v.weights[i]! }]);
    }
    return { terms: Int32Array.from(top, (i) => v.ids[i]!), weights: Float32Array.from(top, (i) => v.weights[i]!) };
  });
  const postings = new Map<number, { docs: Int32Array; w: Float32Array }>();
  for (const [term, list] of lists) {
    if (list.length > MAX_POSTINGS) {
      list.sort((a, b) => b.w - a.w || a.doc - b.doc);
      list.length = MAX_POSTINGS;
    }
    postings.set(term, { docs: Int32Array.from(list, (x) => x.doc), w: Float32Array.from(list, (x) => x.w) });
  }

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
    const q = queries[d]!;
    for (let t = 0; t < q.terms.length; t++) {
      const w = q.weights[t]!;
      const { docs, w: ws } = postings.get(q.terms[t]!)!;
      for (let j = 0; j < docs.length; j++) if (docs[j] !== d) add(docs[j]!, w * ws[j]!);
    }
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
    const picked = best.sorted();
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

function worse(a: { i: number; s: number }, b: { i: number; s: number }): boolean {
  return a.s < b.s || (a.s === b.s && a.i > b.i);
}
