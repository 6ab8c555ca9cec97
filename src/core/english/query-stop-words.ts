/**
 * Query words dropped from every search, in both engines (src/core/search-terms.ts): only the
 * commonest function words, which would narrow the results to pages that happen to use them. A
 * query keeps every other word a reader typed, so this is far shorter than the classifier's `TERM_STOPWORDS` (function-words.ts).
 */
export const QUERY_STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and are as at be but by for from has have in into is it its of on or that the their this to was were which with'.split(' '),
);
