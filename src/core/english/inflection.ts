/**
 * English inflection by suffix rules: singular and plural forms, gerunds, the indefinite article.
 *
 * Three plural rules, because their jobs differ:
 * - `singular` folds a word to the key the topic and tag measures count by; it follows the rule
 *   of the gold measure (-s, -es, -ies) with a list of words it must leave alone, so a key meets
 *   the gold annotators' keys;
 * - `naiveSingular` is the guess a frequency look-up tries beside the word itself, where a wrong
 *   guess costs nothing;
 * - `regularPlural` writes one plural for display, `pluralCandidates` lists the spellings a
 *   plural may have, for look-ups.
 * Search does not use these: it stems with Porter2 (src/core/search-terms.ts), because its words
 * must be the ones Pagefind indexes, and a stem is never shown.
 */

// Short words the plural rule must leave alone.
const PLURAL_EXCEPTIONS: ReadonlySet<string> = new Set([
  'its', 'this', 'is', 'was', 'has', 'does', 'gas', 'bias', 'series', 'species', 'lens', 'news', 'physics', 'mathematics',
  'statistics', 'analysis', 'basis', 'axis', 'thesis', 'hypothesis', 'synthesis', 'diagnosis', 'prognosis', 'process',
  'class', 'loss', 'less', 'across', 'plus', 'corpus', 'virus', 'status', 'focus', 'consensus', 'radius', 'bus',
  'calculus', 'stimulus', 'nucleus', 'campus', 'versus', 'us', 'dynamics', 'kinematics', 'genetics', 'economics',
  'linguistics', 'robotics', 'electronics', 'graphics', 'ethics', 'semantics', 'pragmatics', 'mechanics', 'optics',
  'acoustics', 'logistics', 'analytics', 'metrics', 'ssl', 'gps', 'aids', 'sars', 'mrs', 'ms', 'ls',
  'ics', 'sss', 'erms', 'christmas', 'always', 'perhaps', 'sometimes', 'thus', 'yes', 'towards', 'whereas',
]);

/**
 * Singular key of a lowercase word, following the rule of the gold measure (-s, -es, -ies) so that
 * "networks", "boxes" and "strategies" meet "network", "box" and "strategy".
 */
export function singular(word: string): string {
  if (word.length < 4 || !word.endsWith('s') || PLURAL_EXCEPTIONS.has(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (word.endsWith('sses') || word.endsWith('xes') || word.endsWith('ches') || word.endsWith('shes') || word.endsWith('zzes')) {
    return word.slice(0, -2);
  }
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is') || word.endsWith('ics')) return word;
  return word.slice(0, -1);
}

/** Whether a lowercase word is a plural by `singular`'s rule: "models" is, "mathematics", "species" and "analysis" are not. */
export function isPlural(word: string): boolean {
  return singular(word) !== word;
}

/** "bursts" → "burst", "galaxies" → "galaxy", "glass" → "glass", "bias" → "bia": a lowercase guess, for look-ups that also try the word itself. */
export function naiveSingular(word: string): string {
  return word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** The regular plural of a lowercase singular: "box" → "boxes", "query" → "queries", "video" → "videos". */
export function regularPlural(word: string): string {
  if (/(s|x|ch|sh|z)$/.test(word)) return word + 'es';
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + 'ies';
  return word + 's';
}

/** The spellings a lowercase singular's plural may have: "potato" → "potatoes", "potatos". */
export function pluralCandidates(key: string): string[] {
  if (/(s|x|ch|sh|z|o)$/.test(key)) return [key + 'es', key + 's'];
  if (/[^aeiou]y$/.test(key)) return [key.slice(0, -1) + 'ies'];
  return [key + 's'];
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

const ENGLISH_PLURAL = new Intl.PluralRules('en');

/** A count with its noun in the number English gives it: `counted(1, 'paper')` → "1 paper", `counted(0, 'warning')` → "0 warnings" (Intl.PluralRules). */
export function counted(n: number, noun: string): string {
  return `${n} ${nounFor(n, noun)}`;
}

/** The noun alone, in the number English gives it for `n`: `nounFor(1, 'tag')` → "tag", `nounFor(2, 'tag')` → "tags". */
export function nounFor(n: number, noun: string): string {
  return ENGLISH_PLURAL.select(n) === 'one' ? noun : regularPlural(noun);
}
