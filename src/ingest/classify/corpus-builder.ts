/**
 * The state and hot loops of the corpus pass (corpus.ts): the scanner that turns a paper's text
 * into token types (the same words, chunks and acronym expansion as tokenize.ts), and the phrase
 * counter that interns every 1–3-word phrase of a chunk and counts it per paper.
 */
import { TERM_INNER_WORDS } from '../../core/english/function-words.ts';
import { grow } from '../../core/typed-arrays.ts';
import { HASH_SEED, hashChar } from '../../core/fnv.ts';
import { PairTable, WordTable } from './corpus-hash.ts';
import { BREAKS, isWordChar, joinsNext, spacedJoin, wordTokens, type Token } from './tokenize.ts';

/** The longest phrase counted, in words. */
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

/** Marks in the token stream of a paper: end of a chunk, and end of the title. */
const BREAK = -1;
export const TITLE_END = -2;

/**
 * The state of one corpus pass. A class with typed-array fields rather than closures over `let`
 * variables: the hot loops copy the fields into locals, which V8 optimizes far better.
 */
export class Builder {
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
