/** What the search UI needs from a search engine; Pagefind and the offline index both provide it. */

/** A piece of an excerpt; `mark` pieces match the query. Rendered as text, never as HTML. */
export interface ExcerptPiece {
  text: string;
  mark: boolean;
}

export interface SearchHit {
  /** Absolute URL of the paper page. */
  url: string;
  title: string;
  topic: string;
  excerpt: ExcerptPiece[];
}

export interface FacetCount {
  name: string;
  count: number;
}

export interface Facets {
  /** Result counts per topic and per tag for the query, ignoring the filters. */
  topics: FacetCount[];
  tags: FacetCount[];
}

export interface SearchResponse extends Facets {
  /** Results after the filters. */
  total: number;
  hits: SearchHit[];
  /** The facet counts, when they come after the results (then `topics` and `tags` are empty): called once the results show. */
  facets?: () => Promise<Facets>;
  /**
   * The whole answer, when this one holds only the first results, to show while the rest load
   * (then `total` may still lose the results the whole answer finds not to match).
   */
  complete?: Promise<SearchResponse>;
}

export interface SearchOptions {
  /** Keep only results in these topics (any of them); empty keeps all. */
  topics: readonly string[];
  /** Keep only results with one of these tags; empty keeps all. */
  tags: readonly string[];
  limit: number;
}

export const NO_RESULTS: SearchResponse = { total: 0, hits: [], topics: [], tags: [] };

/** Facet counts, most results first, then by name. */
export function sortedCounts(counts: Iterable<[string, number]>): FacetCount[] {
  return [...counts]
    .filter(([, count]) => count > 0)
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\u30FC\u3005]/u;

/**
 * Excerpt pieces without the spaces the index put between Chinese, Japanese or Thai words
 * (src/core/search-terms.ts, `searchableText`), which the original text does not have.
 */
export function unspaceExcerpt(pieces: readonly ExcerptPiece[]): ExcerptPiece[] {
  const text = pieces.map((p) => p.text).join('');
  const keep = [...text].map((ch, i, all) => !(ch === ' ' && UNSPACED.test(all[i - 1] ?? '') && UNSPACED.test(all[i + 1] ?? '')));
  let at = 0;
  return pieces
    .map((p) => {
      const chars = [...p.text];
      const kept = chars.filter((_, i) => keep[at + i]).join('');
      at += chars.length;
      return { text: kept, mark: p.mark };
    })
    .filter((p) => p.text);
}

/** A word as compared with a title's: lowercase, NFKC, letters and digits only. */
const wordKey = (word: string): string => word.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * Excerpt pieces without the end of the paper's title they open with. Pagefind indexes a paper's
 * title before its abstract (src/publish/pagefind-index.ts), so its excerpt can start inside the title
 * ("to Pre-Train Graph Neural Networks? From Data…"), which the result already shows above it; the
 * offline engine's excerpts come from the abstract alone. Two words or more must match (or the whole
 * title) so that an abstract that merely starts with the title's last word keeps it; an excerpt that
 * is all title is kept as it is.
 */
export function withoutTitle(pieces: readonly ExcerptPiece[], title: string): ExcerptPiece[] {
  const text = pieces.map((p) => p.text).join('');
  const words = [...text.matchAll(/\S+/g)];
  const titleWords = title.split(/\s+/).map(wordKey).filter(Boolean);
  const excerptKeys = words.map((m) => wordKey(m[0]));
  let k = Math.min(titleWords.length, words.length - 1);
  for (; k > 0; k--) {
    if (excerptKeys.slice(0, k).every((w, i) => w === titleWords[titleWords.length - k + i])) break;
  }
  if (k === 0 || (k < 2 && k < titleWords.length)) return [...pieces];
  const cut = words[k]!.index!;
  let at = 0;
  return pieces
    .map((p) => {
      const from = Math.max(0, cut - at);
      at += p.text.length;
      return { text: p.text.slice(from), mark: p.mark };
    })
    .filter((p) => p.text);
}

/** Result counts per topic and per tag, from each result's topic ('' for none) and tags; both engines count alike. */
export function countFacets(pages: ReadonlyArray<{ topic: string; tags: readonly string[] } | undefined>): Facets {
  const topics = new Map<string, number>();
  const tags = new Map<string, number>();
  for (const page of pages) {
    if (!page) continue;
    if (page.topic) topics.set(page.topic, (topics.get(page.topic) ?? 0) + 1);
    for (const tag of page.tags) tags.set(tag, (tags.get(tag) ?? 0) + 1);
  }
  return { topics: sortedCounts(topics), tags: sortedCounts(tags) };
}

export interface SearchBackend {
  readonly name: 'pagefind' | 'offline';
  search(query: string, options: SearchOptions): Promise<SearchResponse>;
}

/** The site root as an absolute URL, from the page's relative `data-root`. */
export function siteRoot(): URL {
  return new URL(document.body.dataset.root || './', location.href);
}
