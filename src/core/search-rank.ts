/**
 * Pagefind 1.6's ranking, so the offline index orders results as Pagefind does (read in its
 * source, pagefind_web/src/search.rs): for each indexed word that a query term begins, BM25 with
 * Pagefind's weighted term frequency (word weights / 24, times a bonus for words close in length
 * to the term), summed over the words.
 */

/**
 * Pagefind's ranking options, set explicitly in the browser too (`pagefind.options({ ranking })`),
 * so both engines score with the same numbers whatever Pagefind's defaults become. The values
 * are Pagefind's defaults: k1 (`termSaturation`) 1.4 and b (`pageLength`) 0.75 as in common BM25
 * use; `termFrequency` 1 is BM25's term frequency alone; `termSimilarity` 1 is a mild preference
 * for words of the query term's length over longer words it is a prefix of.
 */
export const RANKING = { termFrequency: 1.0, pageLength: 0.75, termSaturation: 1.4, termSimilarity: 1.0 } as const;

/**
 * The rest of Pagefind's ranking options, also set explicitly: `metaWeights.title` 5 is Pagefind's
 * default boost for a query the page's title covers; `diacriticSimilarity` 0 turns off its boost
 * for words spelt with the query's accents, which the offline index, keyed by folded words as
 * Pagefind's is, cannot tell apart.
 */
export const PAGEFIND_RANKING = { ...RANKING, diacriticSimilarity: 0, metaWeights: { title: 5.0 } } as const;
const TITLE_META_WEIGHT = PAGEFIND_RANKING.metaWeights.title;

/** BM25's inverse document frequency, kept positive (Pagefind's `calculate_idf`). */
export function idf(totalPages: number, pages: number): number {
  return Math.log((totalPages - pages + 0.5) / (pages + 0.5) + 1);
}

/**
 * Pagefind's boost for a title that holds query terms: the title weight times the matched terms'
 * IDF times the squared share of the query's IDF they cover (a title matching only a common
 * word gains little).
 */
export function titleBoost(matchedIdf: number, queryIdf: number): number {
  if (queryIdf <= 0) return 0;
  const coverage = matchedIdf / queryIdf;
  return TITLE_META_WEIGHT * matchedIdf * coverage * coverage;
}

/** Pagefind's `word_length_bonus`: 1 for equal length, decaying as an extension grows longer (byte lengths). */
export function lengthBonus(wordBytes: number, termBytes: number): number {
  const differential = Math.abs(wordBytes - termBytes) + 1;
  const base = Math.exp((-0.5 * differential ** 2) / 2 ** 2);
  return Math.exp(base * RANKING.termSimilarity) / Math.exp(RANKING.termSimilarity);
}

export interface WordMatch {
  /** Sum of the word's weights on the page, in Pagefind's units (24 = one body word). */
  weight: number;
  /** `lengthBonus` of the word for the term that found it. */
  bonus: number;
  /** Pages holding any word the query term begins (Pagefind 1.5+ takes the IDF of the whole term). */
  termPages: number;
}

/** One page's score: Pagefind's `calculate_bm25_word_score`, summed over the words it matched. */
export function pageScore(matches: readonly WordMatch[], pageLength: number, averageLength: number, totalPages: number): number {
  const k1 = RANKING.termSaturation;
  const b = RANKING.pageLength;
  let score = 0;
  for (const { weight, bonus, termPages } of matches) {
    const tf = (weight / 24) * bonus;
    const bm25 = ((k1 + 1) * tf) / (k1 * (1 - b + b * (pageLength / averageLength)) + tf);
    const raw = Math.min(tf / (averageLength / 5), k1 + 1);
    score += idf(totalPages, termPages) * ((1 - RANKING.termFrequency) * raw + RANKING.termFrequency * bm25);
  }
  return score;
}

/**
 * What Pagefind scores a page against: the page count and the average page length (in words) of
 * the index holding the page. The Pagefind index is sharded (src/publish/search-shards.ts) and
 * each shard is an index of its own, merged in the browser only after scoring (`mergeIndex`
 * sorts the shards' results by their own scores), so these are the page's shard's figures.
 */
export interface ShardStats {
  pages: number;
  averageLength: number;
}

export interface TermWordMatch {
  /** The query term (its index) that begins the word. */
  term: number;
  /** As in `WordMatch`. */
  weight: number;
  bonus: number;
}

/**
 * A page's whole score as Pagefind gives it: BM25 over the words it matched plus the title boost,
 * each term's IDF taken in the page's shard. With one statistic per shard, the offline index ranks
 * a sharded site's papers in the order Pagefind does: at 10k papers (two shards) the ten topical
 * queries of tests/support/search-queries.ts shared 5.1 of their top 10 between the engines with
 * the whole list's statistics, 8.8 with the shards', and 9.8 once Pagefind also loaded every index
 * chunk a term needs (pagefind-backend.ts) and the title boost counted a term once.
 *
 * @param matches each indexed word of the page that a query term begins, once, with its term
 * @param titleTerms the query terms that begin a word of the page's title; each counts once, as
 *   in Pagefind's title boost (its matched terms), however many title words it begins
 * @param termPages for each query term, the pages of the page's shard holding a word it begins
 * @param pageLength the page's length in words
 */
export function shardPageScore(matches: readonly TermWordMatch[], titleTerms: readonly number[], termPages: readonly number[], pageLength: number, shard: ShardStats): number {
  const termIdf = termPages.map((pages) => idf(shard.pages, pages));
  const queryIdf = termIdf.reduce((sum, value) => sum + value, 0);
  const titleIdf = [...new Set(titleTerms)].reduce((sum, term) => sum + termIdf[term]!, 0);
  const bm25 = pageScore(
    matches.map(({ term, weight, bonus }) => ({ weight, bonus, termPages: termPages[term]! })),
    pageLength,
    shard.averageLength,
    shard.pages,
  );
  return bm25 + titleBoost(titleIdf, queryIdf);
}
