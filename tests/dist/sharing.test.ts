/** The test build has SITE_URL=https://papershelf-demo.github.io/reading-list/ (tests/support/build-site.ts). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { inject } from 'vitest';
import { describe, expect, test } from 'vitest';
import { plainText } from '../../src/core/summarize.ts';
import { titlePlainText } from '../../src/core/title-math.ts';
import { htmlFiles, papersJson, readPage, siteDir } from '../support/site.ts';

const site = inject('siteUrl');

function pngSize(path: string): { width: number; height: number } {
  const png = readFileSync(path);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('link previews and addresses with SITE_URL set', () => {
  const data = papersJson();

  test('every paper page has absolute canonical and og:url under SITE_URL, and an existing 1200×630 og:image', () => {
    for (const paper of data.papers) {
      const $ = readPage(paper.url);
      const url = `${site}${paper.url}`;
      expect($('link[rel="canonical"]').attr('href')).toBe(url);
      expect($('meta[property="og:url"]').attr('content')).toBe(url);
      // Titles are stored with their math as TeX; previews read it as text (E = mc²).
      expect($('meta[property="og:title"]').attr('content')).toBe(titlePlainText(paper.title));
      expect($('meta[property="og:type"]').attr('content')).toBe('article');
      const image = $('meta[property="og:image"]').attr('content')!;
      expect(image.startsWith(`${site}og/`)).toBe(true);
      expect(pngSize(join(siteDir(), image.slice(site.length)))).toEqual({ width: 1200, height: 630 });
      expect($('meta[property="og:image:alt"]').attr('content')).toBeTruthy();
      expect($('meta[name="twitter:card"]').attr('content')).toBe('summary_large_image');
    }
  });

  test('og:description is whole sentences of plain text, without LaTeX or markup', () => {
    for (const paper of data.papers) {
      const description = readPage(paper.url)('meta[property="og:description"]').attr('content')!;
      expect(description.length).toBeGreaterThan(20);
      expect(description.length).toBeLessThanOrEqual(200);
      expect(description).not.toMatch(/\\[a-zA-Z]|<|\]\(|\*\*/);
      // A dollar only where the abstract writes one as text (`$0.002`), never a math delimiter.
      const plain = plainText(paper.abstract);
      if (!plain.includes('$')) expect(description).not.toContain('$');
      expect(description).toMatch(/[.!?…]$/);
      // Whole sentences from the start: a period inside one (`e.g.,`, `93.5%`) ends none.
      expect(plain.startsWith(description.replace(/…$/, '').slice(0, 40)), `${paper.url}: ${description}`).toBe(true);
    }
  });

  test('JSON-LD parses, describes the paper, and cannot be closed early by a title', () => {
    for (const paper of data.papers) {
      const $ = readPage(paper.url);
      const blocks = $('script[type="application/ld+json"]').map((_, s) => JSON.parse($(s).html()!)).get();
      expect(blocks.map((b) => b['@type'])).toEqual(['ScholarlyArticle', 'BreadcrumbList']);
      expect(blocks[0].name).toBe(titlePlainText(paper.title));
      expect(blocks[0].url).toBe(`${site}${paper.url}`);
      expect($('script[type="application/ld+json"]').html()).not.toContain('<');
    }
  });

  test('the sitemap is valid XML listing every paper page under SITE_URL', () => {
    const xml = readFileSync(join(siteDir(), 'sitemap.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const locs = new Set(new XMLParser().parse(xml).urlset.url.map((u: { loc: string }) => u.loc));
    for (const paper of data.papers) expect(locs.has(`${site}${paper.url}`), paper.url).toBe(true);
    expect(locs.has(`${site}404.html`)).toBe(false);
  });

  test('the RSS feed is valid XML with absolute links', () => {
    const xml = readFileSync(join(siteDir(), 'rss.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const items = new XMLParser().parse(xml).rss.channel.item;
    expect(items.length).toBeGreaterThan(100);
    for (const item of items) expect(item.link.startsWith(`${site}papers/`)).toBe(true);
  });

  test('home, tag and topic pages have their own card', () => {
    for (const page of ['index.html', data.tags[0]!.url, data.topics[0]!.url]) {
      const image = readPage(page)('meta[property="og:image"]').attr('content')!;
      expect(existsSync(join(siteDir(), image.slice(site.length))), page).toBe(true);
    }
  });

  test('no page but the canonical-bearing ones links outside the site', () => {
    const outside: string[] = [];
    for (const page of htmlFiles()) {
      const $ = readPage(page);
      $('link[href^="http"], script[src^="http"], img[src^="http"]').each((_, el) => {
        if (!$(el).is('link[rel="canonical"]')) outside.push(`${page}: ${$(el).attr('href') ?? $(el).attr('src')}`);
      });
    }
    expect(outside).toEqual([]);
  });
});
