/** The term table: what countTerms (termhood.ts) gives the tagger of every candidate term of a list. */
import type { PhraseCounts } from './corpus.ts';

/** Candidate terms counted per paper (the layout of corpus.ts); an id with freq 0 is only a prefix of longer candidates. */
export interface TermTable extends PhraseCounts {
  readonly freq: Int32Array;
  /** C-value of each term. */
  readonly cvalue: Float64Array;
  /** (f(a) − mean f of the terms containing it) / f(a): 0 for a piece that never occurs alone. */
  readonly independence: Float64Array;
  /** Occurrences whose last word the tagger read as a noun (not a verb's -ing form). */
  readonly nounHead: Int32Array;
  /** Occurrences whose first word the tagger read as an adjective or participle. */
  readonly modifierFirst: Int32Array;
  /** The candidate without its first word (−1: none, or a one-word term). */
  readonly rest: Int32Array;
  /** The candidate without its last word (−1 for a one-word term): its parent in the trie. */
  readonly prefix: Int32Array;
  /**
   * Occurrences that end their phrase (run of nominal words): a hyphenated compound's own head
   * count, which its last part's (lastHeadShare) does not give ("multi-document" of "multi-document
   * summarization", where "document" ends other phrases).
   */
  readonly runEnds: Int32Array;
  /** Times the words of a node were read in a row, whatever followed (a prefix of other terms). */
  readonly seen: Int32Array;
  /** Zipf value of the term's last written word (its head) in everyday English. */
  headZipf(id: number): number;
  /** Key: word keys (lowercase, singular, American spelling) joined by spaces. */
  key(id: number): string;
  /** The id of a key, or −1 when the list has no such candidate. */
  idOf(key: string): number;
  /** The term as written most of the time (lowercase). */
  name(id: number): string;
  /** Zipf value of the term's rarest content word in everyday English (0: English never writes it). */
  rarestZipf(id: number): number;
  /** Zipf value of the term's first word. */
  firstZipf(id: number): number;
  /** Share of the list's phrases with the term's first word that end in it (it is their head noun). */
  firstHeadShare(id: number): number;
  /** The same share for the term's last word: low for a verb's -ing form that takes an object ("patients undergoing surgery"). */
  lastHeadShare(id: number): number;
  /**
   * Share of the term's last word's phrase-ending uses (as the last word of a run of nominals) that
   * run straight into a determiner, "that" or a pronoun: high for a verb the tagger read as a noun
   * ("show" of "the datasets show that").
   */
  clauseShare(id: number): number;
  /**
   * lastHeadShare without the phrases a verb reading ends: a word that ends a phrase only before a
   * word the tagger read as a verb may be a modifier of a misread noun ("adversarial paraphrases").
   */
  nounHeadShare(id: number): number;
  /** Share of the phrases with the term's first word that it opens right after a number: high for a unit of measure ("sigma" of "2.5 sigma"). */
  afterNumberShare(id: number): number;
  /** Occurrences whose first word is a verb's -ing form ("utilizing interpretation methods"). */
  readonly gerundFirst: Int32Array;
  /**
   * Words (lowercase) that some paper writes only as a symbol: with a digit at an end, or a capital
   * after the first letter and never in lower case ("PDZD7", "LL-37", "MEMEX", "DimonGen"). See
   * terms.ts symbolShaped.
   */
  readonly symbols: ReadonlySet<string>;
}
