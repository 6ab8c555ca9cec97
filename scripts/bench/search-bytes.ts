/**
 * Bytes a reader's browser loads for a first search: open `search/index.html?q=<word>` in a fresh
 * headless Chromium context (empty cache), note when the first result shows and what had arrived
 * by then, wait for the network to go quiet, and add up every response. Served over http (the page uses Pagefind) and opened from
 * disk (the page uses the offline index; sizes are those of the files read).
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchBrowser, openWatchedPage } from '../../tests/support/browser.ts';
import { serveStatic } from '../../tests/support/static-server.ts';

export interface SearchLoad {
  /** 'pagefind' or 'offline': what the page reported in `<html data-search-engine>`. */
  engine: string | null;
  query: string;
  results: number | null;
  requests: number;
  /** Every response: bodies plus (over http) headers, as served (the bench server does not compress). */
  bytes: number;
  /** The same responses if the host gzipped text types (Pagefind's own files are already compressed). */
  bytesGzipped: number;
  /** The part of `bytes` that is the search engine and its index (pagefind/ or offline-search/). */
  searchBytes: number;
  /** From the search page's navigation start (the page's own clock) to the first result shown, for `query`. */
  ms: number;
  /** The part of `bytes` (with its requests) that had arrived when the first result showed: what the first result cost. */
  firstResultBytes?: number;
  firstResultRequests?: number;
  /** The same time for each of `FIRST_RESULT_QUERIES`, each in a fresh browser (empty cache), and their median. */
  msPerQuery?: Record<string, number>;
  msMedian?: number;
  error?: string;
}

/**
 * Queries timed for the first result, besides the bench query: common words of any research
 * list, so each finds papers in a synthetic corpus as in a real one.
 */
const FIRST_RESULT_QUERIES = ['learning', 'model', 'data', 'network', 'analysis'];

const TEXT = /\.(html|css|js|mjs|json|svg|xml)$/;

async function measure(siteDir: string, over: 'http' | 'file', query: string): Promise<SearchLoad> {
  const server = over === 'http' ? await serveStatic(siteDir, '/') : null;
  const browser = await launchBrowser();
  const result: SearchLoad = { engine: null, query, results: null, requests: 0, bytes: 0, bytesGzipped: 0, searchBytes: 0, ms: 0 };
  try {
    const { page, context } = await openWatchedPage(browser, server ? server.origin : 'file');
    // The page notes when the first result appears, on its own clock (0 = navigation start).
    await page.addInitScript(() => {
      const w = window as unknown as { __firstResultAt?: number };
      const observer = new MutationObserver(() => {
        if (w.__firstResultAt !== undefined || !document.querySelector('.search-results .result-title')) return;
        w.__firstResultAt = performance.now();
        observer.disconnect();
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    const finished: Array<{ url: string; at: number; bytes: number }> = [];
    const pending: Array<Promise<void>> = [];
    page.on('requestfinished', (request) => {
      const arrived = Date.now();
      pending.push((async () => {
        const url = request.url();
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        const path = new URL(url).pathname;
        let body = 0;
        let headers = 0;
        let gzipBody = 0;
        if (url.startsWith('file:')) {
          const file = fileURLToPath(url.split(/[?#]/)[0]!);
          body = statSync(file).size;
          gzipBody = TEXT.test(path) ? gzipSync(readFileSync(file), { level: 9 }).length : body;
        } else {
          const sizes = await request.sizes();
          body = sizes.responseBodySize;
          headers = sizes.responseHeadersSize;
          gzipBody = body;
          if (TEXT.test(path)) {
            const response = await request.response();
            if (response) gzipBody = gzipSync(await response.body(), { level: 9 }).length;
          }
        }
        result.requests++;
        finished.push({ url: url.split('#')[0]!, at: arrived, bytes: body + headers });
        result.bytes += body + headers;
        result.bytesGzipped += gzipBody + headers;
        if (/\/(pagefind|offline-search)\//.test(path)) result.searchBytes += body + headers;
      })().catch(() => undefined));
    });
    const target = server
      ? `${server.base}search/index.html?q=${encodeURIComponent(query)}`
      : `${pathToFileURL(`${siteDir}/search/index.html`).href}?q=${encodeURIComponent(query)}`;
    await page.goto(target);
    await page.locator('.search-results .result-title').first().waitFor({ timeout: 60_000 });
    // What had arrived by then: over http, the page and the resources whose response ended before
    // (Resource Timing); Chromium gives no Resource Timing for file:// loads, so from disk the
    // arrival of each load's event in this process stands in, on the wall clock.
    const first = await page.evaluate(() => {
      const at = (window as unknown as { __firstResultAt: number }).__firstResultAt;
      const ended = performance.getEntriesByType('resource').filter((e) => (e as PerformanceResourceTiming).responseEnd <= at).map((e) => e.name);
      return { at, wallClock: performance.timeOrigin + at, ended: [performance.getEntriesByType('navigation')[0]?.name ?? location.href, ...ended] };
    });
    result.ms = Math.round(first.at);
    await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined);
    await page.waitForTimeout(300);
    result.engine = await page.locator('html').getAttribute('data-search-engine');
    const status = (await page.locator('[data-search-status]').textContent()) ?? '';
    const count = /([\d,]+)\s+papers?\s+match/.exec(status);
    result.results = count ? Number(count[1]!.replace(/,/g, '')) : null;
    await Promise.all(pending);
    const ended = new Set(first.ended.map((url) => url.split('#')[0]!));
    const before = finished.filter((f) => (server ? ended.has(f.url) : f.at <= first.wallClock));
    result.firstResultBytes = before.reduce((n, f) => n + f.bytes, 0);
    result.firstResultRequests = before.length;
    await context.close();
  } catch (error) {
    result.error = (error as Error).message.split('\n')[0];
  } finally {
    await browser.close();
    await server?.close();
  }
  return result;
}

async function measureOver(siteDir: string, over: 'http' | 'file', query: string): Promise<SearchLoad> {
  const load = await measure(siteDir, over, query);
  if (load.error) return load;
  const msPerQuery: Record<string, number> = { [query]: load.ms };
  for (const q of FIRST_RESULT_QUERIES.filter((x) => x !== query)) {
    const other = await measure(siteDir, over, q);
    if (!other.error) msPerQuery[q] = other.ms;
  }
  const times = Object.values(msPerQuery).sort((a, b) => a - b);
  return { ...load, msPerQuery, msMedian: times[Math.floor(times.length / 2)]! };
}

export async function measureSearchLoads(siteDir: string, query: string): Promise<{ http: SearchLoad; file: SearchLoad }> {
  return { http: await measureOver(siteDir, 'http', query), file: await measureOver(siteDir, 'file', query) };
}
