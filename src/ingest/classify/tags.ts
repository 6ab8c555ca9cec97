/**
 * Tags: the taxonomy's vocabulary (with aliases merged) plus phrases that several papers share,
 * ranked per paper by where and how often they occur and how specific they are.
 */
import type { Corpus } from './corpus.ts';
import type { Taxonomy } from './taxonomy.ts';
import { phraseKey } from './tokenize.ts';
import { topIndexes } from './vectors.ts';

/**
 * Words that make a phrase generic when they start or end it ("proposed method", "results show"),
 * or when a phrase is made of nothing else ("deep neural network"). Academic boilerplate of any
 * field, so the discovered tags stay concepts on a reading list about something else.
 */
const GENERIC = new Set(
  (
    'method approach result paper work study show shows showed demonstrate propose proposed novel new existing different various ' +
    'significant significantly large small good better best high higher low lower several many first second third one two three ' +
    'based using use used provide present introduce improve improved improvement achieve achieves outperform outperforms ' +
    'effective efficient simple key important specific general problem task model network learning training data performance ' +
    'accuracy algorithm framework system technique strategy experiment experimental extensive state art recent recently ' +
    'deep neural machine artificial intelligence method existing prior previous current further well known wide range ' +
    'number set way case type form level process analysis effect role impact level value time term terms part order ' +
    'fact point example addition respect due particular common like able available given make makes making obtain ' +
    'obtained allow allows enable enables lead leads across able however still comparison compared compare better competitive ' +
    'superior benchmark dataset evaluation evaluate evaluated standard real world real-world end end-to-end input output ' +
    'feature information structure function layer parameter weight goal aim purpose question issue challenge challenging ' +
    'demonstrated shown find found finding observe observed total overall finally thus moreover paper article ' +
    'patient participant subject group control associated association increase increased decrease decreased level ' +
    'significant clinical outcome conclusion conclusions background objective objectives method methods result results ' +
    'purpose aim aims design setting settings year years month months day days rate rates risk factor factors ' +
    'application applications component components aspect aspects quality property properties representation ' +
    'capability capacity strong robust accurate fast scalable flexible powerful promising practical theoretical empirical ' +
    'empirically theoretically success successful various variety novel typically often usually widely commonly ' +
    'approach approaches solution solutions version baseline baselines scale size code resource resources cost costs ' +
    'task-specific state-of-the-art multiple single individual specific whole full entire several certain related ' +
    'underlying potential possible main major key core basic original previously recently traditional conventional ' +
    'standard typical similar same following proposes presents introduces develop developed'
  ).split(/\s+/),
);

export interface TagIndex {
  /** Vocabulary tag index by phrase id (−1: not in the vocabulary). */
  readonly vocab: Int32Array;
  /** Phrase ids that may never be tags. */
  readonly stopped: Uint8Array;
  readonly vocabNames: readonly string[];
}

export function indexVocabulary(corpus: Corpus, taxonomy: Taxonomy): TagIndex {
  const vocab = new Int32Array(corpus.keys.length).fill(-1);
  const stopped = new Uint8Array(corpus.keys.length);
  const vocabNames = taxonomy.tags.map((t) => t.name);
  taxonomy.tags.forEach((tag, i) => {
    for (const phrase of [tag.name, ...tag.aliases]) {
      const id = corpus.idOf(phraseKey(phrase));
      if (id !== undefined && vocab[id] === -1) vocab[id] = i;
    }
  });
  for (const phrase of taxonomy.stopTags) {
    const id = corpus.idOf(phraseKey(phrase));
    if (id !== undefined) {
      stopped[id] = 1;
      vocab[id] = -1;
    }
  }
  return { vocab, stopped, vocabNames };
}

/** A tag identity shared across papers: vocabulary tags by index, discovered tags by phrase. */
export type TagKey = string;

export interface PaperTags {
  /** Tag names, best first. */
  readonly names: string[];
  readonly keys: TagKey[];
}

interface Candidate {
  key: TagKey;
  name: string;
  words: Set<string>;
  score: number;
  /** A phrase of this paper only, used solely to reach three tags. */
  backup?: boolean;
}

const MIN_TAGS = 3;
const MAX_TAGS = 6;
const CANDIDATES_PER_PAPER = 30;
/** Share of distinct tags that may be used by a single paper. */
const SINGLE_SHARE = 0.035;

export function assignTags(corpus: Corpus, index: TagIndex): PaperTags[] {
  const n = corpus.size;
  // A discovered phrase shared by more than this share of papers is background, not a tag.
  const maxShare = n < 40 ? 0.5 : 0.06;
  const logN = Math.log(Math.max(n, 4));
  const eligible = new Int8Array(corpus.keys.length).fill(-1);
  const isEligible = (p: number): boolean => {
    if (eligible[p] === -1) eligible[p] = discoverable(corpus, p, n, maxShare) ? 1 : 0;
    return eligible[p] === 1;
  };

  // Keys, names and word sets are computed once per tag, not once per paper.
  const looks = new Map<number, { key: TagKey; name: string; words: Set<string> }>();
  const look = (v: number, p: number) => {
    const id = v >= 0 ? -1 - v : p;
    let l = looks.get(id);
    if (!l) {
      const name = v >= 0 ? index.vocabNames[v]! : corpus.surface(p);
      l = { key: v >= 0 ? `v${v}` : `p${p}`, name, words: wordSet(v >= 0 ? phraseKey(name) : corpus.keys[p]!) };
      looks.set(id, l);
    }
    return l;
  };

  // Per-paper scores in scratch arrays indexed by tag (vocabulary tags after the phrases), reset
  // through the touched list: no per-paper maps or objects in this hot loop.
  const phrases = corpus.keys.length;
  const scratch = new Float64Array(phrases + index.vocabNames.length);
  const sourceOf = new Int32Array(phrases + index.vocabNames.length);
  const touched: number[] = [];
  const ranked: Candidate[][] = corpus.docs.map((doc) => {
    touched.length = 0;
    for (let i = 0; i < doc.ids.length; i++) {
      const p = doc.ids[i]!;
      if (index.stopped[p]) continue;
      const v = index.vocab[p]!;
      if (v < 0 && !isEligible(p)) continue;
      const evidence = (doc.title[i]! > 0 ? 2.5 : 0) + Math.log2(1 + doc.body[i]!);
      const spec = Math.min(1, Math.log(n / Math.max(1, corpus.df[p]!)) / logN);
      const score = v >= 0 ? evidence * (1.2 + 0.3 * spec) : evidence * (0.5 + 0.5 * spec) * (corpus.words[p] === 1 ? 0.6 : 1);
      const slot = v >= 0 ? phrases + v : p;
      const prior = scratch[slot]!;
      if (prior === 0) {
        touched.push(slot);
        scratch[slot] = score;
        sourceOf[slot] = p;
      } else scratch[slot] = Math.max(prior, score) + 0.25 * Math.min(prior, score);
    }
    const values = touched.map((slot) => scratch[slot]!);
    const top = values.reduce((m, x) => Math.max(m, x), 1e-9);
    // Only the strongest candidates can be chosen; building the rest would be wasted work.
    const cands: Candidate[] = topIndexes(values, CANDIDATES_PER_PAPER, top).map((j) => {
      const slot = touched[j]!;
      return { ...look(slot >= phrases ? slot - phrases : -1, sourceOf[slot]!), score: scratch[slot]! };
    });
    for (const slot of touched) scratch[slot] = 0;
    if (cands.length < MIN_TAGS) {
      // Too little shared vocabulary (a very short or unusual abstract): fall back on its own phrases.
      for (let i = 0; i < doc.ids.length; i++) {
        const p = doc.ids[i]!;
        if (index.stopped[p] || cands.some((c) => c.key === `p${p}`) || !plausiblePhrase(corpus.keys[p]!)) continue;
        const score = 0.05 * ((doc.title[i]! > 0 ? 2.5 : 0) + Math.log2(1 + doc.body[i]!)) * corpus.words[p]! * (corpus.df[p]! >= 2 ? 3 : 1);
        cands.push({ ...look(-1, p), score, backup: true });
      }
    }
    return cands.sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  });

  let chosen = ranked.map((cands) => select(cands, new Map()));
  // Tags used by one paper only are dead ends on the site. The most confident of them may stay (up
  // to SINGLE_SHARE of all tags); the others give way to the paper's best tag that others share.
  for (let round = 0; round < 4; round++) {
    chosen = shareSingles(ranked, chosen);
    const usage = countUsage(chosen);
    const singles: { d: number; c: Candidate; rank: number }[] = [];
    chosen.forEach((tags, d) => tags.forEach((c, rank) => usage.get(c.key) === 1 && singles.push({ d, c, rank })));
    const allowed = Math.floor(SINGLE_SHARE * usage.size);
    if (singles.length <= allowed) break;
    singles.sort((a, b) => a.rank - b.rank || b.c.score - a.c.score || a.d - b.d);
    const drop = new Set(singles.slice(allowed).map((s) => s.c));
    chosen = chosen.map((tags, d) => (tags.some((t) => drop.has(t)) ? select(ranked[d]!, usage, tags, drop) : tags));
  }
  chosen = shareSingles(ranked, chosen);
  shareBackups(corpus, chosen);
  return chosen.map((tags) => ({ names: tags.map((t) => t.name), keys: tags.map((t) => t.key) }));
}

/**
 * Fallback phrases (of papers with too little shared vocabulary) that other papers also contain go
 * to the one that mentions them most, so they are not dead ends either.
 */
function shareBackups(corpus: Corpus, chosen: Candidate[][]): void {
  const usage = countUsage(chosen);
  const wanted = new Map<number, Candidate>();
  for (const tags of chosen) for (const c of tags) if (c.backup && usage.get(c.key) === 1) wanted.set(Number(c.key.slice(1)), c);
  if (!wanted.size) return;
  const best = new Map<number, { d: number; evidence: number }>();
  corpus.docs.forEach((doc, d) => {
    if (chosen[d]!.length >= MAX_TAGS) return;
    for (let i = 0; i < doc.ids.length; i++) {
      const c = wanted.get(doc.ids[i]!);
      if (!c || chosen[d]!.includes(c) || chosen[d]!.some((t) => overlaps(t.words, c.words))) continue;
      const evidence = doc.title[i]! * 3 + doc.body[i]!;
      const prior = best.get(doc.ids[i]!);
      if (!prior || evidence > prior.evidence) best.set(doc.ids[i]!, { d, evidence });
    }
  });
  for (const [p, { d }] of [...best].sort((a, b) => a[0] - b[0])) if (chosen[d]!.length < MAX_TAGS) chosen[d]!.push(wanted.get(p)!);
}

function countUsage(chosen: readonly (readonly Candidate[])[]): Map<TagKey, number> {
  const usage = new Map<TagKey, number>();
  for (const tags of chosen) for (const t of tags) usage.set(t.key, (usage.get(t.key) ?? 0) + 1);
  return usage;
}

/**
 * A tag only one paper chose is often a real concept that other papers mention less prominently;
 * giving it to the paper that mentions it most (if it has room) makes the tag page useful.
 */
function shareSingles(ranked: readonly Candidate[][], chosen: Candidate[][]): Candidate[][] {
  const usage = countUsage(chosen);
  const holders = new Map<TagKey, { d: number; c: Candidate; rel: number }[]>();
  ranked.forEach((cands, d) => {
    const top = cands[0]?.score ?? 1;
    for (const c of cands) {
      if (usage.get(c.key) !== 1 || chosen[d]!.includes(c)) continue;
      const rel = c.score / top;
      if (rel < 0.25) continue;
      const list = holders.get(c.key);
      if (list) list.push({ d, c, rel });
      else holders.set(c.key, [{ d, c, rel }]);
    }
  });
  const out = chosen.map((tags) => [...tags]);
  for (const key of [...holders.keys()].sort()) {
    const options = holders.get(key)!.sort((a, b) => b.rel - a.rel || a.d - b.d);
    const pick = options.find((o) => out[o.d]!.length < MAX_TAGS && !out[o.d]!.some((t) => overlaps(t.words, o.c.words)));
    if (pick) out[pick.d]!.push(pick.c);
  }
  return out.map((tags) => tags.sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : 1)));
}

/**
 * Picks 3–6 non-overlapping tags. With `usage` (how many papers chose each tag in the previous
 * round, this one included), tags in `drop` are avoided, and so is any tag no other paper has.
 */
function select(cands: readonly Candidate[], usage: ReadonlyMap<TagKey, number>, mine: readonly Candidate[] = [], drop: ReadonlySet<Candidate> = new Set()): Candidate[] {
  const top = cands[0]?.score ?? 0;
  const out: Candidate[] = [];
  const shared = (c: Candidate) => !drop.has(c) && (mine.includes(c) ? (usage.get(c.key) ?? 0) >= 2 || !drop.size : (usage.get(c.key) ?? 0) >= 1);
  const pass = (threshold: number, needShared: boolean) => {
    for (const c of cands) {
      if (out.length >= MAX_TAGS) return;
      if (c.score < threshold || out.includes(c) || (c.backup && threshold > 0)) continue;
      if (needShared && !shared(c)) continue;
      if (out.some((o) => overlaps(o.words, c.words))) continue;
      out.push(c);
    }
  };
  const checkShared = usage.size > 0;
  // Kept tags first, so a replacement only fills the place of a dropped one.
  for (const c of mine) if (!drop.has(c)) out.push(c);
  pass(Math.max(0.3 * top, 0.9), checkShared);
  if (out.length < MIN_TAGS) pass(0.15 * top, checkShared);
  if (out.length < MIN_TAGS) pass(1e-9, false);
  if (out.length < MIN_TAGS) {
    const keep = MIN_TAGS;
    for (const c of cands) if (out.length < keep && c.backup && !out.some((o) => overlaps(o.words, c.words))) out.push(c);
  }
  if (out.length < MIN_TAGS) {
    // A short abstract may have only overlapping phrases; overlap beats too few tags.
    for (const c of cands) if (out.length < MIN_TAGS && !out.includes(c)) out.push(c);
  }
  return out.sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : 1));
}

function wordSet(key: string): Set<string> {
  return new Set(key.split(' ').filter((w) => w !== 'of' && w !== 'to'));
}

/** One tag's words contain the other's, or they share most words: showing both would repeat. */
function overlaps(a: Set<string>, b: Set<string>): boolean {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  if (shared === 0) return false;
  return shared === a.size || shared === b.size || shared / (a.size + b.size - shared) >= 0.5;
}

function plausiblePhrase(key: string): boolean {
  const words = key.split(' ');
  const first = words[0]!;
  const last = words[words.length - 1]!;
  return words.length <= 3 && !GENERIC.has(first) && !GENERIC.has(last) && words.every((w) => w.length >= 3 && !/^\d/.test(w)) && !/(ly|ed)$/.test(last);
}

function discoverable(corpus: Corpus, p: number, n: number, maxShare: number): boolean {
  const df = corpus.df[p]!;
  if (df < 2 || df > Math.max(2, maxShare * n)) return false;
  // A fragment of a longer phrase that nearly always occurs inside it ("tangent kernel").
  if (corpus.superDf[p]! >= 0.6 * df) return false;
  const words = corpus.keys[p]!.split(' ');
  const first = words[0]!;
  const last = words[words.length - 1]!;
  if (GENERIC.has(first) || GENERIC.has(last) || words.every((w) => GENERIC.has(w))) return false;
  if (words.some((w) => w.length < 2 || /^\d/.test(w))) return false;
  // A single word is a concept only if titles use it too ("diarization", "insulin"); abstracts are
  // full of single words ("place", "millions") that are not.
  if (words.length === 1) return first.length >= 4 && df >= 3 && corpus.titleDf[p]! >= 2 && corpus.titleDf[p]! * 4 >= df && !/(ly|ed|ing|ive|ous|al|ble)$/.test(first);
  // Adverbs and participles at the edges make clauses, not concepts ("recently proposed").
  if (/ly$/.test(first) || /(ly|ed)$/.test(last)) return false;
  return true;
}
