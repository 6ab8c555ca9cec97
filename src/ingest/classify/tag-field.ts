/**
 * Which papers of a list belong to the taxonomy's field. The shipped taxonomy is written for machine
 * learning; its tags ("recommender systems", "medical imaging", "calibration") are also ordinary
 * phrases of other sciences, so a MEDLINE or astrophysics paper that writes one must not get it.
 *
 * Method: a nearest-centroid classifier with two classes seeded from the taxonomy itself. Papers
 * that write at least FIELD_PHRASES distinct multi-word taxonomy phrases (tag names, aliases,
 * implied-by evidence) are the field's core; papers that write none are the rest of the list. Each
 * paper belongs to the field when its TF-IDF vector is closer to the core's centroid than to the
 * rest's, so an ML paper with little taxonomy vocabulary still belongs (its words are the field's),
 * and a clinical paper that happens to write "medical imaging" does not. One-word phrases do not
 * seed: "attention", "transformer", "imaging" are everyday words of other fields too.
 *
 * Measured on the lists of tests/fixtures (multi-word taxonomy phrases per paper): seed papers
 * (ML) 97 % write one or more, ACL/EMNLP papers 92 %, MEDLINE papers 9 %, the astrophysics and
 * linguistics papers of tests/fixtures/mixed-list 5 %. Cost: one pass over the vectors.
 */
import type { Corpus } from './corpus.ts';
import { addInto, dot, selfDot, type Vectors } from './vectors.ts';

/** Distinct multi-word taxonomy phrases that make a paper part of the field's core. */
const FIELD_PHRASES = 2;
/**
 * Share of a list's papers that must write one multi-word taxonomy phrase for those papers to stand in
 * for a missing core: measured (header) 92-97 % in ML and NLP lists, 5-9 % in MEDLINE and astrophysics ones.
 */
const ONE_PHRASE_SHARE = 0.5;

/**
 * Per paper, 1 when it belongs to the taxonomy's field. `isTaxonomyPhrase(id)` tells whether a
 * corpus phrase id is a taxonomy phrase (stop tags excluded). A list where no paper writes a
 * multi-word taxonomy phrase has no paper in the field, nor has one where no paper writes two and
 * fewer than half write one (ONE_PHRASE_SHARE); a list where every paper writes one has
 * every paper in it. `strict` (a field of the taxonomy's `field-tags`): papers with one phrase never
 * stand in for a missing core.
 */
export function taxonomyField(corpus: Corpus, vectors: Vectors, isTaxonomyPhrase: (id: number) => boolean, strict = false): Uint8Array {
  const n = corpus.size;
  const phrases = new Int32Array(n);
  let core: number[] = [];
  const rest: number[] = [];
  for (let d = 0; d < n; d++) {
    for (let i = corpus.start[d]!; i < corpus.start[d + 1]!; i++) {
      const p = corpus.ids[i]!;
      if (corpus.words[p]! >= 2 && isTaxonomyPhrase(p)) phrases[d]!++;
    }
    if (phrases[d]! >= FIELD_PHRASES) core.push(d);
    else if (phrases[d] === 0) rest.push(d);
  }
  // A short list may have no paper with two phrases: then those with one are the core, when they are
  // most of the list (a short list of the field: 92-97 % of ML and NLP papers write one). A few of them
  // in a list of another field are that field's papers writing an ordinary phrase ("x-ray" ->
  // "medical imaging", "hierarchical Bayesian inference" in astrophysics, where 5 % write one): no
  // evidence of the taxonomy's field. Never for a field of field-tags, whose one-phrase papers are
  // mostly of other fields writing "in vivo".
  if (!core.length && !strict && n - rest.length >= ONE_PHRASE_SHARE * n) core = Array.from({ length: n }, (_, d) => d).filter((d) => phrases[d]! > 0);
  const out = new Uint8Array(n);
  if (!core.length) return out;
  if (!rest.length) return out.fill(1);
  // Leave-one-out: a seed paper is compared with the centroid of the other seeds, or a few papers of
  // another field that write two taxonomy phrases would form a core of their own and stay in it.
  const inField = sum(vectors, core);
  const outside = sum(vectors, rest);
  const seed = new Int8Array(n);
  for (const d of core) seed[d] = 1;
  for (const d of rest) seed[d] = -1;
  for (let d = 0; d < n; d++) {
    const own = selfDot(vectors, d);
    const a = cosine(dot(vectors, d, inField.vector), inField.norm2, own, seed[d] === 1);
    const b = cosine(dot(vectors, d, outside.vector), outside.norm2, own, seed[d] === -1);
    out[d] = a > b || (a === b && a > 0) ? 1 : 0;
  }
  return out;
}

function sum(vectors: Vectors, members: readonly number[]): { vector: Float64Array; norm2: number } {
  const vector = new Float64Array(vectors.dims);
  for (const d of members) addInto(vectors, d, vector);
  let norm2 = 0;
  for (let i = 0; i < vector.length; i++) norm2 += vector[i]! * vector[i]!;
  return { vector, norm2 };
}

/** Cosine of a paper with a sum of vectors (`dotSum` = v·S), the paper's own vector taken out of S when it is a member. */
function cosine(dotSum: number, norm2: number, own: number, member: boolean): number {
  const d = member ? dotSum - own : dotSum;
  const n2 = member ? norm2 - 2 * dotSum + own : norm2;
  return n2 > 1e-12 ? d / Math.sqrt(n2) : 0;
}
