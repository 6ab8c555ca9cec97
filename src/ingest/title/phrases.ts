/**
 * Phrases of a tagged sentence that titles are built from: the subject an abstract opens with,
 * the task it names, every noun phrase, and the small helpers that join and compare them.
 */
import { expansion } from './acronyms.ts';
import { article } from '../../core/english/inflection.ts';
import { nounPhraseWithAttachments } from './chunk.ts';
import { join, type Token } from './pos.ts';
import type { Sentence } from './sentences.ts';

/** The words of a phrase, with "a"/"an" agreeing with the word after it. */
export function phraseText(tokens: Token[]): string {
  const first = tokens[0]?.lower;
  if ((first === 'a' || first === 'an') && tokens[1]) return `${article(tokens[1].text)} ${join(tokens.slice(1))}`;
  return join(tokens);
}

export const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export function overlaps(a: string, b: string): boolean {
  // "GNNs" in a and "graph neural networks" in b are the same thing.
  for (const acronym of a.match(/\b[A-Z][A-Za-z]*[A-Z]s?\b/g) ?? []) if (expansion(b.split(/\s+/), acronym, true)) return true;
  const x = new Set(a.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 3));
  return b.toLowerCase().split(/[^a-z0-9]+/).some((w) => w.length > 3 && x.has(w));
}

/**
 * Noun phrases (with what attaches to them) of at least two words, each starting after a non-modifier:
 * its text, the word before it (`after`, '' at the start) and whether that word is a preposition.
 */
export function phrasesIn(tokens: Token[]): Array<{ text: string; after: string; preposition: boolean }> {
  const out: Array<{ text: string; after: string; preposition: boolean }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const before = tokens[i - 1];
    if (before && before.pos !== 'DET' && before.pos !== 'ADP' && before.pos !== 'PUNCT' && before.pos !== 'VERB' && before.pos !== 'CCONJ') continue;
    const p = nounPhraseWithAttachments(tokens, i, 2, 10);
    if (!p || p.tokens.length < 2) continue;
    const words = p.tokens[0]!.lower === 'a' || p.tokens[0]!.lower === 'an' ? p.tokens.slice(1) : p.tokens;
    if (words.length >= 2) out.push({ text: join(words), after: before?.lower ?? '', preposition: before?.pos === 'ADP' });
    i = p.end - 1;
  }
  return out;
}

/**
 * The task or field the abstract opens with: a phrase the first sentences define an acronym for
 * ("aspect sentiment triplet extraction (ASTE)"), else the subject of the first sentence.
 */
export function openingTask(sentences: Sentence[], opening: Token[]): string | undefined {
  const text = sentences.slice(0, 2).map((s) => s.text).join(' ');
  const defined = /\(([A-Z][A-Za-z\d-]*[A-Z][A-Za-z\d-]*)s?\)/.exec(text);
  if (defined) {
    const phrase = expansion(text.slice(0, defined.index).trim().split(/\s+/).slice(-6), defined[1]!);
    if (phrase) return phrase;
  }
  return subjectPhrase(opening);
}

/** The noun phrase a sentence opens with, after any opening adverbials ("Recently, …"). */
export function subjectPhrase(tokens: Token[]): string | undefined {
  let i = 0;
  const comma = tokens.findIndex((t) => t.text === ',');
  if (comma > 0 && comma < 6 && (tokens[0]!.pos === 'ADV' || tokens[0]!.pos === 'ADP' || tokens[0]!.pos === 'SCONJ')) i = comma + 1;
  const phrase = nounPhraseWithAttachments(tokens, i, 2, 12);
  if (!phrase || phrase.tokens.length < 2) return undefined;
  const next = tokens[phrase.end];
  // Only a subject: the next token starts the predicate.
  const missedVerb = next?.pos === 'NOUN' && tokens[phrase.end + 1]?.pos === 'DET';
  if (next && !(next.pos === 'VERB' || next.pos === 'AUX' || next.pos === 'ADV' || next.text === ',' || next.text === '(' || missedVerb)) return undefined;
  const text = join(phrase.tokens[0]!.lower === 'a' || phrase.tokens[0]!.lower === 'an' ? phrase.tokens.slice(1) : phrase.tokens);
  return /^(?:many|most|much|recent|some|several|few|there)\b/i.test(text) ? undefined : text;
}

