/** What a reader of the 404 page needs, whatever address the host served it at. */
import { expect } from 'vitest';
import { waitForHeading, type WatchedPage } from './browser.ts';

/**
 * Opens `missing` (a full URL the host answers with 404.html) and checks that the page is styled, that its
 * "home page" link leads to `${base}index.html`, and that nothing failed but the 404 answer itself and the
 * browser's look-ahead fetches made before the page anchors its links ("Failed to load resource").
 */
export async function expectNotFoundPage({ page, consoleErrors, blockedRequests }: WatchedPage, missing: string, base: string): Promise<void> {
  await page.goto(missing);
  await waitForHeading(page, 'Page not found');
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).display)).toBe('flex');
  await page.getByRole('link', { name: 'home page' }).click();
  await page.waitForURL(`${base}index.html`);
  expect(consoleErrors.filter((e) => !e.startsWith('Failed to load resource: the server responded with a status of 404'))).toEqual([]);
  expect(blockedRequests).toEqual([]);
}
