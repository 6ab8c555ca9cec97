/**
 * How related one paper is to another: cosine similarity of their TF-IDF vectors, plus a bonus for
 * each rare tag they share and a small one for the same topic. One scorer serves the full run
 * (findRelated, related.ts) and the incremental one (incremental.ts), so the two cannot drift apart.
 * Each paper only queries and is only indexed by its strongest terms, and over-long posting lists
 * may keep only their strongest entries, so the work grows with the number of papers, not its square.
 */
import { topIndexes, type Vectors } from './vectors.ts';

/** Terms per paper that enter the index and the query. */
const TERMS_PER_PAPER = 16;
/** Longest posting list a full run keeps; a term shared by more papers keeps those where it weighs most. */
export const MAX_POSTINGS = 100;
const TAG_BONUS = 0.12;
const TOPIC_BONUS = 0.03;

/** Most papers a tag may be shared by and still earn a bonus, in a list of n papers. */
const maxTagDf = (n: number): number => Math.max(3, Math.min(MAX_POSTINGS, 0.05 * n));

/** The bonus of one tag shared by `df` of n papers: rarer tags say more (an idf scaled to 0–TAG_BONUS). */
const sharedTagBonus = (n: number, df: number): number => (TAG_BONUS * Math.log(n / df)) / Math.log(Math.max(n, 4));

/** Calls `share(other, amount)` once per term or tag paper d shares with `other`. */
type ShareVisitor = (other: number, amount: number) => void;

/**
 * Each paper's TERMS_PER_PAPER strongest terms and an inverted index over them. Posting lists are one
 * flat array, in paper order; a list over `maxPostings` keeps its strongest entries.
 */
export class StrongTermIndex {
  private readonly qStart: Int32Array;
  private readonly qTerms: Int32Array;
  private readonly qWeights: Float32Array;
  private readonly pStart: Int32Array;
  private readonly pEnd: Int32Array;
  private readonly pDocs: Int32Array;
  private readonly pWeights: Float32Array;

  constructor(vectors: Vectors, maxPostings: number) {
    const n = vectors.size;
    this.qStart = new Int32Array(n + 1);
    this.qTerms = new Int32Array(n * TERMS_PER_PAPER);
    this.qWeights = new Float32Array(n * TERMS_PER_PAPER);
    const listSize = new Int32Array(vectors.dims);
    let q = 0;
    for (let d = 0; d < n; d++) {
      const from = vectors.start[d]!;
      for (const i of topIndexes(vectors.weights.subarray(from, vectors.start[d + 1]!), TERMS_PER_PAPER, 1)) {
        this.qTerms[q] = vectors.ids[from + i]!;
        this.qWeights[q++] = vectors.weights[from + i]!;
        listSize[vectors.ids[from + i]!]!++;
      }
      this.qStart[d + 1] = q;
    }
    this.pStart = new Int32Array(vectors.dims + 1);
    for (let t = 0; t < vectors.dims; t++) this.pStart[t + 1] = this.pStart[t]! + listSize[t]!;
    this.pDocs = new Int32Array(q);
    this.pWeights = new Float32Array(q);
    this.fillPostings();
    this.pEnd = new Int32Array(vectors.dims);
    for (let t = 0; t < vectors.dims; t++) this.pEnd[t] = this.pStart[t]! + this.keepStrongest(t, maxPostings);
  }

  /** Every paper's entries in the posting lists of its strongest terms, in paper order. */
  private fillPostings(): void {
    const fill = this.pStart.slice(0, this.pStart.length - 1);
    for (let d = 0; d + 1 < this.qStart.length; d++) {
      for (let j = this.qStart[d]!; j < this.qStart[d + 1]!; j++) {
        const at = fill[this.qTerms[j]!]!++;
        this.pDocs[at] = d;
        this.pWeights[at] = this.qWeights[j]!;
      }
    }
  }

  /** Cuts term t's posting list to its `max` strongest entries (ties to the lower paper); returns its length. */
  private keepStrongest(t: number, max: number): number {
    const from = this.pStart[t]!;
    const size = this.pStart[t + 1]! - from;
    if (size <= max) return size;
    const list = Array.from({ length: size }, (_, j) => ({ doc: this.pDocs[from + j]!, w: this.pWeights[from + j]! }));
    list.sort((a, b) => b.w - a.w || a.doc - b.doc);
    list.length = max;
    list.forEach((x, j) => {
      this.pDocs[from + j] = x.doc;
      this.pWeights[from + j] = x.w;
    });
    return max;
  }

  /** Every other paper indexed under one of d's strongest terms, with the product of their weights, in d's term order. */
  forEachShare(d: number, share: ShareVisitor): void {
    for (let t = this.qStart[d]!; t < this.qStart[d + 1]!; t++) {
      const w = this.qWeights[t]!;
      const term = this.qTerms[t]!;
      for (let j = this.pStart[term]!, end = this.pEnd[term]!; j < end; j++) if (this.pDocs[j] !== d) share(this.pDocs[j]!, w * this.pWeights[j]!);
    }
  }

  /** Every other paper sharing a strong term with paper d, with its similarity (cosine over the strongest terms). */
  neighbours(d: number): Map<number, number> {
    const out = new Map<number, number>();
    this.forEachShare(d, (other, product) => out.set(other, (out.get(other) ?? 0) + product));
    return out;
  }

  /**
   * Calls share(product) for each strong term of paper a that b shares, in a's term order: the same
   * products as forEachShare(a) gives b, as long as no posting list holding b was cut.
   */
  forEachPairShare(a: number, b: number, share: (product: number) => void): void {
    for (let i = this.qStart[a]!; i < this.qStart[a + 1]!; i++) {
      for (let j = this.qStart[b]!; j < this.qStart[b + 1]!; j++) if (this.qTerms[i] === this.qTerms[j]) share(this.qWeights[i]! * this.qWeights[j]!);
    }
  }
}

/** The bonuses for each rare tag two papers share and for the same topic. */
export class TagTopicBonus {
  private readonly tagDocs = new Map<string, number[]>();
  private readonly dfLimit: number;
  private readonly tagKeys: readonly (readonly string[])[];
  private readonly topics: readonly string[];

  constructor(tagKeys: readonly (readonly string[])[], topics: readonly string[]) {
    this.tagKeys = tagKeys;
    this.topics = topics;
    tagKeys.forEach((keys, d) => {
      for (const k of keys) {
        const list = this.tagDocs.get(k);
        if (list) list.push(d);
        else this.tagDocs.set(k, [d]);
      }
    });
    this.dfLimit = maxTagDf(tagKeys.length);
  }

  /** Every other paper sharing one of d's tags that is rare enough to earn a bonus, with that bonus, in d's tag order. */
  forEachShare(d: number, share: ShareVisitor): void {
    const n = this.tagKeys.length;
    for (const k of this.tagKeys[d]!) {
      const docs = this.tagDocs.get(k)!;
      // Tags shared by few papers say more than tags half the list carries.
      if (docs.length > this.dfLimit) continue;
      const bonus = sharedTagBonus(n, docs.length);
      for (const other of docs) if (other !== d) share(other, bonus);
    }
  }

  /** The bonuses of the rare tags of paper a that b carries too, in a's tag order. */
  forEachPairShare(a: number, b: number, share: (bonus: number) => void): void {
    const n = this.tagKeys.length;
    for (const k of this.tagKeys[a]!) {
      if (!this.tagKeys[b]!.includes(k)) continue;
      const df = this.tagDocs.get(k)!.length;
      if (df <= this.dfLimit) share(sharedTagBonus(n, df));
    }
  }

  topic(a: number, b: number): number {
    return this.topics[a] === this.topics[b] ? TOPIC_BONUS : 0;
  }
}

/**
 * Related-paper scores: the similarity of two papers' strongest terms, plus the bonus of each rare tag
 * they share, plus the topic bonus, summed in that order. Sweeping (scores) and one pair at a time (pair)
 * add the same amounts in the same order, so both give a pair the same score to the last bit.
 */
export class RelatedScorer {
  private readonly terms: StrongTermIndex;
  private readonly bonus: TagTopicBonus;
  private readonly score: Float64Array;
  private readonly touched: number[] = [];

  constructor(terms: StrongTermIndex, bonus: TagTopicBonus, size: number) {
    this.terms = terms;
    this.bonus = bonus;
    this.score = new Float64Array(size);
  }

  /**
   * Calls offer(other, score) for every paper that shares a strong term or a rare tag with paper d,
   * once each, in the order they were first met.
   */
  scores(d: number, offer: (other: number, score: number) => void): void {
    const add = (other: number, amount: number) => {
      // A zero share (a tag every paper carries: log(n/df) = 0) would list the paper once per share.
      if (amount <= 0) return;
      if (this.score[other] === 0) this.touched.push(other);
      this.score[other]! += amount;
    };
    this.terms.forEachShare(d, add);
    this.bonus.forEachShare(d, add);
    for (const other of this.touched) {
      offer(other, this.score[other]! + this.bonus.topic(d, other));
      this.score[other] = 0;
    }
    this.touched.length = 0;
  }

  /**
   * The score scores(a) gives b, when no posting list holding b was cut; a paper sharing nothing with a
   * (one put in a list to fill it) scores the topic bonus alone.
   */
  pair(a: number, b: number): number {
    let s = 0;
    const add = (amount: number) => {
      if (amount > 0) s += amount;
    };
    this.terms.forEachPairShare(a, b, add);
    this.bonus.forEachPairShare(a, b, add);
    return s + this.bonus.topic(a, b);
  }
}
