/**
 * Is a line a title or an abstract? Decided from several kinds of evidence, because no single one
 * holds: titles can be long, end with "?" or "…", and abstracts can be one short sentence.
 */
import { HEADLINE_LOWERCASE } from '../core/english/function-words.ts';

const ABBREVIATION_END = /\b(?:et al|etc|vs|e\.g|i\.e|cf|resp)\.$/i;
/** Sentence boundaries: end punctuation, a space, then something that starts a sentence. */
const SENTENCE_BREAK = /[.!?](?:["”’)\]])?\s+(?=[\p{Lu}\p{N}"“(])/gu;
const FIRST_PERSON = /\b(?:we|our|us)\b/;
const ABSTRACT_OPENERS = /^(?:we |in this (?:paper|work|study|article)|this (?:paper|work|study|article)|here,? we |recent(?:ly)?\b)/i;

/**
 * A score whose sign says title (positive) or abstract (negative); its size says how sure.
 * Each term is one kind of evidence, weighted so that no single one decides alone.
 */
export function titleScore(text: string): number {
  const { words, content, capitalised } = countWords(text);
  let score = 0;

  const endsLikeSentence = /[.。]$/.test(text) && !ABBREVIATION_END.test(text);
  if (endsLikeSentence) score -= 2;
  const sentenceBreaks = Math.min(text.match(SENTENCE_BREAK)?.length ?? 0, 4);
  score -= sentenceBreaks * 1.5;
  if (FIRST_PERSON.test(text)) score -= 1.5;
  if (ABSTRACT_OPENERS.test(text)) score -= 1.5;

  if (words <= 20) score += 2;
  else if (words <= 35) score += 0.5;
  else if (words > 60) score -= 2;

  // The share of capitalised content words is evidence of a title, not a decision about its case
  // (core/english/title-case.ts writtenInTitleCase asks that of a line known to be a title): a
  // sentence-case title is a title too, so a low share only weighs against a long line.
  if (content > 0) {
    const share = capitalised / content;
    if (share >= 0.6) score += 2;
    else if (share < 0.25 && words > 8) score -= 0.5;
  }
  if (/^[^:]{2,80}: \S/.test(text) && words <= 30) score += 1;
  return score;
}

export const isTitleLike = (text: string): boolean => titleScore(text) > 0;

const LONGEST_SMALL_WORD = Math.max(...[...HEADLINE_LOWERCASE].map((w) => w.length));
/** Sticky, to test one character in place; only for non-ASCII characters. */
const LETTER_AT = /\p{L}/uy;
const UPPERCASE_AT = /\p{Lu}/uy;

/**
 * Words between single spaces (as `text.split(' ')` counts them), content words (starting with a
 * letter, not a small word) and capitalised content words. Counted in one pass without a word
 * list, because this runs on every line of every dump and most lines are 150-word abstracts.
 */
function countWords(text: string): { words: number; content: number; capitalised: number } {
  let words = 0;
  let content = 0;
  let capitalised = 0;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf(' ', start);
    if (end < 0) end = text.length;
    words++;
    if (end > start && isLetterAt(text, start)) {
      // Lower-casing never shortens a word, so a longer one cannot be a small word.
      const small = end - start <= LONGEST_SMALL_WORD && HEADLINE_LOWERCASE.has(text.slice(start, end).toLowerCase());
      if (!small) {
        content++;
        if (isUppercaseAt(text, start)) capitalised++;
      }
    }
    start = end + 1;
  }
  return { words, content, capitalised };
}

/** `\p{L}` at `index`, tested without a regex for ASCII, which most text is. */
function isLetterAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  LETTER_AT.lastIndex = index;
  return LETTER_AT.test(text);
}

/** `\p{Lu}` at `index`, likewise. */
function isUppercaseAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  UPPERCASE_AT.lastIndex = index;
  return UPPERCASE_AT.test(text);
}
