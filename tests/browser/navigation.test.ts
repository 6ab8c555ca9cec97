import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, openWatchedPage } from '../support/browser.ts';
import { papersJson, siteDir } from '../support/site.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await serveStatic(siteDir(), '/some/sub/path/');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const setups = [
  ['served under a sub-path', () => ({ start: `${server.base}index.html`, origin: server.origin })],
  ['opened from disk', () => ({ start: pathToFileURL(join(siteDir(), 'index.html')).href, origin: 'file' as const })],
] as const;

describe.each(setups)('the site %s', (_name, setup) => {
  test('home → all papers → a paper page shows that paper', async () => {
    const { start, origin } = setup();
    const { page, context, consoleErrors, blockedRequests } = await openWatchedPage(browser, origin);
    try {
      await page.goto(start);
      await page.getByRole('link', { name: /Browse all \d+ papers/ }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('All papers');
      const first = page.locator('.paper-list .paper-link').first();
      const title = await first.textContent();
      await first.click();
      await expect.poll(() => page.locator('h1').textContent()).toBe(title);
      expect(papersJson().papers.some((p) => p.title === title)).toBe(true);
      expect(consoleErrors).toEqual([]);
      expect(blockedRequests).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
