import { describe, expect, test } from 'vitest';
import { papersJson } from '../support/site.ts';
import { waitForHeading } from '../support/browser.ts';
import { useSetups } from '../support/setups.ts';

const setups = useSetups();

describe.each(setups.map((s) => [s.name, s] as const))('the site %s', (_name, setup) => {
  test('home → all papers → a paper page shows that paper, with no error and no outside request', async () => {
    const { page, context, consoleErrors, blockedRequests } = await setup.open();
    try {
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
    } finally {
      await context.close();
    }
  });
});
