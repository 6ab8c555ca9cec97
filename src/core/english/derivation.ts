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
