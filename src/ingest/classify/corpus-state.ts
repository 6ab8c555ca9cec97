/**
 * The corpus pass (corpus.ts) made incremental: what a pass over a list leaves (`CorpusState`, kept by the
 * caller between ingests) is extended with the papers added since, so that a rebuild that adds a dump reads
 * only the new abstracts. The result is the one a pass over the whole list gives, to the last phrase id:
 * the vectors number their features in phrase-id order (vectors.ts), and sums over features (a topic
 * centroid's norm, stable.ts) round differently in another order.
 *
 * Why: the corpus pass over every abstract was almost all of an add-one rebuild's tagging stage (10k papers:
 * 1.2–1.8 s of 1.4–2.3 s; 50k: ~4 s), though only the new papers' text is new.
 *
 * How the ids come out the same: a pass interns phrases in the order papers first meet them, so each paper
 * owns a contiguous block of ids (the phrases it met first), in the order it met them. With a paper added, an
 * old paper's block loses the phrases a new paper before it met first, and keeps its order; a new paper
 * creates the phrases it meets that no paper before it met, in the order it meets them, which is the order in
 * which a pass over that paper alone interns them. Walking the list in order and numbering each paper's block
 * (old papers) or its own pass's phrases (new ones), skipping those already numbered, gives the ids of a
 * whole pass. That holds while the old papers are all there, unchanged, in their order, and read the same:
 * a new paper may change the list's acronyms (corpus.ts dominantAcronyms), which changes how an old paper
 * that writes such an acronym undefined is read. Otherwise `extendCorpus` declines and the caller makes a
 * whole pass.
 */
import {
  countAcronyms,
  countPhrases,
  dominantAcronyms,
  type AcronymCounts,
  type Corpus,
  type PaperText,
  type PhrasePass,
  type PhraseCounts,
} from './corpus.ts';
import { definedAcronyms } from './tokenize.ts';

/** Bump when the layout below changes (the caller's cache key covers the code that reads text into phrases). */
export const CORPUS_STATE_VERSION = 1;

/** What a corpus pass over a list leaves for the next one: plain data (typed arrays, strings, maps). */
export interface CorpusState {
  version: number;
  /** Per paper, in order: the caller's key of its title and abstract (see `extendCorpus`). */
  keys: string[];
  /** The acronyms the papers define (corpus.ts countAcronyms). */
  acronyms: AcronymCounts;
  /** Acronyms some paper looked up in the list's (corpus.ts countPhrases). */
  consulted: string[];
  /** The entries, as in PhraseCounts. */
  start: Int32Array;
  ids: Int32Array;
  title: Uint16Array;
  body: Uint16Array;
  /** Phrases each paper interned first (corpus.ts PhrasePass). */
  blockStart: Int32Array;
  /** Per phrase: the phrase it extends by one word (−1 for a word), its last word, its length in words. */
  parent: Int32Array;
  lastWord: Int32Array;
  words: Uint8Array;
  /** Per word: its key (corpus.ts: singular, lowercase). */
  wordKeys: string[];
}

/** What incremental classification reads of a corpus: the phrase counts, and ids by phrase key. */
export type CountsWithLookup = PhraseCounts & Pick<Corpus, 'idOf'>;

/** The state a whole pass over `papers` (keys `keys`, same order) leaves, with its corpus. */
export function passWithState(papers: readonly PaperText[], keys: readonly string[]): { pass: PhrasePass; state: CorpusState } {
  const own = papers.map((p) => definedAcronyms(p.abstract));
  const acronyms = countAcronyms(own);
  const consulted = new Set<string>();
  const pass = countPhrases(papers, own, dominantAcronyms(acronyms), consulted);
  const b = pass.builder;
  const wordKeys = new Array<string>(b.wordIds.size);
  for (const [key, w] of b.wordIds) wordKeys[w] = key;
  const state: CorpusState = {
    version: CORPUS_STATE_VERSION,
    keys: [...keys],
    acronyms,
    consulted: [...consulted].sort(),
    start: pass.start,
    ids: pass.ids,
    title: pass.title,
    body: pass.body,
    blockStart: pass.blockStart,
    parent: b.parent.slice(0, b.count),
    lastWord: b.lastWord.slice(0, b.count),
    words: b.words.slice(0, b.count),
    wordKeys,
  };
  return { pass, state };
}

/**
 * The phrase counts of `papers` (as buildCorpus gives them, ids included) and the state for the next ingest,
 * from `state`, the state of an earlier list, and a pass over the papers it lacks. `keys[d]` must change
 * whenever paper d's title or abstract does. Null (make a whole pass) when `state` is not that of these
 * papers less some new ones, in the same order, or when the new papers change how an old one reads.
 */
export function extendCorpus(state: CorpusState, papers: readonly PaperText[], keys: readonly string[]): { counts: CountsWithLookup; state: CorpusState } | null {
  if (!wellFormed(state)) return null;
  const old = matchOld(state.keys, keys);
  if (!old) return null;
  const added = papers.flatMap((p, d) => (old[d]! < 0 ? [p] : []));
  const own = added.map((p) => definedAcronyms(p.abstract));
  const acronyms = countAcronyms(own, cloneCounts(state.acronyms));
  const list = dominantAcronyms(acronyms);
  if (readsDifferently(state, list)) return null;
  const consulted = new Set(state.consulted);
  // Each new paper alone: its phrases in the order it meets them (see the top of this file).
  const passes = added.map((p, k) => countPhrases([p], [own[k]!], list, consulted));
  const table = new ExtendedTable(state);
  const local = passes.map((pass) => table.addPass(pass));
  const perm = new Int32Array(table.count).fill(-1);
  const blockStart = new Int32Array(papers.length + 1);
  let next = 0;
  let k = 0;
  for (let d = 0; d < papers.length; d++) {
    blockStart[d] = next;
    if (old[d]! >= 0) {
      for (let e = state.blockStart[old[d]!]!; e < state.blockStart[old[d]! + 1]!; e++) if (perm[e]! < 0) perm[e] = next++;
    } else for (const e of local[k++]!) if (perm[e]! < 0) perm[e] = next++;
  }
  blockStart[papers.length] = next;
  if (next !== table.count) return null; // a phrase no paper met: not the state of a pass
  const merged = mergeEntries(state, old, passes, local, perm);
  const { parent, lastWord, words } = table.renumbered(perm);
  const { df, titleDf } = documentFrequencies(next, merged);
  const extended: CorpusState = {
    version: CORPUS_STATE_VERSION,
    keys: [...keys],
    acronyms,
    consulted: [...consulted].sort(),
    ...merged,
    blockStart,
    parent,
    lastWord,
    words,
    wordKeys: table.wordKeys,
  };
  const idOf = (phrase: string): number | undefined => {
    const e = table.find(phrase);
    return e === undefined ? undefined : perm[e];
  };
  return { counts: { size: papers.length, ...merged, count: next, words, df, titleDf, idOf }, state: extended };
}

/** The arrays agree in length (a state read back from disk is trusted no further). */
function wellFormed(s: CorpusState): boolean {
  const n = s.keys?.length;
  const count = s.parent?.length;
  return (
    s.version === CORPUS_STATE_VERSION &&
    n !== undefined &&
    s.start?.length === n + 1 &&
    s.blockStart?.length === n + 1 &&
    s.blockStart[n] === count &&
    s.start[n] === s.ids?.length &&
    s.ids.length === s.title?.length &&
    s.ids.length === s.body?.length &&
    [s.lastWord, s.words].every((a) => a?.length === count) &&
    Array.isArray(s.wordKeys) &&
    s.acronyms instanceof Map &&
    Array.isArray(s.consulted)
  );
}

/**
 * For each of `keys`, the index of the same paper in `previous`, or −1 for a new one; null unless every
 * previous paper is there, in its order.
 */
function matchOld(previous: readonly string[], keys: readonly string[]): Int32Array | null {
  const out = new Int32Array(keys.length).fill(-1);
  let j = 0;
  keys.forEach((key, d) => {
    if (j < previous.length && key === previous[j]) out[d] = j++;
  });
  return j === previous.length ? out : null;
}

function cloneCounts(counts: AcronymCounts): AcronymCounts {
  return new Map([...counts].map(([acronym, byExpansion]) => [acronym, new Map(byExpansion)]));
}

/** Whether an acronym an old paper looked up now expands otherwise (or now does, or no longer does). */
function readsDifferently(state: CorpusState, list: ReadonlyMap<string, readonly string[]>): boolean {
  const before = dominantAcronyms(state.acronyms);
  const expansion = (m: ReadonlyMap<string, readonly string[]>, k: string) => m.get(k)?.join(' ');
  return state.consulted.some((k) => expansion(before, k) !== expansion(list, k));
}

/** The entries of the old papers (phrase ids renumbered) and the new ones, in the papers' order. */
function mergeEntries(
  state: CorpusState,
  old: Int32Array,
  passes: readonly PhrasePass[],
  local: readonly Int32Array[],
  perm: Int32Array,
): Pick<PhraseCounts, 'start' | 'ids' | 'title' | 'body'> {
  const total = state.ids.length + passes.reduce((sum, p) => sum + p.ids.length, 0);
  const start = new Int32Array(old.length + 1);
  const ids = new Int32Array(total);
  const title = new Uint16Array(total);
  const body = new Uint16Array(total);
  let at = 0;
  let k = 0;
  for (let d = 0; d < old.length; d++) {
    const j = old[d]!;
    const [from, to, src, map] = j >= 0 ? [state.start[j]!, state.start[j + 1]!, state, null] : [0, passes[k]!.ids.length, passes[k]!, local[k++]!];
    title.set(src.title.subarray(from, to), at);
    body.set(src.body.subarray(from, to), at);
    for (let i = from; i < to; i++) ids[at++] = perm[map ? map[src.ids[i]!]! : src.ids[i]!]!;
    start[d + 1] = at;
  }
  return { start, ids, title, body };
}

/**
 * The old state's phrase table extended with the phrases new papers bring: "extended" ids are the old ones,
 * then the new phrases in the order they were added. Finds a phrase by (phrase, next word) through the
 * old phrases' children (each phrase's extensions by one word, built once: the table is not kept between
 * ingests) and a map of the new ones.
 */
class ExtendedTable {
  private readonly parent: number[];
  private readonly lastWord: number[];
  private readonly words: number[];
  readonly wordKeys: string[];
  private readonly wordIds: Map<string, number>;
  private readonly wordPhrase: number[];
  private readonly oldCount: number;
  private readonly childStart: Int32Array;
  private readonly children: Int32Array;
  private readonly added = new Map<number, number>();
  private readonly state: CorpusState;

  constructor(state: CorpusState) {
    this.state = state;
    const count = state.parent.length;
    this.oldCount = count;
    this.parent = [];
    this.lastWord = [];
    this.words = [];
    this.wordKeys = [...state.wordKeys];
    this.wordIds = new Map(this.wordKeys.map((key, w) => [key, w]));
    this.wordPhrase = new Array<number>(this.wordKeys.length).fill(-1);
    // Children of each phrase in one flat array (a counting sort by parent), in id order.
    this.childStart = new Int32Array(count + 2);
    for (let e = 0; e < count; e++) {
      const p = state.parent[e]!;
      if (p < 0) this.wordPhrase[state.lastWord[e]!] = e;
      else this.childStart[p + 2]!++;
    }
    for (let e = 0; e < count; e++) this.childStart[e + 2]! += this.childStart[e + 1]!;
    this.children = new Int32Array(this.childStart[count + 1]!);
    for (let e = 0; e < count; e++) {
      const p = state.parent[e]!;
      if (p >= 0) this.children[this.childStart[p + 1]!++] = e;
    }
  }

  get count(): number {
    return this.oldCount + this.parent.length;
  }

  private lastWordOf(e: number): number {
    return e < this.oldCount ? this.state.lastWord[e]! : this.lastWord[e - this.oldCount]!;
  }

  /** The phrase extending phrase `p` (−1: none, a word) by word `w`, or −1. */
  private child(p: number, w: number): number {
    if (p < 0) return w < this.wordPhrase.length ? this.wordPhrase[w]! : -1;
    if (p < this.oldCount) {
      for (let i = this.childStart[p]!; i < this.childStart[p + 1]!; i++) if (this.state.lastWord[this.children[i]!] === w) return this.children[i]!;
    }
    return this.added.get(p * 2 ** 26 + w) ?? -1;
  }

  /** The extended id of every phrase of a pass over one new paper, by its id there; adds the phrases not known. */
  addPass(pass: PhrasePass): Int32Array {
    const b = pass.builder;
    const keyOf = new Array<string>(b.wordIds.size);
    for (const [key, w] of b.wordIds) keyOf[w] = key;
    const out = new Int32Array(b.count);
    for (let l = 0; l < b.count; l++) {
      const key = keyOf[b.lastWord[l]!]!;
      let w = this.wordIds.get(key);
      if (w === undefined) {
        w = this.wordKeys.length;
        this.wordKeys.push(key);
        this.wordIds.set(key, w);
        this.wordPhrase.push(-1);
      }
      const p = b.parent[l]! < 0 ? -1 : out[b.parent[l]!]!;
      let e = this.child(p, w);
      if (e < 0) {
        e = this.count;
        this.parent.push(p);
        this.lastWord.push(w);
        this.words.push(b.words[l]!);
        if (p < 0) this.wordPhrase[w] = e;
        else this.added.set(p * 2 ** 26 + w, e);
      }
      out[l] = e;
    }
    return out;
  }

  /** The extended id of a phrase key (words joined by spaces), as corpus.ts idOf. */
  find(phrase: string): number | undefined {
    let e = -1;
    for (const part of phrase.split(' ')) {
      const w = this.wordIds.get(part);
      if (w === undefined) return undefined;
      e = this.child(e, w);
      if (e < 0) return undefined;
    }
    return e < 0 ? undefined : e;
  }

  /** The table in the ids `perm` gives. */
  renumbered(perm: Int32Array): Pick<CorpusState, 'parent' | 'lastWord' | 'words'> {
    const count = this.count;
    const parent = new Int32Array(count);
    const lastWord = new Int32Array(count);
    const words = new Uint8Array(count);
    for (let e = 0; e < count; e++) {
      const old = e < this.oldCount;
      const p = old ? this.state.parent[e]! : this.parent[e - this.oldCount]!;
      parent[perm[e]!] = p < 0 ? -1 : perm[p]!;
      lastWord[perm[e]!] = this.lastWordOf(e);
      words[perm[e]!] = old ? this.state.words[e]! : this.words[e - this.oldCount]!;
    }
    return { parent, lastWord, words };
  }
}

/** Papers with each phrase, and papers with it in their title, from the entries (as the pass counts them). */
function documentFrequencies(count: number, entries: Pick<PhraseCounts, 'ids' | 'title'>): Pick<PhraseCounts, 'df' | 'titleDf'> {
  const df = new Int32Array(count);
  const titleDf = new Int32Array(count);
  for (let i = 0; i < entries.ids.length; i++) {
    df[entries.ids[i]!]!++;
    if (entries.title[i]) titleDf[entries.ids[i]!]!++;
  }
  return { df, titleDf };
}
