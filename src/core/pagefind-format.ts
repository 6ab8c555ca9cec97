/**
 * The files Papershelf adds to the sharded Pagefind index, shared by their writer
 * (src/publish/pagefind-index.ts, pagefind-facets.ts) and their reader in the browser
 * (src/site/browser/search/pagefind-backend.ts, pagefind-facets.ts).
 *
 * The Pagefind index is sharded (src/publish/search-shards.ts): the first shard is `pagefind/`
 * itself, with Pagefind's scripts; each other shard is a folder of it, merged into the first in
 * the browser (Pagefind's `mergeIndex`). Each shard is indexed under its own language code
 * (`en-x-<folder>`: English stemming, and page ids that name the shard), so the browser can tell
 * which shard a result comes from.
 */
export const PAGEFIND_DIR = 'pagefind';
export const PAGEFIND_SHARDS_FILE = `${PAGEFIND_DIR}/papershelf-shards.json`;
/** `pagefind/papershelf-words/<shardOf(word)>.json`: which shards hold each indexed word (`PagefindWords`). */
export const PAGEFIND_WORDS_DIR = `${PAGEFIND_DIR}/papershelf-words`;

/**
 * `pagefind/papershelf-chunks.json` (`PagefindChunks`): every shard's index chunks, as its
 * `pf_meta` lists them. Pagefind loads for a query term only the chunk whose word range holds the
 * term (and the query word as typed), so the words the term begins that lie in the next chunks are
 * missed (`graph` lost `graphlet` and `graphical` at 10k papers: 5,477 results instead of 5,722);
 * the browser has Pagefind load those chunks too. The search page also preloads a query word's
 * chunk as soon as this file arrives, before Pagefind's WebAssembly can name it.
 */
export const PAGEFIND_CHUNKS_FILE = `${PAGEFIND_DIR}/papershelf-chunks.json`;

/** Shard folder → its index chunks, in word order: each holds the words `from` to `to` (code-point order) in `index/<hash>.pf_index`. */
export type PagefindChunks = Record<string, Array<[from: string, to: string, hash: string]>>;

/** A chunk's file, relative to its shard's folder. */
export const pagefindChunkFile = (hash: string): string => `index/${hash}.pf_index`;

export interface PagefindShards {
  version: 1;
  /** Every shard's folder under `pagefind/`, the first (`pagefind/` itself) first. */
  shards: string[];
  /** The word files there are (`shardOf` keys): a query term with no file has no word anywhere. */
  wordFiles: string[];
  /**
   * Each shard's `pagefind-entry.json`, by folder: with it the search page fetches the shards'
   * metadata (and the first shard's WebAssembly) at once instead of one request after another.
   */
  entries: Record<string, { languages: Record<string, { hash: string; wasm: string | null; page_count: number }> }>;
}

/**
 * The id of the search page's `<script type="application/json">` element holding the shard list and
 * the chunk table (`SearchPageFiles`). The build writes them in once Pagefind has run
 * (src/publish/search-page-files.ts), so the page preloads the index as it opens rather than after
 * fetching these two files first; a page the build has not filled holds `null` and fetches them.
 */
export const SEARCH_FILES_ELEMENT = 'papershelf-search-files';

export interface SearchPageFiles {
  shards: PagefindShards;
  chunks: PagefindChunks;
}

/** Word → the indexes (in `PagefindShards.shards`) of the shards holding it, or 1 when all do. */
export type PagefindWords = Record<string, number[] | 1>;

/**
 * A Pagefind record's metadata key for how many words of the page's content are its title and abstract
 * (decimal): the words after them (`tailText`: topic, tags, lemmas) are indexed but never shown, so the
 * browser cuts the excerpt there.
 */
export const TEXT_WORDS_META = 'text_words';

/** The language code a shard is indexed under, and the shard a Pagefind page id (`<language>_<hash>`) comes from. */
export const shardLanguage = (folder: string): string => `en-x-${folder}`;
export const shardOfPageId = (id: string): string => id.slice(0, id.lastIndexOf('_')).split('-x-')[1] ?? '';

/**
 * `pagefind/<folder>/papershelf-facets.json.gz`: each page's topic and tags by its Pagefind page
 * id (without the `<language>_` part), gzipped. The browser counts and filters facets with it
 * instead of Pagefind's filters, whose counting costs pages × results (`get_filters` scans the
 * result list for every page of every filter value).
 */
export const PAGEFIND_FACETS_FILE = 'papershelf-facets.json.gz';

export interface PagefindFacets {
  topics: string[];
  tags: string[];
  /** Page id → its topic index in base 36 (empty for none), then `.` and each tag index. */
  pages: Record<string, string>;
}
