/**
 * A built Pagefind index searched in Node, as the browser searches it: Pagefind's own
 * `pagefind.js` (its WebAssembly included) on the main thread, with `fetch` answering `file:` URLs
 * from disk. Pagefind keeps one search per module, so each site imports its own copy.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface PagefindModule {
  options(options: object): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options: object): Promise<void>;
  preload(query: string): Promise<void>;
  search(query: string): Promise<{ results: Array<{ id: string; score: number; data(): Promise<PagefindData> }> }>;
}

/** What Pagefind gives of a result (`data()`), the parts tests read. */
export interface PagefindData {
  raw_url: string;
  content: string;
  excerpt: string;
  locations: number[];
  weighted_locations: Array<{ location: number; balanced_score: number; weight: number }>;
  meta: Record<string, string>;
}

let copies = 0;

/**
 * Pagefind over `siteDir/pagefind/` with `merged` (folders under it) merged in, started with
 * `options` as the search page starts it. Returns a search that gives each result's URL and score,
 * best first, and `results`, each result's whole data. `fetch` reads `file:` URLs from disk while the returned `close` is not called.
 */
export async function pagefindInNode(
  siteDir: string,
  merged: readonly string[],
  options: object,
): Promise<{
  search: (query: string) => Promise<Array<{ url: string; score: number }>>;
  results: (query: string) => Promise<PagefindData[]>;
  preload: (query: string) => Promise<void>;
  close: () => void;
}> {
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.startsWith('file:')) return realFetch(input);
    try {
      return new Response(await readFile(fileURLToPath(url.split('?')[0]!)));
    } catch {
      return new Response(null, { status: 404 });
    }
  }) as typeof fetch;
  const dir = join(siteDir, 'pagefind');
  const pagefind = (await import(`${pathToFileURL(join(dir, 'pagefind.js')).href}?copy=${copies++}`)) as PagefindModule;
  await pagefind.options(options);
  await pagefind.init();
  for (const folder of merged) await pagefind.mergeIndex(`${pathToFileURL(join(dir, folder)).href}/`, options);
  return {
    async search(query) {
      const { results } = await pagefind.search(query);
      return Promise.all(results.map(async (r) => ({ url: (await r.data()).raw_url, score: r.score })));
    },
    async results(query) {
      return Promise.all((await pagefind.search(query)).results.map((r) => r.data()));
    },
    preload: (query) => pagefind.preload(query),
    close: () => void (globalThis.fetch = realFetch),
  };
}
