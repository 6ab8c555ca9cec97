/** Search through Pagefind: the full index, used whenever the page is served over http(s). */
import type { ExcerptPiece, SearchBackend, SearchResponse } from './backend.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
interface PagefindApi {
  options(options: { baseUrl?: string }): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string, options?: { filters?: Record<string, unknown> }): Promise<{
    results: Array<{ data(): Promise<PagefindResultData> }>;
    totalFilters: Record<string, Record<string, number>>;
  } | null>;
}

export async function loadPagefind(root: URL): Promise<SearchBackend> {
  // A computed URL, so the bundler leaves this import for the browser to resolve.
  const pagefind = (await import(/* @vite-ignore */ new URL('pagefind/pagefind.js', root).href)) as PagefindApi;
  // Pagefind stores root-relative URLs; under a sub-path they need the site's path in front.
  await pagefind.options({ baseUrl: root.pathname });
  await pagefind.init();
  // Search responses count results per filter only once the filter index is loaded.
  await pagefind.filters();
  return {
    name: 'pagefind',
    async search(query, { topics, limit }): Promise<SearchResponse> {
      const response = await pagefind.search(query, topics.length > 0 ? { filters: { topic: { any: [...topics] } } } : {});
      if (!response) return { total: 0, hits: [], topics: [] };
      const data = await Promise.all(response.results.slice(0, limit).map((r) => r.data()));
      return {
        total: response.results.length,
        hits: data.map((d) => ({
          url: new URL(d.url, location.href).href,
          title: d.meta.title ?? d.url,
          topic: d.filters.topic?.[0] ?? '',
          excerpt: excerptPieces(d.excerpt),
        })),
        topics: Object.entries(response.totalFilters.topic ?? {})
          .filter(([, count]) => count > 0)
          .map(([name, count]) => ({ name, count }))
          .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
      };
    },
  };
}

/** Pagefind's excerpt is escaped HTML with <mark>; read it as text pieces, never as markup. */
function excerptPieces(html: string): ExcerptPiece[] {
  const doc = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
  return [...doc.body.firstChild!.childNodes].map((node) => ({ text: node.textContent ?? '', mark: node.nodeName === 'MARK' }));
}
