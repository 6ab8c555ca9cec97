import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, withPage } from '../support/browser.ts';
import { pageTypesOf } from '../support/page-types.ts';
import { titlePlainText } from '../../src/core/title-math.ts';
import { htmlFiles, papersJson, siteDir } from '../support/site.ts';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

interface AxeViolation {
  id: string;
  impact: string;
  nodes: Array<{ target: string[] }>;
}

describe.each(['light', 'dark'] as const)('axe-core in the %s theme', (scheme) => {
  test.each(Object.entries(pageTypesOf(papersJson())))('finds no violation on the %s page', async (_type, path) => {
    const open = async () => {
      const context = await browser.newContext({ colorScheme: scheme });
      return { context, page: await context.newPage() };
    };
    await withPage(open, async ({ page }) => {
      await page.goto(pathToFileURL(join(siteDir(), path)).href);
      await page.addScriptTag({ path: axePath });
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }).axe.run();
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      });
      expect(violations).toEqual([]);
    });
  });
});

describe('a link to a paper whose title has math', () => {
  test('is named by the whole title read as text (lists, related papers, previous and next)', async () => {
    const withMath = papersJson().papers.filter((p) => p.title.includes('$'));
    expect(withMath.length).toBeGreaterThan(0);
    const files = htmlFiles();
    let checked = 0;
    for (const paper of withMath) {
      const target = `${paper.slug}.html"`;
      const linking = files.filter((f) => !f.endsWith(paper.url) && readFileSync(join(siteDir(), f), 'utf8').includes(target)).slice(0, 4);
      for (const file of linking) {
        const page = await browser.newPage();
        await page.goto(pathToFileURL(join(siteDir(), file)).href);
        const links = await page.locator(`a[href$="/${paper.slug}.html"]`).count();
        expect(await page.getByRole('link', { name: titlePlainText(paper.title) }).count(), `${file} → ${paper.url}`).toBe(links);
        checked += links;
        await page.close();
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
