/**
 * A title for an abstract not in English, in its own language: what follows the paper's "we"
 * and its verb ("Nous proposons une méthode d'apprentissage … pour piloter …" → "Une méthode
 * d'apprentissage … pour piloter …"), cut at the first clause break, never ending on a function word
 * of that language (stopwords-iso). No part-of-speech model covers these languages offline, so the
 * cut is at punctuation and function words only.
 */
import { iso6393To1 } from 'iso-639-3';
import { functionWords } from '../../core/english/everyday.ts';
import { splitSentences } from './sentences.ts';

/** "We" in languages that state it (ISO 639-3 → the pronoun); a language that drops it starts at its verb. */
const WE: Record<string, string> = { fra: 'nous', deu: 'wir', rus: 'мы', ukr: 'ми', ita: 'noi', spa: 'nosotros', por: 'nós', nld: 'wij', pol: 'my', ces: 'my', swe: 'vi', dan: 'vi', nob: 'vi', tur: 'biz' };
/**
 * The paper speaking of itself, as the English reader's "this paper" (english.ts SELF): a demonstrative
 * and a noun for the text ("Ce travail présente …", "Este artigo avalia …", "Diese Arbeit untersucht …"),
 * which stands where "we" would and is followed by its verb. ISO 639-3 → the phrase, at a sentence start.
 */
const SELF: Record<string, RegExp> = {
  fra: /^(?:ce|cet|cette) (?:travail|article|papier|étude|thèse|mémoire|recherche|chapitre|note)$/i,
  spa: /^(?:este|esta|el presente|la presente) (?:trabajo|artículo|estudio|tesis|investigación|capítulo|nota)$/i,
  por: /^(?:este|esta|o presente|a presente) (?:trabalho|artigo|estudo|tese|pesquisa|capítulo|nota)$/i,
  ita: /^(?:questo|questa|il presente) (?:lavoro|articolo|studio|tesi|ricerca|contributo|capitolo|nota)$/i,
  deu: /^(?:diese|dieser|dieses|die vorliegende|der vorliegende) (?:arbeit|beitrag|studie|artikel|aufsatz|untersuchung|dissertation)$/i,
  nld: /^(?:dit|deze) (?:artikel|onderzoek|studie|proefschrift|paper)$/i,
};

/**
 * Languages that write an ordinal number with a period after its digits ("19. Jahrhundert", "3. maj",
 * "2. painos"; ISO 639-3): German, Danish, Norwegian, Icelandic, Czech, Slovak, Polish, Slovenian,
 * Croatian, Serbian, Bosnian, Finnish, Estonian, Latvian, Hungarian, Turkish (CLDR's ordinal formats).
 * In their abstracts such a period ends no sentence and no clause.
 */
const ORDINAL_PERIOD = new Set(['deu', 'dan', 'nob', 'nno', 'isl', 'ces', 'slk', 'pol', 'slv', 'hrv', 'srp', 'bos', 'fin', 'est', 'lav', 'hun', 'tur']);
/** A clause break: punctuation, or a dash between spaces; `CLAUSE_NOT_ORDINAL` skips an ordinal's period. */
const CLAUSE = /[,;:.!?()]|\s[-–—]\s/;
const CLAUSE_NOT_ORDINAL = /[,;:!?()]|(?<!(?:^|[^\p{N}])\p{N}{1,2})\.|\s[-–—]\s/u;
/** Longest title kept before the cut, in words: real titles of the fixture 13-non-english run 7–8. */
const MAX_WORDS = 12;
const MIN_WORDS = 3;

/** The title, or undefined when the abstract gives no phrase long enough. */
export function otherLanguageTitle(abstract: string, language: string): string | undefined {
  const code = iso6393To1[language];
  const stop = functionWords(code ?? '');
  const we = WE[language];
  const ordinals = ORDINAL_PERIOD.has(language);
  const sentences = splitSentences(abstract, ordinals).slice(0, 3).map((s) => s.text);
  for (const sentence of sentences) {
    const words = sentence.split(/\s+/);
    const self = SELF[language];
    // "Ce travail présente …" is "Nous présentons …": the subject's last word then stands where "we" does.
    const at = self?.test(words.slice(0, 2).join(' ')) ? 1 : self?.test(words.slice(0, 3).join(' ')) ? 2 : we ? words.findIndex((w) => w.toLowerCase().replace(/[^\p{L}]/gu, '') === we) : -1;
    if (at < 0 || at > 8) continue;
    // After "we" and its verb (and a comma that follows the verb: "Wir untersuchen, warum …").
    const title = cut(words.slice(at + 2).join(' ').replace(/^[,:]\s*/, ''), stop, ordinals);
    if (title) return title;
  }
  return sentences[0] ? cut(sentences[0], stop, ordinals) : undefined;
}

/**
 * The first clause of `text`, at most MAX_WORDS words. Cut inside a phrase (the next word is no function
 * word), it ends before that phrase: "La protección de datos personales en América Latina y la
 * influencia del | Reglamento General …" is "La protección de datos personales en América Latina", not
 * "… y la influencia". Without a part-of-speech model, a phrase is what lies between function words.
 */
function cut(text: string, stop: ReadonlySet<string>, ordinals: boolean): string | undefined {
  const clause = text.split(ordinals ? CLAUSE_NOT_ORDINAL : CLAUSE)[0]!.trim();
  const all = clause.split(/\s+/).filter(Boolean);
  const words = all.slice(0, MAX_WORDS);
  // A whole sentence ends where it should ("… instabil werden"); only a cut one loses its function words.
  const whole = words.length === all.length && /^[\s.!?]*$/.test(text.slice(text.indexOf(clause) + clause.length));
  const isStop = (w: string) => stop.has(w.toLowerCase());
  const brokenPhrase = words.length < all.length && !isStop(all[words.length]!);
  while (!whole && words.length > 0 && isStop(words.at(-1)!)) words.pop();
  if (brokenPhrase) {
    // Back to the function words before the broken phrase, and before them; kept only if enough is left.
    let n = words.length;
    while (n > 0 && !isStop(words[n - 1]!)) n--;
    while (n > 0 && isStop(words[n - 1]!)) n--;
    if (n >= MIN_WORDS) words.length = n;
  }
  if (words.length < MIN_WORDS) return undefined;
  const title = words.join(' ');
  return title.charAt(0).toUpperCase() + title.slice(1);
}
