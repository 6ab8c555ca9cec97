/**
 * Tags: the taxonomy's vocabulary (with aliases merged) plus phrases that several papers share,
 * ranked per paper by where and how often they occur and how specific they are.
 */
import type { Corpus } from './corpus.ts';
import type { Taxonomy } from './taxonomy.ts';
import { phraseKey } from './tokenize.ts';

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
  const vocab = new Int32Array(corpus.count).fill(-1);
  const stopped = new Uint8Array(corpus.count);
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

/**
 * One possible tag of one paper. `slot` names the tag: a phrase id for a discovered tag, the number
 * of phrases plus the vocabulary index for a taxonomy tag.
 */
interface Candidate {
  readonly slot: number;
  readonly score: number;
  /** A phrase of this paper only, used solely to reach three tags. */
  readonly backup: boolean;
}

const MIN_TAGS = 3;
const MAX_TAGS = 6;
const CANDIDATES_PER_PAPER = 20;
/** Share of distinct tags that may be used by a single paper. */
const SINGLE_SHARE = 0.035;
/** Evidence of a phrase in the title, against log2(1 + mentions) in the abstract. */
const TITLE_EVIDENCE = 2.5;
/** A discovered single word is less often a concept than a phrase is. */
const ONE_WORD = 0.6;
/** A tag must score this share of the paper's best candidate (before falling back to weaker ones). */
const KEEP = 0.3;

export function assignTags(corpus: Corpus, index: TagIndex): PaperTags[] {
  const n = corpus.size;
  const phrases = corpus.count;
  const slots = phrases + index.vocabNames.length;
  // A discovered phrase shared by more than this share of papers is background, not a tag.
  const maxShare = n < 40 ? 0.5 : 0.06;
  const logN = Math.log(Math.max(n, 4));
  const eligible = new Int8Array(phrases).fill(-1);
  const isEligible = (p: number): boolean => {
    if (eligible[p] === -1) eligible[p] = discoverable(corpus, p, n, maxShare) ? 1 : 0;
    return eligible[p] === 1;
  };

  // Names and word sets are computed once per tag, not once per paper.
  const names: (string | undefined)[] = new Array(slots);
  const wordSets: (Set<string> | undefined)[] = new Array(slots);
  const nameOf = (slot: number): string => (names[slot] ??= slot >= phrases ? index.vocabNames[slot - phrases]! : corpus.surface(slot));
  const wordsOf = (slot: number): Set<string> => (wordSets[slot] ??= wordSet(slot >= phrases ? phraseKey(nameOf(slot)) : corpus.key(slot)));
  const byRank = (a: Candidate, b: Candidate): number => b.score - a.score || compareNames(nameOf(a.slot), nameOf(b.slot)) || a.slot - b.slot;
  const overlapping = (a: Candidate, b: Candidate): boolean => overlaps(wordsOf(a.slot), wordsOf(b.slot));

  // Per-paper scores in a scratch array indexed by slot, reset through the touched list: no
  // per-paper maps in this hot loop.
  const scratch = new Float64Array(slots);
  const touched = new Int32Array(slots);
  const ranked: Candidate[][] = new Array(n);
  for (let d = 0; d < n; d++) {
    let nt = 0;
    let top = 0;
    const from = corpus.start[d]!;
    const to = corpus.start[d + 1]!;
    for (let i = from; i < to; i++) {
      const p = corpus.ids[i]!;
      if (index.stopped[p]) continue;
      const v = index.vocab[p]!;
      if (v < 0 && !isEligible(p)) continue;
      const evidence = (corpus.title[i]! > 0 ? TITLE_EVIDENCE : 0) + Math.log2(1 + corpus.body[i]!);
      const spec = Math.min(1, Math.log(n / Math.max(1, corpus.df[p]!)) / logN);
      const score = v >= 0 ? evidence * (1.2 + 0.3 * spec) : evidence * (0.5 + 0.5 * spec) * (corpus.words[p] === 1 ? ONE_WORD : 1);
      const slot = v >= 0 ? phrases + v : p;
      const prior = scratch[slot]!;
      let next = score;
      if (prior === 0) touched[nt++] = slot;
      else next = Math.max(prior, score) + 0.25 * Math.min(prior, score);
      scratch[slot] = next;
      if (next > top) top = next;
    }
    // Only the strongest candidates can be chosen; building the rest would be wasted work.
    const cands: Candidate[] = [];
    const floor = 0.1 * top;
    for (let j = 0; j < nt; j++) {
      const slot = touched[j]!;
      if (scratch[slot]! >= floor) cands.push({ slot, score: scratch[slot]!, backup: false });
      scratch[slot] = 0;
    }
    cands.sort(byRank);
    if (cands.length > CANDIDATES_PER_PAPER) cands.length = CANDIDATES_PER_PAPER;
    if (cands.length < MIN_TAGS) {
      // Too little shared vocabulary (a very short or unusual abstract): fall back on its own phrases.
      for (let i = from; i < to; i++) {
        const p = corpus.ids[i]!;
        if (index.stopped[p] || cands.some((c) => c.slot === p) || !plausiblePhrase(corpus.key(p))) continue;
        const score = 0.05 * ((corpus.title[i]! > 0 ? TITLE_EVIDENCE : 0) + Math.log2(1 + corpus.body[i]!)) * corpus.words[p]! * (corpus.df[p]! >= 2 ? 3 : 1);
        cands.push({ slot: p, score, backup: true });
      }
      cands.sort(byRank);
    }
    ranked[d] = cands;
  }

  const usage = new Int32Array(slots);
  const countUsage = (chosen: readonly (readonly Candidate[])[]): number => {
    usage.fill(0);
    let distinct = 0;
    for (const tags of chosen) for (const t of tags) if (usage[t.slot]!++ === 0) distinct++;
    return distinct;
  };

  /**
   * Picks 3–6 non-overlapping tags. With `shared` (a later round), tags in `drop` are avoided, and
   * so is any tag no other paper has (`usage` counts the previous round, this paper included).
   */
  const select = (cands: readonly Candidate[], shared: boolean, mine: readonly Candidate[] = [], drop: ReadonlySet<Candidate> = new Set()): Candidate[] => {
    const top = cands[0]?.score ?? 0;
    const out: Candidate[] = [];
    const isShared = (c: Candidate) => !drop.has(c) && (mine.includes(c) ? usage[c.slot]! >= 2 || !drop.size : usage[c.slot]! >= 1);
    const pass = (threshold: number, needShared: boolean) => {
      for (const c of cands) {
        if (out.length >= MAX_TAGS) return;
        if (c.score < threshold || out.includes(c) || (c.backup && threshold > 0)) continue;
        if (needShared && !isShared(c)) continue;
        if (out.some((o) => overlapping(o, c))) continue;
        out.push(c);
      }
    };
    // Kept tags first, so a replacement only fills the place of a dropped one.
    for (const c of mine) if (!drop.has(c)) out.push(c);
    pass(Math.max(KEEP * top, 0.9), shared);
    if (out.length < MIN_TAGS) pass(0.15 * top, shared);
    if (out.length < MIN_TAGS) pass(1e-9, false);
    if (out.length < MIN_TAGS) {
      for (const c of cands) if (out.length < MIN_TAGS && c.backup && !out.some((o) => overlapping(o, c))) out.push(c);
    }
    if (out.length < MIN_TAGS) {
      // A short abstract may have only overlapping phrases; overlap beats too few tags.
      for (const c of cands) if (out.length < MIN_TAGS && !out.includes(c)) out.push(c);
    }
    return out.sort(byRank);
  };

  /**
   * A tag only one paper chose is often a real concept that other papers mention less prominently;
   * giving it to the paper that mentions it most (if it has room) makes the tag page useful.
   */
  const shareSingles = (chosen: Candidate[][]): Candidate[][] => {
    countUsage(chosen);
    const holders = new Map<number, { d: number; c: Candidate; rel: number }[]>();
    ranked.forEach((cands, d) => {
      const top = cands[0]?.score ?? 1;
      for (const c of cands) {
        if (usage[c.slot] !== 1) continue;
        const rel = c.score / top;
        if (rel < 0.25 || chosen[d]!.includes(c)) continue;
        const list = holders.get(c.slot);
        if (list) list.push({ d, c, rel });
        else holders.set(c.slot, [{ d, c, rel }]);
      }
    });
    const out = chosen.map((tags) => [...tags]);
    for (const slot of [...holders.keys()].sort((a, b) => compareNames(keyOf(a), keyOf(b)))) {
      const options = holders.get(slot)!.sort((a, b) => b.rel - a.rel || a.d - b.d);
      const pick = options.find((o) => out[o.d]!.length < MAX_TAGS && !out[o.d]!.some((t) => overlapping(t, o.c)));
      if (pick) out[pick.d]!.push(pick.c);
    }
    return out.map((tags) => tags.sort(byRank));
  };
  const keyOf = (slot: number): TagKey => (slot >= phrases ? `v${slot - phrases}` : `p${slot}`);

  let chosen = ranked.map((cands) => select(cands, false));
  // Tags used by one paper only are dead ends on the site. The most confident of them may stay (up
  // to SINGLE_SHARE of all tags); the others give way to the paper's best tag that others share.
  for (let round = 0; round < 4; round++) {
    chosen = shareSingles(chosen);
    const distinct = countUsage(chosen);
    const singles: { d: number; c: Candidate; rank: number }[] = [];
    chosen.forEach((tags, d) => tags.forEach((c, rank) => usage[c.slot] === 1 && singles.push({ d, c, rank })));
    const allowed = Math.floor(SINGLE_SHARE * distinct);
    if (singles.length <= allowed) break;
    singles.sort((a, b) => a.rank - b.rank || b.c.score - a.c.score || a.d - b.d);
    const drop = new Set(singles.slice(allowed).map((s) => s.c));
    chosen = chosen.map((tags, d) => (tags.some((t) => drop.has(t)) ? select(ranked[d]!, true, tags, drop) : tags));
  }
  chosen = shareSingles(chosen);
  shareBackups(corpus, chosen, overlapping);
  return chosen.map((tags) => ({ names: tags.map((t) => nameOf(t.slot)), keys: tags.map((t) => keyOf(t.slot)) }));
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Fallback phrases (of papers with too little shared vocabulary) that other papers also contain go
 * to the one that mentions them most, so they are not dead ends either.
 */
function shareBackups(corpus: Corpus, chosen: Candidate[][], overlapping: (a: Candidate, b: Candidate) => boolean): void {
  const usage = new Map<number, number>();
  for (const tags of chosen) for (const c of tags) usage.set(c.slot, (usage.get(c.slot) ?? 0) + 1);
  const wanted = new Map<number, Candidate>();
  for (const tags of chosen) for (const c of tags) if (c.backup && usage.get(c.slot) === 1) wanted.set(c.slot, c);
  if (!wanted.size) return;
  const best = new Map<number, { d: number; evidence: number }>();
  for (let d = 0; d < corpus.size; d++) {
    if (chosen[d]!.length >= MAX_TAGS) continue;
    for (let i = corpus.start[d]!; i < corpus.start[d + 1]!; i++) {
      const c = wanted.get(corpus.ids[i]!);
      if (!c || chosen[d]!.includes(c) || chosen[d]!.some((t) => overlapping(t, c))) continue;
      const evidence = corpus.title[i]! * 3 + corpus.body[i]!;
      const prior = best.get(corpus.ids[i]!);
      if (!prior || evidence > prior.evidence) best.set(corpus.ids[i]!, { d, evidence });
    }
  }
  for (const [p, { d }] of [...best].sort((a, b) => a[0] - b[0])) if (chosen[d]!.length < MAX_TAGS) chosen[d]!.push(wanted.get(p)!);
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
  const words = corpus.key(p).split(' ');
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
