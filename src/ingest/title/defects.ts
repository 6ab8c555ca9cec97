/**
 * The rules a derived title must keep (issue 13), as a checker: the deriver uses it to refuse a
 * broken candidate, `npm run eval` to count defects. A title is 4–16 words, never starts with a
 * conjunction, a pronoun or "On the" + a function word, never ends on an article, preposition or
 * conjunction, never speaks as the paper ("We Present …"), and is never cut mid-phrase (an open
 * bracket, a trailing verb as in "… Dataset Designed", a clause as in "Zipf Posited That …").
 *
 * Word classes are closed classes of English, so they are listed (src/core/english/function-words.ts);
 * the open classes come from the tagger. Checked against the 700 real titles of tests/fixtures/real-dumps (ACL, EMNLP, MEDLINE):
 * see `npm run eval`, which prints the share of real titles the checker flags.
 */
import { ARTICLES, CONJUNCTIONS, PREPOSITIONS, PRONOUNS } from '../../core/english/function-words.ts';
import { tag } from './pos.ts';
import { lowercaseTitleCase } from '../../core/english/title-case.ts';

export const MIN_TITLE_WORDS = 4;
export const MAX_TITLE_WORDS = 16;

const FUNCTION_WORDS = new Set([...ARTICLES, ...PREPOSITIONS, ...CONJUNCTIONS, ...PRONOUNS, 'is', 'are', 'be', 'been', 'was', 'were', 'can', 'not']);
/**
 * A relative or subordinate clause opened inside the title ("… Pairs Where Natural Language
 * Labels"): a sentence cut into, not a phrase. Adds 3 of the 700 real titles to those the checker flags (see eval).
 */
const CLAUSE_INSIDE = /\s(?:where|which|whose|whereas|because|although|though|while)\s/i;
/** Words a title speaks as its paper with. */
const SELF_REFERENCE = /\b(?:we|our|us|this (?:paper|work|study|article))\b/i;

export type TitleDefect = 'too-short' | 'too-long' | 'bad-start' | 'bad-end' | 'first-person' | 'cut-phrase';

/** Every rule `title` breaks, empty when it keeps them all. English rules unless `english` is false. */
export function titleDefects(title: string, english = true): TitleDefect[] {
  const defects: TitleDefect[] = [];
  const words = title.split(/\s+/).filter(Boolean);
  if (words.length < MIN_TITLE_WORDS) defects.push('too-short');
  if (words.length > MAX_TITLE_WORDS) defects.push('too-long');
  if (!balanced(title) || /[-–—,:;/]$/.test(title) || /\.\s/.test(title.replace(/\b(?:e\.g|i\.e|et al|vs|cf)\./gi, ''))) defects.push('cut-phrase');
  if (!english) return defects;
  const bare = (w: string | undefined) => (w ?? '').toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  const first = bare(words[0]);
  if (CONJUNCTIONS.has(first) || PRONOUNS.has(first) || (first === 'on' && bare(words[1]) === 'the' && FUNCTION_WORDS.has(bare(words[2])))) defects.push('bad-start');
  const last = bare(words.at(-1));
  if (ARTICLES.has(last) || PREPOSITIONS.has(last) || CONJUNCTIONS.has(last) || PRONOUNS.has(last)) defects.push('bad-end');
  if (SELF_REFERENCE.test(title)) defects.push('first-person');
  if (!defects.includes('bad-end') && (cutAfterVerb(title) || CLAUSE_INSIDE.test(title))) defects.push('cut-phrase');
  return defects;
}

/** Brackets and double quotes that open and close. */
function balanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    if (depth < 0) return false;
  }
  return depth === 0 && (text.match(/"/g)?.length ?? 0) % 2 === 0 && (text.match(/“/g)?.length ?? 0) === (text.match(/”/g)?.length ?? 0);
}

/**
 * A phrase cut after its verb: the title's last part (after any colon) ends on a participle or a
 * finite verb ("… Dataset Designed"), or holds a verb followed by "that" ("Zipf Posited That …").
 * Tagged with Title Case capitals lowered, since the tagger reads Title Case words as proper nouns.
 */
function cutAfterVerb(title: string): boolean {
  const tail = title.slice(title.lastIndexOf(': ') + 1).trim();
  const tokens = tag(lowercaseTitleCase(tail)).filter((t) => t.pos !== 'PUNCT' && t.pos !== 'SYM');
  const lastToken = tokens.at(-1);
  if (!lastToken) return false;
  if ((lastToken.pos === 'VERB' || lastToken.pos === 'AUX') && !/ing$/.test(lastToken.lower)) return true;
  return tokens.some((t, i) => t.pos === 'VERB' && !/ing$/.test(t.lower) && tokens[i + 1]?.lower === 'that');
}

/** Indices of titles that repeat an earlier one, compared without case and punctuation. */
export function duplicateIndices(titles: readonly string[]): Set<number> {
  const seen = new Map<string, number>();
  const dup = new Set<number>();
  titles.forEach((t, i) => {
    const key = t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const earlier = seen.get(key);
    if (earlier !== undefined) dup.add(earlier).add(i);
    else seen.set(key, i);
  });
  return dup;
}
