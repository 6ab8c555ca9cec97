/**
 * Search terms for the offline index: the one tokenizer shared by the index builder (Node) and
 * the search box (browser, bundled from the same file), so a query's terms always match the
 * index's. Lowercase, accents folded, English plurals folded, stop words dropped.
 */

const STOP_WORDS = new Set(
  ('a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it its itself just me more most my no nor not of off on once only or other our ours out over own same she should so some such than that the their theirs them then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours ' +
    'however thus via using use used based show shows shown propose proposed paper work approach method methods results new novel recent recently')
    .split(' '),
);

/** Folds one word: `Networks` → `network`, `studies` → `study`, `Poincaré` → `poincare`. */
export function foldTerm(word: string): string {
  let w = word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(?:ches|shes|sses|xes)$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** The terms of a text, in order, repeats kept (for term frequencies). */
export function searchTerms(text: string): string[] {
  const out: string[] = [];
  for (const word of text.split(/[^\p{L}\p{N}]+/u)) {
    if (!word) continue;
    const term = foldTerm(word);
    if (term.length < 2 || STOP_WORDS.has(term)) continue;
    out.push(term);
  }
  return out;
}

/** The index shard a term lives in: its first two characters, as a safe file-name part. */
export function shardOf(term: string): string {
  return Array.from(term.slice(0, 2))
    .map((ch) => (/[a-z0-9]/.test(ch) ? ch : `_${ch.codePointAt(0)!.toString(36)}`))
    .join('');
}
