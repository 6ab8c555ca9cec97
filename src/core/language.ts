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

/** The lowercase words of a text's first `ENGLISH_SAMPLE_CHARS` characters, as `mostlyEnglish` counts them. */
export const textWords = (text: string): string[] => text.slice(0, ENGLISH_SAMPLE_CHARS).toLowerCase().match(/\p{L}+/gu) ?? [];

/** Whether at least `ENGLISH_SHARE` of the words (`textWords`) are English function words. */
export function mostlyEnglish(words: readonly string[]): boolean {
  let english = 0;
  for (const w of words) if (ENGLISH_FUNCTION.has(w)) english++;
  return words.length > 0 && english >= ENGLISH_SHARE * words.length;
}

/**
 * ISO 639-3 code of a text's language (`eng`, `cmn`, `deu`), or `und` when franc-min cannot tell.
 * A text of mostly English function words (`mostlyEnglish`) is `eng` without asking franc, which cost
 * 1.6–2.1 ms a page (seed and 10k bench corpus), a fifth of a paper page's rendering; on every entry of
 * the seeds, real dumps and fixtures both answer alike.
 *
 * @param minLength characters below which franc answers `und` (its own default, 10, lets noise decide)
 */
export function francLanguage(text: string, minLength = MIN_LENGTH): string {
  if (mostlyEnglish(textWords(text))) return 'eng';
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
