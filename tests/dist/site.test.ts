import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { brokenLinks } from '../../scripts/check-links.ts';
import { PAGEFIND_SHARDS_FILE, type PagefindShards } from '../../src/core/pagefind-format.ts';
import { htmlFiles, papersJson, readPage, siteDir } from '../support/site.ts';

describe('the built seed site', () => {
  test('has one page per paper, listed in papers.json', () => {
    const { papers } = papersJson();
    expect(papers).toHaveLength(527);
    const pages = htmlFiles().filter((f) => f.startsWith('papers/') && !f.startsWith('papers/page/') && f !== 'papers/index.html');
    expect(pages.sort()).toEqual(papers.map((p) => p.url).sort());
  });

  test('has the pages SPEC.md names', () => {
    for (const page of ['index.html', '404.html', 'tags/index.html', 'topics/index.html', 'search/index.html', 'papers/index.html']) {
      expect(existsSync(join(siteDir(), page)), page).toBe(true);
    }
  });

  test('papers.json entries have the SPEC.md fields, with relative URLs', () => {
    const paper = papersJson().papers.find((p) => p.sources.length > 1)!;
    expect(Object.keys(paper)).toEqual(['id', 'slug', 'url', 'title', 'derivedTitle', 'abstract', 'topic', 'tags', 'sources']);
    expect(paper.url).toBe(`papers/${paper.slug}.html`);
    expect(paper.sources[0]).toEqual({ file: expect.stringMatching(/^content\/sources\/.+\.txt$/), line: expect.any(Number) });
  });

  test('a paper page shows its title and abstract', () => {
    const paper = papersJson().papers[0]!;
    const $ = readPage(paper.url);
    expect($('h1').text()).toBe(paper.title);
    expect($('.paper .abstract').text()).toContain(paper.abstract.slice(0, 60));
  });

  test('every paper page is at most 15 kB of gzipped HTML and loads no script but the site’s own', () => {
    for (const paper of papersJson().papers) {
      const html = readFileSync(join(siteDir(), paper.url));
      expect(gzipSync(html, { level: 9 }).length, paper.url).toBeLessThanOrEqual(15 * 1024);
      const $ = readPage(paper.url);
      const scripts = $('script').map((_, el) => $(el).attr('src') ?? $(el).attr('type') ?? 'inline').get();
      expect(scripts.filter((s) => s !== 'application/ld+json')).toEqual(['inline', '../assets/site.js']);
    }
  });

  test('has a Pagefind index covering every paper', () => {
    // Sharded (issue 18): every shard's entry is listed with the shards; together they count every paper.
    const { shards, entries } = JSON.parse(readFileSync(join(siteDir(), PAGEFIND_SHARDS_FILE), 'utf8')) as PagefindShards;
    const pages = shards.flatMap((folder) => Object.values(entries[folder]!.languages)).reduce((n, l) => n + l.page_count, 0);
    expect(pages).toBe(527);
    const first = JSON.parse(readFileSync(join(siteDir(), 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(first).toMatchObject({ languages: entries[shards[0]!]!.languages });
  });

  test('every internal href and src is relative and names an existing file', () => {
    expect(brokenLinks(siteDir())).toEqual([]);
  });
});
