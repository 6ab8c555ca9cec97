/**
 * Related papers: cosine similarity of TF-IDF vectors through an inverted index, plus a bonus for
 * each rare tag two papers share and a small one for the same topic. Each paper only queries and
 * is only indexed by its strongest terms, and over-long posting lists keep their strongest
 * entries, so the work grows with the number of papers, not its square.
 */
import { topIndexes, type Vectors } from './vectors.ts';

/** Terms per paper that enter the index and the query. */
export const TERMS_PER_PAPER = 16;
/** Longest posting list kept; a term shared by more papers keeps those where it weighs most. */
export const MAX_POSTINGS = 100;
export const TAG_BONUS = 0.12;
export const TOPIC_BONUS = 0.03;

/** Most papers a tag may be shared by and still earn a bonus, in a list of n papers. */
export const maxTagDf = (n: number): number => Math.max(3, Math.min(MAX_POSTINGS, 0.05 * n));

/** The bonus of one tag shared by `df` of n papers: rarer tags say more (an idf scaled to 0–TAG_BONUS). */
export const sharedTagBonus = (n: number, df: number): number => (TAG_BONUS * Math.log(n / df)) / Math.log(Math.max(n, 4));

export interface RelatedInput {
  readonly vectors: Vectors;
  readonly tagKeys: readonly (readonly string[])[];
  readonly topics: readonly string[];
}

export function findRelated(input: RelatedInput, count: number): number[][] {
  const { vectors, tagKeys, topics } = input;
  const n = vectors.size;
  // Each paper's strongest terms: they form its query and its entries in the index.
  const qStart = new Int32Array(n + 1);
  const qTerms = new Int32Array(n * TERMS_PER_PAPER);
  const qWeights = new Float32Array(n * TERMS_PER_PAPER);
  const listSize = new Int32Array(vectors.dims);
  let q = 0;
  for (let d = 0; d < n; d++) {
    const from = vectors.start[d]!;
    const top = topIndexes(vectors.weights.subarray(from, vectors.start[d + 1]!), TERMS_PER_PAPER, 1);
    for (const i of top) {
      qTerms[q] = vectors.ids[from + i]!;
      qWeights[q++] = vectors.weights[from + i]!;
      listSize[vectors.ids[from + i]!]!++;
    }
    qStart[d + 1] = q;
  }
  // Posting lists in one flat array, in paper order; over-long lists keep their strongest entries.
  const pStart = new Int32Array(vectors.dims + 1);
  for (let t = 0; t < vectors.dims; t++) pStart[t + 1] = pStart[t]! + listSize[t]!;
  const fill = pStart.slice(0, vectors.dims);
  const pDocs = new Int32Array(q);
  const pWeights = new Float32Array(q);
  for (let d = 0; d < n; d++) {
    for (let j = qStart[d]!; j < qStart[d + 1]!; j++) {
      const at = fill[qTerms[j]!]!++;
      pDocs[at] = d;
      pWeights[at] = qWeights[j]!;
    }
  }
  const pEnd = new Int32Array(vectors.dims);
  for (let t = 0; t < vectors.dims; t++) {
    const size = listSize[t]!;
    pEnd[t] = pStart[t]! + Math.min(size, MAX_POSTINGS);
    if (size <= MAX_POSTINGS) continue;
    const list = Array.from({ length: size }, (_, j) => ({ doc: pDocs[pStart[t]! + j]!, w: pWeights[pStart[t]! + j]! }));
    list.sort((a, b) => b.w - a.w || a.doc - b.doc);
    list.length = MAX_POSTINGS;
    list.forEach((x, j) => {
      pDocs[pStart[t]! + j] = x.doc;
      pWeights[pStart[t]! + j] = x.w;
    });
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
  const dfLimit = maxTagDf(n);

  const score = new Float64Array(n);
  const touched: number[] = [];
  const add = (doc: number, s: number) => {
    // A zero share (a tag every paper carries: log(n/df) = 0) would list the paper once per share.
    if (s <= 0) return;
    if (score[doc] === 0) touched.push(doc);
    score[doc]! += s;
  };
  const out: number[][] = [];
  for (let d = 0; d < n; d++) {
    for (let t = qStart[d]!; t < qStart[d + 1]!; t++) {
      const w = qWeights[t]!;
      const term = qTerms[t]!;
      for (let j = pStart[term]!, end = pEnd[term]!; j < end; j++) if (pDocs[j] !== d) add(pDocs[j]!, w * pWeights[j]!);
    }
    for (const k of tagKeys[d]!) {
      const docs = tagDocs.get(k)!;
      if (docs.length > dfLimit) continue;
      const bonus = sharedTagBonus(n, docs.length);
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
