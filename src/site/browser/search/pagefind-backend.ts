/**
 * Search through Pagefind: the full index, used whenever the page is served over http(s). The
 * query goes in as the shared query terms (src/core/search-terms.ts) with the shared ranking
 * options (src/core/search-rank.ts), so it finds and orders papers as the offline index does.
 *
 * The index is sharded (src/publish/pagefind-index.ts): the first shard loads with Pagefind, the
 * others are merged into it. Facets come from the shards' facet tables (pagefind-facets.ts), not
 * from Pagefind's filters, and after the first results show.
 */
import { PAGEFIND_DIR, PAGEFIND_SHARDS_FILE, PAGEFIND_WORDS_DIR, shardOfPageId, type PagefindShards, type PagefindWords } from '../../../core/pagefind-format.ts';
import { PAGEFIND_RANKING } from '../../../core/search-rank.ts';
import { findTerms, queryTerms, shardOf, type QueryTerm } from '../../../core/search-terms.ts';
import { countFacets, NO_RESULTS, unspaceExcerpt, withoutTitle, type ExcerptPiece, type SearchBackend, type SearchResponse } from './backend.ts';
import { FacetTables } from './pagefind-facets.ts';

interface PagefindResultData {
  url: string;
  content: string;
  excerpt: string;
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
}
interface PagefindApi {
  options(options: PagefindOptions): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options: PagefindOptions): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] } | null>;
}

declare global {
  interface Window {
    /** Pagefind's module, started (options set, `init` called) by the search page (src/pages/search/index.astro). */
    __papershelfPagefind?: Promise<PagefindApi | undefined>;
    /** The shard list, fetched early by the search page too. */
    __papershelfShards?: Promise<PagefindShards | undefined>;
  }
}

const json = <T>(url: URL, fallback: T): Promise<T> =>
  fetch(url)
    .then((response) => (response.ok ? (response.json() as Promise<T>) : fallback))
    .catch(() => fallback);

const NO_SHARDS: PagefindShards = { version: 1, shards: [], wordFiles: [], entries: {} };

export async function loadPagefind(root: URL): Promise<SearchBackend> {
  const shardList = window.__papershelfShards?.then((list) => list ?? NO_SHARDS) ?? json<PagefindShards>(new URL(PAGEFIND_SHARDS_FILE, root), NO_SHARDS);
  // Pagefind stores root-relative URLs; under a sub-path they need the site's path in front.
  const options: PagefindOptions = { baseUrl: root.pathname, ranking: PAGEFIND_RANKING };
  let pagefind = await window.__papershelfPagefind; // started by the search page, as below
  if (!pagefind) {
    // A computed URL, so the bundler leaves this import for the browser to resolve.
    pagefind = (await import(/* @vite-ignore */ new URL(`${PAGEFIND_DIR}/pagefind.js`, root).href)) as PagefindApi;
    await pagefind.options({ ...options, noWorker: true });
    await pagefind.init();
  }
  const { shards, wordFiles: wordFileNames } = await shardList;
  const hasWordFile = new Set(wordFileNames);
  const merged = Promise.all(shards.slice(1).map((folder) => pagefind.mergeIndex(new URL(`${PAGEFIND_DIR}/${folder}/`, root).pathname, options)));

  const wordFiles = new Map<string, Promise<PagefindWords>>();
  /** The shards (folders) holding a word the term's stem begins. */
  async function shardsHolding(term: QueryTerm): Promise<Set<string>> {
    const file = shardOf(term.stem);
    if (!hasWordFile.has(file)) return new Set();
    let words = wordFiles.get(file);
    if (!words) wordFiles.set(file, (words = json<PagefindWords>(new URL(`${PAGEFIND_WORDS_DIR}/${file}.json`, root), {})));
    const holding = new Set<string>();
    for (const [word, holders] of Object.entries(await words)) {
      if (!word.startsWith(term.stem)) continue;
      if (holders === 1) return new Set(shards);
      for (const i of holders) holding.add(shards[i]!);
    }
    return holding;
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
      const holding = shards.length > 0 ? await Promise.all(terms.map(shardsHolding)) : [];
      const allowed = holding.length > 0 ? holding.reduce((a, b) => new Set([...a].filter((s) => b.has(s)))) : undefined;
      if (allowed?.size === 0) return NO_RESULTS;
      await merged;
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
      const data = await Promise.all(results.slice(0, limit).map((r) => r.data()));
      // What Pagefind counts as a match may still differ from the shared rule in a detail (compound parts): checked on the shown results.
      const holdsTerms = data.map((d) => findTerms(d.content, terms).size === terms.length);
      if (data.length === 0 || !holdsTerms[0]) return NO_RESULTS;
      const shown = data.filter((_, i) => holdsTerms[i]);
      return {
        total: results.length - (data.length - shown.length),
        hits: shown.map((d) => ({
          url: new URL(d.url, location.href).href,
          title: d.meta.title ?? d.url,
          topic: d.filters.topic?.[0] ?? '',
          excerpt: withoutTitle(unspaceExcerpt(excerptPieces(d.excerpt)), d.meta.title ?? ''),
        })),
        topics: [],
        tags: [],
        // Counted over the query's results without the filters, after the results show.
        facets: () => pagesOfMatching().then(countFacets),
      };
    },
  };
}

/** Pagefind's excerpt is escaped HTML with <mark>; read it as text pieces, never as markup. */
function excerptPieces(html: string): ExcerptPiece[] {
  const doc = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
  return [...doc.body.firstChild!.childNodes].map((node) => ({ text: node.textContent ?? '', mark: node.nodeName === 'MARK' }));
}
