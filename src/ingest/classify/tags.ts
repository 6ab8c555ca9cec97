/**
 * Tags: the taxonomy's vocabulary (aliases merged, implied tags added) plus the list's own domain
 * terms (terms.ts: noun phrases, C-value, everyday English as the reference), ranked per paper by
 * where and how often they occur, how specific they are to the paper and how far they are from
 * everyday English.
 */
import { termCoherence } from './coherence.ts';
import type { Corpus } from './corpus.ts';
import { wordKey, zipf } from './english.ts';
import { compareNames, MIN_TAGS, selectTags, type Candidate } from './tag-select.ts';
import type { Taxonomy } from './taxonomy.ts';
import type { TermTable } from './terms.ts';
import { MAX_TERM_WORDS } from './termhood.ts';
import { taxonomyField } from './tag-field.ts';
import { phraseKey } from './tokenize.ts';
import type { Vectors } from './vectors.ts';

export interface TagIndex {
  /** Vocabulary tag index by corpus phrase id (−1: not in the vocabulary). */
  readonly vocab: Int32Array;
  /** Corpus phrase ids that may never be tags. */
  readonly stopped: Uint8Array;
  /** Vocabulary tags implied by a corpus phrase (taxonomy `implied-by`), by phrase id. */
  readonly implied: ReadonlyMap<number, readonly number[]>;
  readonly vocabNames: readonly string[];
  /** The list's term candidates, and per term its vocabulary tag (−1: none) or −2 for a stop tag. */
  readonly terms: TermTable;
  readonly termVocab: Int32Array;
}

/** Key of a written phrase with the term extractor's word rules, to meet taxonomy entries. */
function termKeyOf(phrase: string): string {
  return phrase
    .toLowerCase()
    .split(/[^\p{L}\p{N}'’]+/u)
    .filter(Boolean)
    .map(wordKey)
    .join(' ');
}

export function indexVocabulary(corpus: Corpus, taxonomy: Taxonomy, terms: TermTable): TagIndex {
  const vocab = new Int32Array(corpus.count).fill(-1);
  const stopped = new Uint8Array(corpus.count);
  const vocabNames = taxonomy.tags.map((t) => t.name);
  const byTermKey = new Map<string, number>();
  const implied = new Map<number, number[]>();
  taxonomy.tags.forEach((tag, i) => {
    for (const phrase of [tag.name, ...tag.aliases]) {
      const id = corpus.idOf(phraseKey(phrase));
      if (id !== undefined && vocab[id] === -1) vocab[id] = i;
      if (!byTermKey.has(termKeyOf(phrase))) byTermKey.set(termKeyOf(phrase), i);
    }
    for (const phrase of tag.impliedBy) {
      const id = corpus.idOf(phraseKey(phrase));
      if (id === undefined) continue;
      const list = implied.get(id) ?? [];
      if (!list.includes(i)) list.push(i);
      implied.set(id, list);
    }
  });
  for (const phrase of taxonomy.stopTags) {
    const id = corpus.idOf(phraseKey(phrase));
    if (id !== undefined) {
      stopped[id] = 1;
      vocab[id] = -1;
    }
    byTermKey.set(termKeyOf(phrase), -2);
  }
  // From the taxonomy's side: a list's candidates outnumber the taxonomy's phrases 100 to 1.
  const termVocab = new Int32Array(terms.count).fill(-1);
  for (const [key, v] of byTermKey) {
    const t = terms.idOf(key);
    if (t >= 0) termVocab[t] = v;
  }
  return { vocab, stopped, implied, vocabNames, terms, termVocab };
}

/** A tag identity shared across papers: vocabulary tags by index, discovered tags by term. */
export type TagKey = string;

export interface PaperTags {
  /** Tag names, best first. */
  readonly names: string[];
  readonly keys: TagKey[];
}

// --- Tuning constants, measured with `npm run eval` (tag F1 on gold-80 and gold-cross-100). ---------
const CANDIDATES_PER_PAPER = 20;
/**
 * Weight of specificity (rarity across the list, log n/df) in a discovered term's score, the rest
 * being 1. Tune halves: 0.5 gold-80 0.417/0.436, cross 0.373/0.344; 0.2 0.415/0.439, 0.381/0.353;
 * 0 the same as 0.2; 0.8 0.417/0.437, 0.373/0.344. Rarity is already required (df, coherence).
 */
const SPECIFICITY_WEIGHT = 0.2;
/**
 * Evidence of a term in the title, against log2(1 + mentions) in the abstract. Tune halves: 1.5
 * gold-80 0.393/0.417, cross 0.359/0.338; 2.5 0.410/0.436, 0.344/0.322; 3.5 0.406/0.426, 0.352/0.323.
 */
const TITLE_EVIDENCE = 2.5;
/**
 * Zipf value (log10 per billion words) from which a word is everyday English: "valuable" 4.2,
 * "insight(s)" 3.6, "males" 4.3, "bladder" 3.6; "cataract" 2.1, "fertilization" 2.4 are not.
 */
const EVERYDAY_ZIPF = 3.3;
/** A vocabulary term found in a paper outweighs a discovered one; an implied one weighs this much of it. */
const IMPLIED_WEIGHT = 0.7;
/**
 * A discovered term counts only if at least this share of its occurrences is outside longer terms
 * (0.2 measured the same since nesting counts only containers that change the head).
 */
const MIN_INDEPENDENCE = 0.35;
/**
 * Weight of distance from everyday English in a discovered term's score: a term whose rarest word
 * English never writes scores 1, one whose rarest word is as common as "place" (Zipf 6) scores
 * 1 − this. Tune halves: 0.4 gold-80 0.410/0.436, cross 0.344/0.322; 0.7 0.410/0.436,
 * 0.353/0.332; 1 0.412/0.438, 0.361/0.333.
 */
const DOMAIN_WEIGHT = 1;
/**
 * A one-word term's papers must be this many times as alike as two papers of the list on average.
 * Tune halves (with BACKUP_COHERENCE 1.5): 2.5 gold-80 0.409/0.435, cross 0.368/0.339; 3 the same;
 * 3.5 0.417/0.436, 0.362/0.334; 4 0.417/0.436, 0.373/0.344 ("activation" 2.55 goes). Higher values
 * push seed tags used by 2+ papers toward 90 % (90.6 % at 4).
 */
const MIN_COHERENCE = 4;
/**
 * A fallback one-word term shared by other papers must be this coherent (see MIN_COHERENCE): drops
 * "priming" (1.35), "longevity" (1.18) in the real dumps. Tune halves: none gold-80 0.412/0.438,
 * cross 0.361/0.333; 1.5 0.409/0.435, 0.368/0.339; 2.5 cross 0.377/0.362 but then papers fall back
 * on terms of their own and tags used by 2+ papers drop under 90 % (seeds 88.7 %, real dumps 83.4 %).
 */
const BACKUP_COHERENCE = 1.5;
/**
 * Mean mentions per paper from which a rare single word is a concept of those papers ("apoptosis").
 * Tune halves at 1.5: gold-80 0.412/0.438 -> 0.406/0.432, cross 0.361/0.333 -> 0.367/0.344.
 */
const BURST = 2;
/**
 * Share of its phrases an -ing word must end to open a term: "learning rate", "training data" (the
 * list also writes "deep learning", "adversarial training"); "utilizing interpretation methods" not.
 * Requiring the same of every one-word tag ("low-resource", "blood-brain", "transmembrane")
 * measured worse on cross tag F1 (0.352 -> 0.333 at 0.5, 0.369 -> 0.363 at 0.3): a domain noun is
 * often the modifier of longer phrases too, and other general nouns take the freed places.
 */
const VERB_HEAD_SHARE = 0.3;
/** A first word this common in everyday English ("several", "new") is a modifier, whatever its tag. */
const COMMON_FIRST_ZIPF = 5;
/**
 * A modified term must make up this share of its rest's occurrences, or the modifier is free. Tune
 * halves: 0.3 and 0.5 gold-80 0.415/0.439, cross 0.381/0.353; 0.7 0.415/0.439, 0.384/0.354.
 */
const MODIFIER_SHARE = 0.7;
/** An everyday head must follow its modifier in this share of the modifier's uses, or it is generic. */
const GENERIC_HEAD_SHARE = 0.2;
/** Longest fallback term of one paper, in words, unless it is the whole of a term cut in half. */
const BACKUP_WORDS = 3;

/** Everyday English: every content word of the term is common in SUBTLEX. */
export function isEveryday(terms: TermTable, t: number): boolean {
  return terms.rarestZipf(t) >= EVERYDAY_ZIPF;
}

/**
 * A free modifier: the term's first word is an adjective (or a very common word) that the rest of
 * the term mostly goes without ("several ion channels", "severe phenotype", "widespread use"). The
 * rest is the term; the modifier is the author's wording. "large language models", "squamous cell
 * carcinoma" keep theirs: the rest seldom occurs without it.
 */
function freeModifier(terms: TermTable, t: number): boolean {
  if (terms.words[t]! < 2) return false;
  const modifier = terms.modifierFirst[t]! * 2 > terms.freq[t]! || terms.firstZipf(t) >= COMMON_FIRST_ZIPF;
  if (!modifier) return false;
  const rest = terms.rest[t]!;
  return rest >= 0 && terms.freq[rest]! > 0 && terms.freq[t]! < MODIFIER_SHARE * terms.freq[rest]!;
}

/**
 * "presence of leishmania", "issue of noisy labels", "human evaluation of chatgpt": an everyday noun
 * phrase before "of" makes the phrase a description, not a term ("mixture of experts" is one).
 */
function everydayOfPhrase(terms: TermTable, t: number): boolean {
  const key = terms.key(t);
  const at = key.indexOf(' of ');
  if (at < 0) return false;
  return Math.min(...key.slice(0, at).split(' ').map(zipf)) >= EVERYDAY_ZIPF;
}

/**
 * A generic head: an everyday noun after a modifier that goes with many heads ("end-to-end manner",
 * "end-to-end way", "end-to-end fashion" beside "end-to-end training", "end-to-end speech"): the
 * phrase is the author's wording around the modifier, not a term.
 */
function genericHead(terms: TermTable, t: number): boolean {
  const prefix = terms.prefix[t]!;
  if (prefix < 0 || terms.headZipf(t) < EVERYDAY_ZIPF) return false;
  return terms.freq[t]! < GENERIC_HEAD_SHARE * terms.seen[prefix]!;
}

/** A one-word term read as a noun (not a verb's -ing form), not a short token. */
function nounWord(terms: TermTable, t: number): boolean {
  return terms.nounHead[t]! * 2 > terms.freq[t]! && terms.key(t).length >= 4;
}

/** A verb's -ing form opening the term that the list never writes as a head: a verb and its object. */
function verbFirst(terms: TermTable, t: number): boolean {
  return terms.gerundFirst[t]! * 2 > terms.freq[t]! && terms.firstHeadShare(t) < VERB_HEAD_SHARE;
}

/**
 * Whether a discovered term may be a tag on a list of n papers: shared by 2+ papers but not
 * background; not a piece of a longer term; not everyday English unless titles are about it
 * ("sleep" in the titles of sleep studies); not a free modifier and its noun.
 */
function discoverable(terms: TermTable, t: number, n: number, maxShare: number): boolean {
  const df = terms.df[t]!;
  if (df < 2 || df > Math.max(2, maxShare * n) || terms.independence[t]! < MIN_INDEPENDENCE) return false;
  const titled = terms.titleDf[t]! >= 2 && terms.titleDf[t]! * 3 >= df;
  if (isEveryday(terms, t)) return titled && terms.words[t]! > 1 && !freeModifier(terms, t);
  // A single word is a concept if titles are about it ("diarization", "insulin") or the papers
  // that use it use it again and again ("apoptosis"); abstracts are full of single nouns written
  // once ("activation", "criteria") that are not.
  if (terms.words[t] === 1) return nounWord(terms, t) && (titled || terms.freq[t]! >= BURST * df);
  return !freeModifier(terms, t) && !verbFirst(terms, t) && !everydayOfPhrase(terms, t) && !genericHead(terms, t);
}

/**
 * Terms cut out of a longer one: every occurrence follows the same word, and that word belongs to
 * the term (a noun, or a word everyday English seldom writes): "cell carcinoma" of "squamous cell
 * carcinoma", "english subordinate clauses" of "Old English subordinate clauses". A common
 * adjective before it ("several ion channels") is the author's wording, and the term stays. A term
 * every occurrence of which is followed by the same noun lacks its head ("document-level relation"
 * of "document-level relation extraction", "hypoxia-inducible" of "hypoxia-inducible factor").
 * Gives, per term, the whole term it was cut from, or −1.
 */
function cutTerms(terms: TermTable): (t: number) => number {
  // Integer checks over every term first; the word-frequency check only for the terms a paper asks about.
  const longer = new Int32Array(terms.count).fill(-1);
  const headed = new Int32Array(terms.count).fill(-1);
  for (let x = 0; x < terms.count; x++) {
    if (!terms.freq[x]) continue;
    const r = terms.rest[x]!;
    if (r >= 0 && terms.freq[x] === terms.freq[r]) longer[r] = x;
    const p = terms.prefix[x]!;
    if (p >= 0 && terms.freq[x] === terms.freq[p]) headed[p] = x;
  }
  const whole = new Int32Array(terms.count).fill(-2);
  return (t) => {
    if (whole[t] === -2) {
      const x = longer[t]!;
      const nounFirst = x >= 0 && (terms.modifierFirst[x]! + terms.gerundFirst[x]!) * 2 <= terms.freq[x]!;
      whole[t] = headed[t]! >= 0 ? headed[t]! : x >= 0 && (nounFirst || terms.firstZipf(x) < EVERYDAY_ZIPF) ? x : -1;
    }
    return whole[t]!;
  };
}

/** A term of one paper that may still serve as one of its three tags; longer ones are clauses more often than terms. */
function plausibleBackup(terms: TermTable, t: number, whole = false): boolean {
  if (terms.words[t]! > (whole ? MAX_TERM_WORDS : BACKUP_WORDS) || terms.independence[t]! <= 0 || isEveryday(terms, t) || freeModifier(terms, t) || verbFirst(terms, t) || everydayOfPhrase(terms, t)) return false;
  return terms.words[t]! > 1 || nounWord(terms, t);
}

/** 3–6 tags per paper (fewer when its text has no terms), best first. */
export function assignTags(corpus: Corpus, index: TagIndex, vectors: Vectors): PaperTags[] {
  const { terms } = index;
  const n = corpus.size;
  const T = terms.count;
  const slots = T + index.vocabNames.length;
  // A discovered term shared by more than this share of papers is background, not a tag.
  const maxShare = n < 40 ? 0.5 : 0.06;
  const logN = Math.log(Math.max(n, 4));
  const eligible = new Int8Array(T).fill(-1);
  const wholeOf = cutTerms(terms);
  // A taxonomy phrase is discovered like any other term in papers outside the taxonomy's field.
  const isEligible = (t: number): boolean => {
    if (eligible[t] === -1) eligible[t] = index.termVocab[t] !== -2 && wholeOf(t) < 0 && discoverable(terms, t, n, maxShare) ? 1 : 0;
    return eligible[t] === 1;
  };
  // One-word terms must also be used by papers about one thing (coherence.ts).
  const coherence = termCoherence(vectors, terms, (t) => terms.words[t] === 1 && (isEligible(t) || plausibleBackup(terms, t)));
  for (let t = 0; t < T; t++) if (coherence[t]! < MIN_COHERENCE) eligible[t] = 0;

  const names: (string | undefined)[] = new Array(slots);
  const wordSets: (Set<string> | undefined)[] = new Array(slots);
  const nameOf = (slot: number): string => (names[slot] ??= slot >= T ? index.vocabNames[slot - T]! : terms.name(slot));
  const wordsOf = (slot: number): Set<string> => (wordSets[slot] ??= wordSet(slot >= T ? termKeyOf(nameOf(slot)) : terms.key(slot)));
  const byRank = (a: Candidate, b: Candidate): number => b.score - a.score || compareNames(nameOf(a.slot), nameOf(b.slot)) || a.slot - b.slot;
  const overlapping = (a: Candidate, b: Candidate): boolean => overlaps(wordsOf(a.slot), wordsOf(b.slot));
  const specificity = (df: number) => Math.min(1, Math.log(n / Math.max(1, df)) / logN);

  // The taxonomy tags a paper of another field writes are that field's wording, not the taxonomy's concepts.
  const inField = taxonomyField(corpus, vectors, (p) => !index.stopped[p] && (index.vocab[p]! >= 0 || index.implied.has(p)));
  // Per-paper scores in a scratch array indexed by slot, reset through the touched list.
  const scratch = new Float64Array(slots);
  const touched = new Int32Array(slots);
  const ranked: Candidate[][] = new Array(n);
  for (let d = 0; d < n; d++) {
    let nt = 0;
    let top = 0;
    const bump = (slot: number, score: number) => {
      const prior = scratch[slot]!;
      let next = score;
      if (prior === 0) touched[nt++] = slot;
      else next = Math.max(prior, score) + 0.25 * Math.min(prior, score);
      scratch[slot] = next;
      if (next > top) top = next;
    };
    // Taxonomy tags, written or implied. A one-word entry ("fluid", "attribution") is ambiguous
    // outside the taxonomy's field: it counts only in a paper that also writes a longer one.
    let fieldEvidence = false;
    for (let i = corpus.start[d]!; i < corpus.start[d + 1]! && !fieldEvidence && inField[d]; i++) {
      const p = corpus.ids[i]!;
      fieldEvidence = corpus.words[p]! >= 2 && (index.vocab[p]! >= 0 || index.implied.has(p));
    }
    for (let i = corpus.start[d]!; i < corpus.start[d + 1]!; i++) {
      const p = corpus.ids[i]!;
      const v = index.vocab[p]!;
      const implied = index.implied.get(p);
      if ((v < 0 && !implied) || index.stopped[p] || !inField[d] || (!fieldEvidence && corpus.words[p] === 1)) continue;
      const evidence = (corpus.title[i]! > 0 ? TITLE_EVIDENCE : 0) + Math.log2(1 + corpus.body[i]!);
      const weight = 1.2 + 0.3 * specificity(corpus.df[p]!);
      if (v >= 0) bump(T + v, evidence * weight);
      if (implied) for (const u of implied) if (u !== v) bump(T + u, IMPLIED_WEIGHT * evidence * weight);
    }
    // The list's own terms.
    const from = terms.start[d]!;
    const to = terms.start[d + 1]!;
    for (let i = from; i < to; i++) {
      const t = terms.ids[i]!;
      const v = index.termVocab[t]!;
      if (v >= 0 && inField[d] && (fieldEvidence || terms.words[t]! > 1)) {
        // A taxonomy tag the term extractor found, though the phrase tokenizer read it otherwise
        // ("in-context learning").
        const evidence = (terms.title[i]! > 0 ? TITLE_EVIDENCE : 0) + Math.log2(1 + terms.body[i]!);
        bump(T + v, evidence * (1.2 + 0.3 * specificity(terms.df[t]!)));
        continue;
      }
      if ((v >= 0 && inField[d]) || !isEligible(t)) continue;
      const evidence = (terms.title[i]! > 0 ? TITLE_EVIDENCE : 0) + Math.log2(1 + terms.body[i]!);
      const length = Math.log2(terms.words[t]! + 1) / Math.log2(3);
      const domain = 1 - DOMAIN_WEIGHT * Math.min(1, terms.rarestZipf(t) / 6);
      bump(t, evidence * (1 - SPECIFICITY_WEIGHT + SPECIFICITY_WEIGHT * specificity(terms.df[t]!)) * length * domain);
    }
    const cands: Candidate[] = [];
    const floor = 0.1 * top;
    for (let j = 0; j < nt; j++) {
      const slot = touched[j]!;
      if (scratch[slot]! >= floor) cands.push({ slot, score: scratch[slot]!, backup: false });
      scratch[slot] = 0;
    }
    cands.sort(byRank);
    if (cands.length > CANDIDATES_PER_PAPER) cands.length = CANDIDATES_PER_PAPER;
    if (cands.length < MIN_TAGS) {
      // Too little shared vocabulary (a very short or unusual abstract): fall back on its own terms.
      for (let i = from; i < to; i++) {
        const cutFrom = wholeOf(terms.ids[i]!);
        const t = cutFrom >= 0 ? cutFrom : terms.ids[i]!;
        if (index.termVocab[t] === -2 || cands.some((c) => c.slot === t) || !plausibleBackup(terms, t, cutFrom >= 0) || coherence[t]! < BACKUP_COHERENCE) continue;
        const score = 0.05 * ((terms.title[i]! > 0 ? TITLE_EVIDENCE : 0) + Math.log2(1 + terms.body[i]!)) * terms.words[t]! * (terms.df[t]! >= 2 ? 10 : 1);
        cands.push({ slot: t, score, backup: true });
      }
      cands.sort(byRank);
    }
    ranked[d] = cands;
  }

  const keyOf = (slot: number): TagKey => (slot >= T ? `v${slot - T}` : `t${slot}`);
  const chosen = selectTags(ranked, {
    slots,
    byRank,
    overlapping,
    keyOf,
    evidence: (d, visit) => {
      for (let i = terms.start[d]!; i < terms.start[d + 1]!; i++) visit(terms.ids[i]!, terms.title[i]! * 3 + terms.body[i]!);
    },
  });
  return chosen.map((tags) => ({ names: tags.map((t) => nameOf(t.slot)), keys: tags.map((t) => keyOf(t.slot)) }));
}

function wordSet(key: string): Set<string> {
  return new Set(key.split(' ').filter((w) => w !== 'of' && w !== 'to'));
}

/** One tag's words contain the other's, or they share most words: showing both would repeat. */
function overlaps(a: Set<string>, b: Set<string>): boolean {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  if (shared === 0) return false;
  return shared === a.size || shared === b.size || shared / (a.size + b.size - shared) >= 0.5;
}
