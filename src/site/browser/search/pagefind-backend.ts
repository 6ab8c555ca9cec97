/**
 * Search through Pagefind: the full index, used whenever the page is served over http(s). The
 * query goes in as the shared query terms (src/core/search-terms.ts) with the shared ranking
 * options (src/core/search-rank.ts), so it finds and orders papers as the offline index does.
 */
import { PAGEFIND_RANKING } from '../../../core/search-rank.ts';
import { findTerms, queryTerms } from '../../../core/search-terms.ts';
import { NO_RESULTS, sortedCounts, unspaceExcerpt, type ExcerptPiece, type SearchBackend, type SearchResponse } from './backend.ts';

interface PagefindResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
interface PagefindApi {
  options(options: { baseUrl?: string; ranking?: object }): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  preload(query: string, options?: { filters?: Record<string, unknown> }): Promise<void>;
  search(query: string, options?: { filters?: Record<string, unknown> }): Promise<{
    results: Array<{ data(): Promise<PagefindResultData> }>;
    totalFilters: Record<string, Record<string, number>>;
  } | null>;
}

declare global {
  interface Window {
    /** Pagefind's module, when the search page started loading it early (src/pages/search/index.astro). */
    __papershelfPagefind?: Promise<PagefindApi | undefined>;
  }
}

export async function loadPagefind(root: URL): Promise<SearchBackend> {
  // A computed URL, so the bundler leaves this import for the browser to resolve.
  const pagefind = ((await window.__papershelfPagefind) ?? (await import(/* @vite-ignore */ new URL('pagefind/pagefind.js', root).href))) as PagefindApi;
  // Pagefind stores root-relative URLs; under a sub-path they need the site's path in front.
  await pagefind.options({ baseUrl: root.pathname, ranking: PAGEFIND_RANKING });
  await pagefind.init();
  // Search responses count results per filter only once the filter index is loaded.
  const filtersLoaded = pagefind.filters();
  return {
    name: 'pagefind',
    async search(query, { topics, tags, limit }): Promise<SearchResponse> {
      const terms = queryTerms(query);
      if (terms.length === 0) return NO_RESULTS;
      const filters: Record<string, unknown> = {};
      if (topics.length > 0) filters.topic = { any: [...topics] };
      if (tags.length > 0) filters.tag = { any: [...tags] };
      const text = terms.map((t) => t.text).join(' ');
      // The query's index chunks load while the filter index does; the search then runs on both.
      await Promise.all([filtersLoaded, pagefind.preload(text, { filters })]);
      const response = await pagefind.search(text, { filters });
      if (!response || response.results.length === 0) return NO_RESULTS;
      const data = await Promise.all(response.results.slice(0, limit).map((r) => r.data()));
      // Pagefind answers a term it cannot find with pages holding the term's longest indexed
      // prefix (`zzqxv` → pages with `z`): then no result holds the term, the first one included.
      const holdsTerms = data.map((d) => findTerms(d.content, terms).size === terms.length);
      if (!holdsTerms[0]) return NO_RESULTS;
      const shown = data.filter((_, i) => holdsTerms[i]);
      return {
        total: response.results.length - (data.length - shown.length),
        hits: shown.map((d) => ({
          url: new URL(d.url, location.href).href,
          title: d.meta.title ?? d.url,
          topic: d.filters.topic?.[0] ?? '',
          excerpt: unspaceExcerpt(excerptPieces(d.excerpt)),
        })),
        topics: sortedCounts(Object.entries(response.totalFilters.topic ?? {})),
        tags: sortedCounts(Object.entries(response.totalFilters.tag ?? {})),
      };
    },
  };
}

/** Pagefind's excerpt is escaped HTML with <mark>; read it as text pieces, never as markup. */
function excerptPieces(html: string): ExcerptPiece[] {
  const doc = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
  return [...doc.body.firstChild!.childNodes].map((node) => ({ text: node.textContent ?? '', mark: node.nodeName === 'MARK' }));
}
