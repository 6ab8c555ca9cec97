/**
 * Text similarity between papers through an inverted index of each paper's strongest terms: cosine of
 * TF-IDF vectors, restricted to those terms. Each paper only queries and is only indexed by its
 * strongest terms, and over-long posting lists keep their strongest entries, so the work grows with
 * the number of papers, not its square. Related papers and the tag pass both read it.
 */
import { topIndexes, type Vectors } from './vectors.ts';

/** Terms per paper that enter the index and the query. */
const TERMS_PER_PAPER = 16;
/** Longest posting list kept; a term shared by more papers keeps those where it weighs most. */
export const MAX_POSTINGS = 100;

export interface TermIndex {
  readonly size: number;
  /** Paper d's query terms are qTerms[qStart[d]] … qTerms[qStart[d + 1] − 1], with their weights. */
  readonly qStart: Int32Array;
  readonly qTerms: Int32Array;
  readonly qWeights: Float32Array;
  /** Term t's postings are pDocs[pStart[t]] … pDocs[pEnd[t] − 1], in paper order, with weights. */
  readonly pStart: Int32Array;
  readonly pEnd: Int32Array;
  readonly pDocs: Int32Array;
  readonly pWeights: Float32Array;
}

export function termIndex(vectors: Vectors): TermIndex {
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
  return { size: n, qStart, qTerms, qWeights, pStart, pEnd, pDocs, pWeights };
}

/**
 * Adds paper d's similarity to every other paper it shares an indexed term with into `score`, and
 * appends each paper first touched (score was 0) to `touched`.
 */
export function addSimilarities(index: TermIndex, d: number, score: Float64Array, touched: number[]): void {
  const { qStart, qTerms, qWeights, pStart, pEnd, pDocs, pWeights } = index;
  for (let t = qStart[d]!; t < qStart[d + 1]!; t++) {
    const w = qWeights[t]!;
    const term = qTerms[t]!;
    for (let j = pStart[term]!, end = pEnd[term]!; j < end; j++) {
      const other = pDocs[j]!;
      if (other === d) continue;
      if (score[other] === 0) touched.push(other);
      score[other]! += w * pWeights[j]!;
    }
  }
}

/** The k best (score, index) pairs; ties go to the lower index so results are stable. */
export class TopK {
  private readonly k: number;
  private readonly items: { i: number; s: number }[] = [];
  /** Position of the worst kept pair once k are kept: most offers lose to it and cost one comparison. */
  private worst = -1;
  constructor(k: number) {
    this.k = k;
  }
  offer(i: number, s: number): void {
    if (this.items.length < this.k) {
      this.items.push({ i, s });
      if (this.items.length === this.k) this.findWorst();
      return;
    }
    if (!worse(this.items[this.worst]!, { i, s })) return;
    this.items[this.worst] = { i, s };
    this.findWorst();
  }
  sorted(): { i: number; s: number }[] {
    return [...this.items].sort((a, b) => (worse(a, b) ? 1 : -1));
  }
  private findWorst(): void {
    let worst = 0;
    for (let j = 1; j < this.items.length; j++) if (worse(this.items[j]!, this.items[worst]!)) worst = j;
    this.worst = worst;
  }
}

function worse(a: { i: number; s: number }, b: { i: number; s: number }): boolean {
  return a.s < b.s || (a.s === b.s && a.i > b.i);
}

/** Each paper's k most similar papers by text alone, most similar first, with their similarities. */
export function textNeighbours(index: TermIndex, k: number): { ids: Int32Array; sims: Float32Array } {
  const n = index.size;
  const ids = new Int32Array(n * k).fill(-1);
  const sims = new Float32Array(n * k);
  const score = new Float64Array(n);
  const touched: number[] = [];
  for (let d = 0; d < n; d++) {
    addSimilarities(index, d, score, touched);
    const best = new TopK(k);
    for (const other of touched) {
      best.offer(other, score[other]!);
      score[other] = 0;
    }
    touched.length = 0;
    best.sorted().forEach((x, j) => {
      ids[d * k + j] = x.i;
      sims[d * k + j] = x.s;
    });
  }
  return { ids, sims };
}
