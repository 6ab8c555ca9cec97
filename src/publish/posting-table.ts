/**
 * The offline index's postings while they are gathered: every (word, document, weights) in flat typed
 * arrays, grouped by word only when they are encoded. A map per word of a `DocumentWord` per document
 * took ~100 bytes a posting: 174 MB of heap at 10k papers, ~870 MB at 50k, on the build's main thread
 * while Astro renders; this takes 20 bytes a posting.
 */
import { encodePostings, type DocumentWord } from '../core/offline-index.ts';
import { grow } from '../core/typed-arrays.ts';

const INITIAL_CAPACITY = 1 << 16;

export class PostingTable {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  private wordOf = new Int32Array(INITIAL_CAPACITY);
  private docOf = new Int32Array(INITIAL_CAPACITY);
  private weightOf = new Int32Array(INITIAL_CAPACITY);
  private compoundOf = new Int32Array(INITIAL_CAPACITY);
  private titleOf = new Uint8Array(INITIAL_CAPACITY);
  private size = 0;

  /** Adds `word`'s posting in document `doc`. Documents must come in ascending order. */
  add(word: string, doc: number, entry: DocumentWord): void {
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
  }

  /** The words seen, each once, in the order they came. */
  allWords(): readonly string[] {
    return this.words;
  }

  /**
   * A function giving a word's postings encoded by `encodePostings` (in document order). The postings are
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
    return (word) => {
      const w = this.ids.get(word);
      if (w === undefined) return '';
      const list = new Map<number, DocumentWord>();
      for (let k = starts[w]!; k < starts[w + 1]!; k++) {
        const i = order[k]!;
        list.set(this.docOf[i]!, { weight: this.weightOf[i]!, compoundWeight: this.compoundOf[i]!, inTitle: this.titleOf[i] === 1 });
      }
      return encodePostings(list);
    };
  }

  private grow(): void {
    this.wordOf = grow(this.wordOf);
    this.docOf = grow(this.docOf);
    this.weightOf = grow(this.weightOf);
    this.compoundOf = grow(this.compoundOf);
    this.titleOf = grow(this.titleOf);
  }
}
