/**
 * The hash tables of the corpus pass (corpus-builder.ts): words interned straight from the text's
 * characters, and (int, int) → int for the n-gram walk. Hand-written for speed, see each.
 */
import { grow } from '../../core/typed-arrays.ts';

/**
 * Words written in the text, interned straight from its characters: the scanner hashes each word
 * as it reads it and compares it in place, so no string is built for a word seen before. Each
 * entry holds the token types that tokenize.ts's rules make of the word.
 */
export class WordTable {
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

/**
 * Open-addressing hash table from a pair of non-negative ints to an int. Hand-written because the
 * n-gram walk looks up (phrase, next word) millions of times, and a Map keyed by a combined double
 * is several times slower.
 */
export class PairTable {
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
