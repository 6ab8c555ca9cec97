import { describe, expect, test } from 'vitest';
import { papersJson, siteDir, siteUrlPath } from '../support/site.ts';
import { launchBrowser, openWatchedPage, waitForHeading, withPage } from '../support/browser.ts';
import { expectNotFoundPage } from '../support/not-found-page.ts';
import { serveStatic } from '../support/static-server.ts';
import { useSetups } from '../support/setups.ts';

const setups = useSetups();

describe.each(setups.map((s) => [s.name, s] as const))('the site %s', (_name, setup) => {
  test('home → all papers → a paper page shows that paper, with no error and no outside request', async () => {
    await withPage(setup.open, async ({ page, consoleErrors, blockedRequests }) => {
      await page.goto(setup.url('index.html'));
      await page.getByRole('link', { name: /Browse all \d+ papers/ }).click();
      await waitForHeading(page, 'All papers');
      const first = page.locator('.paper-list .paper-link').first();
      const title = (await first.textContent())!;
      await first.click();
      await waitForHeading(page, title);
      expect(papersJson().papers.some((p) => p.title === title)).toBe(true);
      expect(consoleErrors).toEqual([]);
      expect(blockedRequests).toEqual([]);
    });
  });
});

describe('the 404 page, served for a missing address deep under SITE_URL’s path', () => {
  test('is styled, and its links lead back into the site', async () => {
    const server = await serveStatic(siteDir(), siteUrlPath());
    const browser = await launchBrowser();
    try {
      await expectNotFoundPage(await openWatchedPage(browser, server.origin), `${server.base}no/such/deep/page.html`, server.base);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
