/**
 * Tags that are not whole noun phrases, judged from the list's text alone (not from the term
 * extractor's counts, so the eval checks the tagger rather than repeating it). `npm run eval` prints
 * the counts beside the hygiene figures; tests/unit/classify/tags-fragments.test.ts holds a small
 * two-field list to none. The kinds a new-user review found on an unseen list (session 9):
 * - `hyphenPiece`: starts inside a hyphenated word ("art baselines" of "state-of-the-art baselines");
 * - `continued`: nearly always followed by one same word, a piece of a longer term ("extractive
 *   question" of "extractive question answering", "sparse mixture" of "sparse mixture of experts");
 * - `clause`: runs into "that" or "the" in half its occurrences, so its last word is a verb ("dataset show");
 * - `modifier`: one word never followed by punctuation or a function word, an adjective or adverb
 *   ("adversarial", "weakly").
 */
import { TERM_STOPWORDS } from '../../src/core/english/function-words.ts';

export type FragmentKind = 'hyphenPiece' | 'continued' | 'clause' | 'modifier';

/** Share of a tag's occurrences one next word must take for the tag to be a piece of a longer term. */
const CONTINUED_SHARE = 0.75;

/** The tag with its last word's plural ending made optional, as a regular expression source. */
function pattern(tag: string): string {
  return `(?<![\\p{L}\\p{N}])${RegExp.escape(tag.replace(/(?:e?s)$/, ''))}(?:e?s)?(?![\\p{L}\\p{N}])`;
}

/**
 * Each occurrence of `tag` (singular or plural) in `text`: whether it starts inside a hyphenated word,
 * the next word ('' at punctuation) and what continues it as a term ('' when nothing does).
 *
 * A hyphen after a digit is no compound: "α1-2-fucosylation" (a locant), "2-jaw" (a count) write the
 * word after it whole, as terms.ts reads them. A term runs on over "of" only ("mixture of experts"),
 * and then to the same noun: a phrase continued by "and", "over", "using" ("model complexity and",
 * "partial order over the string", "attitude estimation using") or by "of" and different nouns
 * ("mouse model of lung cancer", "of meningitis") is whole.
 */
export function occurrences(tag: string, text: string): { hyphen: boolean; next: string; continuation: string }[] {
  const re = new RegExp(`${pattern(tag)}(?=( ?)([\\p{L}\\p{N}-]*)(?: ([\\p{L}\\p{N}-]+))?)`, 'gu');
  return [...text.matchAll(re)].map((m) => {
    const hyphen = text[m.index - 1] === '-' && /\p{L}/u.test(text[m.index - 2] ?? '');
    const next = m[1] ? m[2]! : '';
    const after = m[3] ?? '';
    const continuation = next === 'of' ? (after && !TERM_STOPWORDS.has(after) ? `of ${after}` : '') : TERM_STOPWORDS.has(next) ? '' : next;
    return { hyphen, next, continuation };
  });
}

/** Occurrences from which a judgement is made: fewer are chance. */
const MIN_OCCURRENCES = 3;

/** The fault kinds of one tag in a list's lowercase text (titles and abstracts joined); empty for a whole noun phrase. */
export function fragmentKinds(tag: string, text: string): FragmentKind[] {
  const out: FragmentKind[] = [];
  const all = occurrences(tag, text);
  if (all.length && all.every((o) => o.hyphen)) out.push('hyphenPiece');
  const whole = all.filter((o) => !o.hyphen);
  const next = whole.map((o) => o.next);
  if (next.length >= MIN_OCCURRENCES) {
    const counts = new Map<string, number>();
    for (const { continuation: w } of whole) if (w) counts.set(w, (counts.get(w) ?? 0) + 1);
    if (Math.max(0, ...counts.values()) >= CONTINUED_SHARE * next.length) out.push('continued');
    if (next.filter((w) => w === 'that' || w === 'the').length * 2 > next.length) out.push('clause');
    if (!tag.includes(' ') && next.every((w) => w !== '' && !TERM_STOPWORDS.has(w))) out.push('modifier');
  }
  return out;
}

/** Per kind, the distinct tags of a list that have it. `texts`: each paper's title and abstract. */
export function fragmentTags(tags: Iterable<string>, texts: readonly string[]): Map<FragmentKind, string[]> {
  const text = texts.join('\n').toLowerCase();
  const out = new Map<FragmentKind, string[]>();
  for (const tag of new Set(tags)) for (const kind of fragmentKinds(tag, text)) out.set(kind, [...(out.get(kind) ?? []), tag]);
  return out;
}
