/**
 * Search through Pagefind: the full index, used whenever the page is served over http(s). The
 * query goes in as the shared query terms (src/core/search-terms.ts) with the shared ranking
 * options (src/core/search-rank.ts), so it finds and orders papers as the offline index does.
 *
 * The index is sharded (src/publish/pagefind-index.ts): the first shard loads with Pagefind, the
 * others are merged into it. Facets come from the shards' facet tables (pagefind-facets.ts), not
 * from Pagefind's filters, and after the first results show.
 */
import { PAGEFIND_CHUNKS_FILE, PAGEFIND_DIR, PAGEFIND_SHARDS_FILE, PAGEFIND_WORDS_DIR, shardOfPageId, TEXT_WORDS_META, type PagefindChunks, type PagefindShards, type PagefindWords } from '../../../core/pagefind-format.ts';
import { PAGEFIND_RANKING } from '../../../core/search-rank.ts';
import { findTerms, queryTerms, shardOf, type QueryTerm } from '../../../core/search-terms.ts';
import { countFacets, NO_RESULTS, unspaceExcerpt, withoutTitle, type ExcerptPiece, type SearchBackend, type SearchHit, type SearchResponse } from './backend.ts';
import { excerptBefore, type WeightedLocation } from './pagefind-excerpt.ts';
import { FacetTables } from './pagefind-facets.ts';
import { nativeGunzip, plainTextGraphemes, rankingApplied } from './pagefind-fast-start.ts';

interface PagefindResultData {
  url: string;
  content: string;
  excerpt: string;
  /** Word positions in `content` of the query's matches, and with their scores. */
  locations: number[];
  weighted_locations: WeightedLocation[];
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}
interface PagefindOptions {
  baseUrl?: string;
  ranking?: object;
  /** Search on the page's thread: no worker script to fetch and start before the first search. */
  noWorker?: boolean;
  /** Asks for `pagefind-entry.json?ts=<tag>` instead of `?ts=<now>`: the search page preloads that address. */
  metaCacheTag?: string;
}
interface PagefindApi {
  options(options: PagefindOptions): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options: PagefindOptions): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] } | null>;
  /** Loads the index chunks Pagefind would search for `query`'s words, without searching. */
  preload(query: string): Promise<void>;
}

/** Pagefind started, and its other shards being merged in. */
interface StartedPagefind {
  pagefind: PagefindApi;
  /** Resolves once every shard is in, after the first's WebAssembly and metadata: a search called then starts at once. */
  merged: Promise<unknown>;
}

declare global {
  interface Window {
    /** Pagefind started by the search page (src/pages/search/index.astro) as `startPagefind` starts it. */
    __papershelfPagefind?: Promise<StartedPagefind | undefined>;
    /** The shard list, fetched early by the search page too. */
    __papershelfShards?: Promise<PagefindShards | undefined>;
    /** The shards' index chunks, fetched early by the search page too. */
    __papershelfChunks?: Promise<PagefindChunks | undefined>;
  }
}

const json = <T>(url: URL, fallback: T): Promise<T> =>
  fetch(url)
    .then((response) => (response.ok ? (response.json() as Promise<T>) : fallback))
    .catch(() => fallback);

const NO_SHARDS: PagefindShards = { version: 1, shards: [], wordFiles: [], entries: {} };

/** A shard's metadata version: its languages' index hashes, which change whenever its index does. */
const cacheTag = (entry: PagefindShards['entries'][string] | undefined): { metaCacheTag?: string } =>
  entry ? { metaCacheTag: Object.values(entry.languages).map((l) => l.hash).join('.') } : {};

/**
 * Pagefind with the shared ranking, on the page's thread, every shard merged into the first. The
 * search page does the same in its head (keep the two alike), so its index loads before site.js runs.
 */
async function startPagefind(root: URL, shardList: Promise<PagefindShards>): Promise<StartedPagefind> {
  plainTextGraphemes();
  nativeGunzip();
  // A computed URL, so the bundler leaves this import for the browser to resolve.
  const [pagefind, { shards, entries }] = await Promise.all([import(/* @vite-ignore */ new URL(`${PAGEFIND_DIR}/pagefind.js`, root).href) as Promise<PagefindApi>, shardList]);
  // Pagefind stores root-relative URLs; under a sub-path they need the site's path in front.
  const options = (i: number): PagefindOptions => ({ baseUrl: root.pathname, ranking: PAGEFIND_RANKING, ...cacheTag(entries[shards[i]!]) });
  const { ranking, applied } = rankingApplied(PAGEFIND_RANKING);
  await pagefind.options({ ...options(0), ranking, noWorker: true });
  await pagefind.init();
  // Should a later Pagefind read its ranking at another time, the empty preload resolves once it is ready all the same.
  const ready = Promise.race([applied, pagefind.preload('')]);
  // Merged once the first shard's WebAssembly runs, which mergeIndex would otherwise wait for in 50 ms sleeps.
  const merged = ready.then(() => Promise.all(shards.slice(1).map((folder, i) => pagefind.mergeIndex(new URL(`${PAGEFIND_DIR}/${folder}/`, root).pathname, options(i + 1)))));
  return { pagefind, merged };
}

export async function loadPagefind(root: URL): Promise<SearchBackend> {
  const shardList = window.__papershelfShards?.then((list) => list ?? NO_SHARDS) ?? json<PagefindShards>(new URL(PAGEFIND_SHARDS_FILE, root), NO_SHARDS);
  const { pagefind, merged } = (await window.__papershelfPagefind) ?? (await startPagefind(root, shardList));
  const { shards, wordFiles: wordFileNames } = await shardList;
  const hasWordFile = new Set(wordFileNames);

  const wordFiles = new Map<string, Promise<PagefindWords>>();
  let chunkList: Promise<PagefindChunks> | undefined;
  /**
   * The shards (folders) holding a word the term's stem begins, and the first words of the index
   * chunks past the stem's own that hold such words, which Pagefind would not load (`PagefindChunks`).
   */
  async function termIndex(term: QueryTerm): Promise<{ holding: Set<string>; extensions: string[] }> {
    const file = shardOf(term.stem);
    if (!hasWordFile.has(file)) return { holding: new Set(), extensions: [] };
    let data = wordFiles.get(file);
    if (!data) wordFiles.set(file, (data = json<PagefindWords>(new URL(`${PAGEFIND_WORDS_DIR}/${file}.json`, root), {})));
    chunkList ??= window.__papershelfChunks?.then((c) => c ?? {}) ?? json<PagefindChunks>(new URL(PAGEFIND_CHUNKS_FILE, root), {});
    const [words, chunks] = await Promise.all([data, chunkList]);
    let holding = new Set<string>();
    for (const [word, holders] of Object.entries(words)) {
      if (!word.startsWith(term.stem)) continue;
      if (holders === 1) {
        holding = new Set(shards);
        break;
      }
      for (const i of holders) holding.add(shards[i]!);
    }
    const extensions = [...holding].flatMap((folder) => (chunks[folder] ?? []).filter(([from]) => from > term.stem && from.startsWith(term.stem)).map(([from]) => from));
    return { holding, extensions };
  }

  const facetTables = new FacetTables(root, shards);
  return {
    name: 'pagefind',
    async search(query, { topics, tags, limit }): Promise<SearchResponse> {
      const terms = queryTerms(query);
      if (terms.length === 0) return NO_RESULTS;
      // A shard lacking a term would answer with its pages holding the term's longest indexed
      // prefix (`zzqxv` → pages with `z`), or with the other terms alone: its results are dropped.
      // Without the shard list (a site built before shards), Pagefind's answers are taken as they come.
      const indexed = shards.length > 0 ? await Promise.all(terms.map(termIndex)) : [];
      const allowed = indexed.length > 0 ? indexed.map((t) => t.holding).reduce((a, b) => new Set([...a].filter((s) => b.has(s)))) : undefined;
      if (allowed?.size === 0) return NO_RESULTS;
      await merged;
      const extensions = [...new Set(indexed.flatMap((t) => t.extensions))];
      if (extensions.length > 0) await pagefind.preload(extensions.join(' '));
      const text = terms.map((t) => t.text).join(' ');
      const response = await pagefind.search(text);
      const matching = (response?.results ?? []).filter((r) => !allowed || allowed.has(shardOfPageId(r.id)));
      let results = matching;
      // The matching papers' topics and tags: read once, for the filters and for the facet counts.
      let matchingPages: ReturnType<typeof facetTables.of> | undefined;
      const pagesOfMatching = () => (matchingPages ??= facetTables.of(matching.map((r) => r.id)));
      if (topics.length > 0 || tags.length > 0) {
        const pages = await pagesOfMatching();
        results = results.filter((_, i) => {
          const page = pages[i];
          return page && (topics.length === 0 || topics.includes(page.topic)) && (tags.length === 0 || page.tags.some((t) => tags.includes(t)));
        });
      }
      // Each result's excerpt is a request of its own (a Pagefind fragment): the first result shows
      // as soon as its own arrives, the others with the whole answer.
      const fragments = results.slice(0, limit).map((r) => r.data());
      const first = await fragments[0];
      // What Pagefind counts as a match may still differ from the shared rule in a detail (compound parts): checked on the shown results.
      const holdsTerms = (d: PagefindResultData) => findTerms(d.content, terms).size === terms.length;
      if (!first || !holdsTerms(first)) return NO_RESULTS;
      const complete = Promise.all(fragments).then((data): SearchResponse => {
        const shown = data.filter(holdsTerms);
        return {
          total: results.length - (data.length - shown.length),
          hits: shown.map(hitOf),
          topics: [],
          tags: [],
          // Counted over the query's results without the filters, after the results show.
          facets: () => pagesOfMatching().then(countFacets),
        };
      });
      return { total: results.length, hits: [hitOf(first)], topics: [], tags: [], complete };
    },
  };
}

function hitOf(d: PagefindResultData): SearchHit {
  // The title and abstract's word count: the excerpt ends before the words indexed after them (a site built before it has none).
  const textWords = Number(d.meta[TEXT_WORDS_META] ?? NaN);
  const pieces = Number.isInteger(textWords) ? excerptBefore(d.content, d.weighted_locations, d.locations, textWords) : excerptPieces(d.excerpt);
  return {
    url: new URL(d.url, location.href).href,
    title: d.meta.title ?? d.url,
    topic: d.filters.topic?.[0] ?? '',
    excerpt: withoutTitle(unspaceExcerpt(pieces), d.meta.title ?? ''),
  };
}

/** Pagefind's excerpt is escaped HTML with <mark>; read it as text pieces, never as markup. */
function excerptPieces(html: string): ExcerptPiece[] {
  const doc = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
  return [...doc.body.firstChild!.childNodes].map((node) => ({ text: node.textContent ?? '', mark: node.nodeName === 'MARK' }));
}
