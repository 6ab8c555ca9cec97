/**
 * Bytes a reader's browser loads for a first search: open `search/index.html?q=<word>` in a fresh
 * headless Chromium context (empty cache), note when the first result shows and what had arrived
 * by then, wait for the network to go quiet, and add up every response. Served over http (the page uses Pagefind) and opened from
 * disk (the page uses the offline index; sizes are those of the files read).
 *
 * As a reader's browser is: already running (one Chromium per site and protocol, started and
 * settled by opening the site's home page first, then a new context, so an empty cache and a new
 * page process, for each query), and without the test harness's interception of every request
 * (Playwright's `route`, a round trip through this process per request, which tests need to block
 * requests that would leave the machine). A freshly started Chromium spends its first second
 * loading its own interface (hundreds of chrome:// files for the address bar popup), on the same
 * two cores as the page. On one 1k-paper site, each query timed both ways back to back (load
 * 15-22, session 6), this way took the median first result from 1,085 to 805 ms served (median
 * difference per query -174 ms, 12 queries) and from 688 to 257 ms from disk (-264 ms, 6 queries).
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Request } from 'playwright-core';
import { launchBrowser } from '../../tests/support/browser.ts';
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
  /** The same time for each of `FIRST_RESULT_QUERIES`, each in a new context (empty cache), and their median. */
  msPerQuery?: Record<string, number>;
  msMedian?: number;
  error?: string;
}

/**
 * Queries timed for the first result, besides the bench query: common words of any research
 * list, so each finds papers in a synthetic corpus as in a real one.
 */
export const FIRST_RESULT_QUERIES = ['learning', 'model', 'data', 'network', 'analysis'];

const TEXT = /\.(html|css|js|mjs|json|svg|xml)$/;

/** Adds one response's bytes to `result`'s totals; its URL, when it arrived and its bytes, for the first-result count. */
async function sizeOf(request: Request, at: number, result: SearchLoad): Promise<{ url: string; at: number; bytes: number } | undefined> {
  const url = request.url();
  if (url.startsWith('data:') || url.startsWith('blob:')) return undefined;
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
  result.bytes += body + headers;
  result.bytesGzipped += gzipBody + headers;
  if (/\/(pagefind|offline-search)\//.test(path)) result.searchBytes += body + headers;
  return { url: url.split('#')[0]!, at, bytes: body + headers };
}

/** One first search of `query` on the site in `siteDir`, in a new context of `browser`: the bench's measurement (also scripts/bench/search-ab.ts). */
export async function measure(browser: Browser, siteDir: string, over: 'http' | 'file', query: string): Promise<SearchLoad> {
  const server = over === 'http' ? await serveStatic(siteDir, '/') : null;
  const result: SearchLoad = { engine: null, query, results: null, requests: 0, bytes: 0, bytesGzipped: 0, searchBytes: 0, ms: 0 };
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
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
    // Each response is only noted while the page loads; its size is read (and gzipped) once the first
    // result has shown. Read as it arrived, every response cost this process a DevTools round trip
    // for its body and a gzip, on the same two cores as the page, in the middle of the timed load.
    const responses: Array<{ request: Request; at: number }> = [];
    page.on('requestfinished', (request) => {
      // The browser's own clock for the end of the response (epoch ms); this process hears of it later
      // (80 ms later for a file of the offline index, once), which counted files as arriving after the first result.
      const timing = request.timing();
      responses.push({ request, at: timing.responseEnd >= 0 ? timing.startTime + timing.responseEnd : Date.now() });
    });
    const target = server
      ? `${server.base}search/index.html?q=${encodeURIComponent(query)}`
      : `${pathToFileURL(`${siteDir}/search/index.html`).href}?q=${encodeURIComponent(query)}`;
    await page.goto(target);
    await page.locator('.search-results .result-title').first().waitFor({ timeout: 60_000 });
    // What had arrived by then: over http, the page and the resources whose response ended before
    // (Resource Timing); Chromium gives no Resource Timing for file:// loads, so from disk the end
    // of each response as the browser timed it for this process (`request.timing()`), on the wall clock.
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
    const finished = (await Promise.all(responses.map(({ request, at }) => sizeOf(request, at, result).catch(() => undefined)))).filter((f) => f !== undefined);
    const ended = new Set(first.ended.map((url) => url.split('#')[0]!));
    const before = finished.filter((f) => (server ? ended.has(f.url) : f.at <= first.wallClock));
    result.firstResultBytes = before.reduce((n, f) => n + f.bytes, 0);
    result.firstResultRequests = before.length;
  } catch (error) {
    result.error = (error as Error).message.split('\n')[0];
  } finally {
    await context.close();
    await server?.close();
  }
  return result;
}

/** A Chromium started and settled: the site's home page opened once (and closed) before any query is timed. */
export async function settledBrowser(siteDir: string, over: 'http' | 'file'): Promise<Browser> {
  const browser = await launchBrowser();
  const server = over === 'http' ? await serveStatic(siteDir, '/') : null;
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(server ? server.base : pathToFileURL(`${siteDir}/index.html`).href);
    await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined);
  } finally {
    await context.close();
    await server?.close();
  }
  return browser;
}

async function measureOver(siteDir: string, over: 'http' | 'file', query: string): Promise<SearchLoad> {
  const browser = await settledBrowser(siteDir, over);
  try {
    const load = await measure(browser, siteDir, over, query);
    if (load.error) return load;
    const msPerQuery: Record<string, number> = { [query]: load.ms };
    for (const q of FIRST_RESULT_QUERIES.filter((x) => x !== query)) {
      const other = await measure(browser, siteDir, over, q);
      if (!other.error) msPerQuery[q] = other.ms;
    }
    const times = Object.values(msPerQuery).sort((a, b) => a - b);
    return { ...load, msPerQuery, msMedian: times[Math.floor(times.length / 2)]! };
  } finally {
    await browser.close();
  }
}

export async function measureSearchLoads(siteDir: string, query: string): Promise<{ http: SearchLoad; file: SearchLoad }> {
  return { http: await measureOver(siteDir, 'http', query), file: await measureOver(siteDir, 'file', query) };
}
