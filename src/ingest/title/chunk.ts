/**
 * Noun phrases read off part-of-speech tags, so that a title is always a whole phrase: modifiers
 * and a nominal head ("an Induction-Augmented Generation framework"), prepositional phrases that
 * attach to it ("for implicit reasoning", "of answering questions"), a defined acronym kept as
 * the name ("(IAG)"), other asides dropped.
 */
import type { Token } from './pos.ts';

const NOMINAL = new Set(['NOUN', 'PROPN', 'NUM']);
const MODIFIER = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM', 'X']);
/** Prepositions whose phrase belongs to the noun before them in a title. */
const ATTACH = new Set(['of', 'to', 'for', 'in', 'on', 'with', 'via', 'from', 'across', 'between', 'under', 'over', 'without', 'through', 'into', 'towards', 'toward', 'against', 'beyond', 'within', 'among', 'at', 'by']);
/** Determiners a title drops; "a"/"an" are kept where the phrase starts. */
const DROPPED = new Set(['the', 'this', 'these', 'that', 'those', 'our', 'its', 'their', 'his', 'her', 'my', 'your', 'such', 'several', 'some', 'various', 'any', 'each', 'every']);
/** Possessives: "our framework" can start a title ("Framework"), but "instances of our framework" points back. */
const POSSESSIVE = new Set(['our', 'its', 'their', 'his', 'her', 'my', 'your']);
/** Praise a title does not need. */
const PRAISE = new Set(['novel', 'new', 'simple', 'effective', 'powerful', 'promising', 'innovative', 'first', 'unified', 'principled', 'generic', 'general', 'straightforward', 'elegant', 'efficient', 'robust', 'scalable', 'comprehensive', 'yet']);
/** Words that point back into the abstract ("the same task") and so mean nothing in a title. */
export const DEICTIC = new Set(['this', 'these', 'those', 'such', 'same', 'above', 'aforementioned', 'former', 'latter', 'it', 'them', 'they', 'former', 'said']);

/** What may follow a gerund that ends a compound noun; anything that can start a phrase makes it a verb with an object. */
const GERUND_END = new Set(['ADP', 'PUNCT', 'AUX', 'VERB', 'PART', 'SCONJ']);
/** Words that introduce a name: "a decoding method called X". */
const NAMING = new Set(['called', 'named', 'dubbed', 'termed', 'coined', 'known', 'namely']);

export interface Phrase {
  /** Tokens kept, in order. */
  tokens: Token[];
  /** Index after the last token read. */
  end: number;
  /** An acronym the phrase defines: "(IAG)". */
  acronym?: string;
}

const isAcronym = (t: Token | undefined) => !!t && /^[A-Z][\w-]*[A-Z0-9][\w-]*s?$|^[A-Z][a-z]+[A-Z]\w*$/.test(t.text) && t.text.length <= 24;

/**
 * The noun phrase that starts at `i` (after any determiners), or undefined when none does.
 * `praise` false drops "novel", "simple", … from the modifiers.
 */
export function nounPhrase(tokens: readonly Token[], i: number, keepThe = false, praise = false): Phrase | undefined {
  let j = i;
  const kept: Token[] = [];
  while (j < tokens.length && (tokens[j]!.pos === 'DET' || DROPPED.has(tokens[j]!.lower))) {
    if (tokens[j]!.lower === 'a' || tokens[j]!.lower === 'an' || (keepThe && tokens[j]!.lower === 'the')) kept.push(tokens[j]!);
    else if (DEICTIC.has(tokens[j]!.lower) || (keepThe && POSSESSIVE.has(tokens[j]!.lower))) return undefined; // "this issue", "of our framework" point back
    else if (!DROPPED.has(tokens[j]!.lower) && tokens[j]!.pos === 'DET') return undefined; // "all", "no", "both" quantify; not a title's start
    j++;
  }
  let lastNominal = -1;
  let acronym: string | undefined;
  let keptAtNominal = 0;
  while (j < tokens.length) {
    const t = tokens[j]!;
    const next = tokens[j + 1];
    if (t.text === '(') {
      const close = tokens.findIndex((x, k) => k > j && x.text === ')');
      if (close < 0 || close - j > 16) break;
      const inside = tokens.slice(j + 1, close);
      // "(IAG)", "(Elastic GNNs)": a name the phrase defines.
      if (lastNominal >= 0 && inside.length <= 3 && inside.every((x) => /^\p{Lu}/u.test(x.text)) && inside.some((x) => isAcronym(x))) acronym ??= inside.map((x) => x.text).join(' ');
      j = close + 1;
      continue;
    }
    // "the first three seconds" counts; "the first framework" praises; "New York" is a name.
    const named = () => /^\p{Lu}/u.test(t.text) && (t.pos === 'PROPN' || next?.pos === 'PROPN');
    if (!praise && PRAISE.has(t.lower) && !named() && next && (MODIFIER.has(next.pos) || next.pos === 'CCONJ' || next.pos === 'VERB') && !(t.lower === 'first' && next.pos === 'NUM')) {
      // "a novel and general scheme": the conjunction goes with the praise.
      j += next.pos === 'CCONJ' ? 2 : 1;
      continue;
    }
    // A plural noun right before a determiner is a verb the tagger missed: "hypothesis … emphasizes the".
    if (t.pos === 'NOUN' && lastNominal >= 0 && /[^s]s$/.test(t.lower) && next?.pos === 'DET') break;
    if (t.lower === "'s" && lastNominal >= 0) {
      kept.push(t);
      j++;
      continue;
    }
    // A bare verb right after an adjective, before a preposition or the end, is a noun the tagger
    // missed: "negative concord/VERB in …" (a verb after its subject's adjective would be "… are");
    // the tag is corrected on the token itself, so every later reader of the sentence agrees.
    if (t.pos === 'VERB' && kept.at(-1)?.pos === 'ADJ' && tokens[j - 1] === kept.at(-1) && !/(?:ed|en|ing)$/.test(t.lower) && (!next || next.pos === 'ADP' || next.pos === 'PUNCT' || next.pos === 'CCONJ')) t.pos = 'NOUN';
    // "aged three to six", "18 to 65 years": a range is one modifier, never cut after its first number.
    if (t.pos === 'NUM' && next?.lower === 'to' && tokens[j + 2]?.pos === 'NUM') {
      kept.push(t, next);
      j += 2;
      continue;
    }
    const participle = t.pos === 'VERB' && /(?:ed|en|ing)$/.test(t.lower) && !!next && (MODIFIER.has(next.pos) || next.pos === 'VERB');
    // A compound ending in a gerund noun: "in-context learning", "question answering" — the phrase ends there.
    if (t.pos === 'VERB' && t.lower.endsWith('ing') && lastNominal === j - 1 && kept.length > 0 && (!next || GERUND_END.has(next.pos))) {
      kept.push(t);
      lastNominal = j;
      keptAtNominal = kept.length;
      j++;
      break;
    }
    const adverb = t.pos === 'ADV' && !!next && (next.pos === 'ADJ' || (next.pos === 'VERB' && /ly$/.test(t.lower)));
    const coordinated = (t.lower === 'and' || t.lower === 'or') && lastNominal < 0 && kept.length > 0 && kept.at(-1)!.pos === 'ADJ' && !!next && next.pos === 'ADJ';
    if (NAMING.has(t.lower)) break; // "a network named MProto": the name is read by the caller
    if (MODIFIER.has(t.pos) || participle || adverb || coordinated) {
      if (DEICTIC.has(t.lower)) break;
      kept.push(t);
      if (NOMINAL.has(t.pos) && !(t.pos === 'NUM' && next && MODIFIER.has(next.pos))) {
        lastNominal = j;
        keptAtNominal = kept.length;
      }
      j++;
      continue;
    }
    break;
  }
  if (lastNominal < 0) return undefined;
  // An aside right after the head ("SEAL (learning from …)") is read past, not into the next phrase.
  let end = lastNominal + 1;
  while (tokens[end]?.text === '(') {
    const close = tokens.findIndex((x, k) => k > end && x.text === ')');
    if (close < 0 || close - end > 16) break;
    end = close + 1;
  }
  return { tokens: kept.slice(0, keptAtNominal), end, acronym };
}

/**
 * A noun phrase with up to `maxAttached` prepositional phrases after it ("a corpus for 16 African
 * languages of the web"), each one whole, and one coordinated noun ("dataset and method").
 * A gerund may head an attached phrase ("for answering reasoning questions"). `keepThe` keeps a
 * leading "the" (an object: "Evaluating the Effectiveness of …"); inside, it is always kept.
 */
export function nounPhraseWithAttachments(tokens: readonly Token[], i: number, maxAttached = 2, maxWords = 14, keepThe = false): Phrase | undefined {
  const head = nounPhrase(tokens, i, keepThe);
  if (!head) return undefined;
  const out: Phrase = { ...head, tokens: [...head.tokens] };
  let k = head.end;
  const and = tokens[k];
  if (and && (and.lower === 'and' || and.lower === 'or') && tokens[k + 1]?.pos !== 'VERB') {
    const second = nounPhrase(tokens, k + 1);
    if (second && second.tokens.length <= 4 && second.tokens[0]?.pos !== 'DET') {
      out.tokens.push(and, ...second.tokens);
      out.end = k = second.end;
    }
  }
  for (let attached = 0; attached < maxAttached; attached++) {
    const prep = tokens[k];
    // The tagger reads some "for" as a subordinating conjunction; before a noun phrase it is a preposition.
    if (!prep || (prep.pos !== 'ADP' && prep.pos !== 'SCONJ' && prep.pos !== 'PART') || !ATTACH.has(prep.lower)) break;
    let phrase: Phrase | undefined;
    const verb = tokens[k + 1];
    // A gerund with its object ("for training a student model"), whatever the tagger called it.
    const gerundHead = !!verb && verb.lower.endsWith('ing') && (verb.pos === 'VERB' || tokens[k + 2]?.pos === 'DET');
    if (gerundHead) {
      const object = nounPhrase(tokens, k + 2, true);
      if (object) phrase = { tokens: [verb, ...object.tokens], end: object.end, acronym: object.acronym };
    } else phrase = nounPhrase(tokens, k + 1, true);
    if (!phrase || phrase.tokens.some((t) => DEICTIC.has(t.lower))) break;
    if (prep.lower === 'between') phrase = bothEnds(tokens, phrase);
    else phrase = withConjunct(tokens, phrase);
    if (!phrase || out.tokens.length + 1 + phrase.tokens.length > maxWords) break;
    out.acronym ??= phrase.acronym; // "a family of GNNs (Elastic GNNs)"
    out.tokens.push(prep, ...phrase.tokens);
    out.end = k = phrase.end;
  }
  return out;
}

/** Words of a second conjunct read at most: "30 French–English bilingual children aged three to six". */
const MAX_CONJUNCT = 8;

/** Two phrases joined by their conjunction ("9 and 27 solar masses"), the first's acronym before the second's. */
function coordinated(first: Phrase, and: Token, second: Phrase): Phrase {
  return { tokens: [...first.tokens, and, ...second.tokens], end: second.end, acronym: first.acronym ?? second.acronym };
}

/**
 * An attached phrase with the one coordinated with it: "in 30 German–Italian and 30 French–English
 * bilingual children", where the first alone ("in 30 German–Italian") is cut before the noun both
 * share; undefined when the first needs the second's noun and the second cannot be read whole.
 */
function withConjunct(tokens: readonly Token[], first: Phrase): Phrase | undefined {
  const and = tokens[first.end];
  if (and?.lower !== 'and' && and?.lower !== 'or') return first;
  // Only a first conjunct of names and numbers, whose noun the second supplies.
  if (first.tokens.some((t) => t.pos === 'NOUN')) return first;
  const second = nounPhrase(tokens, first.end + 1);
  // Without its noun the first is a fragment ("in 30 German–Italian"): the attachment is left out.
  if (!second || second.tokens.length > MAX_CONJUNCT || second.tokens[0]?.pos === 'DET' || !second.tokens.some((t) => t.pos === 'NOUN')) return undefined;
  return coordinated(first, and, second);
}

/**
 * The object of "between" whole: "between 9 and 27 solar masses", "between 1990 and 2007" (its first
 * end with "and" and the second), or a plural that names both ("between platforms"); undefined when
 * the phrase read is only the first end, as a title must not stop at "… between 9" nor at "… between
 * MillerCoors" (a name the abstract goes on to explain).
 */
function bothEnds(tokens: readonly Token[], first: Phrase): Phrase | undefined {
  const and = tokens[first.end];
  if (and?.lower === 'and') {
    const second = nounPhrase(tokens, first.end + 1, true);
    return second ? coordinated(first, and, second) : undefined;
  }
  const last = first.tokens.at(-1)!;
  return last.pos === 'NOUN' && /[^s]s$/.test(last.lower) ? first : undefined;
}
