/**
 * The offline index's postings while they are gathered: every (word, document, weights) in flat typed
 * arrays, grouped by word only when they are encoded. A map per word of a `DocumentWord` per document
 * took ~100 bytes a posting: 174 MB of heap at 10k papers, ~870 MB at 50k, on the build's main thread
 * while Astro renders; this takes 24 bytes a posting.
 *
 * A table can be kept (`snapshot`) and taken up again by the next build for its first documents
 * (`PostingTable.restore`), so a rebuild cuts only the documents that changed or came after.
 */
import { encodePosting, type DocumentWord } from '../core/offline-index.ts';
import { grow } from '../core/typed-arrays.ts';

const INITIAL_CAPACITY = 1 << 16;

/** A PostingTable as plain data: the words, and per posting its word (an index into `words`), document and weights. */
export interface PostingSnapshot {
  words: readonly string[];
  wordOf: Int32Array<ArrayBuffer>;
  docOf: Int32Array<ArrayBuffer>;
  weightOf: Int32Array<ArrayBuffer>;
  compoundOf: Int32Array<ArrayBuffer>;
  titleOf: Uint8Array<ArrayBuffer>;
  firstPartOf: Int32Array<ArrayBuffer>;
}

export class PostingTable {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  private wordOf = new Int32Array(INITIAL_CAPACITY);
  private docOf = new Int32Array(INITIAL_CAPACITY);
  private weightOf = new Int32Array(INITIAL_CAPACITY);
  private compoundOf = new Int32Array(INITIAL_CAPACITY);
  private titleOf = new Uint8Array(INITIAL_CAPACITY);
  /** The UTF-16 length of the shortest first part of a compound the word begins in the document, 0 for none. */
  private firstPartOf = new Int32Array(INITIAL_CAPACITY);
  private size = 0;
  /** How many postings `restore` took up: those after them were added since. */
  private restored = 0;

  /**
   * Adds `word`'s posting in document `doc`, with the length of the shortest first part it has there
   * (documentWords' `firstParts`; 0 for none). Documents must come in ascending order.
   */
  add(word: string, doc: number, entry: DocumentWord, firstPart = 0): void {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
    }
    if (this.size === this.docOf.length) this.grow();
    const i = this.size++;
    this.wordOf[i] = id;
    this.docOf[i] = doc;
    this.weightOf[i] = entry.weight;
    this.compoundOf[i] = entry.compoundWeight;
    this.titleOf[i] = entry.inTitle ? 1 : 0;
    this.firstPartOf[i] = firstPart;
  }

  /** Each word's shortest first part over all documents (the offline index's `firstParts`), for the words that have one. */
  firstParts(): Map<string, number> {
    const out = new Map<string, number>();
    for (let i = 0; i < this.size; i++) {
      const length = this.firstPartOf[i]!;
      if (length === 0) continue;
      const word = this.words[this.wordOf[i]!]!;
      out.set(word, Math.min(out.get(word) ?? Infinity, length));
    }
    return out;
  }

  /**
   * The table as plain data, for `PostingTable.restore`: views of its arrays cut to its size (not copies,
   * which would double its memory at the end of the build), valid until more postings are added.
   */
  snapshot(): PostingSnapshot {
    const n = this.size;
    return { words: this.words, wordOf: this.wordOf.subarray(0, n), docOf: this.docOf.subarray(0, n), weightOf: this.weightOf.subarray(0, n), compoundOf: this.compoundOf.subarray(0, n), titleOf: this.titleOf.subarray(0, n), firstPartOf: this.firstPartOf.subarray(0, n) };
  }

  /**
   * A table holding the postings of `snapshot` in documents below `docs`, as if only those documents had
   * been added; words left without postings are gone. More documents (from `docs` on) may then be added.
   */
  static restore(snapshot: PostingSnapshot, docs: number): PostingTable {
    const table = new PostingTable();
    let n = 0;
    while (n < snapshot.docOf.length && snapshot.docOf[n]! < docs) n++;
    const ids = new Int32Array(snapshot.words.length).fill(-1);
    for (let i = 0; i < n; i++) {
      const w = snapshot.wordOf[i]!;
      if (ids[w] !== -1) continue;
      ids[w] = table.words.length;
      table.ids.set(snapshot.words[w]!, ids[w]);
      table.words.push(snapshot.words[w]!);
    }
    let capacity = INITIAL_CAPACITY;
    while (capacity < n) capacity *= 2;
    table.wordOf = new Int32Array(capacity);
    for (let i = 0; i < n; i++) table.wordOf[i] = ids[snapshot.wordOf[i]!]!;
    const copy = <T extends Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>>(from: T, to: T): T => (to.set(from.subarray(0, n)), to);
    table.docOf = copy(snapshot.docOf, new Int32Array(capacity));
    table.weightOf = copy(snapshot.weightOf, new Int32Array(capacity));
    table.compoundOf = copy(snapshot.compoundOf, new Int32Array(capacity));
    table.titleOf = copy(snapshot.titleOf, new Uint8Array(capacity));
    table.firstPartOf = copy(snapshot.firstPartOf, new Int32Array(capacity));
    table.size = n;
    table.restored = n;
    return table;
  }

  /**
   * The words of the postings of `snapshot` in documents from `doc` on (postings are in document order, so
   * they are its last ones): what a table restored to `doc` documents loses, or gained by adding them.
   */
  static wordsFrom(snapshot: PostingSnapshot, doc: number): Set<string> {
    const out = new Set<string>();
    for (let i = snapshot.docOf.length - 1; i >= 0 && snapshot.docOf[i]! >= doc; i--) out.add(snapshot.words[snapshot.wordOf[i]!]!);
    return out;
  }

  /** The words seen, each once, in the order they came. */
  allWords(): readonly string[] {
    return this.words;
  }

  /**
   * A function giving a word's postings encoded by `encodePosting` (in document order). The postings are
   * grouped by word once, by a counting sort, which keeps each word's documents in the order they came.
   */
  encoder(): (word: string) => string {
    const count = this.words.length;
    const starts = new Int32Array(count + 1);
    for (let i = 0; i < this.size; i++) starts[this.wordOf[i]! + 1]!++;
    for (let w = 0; w < count; w++) starts[w + 1]! += starts[w]!;
    const order = new Int32Array(this.size);
    const next = starts.slice(0, count);
    for (let i = 0; i < this.size; i++) order[next[this.wordOf[i]!]!++] = i;
    // Straight from the arrays: a map of a DocumentWord per posting, then encoded, was ~3/4 of the offline
    // index's time on a 50k add-one (profile), most of it for the words in many documents.
    return (word) => {
      const w = this.ids.get(word);
      if (w === undefined) return '';
      const parts: string[] = [];
      let previous = 0;
      for (let k = starts[w]!; k < starts[w + 1]!; k++) {
        const i = order[k]!;
        const doc = this.docOf[i]!;
        parts.push(encodePosting(doc - previous, this.weightOf[i]!, this.compoundOf[i]!, this.titleOf[i] === 1));
        previous = doc;
      }
      return parts.join(',');
    };
  }

  /**
   * A function giving a word's postings added since `restore` (in document order), encoded as `encoder` does but
   * with the first one's document delta counted from the word's last restored posting: appended with `,` to the
   * encoding of its restored postings, they make `encoder`'s. '' for a word without added postings. Encoding only
   * these, a 50k-paper rebuild no longer encodes again every posting of the words a new paper has (~4 CPU-s).
   */
  addedEncoder(): (word: string) => string {
    const lastDoc = new Int32Array(this.words.length);
    for (let i = 0; i < this.restored; i++) lastDoc[this.wordOf[i]!] = this.docOf[i]!;
    const added = new Map<number, number[]>();
    for (let i = this.restored; i < this.size; i++) {
      let list = added.get(this.wordOf[i]!);
      if (!list) added.set(this.wordOf[i]!, (list = []));
      list.push(i);
    }
    return (word) => {
      const w = this.ids.get(word);
      const list = w === undefined ? undefined : added.get(w);
      if (!list) return '';
      let previous = lastDoc[w!]!;
      return list
        .map((i) => {
          const pair = encodePosting(this.docOf[i]! - previous, this.weightOf[i]!, this.compoundOf[i]!, this.titleOf[i] === 1);
          previous = this.docOf[i]!;
          return pair;
        })
        .join(',');
    };
  }

  private grow(): void {
    this.wordOf = grow(this.wordOf);
    this.docOf = grow(this.docOf);
    this.weightOf = grow(this.weightOf);
    this.compoundOf = grow(this.compoundOf);
    this.titleOf = grow(this.titleOf);
    this.firstPartOf = grow(this.firstPartOf);
  }
}
