/**
 * Sparse TF-IDF vectors of papers over words and two-word phrases, and spherical k-means on them.
 * Written here rather than imported: the npm k-means packages take dense arrays (a 50k × 100k matrix
 * would not fit), and this is a few dozen lines over the interned phrase ids we already have.
 */
import type { Corpus } from './corpus.ts';

export interface SparseVector {
  readonly ids: Int32Array;
  readonly weights: Float32Array;
}

/** L2-normalized TF-IDF of each paper; title words count double. */
export function paperVectors(corpus: Corpus, stopped: Uint8Array): SparseVector[] {
  const n = corpus.size;
  const maxDf = Math.max(2, 0.5 * n);
  return corpus.docs.map((doc) => {
    const ids: number[] = [];
    const weights: number[] = [];
    let norm = 0;
    for (let i = 0; i < doc.ids.length; i++) {
      const p = doc.ids[i]!;
      const df = corpus.df[p]!;
      if (corpus.words[p]! > 2 || df < 2 || df > maxDf || stopped[p]) continue;
      const tf = doc.body[i]! + 2 * doc.title[i]!;
      const w = (1 + Math.log(tf)) * Math.log(n / df) * (corpus.words[p] === 2 ? 1.5 : 1);
      ids.push(p);
      weights.push(w);
      norm += w * w;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    const out = new Float32Array(weights.length);
    for (let i = 0; i < weights.length; i++) out[i] = weights[i]! * scale;
    return { ids: Int32Array.from(ids), weights: out };
  });
}

/**
 * Indexes of the `k` largest values, largest first, ties to the lower index. Packs value and index
 * into one number so the native typed-array sort does the work (no comparator calls).
 */
export function topIndexes(values: ArrayLike<number>, k: number, max: number): number[] {
  const n = values.length;
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = Math.round((1 - Math.min(values[i]! / max, 1)) * 2 ** 30) * 2 ** 20 + i;
  packed.sort();
  const out: number[] = [];
  for (let i = 0; i < Math.min(k, n); i++) out.push(packed[i]! % 2 ** 20);
  return out;
}

export function dot(v: SparseVector, dense: Float32Array | Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.ids.length; i++) s += v.weights[i]! * dense[v.ids[i]!]!;
  return s;
}

/** Normalized sum of the given vectors, as a dense array over phrase ids. */
export function centroid(vectors: readonly SparseVector[], members: Iterable<number>, dims: number): Float64Array {
  const c = new Float64Array(dims);
  for (const m of members) {
    const v = vectors[m]!;
    for (let i = 0; i < v.ids.length; i++) c[v.ids[i]!]! += v.weights[i]!;
  }
  let norm = 0;
  for (let i = 0; i < dims; i++) norm += c[i]! * c[i]!;
  if (norm > 0) {
    const s = 1 / Math.sqrt(norm);
    for (let i = 0; i < dims; i++) c[i]! *= s;
  }
  return c;
}

/** Small deterministic PRNG (mulberry32) so clustering is repeatable. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Spherical k-means of the papers `members` into k groups (k-means++ start, fixed seed). Returns
 * a group number per member, in the order given.
 */
export function kmeans(vectors: readonly SparseVector[], members: readonly number[], k: number, dims: number, seed = 7): number[] {
  const m = members.length;
  if (k <= 1 || m <= k) return members.map((_, i) => (k <= 1 ? 0 : i));
  const random = seededRandom(seed);
  // k-means++ seeding on cosine distance.
  const centers: Float64Array[] = [];
  const first = members[Math.floor(random() * m)]!;
  centers.push(centroid(vectors, [first], dims));
  const best = new Float64Array(m).fill(-Infinity);
  while (centers.length < k) {
    const c = centers[centers.length - 1]!;
    let total = 0;
    for (let i = 0; i < m; i++) {
      best[i] = Math.max(best[i]!, dot(vectors[members[i]!]!, c));
      total += Math.max(0, 1 - best[i]!) ** 2;
    }
    let r = random() * total;
    let pick = m - 1;
    for (let i = 0; i < m; i++) {
      r -= Math.max(0, 1 - best[i]!) ** 2;
      if (r <= 0) {
        pick = i;
        break;
      }
    }
    centers.push(centroid(vectors, [members[pick]!], dims));
  }
  let assign = new Array<number>(m).fill(-1);
  for (let iter = 0; iter < 25; iter++) {
    const next = members.map((d) => {
      let arg = 0;
      let top = -Infinity;
      for (let c = 0; c < k; c++) {
        const s = dot(vectors[d]!, centers[c]!);
        if (s > top) {
          top = s;
          arg = c;
        }
      }
      return arg;
    });
    const changed = next.some((a, i) => a !== assign[i]);
    assign = next;
    if (!changed) break;
    for (let c = 0; c < k; c++) {
      const own = members.filter((_, i) => assign[i] === c);
      if (own.length) centers[c] = centroid(vectors, own, dims);
    }
  }
  return assign;
}
