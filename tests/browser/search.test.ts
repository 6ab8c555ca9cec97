import { describe, expect, test } from 'vitest';
import { waitForHeading, withPage } from '../support/browser.ts';
import { useSetups } from '../support/setups.ts';

const setups = useSetups();
const KNOWN = { query: 'trellis networks', title: 'Trellis Networks for Sequence Modeling' };

describe.each(setups.map((s) => [s.name, s] as const))('search on the site %s', (_name, setup) => {
  test('the header box shows results as you type and opens one with the keyboard', async () => {
    await withPage(setup.open, async ({ page, consoleErrors, blockedRequests }) => {
      await page.goto(setup.url('index.html'));
      await page.keyboard.press('/');
      await page.keyboard.type(KNOWN.query, { delay: 20 });
      const option = page.getByRole('option', { name: new RegExp(KNOWN.title) });
      await option.waitFor();
      const options = await page.getByRole('option').allTextContents();
      const index = options.findIndex((t) => t.includes(KNOWN.title));
      for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await waitForHeading(page, KNOWN.title);
      expect(consoleErrors).toEqual([]);
      expect(blockedRequests).toEqual([]);
    });
  });

  test('a topic filter narrows the results to that topic', async () => {
    await withPage(setup.open, async ({ page, consoleErrors }) => {
      await page.goto(setup.url('search/index.html?q=graph'));
      // The first result may show before the others and the count (pagefind-backend.ts).
      await page.waitForFunction(() => /papers? match/.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
      const status = page.locator('[data-search-status]');
      const total = Number((await status.textContent())!.match(/^(\d+)/)![1]);
      const facet = page.locator('[data-search-filters] label').first();
      const topic = (await facet.locator('span').first().textContent())!;
      const count = Number(await facet.locator('.count').textContent());
      expect(count).toBeLessThan(total);
      await facet.locator('input').check();
      await page.waitForFunction((n) => document.querySelector('[data-search-status]')?.textContent?.startsWith(`${n} `), count);
      const shown = await page.locator('.search-results > li .muted').allTextContents();
      expect(shown.length).toBeGreaterThan(0);
      for (const label of shown) expect(label).toBe(` · ${topic}`);
      expect(consoleErrors).toEqual([]);
    });
  });

  test('Back undoes a filter (its results and its ticked box), and Forward applies it again', async () => {
    await withPage(setup.open, async ({ page, consoleErrors }) => {
      await page.goto(setup.url('index.html'));
      await page.goto(setup.url('search/index.html?q=graph'));
      const statusText = () => page.locator('[data-search-status]').textContent();
      await page.waitForFunction(() => /papers? match/.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
      const unfiltered = await statusText();
      const facet = page.locator('[data-search-filters] label').first();
      const count = Number(await facet.locator('.count').textContent());
      await facet.locator('input').check();
      await page.waitForFunction((n) => document.querySelector('[data-search-status]')?.textContent?.startsWith(`${n} `), count);
      expect(page.url()).toContain('topic=');
      await page.goBack();
      // Back stays on the search page, without the filter: as the reader was before they ticked it.
      await page.waitForFunction((text) => document.querySelector('[data-search-status]')?.textContent === text, unfiltered);
      expect(page.url()).toMatch(/search\/index\.html\?q=graph$/);
      // The filters are drawn again after the results (ui.ts: counting waits for a paint).
      await page.waitForFunction(() => document.querySelectorAll('[data-search-filters] input').length > 0 && document.querySelectorAll('[data-search-filters] input:checked').length === 0);
      await page.goForward();
      await page.waitForFunction((n) => document.querySelector('[data-search-status]')?.textContent?.startsWith(`${n} `), count);
      await page.waitForFunction(() => document.querySelectorAll('[data-search-filters] input:checked').length === 1);
      expect(consoleErrors).toEqual([]);
    });
  });

  test('search/?q= shows results on load, with highlighted excerpts', async () => {
    await withPage(setup.open, async ({ page, consoleErrors, blockedRequests }) => {
      await page.goto(setup.url(`search/index.html?q=${encodeURIComponent(KNOWN.query)}`));
      await page.locator('.search-results .result-title', { hasText: KNOWN.title }).waitFor();
      expect(await page.locator('[data-search-status]').textContent()).toMatch(/papers? match/);
      expect(await page.locator('.search-results mark').count()).toBeGreaterThan(0);
      expect(await page.locator('html').getAttribute('data-search-engine')).toBe(setup.name === 'opened from disk' ? 'offline' : 'pagefind');
      expect(consoleErrors).toEqual([]);
      expect(blockedRequests).toEqual([]);
    });
  });

  test('on a 360 px phone the first result shows without scrolling, the filters after the results', async () => {
    await withPage(setup.open, async ({ page, consoleErrors }) => {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(setup.url('search/index.html?q=learning'));
      const first = page.locator('.search-results .result-title').first();
      await first.waitFor();
      await page.locator('[data-search-filters] fieldset').first().waitFor();
      const result = (await first.boundingBox())!;
      const filters = (await page.locator('[data-search-filters]').boundingBox())!;
      expect(result.y + result.height).toBeLessThanOrEqual(740);
      expect(filters.y).toBeGreaterThan(result.y);
      expect(consoleErrors).toEqual([]);
    });
  });
});


describe.each(setups.filter((s) => s.name !== 'opened from disk').map((s) => [s.name, s] as const))('the search page %s', (_name, setup) => {
  // Each index chunk asked for only once Pagefind's WebAssembly runs is a round trip more before the
  // first result. `layers` and `determined` end past a chunk boundary of the seed site whose
  // chunk ends with their stem (`layer`, `determin`), and a chunk past the stem's begins with it.
  test('asks for every index chunk a query needs as it opens (preloads), none later', async () => {
    for (const query of ['layers', 'determined', 'learning']) {
      await withPage(setup.open, async ({ page, consoleErrors }) => {
        await page.goto(setup.url(`search/index.html?q=${query}`));
        await page.waitForFunction(() => /papers? match/.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
        const chunks = await page.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .filter((e) => e.name.endsWith('.pf_index'))
            .map((e) => ({ file: e.name.slice(e.name.lastIndexOf('/') + 1), by: (e as PerformanceResourceTiming).initiatorType })),
        );
        expect(chunks.length, query).toBeGreaterThan(0);
        expect(chunks.filter((c) => c.by !== 'link'), query).toEqual([]);
        expect(consoleErrors).toEqual([]);
      });
    }
  });

  // The page holds every shard's entry (the shard list), so Pagefind's request for it is answered
  // without the network: one request fewer per shard before the first result.
  test('answers Pagefind’s entry from the shard list it holds, and finds the known title first', async () => {
    await withPage(setup.open, async ({ page, consoleErrors }) => {
      const asked: string[] = [];
      page.on('request', (request) => asked.push(new URL(request.url()).pathname));
      await page.goto(setup.url(`search/index.html?q=${encodeURIComponent(KNOWN.query)}`));
      await page.waitForFunction(() => /papers? match/.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
      expect(await page.locator('.search-results .result-title').first().textContent()).toBe(KNOWN.title);
      expect(await page.locator('html').getAttribute('data-search-engine')).toBe('pagefind');
      expect(asked.filter((path) => path.endsWith('/pagefind-entry.json'))).toEqual([]);
      expect(asked.filter((path) => path.endsWith('.pf_meta')).length).toBeGreaterThan(0);
      expect(consoleErrors).toEqual([]);
    });
  });
});
