/**
 * One topic per paper. The taxonomy's keywords label the papers they clearly describe; a centroid
 * classifier trained on those labels then reads every paper's full vocabulary, so a paper that
 * names none of the keywords still joins the topic whose papers it resembles. Papers that
 * resemble no taxonomy topic are clustered into discovered topics named after their tags, and a
 * topic holding too many papers is split the same way.
 */
import type { Corpus } from './corpus.ts';
import type { PaperTags } from './tags.ts';
import type { Taxonomy } from './taxonomy.ts';
import { phraseKey } from './tokenize.ts';
import { addInto, centroid, dot, kmeans, selfDot, type Vectors } from './vectors.ts';

/** A reading list shows at most this many topics. */
const MAX_TOPICS = 20;
/** No topic may hold more than this share of the papers. */
const MAX_SHARE = 0.25;
/** Keyword evidence that labels a paper on its own (a title hit plus a few mentions). */
const SEED_EVIDENCE = 5;
/** A paper less similar than this fraction of a typical seed paper fits no taxonomy topic. */
const UNFIT_SIMILARITY = 0.5;
/** Weight of (saturated) keyword evidence against centroid similarity. */
const KEYWORD_PRIOR = 0.25;
/** Papers that fit no taxonomy topic are grouped in parts of about this share. */
const DISCOVERED_SHARE = 0.06;
/** Lists shorter than this are not split for size. */
const MIN_SPLIT_LIST = 50;
/** Split a too-large topic into parts of about this share. */
const PART_SHARE = 0.15;
/** Keyword evidence of a title mention, against log2(1 + mentions) in the abstract. */
const KW_TITLE = 2.5;
/** Multi-word keywords are specific: they weigh this much more than single words. */
const KW_MULTI = 2;
/** A keyword used by at most this share of the papers is fully specific (see keywordScores). */
const FULL_WEIGHT_SHARE = 0.01;

export function assignTopics(
  corpus: Corpus,
  taxonomy: Taxonomy,
  vectors: Vectors,
  tags: readonly PaperTags[],
): string[] {
  const n = corpus.size;
  const k = taxonomy.topics.length;
  const kw = keywordScores(corpus, taxonomy);

  // 1. Seed labels from clear keyword evidence.
  const seeds = new Int32Array(n).fill(-1);
  for (let d = 0; d < n; d++) {
    const [best, second] = topTwo(kw[d]!);
    if (best.score >= SEED_EVIDENCE && best.score >= 1.4 * second.score) seeds[d] = best.index;
  }

  // 2. Papers that fit no taxonomy topic: no strong keyword, and unlike every topic's seed papers.
  let sims = similarities(vectors, seeds, k);
  const fit = Float64Array.from({ length: n }, (_, d) => (k ? sims[argmax(k, (t) => sims[t]![d]!)]![d]! : 0));
  const typical = median([...fit].filter((_, d) => seeds[d]! >= 0));
  const unfit: number[] = [];
  for (let d = 0; d < n; d++) {
    if (!k || (Math.max(...kw[d]!) < SEED_EVIDENCE && fit[d]! < UNFIT_SIMILARITY * typical)) unfit.push(d);
  }
  const fits = new Uint8Array(n).fill(1);
  for (const d of unfit) fits[d] = 0;

  // 3. Centroid classifier with the keyword evidence as a prior. The centroids are learned from the
  // confidently seeded papers only: re-training them on their own predictions lets large topics
  // drift and swallow their neighbours (measured: one round beats three on the tune half).
  const label = new Int32Array(n).fill(-1);
  for (let d = 0; d < n; d++) if (fits[d]) label[d] = argmax(k, (t) => sims[t]![d]! + KEYWORD_PRIOR * saturate(kw[d]![t]!));
  sims = similarities(vectors, label, k);
  const minGroup = Math.max(3, Math.round(0.02 * n));
  if (unfit.length < minGroup && k) {
    // Too few to make a topic of their own: they join the taxonomy topic they are closest to.
    for (const d of unfit) label[d] = argmax(k, (t) => sims[t]![d]! + KEYWORD_PRIOR * saturate(kw[d]![t]!));
  }
  const names: string[] = Array.from(label, (t) => taxonomy.topics[t]?.name ?? '');
  if (unfit.length >= minGroup || !k) {
    // The taxonomy's topics and the discovered ones together stay within MAX_TOPICS.
    const room = Math.max(1, Math.min(12, MAX_TOPICS - new Set(names.filter(Boolean)).size));
    const parts = Math.max(1, Math.min(room, Math.round(unfit.length / Math.max(minGroup, DISCOVERED_SHARE * n))));
    nameClusters(unfit, kmeans(vectors, unfit, parts), tags, names, new Set(names));
  }

  // 4. Split topics that are too large (a list of a few dozen papers may well be about one thing).
  for (let pass = 0; pass < 3 && n >= MIN_SPLIT_LIST; pass++) {
    const sizes = countBy(names);
    const big = [...sizes].filter(([, c]) => c > MAX_SHARE * n).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    if (!big.length) break;
    for (const [topic, size] of big) {
      const members: number[] = [];
      for (let d = 0; d < n; d++) if (names[d] === topic) members.push(d);
      const parts = Math.max(2, Math.ceil(size / (PART_SHARE * n)));
      const taken = new Set(names.filter((x) => x !== topic));
      nameClusters(members, kmeans(vectors, members, parts, 11 + pass), tags, names, taken);
    }
  }

  // 5. Dissolve topics too small to browse into the nearest remaining topic.
  dissolveSmall(names, vectors, Math.max(2, Math.round(0.01 * n)));
  return names;
}

/**
 * Cosine similarity of every paper to every topic's centroid. A member is compared with the
 * centroid of the other members (leave-one-out), so small topics do not win their own papers
 * merely by containing them.
 */
function similarities(vectors: Vectors, label: Int32Array, k: number): Float64Array[] {
  const n = vectors.size;
  const sums = Array.from({ length: k }, () => new Float64Array(vectors.dims));
  for (let d = 0; d < n; d++) if (label[d]! >= 0) addInto(vectors, d, sums[label[d]!]!);
  return sums.map((sum, t) => {
    let norm2 = 0;
    for (let i = 0; i < sum.length; i++) norm2 += sum[i]! * sum[i]!;
    const out = new Float64Array(n);
    if (norm2 === 0) return out;
    for (let d = 0; d < n; d++) {
      const s = dot(vectors, d, sum);
      if (label[d] === t) {
        const self = selfDot(vectors, d);
        const rest = norm2 - 2 * s + self;
        out[d] = rest > 1e-12 ? (s - self) / Math.sqrt(rest) : 0;
      } else out[d] = s / Math.sqrt(norm2);
    }
    return out;
  });
}

function keywordScores(corpus: Corpus, taxonomy: Taxonomy): Float64Array[] {
  const byPhrase = new Map<number, number[]>();
  taxonomy.topics.forEach((topic, t) => {
    for (const keyword of topic.keywords) {
      const id = corpus.idOf(phraseKey(keyword));
      if (id === undefined) continue;
      const list = byPhrase.get(id) ?? [];
      if (!list.includes(t)) list.push(t);
      byPhrase.set(id, list);
    }
  });
  // A flat marker array: most phrases are no keyword, and a Map lookup for each would dominate.
  const isKeyword = new Uint8Array(corpus.count);
  for (const id of byPhrase.keys()) isKeyword[id] = 1;
  // Multi-word keywords are specific; a keyword several topics share says little about each; and a
  // keyword that many papers of the list use is their common ground rather than a topic ("image",
  // "convolutional neural network" in a list where most papers test on images): weighted by IDF,
  // full weight up to FULL_WEIGHT_SHARE of the papers. A share rather than a count, so a list ten
  // times larger (with ten times the papers per keyword) gets the same weights.
  const weight = new Map<number, number>();
  for (const [p, topics] of byPhrase) {
    const specificity = Math.min(1, Math.log(corpus.size / Math.max(1, corpus.df[p]!)) / -Math.log(FULL_WEIGHT_SHARE));
    weight.set(p, ((corpus.words[p]! > 1 ? KW_MULTI : 1) / Math.sqrt(topics.length)) * specificity);
  }
  return Array.from({ length: corpus.size }, (_, d) => {
    const scores = new Float64Array(taxonomy.topics.length);
    for (let i = corpus.start[d]!; i < corpus.start[d + 1]!; i++) {
      const p = corpus.ids[i]!;
      if (!isKeyword[p]) continue;
      const topics = byPhrase.get(p)!;
      const w = weight.get(p)!;
      const evidence = (corpus.title[i]! > 0 ? KW_TITLE : 0) + Math.log2(1 + corpus.body[i]!);
      for (const t of topics) scores[t]! += w * evidence;
    }
    return scores;
  });
}

/**
 * Names each cluster after the one or two tags that set it apart, and writes the names into `names`.
 * A name should read like a reading-list section: concept phrases ("Machine Translation") are
 * preferred to single words, words that only qualify ("faithful", "diagnostic") never name a topic,
 * and a second tag is added only when it is nearly as typical as the first.
 */
function nameClusters(members: readonly number[], groups: readonly number[], tags: readonly PaperTags[], names: string[], taken: Set<string>): void {
  const overall = new Map<string, { name: string; count: number }>();
  for (const d of members) for (let i = 0; i < tags[d]!.keys.length; i++) bump(overall, tags[d]!.keys[i]!, tags[d]!.names[i]!);
  const k = Math.max(0, ...groups) + 1;
  for (let g = 0; g < k; g++) {
    const own = members.filter((_, i) => groups[i] === g);
    if (!own.length) continue;
    const counts = new Map<string, { name: string; count: number }>();
    for (const d of own) for (let i = 0; i < tags[d]!.keys.length; i++) bump(counts, tags[d]!.keys[i]!, tags[d]!.names[i]!);
    const scored = [...counts]
      .filter(([, c]) => (c.count >= 2 || own.length < 4) && nameable(c.name))
      .map(([key, c]) => {
        const share = c.count / own.length;
        const base = overall.get(key)!.count / members.length;
        // Tags that the whole group shares do not tell its parts apart.
        const distinct = share * Math.log(share / base) + (k === 1 ? share : 0);
        return { name: c.name, score: (distinct + 0.25 * share) * (c.name.includes(' ') || c.name.includes('-') ? 1.5 : 1) };
      })
      .sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : 1));
    const picked: { name: string; score: number }[] = [];
    for (const s of scored) {
      if (picked.length === 2 || (picked.length === 1 && s.score < 0.6 * picked[0]!.score)) break;
      if (picked.some((p) => p.name.includes(s.name) || s.name.includes(p.name) || sharesWord(p.name, s.name))) continue;
      picked.push(s);
    }
    let name = picked.length ? picked.map((p) => titleCase(p.name)).join(' & ') : 'Other Papers';
    for (let i = 2; taken.has(name); i++) name = `${name.replace(/ \(\d+\)$/, '')} (${i})`;
    taken.add(name);
    for (const d of own) names[d] = name;
  }
}

/** Adjectives, participles and adverbs qualify a concept; on their own they make poor topic names. */
function nameable(tag: string): boolean {
  const last = tag.slice(tag.lastIndexOf(' ') + 1);
  if (tag.includes(' ') || tag.includes('-')) return !/(ly|ed)$/.test(last);
  return tag.length >= 4 && !/(ful|ous|ive|ic|al|ary|ent|ant|ing|ed|ly|able|ible|less)$/.test(tag);
}

function sharesWord(a: string, b: string): boolean {
  const words = new Set(a.split(/[ -]/));
  return b.split(/[ -]/).some((w) => w.length > 3 && words.has(w));
}

function bump(map: Map<string, { name: string; count: number }>, key: string, name: string): void {
  const e = map.get(key);
  if (e) e.count++;
  else map.set(key, { name, count: 1 });
}

function dissolveSmall(names: string[], vectors: Vectors, minSize: number): void {
  const sizes = countBy(names);
  const small = new Set([...sizes].filter(([, c]) => c < minSize).map(([t]) => t));
  if (!small.size || small.size === sizes.size) return;
  const keep = [...sizes.keys()].filter((t) => !small.has(t)).sort();
  const centers = keep.map((t) => centroid(vectors, names.flatMap((x, d) => (x === t ? [d] : []))));
  names.forEach((t, d) => {
    if (small.has(t)) names[d] = keep[argmax(keep.length, (i) => dot(vectors, d, centers[i]!))]!;
  });
}

const SMALL_WORDS = new Set(['of', 'and', 'for', 'in', 'on', 'the', 'to', 'with', 'a', 'an', 'via', 'by']);
const ACRONYMS = new Set(['ai', 'qa', 'asr', 'ocr', 'gan', 'vae', 'ner', 'rl', 'dna', 'rna', 'hiv', 'mri', 'ct', 'ecg', 'eeg', 'nerf', '3d', '2d']);
/** "multilingual nlp" → "Multilingual NLP": tags are lowercase, topic names are not. */
export function titleCase(tag: string): string {
  return tag
    .split(' ')
    .map((w, i) => {
      if (i > 0 && SMALL_WORDS.has(w)) return w;
      if (ACRONYMS.has(w) || (w.length <= 5 && /^[a-z]+$/.test(w) && !/[aeiouy]/.test(w))) return w.toUpperCase();
      return w.replace(/(^|-)(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
    })
    .join(' ');
}

function saturate(x: number): number {
  return x / (x + 4);
}

function topTwo(scores: Float64Array): [{ index: number; score: number }, { index: number; score: number }] {
  let a = { index: 0, score: -Infinity };
  let b = { index: 0, score: -Infinity };
  scores.forEach((score, index) => {
    if (score > a.score) {
      b = a;
      a = { index, score };
    } else if (score > b.score) b = { index, score };
  });
  return [a, { index: b.index, score: Math.max(0, b.score) }];
}

function argmax(k: number, f: (i: number) => number): number {
  let best = 0;
  let top = -Infinity;
  for (let i = 0; i < k; i++) {
    const s = f(i);
    if (s > top) {
      top = s;
      best = i;
    }
  }
  return best;
}

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function countBy(xs: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}
