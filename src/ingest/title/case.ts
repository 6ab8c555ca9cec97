/** Title case and verb forms for derived titles. */
import { ARTICLES, PREPOSITIONS } from './defects.ts';

/** Words title case leaves in lower case (Chicago: articles, prepositions, coordinating conjunctions). */
const LOWER = new Set([...ARTICLES, ...PREPOSITIONS, 'and', 'or', 'nor', 'but', 'as', 'vs']);

/** Title case that keeps acronyms and mixed-case names (MgNO, R-CNN, iPhone) as written. */
export function titleCase(text: string): string {
  const words = text.split(' ');
  return words
    .map((word, i) => {
      if (/\p{Lu}/u.test(word.slice(1)) || /\d/.test(word) || /^\p{Ll}+\p{Lu}/u.test(word)) return word;
      const lower = word.toLowerCase();
      const afterColon = i > 0 && /[:?]$/.test(words[i - 1]!);
      if (i > 0 && !afterColon && LOWER.has(lower)) return lower;
      // Each part of a compound is capitalised, except small words inside it: End-to-End.
      return word
        .split('-')
        .map((part, j) => (j > 0 && LOWER.has(part.toLowerCase()) ? part.toLowerCase() : part.replace(/^\p{Ll}/u, (ch) => ch.toUpperCase())))
        .join('-');
    })
    .join(' ');
}

/** "improve" → "improving", "study" → "studying", "tie" → "tying", "map" → "mapping". */
export function gerund(verb: string): string {
  const v = verb.toLowerCase();
  if (v.endsWith('ie')) return `${v.slice(0, -2)}ying`;
  if (/[^aeiou]e$/.test(v) && v !== 'be') return `${v.slice(0, -1)}ing`;
  if (/^(?:[^aeiou]*[aeiou][bdgmnprt])$/.test(v)) return `${v}${v.at(-1)}ing`;
  return `${v}ing`;
}

/** "a" or "an" before `word`, by its first letter (an acronym by its spoken first letter). */
export function article(word: string): string {
  if (/^[A-Z]{2,}/.test(word)) return /^[AEFHILMNORSX]/.test(word) ? 'an' : 'a';
  return /^[aeiou]/i.test(word) && !/^(?:uni|use|usu|eu|one)/i.test(word) ? 'an' : 'a';
}
