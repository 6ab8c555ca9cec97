/**
 * One pass over all papers that counts every candidate phrase (1–4 words) per paper, with corpus-wide
 * document frequencies. Tags, topics and related papers all read these counts, so the text is
 * tokenized once. Phrases are interned to integer ids to keep 50k papers within memory.
 */
import { definedAcronyms, INNER_WORDS, tokenize, type Chunk, type Token } from './tokenize.ts';

export interface PaperText {
  readonly id: string;
  readonly title: string;
  readonly abstract: string;
}

export interface DocPhrases {
  /** Phrase ids in ascending order. */
  readonly ids: Int32Array;
  /** Occurrences in the title (0 when the title is only the abstract's first words). */
  readonly title: Uint16Array;
  /** Occurrences in the abstract. */
  readonly body: Uint16Array;
}

export interface Corpus {
  readonly size: number;
  readonly docs: readonly DocPhrases[];
  /** Phrase key (singular words joined by spaces) by id. */
  readonly keys: readonly string[];
  readonly words: Uint8Array;
  readonly df: Int32Array;
  /** Papers whose (own) title contains the phrase. */
  readonly titleDf: Int32Array;
  /** Largest document frequency of a one-word-longer phrase containing this one. */
  readonly superDf: Int32Array;
  /** The most common way the phrase is written (lowercase). */
  surface(id: number): string;
  idOf(key: string): number | undefined;
}

const MAX_WORDS = 3;

export function buildCorpus(papers: readonly PaperText[]): Corpus {
  const acronyms = corpusAcronyms(papers);
  // Words are interned by string once per token; longer phrases by the numeric pair (phrase, next
  // word), which avoids building and hashing a string for every n-gram of every paper.
  const wordIds = new Map<string, number>();
  const wordSurface: string[] = [];
  const wordPhrase: number[] = [];
  const wordNumeric: boolean[] = [];
  // Reused per chunk instead of allocating arrays for every sentence piece.
  let ws = new Int32Array(256);
  const extend = new PairTable();
  const keys: string[] = [];
  const words: number[] = [];
  const lastWord: number[] = [];
  const joinMask: number[] = [];
  let df = new Int32Array(1024);
  let titleDf = new Int32Array(1024);
  let plural = new Int32Array(1024);
  // Per-paper counts live in scratch arrays indexed by phrase id, reset through the touched list.
  let titleCount = new Int32Array(1024);
  let bodyCount = new Int32Array(1024);
  let touched: number[] = [];
  const docs: DocPhrases[] = [];

  const newPhrase = (key: string, n: number, last: number, mask: number): number => {
    const id = keys.length;
    keys.push(key);
    words.push(n);
    lastWord.push(last);
    joinMask.push(mask);
    if (id >= df.length) {
      df = grow(df);
      titleDf = grow(titleDf);
      plural = grow(plural);
      titleCount = grow(titleCount);
      bodyCount = grow(bodyCount);
    }
    return id;
  };
  const wordId = (t: Token): number => {
    let w = wordIds.get(t.key);
    if (w === undefined) {
      w = wordSurface.length;
      wordIds.set(t.key, w);
      wordSurface.push(t.surface.includes('-') ? t.surface : t.key);
      wordPhrase.push(newPhrase(t.key, 1, w, 0));
      wordNumeric.push(/^\d+$/.test(t.key));
    }
    return w;
  };

  for (const paper of papers) {
    const own = definedAcronyms(paper.abstract);
    const local = own.size ? { get: (k: string) => own.get(k) ?? acronyms.get(k) } : acronyms;
    touched = [];
    const count = (chunks: Chunk[], into: 'title' | 'body') => {
      for (const chunk of chunks) {
        if (chunk.length > ws.length) ws = new Int32Array(chunk.length * 2);
        for (let j = 0; j < chunk.length; j++) ws[j] = wordId(chunk[j]!);
        for (let i = 0; i < chunk.length; i++) {
          if (chunk[i]!.stop) continue;
          // Word ids and their one-word phrase ids coincide only for words; look the phrase up.
          let id = -1;
          let mask = 0;
          for (let n = 1; n <= MAX_WORDS && i + n <= chunk.length; n++) {
            const t = chunk[i + n - 1]!;
            if (wordNumeric[ws[i + n - 1]!]) break;
            if (n === 1) id = wordPhrase[ws[i]!]!;
            else {
              if (t.joined) mask |= 1 << (n - 1);
              let next = extend.get(id, ws[i + n - 1]!);
              if (next < 0) {
                next = newPhrase(`${keys[id]} ${t.key}`, n, ws[i + n - 1]!, mask);
                extend.set(id, ws[i + n - 1]!, next);
              }
              id = next;
            }
            if (t.stop) {
              if (!INNER_WORDS.has(t.key)) break;
              continue;
            }
            if (titleCount[id] === 0 && bodyCount[id] === 0) touched.push(id);
            // Not hoisted: interning may grow (replace) the arrays mid-paper.
            if (into === 'title') titleCount[id]!++;
            else bodyCount[id]!++;
            if (t.surface !== t.key && !t.surface.includes('-')) plural[id]!++;
          }
        }
      }
    };
    if (!titleRepeatsAbstract(paper.title, paper.abstract)) count(tokenize(paper.title, local), 'title');
    count(tokenize(paper.abstract, local), 'body');
    const docIds = Int32Array.from(touched).sort();
    const title = new Uint16Array(docIds.length);
    const body = new Uint16Array(docIds.length);
    for (let i = 0; i < docIds.length; i++) {
      const id = docIds[i]!;
      title[i] = Math.min(titleCount[id]!, 65535);
      body[i] = Math.min(bodyCount[id]!, 65535);
      titleCount[id] = 0;
      bodyCount[id] = 0;
      df[id]!++;
      if (title[i]) titleDf[id]!++;
    }
    docs.push({ ids: docIds, title, body });
  }

  const phraseIds = new Map<string, number>();
  const idOf = (key: string): number | undefined => {
    if (phraseIds.size === 0) keys.forEach((k, i) => phraseIds.set(k, i));
    return phraseIds.get(key);
  };
  const superDf = new Int32Array(keys.length);
  for (let id = 0; id < keys.length; id++) {
    if (words[id]! < 2 || df[id] === 0) continue;
    const key = keys[id]!;
    const prefix = idOf(key.slice(0, key.lastIndexOf(' ')));
    const suffix = idOf(key.slice(key.indexOf(' ') + 1));
    if (prefix !== undefined && df[id]! > superDf[prefix]!) superDf[prefix] = df[id]!;
    if (suffix !== undefined && df[id]! > superDf[suffix]!) superDf[suffix] = df[id]!;
  }

  const surface = (id: number): string => {
    const parts = keys[id]!.split(' ').map((k) => wordSurface[wordIds.get(k)!] ?? k);
    // The last word follows how the phrase itself is mostly written (singular or plural).
    const lastKey = keys[id]!.slice(keys[id]!.lastIndexOf(' ') + 1);
    parts[parts.length - 1] = plural[id]! * 2 > df[id]! && lastKey.length > 2 ? pluralOf(lastKey) : lastKey;
    let out = parts[0]!;
    for (let i = 1; i < parts.length; i++) out += (joinMask[id]! & (1 << i) ? '-' : ' ') + parts[i];
    return out;
  };
  return {
    size: papers.length,
    docs,
    keys,
    words: Uint8Array.from(words),
    df: df.subarray(0, keys.length),
    titleDf: titleDf.subarray(0, keys.length),
    superDf,
    surface,
    idOf,
  };
}

function pluralOf(word: string): string {
  if (/(s|x|ch|sh|z)$/.test(word)) return word + 'es';
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + 'ies';
  return word + 's';
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Acronyms defined in two or more papers with one dominant expansion, applied to every paper:
 * a paper that writes "GNN" without defining it still counts "graph neural network".
 */
function corpusAcronyms(papers: readonly PaperText[]): Map<string, string[]> {
  const seen = new Map<string, Map<string, number>>();
  for (const paper of papers) {
    for (const [acronym, expansion] of definedAcronyms(paper.abstract)) {
      const byExpansion = seen.get(acronym) ?? new Map<string, number>();
      const key = expansion.join(' ');
      byExpansion.set(key, (byExpansion.get(key) ?? 0) + 1);
      seen.set(acronym, byExpansion);
    }
  }
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
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const t = norm(title).slice(0, 40);
  return t.length > 0 && norm(abstract.slice(0, 300)).includes(t);
}

/**
 * Open-addressing hash table from a pair of non-negative ints to an int. Hand-written because the
 * n-gram walk looks up (phrase, next word) millions of times, and a Map keyed by a combined double
 * is several times slower.
 */
class PairTable {
  private a = new Int32Array(1 << 16).fill(-1);
  private b = new Int32Array(1 << 16);
  private v = new Int32Array(1 << 16);
  private used = 0;

  get(x: number, y: number): number {
    const mask = this.a.length - 1;
    let h = hashPair(x, y) & mask;
    for (;;) {
      const ax = this.a[h]!;
      if (ax === -1) return -1;
      if (ax === x && this.b[h] === y) return this.v[h]!;
      h = (h + 1) & mask;
    }
  }

  set(x: number, y: number, value: number): void {
    if ((this.used + 1) * 2 > this.a.length) this.resize();
    const mask = this.a.length - 1;
    let h = hashPair(x, y) & mask;
    while (this.a[h] !== -1 && !(this.a[h] === x && this.b[h] === y)) h = (h + 1) & mask;
    if (this.a[h] === -1) this.used++;
    this.a[h] = x;
    this.b[h] = y;
    this.v[h] = value;
  }

  private resize(): void {
    const { a, b, v } = this;
    this.a = new Int32Array(a.length * 2).fill(-1);
    this.b = new Int32Array(a.length * 2);
    this.v = new Int32Array(a.length * 2);
    this.used = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== -1) this.set(a[i]!, b[i]!, v[i]!);
  }
}

function hashPair(x: number, y: number): number {
  let h = Math.imul(x, 0x9e3779b1) ^ Math.imul(y + 0x7f4a7c15, 0x85ebca6b);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) >>> 0;
}
