import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, withPage } from '../support/browser.ts';
import { pageTypesOf } from '../support/page-types.ts';
import { papersJson, siteDir } from '../support/site.ts';

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
