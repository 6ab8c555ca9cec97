/**
 * What a reader does on the site: browse by topic and tag, switch the theme, mark papers read.
 */
import { describe, expect, test } from 'vitest';
import { waitForHeading, withPage } from '../support/browser.ts';
import { useSetups } from '../support/setups.ts';
import { papersJson } from '../support/site.ts';

const setups = useSetups();
const fromDisk = setups.find((s) => s.name === 'opened from disk')!;

describe.each(setups.map((s) => [s.name, s] as const))('browsing the site %s', (_name, setup) => {
  test('home → topic → paper → tag → paper, then back', async () => {
    await withPage(setup.open, async ({ page, consoleErrors, blockedRequests }) => {
      const { topics } = papersJson();
      await page.goto(setup.url('index.html'));
      await page.locator('.card-grid a', { hasText: topics[0]!.name }).first().click();
      await waitForHeading(page, topics[0]!.name);
      const paperLink = page.locator('.paper-list .paper-link').first();
      const paperTitle = (await paperLink.textContent())!;
      await paperLink.click();
      await waitForHeading(page, paperTitle);
      expect(await page.locator('.breadcrumbs').textContent()).toContain(topics[0]!.name);
      const tag = page.locator('.paper-header .tag').first();
      const tagName = (await tag.textContent())!;
      await tag.click();
      await waitForHeading(page, `Tag: ${tagName}`);
      const items = await page.locator('.paper-list .paper-link').allTextContents();
      expect(items).toContain(paperTitle);
      await page.locator('.paper-list .paper-link', { hasText: paperTitle }).first().click();
      await waitForHeading(page, paperTitle);
      await page.goBack();
      await waitForHeading(page, `Tag: ${tagName}`);
      expect(consoleErrors).toEqual([]);
      expect(blockedRequests).toEqual([]);
    });
  });
});

describe('browser-side features, from disk', () => {
  test('the theme choice applies at once and is kept across pages', async () => {
    await withPage(fromDisk.open, async ({ page }) => {
      await page.goto(fromDisk.url('index.html'));
      const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const light = await background();
      await page.selectOption('#theme-select', 'dark');
      expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
      const dark = await background();
      expect(dark).not.toBe(light);
      await page.goto(fromDisk.url('tags/index.html'));
      // Set before first paint by the inline script in <head>, not after load.
      expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
      expect(await background()).toBe(dark);
      expect(await page.inputValue('#theme-select')).toBe('dark');
      await page.selectOption('#theme-select', 'auto');
      expect(await page.getAttribute('html', 'data-theme')).toBeNull();
    });
  });

  test('marking a paper read shows on its page and in the lists', async () => {
    await withPage(fromDisk.open, async ({ page }) => {
      const paper = papersJson().papers.find((p) => p.topic)!;
      await page.goto(fromDisk.url(paper.url));
      const toggle = page.locator('[data-read-toggle]');
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');
      await toggle.click();
      expect(await toggle.getAttribute('aria-pressed')).toBe('true');
      const topic = papersJson().topics.find((t) => t.name === paper.topic)!;
      await page.goto(fromDisk.url(topic.url));
      const item = page.locator(`li[data-paper-id="${paper.id}"]`);
      if ((await item.count()) > 0) {
        expect(await item.getAttribute('class')).toContain('is-read');
        expect(await item.locator('.read-badge').isVisible()).toBe(true);
      }
      // Only that paper: every other item's badge stays hidden.
      expect(await page.locator('.read-badge:visible').count()).toBe((await item.count()) > 0 ? 1 : 0);
      await page.goto(fromDisk.url(paper.url));
      await page.locator('[data-read-toggle]').click();
      expect(await page.locator('[data-read-toggle]').getAttribute('aria-pressed')).toBe('false');
    });
  });
});
