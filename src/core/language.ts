/**
 * The language of a text as a BCP 47 tag (`en`, `zh`, `ja`, `ru`), for a paper page's `lang`, so
 * browsers, screen readers and search engines read it in its language. franc-min guesses the
 * ISO 639-3 code (`cmn`, `jpn`); `Intl.getCanonicalLocales` maps it to the short tag (`zh`, `ja`).
 */
import { franc } from 'franc-min';

/** Texts shorter than this are too short for franc to tell languages apart (its own default is 10). */
const MIN_LENGTH = 40;

/** The text's language tag, or undefined when franc cannot tell. */
export function languageOf(text: string): string | undefined {
  const code = franc(text, { minLength: MIN_LENGTH });
  if (code === 'und') return undefined;
  try {
    return Intl.getCanonicalLocales(code)[0];
  } catch {
    return undefined;
  }
}
