/**
 * The three ways people use one built folder: served at a domain root, served under a
 * sub-path, and opened from disk. Browser tests run the same steps in each.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, openWatchedPage, type WatchedPage } from './browser.ts';
import { siteDir, siteUrlPath } from './site.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

export interface Setup {
  name: string;
  /** URL of a site-relative path in this setup. */
  url: (path: string) => string;
  open: () => Promise<WatchedPage>;
}

export function useSetups(): Setup[] {
  let browser: Browser;
  const servers: StaticServer[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
    // siteUrlPath() is the path of the test build's SITE_URL (as on GitHub Pages); /some/sub/path/ is any other.
    servers.push(await serveStatic(siteDir(), '/'), await serveStatic(siteDir(), '/some/sub/path/'), await serveStatic(siteDir(), siteUrlPath()));
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(servers.map((s) => s.close()));
  });
  return [
    { name: 'served at the domain root', url: (p) => `${servers[0]!.base}${p}`, open: () => openWatchedPage(browser, servers[0]!.origin) },
    { name: 'served under a sub-path', url: (p) => `${servers[1]!.base}${p}`, open: () => openWatchedPage(browser, servers[1]!.origin) },
    { name: 'served under SITE_URL’s path', url: (p) => `${servers[2]!.base}${p}`, open: () => openWatchedPage(browser, servers[2]!.origin) },
    { name: 'opened from disk', url: (p) => `${pathToFileURL(join(siteDir(), p.split('?')[0]!)).href}${p.includes('?') ? `?${p.split('?')[1]}` : ''}`, open: () => openWatchedPage(browser, 'file') },
  ];
}
