/**
 * One pass over all papers that counts every candidate phrase (1–4 words) per paper, with corpus-wide
 * document frequencies. Tags, topics and related papers all read these counts, so the text is
 * tokenized once. Phrases are interned to integer ids to keep 50k papers within memory.
 */
import { TERM_INNER_WORDS } from '../../core/english/function-words.ts';
import { regularPlural } from '../../core/english/inflection.ts';
import { BREAKS, definedAcronyms, isWordChar, joinsNext, spacedJoin, wordTokens, type Token } from './tokenize.ts';

export interface PaperText {
  readonly id: string;
  readonly title: string;
  readonly abstract: string;
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

const MAX_WORDS = 3;

// Character classes: 1 word character, 2 phrase break, 0 other. Filled lazily beyond ASCII.
const charClass = new Uint8Array(65536);
const charKnown = new Uint8Array(65536);
function classOf(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (!charKnown[c]) {
    charKnown[c] = 1;
    charClass[c] = isWordChar(text, i) ? 1 : BREAKS.has(text[i]!) ? 2 : 0;
  }
  return charClass[c]!;
}
for (let c = 0; c < 128; c++) classOf(String.fromCharCode(c), 0);

// Flags of a token type.
const STOP = 1;
const INNER = 2;
const JOINED = 4;
const PLURAL = 8;
const PREFIX = 16;

function hashChar(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}
const HASH_SEED = 0x811c9dc5 | 0;

/**
 * Words written in the text, interned straight from its characters: the scanner hashes each word
 * as it reads it and compares it in place, so no string is built for a word seen before. Each
 * entry holds the token types that tokenize.ts's rules make of the word.
 */
class WordTable {
  private slots = new Int32Array(1 << 14);
  private hashes = new Int32Array(1 << 13);
  private raws: string[] = [];
  readonly types: Int32Array[] = [];
  readonly spaceJoin: boolean[] = [];

  find(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    const len = end - start;
    for (let h = hash & mask; ; h = (h + 1) & mask) {
      const e = this.slots[h]! - 1;
      if (e < 0) return -1 - h;
      if (this.hashes[e] !== hash) continue;
      const raw = this.raws[e]!;
      if (raw.length !== len) continue;
      let k = 0;
      while (k < len && raw.charCodeAt(k) === text.charCodeAt(start + k)) k++;
      if (k === len) return e;
    }
  }

  add(slot: number, raw: string, hash: number, types: Int32Array, spaceJoin: boolean): number {
    const e = this.raws.length;
    this.raws.push(raw);
    if (e >= this.hashes.length) this.hashes = grow(this.hashes);
    this.hashes[e] = hash;
    this.types.push(types);
    this.spaceJoin.push(spaceJoin);
    this.slots[slot] = e + 1;
    if (this.raws.length * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2);
      const mask = this.slots.length - 1;
      for (let i = 0; i < this.raws.length; i++) {
        let h = this.hashes[i]! & mask;
        while (this.slots[h] !== 0) h = (h + 1) & mask;
        this.slots[h] = i + 1;
      }
    }
    return e;
  }
}

/** Marks in the token stream of a paper: end of a chunk, and end of the title. */
const BREAK = -1;
const TITLE_END = -2;

/**
 * The state of one corpus pass. A class with typed-array fields rather than closures over `let`
 * variables: the hot loops copy the fields into locals, which V8 optimizes far better.
 */
class Builder {
  // Token types: one per (surface, joined) pair, so the rules of tokenize.ts run once per type.
  readonly typeToken: Token[] = [];
  private readonly typeIds = new Map<string, number>();
  typeWord = new Int32Array(1024);
  typeFlags = new Uint8Array(1024);
  private readonly table = new WordTable();
  private readonly spaced = new PairTable();

  readonly wordIds = new Map<string, number>();
  readonly wordSurface: string[] = [];
  wordPhrase = new Int32Array(1024);
  wordNumeric = new Uint8Array(1024);

  readonly extend = new PairTable();
  count = 0;
  parent = new Int32Array(1024);
  lastWord = new Int32Array(1024);
  words = new Uint8Array(1024);
  joinMask = new Uint8Array(1024);
  df = new Int32Array(1024);
  titleDf = new Int32Array(1024);
  plural = new Int32Array(1024);
  // Per-paper counts live in scratch arrays indexed by phrase id, reset through the touched list.
  titleCount = new Int32Array(1024);
  bodyCount = new Int32Array(1024);
  touched = new Int32Array(1024);
  touchedCount = 0;

  // The current paper's token types, with BREAK and TITLE_END marks.
  toks = new Int32Array(4096);
  ntoks = 0;
  private ws = new Int32Array(256);

  intern(t: Token): number {
    const name = (t.joined ? '+' : ' ') + t.surface;
    let id = this.typeIds.get(name);
    if (id === undefined) {
      id = this.typeToken.length;
      this.typeToken.push(t);
      this.typeIds.set(name, id);
      if (id >= this.typeWord.length) {
        this.typeWord = grow(this.typeWord);
        this.typeFlags = grow(this.typeFlags);
      }
      this.typeWord[id] = -1;
      this.typeFlags[id] =
        (t.stop ? STOP : 0) |
        (TERM_INNER_WORDS.has(t.key) ? INNER : 0) |
        (t.joined ? JOINED : 0) |
        (t.surface !== t.key && !t.surface.includes('-') ? PLURAL : 0) |
        (joinsNext(t) ? PREFIX : 0);
    }
    return id;
  }

  entryOf(text: string, start: number, end: number, hash: number, lower: boolean): number {
    const e = this.table.find(text, start, end, hash);
    if (e >= 0) return e;
    const raw = text.slice(start, end);
    const { tokens, spaceJoin } = wordTokens(lower ? raw.toLowerCase() : raw);
    return this.table.add(-1 - e, raw, hash, Int32Array.from(tokens, (t) => this.intern(t)), spaceJoin);
  }

  entryOfString(w: string): number {
    let h = HASH_SEED;
    for (let k = 0; k < w.length; k++) h = hashChar(h, w.charCodeAt(k));
    return this.entryOf(w, 0, w.length, h, false);
  }

  /** (type, type) → the type of the two joined ("pre" "training" → "pre-training"), or −2: no join. */
  joinOf(a: number, b: number): number {
    let j = this.spaced.get(a, b);
    if (j === -1) {
      const t = spacedJoin(this.typeToken[a]!, this.typeToken[b]!);
      j = t ? this.intern(t) : -2;
      this.spaced.set(a, b, j);
    }
    return j;
  }

  /** Appends the tokens of a written word, joining a spaced prefix before it. */
  pushEntry(e: number): void {
    const ts = this.table.types[e]!;
    const last = ts.length - 1;
    if (this.ntoks + ts.length >= this.toks.length) this.toks = grow(this.toks);
    const toks = this.toks;
    let nt = this.ntoks;
    for (let k = 0; k <= last; k++) {
      const type = ts[k]!;
      if (k === last && nt > 0 && toks[nt - 1]! >= 0 && this.typeFlags[toks[nt - 1]!]! & PREFIX && this.table.spaceJoin[e]) {
        const j = this.joinOf(toks[nt - 1]!, type);
        if (j >= 0) {
          toks[nt - 1] = j;
          continue;
        }
      }
      toks[nt++] = type;
    }
    this.ntoks = nt;
  }

  mark(m: number): void {
    if (this.ntoks >= this.toks.length) this.toks = grow(this.toks);
    if (this.ntoks > 0 && this.toks[this.ntoks - 1] === BREAK && m === BREAK) return;
    this.toks[this.ntoks++] = m;
  }

  /** The scanner of tokenize() (same words, chunks and acronym expansion), appending token types. */
  scan(text: string, local: { get(acronym: string): readonly string[] | undefined }): void {
    const n = text.length;
    let i = 0;
    while (i < n) {
      let c = text.charCodeAt(i);
      const cls = c < 128 ? charClass[c]! : classOf(text, i);
      if (cls === 1) {
        const start = i;
        let capitals = 0;
        let h = HASH_SEED;
        while (i < n) {
          c = text.charCodeAt(i);
          if (c >= 65 && c <= 90) capitals++;
          if ((c < 128 ? charClass[c]! : classOf(text, i)) === 1 || ((c === 45 || c === 39 || c === 8217) && i + 1 < n && classOf(text, i + 1) === 1)) {
            h = hashChar(h, c);
            i++;
          } else break;
        }
        if (capitals >= 2) {
          const raw = text.slice(start, i);
          const expansion = local.get(raw) ?? (raw.endsWith('s') ? local.get(raw.slice(0, -1)) : undefined);
          if (expansion) {
            for (const w of expansion) this.pushEntry(this.entryOfString(w));
            continue;
          }
        }
        this.pushEntry(this.entryOf(text, start, i, h, capitals > 0));
        continue;
      }
      // Inline math carries symbols, not concepts; dropping it keeps "$\ell_1$" from becoming a word.
      if (c === 36) {
        const close = text.indexOf('$', i + 1);
        i = close < 0 ? n : close + 1;
        this.mark(BREAK);
        continue;
      }
      if (cls === 2 || (c === 45 && i > 0 && text.charCodeAt(i - 1) === 32)) this.mark(BREAK);
      i++;
    }
    this.mark(BREAK);
  }

  wordOf(type: number): number {
    let w = this.typeWord[type]!;
    if (w >= 0) return w;
    const t = this.typeToken[type]!;
    w = this.wordIds.get(t.key) ?? -1;
    if (w < 0) {
      w = this.wordSurface.length;
      this.wordIds.set(t.key, w);
      this.wordSurface.push(t.surface.includes('-') ? t.surface : t.key);
      if (w >= this.wordPhrase.length) {
        this.wordPhrase = grow(this.wordPhrase);
        this.wordNumeric = grow(this.wordNumeric);
      }
      this.reserve(1);
      const id = this.count++;
      this.parent[id] = -1;
      this.lastWord[id] = w;
      this.words[id] = 1;
      this.joinMask[id] = 0;
      this.wordPhrase[w] = id;
      this.wordNumeric[w] = /^\d+$/.test(t.key) ? 1 : 0;
    }
    this.typeWord[type] = w;
    return w;
  }

  /** Room for `more` new phrases, so the hot loop below never reallocates. */
  reserve(more: number): void {
    while (this.count + more >= this.df.length) {
      this.df = grow(this.df);
      this.titleDf = grow(this.titleDf);
      this.plural = grow(this.plural);
      this.titleCount = grow(this.titleCount);
      this.bodyCount = grow(this.bodyCount);
      this.parent = grow(this.parent);
      this.lastWord = grow(this.lastWord);
      this.words = grow(this.words);
      this.joinMask = grow(this.joinMask);
    }
    while (this.touchedCount + 3 * more >= this.touched.length) this.touched = grow(this.touched);
  }

  /** Counts the phrases (1–3 words) of the current paper's token stream into the per-paper scratch. */
  countPaper(): void {
    let inTitle = true;
    let from = 0;
    for (let at = 0; at < this.ntoks; at++) {
      const t = this.toks[at]!;
      if (t >= 0) continue;
      if (at > from) this.countChunk(from, at - from, inTitle);
      if (t === TITLE_END) inTitle = false;
      from = at + 1;
    }
    this.ntoks = 0;
  }

  private countChunk(from: number, len: number, inTitle: boolean): void {
    if (len > this.ws.length) this.ws = new Int32Array(len * 2);
    const ws = this.ws;
    const toks = this.toks;
    for (let j = 0; j < len; j++) ws[j] = this.wordOf(toks[from + j]!);
    this.reserve(3 * len);
    // Locals: the arrays cannot change size within this chunk.
    const flagsOf = this.typeFlags;
    const numeric = this.wordNumeric;
    const wordPhrase = this.wordPhrase;
    const extend = this.extend;
    const parent = this.parent;
    const lastWord = this.lastWord;
    const words = this.words;
    const joinMask = this.joinMask;
    const tc = this.titleCount;
    const bc = this.bodyCount;
    const counts = inTitle ? tc : bc;
    const pl = this.plural;
    const tl = this.touched;
    let tn = this.touchedCount;
    let count = this.count;
    for (let i = 0; i < len; i++) {
      if (flagsOf[toks[from + i]!]! & STOP) continue;
      let id = -1;
      let mask = 0;
      const top = Math.min(MAX_WORDS, len - i);
      for (let n = 1; n <= top; n++) {
        const flags = flagsOf[toks[from + i + n - 1]!]!;
        const w = ws[i + n - 1]!;
        if (numeric[w]) break;
        if (n === 1) id = wordPhrase[w]!;
        else {
          if (flags & JOINED) mask |= 1 << (n - 1);
          let next = extend.get(id, w);
          if (next < 0) {
            next = count++;
            parent[next] = id;
            lastWord[next] = w;
            words[next] = n;
            joinMask[next] = mask;
            extend.set(id, w, next);
          }
          id = next;
        }
        if (flags & STOP) {
          if (!(flags & INNER)) break;
          continue;
        }
        if (tc[id] === 0 && bc[id] === 0) tl[tn++] = id;
        counts[id]!++;
        if (flags & PLURAL) pl[id]!++;
      }
    }
    this.touchedCount = tn;
    this.count = count;
  }
}

export function buildCorpus(papers: readonly PaperText[]): Corpus {
  const ownAcronyms = papers.map((p) => definedAcronyms(p.abstract));
  const acronyms = corpusAcronyms(ownAcronyms);
  const b = new Builder();
  const start = new Int32Array(papers.length + 1);
  let ids = new Int32Array(1 << 16);
  let title = new Uint16Array(1 << 16);
  let body = new Uint16Array(1 << 16);
  let entries = 0;

  for (let d = 0; d < papers.length; d++) {
    const paper = papers[d]!;
    const own = ownAcronyms[d]!;
    const local = own.size ? { get: (k: string) => own.get(k) ?? acronyms.get(k) } : acronyms;
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
    size: papers.length,
    start,
    ids: ids.slice(0, entries),
    title: title.slice(0, entries),
    body: body.slice(0, entries),
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

function grow<T extends Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer>>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Acronyms defined in two or more papers with one dominant expansion, applied to every paper:
 * a paper that writes "GNN" without defining it still counts "graph neural network".
 */
function corpusAcronyms(defined: readonly Map<string, string[]>[]): Map<string, string[]> {
  const seen = new Map<string, Map<string, number>>();
  for (const own of defined) {
    for (const [acronym, expansion] of own) {
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

/**
 * Open-addressing hash table from a pair of non-negative ints to an int. Hand-written because the
 * n-gram walk looks up (phrase, next word) millions of times, and a Map keyed by a combined double
 * is several times slower.
 */
class PairTable {
  // Triples (x, y, value) side by side, so a probe touches one cache line; x = −1 marks a free slot.
  private t = new Int32Array(3 << 16).fill(-1);
  private mask = (1 << 16) - 1;
  private used = 0;

  get(x: number, y: number): number {
    const t = this.t;
    const mask = this.mask;
    let h = hashPair(x, y) & mask;
    for (;;) {
      const at = h * 3;
      const ax = t[at]!;
      if (ax === x && t[at + 1] === y) return t[at + 2]!;
      if (ax === -1) return -1;
      h = (h + 1) & mask;
    }
  }

  set(x: number, y: number, value: number): void {
    if ((this.used + 1) * 2 > this.mask + 1) this.resize();
    const t = this.t;
    const mask = this.mask;
    let h = hashPair(x, y) & mask;
    while (t[h * 3] !== -1 && !(t[h * 3] === x && t[h * 3 + 1] === y)) h = (h + 1) & mask;
    if (t[h * 3] === -1) this.used++;
    t[h * 3] = x;
    t[h * 3 + 1] = y;
    t[h * 3 + 2] = value;
  }

  private resize(): void {
    const old = this.t;
    this.mask = this.mask * 2 + 1;
    this.t = new Int32Array((this.mask + 1) * 3).fill(-1);
    this.used = 0;
    for (let i = 0; i < old.length; i += 3) if (old[i] !== -1) this.set(old[i]!, old[i + 1]!, old[i + 2]!);
  }
}

function hashPair(x: number, y: number): number {
  let h = Math.imul(x, 0x9e3779b1) ^ Math.imul(y + 0x7f4a7c15, 0x85ebca6b);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) & 0x7fffffff;
}
