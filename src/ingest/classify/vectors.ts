/**
 * Sparse TF-IDF vectors of papers over words and two-word phrases, and spherical k-means on them.
 * Written here rather than imported: the npm k-means packages take dense arrays (a 50k × 100k matrix
 * would not fit), and this is a few dozen lines over the interned phrase ids we already have.
 *
 * Weights measured in session 8 and not changed. Steered figures (the vectors used throughout
 * topics.ts; from gold-80 0.754/0.683 (held-out 0.778/0.589), gold-cross biomedicine 0.544/0.547,
 * NLP 0.567/0.517): title counts 3/4/6 times (now 2): gold-80 0.723/0.693, 0.727/0.696 (held-out
 * 0.716/0.597 at both), 0.727/0.696 with NLP 0.526/0.477; two-word phrases' idf times 2 / 1 (now
 * 1.5): gold-80 0.676/0.639, 0.723/0.693, NLP 0.528/0.495, 0.541/0.471, and at 1 the list no longer
 * splits into its fields the same way (biomedicine 0.206/0.223); idf times (1 + log10(1 + f))^-a,
 * f the SUBTLEX-US frequency per million of the phrase's least everyday word (everyday words weigh
 * less), a 0.5/1/2: gold-80 0.679/0.652, 0.666/0.639, 0.666/0.639, NLP 0.525/0.491, 0.464/0.421,
 * 0.377/0.342. With an empty taxonomy (discovered topics only; from gold-80 0.280/0.231, held-out
 * 0.349/0.273; biomedicine 0.350/0.354, held-out 0.200/0.209; NLP 0.313/0.267, held-out
 * 0.078/0.079) the same changes swing ARI by ±0.1 in both directions (title 3: gold-80 held-out
 * 0.519/0.432 but biomedicine held-out 0.159/0.167; everyday a 1: biomedicine held-out 0.262/0.295
 * but NLP 0.163/0.114), while same-topic retrieval (mean average precision, each gold paper ranking
 * the others of its field by cosine of these vectors with WordNet, vs A, tune/held-out) barely
 * moves: gold-80 0.380/0.410, biomedicine 0.504/0.384, NLP 0.479/0.393; title 3 0.387/0.420,
 * 0.500/0.385, 0.483/0.383; bigram 1 0.378/0.391, 0.500/0.388, 0.499/0.408; everyday a 1
 * 0.334/0.346, 0.471/0.398, 0.408/0.330. The ARI swings are the clustering's sensitivity to small
 * changes, not a better representation.
 *
 * Session 9, not kept (from gold-80 0.754/0.683 (held-out 0.778/0.589), biomedicine 0.544/0.547
 * (0.453/0.466), NLP 0.567/0.517 (0.614/0.463)), these vectors replaced for the topics only:
 * - BM25 term weights (tf·(k1+1)/(tf + k1·(1 − b + b·len/avglen)) times the idf, then L2): k1 1.2, b
 *   0.75: gold-80 0.730/0.659 (held-out 0.716/0.548, tune 0.842/0.838), NLP 0.570/0.507 (held-out
 *   0.579/0.353, tune 0.620/0.575), biomedicine unchanged; b 0 and 0.3 the same (length is
 *   normalized away by L2), k1 2 and k1 0.8/b 0.5 no better on the held-out halves.
 * - LSA (truncated SVD of the list's TF-IDF matrix; r = 0.1/0.2/0.3 × papers): gold-80
 *   0.613/0.611, 0.613/0.573, 0.640/0.607; biomedicine 0.334/0.339, 0.513/0.516, 0.515/0.543; NLP
 *   0.285/0.230, 0.459/0.417, 0.471/0.418; concatenated with the TF-IDF vector at equal weight:
 *   gold-80 0.630-0.635, NLP 0.459-0.483: below TF-IDF everywhere.
 * - The list's own terms (the term extractor's noun-phrase candidates in 2 to half the papers,
 *   TF-IDF) mixed in at weight α (both parts L2-normalized), the fields still split on these
 *   vectors: α 0.3/0.5/0.7 gold-80 0.723/0.693 (held-out 0.716/0.597), 0.722/0.691, 0.737/0.712
 *   (held-out 0.758/0.638); NLP 0.562/0.520 (held-out 0.558/0.414), the same, 0.472/0.432;
 *   biomedicine 0.544/0.547 at 0.3, 0.515/0.543 (held-out 0.445/0.457) at 0.5-0.7 (mixed into the
 *   field split too it fails: 0.206/0.223). Terms of two or more words only, or of rare words only
 *   (Zipf ≤ 4): lower everywhere.
 * Session 12, not kept: three-word phrases as features too (MeSH-like terms: "non-small cell lung
 * cancer"), idf times 1.5 / 2: gold-80 0.688/0.656 (held-out 0.710/0.588), 0.668/0.630
 * (0.686/0.538), NLP unchanged / 0.573/0.564 (held-out 0.437/0.302), biomedicine unchanged; with an
 * empty taxonomy (1.5) gold-80 0.369/0.343 (held-out 0.470/0.444) but biomedicine held-out
 * 0.143/0.174 and NLP 0.068/0.080.
 * Session 13, not kept: idf times (1 + β·RIDF), RIDF the residual IDF of Church & Gale (1995), ln of
 * the document frequency a Poisson model of the phrase's list-wide count predicts over the observed
 * one, floored at 0 (a subject term recurs within the papers that use it; an incidental word
 * does not). β 1 / 0.25: gold-80 0.679/0.647 (held-out 0.695/0.571), 0.687/0.655 (0.704/0.579); NLP
 * 0.544/0.544 (held-out 0.496/0.353) / unchanged; biomedicine unchanged (labelled by evidence). With
 * an empty taxonomy: gold-80 0.292/0.254, 0.349/0.297 (held-out 0.373/0.258, 0.427/0.327),
 * biomedicine 0.147/0.181, 0.300/0.320 (held-out 0.069/0.110, 0.146/0.172), NLP 0.232/0.240,
 * 0.220/0.197 (held-out 0.163/0.162, 0.167/0.159): lower nearly everywhere.
 */
import type { PhraseCounts } from './corpus.ts';

/**
 * All papers' vectors in flat arrays: paper d's entries are start[d] … start[d + 1] − 1. Features are
 * numbered densely (only phrases that can carry weight get a number), so a dense centroid has
 * `dims` entries rather than one per phrase of the corpus.
 */
export interface Vectors {
  readonly size: number;
  readonly dims: number;
  readonly start: Int32Array;
  /** Feature of each entry, ascending within a paper. */
  readonly ids: Int32Array;
  /** L2-normalized weight of each entry. */
  readonly weights: Float32Array;
  /** Phrase id of each feature. */
  readonly phraseOf: Int32Array;
}

/** L2-normalized TF-IDF of each paper; title words count double. */
export function paperVectors(corpus: PhraseCounts): Vectors {
  const n = corpus.size;
  const maxDf = Math.max(2, 0.5 * n);
  const feature = new Int32Array(corpus.count).fill(-1);
  const idf = new Float64Array(corpus.count);
  const phraseOf: number[] = [];
  for (let p = 0; p < corpus.count; p++) {
    const df = corpus.df[p]!;
    if (corpus.words[p]! > 2 || df < 2 || df > maxDf) continue;
    feature[p] = phraseOf.length;
    phraseOf.push(p);
    idf[p] = Math.log(n / df) * (corpus.words[p] === 2 ? 1.5 : 1);
  }
  const start = new Int32Array(n + 1);
  let ids = new Int32Array(corpus.ids.length >> 1);
  let weights = new Float32Array(corpus.ids.length >> 1);
  let at = 0;
  let raw = new Float64Array(256);
  for (let d = 0; d < n; d++) {
    const from = at;
    let norm = 0;
    for (let i = corpus.start[d]!; i < corpus.start[d + 1]!; i++) {
      const p = corpus.ids[i]!;
      const f = feature[p]!;
      if (f < 0) continue;
      const tf = corpus.body[i]! + 2 * corpus.title[i]!;
      const w = (1 + Math.log(tf)) * idf[p]!;
      if (at === ids.length) {
        const ids2 = new Int32Array(ids.length * 2);
        ids2.set(ids);
        ids = ids2;
        const w2 = new Float32Array(weights.length * 2);
        w2.set(weights);
        weights = w2;
      }
      if (at - from === raw.length) {
        const r2 = new Float64Array(raw.length * 2);
        r2.set(raw);
        raw = r2;
      }
      ids[at] = f;
      raw[at++ - from] = w;
      norm += w * w;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let i = from; i < at; i++) weights[i] = raw[i - from]! * scale;
    start[d + 1] = at;
  }
  return { size: n, dims: phraseOf.length, start, ids: ids.slice(0, at), weights: weights.slice(0, at), phraseOf: Int32Array.from(phraseOf) };
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

/** Dot product of paper d's vector with a dense vector over features. */
export function dot(v: Vectors, d: number, dense: Float32Array | Float64Array): number {
  const { ids, weights } = v;
  let s = 0;
  for (let i = v.start[d]!, end = v.start[d + 1]!; i < end; i++) s += weights[i]! * dense[ids[i]!]!;
  return s;
}

/** Squared length of paper d's vector (1, or 0 for an empty one, up to rounding). */
export function selfDot(v: Vectors, d: number): number {
  let s = 0;
  for (let i = v.start[d]!, end = v.start[d + 1]!; i < end; i++) s += v.weights[i]! * v.weights[i]!;
  return s;
}

/** Adds paper d's vector, times `scale`, into a dense vector. */
export function addInto(v: Vectors, d: number, dense: Float64Array, scale = 1): void {
  const { ids, weights } = v;
  for (let i = v.start[d]!, end = v.start[d + 1]!; i < end; i++) dense[ids[i]!]! += scale * weights[i]!;
}

/** Normalized sum of the given vectors, as a dense array over features. */
export function centroid(v: Vectors, members: Iterable<number>): Float64Array {
  const c = new Float64Array(v.dims);
  for (const m of members) addInto(v, m, c);
  return normalize(c);
}

/** Scales a dense vector to unit length in place (a zero vector stays zero). */
function normalize(c: Float64Array): Float64Array {
  let norm = 0;
  for (let i = 0; i < c.length; i++) norm += c[i]! * c[i]!;
  if (norm > 0) {
    const s = 1 / Math.sqrt(norm);
    for (let i = 0; i < c.length; i++) c[i]! *= s;
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
 * a group number per member, in the order given. Centers are dense: keeping each center's support
 * (its features, sorted) to normalize and clear only those cost more than the dense passes (10k cold
 * ingest profile, session 10: kmeans 0.63 s -> 1.17 s with the support lists).
 */
export function kmeans(v: Vectors, members: readonly number[], k: number, seed = 7, iterations = 25): number[] {
  const m = members.length;
  if (k <= 1 || m <= k) return members.map((_, i) => (k <= 1 ? 0 : i));
  const random = seededRandom(seed);
  // k-means++ seeding on cosine distance.
  const centers: Float64Array[] = [];
  const first = members[Math.floor(random() * m)]!;
  centers.push(centroid(v, [first]));
  const best = new Float64Array(m).fill(-Infinity);
  while (centers.length < k) {
    const c = centers[centers.length - 1]!;
    let total = 0;
    for (let i = 0; i < m; i++) {
      best[i] = Math.max(best[i]!, dot(v, members[i]!, c));
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
    centers.push(centroid(v, [members[pick]!]));
  }
  let assign = new Array<number>(m).fill(-1);
  const sizes = new Int32Array(k);
  for (let iter = 0; iter < iterations; iter++) {
    const next = members.map((d) => {
      let arg = 0;
      let top = -Infinity;
      for (let c = 0; c < k; c++) {
        const s = dot(v, d, centers[c]!);
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
    // New centers in place, in one pass over the members: a fresh dense array per center and
    // iteration (each as long as the vocabulary) kept the collector busier than the arithmetic.
    // An empty group keeps its center.
    sizes.fill(0);
    for (const c of assign) sizes[c]!++;
    for (let c = 0; c < k; c++) if (sizes[c]) centers[c]!.fill(0);
    for (let i = 0; i < m; i++) addInto(v, members[i]!, centers[assign[i]!]!);
    for (let c = 0; c < k; c++) if (sizes[c]) normalize(centers[c]!);
  }
  return assign;
}

