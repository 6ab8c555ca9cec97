/**
 * The store countTerms (termhood.ts) counts candidates in: word ids, and a trie over them whose
 * nodes are the candidates, with their counts in growable typed arrays. A candidate is found by
 * walking word ids, so counting never builds a joined string (that cost about 2.8 times the
 * tagging itself).
 */

/** Word keys and their ids, in order of first sight. */
export class WordIds {
  readonly ids = new Map<string, number>();
  readonly keys: string[] = [];

  /** The id of `key`, given a new one when it is first seen. */
  idOf(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
    }
    return id;
  }
}

/** Room in one number key for every word id: child of (node + 1, word) is (node + 1) · WORD_SPACE + word. */
const WORD_SPACE = 2 ** 21;

/** Candidates as trie nodes (node −1 is the root) and, per node, what the counting has seen of it. */
export class CandidateTrie {
  private readonly child = new Map<number, number>();
  private cap = 1024;
  /** Nodes made so far. */
  count = 0;
  parent = new Int32Array(this.cap);
  lastWord = new Int32Array(this.cap);
  depth = new Uint8Array(this.cap);
  freq = new Int32Array(this.cap);
  plural = new Int32Array(this.cap);
  df = new Int32Array(this.cap);
  titleDf = new Int32Array(this.cap);
  nounHead = new Int32Array(this.cap);
  modifierFirst = new Int32Array(this.cap);
  gerundFirst = new Int32Array(this.cap);
  seen = new Int32Array(this.cap);
  /** Occurrences that end their run of nominal words (the candidate is the head of its phrase). */
  runEnds = new Int32Array(this.cap);
  /** Occurrences in the title and the abstract of the paper being counted. */
  localTitle = new Int32Array(this.cap);
  localBody = new Int32Array(this.cap);
  readonly singularName: (string | undefined)[] = [];
  readonly pluralName: (string | undefined)[] = [];
  /** Written words of each candidate (a hyphenated word is one), as first seen. */
  readonly written: (number | undefined)[] = [];

  /** The node of `word` after node `from` (−1: the root), made when new. */
  nodeOf(from: number, word: number): number {
    const k = (from + 1) * WORD_SPACE + word;
    let id = this.child.get(k);
    if (id === undefined) {
      id = this.count++;
      if (id >= this.cap) this.grow();
      this.child.set(k, id);
      this.parent[id] = from;
      this.lastWord[id] = word;
      this.depth[id] = from < 0 ? 1 : this.depth[from]! + 1;
    }
    return id;
  }

  /** The node of `word` after node `from` (−1: the root), or −2 when there is none. */
  childOf(from: number, word: number): number {
    return this.child.get((from + 1) * WORD_SPACE + word) ?? -2;
  }

  /** The node of words ws[from..to), or −2. */
  find(ws: readonly number[], from: number, to: number): number {
    let node = -1;
    for (let i = from; i < to && node !== -2; i++) node = this.childOf(node, ws[i]!);
    return node;
  }

  /** The word ids of node `id`, first to last. */
  wordsOf(id: number): number[] {
    const out: number[] = [];
    for (let x = id; x >= 0; x = this.parent[x]!) out.push(this.lastWord[x]!);
    return out.reverse();
  }

  private grow(): void {
    this.cap *= 2;
    const cap = this.cap;
    [this.parent, this.lastWord, this.freq, this.plural, this.df, this.titleDf] = [grow(this.parent, cap), grow(this.lastWord, cap), grow(this.freq, cap), grow(this.plural, cap), grow(this.df, cap), grow(this.titleDf, cap)];
    [this.nounHead, this.modifierFirst, this.gerundFirst, this.localTitle, this.localBody] = [grow(this.nounHead, cap), grow(this.modifierFirst, cap), grow(this.gerundFirst, cap), grow(this.localTitle, cap), grow(this.localBody, cap)];
    [this.seen, this.runEnds] = [grow(this.seen, cap), grow(this.runEnds, cap)];
    const d = new Uint8Array(cap);
    d.set(this.depth);
    this.depth = d;
  }
}

function grow(a: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}
