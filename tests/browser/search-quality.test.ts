/**
 * Issue 15: the same right answers, served or from disk, in any script. One site (a project copy
 * with the seed sources and `SEARCH_SOURCES`) answers one fixed list of queries
 * in both engines: Pagefind (served) and the offline index (opened from disk).
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { useBothEngines } from '../support/both-engines.ts';
import { build, copyProject } from '../support/project-copy.ts';
import { KINDS, KNOWN_TITLES, NONSENSE, SEARCH_SOURCES, TOPICAL, topTenOverlap } from '../support/search-queries.ts';

const site = useBothEngines(() => {
  const dir = copyProject('search-quality');
  for (const source of SEARCH_SOURCES) cpSync(source, join(dir, 'content', 'sources'), { recursive: true });
  build(dir);
  return dir;
});
const search = site.search;

const plain = (title: string) => title.normalize('NFKC');

describe('search answers alike served (Pagefind) and from disk (offline index)', () => {
  test('each engine is the one its setup should use', async () => {
    const [a, b] = await search('attention');
    expect([a.engine, b.engine]).toEqual(['pagefind', 'offline']);
  });

  test.each(NONSENSE)('nonsense %s finds nothing', async (query) => {
    for (const answer of await search(query)) {
      expect(answer.titles).toEqual([]);
      expect(answer.status).toMatch(/^No papers match/);
    }
  });

  test.each(KNOWN_TITLES)('the title “%s” finds its paper first', async (title) => {
    for (const answer of await search(title)) expect(answer.titles[0]).toBe(title);
  });

  test.each(TOPICAL)('the top 10 for “%s” share at least 8 papers (or all, when fewer)', async (query) => {
    const [a, b] = await search(query);
    expect(a.urls.length).toBeGreaterThan(0);
    expect(topTenOverlap(a.urls, b.urls)).toBeGreaterThanOrEqual(Math.min(8, a.urls.length, b.urls.length));
  });

  test.each(KINDS)('“$query” finds its papers', async ({ query, titles }) => {
    for (const answer of await search(query)) {
      const found = answer.titles.map(plain);
      for (const title of titles) expect(found).toContain(plain(title));
    }
  });

  test('excerpts show math as text: no TeX source, no formula twice', async () => {
    // Abstracts with `$67.2 \rightarrow 71.4$` and `$\ell_1$`.
    for (const query of ['matching operators cross-correlation', 'elastic GNNs']) {
      const [a, b] = await search(query);
      expect(a.titles.length * b.titles.length).toBeGreaterThan(0);
      for (const { page } of [site.served, site.disk]) {
        const excerpts = await page.locator('.search-results p').allTextContents();
        for (const text of excerpts) {
          expect(text).not.toMatch(/\\[a-zA-Z]+|\$/);
          expect(text).not.toMatch(/(\d+(?:\.\d+)?\s*→\s*\d+(?:\.\d+)?)\s*\1/);
        }
      }
    }
  });

  test('excerpts show the paper’s title and abstract, not the topic, tags and lemmas indexed after them', async () => {
    // tests/fixtures/search-sources/inflections.txt: the abstract, in the words as written.
    const title = 'Accelerating Ice Loss from Antarctic Ice Shelves';
    const paper = readFileSync('tests/fixtures/search-sources/inflections.txt', 'utf8').split('\n').slice(0, 2).join(' ');
    for (const query of ['ice shelf melt', 'shelf melt']) {
      await search(query);
      for (const { page } of [site.served, site.disk]) {
        const row = page.locator('.search-results > li', { has: page.locator('.result-title', { hasText: title }) });
        const excerpt = (await row.locator('p').textContent())!.replace(/…/g, '').replace(/\s+/g, ' ').trim();
        expect(excerpt.length).toBeGreaterThan(0);
        expect(paper).toContain(excerpt);
      }
    }
  });

  test('a tag filter narrows the results, with counts, and stays in the address', async () => {
    for (const watched of [site.served, site.disk]) {
      const { page } = watched;
      await page.goto(site.searchUrl(watched, '?q=graph'));
      const facet = page.locator('[data-search-filters] fieldset[data-facet="tag"] label').first();
      await facet.waitFor();
      const tag = (await facet.locator('span').first().textContent())!;
      const count = Number(await facet.locator('.count').textContent());
      await facet.locator('input').check();
      await page.waitForFunction((n) => document.querySelector('[data-search-status]')?.textContent?.startsWith(`${n} `), count);
      expect(new URL(page.url()).searchParams.getAll('tag')).toEqual([tag]);
      expect(new URL(page.url()).searchParams.get('q')).toBe('graph');
    }
    expect(site.served.consoleErrors).toEqual([]);
    expect(site.disk.consoleErrors).toEqual([]);
  });
});
