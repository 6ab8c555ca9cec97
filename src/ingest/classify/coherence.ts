/**
 * Topical coherence of a term: how alike the papers that use it are. A domain term ("apoptosis",
 * "malocclusion") is used by papers about one thing; a general academic noun ("efficacy",
 * "characterization", "participants") by papers about anything. SUBTLEX cannot tell the two apart
 * (both are rare in everyday English), the list's own papers can. The measure is the mean pairwise
 * cosine of the term's papers' TF-IDF vectors (cf. the document-coherence measures of term
 * dispersion), against the same mean over the whole list.
 */
import type { TermTable } from './termhood.ts';
import { selfDot, type Vectors } from './vectors.ts';

/**
 * Per term id: mean pairwise cosine of the papers containing it divided by the list's mean
 * pairwise cosine (1: as alike as any two papers of the list); NaN for terms not `wanted` or in
 * fewer than two papers. Cost: one pass over the vectors of the wanted terms' papers.
 */
export function termCoherence(vectors: Vectors, terms: TermTable, wanted: (t: number) => boolean): Float64Array {
  const out = new Float64Array(terms.count).fill(NaN);
  const papersOf = new Map<number, number[]>();
  for (let d = 0; d < terms.size; d++) {
    for (let i = terms.start[d]!; i < terms.start[d + 1]!; i++) {
      const t = terms.ids[i]!;
      if (terms.df[t]! < 2 || !wanted(t)) continue;
      const list = papersOf.get(t);
      if (list) list.push(d);
      else papersOf.set(t, [d]);
    }
  }
  const all = Array.from({ length: vectors.size }, (_, d) => d);
  const dense = new Float64Array(vectors.dims);
  const baseline = meanPairwise(vectors, all, dense);
  if (!(baseline > 0)) return out;
  for (const [t, ds] of papersOf) out[t] = meanPairwise(vectors, ds, dense) / baseline;
  return out;
}

/**
 * Mean cosine over the pairs of the given papers (unit vectors): (‖Σv‖² − Σ‖v‖²) / (k(k − 1)); NaN
 * for fewer than two. `dense` is scratch space of v.dims zeros, left zero.
 */
export function meanPairwise(v: Vectors, ds: readonly number[], dense = new Float64Array(v.dims)): number {
  if (ds.length < 2) return NaN;
  let self = 0;
  for (const d of ds) {
    self += selfDot(v, d);
    for (let i = v.start[d]!, end = v.start[d + 1]!; i < end; i++) dense[v.ids[i]!]! += v.weights[i]!;
  }
  let sum = 0;
  for (const d of ds) {
    for (let i = v.start[d]!, end = v.start[d + 1]!; i < end; i++) {
      const f = v.ids[i]!;
      sum += dense[f]! * dense[f]!;
      dense[f] = 0;
    }
  }
  return (sum - self) / (ds.length * (ds.length - 1));
}
