/**
 * Which discovered terms may be tags: the filters that keep everyday English, free modifiers, verb
 * phrases and terms cut out of longer ones away from the tag list (ISO 704's "term" as a noun phrase
 * naming a concept). Thresholds were chosen on the tune halves of the gold sets (npm run eval).
 */
import { adjectiveZipf, gradable, gradedAdjective, verbZipf } from '../../core/english/derivation.ts';
import { zipf } from '../../core/english/everyday.ts';
import type { TermTable } from './terms.ts';
import { MAX_TERM_WORDS } from './termhood.ts';

/**
 * Zipf value (log10 per billion words) from which a word is everyday English: "valuable" 4.2,
 * "insight(s)" 3.6, "males" 4.3, "bladder" 3.6; "cataract" 2.1, "fertilization" 2.4 are not.
 */
export const EVERYDAY_ZIPF = 3.3;
// Session 6, not kept (tag F1 vs A/B, tune then held-out halves): a multi-word term everyday only
// from Zipf 4 ("spinal cord injury", "usher syndrome", "floor plan recognition" pass) gold-80
// 0.422/0.444, 0.515/0.456, cross 0.381/0.372, 0.408/0.367 against 0.426/0.449, 0.522/0.462,
// 0.379/0.371, 0.418/0.382; the same for one paper's own title terms only (ownTerm, 3.7 or 4) cross
// tune +0.011/+0.010 but held-out -0.003/-0.004. freeModifier never free before an everyday rest
// ("expressive power"): cross tune 0.431/0.412 -> 0.426/0.406, held-out 0.432/0.394 -> 0.421/0.374;
// genericHead only after an everyday modifier ("gradient flow"): gold-80 tune +0.008, cross tune
// -0.009, held-out unchanged.

// Session 9, not kept (tag F1 vs A/B, tune then held-out halves; before: gold-80 0.448/0.464,
// 0.549/0.483, gold-cross 0.443/0.431, 0.439/0.406): a shared term that only freeModifier or
// genericHead keep out, admitted when its papers are alike (coherence.ts) 5 times the list's mean:
// gold-80 0.452/0.473, 0.539/0.473, gold-cross 0.440/0.429, 0.432/0.399, with "better accuracy",
// "classification performance", "cnn models" beside "causal inference", "adversarial attacks" (two
// papers are often alike by chance); at 8 within 0.005 of before. A shared phrase of everyday words
// that one paper's title gives and the list writes three times, as ownTerm admits it for one paper
// ("blood-brain barrier"): gold-80 0.445/0.462, 0.549/0.483, gold-cross unchanged.

/**
 * A discovered term counts only if at least this share of its occurrences is outside longer terms
 * (0.2 measured the same since nesting counts only containers that change the head).
 */
const MIN_INDEPENDENCE = 0.35;
/**
 * Mean mentions per paper from which a rare single word is a concept of those papers ("apoptosis").
 * Tune halves at 1.5: gold-80 0.412/0.438 -> 0.406/0.432, cross 0.361/0.333 -> 0.367/0.344.
 */
const BURST_MENTIONS = 2;
/**
 * Share of its phrases an -ing word must end to open a term: "learning rate", "training data" (the
 * list also writes "deep learning", "adversarial training"); "utilizing interpretation methods" not.
 * Requiring the same of every one-word tag ("low-resource", "blood-brain", "transmembrane")
 * measured worse on cross tag F1 (0.352 -> 0.333 at 0.5, 0.369 -> 0.363 at 0.3): a domain noun is
 * often the modifier of longer phrases too, and other general nouns take the freed places.
 */
const VERB_HEAD_SHARE = 0.3;
/** Readings as a verb from which a term's -ing last word is the verb of a clause, whatever the list's other phrases (verbLast). */
const VERB_READINGS = 2;
/** A first word this common in everyday English ("several", "new") is a modifier, whatever its tag. */
const COMMON_FIRST_ZIPF = 5;
/**
 * A modified term must make up this share of its rest's occurrences, or the modifier is free. Tune
 * halves: 0.3 and 0.5 gold-80 0.415/0.439, cross 0.381/0.353; 0.7 0.415/0.439, 0.384/0.354.
 */
const MODIFIER_SHARE = 0.7;
/** An everyday head must follow its modifier in this share of the modifier's uses, or it is generic. */
const GENERIC_HEAD_SHARE = 0.2;
/**
 * Zipf value of its verb from which a one-word nominalization is an action or a role of any study
 * ("deletion" 3.3, "participants" 3.7, "predictors" 3.7, "findings" 6.0, "integration" 2.9), not a
 * subject ("hallucination" 2.6, "inhibitor" 2.6, "phosphorylation" 0). Tag F1 vs A/B, gold-80 all
 * and held-out, then cross all and held-out: none 0.471/0.453, 0.518/0.458, 0.375/0.358,
 * 0.386/0.363; 3.3 0.472/0.455, 0.521/0.461, 0.383/0.364, 0.397/0.369; 3.0 the same on gold-80,
 * cross 0.376/0.361, 0.393/0.365; 2.7 gold-80 the same, cross 0.379/0.368, 0.398/0.377. Also
 * dropping one-word adjectives by form ("structural", "aberrant") that seldom end a phrase cost
 * 0.005-0.01 everywhere (their places went to weaker terms), so it is not done.
 */
const DEVERBAL_ZIPF = 2.7;
/**
 * Zipf value of its adjective from which a one-word -ness/-ity noun is a quality any study reports
 * ("completeness" 4.7, "brightness" 4.7, "majority" 5.0), not a subject ("elasticity" 3.0,
 * "obesity" 2.7, "toxicity" 3.7, "stability" 4.2 stay). Session 13, tag F1 vs A/B: gold-80 and
 * gold-cross unchanged within 0.002 (cross 0.452/0.433 -> 0.453/0.434); on the probe's astrophysics
 * list "completeness" and "brightness" went.
 */
const PROPERTY_ZIPF = 4.5;
/**
 * Share of its phrases a term opens right after a number from which it is a unit of measure
 * ("2.5 sigma", "30 kpc", "12 months", "400 mA cm-2"), not a subject. Session 13, one-word terms:
 * every gold figure of npm run eval unchanged; on the probe lists "sigma" (twice) and "incidence"
 * went. Session 15, terms of any length (`measure`): every gold figure unchanged; on the materials
 * list of tests/fixtures/probe-lists "mA cm-2" (tag of four papers) went.
 */
const MEASURE_SHARE = 0.5;
/**
 * Mentions (title and abstract) a term of one paper needs to be a tag (ownTerm), with the selector's
 * SINGLE_SHARE 0.02 → 0.15. Tag F1 vs A/B (gold-80 all, held-out; cross all, held-out): without
 * 0.472/0.455, 0.521/0.461; 0.373/0.365, 0.388/0.372. At 3: 0.473/0.456, 0.522/0.462; 0.400/0.377,
 * 0.418/0.382 (2 the same within 0.003; SINGLE_SHARE kept at 0.02: gold-80 0.469/0.452). Tags used
 * by 2+ papers: seeds 90.4 % → 82.6 %, gold-cross 64 % → 43 % (annotators 34-35 %).
 * A looser first try (any title term of one paper, no word limit) gained as much on cross but
 * brought clauses cut from titles ("dependent oxidative burst drives", "practices influencing").
 * Session 12, 2 again (tag F1 vs A/B, tune then held-out halves): gold-80 0.465/0.480, 0.567/0.509 ->
 * 0.465/0.480, 0.562/0.504; gold-cross 0.466/0.452, 0.452/0.430 -> 0.472/0.456, 0.448/0.422; tags
 * used by 2+ papers gold-cross 43.7 % -> 38.4 %, real dumps 58.1 % -> 54.3 %: not kept.
 */
const OWN_MENTIONS = 3;
/**
 * Zipf value under which a phrase of one paper's title repeated in it (ownTerm) is a term though
 * every word of it is everyday English by EVERYDAY_ZIPF: "spinal cord injury" (3.6 for "spinal"),
 * "license plate recognition" (3.7); "red giant" (4.1), "blood pressure" (4.6) and any phrase whose
 * every word is said ten times per million words stay out. Session 12, without it again: tag F1 vs A/B
 * gold-80 unchanged, gold-cross tune 0.466/0.452 -> 0.468/0.453, held-out 0.452/0.430 -> 0.455/0.429.
 */
const TITLE_TERM_ZIPF = 4;
/** Zipf value under which a single word of one paper is a domain word ("autophagy" 0, "zebrafish" 1.6; "plasticity" 1.9). */
const OWN_WORD_ZIPF = 2.5;
/** Longest fallback term of one paper, in words, unless it is the whole of a term cut in half. */
const BACKUP_WORDS = 3;

/**
 * Share of its phrase-ending uses in which the term's last word runs straight into a determiner,
 * "that" or a pronoun, from which it is a verb the tagger read as a noun ("dataset show" of "the
 * datasets show that", "fine-tuning step touches" of "each fine-tuning step touches only").
 */
const CLAUSE_SHARE = 0.5;
/**
 * Share of its phrases a one-word term must end (head), not counting phrases a verb reading ends
 * (TermTable.nounHeadShare), to be a noun: an adjective or adverb the tagger read as a noun
 * ("adversarial", "weakly", "structural") nearly always modifies the next word. Lower than
 * VERB_HEAD_SHARE: a domain noun is often a modifier too ("lung", "protein"). Not for a longer
 * term's last word: "intraocular lens", "wnt signaling" (tests) head under 0.05 of their phrases
 * in the lists they come from and are terms.
 */
const HEADLESS_SHARE = 0.15;
/**
 * Readings from which a one-word term of one or two papers is judged by the phrases it ends, as
 * HEADLESS_SHARE judges a term of three papers or more: three readings are evidence however few
 * papers write them. "high-throughput" (of "high-throughput analysis", "high-throughput experimental
 * methods", "high-throughput combination screens"), "conformational", "differential", "hippocampal"
 * were tags that never head a phrase. Every phrase end counts, before a verb reading too: with so
 * few readings, "augmentations help" is the noun's one head reading of three (a fixture list's
 * "augmentation"; discounted as nounHeadShare does, it was lost). Session 10, tag F1 vs A/B, tune
 * then held-out halves: gold-80 0.448/0.464, 0.546/0.486 unchanged; gold-cross 0.435/0.418,
 * 0.438/0.410 -> 0.437/0.418, 0.438/0.415 (with the glue of term-words.ts and tag-select.ts
 * keepTaken); eval fragment tags cross 10 -> 6, seeds 5 -> 4, real dumps 26 -> 16; tags used by 2+
 * papers seeds 77.8 % -> 78.1 %, real dumps 74.0 % -> 73.9 %, cross 51.3 % -> 51.1 %. Without
 * keepTaken, "hippocampal" giving way to "hippocampal neurons" moved the single-tag rounds so that
 * "wnt signaling", a term of two papers, was dropped from both (tags-mixed.test.ts).
 */
const HEADLESS_READINGS = 3;

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
  if (terms.words[t]! < 2 || unit(terms, t)) return false;
  const modifier = terms.modifierFirst[t]! * 2 > terms.freq[t]! || terms.firstZipf(t) >= COMMON_FIRST_ZIPF;
  if (!modifier) return false;
  const rest = terms.rest[t]!;
  return rest >= 0 && terms.freq[rest]! > 0 && terms.freq[t]! < MODIFIER_SHARE * terms.freq[rest]!;
}

/**
 * Dice coefficient from which a phrase that several papers write is a unit (unithood): its first word
 * and its rest go together, whatever their everyday frequency ("monetary policy" 0.76 on the
 * astro-econ fixture; "several ion channels", "recent years", "large number" are their words' chance
 * meetings, each word also going with many others). Session 13, tag F1 vs A/B (all papers), against
 * 0.454/0.438 on gold-cross without units: 0.5 0.452/0.433, 0.7 0.454/0.438; gold-80 0.520/0.503 both.
 */
const UNIT_DICE = 0.7;

/**
 * A unit: a phrase of two words or more that two papers or more write, whose first word and rest go
 * together by the Dice coefficient 2·f(xy) / (f(x) + f(y)) (Smadja 1993; a standard unithood
 * measure of collocation extraction), f(x) the first word's uses in noun phrases, f(y) the rest's
 * as a candidate. Its modifier is part of it, however often the rest goes without it ("policy" of
 * "monetary policy" beside "fiscal policy"), so it is no free modifier. Not enough to make a phrase
 * of everyday words a term: "treatment group", "percentage points", "United States" are units too
 * (tried, as a way past isEveryday at Dice 0.5: on a probe economics list they became tags, and
 * gold-cross tag F1 fell 0.454/0.438 -> 0.449/0.430).
 */
function unit(terms: TermTable, t: number): boolean {
  if (terms.words[t]! < 2 || terms.df[t]! < 2) return false;
  const rest = terms.rest[t]!;
  let first = t;
  while (terms.prefix[first]! >= 0) first = terms.prefix[first]!;
  const f = terms.freq[t]!;
  return rest >= 0 && (2 * f) / (terms.seen[first]! + terms.freq[rest]!) >= UNIT_DICE;
}

/**
 * A term of one paper (an established unit is written by two papers or more) whose modifier grades
 * its noun: opened by a gradable adjective ("low accretion rates", "hotter circumgalactic gas") or
 * with a comparative or superlative inside ("associate higher inflation"). The comparative is the
 * author's measure of the thing (Penn's JJR/JJS, which the tagger's ADJ does not tell;
 * core/english/derivation.ts tells them by form); the thing without it is the term.
 */
function gradedModifier(terms: TermTable, t: number): boolean {
  if (terms.words[t]! < 2 || terms.df[t]! >= 2) return false;
  const words = terms.name(t).toLowerCase().split(' ');
  if (terms.modifierFirst[t]! * 2 > terms.freq[t]! && gradable(words[0]!)) return true;
  return words.slice(1, -1).some(gradedAdjective);
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

/** A one-word term read as a noun (not a verb's -ing form), not a short token, not an everyday verb's action or agent noun. */
function nounWord(terms: TermTable, t: number): boolean {
  return terms.nounHead[t]! * 2 > terms.freq[t]! && terms.key(t).length >= 4 && !deverbal(terms, t) && !measure(terms, t);
}

/** A unit of measure: the term's first word opens its phrases right after a number (MEASURE_SHARE). */
function measure(terms: TermTable, t: number): boolean {
  return terms.afterNumberShare(t) >= MEASURE_SHARE;
}

/** "deletion", "participants", "findings": an everyday verb made a noun; "completeness": an everyday adjective's quality (core/english/derivation.ts). */
function deverbal(terms: TermTable, t: number): boolean {
  return Math.max(verbZipf(terms.key(t)), verbZipf(terms.name(t))) >= DEVERBAL_ZIPF || adjectiveZipf(terms.key(t)) >= PROPERTY_ZIPF;
}

/** A verb's -ing form opening the term that the list never writes as a head: a verb and its object. */
function verbFirst(terms: TermTable, t: number): boolean {
  return (terms.gerundFirst[t]! * 2 > terms.freq[t]! && terms.firstHeadShare(t) < VERB_HEAD_SHARE) || verbInside(terms, t);
}

/**
 * A word before the term's last ending in -ing that the list never reads as a noun ("examining
 * nociception", "involved extracting vector-space"): a verb and its object, where "learning rate",
 * "training data" have an -ing word the list also reads as a noun.
 */
function verbInside(terms: TermTable, t: number): boolean {
  if (terms.words[t]! < 2) return false;
  const words = terms.key(t).split(' ');
  for (let i = 0; i < words.length - 1; i++) {
    if (!words[i]!.endsWith('ing')) continue;
    const w = terms.idOf(words[i]!);
    if (w < 0 || terms.nounHead[w] === 0) return true;
  }
  return false;
}

/**
 * Not a noun phrase: its last word is a modifier the tagger read as a noun (it seldom ends a
 * phrase, HEADLESS_SHARE) or a verb (it runs into a clause, CLAUSE_SHARE). With verbInside and
 * cutTerms's CONTINUED_SHARE (session 9), tag F1 vs A/B, tune then held-out: gold-80 0.453/0.470,
 * 0.551/0.485 -> 0.448/0.464, 0.546/0.486; gold-cross 0.443/0.431, 0.439/0.406 -> 0.435/0.423,
 * 0.439/0.412; tags used by 2+ papers seeds 79.5 % -> 77.8 %, real dumps 75.4 % -> 74.1 %, cross
 * 50.0 % -> 50.8 %; fragment tags (eval, tag-fragments.ts) seeds 11 -> 5, real dumps 36 -> 27.
 */
function notNounPhrase(terms: TermTable, t: number): boolean {
  // A symbol ("WNT" of "WNT signaling") names a gene or a system, a noun however the list uses it.
  return (terms.words[t] === 1 && terms.nounHeadShare(t) < HEADLESS_SHARE && !symbol(terms, t) && terms.df[t]! >= 3) || modifierWord(terms, t) || modifierEnd(terms, t) || terms.clauseShare(t) >= CLAUSE_SHARE;
}

/**
 * A term of several words ending in a hyphenated compound that only ever modifies (modifierWord): cut
 * before its noun ("operando X-ray" of "operando X-ray diffraction" and "operando X-ray absorption
 * spectroscopy", tags of two papers of the materials probe list). Only a hyphenated last word: English
 * hyphenates a compound that modifies a noun, where an unhyphenated one may head the term though it
 * mostly modifies ("intraocular lens" of "intraocular lens power", see modifierWord).
 */
function modifierEnd(terms: TermTable, t: number): boolean {
  if (terms.words[t]! < 2) return false;
  const name = terms.name(t);
  const last = name.slice(name.lastIndexOf(' ') + 1);
  if (!last.includes('-')) return false;
  // A key writes a hyphen as a space ("operando x ray"): the last word's key is its last parts.
  const w = terms.idOf(terms.key(t).split(' ').slice(-last.split('-').length).join(' '));
  return w >= 0 && modifierWord(terms, w);
}

/**
 * A one-word term read HEADLESS_READINGS times or more that seldom ends a phrase (HEADLESS_SHARE): a
 * modifier, however few papers write it. A hyphenated word is judged by its own phrase ends too, not
 * only by its last part's: "document" ends phrases of its own, "multi-document" only ever modifies
 * ("multi-document summarization", "multi-document models"), as do "multi-turn", "pro-apoptotic":
 * English hyphenates a compound that modifies a noun. Session 12, tag F1 vs A/B, tune then held-out
 * halves: gold-80 0.465/0.480, 0.567/0.509 unchanged; gold-cross 0.466/0.452 unchanged, 0.452/0.430
 * -> 0.447/0.425 (held-out papers whose annotators wrote "multi-document modeling" lost the
 * containment match of "multi-document"); tags used by 2+ papers seeds 66.1 % unchanged, real dumps
 * 58.1 % -> 58.0 %, gold-cross 43.7 % -> 43.4 %; eval fragment tags (modifier) real dumps 7 -> 4,
 * gold-cross 4 -> 3.
 * Not kept: the same of a term of several words that seldom ends its phrase. For every term it lost
 * "intraocular lens" (of "intraocular lens power", "... implantation": terms.test.ts), gold-80 tune
 * 0.461/0.476; for title subjects only (titleNounPhrase, against "bilateral cleft" of "bilateral
 * cleft lip and palate") it lost "floor plan", "scale mixture", gold-80 tune 0.461/0.476 too: a noun
 * compound modifies other nouns and is a term.
 */
function modifierWord(terms: TermTable, t: number): boolean {
  if (terms.words[t] !== 1 || terms.seen[t]! < HEADLESS_READINGS || symbol(terms, t)) return false;
  return terms.lastHeadShare(t) < HEADLESS_SHARE || terms.runEnds[t]! < HEADLESS_SHARE * terms.freq[t]!;
}

/** The term's last word, read alone, is a verb: twice or more, never as a noun, a word English writes. */
function verbWord(terms: TermTable, t: number): boolean {
  const key = terms.key(t);
  const w = terms.idOf(key.slice(key.lastIndexOf(' ') + 1));
  return w >= 0 && terms.nounHead[w] === 0 && terms.freq[w]! >= VERB_READINGS && terms.headZipf(t) > 0;
}

/**
 * A verb's -ing form ending the term that the list seldom writes as a head: a subject and its verb
 * cut before the object ("patients undergoing" of "patients undergoing cataract surgery"), where
 * "deep learning", "question answering" end phrases. Also a term whose last word the tagger read
 * as a verb every time, twice or more anywhere in the list, though the list ends phrases with it
 * ("dataset consisting" of "consisting of", "instances utilizing", "novel instances utilizing",
 * "factors contributing" were tags of the real dumps; tag F1 unchanged). Once is no evidence: the
 * tagger reads a Title Case title's or a short list's gerund as a verb ("robust representation
 * learning", "federated averaging", "café-scale federated learning" of the fixture lists, lost when
 * one reading sufficed). Nor is a reading of a word everyday English never writes, which the tagger
 * guesses from its suffix ("contrastive pretraining", read as a verb three times in one fixture abstract).
 */
function verbLast(terms: TermTable, t: number): boolean {
  return terms.words[t]! > 1 && terms.nounHead[t]! * 2 <= terms.freq[t]! && (terms.lastHeadShare(t) < VERB_HEAD_SHARE || (terms.nounHead[t] === 0 && verbWord(terms, t)));
}

/**
 * Whether a discovered term may be a tag on a list of n papers: shared by 2+ papers but not
 * background; not a piece of a longer term; not everyday English unless titles are about it
 * ("sleep" in the titles of sleep studies); not a free modifier and its noun.
 *
 * Session 12, not kept: an everyday phrase of two words or more that a title writes, under
 * TITLE_TERM_ZIPF, shared too, as ownTerm admits it for one paper ("blood-brain barrier", Zipf 3.6,
 * in a title and four times in its abstract, and once in another paper's): tag F1 vs A/B unchanged
 * on every half (gold-80 0.465/0.480, 0.567/0.509; gold-cross 0.466/0.452, 0.452/0.430), while seed
 * papers took "objective function", "network layers", "end-to-end neural network" from one title.
 */
export function discoverable(terms: TermTable, t: number, n: number, maxShare: number): boolean {
  const df = terms.df[t]!;
  if (notNounPhrase(terms, t)) return false;
  if (df === 1) return ownTerm(terms, t);
  if (df < 2 || df > Math.max(2, maxShare * n) || terms.independence[t]! < MIN_INDEPENDENCE) return false;
  const titled = terms.titleDf[t]! >= 2 && terms.titleDf[t]! * 3 >= df;
  if (isEveryday(terms, t)) return titled && terms.words[t]! > 1 && !freeModifier(terms, t);
  // A single word is a concept if titles are about it ("diarization", "insulin") or the papers
  // that use it use it again and again ("apoptosis"); abstracts are full of single nouns written
  // once ("activation", "criteria") that are not.
  if (terms.words[t] === 1) return nounWord(terms, t) && (titled || terms.freq[t]! >= BURST_MENTIONS * df);
  return wellFormedPhrase(terms, t);
}

/** A phrase of several words, no unit of measure, none of whose words is a free modifier, a verb at either end, everyday "X of Y" or a generic head. */
function wellFormedPhrase(terms: TermTable, t: number): boolean {
  return !measure(terms, t) && !freeModifier(terms, t) && !verbFirst(terms, t) && !verbLast(terms, t) && !everydayOfPhrase(terms, t) && !genericHead(terms, t);
}

/**
 * A phrase of two or more words that may name a topic its papers share (naming.ts sharedPhrases):
 * the filters of a shared term in `discoverable` but for everyday English and the cap on papers. A
 * field's subjects are often written in everyday words ("exchange rates", "coral reefs", "relative
 * clauses", all under EVERYDAY_ZIPF), which a tag needs titles for and a name does not; naming has
 * its own, higher bar for everyday phrases (name-phrase.ts). The other filters keep "promising
 * progress" (free modifier) and "experimental results" (generic head) from naming a topic.
 */
export function phraseTerm(terms: TermTable, t: number): boolean {
  return terms.words[t]! > 1 && terms.independence[t]! >= MIN_INDEPENDENCE && !notNounPhrase(terms, t) && wellFormedPhrase(terms, t);
}

/**
 * A term of one paper only that names what the paper is about: written in its title and repeated
 * (OWN_MENTIONS) in all, a noun phrase of at most three words passing every filter of a shared
 * term, or a single word English seldom writes ("autophagy", "zebrafish", "alkylation repair",
 * "liver transplantation" on gold-cross). Annotators give such terms (they reuse 25-35 % of their
 * distinct tags); see OWN_MENTIONS for the measurement.
 *
 * A phrase of everyday words is such a term too: its title and its repetition say it is the
 * paper's subject, where an everyday phrase ("valuable insights") is written once, in passing.
 * Disease and task names are made of everyday words ("spinal cord injury", "traumatic brain
 * injury", "dried blood spot", "license plate recognition", "eye contact correction": new tags of
 * the real dumps and seeds, where "coherence", "mapping", "format", "synthesis" went), up to
 * TITLE_TERM_ZIPF. Session 8, tag F1 vs A/B, tune then held-out halves: gold-cross 0.431/0.419,
 * 0.436/0.403 -> 0.443/0.431, 0.439/0.406; gold-80 0.452/0.468, 0.549/0.483 -> 0.448/0.464,
 * 0.549/0.483; tags used by 2+ papers seeds 80.3 % -> 79.5 %, real dumps 76.3 % -> 75.2 %,
 * gold-cross 51.1 % -> 50.0 %. Without TITLE_TERM_ZIPF ("red giant", "blood pressure" pass):
 * gold-cross 0.447/0.438, 0.447/0.410; written twice instead of three times: 0.456/0.440,
 * 0.451/0.406, gold-80 tune 0.444/0.460, gold-cross reuse 41.4 %.
 */
function ownTerm(terms: TermTable, t: number): boolean {
  const words = terms.words[t]!;
  if (terms.titleDf[t] !== 1 || terms.freq[t]! < OWN_MENTIONS || terms.independence[t]! < MIN_INDEPENDENCE || (isEveryday(terms, t) && (words === 1 || terms.rarestZipf(t) >= TITLE_TERM_ZIPF))) return false;
  if (symbol(terms, t)) return false;
  if (words === 1) return nounWord(terms, t) && terms.rarestZipf(t) < OWN_WORD_ZIPF;
  return words <= 3 && !terms.key(t).includes(' of ') && terms.nounHead[t]! * 2 > terms.freq[t]! && !freeModifier(terms, t) && !gradedModifier(terms, t) && !verbFirst(terms, t) && !verbLast(terms, t) && !genericHead(terms, t);
}

/**
 * A term of one paper that may still serve as one of its three tags; longer ones are clauses more
 * often than terms. `lenient`, for a text with no other term: a free modifier may stay. `symbols`,
 * for a text with no term at all: so may a symbol (the fixture list whose papers share every sentence
 * kept "yaml list item" of its title only so; with symbols never, that paper had no tag at all).
 * Session 9, not kept: a one-word fallback repeated as a shared one-word term must be (freq >=
 * BURST_MENTIONS * df, STRICT level only), against the everyday nouns a new-user review found as
 * tags ("effectiveness", "criteria", "density", "query"). Tag F1 vs A/B, tune then held-out:
 * gold-80 0.448/0.464, 0.546/0.486 -> 0.453/0.476, 0.547/0.487; gold-cross 0.435/0.423,
 * 0.439/0.412 -> 0.442/0.433, 0.454/0.424; but tags used by 2+ papers seeds 77.8 % -> 72.8 %, real
 * dumps 74.1 % -> 61.3 %, gold-cross 50.8 % -> 37.4 %, and the fallbacks that took their places
 * were clauses ("classifiers learning spurious correlations", "androids laugh") while "histone",
 * "lysine", "calcium", "cortex" went.
 * Session 10, not kept (tag F1 vs A/B, tune then held-out halves; before: gold-80 0.448/0.464,
 * 0.546/0.486, gold-cross 0.435/0.418, 0.438/0.410): fallbacks matched an annotator 0.09-0.12 of the
 * time on the tune halves (gold-80 11, gold-cross 33 tags: "assays", "impairment", "membrane") but
 * 0.29-0.40 in aggregate on the held-out halves (gold-cross 55 tags), over a tag's break-even (about
 * F1/2): a one-word tag matches every annotator tag containing it, so a general noun of the paper is
 * inside an annotator's phrase as often as not. So each of these gained on the tune halves only:
 * - a one-word fallback that is a noun of general written English (WordNet 3.1 index.noun with a
 *   SemCor-tagged sense: "assay", "impairment", "diversity", "localization"; not "apoptosis",
 *   "receptor", "polymerase"): gold-80 0.455/0.478, 0.543/0.476, gold-cross 0.447/0.433,
 *   0.427/0.402, reuse real dumps 69.9 %, gold-cross 44.8 %; as a floor (Zipf 4) of such a
 *   discovered one-word term's everyday frequency (tags.ts domain; before it gold-cross 0.435/0.417,
 *   0.439/0.416 with the modifier and glue rules of this session): 0.441/0.424, 0.436/0.413;
 * - tags.ts's tenfold weight of a shared one-word fallback times min(1, coherence / 8): gold-80
 *   0.460/0.476, 0.544/0.477, gold-cross 0.451/0.432, 0.439/0.421, reuse seeds 74.0 %, real dumps
 *   68.0 %, gold-cross 41.4 % (/ 4: gold-cross held-out 0.425/0.408; only from coherence 3: 0.419/0.409;
 *   coherence breaking ties of equal scores, which fall to name order: 0.426/0.410);
 * - no fallback (a paper keeps fewer than three tags): gold-cross 0.440/0.425, 0.395/0.357;
 * - genericHead here (after modifierWord): gold-80 0.449/0.467, 0.550/0.484, gold-cross unchanged,
 *   reuse seeds 77.8 % -> 76.6 %.
 */
export function plausibleBackup(terms: TermTable, t: number, whole = false, lenient = false, symbols = false): boolean {
  if (terms.words[t]! > (whole ? MAX_TERM_WORDS : BACKUP_WORDS) || terms.independence[t]! <= 0 || isEveryday(terms, t) || measure(terms, t) || verbFirst(terms, t) || verbLast(terms, t) || everydayOfPhrase(terms, t) || notNounPhrase(terms, t)) return false;
  if (!lenient && (freeModifier(terms, t) || gradedModifier(terms, t))) return false;
  if (!symbols && symbol(terms, t)) return false;
  return terms.words[t]! > 1 || nounWord(terms, t);
}

/**
 * A term with a word some paper writes only as a symbol (terms.ts symbolShaped): a gene symbol
 * ("PDZD7", "pdzd7 knockout mice"), an identifier ("LL-37"), a paper's name for its own system
 * ("MEMEX"). Not a term of one paper nor a fallback: annotators tag the concept, not the name; a
 * symbol many papers share ("EGFR") is still a discovered term. Tag F1 vs A/B, one-word terms only,
 * alone: gold-cross tune 0.432/0.409 -> 0.425/0.403 (the freed places went to weaker terms through
 * the single-tag rounds), gold-80 held-out -0.004; tags used by 2+ papers real dumps 73.8 % ->
 * 77.6 %, gold-cross 45.6 % -> 52.5 %, which let tag-select.ts keep a paper's strong single tags
 * (STRONG_SINGLE). Terms of any length, with STRONG_SINGLE: gold-cross tune 0.433/0.421 ->
 * 0.437/0.420, held-out 0.438/0.404 -> 0.443/0.409, gold-80 held-out 0.550/0.484 -> 0.548/0.482.
 */
function symbol(terms: TermTable, t: number): boolean {
  return terms.symbols.size > 0 && terms.name(t).split(' ').some((w) => terms.symbols.has(w));
}

/**
 * A phrase of two words or more that a paper's title names, read as a noun phrase: no verb at
 * either end or inside, no clause, no symbol, its last word a head noun of the list (HEADLESS_SHARE:
 * not "impacted immature maxillary"), not opened by a very common adjective ("new", "main", "single";
 * a common noun such as "road" of "road traffic accidents" is part of the name).
 * Not the list-wide tests of a free modifier or a generic head (freeModifier, genericHead): the
 * title writing the phrase whole is the evidence that its modifier belongs to it ("floor plan",
 * "historical documents", "constitutive laws", "reasoning chains" fail them). For title-subjects.ts.
 */
export function titleNounPhrase(terms: TermTable, t: number): boolean {
  return terms.words[t]! >= 2 && terms.lastHeadShare(t) >= HEADLESS_SHARE && !(terms.firstZipf(t) >= COMMON_FIRST_ZIPF && terms.modifierFirst[t]! * 2 > terms.freq[t]!) && !verbFirst(terms, t) && !verbLast(terms, t) && !notNounPhrase(terms, t) && !everydayOfPhrase(terms, t) && !symbol(terms, t) && !gradedModifier(terms, t);
}
