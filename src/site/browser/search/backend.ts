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

export interface SearchResponse {
  /** Results after the topic filter. */
  total: number;
  hits: SearchHit[];
  /** Result counts per topic for the query, ignoring the topic filter. */
  topics: Array<{ name: string; count: number }>;
}

export interface SearchOptions {
  /** Keep only results in these topics (any of them); empty keeps all. */
  topics: readonly string[];
  limit: number;
}

export interface SearchBackend {
  readonly name: 'pagefind' | 'offline';
  search(query: string, options: SearchOptions): Promise<SearchResponse>;
}

/** The site root as an absolute URL, from the page's relative `data-root`. */
export function siteRoot(): URL {
  return new URL(document.body.dataset.root || './', location.href);
}
