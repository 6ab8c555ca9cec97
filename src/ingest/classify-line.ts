/**
 * Is a line a title or an abstract? Decided from several kinds of evidence, because no single one
 * holds: titles can be long, end with "?" or "…", and abstracts can be one short sentence.
 */

const SMALL_WORDS = new Set([
  'a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'is', 'of', 'on', 'or', 'the', 'to', 'via', 'vs', 'with', 'without',
]);
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
  const words = text.split(' ');
  let score = 0;

  const endsLikeSentence = /[.。]$/.test(text) && !ABBREVIATION_END.test(text);
  if (endsLikeSentence) score -= 2;
  const sentenceBreaks = Math.min(text.match(SENTENCE_BREAK)?.length ?? 0, 4);
  score -= sentenceBreaks * 1.5;
  if (FIRST_PERSON.test(text)) score -= 1.5;
  if (ABSTRACT_OPENERS.test(text)) score -= 1.5;

  if (words.length <= 20) score += 2;
  else if (words.length <= 35) score += 0.5;
  else if (words.length > 60) score -= 2;

  const content = words.filter((w) => /^\p{L}/u.test(w) && !SMALL_WORDS.has(w.toLowerCase()));
  if (content.length > 0) {
    const capitalised = content.filter((w) => /^\p{Lu}/u.test(w)).length / content.length;
    if (capitalised >= 0.6) score += 2;
    else if (capitalised < 0.25 && words.length > 8) score -= 0.5;
  }
  if (/^[^:]{2,80}: \S/.test(text) && words.length <= 30) score += 1;
  return score;
}

export const isTitleLike = (text: string): boolean => titleScore(text) > 0;
