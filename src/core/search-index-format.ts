/**
 * The offline search index's file format, shared by its writer (src/publish/offline-search.ts)
 * and its reader in the browser (src/site/browser/search/offline-backend.ts). Kept apart from the
 * writer so the browser bundle does not pull in what the writer imports (KaTeX, through the search
 * document: 267 KB of the 288 KB site.js).
 */

export const OFFLINE_DIR = 'offline-search';

export interface OfflineManifest {
  version: 2;
  docs: number;
  chunkSize: number;
  topics: string[];
  tags: string[];
  shards: string[];
  /** Each document's topic index in base 36, `topicWidth` characters each (`-` for none): facet counts without loading documents. */
  docTopics: string;
  topicWidth: number;
  /** Each document's length in words (Pagefind's page length), base 36, `lengthWidth` characters each. */
  lengths: string;
  lengthWidth: number;
  averageLength: number;
}

/** A shard: word → encoded postings, and word → length of its compounds' shortest first part. */
export type OfflineShard = [postings: Record<string, string>, firstParts: Record<string, number>];

/** Each document's tag indexes in base 36, `.`-separated, documents `;`-separated. */
export type OfflineTags = string;

export interface DocumentWord {
  /** Summed weight on the page, in Pagefind's units. */
  weight: number;
  /** The part of `weight` from compound words whose first part begins this word (see `indexWords`). */
  compoundWeight: number;
  /** The word is a whole word of the title (not a compound's part). */
  inTitle: boolean;
}

/**
 * Postings as base-36 `docDelta,value` pairs, value = weight × 2 + title flag, followed by
 * `:compoundWeight` when there is one: compact, and parsed with one split.
 */
export function encodePostings(list: ReadonlyMap<number, DocumentWord>): string {
  let previous = 0;
  const parts: string[] = [];
  for (const [doc, { weight, compoundWeight, inTitle }] of list) {
    const value = (weight * 2 + (inTitle ? 1 : 0)).toString(36);
    parts.push((doc - previous).toString(36), compoundWeight > 0 ? `${value}:${compoundWeight.toString(36)}` : value);
    previous = doc;
  }
  return parts.join(',');
}

export interface Posting extends DocumentWord {
  doc: number;
}

export function decodePostings(encoded: string): Posting[] {
  const parts = encoded.split(',');
  const out: Posting[] = [];
  let doc = 0;
  for (let i = 0; i < parts.length; i += 2) {
    doc += parseInt(parts[i]!, 36);
    const [value, compound] = parts[i + 1]!.split(':');
    const number = parseInt(value!, 36);
    out.push({ doc, weight: number >> 1, inTitle: (number & 1) === 1, compoundWeight: compound ? parseInt(compound, 36) : 0 });
  }
  return out;
}

/**
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

/** Word → the indexes (in `PagefindShards.shards`) of the shards holding it, or 1 when all do. */
export type PagefindWords = Record<string, number[] | 1>;

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
