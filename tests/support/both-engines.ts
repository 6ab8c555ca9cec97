/**
 * One built project's search page in one headless Chromium, served (Pagefind) and opened from disk (the
 * offline index), for tests that ask both engines the same queries. Registers its own beforeAll/afterAll.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, openWatchedPage, type WatchedPage } from './browser.ts';
import { answerOf, type PageAnswer } from './search-queries.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

export interface BothEngines {
  /** The project folder `makeSite` built. */
  readonly dir: string;
  readonly served: WatchedPage;
  readonly disk: WatchedPage;
  /** The search page's URL for `page` (one of the two) with `search` (`?q=…`). */
  searchUrl(page: WatchedPage, search: string): string;
  /** The query's answer served, then from disk. */
  search(query: string): Promise<[PageAnswer, PageAnswer]>;
}

/** `makeSite` builds a project copy and returns its folder (its `dist/` is searched). */
export function useBothEngines(makeSite: () => string): BothEngines {
  let dir: string;
  let server: StaticServer;
  let browser: Browser;
  let served: WatchedPage;
  let disk: WatchedPage;
  beforeAll(async () => {
    dir = makeSite();
    server = await serveStatic(join(dir, 'dist'), '/');
    browser = await launchBrowser();
    served = await openWatchedPage(browser, server.origin);
    disk = await openWatchedPage(browser, 'file');
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const searchUrl = (page: WatchedPage, search: string) =>
    page === served ? `${server.base}search/index.html${search}` : `${pathToFileURL(join(dir, 'dist', 'search', 'index.html')).href}${search}`;
  return {
    get dir() {
      return dir;
    },
    get served() {
      return served;
    },
    get disk() {
      return disk;
    },
    searchUrl,
    search: (query) => {
      const q = `?q=${encodeURIComponent(query)}`;
      return Promise.all([answerOf(served.page, searchUrl(served, q)), answerOf(disk.page, searchUrl(disk, q))]);
    },
  };
}
