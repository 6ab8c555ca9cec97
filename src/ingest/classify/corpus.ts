/**
 * One pass over all papers that counts every candidate phrase (1–3 words) per paper, with corpus-wide
 * document frequencies. Tags, topics and related papers all read these counts, so the text is
 * tokenized once. Phrases are interned to integer ids to keep 50k papers within memory.
 */
import { languageOf } from '../../core/english/everyday.ts';
import { regularPlural } from '../../core/english/inflection.ts';
import { Builder, TITLE_END } from './corpus-builder.ts';
import { grow } from '../../core/typed-arrays.ts';
import { definedAcronyms, isWordChar } from './tokenize.ts';

export interface PaperText {
  readonly id: string;
  readonly title: string;
  readonly abstract: string;
}

const languages = new WeakMap<PaperText, string>();
/**
 * A paper's language, ISO 639-1 or 'und' (english/everyday.ts `languageOf` over its title and abstract),
 * guessed once per paper for the stages that ask (terms of a paper with no short form expanded, topic names,
 * papers the list's vocabulary does not reach).
 */
export function paperLanguage(p: PaperText): string {
  let language = languages.get(p);
  if (language === undefined) languages.set(p, (language = languageOf(`${p.title} ${p.abstract}`)));
  return language;
}

/**
 * Per-paper counts of interned phrases, the layout the corpus and the term table (termhood.ts) share.
 * The phrases of paper d are entries start[d] … start[d + 1] − 1 of the flat arrays: one allocation
 * for the whole list instead of three per paper (50k papers would make the collector copy 150k arrays).
 */
export interface PhraseCounts {
  readonly size: number;
  /** Where each paper's entries begin; start[size] is the number of entries. */
  readonly start: Int32Array;
  /** Phrase id of each entry, in order of first occurrence within a paper. */
  readonly ids: Int32Array;
  /** Occurrences in the title (0 when the title is only the abstract's first words). */
  readonly title: Uint16Array;
  /** Occurrences in the abstract. */
  readonly body: Uint16Array;
  /** Number of distinct phrases; phrase ids run from 0 to count − 1. */
  readonly count: number;
  /** Words in each phrase. */
  readonly words: Uint8Array;
  readonly df: Int32Array;
  /** Papers whose (own) title contains the phrase. */
  readonly titleDf: Int32Array;
}

export interface Corpus extends PhraseCounts {
  /** Largest document frequency of a one-word-longer phrase containing this one. */
  readonly superDf: Int32Array;
  /** Phrase key: singular words joined by spaces. */
  key(id: number): string;
  /** The most common way the phrase is written (lowercase). */
  surface(id: number): string;
  idOf(key: string): number | undefined;
}

/** The phrase counts of `papers` (see `Corpus`), in one pass over their titles and abstracts. */
export function buildCorpus(papers: readonly PaperText[]): Corpus {
  const own = papers.map((p) => definedAcronyms(p.abstract));
  return corpusOf(countPhrases(papers, own, dominantAcronyms(countAcronyms(own))));
}

/** The corpus a pass made (see `Corpus`). */
export function corpusOf(pass: PhrasePass): Corpus {
  return { size: pass.start.length - 1, start: pass.start, ids: pass.ids, title: pass.title, body: pass.body, ...phraseTable(pass.builder) };
}

/** One pass over papers: their entries (as in `PhraseCounts`) and the builder that interned their phrases. */
export interface PhrasePass {
  readonly builder: Builder;
  readonly start: Int32Array;
  readonly ids: Int32Array;
  readonly title: Uint16Array;
  readonly body: Uint16Array;
  /**
   * Paper d created (interned first) phrases blockStart[d] … blockStart[d + 1] − 1, in the order it met them:
   * phrase ids follow the papers' order, which is what an incremental pass (corpus-state.ts) must reproduce.
   */
  readonly blockStart: Int32Array;
}

/**
 * Counts the phrases of `papers` in order. `own[d]`: the acronyms paper d defines (`definedAcronyms`);
 * `acronyms`: those of the whole list (`dominantAcronyms`), expanding where a paper defines none of its own.
 * `consulted`, when given, collects every acronym looked up in `acronyms`: a list whose acronyms change
 * reads those papers differently.
 */
export function countPhrases(
  papers: readonly PaperText[],
  own: readonly Map<string, string[]>[],
  acronyms: ReadonlyMap<string, readonly string[]>,
  consulted?: Set<string>,
): PhrasePass {
  const list = consulted ? { get: (k: string) => (consulted.add(k), acronyms.get(k)) } : acronyms;
  const b = new Builder();
  const start = new Int32Array(papers.length + 1);
  const blockStart = new Int32Array(papers.length + 1);
  let ids = new Int32Array(1 << 16);
  let title = new Uint16Array(1 << 16);
  let body = new Uint16Array(1 << 16);
  let entries = 0;

  for (let d = 0; d < papers.length; d++) {
    const paper = papers[d]!;
    const mine = own[d]!;
    const local = mine.size ? { get: (k: string) => mine.get(k) ?? list.get(k) } : list;
    blockStart[d] = b.count;
    b.touchedCount = 0;
    if (!titleRepeatsAbstract(paper.title, paper.abstract)) b.scan(paper.title, local);
    b.mark(TITLE_END);
    b.scan(paper.abstract, local);
    b.countPaper();
    const touchedCount = b.touchedCount;
    const docIds = b.touched;
    while (entries + touchedCount > ids.length) {
      ids = grow(ids);
      title = grow(title);
      body = grow(body);
    }
    const { titleCount, bodyCount, df, titleDf } = b;
    for (let i = 0; i < touchedCount; i++) {
      const id = docIds[i]!;
      const at = entries + i;
      ids[at] = id;
      title[at] = Math.min(titleCount[id]!, 65535);
      body[at] = Math.min(bodyCount[id]!, 65535);
      titleCount[id] = 0;
      bodyCount[id] = 0;
      df[id]!++;
      if (title[at]) titleDf[id]!++;
    }
    entries += touchedCount;
    start[d + 1] = entries;
  }
  blockStart[papers.length] = b.count;
  return { builder: b, start, ids: ids.slice(0, entries), title: title.slice(0, entries), body: body.slice(0, entries), blockStart };
}

/** The phrases a finished pass interned: their counts, and lookups by id and by key. */
function phraseTable(b: Builder): Pick<Corpus, 'count' | 'words' | 'df' | 'titleDf' | 'superDf' | 'key' | 'surface' | 'idOf'> {
  const { count, parent, lastWord, words, joinMask, df, titleDf, plural, extend, wordPhrase, wordIds, wordSurface } = b;
  // The phrase without its first word: a word's phrase for two words, else that of the parent extended.
  const suffix = new Int32Array(count).fill(-1);
  const superDf = new Int32Array(count);
  for (let id = 0; id < count; id++) {
    if (words[id]! < 2) continue;
    const p = parent[id]!;
    suffix[id] = words[id] === 2 ? wordPhrase[lastWord[id]!]! : suffix[p]! >= 0 ? extend.get(suffix[p]!, lastWord[id]!) : -1;
    if (df[id] === 0) continue;
    if (df[id]! > superDf[p]!) superDf[p] = df[id]!;
    const s = suffix[id]!;
    if (s >= 0 && df[id]! > superDf[s]!) superDf[s] = df[id]!;
  }

  const keyOfWord: string[] = new Array(wordSurface.length);
  for (const [k, w] of wordIds) keyOfWord[w] = k;
  const keyCache = new Map<number, string>();
  const key = (id: number): string => {
    let k = keyCache.get(id);
    if (k === undefined) {
      k = parent[id]! < 0 ? keyOfWord[lastWord[id]!]! : `${key(parent[id]!)} ${keyOfWord[lastWord[id]!]!}`;
      keyCache.set(id, k);
    }
    return k;
  };
  const idOf = (phrase: string): number | undefined => {
    let id = -1;
    for (const part of phrase.split(' ')) {
      const w = wordIds.get(part);
      if (w === undefined) return undefined;
      id = id < 0 ? wordPhrase[w]! : extend.get(id, w);
      if (id < 0) return undefined;
    }
    return id < 0 ? undefined : id;
  };

  const surface = (id: number): string => {
    const parts: string[] = [];
    for (let p = id; p >= 0; p = parent[p]!) parts.push(wordSurface[lastWord[p]!]!);
    parts.reverse();
    // The last word follows how the phrase itself is mostly written (singular or plural).
    const lastKey = keyOfWord[lastWord[id]!]!;
    parts[parts.length - 1] = plural[id]! * 2 > df[id]! && lastKey.length > 2 ? regularPlural(lastKey) : lastKey;
    let out = parts[0]!;
    for (let i = 1; i < parts.length; i++) out += (joinMask[id]! & (1 << i) ? '-' : ' ') + parts[i];
    return out;
  };
  return {
    count,
    words: words.slice(0, count),
    df: df.slice(0, count),
    titleDf: titleDf.slice(0, count),
    superDf,
    key,
    surface,
    idOf,
  };
}

/** Acronym → its expansions (words joined by spaces) → how many papers define it so. */
export type AcronymCounts = Map<string, Map<string, number>>;

/** Adds the acronyms each paper defines (`definedAcronyms`) to `into`; returns it. */
export function countAcronyms(defined: readonly Map<string, string[]>[], into: AcronymCounts = new Map()): AcronymCounts {
  for (const own of defined) {
    for (const [acronym, expansion] of own) {
      const byExpansion = into.get(acronym) ?? new Map<string, number>();
      const key = expansion.join(' ');
      byExpansion.set(key, (byExpansion.get(key) ?? 0) + 1);
      into.set(acronym, byExpansion);
    }
  }
  return into;
}

/**
 * Acronyms defined in two or more papers with one dominant expansion, applied to every paper:
 * a paper that writes "GNN" without defining it still counts "graph neural network".
 */
export function dominantAcronyms(seen: AcronymCounts): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const acronym of [...seen.keys()].sort()) {
    const options = [...seen.get(acronym)!].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const total = options.reduce((s, [, c]) => s + c, 0);
    const [best, c] = options[0]!;
    if (total >= 2 && c * 3 >= total * 2) out.set(acronym, best.split(' '));
  }
  return out;
}

/** A derived title is the abstract's first words; counting it twice would fake title evidence. */
export function titleRepeatsAbstract(title: string, abstract: string): boolean {
  // The title's first 40 letters and digits (lowercased) must occur, ignoring everything else, within
  // the abstract's first 300 characters. A character loop: two regular expressions per paper cost more.
  const t = lettersOf(title, title.length, 40);
  return t.length > 0 && lettersOf(abstract, Math.min(abstract.length, 300), Infinity).includes(t);
}

function lettersOf(text: string, end: number, max: number): string {
  let out = '';
  for (let i = 0; i < end && out.length < max; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
      else if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) out += text[i];
    } else if (isWordChar(text, i)) out += text[i]!.toLowerCase();
  }
  return out;
}

