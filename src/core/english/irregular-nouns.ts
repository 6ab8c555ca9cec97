/**
 * Irregular noun forms for search: the forms Porter2 (src/core/search-terms.ts `stem`) cannot bring to
 * the stem of their lemma, so a query for the lemma would miss them (`shelf` → `shelf` but `shelves` →
 * `shelv`; `mouse` → `mous`, `mice` → `mice`; `analysis` → `analysi`, `analyses` → `analys`).
 *
 * The forms and lemmas are WordNet's noun exception list (morphy's `noun.exc`, 1,945 forms), as
 * wink-nlp's English model ships it; regular plurals need no list, since Porter2 stems them to a
 * prefix of their lemma's stem or to the same stem (`studies`, `study` → `studi`). Nouns only:
 * WordNet's verb and adjective lists map forms that are words of their own (`found` → `find`,
 * `better` → `good`), which would make a query find papers that never use its word.
 */
import nounExceptions from 'wink-eng-lite-web-model/dist/wn-noun-exceptions.js';
import { stem } from '../search-terms.ts';

const LETTERS = /\p{L}+/gu;

/**
 * The lemma a query must find `word` (lowercase) by, when Porter2 alone does not: WordNet's lemma of
 * an irregular noun form whose stem does not begin with the lemma's stem; undefined otherwise.
 */
export function irregularNounLemma(word: string): string | undefined {
  const lemma = Object.hasOwn(nounExceptions, word) ? nounExceptions[word] : undefined;
  return lemma !== undefined && !stem(word).startsWith(stem(lemma)) ? lemma : undefined;
}

/**
 * The lemmas of the irregular noun forms in `text`, one per occurrence, in order (`The mice and
 * ice shelves` → `mouse shelf`): indexed beside a paper's text, they let a query for the lemma find it
 * with the weight the form has. Words are the runs of letters, lowercased, so `ice-shelves` holds `shelves`.
 */
export function irregularNounLemmas(text: string): string[] {
  const lemmas: string[] = [];
  for (const [word] of text.toLowerCase().matchAll(LETTERS)) {
    const lemma = irregularNounLemma(word);
    if (lemma !== undefined) lemmas.push(lemma);
  }
  return lemmas;
}
