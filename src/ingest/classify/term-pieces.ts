/**
 * Pieces of terms: a candidate that is a longer term cut short (termhood.ts counts every run of
 * nouns and adjectives, so "cell carcinoma" and "document-level relation" are candidates too).
 */
import { EVERYDAY_ZIPF } from './term-filters.ts';
import type { TermTable } from './terms.ts';

/**
 * Share of a multi-word term's readings that one longer term continues, from which the term is a
 * piece of it ("extractive question" of "extractive question answering", "sparse mixture" of
 * "sparse mixture of experts"); cutTerms. Exact equality missed a piece read once more alone.
 */
const CONTINUED_SHARE = 0.6;
/**
 * Zipf value from which the word that continues a term is an everyday class noun ("the angular
 * synchronization problem", "the X task", "the X process"): the term named with its class is the
 * same concept, so it is a piece only when it is nearly never written without that noun
 * (EVERYDAY_HEAD_SHARE, the share from which scripts/lib/tag-fragments.ts counts a tag as
 * `continued`). Session 13, tag F1 vs A/B, tune then held-out halves, with tag-select.ts SINGLE_SHARE
 * 0.14: gold-80 0.479/0.493, 0.570/0.512 -> 0.488/0.502, 0.570/0.512; gold-cross unchanged
 * (0.466/0.452, 0.446/0.425); fragment tags (eval) real dumps 8 -> 7, seeds 2, cross 3 unchanged; tags
 * used by 2+ papers seeds 64.9 % -> 64.6 %, real dumps 57.6 % -> 57.4 %. A share of 0.8 measured the
 * same, 0.9 gold-80 held-out 0.574/0.510 (from Zipf 3.3: gold-80 tune 0.486/0.501), but with both
 * "iterative magnitude pruning" (of "… process") became a seeds fragment tag.
 */
const EVERYDAY_HEAD_ZIPF = 4;
const EVERYDAY_HEAD_SHARE = 0.75;

/**
 * Terms cut out of a longer one: every occurrence follows the same word, and that word belongs to
 * the term (a noun, or a word everyday English seldom writes): "cell carcinoma" of "squamous cell
 * carcinoma", "english subordinate clauses" of "Old English subordinate clauses". A common
 * adjective before it ("several ion channels") is the author's wording, and the term stays. A term
 * every occurrence of which is followed by the same noun lacks its head ("document-level relation"
 * of "document-level relation extraction", "hypoxia-inducible" of "hypoxia-inducible factor").
 * Gives, per term, the whole term it was cut from, or −1.
 *
 * Session 11, not kept: a piece some title writes without the rest of the longer term is no piece
 * ("Robust Angular Synchronization via ..." beside "the angular synchronization problem", "MALDI-TOF
 * mass spectrometry" beside "mass spectrometry technique"). Tag F1 vs A/B, tune then held-out halves:
 * gold-80 0.465/0.480, 0.569/0.510 -> 0.468/0.483, 0.573/0.509; gold-cross 0.461/0.443, 0.452/0.426
 * -> 0.466/0.447, 0.452/0.421 (the same for the missing head alone); fragment tags real dumps 21 -> 20.
 */
export function cutTerms(terms: TermTable): (t: number) => number {
  // Integer checks over every term first; the word-frequency check only for the terms a paper asks about.
  const longer = new Int32Array(terms.count).fill(-1);
  const headed = new Int32Array(terms.count).fill(-1);
  for (let x = 0; x < terms.count; x++) {
    if (!terms.freq[x]) continue;
    const r = terms.rest[x]!;
    if (r >= 0 && terms.freq[x] === terms.freq[r]) longer[r] = x;
    let p = terms.prefix[x]!;
    // One occurrence is no evidence of a missing head: in a short list every term seen once is
    // followed by the same word ("model answers" of "distilled model answers queries").
    if (p < 0 || terms.freq[x]! < 2) continue;
    // "sparse mixture" of "sparse mixture of experts": the prefix before "of".
    if (!terms.freq[p] && terms.prefix[p]! >= 0 && terms.freq[terms.prefix[p]!]! > 0 && terms.key(p).endsWith(' of')) p = terms.prefix[p]!;
    const share = terms.headZipf(x) >= EVERYDAY_HEAD_ZIPF ? EVERYDAY_HEAD_SHARE : CONTINUED_SHARE;
    if (terms.freq[x] === terms.freq[p] || (terms.words[p]! >= 2 && terms.seen[x]! >= share * terms.seen[p]!)) headed[p] = x;
  }
  const whole = new Int32Array(terms.count).fill(-2);
  const wholeOf = (t: number): number => {
    if (whole[t] === -2) {
      const x = longer[t]!;
      // A word read as a noun before a term seen once may be a verb the tagger misread ("combines
      // fused attention kernels"); only a word everyday English seldom writes then belongs to it.
      const nounFirst = x >= 0 && terms.freq[x]! >= 2 && (terms.modifierFirst[x]! + terms.gerundFirst[x]!) * 2 <= terms.freq[x]!;
      const cut = headed[t]! >= 0 ? headed[t]! : x >= 0 && (nounFirst || terms.firstZipf(x) < EVERYDAY_ZIPF || opensWithTerm(terms, x)) ? x : -1;
      whole[t] = -1;
      // A piece of a piece ("sparse" of "sparse mixture" of "sparse mixture of experts") is a piece of the whole.
      whole[t] = cut >= 0 && wholeOf(cut) >= 0 ? wholeOf(cut) : cut;
    }
    return whole[t]!;
  };
  return wholeOf;
}

/**
 * Whether term x's first two words are a term of their own that several papers write, and more often
 * than x: then the word before a piece of x is the start of that term, not the author's modifier
 * ("hole mass" of "black hole mass" beside "black hole", "bank inflation target" of "central bank
 * inflation target" beside "central bank"), however everyday the word.
 */
function opensWithTerm(terms: TermTable, x: number): boolean {
  if (terms.words[x]! < 3) return false;
  let two = x;
  while (terms.prefix[two]! >= 0 && terms.prefix[terms.prefix[two]!]! >= 0) two = terms.prefix[two]!;
  return two !== x && terms.df[two]! >= 2 && terms.freq[two]! > terms.freq[x]!;
}
