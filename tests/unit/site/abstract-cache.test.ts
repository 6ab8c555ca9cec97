/** Rendered abstracts come from a cache keyed by their Markdown, which the build fills and prunes. */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp-dir.ts';
import { entryBody } from '../../../src/core/entry-file.ts';
import { abstractKey, cachedAbstract, renderAbstract, renderAbstractParts } from '../../../src/site/markdown/abstract-html.ts';
import { warmAbstractCache } from '../../../src/site/markdown/warm-abstract-cache.ts';

const entry = (title: string, body: string) => `---\nid: x\ntitle: ${title}\n---\n\n${body}\n`;

describe('abstract cache', () => {
  it('renders once, then serves the cached file', async () => {
    const dir = join(tempDir('abstracts-'), 'current');
    const markdown = 'The loss is $x^2$ and <b>not bold</b>.';
    const { html, plain, summary } = await cachedAbstract(markdown, dir);
    expect(html).toBe(await renderAbstract(markdown));
    expect(html).toContain('class="katex"');
    expect(html).toContain('&#x3C;b>not bold&#x3C;/b>');
    // The plain text reads the math as text and keeps the markup as the reader sees it (core/summarize.ts).
    expect(plain).toBe('The loss is x² and <b>not bold</b>.');
    expect(summary).toBe(plain);
    // What is in the cache is what a page gets: proof that the second call did not render.
    const cached = { html: '<p>from the cache</p>', plain: 'from the cache', summary: 'from the cache' };
    writeFileSync(join(dir, `${abstractKey(markdown)}.html`), JSON.stringify(cached));
    expect(await cachedAbstract(markdown, dir)).toEqual(cached);
  });

  it('summarizes whole sentences, and an empty body as nothing (the page then describes the paper by its title)', async () => {
    const long = `First sentence of the abstract. ${'Second sentence goes on and on. '.repeat(8)}`;
    expect((await renderAbstractParts(long)).summary).toBe('First sentence of the abstract. Second sentence goes on and on. Second sentence goes on and on. Second sentence goes on and on. Second sentence goes on and on. Second sentence goes on and on.');
    expect(await renderAbstractParts('')).toEqual({ html: '', plain: '', summary: '' });
  });

  it('fills the cache for every entry, and drops files and former pipelines no entry uses', async () => {
    const root = tempDir('abstracts-');
    const papers = [
      entry('A', 'First abstract.'),
      entry('B', 'Second abstract, with $y$.'),
      entry('C', 'First abstract.'), // same body as A's: one file
    ];
    const cache = join(root, 'cache', 'current');
    mkdirSync(cache, { recursive: true });
    writeFileSync(join(cache, 'stale.html'), 'old');
    mkdirSync(join(root, 'cache', 'former-pipeline'));

    expect(await warmAbstractCache(papers.map(entryBody), cache)).toEqual({ rendered: 2, cached: 0 });
    expect(readdirSync(join(root, 'cache'))).toEqual(['current']);
    const files = readdirSync(cache).sort();
    expect(files).toEqual([`${abstractKey('First abstract.\n')}.html`, `${abstractKey('Second abstract, with $y$.\n')}.html`].sort());
    expect(JSON.parse(readFileSync(join(cache, `${abstractKey('First abstract.\n')}.html`), 'utf8'))).toEqual(await renderAbstractParts('First abstract.\n'));

    expect(await warmAbstractCache(papers.map(entryBody), cache)).toEqual({ rendered: 0, cached: 2 });
  });
});
