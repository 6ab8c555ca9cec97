/**
 * Titles of every kind on a 360 px phone (issue 14): no page scrolls sideways, whatever a title, abstract or tag
 * holds (a word of 90 letters, a URL, a long formula), and a title that is a formula is typeset by KaTeX in the
 * heading while the tab title reads it as text (`E = mc²`, never `E = mc2`).
 * A small site of its own, built from a copy of the project with these sources only.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, openWatchedPage, withPage } from '../support/browser.ts';
import { build, copyProjectWithSources } from '../support/project-copy.ts';

const LONG_WORD = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(2);
const LONG_URL = `https://example.org/${'very-long-path-segment/'.repeat(6)}index.html`;
const LONG_FORMULA = Array.from({ length: 40 }, (_, i) => `x_{${i + 1}}`).join(' + ');

const SOURCE = [
  '$E = mc^2$',
  'We revisit the mass-energy relation with a model trained on simulated particle collisions and ask whether the model rediscovers it from data.',
  `${LONG_WORD} Detection with Convolutional Networks`,
  `We detect ${LONG_WORD} in lung scans with convolutional networks and release the code at ${LONG_URL} for others to reuse and extend.`,
  `Summation Bounds for $${LONG_FORMULA}$ on Accelerators`,
  `We bound the error of the sum $$${LONG_FORMULA}$$ computed in floating point on accelerators and compare pairwise with Kahan summation.`,
  `Reading ${LONG_URL} Without Breaking Lines`,
  'We study how browsers break long addresses in headings and propose a layout that never scrolls sideways on small phone screens.',
  '',
].join('\n');

const VIEWPORT = { width: 360, height: 740 };

let dir: string;
let browser: Browser;
/** A page opened from disk, watched for errors and outside requests. */
const fromDisk = () => openWatchedPage(browser, 'file');

beforeAll(() => {
  dir = copyProjectWithSources('narrow', (sources) => writeFileSync(join(sources, 'narrow.txt'), SOURCE));
  build(dir);
}, 300_000);

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const pagesToCheck = () => {
  const papers = readdirSync(join(dir, 'dist', 'papers')).filter((f) => f.endsWith('.html') && f !== 'index.html');
  const tags = readdirSync(join(dir, 'dist', 'tags')).filter((f) => f.endsWith('.html')).slice(0, 5);
  return [...papers.map((f) => `papers/${f}`), 'papers/index.html', ...tags.map((f) => `tags/${f}`), 'index.html'];
};

describe('a title that is a formula on text-only surfaces', () => {
  test('<title>, Open Graph, JSON-LD, feed and the search indexes read E = mc², never E = mc2 or TeX', () => {
    const file = readdirSync(join(dir, 'dist', 'papers')).find((f) => f.startsWith('e-mc'))!;
    const html = readFileSync(join(dir, 'dist', 'papers', file), 'utf8');
    expect(html).toContain('<title>E = mc² · Papershelf</title>');
    expect(html).toContain('<meta property="og:title" content="E = mc²">');
    expect(html).toContain('"headline":"E = mc²"');
    const feed = readFileSync(join(dir, 'dist', 'rss.xml'), 'utf8');
    expect(feed).toContain('<title>E = mc²</title>');
    const offline = readdirSync(join(dir, 'dist', 'offline-search')).filter((f) => f.startsWith('docs-'));
    const docs = offline.map((f) => readFileSync(join(dir, 'dist', 'offline-search', f), 'utf8')).join('');
    expect(docs).toContain('"E = mc²"');
    // The TeX source may stay where TeX is at home: KaTeX's annotation and the Cite box's BibTeX.
    const shown = html.replace(/<annotation[^>]*>[^<]*<\/annotation>/g, '').replace(/<details class="cite"[\s\S]*?<\/details>/g, '');
    for (const text of [shown, feed, docs]) {
      expect(text).not.toMatch(/E = mc2\b|\$E = mc\^2\$/);
    }
  });
});

describe('a 360 px wide phone', () => {
  test('no page scrolls sideways', async () => {
    const pages = pagesToCheck();
    expect(pages.filter((p) => p.startsWith('papers/') && p !== 'papers/index.html')).toHaveLength(4);
    await withPage(fromDisk, async ({ page }) => {
      await page.setViewportSize(VIEWPORT);
      const wide: string[] = [];
      for (const path of pages) {
        await page.goto(pathToFileURL(join(dir, 'dist', path)).href);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > VIEWPORT.width) wide.push(`${path}: ${width} px`);
      }
      expect(wide).toEqual([]);
    });
  });

  test('a formula title is typeset in the heading and read as text in the tab title', async () => {
    await withPage(fromDisk, async ({ page, consoleErrors }) => {
      await page.setViewportSize(VIEWPORT);
      const file = readdirSync(join(dir, 'dist', 'papers')).find((f) => f.startsWith('e-mc'))!;
      await page.goto(pathToFileURL(join(dir, 'dist', 'papers', file)).href);
      expect(await page.title()).toBe('E = mc² · Papershelf');
      expect(await page.locator('h1 .katex-html').count()).toBe(1);
      expect(await page.locator('.katex-error, .math-source').count()).toBe(0);
      // KaTeX's stylesheet is loaded: the superscript is raised, not on the baseline.
      const raised = await page.evaluate(() => {
        const c = [...document.querySelectorAll('h1 .katex-html .mord')].find((e) => e.textContent === 'c')!;
        const two = [...document.querySelectorAll('h1 .katex-html .mord')].find((e) => e.textContent === '2')!;
        return two.getBoundingClientRect().bottom < c.getBoundingClientRect().bottom - 2;
      });
      expect(raised).toBe(true);
      expect(consoleErrors).toEqual([]);
    });
  });
});
