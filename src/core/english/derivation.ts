/**
 * Derivational morphology for telling a nominalized action from a domain noun: "deletion",
 * "activation", "participants", "predictors", "findings" name what a study does or who takes part,
 * and everyday English writes their verbs ("delete", "activate", "participate", "predict", "find");
 * "apoptosis", "phosphorylation" (no everyday "phosphorylate"), "malocclusion" name a subject.
 * SUBTLEX, made of film subtitles, misses the academic nouns themselves ("participant" Zipf 3.1)
 * but not their everyday verbs, which is the complement a general academic word list (Coxhead's
 * AWL) would give; no npm package ships such a list (npm registry searched for "academic word list",
 * "awl", "coxhead", "academic vocabulary": none).
 */
import { zipf } from './everyday.ts';

/**
 * Noun suffix → endings that give back its verb (Quirk et al. 1985, App. I, suffixation): -ation,
 * -ion, -ment, -ance/-ence, -ant/-ent (agents: "participant"), -or after t ("predictor",
 * "regulator"), plural -ings ("findings"). Agent nouns in -er are left out: too many are tools
 * named after a verb ("encoder", "adapter", "marker"), which a list may browse by.
 */
const RULES: readonly (readonly [RegExp, readonly string[]])[] = [
  [/ification$/, ['ify']],
  [/ation$/, ['ate', 'e', '']],
  [/ction$/, ['ct', 'ce']],
  [/([^aeiou])sion$/, ['$1d', '$1de', '$1se']],
  [/ion$/, ['e', '']],
  [/ment$/, ['']],
  [/[ae]nce$/, ['', 'e']],
  [/ant$/, ['ate', 'e', '']],
  [/ent$/, ['', 'e']],
  [/tor$/, ['t', 'te']],
  [/ings$/, ['', 'e']],
];

const NOUN_SUFFIX = /(?:ment|ion|ity|ness|ism)$/;

/** Shortest base, in letters, left after the suffix: "lesion" (le-) is no "led" + -sion. */
const MIN_BASE = 4;

/**
 * Zipf value in everyday English of the verb a one-word noun is derived from (the most frequent
 * candidate), or 0 when the noun has none of the suffixes above or English never writes the verb.
 * `key`: lowercase singular, except plural -ings kept ("findings").
 */
export function verbZipf(key: string): number {
  let best = cache.get(key);
  if (best !== undefined) return best;
  best = 0;
  for (const [suffix, endings] of RULES) {
    const m = suffix.exec(key);
    if (!m) continue;
    const base = key.slice(0, m.index);
    if (base.length < MIN_BASE) continue;
    for (const ending of endings) {
      const verb = base + m[0].replace(suffix, ending);
      // "occurrence" → "occurr" → "occur": a doubled final consonant before the suffix.
      // "argumentation" → "argument": a base that is itself a noun by its suffix is no verb.
      if (NOUN_SUFFIX.test(verb)) continue;
      for (const v of /([b-df-hj-np-tv-z])\1$/.test(verb) ? [verb, verb.slice(0, -1)] : [verb]) best = Math.max(best, zipf(v));
    }
    break;
  }
  if (cache.size > 100_000) cache.clear();
  cache.set(key, best);
  return best;
}
const cache = new Map<string, number>();

/** Comparatives and superlatives English does not form with -er/-est. */
const IRREGULAR_GRADED: ReadonlySet<string> = new Set(['better', 'best', 'worse', 'worst', 'more', 'most', 'less', 'least', 'fewer', 'fewest']);

/**
 * Whether a word read as an adjective is a comparative or superlative (Penn tags JJR, JJS, which the
 * UD tagger's ADJ does not tell): an irregular one, or -er/-est on an adjective everyday English
 * writes more often than the graded form, undoubling a final consonant ("hotter" → "hot") and
 * restoring -e or -y ("larger" → "large", "earlier" → "early"). The caller knows the word is an
 * adjective: "liver" (→ "live") is a noun. Words whose base happens to be a commoner word
 * ("outer" → "out", "bitter" → "bit") read as graded too.
 */
export function gradedAdjective(word: string): boolean {
  if (IRREGULAR_GRADED.has(word)) return true;
  const m = /(?:er|est)$/.exec(word);
  if (!m) return false;
  const stem = word.slice(0, m.index);
  const bases = [stem, `${stem}e`];
  if (/([b-df-hj-np-tv-z])\1$/.test(stem)) bases.push(stem.slice(0, -1));
  if (stem.endsWith('i')) bases.push(`${stem.slice(0, -1)}y`);
  const own = zipf(word);
  return bases.some((b) => b.length >= 3 && zipf(b) >= GRADED_BASE_ZIPF && zipf(b) > own);
}

/** Zipf value from which a base is an everyday adjective that may be graded ("faint" 4.0, "dense" 3.3). */
const GRADED_BASE_ZIPF = 3.3;

/**
 * Whether an adjective is graded (gradedAdjective) or gradable: everyday English writes its
 * comparative at least as often as GRADED_BASE_ZIPF ("low" → "lower", "hot" → "hotter", "heavy" →
 * "heavier"). A gradable adjective before a noun is usually the author's measure of it ("low
 * accretion rates", "strong evidence"), not part of the name; a name that has one ("dark energy",
 * "fast radio bursts") is shown by several papers writing it whole, which the caller checks.
 */
export function gradable(word: string): boolean {
  if (gradedAdjective(word)) return true;
  const forms = [word.endsWith('e') ? `${word}r` : `${word}er`];
  if (/[^aeiou][aeiou][bdgmnpt]$/.test(word)) forms.push(`${word}${word.at(-1)}er`);
  if (/[^aeiou]y$/.test(word)) forms.push(`${word.slice(0, -1)}ier`);
  return forms.some((f) => zipf(f) >= COMPARATIVE_ZIPF);
}

/**
 * Zipf value of its comparative from which an adjective is gradable: "lower" 4.5, "hotter" 3.7,
 * "slower" 3.7; colours that name kinds ("dark lateral consonants", "dark energy": "darker" 3.4,
 * "whiter" 2.9) and "heavier" 3.4 are not. At 3.3, "dark lateral consonants" was lost on the probe's
 * linguistics papers.
 */
const COMPARATIVE_ZIPF = 3.5;

/**
 * Noun suffix → endings that give back the adjective a property noun is made from (Quirk et al. 1985,
 * App. I): -ness ("completeness", "brightness", "happiness"), -ity ("elasticity", "stability",
 * "sensitivity", "complexity").
 */
const PROPERTY_RULES: readonly (readonly [RegExp, readonly string[]])[] = [
  [/iness$/, ['y']],
  [/ness$/, ['']],
  [/bility$/, ['ble']],
  [/ivity$/, ['ive']],
  [/ity$/, ['', 'e']],
];

/**
 * Zipf value in everyday English of the adjective a one-word noun names the quality of ("complete"
 * for "completeness" 4.9, "bright" for "brightness" 4.7, "elastic" for "elasticity" 2.9), or 0 when
 * it has no -ness/-ity suffix or English never writes the adjective. `key`: lowercase singular.
 */
export function adjectiveZipf(key: string): number {
  for (const [suffix, endings] of PROPERTY_RULES) {
    const m = suffix.exec(key);
    if (!m) continue;
    const base = key.slice(0, m.index);
    if (base.length < MIN_BASE - 1) return 0;
    return Math.max(...endings.map((e) => zipf(base + e)));
  }
  return 0;
}
