/**
 * The language of a text as a BCP 47 tag (`en`, `zh`, `ja`, `ru`), for a paper page's `lang`, so
 * browsers, screen readers and search engines read it in its language. franc-min guesses the
 * ISO 639-3 code (`cmn`, `jpn`); `Intl.getCanonicalLocales` maps it to the short tag (`zh`, `ja`).
 * The classifier (english/everyday.ts) and the title deriver ask `francLanguage` for the ISO 639-3 code.
 */
import { franc } from 'franc-min';

/** Texts shorter than this are too short for franc to tell languages apart (its own default is 10). */
const MIN_LENGTH = 40;

/**
 * Share of English function words among the words of a text above which it is English without
 * asking franc. Measured on the seeds and real dumps: English abstracts have 0.30–0.55 of their
 * words in this small list, the German, French and Russian abstracts of the non-English fixture
 * 0.00–0.04.
 */
const ENGLISH_SHARE = 0.15;
const ENGLISH_FUNCTION = new Set('the of and a an in to is are for with on by this that we from as be our which these it at or'.split(' '));
/** Characters of a text read to tell English: ample for the share above to settle. */
const ENGLISH_SAMPLE_CHARS = 1200;

/** How many words a text's sample has, and how many of them are English function words. */
export interface WordSample {
  readonly words: number;
  readonly english: number;
}

/** One letter at the sticky position, a whole code point (the `u` flag reads a surrogate pair as one). */
const LETTER = /\p{L}/uy;
/** Longest word of `ENGLISH_FUNCTION`: longer words are counted without being cut out. */
const LONGEST_FUNCTION_WORD = 5;

/**
 * The words of a text's first `ENGLISH_SAMPLE_CHARS` characters, lower-cased (runs of letters,
 * `\p{L}+`), counted in one scan: letters below U+0080 by their code, others by `LETTER`. The
 * classifier guesses two languages a paper (terms, topics), and the guess had cut every word out as a
 * string (`match(/\p{L}+/gu)`), twice a guess: 0.95 s of 16.6 s CPU of a 10k cold ingest (profile).
 */
export function sampleWords(text: string): WordSample {
  const s = text.slice(0, ENGLISH_SAMPLE_CHARS).toLowerCase();
  let words = 0;
  let english = 0;
  let start = -1; // where the current word began, -1 between words
  let ascii = true;
  const end = (i: number) => {
    words++;
    if (ascii && i - start <= LONGEST_FUNCTION_WORD && ENGLISH_FUNCTION.has(s.slice(start, i))) english++;
    start = -1;
  };
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    let step = 1;
    let letter: boolean;
    if (c < 0x80) letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
    else {
      LETTER.lastIndex = i;
      letter = LETTER.test(s);
      if (letter) step = LETTER.lastIndex - i;
    }
    if (letter) {
      if (start < 0) {
        start = i;
        ascii = true;
      }
      if (c >= 0x80) ascii = false;
    } else if (start >= 0) end(i);
    i += step;
  }
  if (start >= 0) end(s.length);
  return { words, english };
}

/** Whether at least `ENGLISH_SHARE` of the sample's words (`sampleWords`) are English function words. */
export function mostlyEnglish({ words, english }: WordSample): boolean {
  return words > 0 && english >= ENGLISH_SHARE * words;
}

/**
 * ISO 639-3 code of a text's language (`eng`, `cmn`, `deu`), or `und` when franc-min cannot tell.
 * A text of mostly English function words (`mostlyEnglish`) is `eng` without asking franc, which cost
 * 1.6–2.1 ms a page (seed and 10k bench corpus), a fifth of a paper page's rendering; on every entry of
 * the seeds, real dumps and fixtures both answer alike.
 *
 * @param minLength characters below which franc answers `und` (its own default, 10, lets noise decide)
 * @param sample `sampleWords(text)`, when the caller has it
 */
export function francLanguage(text: string, minLength = MIN_LENGTH, sample: WordSample = sampleWords(text)): string {
  if (mostlyEnglish(sample)) return 'eng';
  return franc(text, { minLength });
}

/** The text's BCP 47 language tag (`en`, `zh`), or undefined when franc cannot tell (`francLanguage`). */
export function languageOf(text: string): string | undefined {
  const code = francLanguage(text);
  if (code === 'und') return undefined;
  try {
    return Intl.getCanonicalLocales(code)[0];
  } catch {
    return undefined;
  }
}
