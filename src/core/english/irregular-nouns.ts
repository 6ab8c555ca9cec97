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
 *
 * The other way, a query for a form misses a paper writing only its lemma (`mice` does not begin `mous`;
 * `criteria`, `criterion`), so the forms are indexed beside the lemma too (`irregularNounCounterparts`).
 * Done in the index, not by reading a query's form as its lemma (tried first): that query loses what its
 * own word finds (`data` → `datum` lost `datasets`, 315 → 204 seed papers; `goes` → `go` found `goal` and
 * `good`, 1 → 58 papers) and the weight of a title that writes it, and the browser needs the forms.
 */
import nounExceptions from 'wink-eng-lite-web-model/dist/wn-noun-exceptions.js';
import { stem } from '../search-terms.ts';
import { pluralCandidates } from './inflection.ts';
import { subtlexCounts } from './subtlex.ts';

const LETTERS = /\p{L}+/gu;

/**
 * The lemma a query must find `word` (lowercase) by, when Porter2 alone does not: WordNet's lemma of
 * an irregular noun form whose stem does not begin with the lemma's stem; undefined otherwise.
 */
export function irregularNounLemma(word: string): string | undefined {
  const lemma = Object.hasOwn(nounExceptions, word) ? nounExceptions[word] : undefined;
  return lemma !== undefined && !stem(word).startsWith(stem(lemma)) ? lemma : undefined;
}

let formsOfWord: Map<string, string[]> | undefined;
/**
 * Lemma, and the spellings its regular plural may have (inflection.ts `pluralCandidates`: `indexes`), → its
 * irregular forms whose stem does not begin the lemma's, so that a query for the form misses a paper writing
 * the lemma (`mouse` → `mice`; `child` → `children`,
 * though `children` needs no lemma the other way). Left out, a form whose stem everyday English
 * (SUBTLEX-US) also reaches by another word (`lives` with `living`, `leaves` with `leave`, `theses` with
 * `these`): indexed beside `life`, it would make the query `living` find it. Forms of letters only, as a
 * query word is.
 */
function irregularFormsByWord(): Map<string, string[]> {
  if (formsOfWord) return formsOfWord;
  const candidates = Object.entries(nounExceptions)
    .filter(([form]) => /^\p{L}+$/u.test(form))
    .map(([form, lemma]) => ({ form, lemma, formStem: stem(form) }))
    .filter(({ form, lemma, formStem }) => form !== lemma && !stem(lemma).startsWith(formStem))
    .sort((a, b) => (a.form < b.form ? -1 : 1));
  const formStems = new Set(candidates.map((c) => c.formStem));
  const shortest = Math.min(...[...formStems].map((s) => s.length));
  const shared = new Set<string>();
  for (const word of subtlexCounts().counts.keys()) {
    if (Object.hasOwn(nounExceptions, word)) continue;
    // A Porter2 stem is a prefix of its word (but for a final `y` made `i`): only words a form's stem begins are
    // stemmed, ~1/40 of SUBTLEX (stemming them all took 0.4 CPU-s).
    for (let end = shortest; end <= word.length; end++) {
      if (formStems.has(word.slice(0, end))) {
        if (formStems.has(stem(word))) shared.add(stem(word));
        break;
      }
    }
  }
  formsOfWord = new Map();
  for (const { form, lemma, formStem } of candidates) {
    if (shared.has(formStem)) continue;
    for (const word of [lemma, ...pluralCandidates(lemma)]) {
      if (word === form) continue;
      const forms = formsOfWord.get(word);
      if (!forms) formsOfWord.set(word, [form]);
      else if (!forms.includes(form)) forms.push(form);
    }
  }
  return formsOfWord;
}

/**
 * The counterparts of the irregular nouns in `text`, one per occurrence, in order: the lemma of each
 * irregular form (`The mice and ice shelves` → `mouse shelf`), and the irregular forms of each lemma or its
 * regular plural (`irregularFormsByWord`: `A mouse criterion` → `mice criteria`). Indexed beside a paper's
 * text, they let a query for either find it, with the weight the word has there. Words are the runs of
 * letters, lowercased, so `ice-shelves` holds `shelves`.
 */
export function irregularNounCounterparts(text: string): string[] {
  const byWord = irregularFormsByWord();
  const counterparts: string[] = [];
  for (const [word] of text.toLowerCase().matchAll(LETTERS)) {
    const lemma = irregularNounLemma(word);
    if (lemma !== undefined) counterparts.push(lemma);
    const forms = byWord.get(word);
    if (forms) counterparts.push(...forms);
  }
  return counterparts;
}
