/**
 * Title case, two ways, because their inputs differ: `titleCase` capitalises text whose case was
 * written by an author (a derived title keeps "MgNO", "R-CNN", "iPhone" as written), while
 * `titleCaseTag` capitalises a lowercase tag key, whose case is gone, so it must guess which words
 * are acronyms.
 */
import { TAG_NAME_MINOR, TITLE_CASE_MINOR } from './function-words.ts';

/**
 * Upper case of a word's first letter in English title case. A Greek letter in an English title or tag is a
 * symbol whose case is its meaning ("β-amyloid", "α-synuclein", "NF-κB"; "Β-Amyloid" names another letter and reads
 * as a Latin B), so it stays as written, as journals print it ("α-Synuclein Aggregation in …").
 */
const upperFirst = (letter: string): string => (/\p{Script=Greek}/u.test(letter) ? letter : letter.toUpperCase());

/**
 * Headline-style title case (Chicago) of `text` as written: words with capitals inside or digits
 * are kept as they are, minor words (`TITLE_CASE_MINOR`) are lowercased except first and after a
 * colon or question mark, and each part of a hyphenated compound is capitalised except minor
 * words inside it ("End-to-End"). Greek letters keep their case (`upperFirst`).
 */
export function titleCase(text: string): string {
  const words = text.split(' ');
  return words
    .map((word, i) => {
      if (/\p{Lu}/u.test(word.slice(1)) || /\d/.test(word) || /^\p{Ll}+\p{Lu}/u.test(word)) return word;
      const lower = word.toLowerCase();
      const afterColon = i > 0 && /[:?]$/.test(words[i - 1]!);
      if (i > 0 && !afterColon && TITLE_CASE_MINOR.has(lower)) return lower;
      // Each part of a compound is capitalised, except small words inside it: End-to-End.
      return word
        .split('-')
        .map((part, j) => (j > 0 && TITLE_CASE_MINOR.has(part.toLowerCase()) ? part.toLowerCase() : part.replace(/^\p{Ll}/u, upperFirst)))
        .join('-');
    })
    .join(' ');
}

/** Lowercase tags that are acronyms, and so are upper-cased in a topic name. */
const TAG_ACRONYMS = new Set(['ai', 'qa', 'asr', 'ocr', 'gan', 'vae', 'ner', 'rl', 'dna', 'rna', 'hiv', 'mri', 'ct', 'ecg', 'eeg', 'nerf', '3d', '2d']);

/**
 * "multilingual nlp" → "Multilingual NLP": a topic name from a lowercase tag. A word is an acronym
 * when `TAG_ACRONYMS` lists it or it is a short word without a vowel; minor words are
 * `TAG_NAME_MINOR`; every part of a hyphenated word is capitalised ("Self-Supervised"), but not a Greek letter
 * ("α-Synuclein", `upperFirst`).
 */
export function titleCaseTag(tag: string): string {
  return tag
    .split(' ')
    .map((w, i) => {
      if (i > 0 && TAG_NAME_MINOR.has(w)) return w;
      if (TAG_ACRONYMS.has(w) || (w.length <= 5 && /^[a-z]+$/.test(w) && !/[aeiouy]/.test(w))) return w.toUpperCase();
      return w.replace(/(^|-)(\p{L})/gu, (_, sep: string, c: string) => sep + upperFirst(c));
    })
    .join(' ');
}
