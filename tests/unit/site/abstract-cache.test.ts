/** Rendered abstracts come from a cache keyed by their Markdown, which the build fills and prunes. */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp-dir.ts';
import { entryBody } from '../../../src/core/entry-file.ts';
import { abstractHtml, abstractKey, renderAbstract } from '../../../src/site/markdown/abstract-html.ts';
import { warmAbstractCache } from '../../../src/site/markdown/warm-abstract-cache.ts';

const entry = (title: string, body: string) => `---\nid: x\ntitle: ${title}\n---\n\n${body}\n`;

describe('abstract cache', () => {
  it('renders once, then serves the cached file', async () => {
    const dir = join(tempDir('abstracts-'), 'current');
    const markdown = 'The loss is $x^2$ and <b>not bold</b>.';
    const html = await abstractHtml(markdown, dir);
    expect(html).toBe(await renderAbstract(markdown));
    expect(html).toContain('class="katex"');
    expect(html).toContain('&#x3C;b>not bold&#x3C;/b>');
    // What is in the cache is what a page gets: proof that the second call did not render.
    writeFileSync(join(dir, `${abstractKey(markdown)}.html`), '<p>from the cache</p>');
    expect(await abstractHtml(markdown, dir)).toBe('<p>from the cache</p>');
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
    expect(readFileSync(join(cache, `${abstractKey('First abstract.\n')}.html`), 'utf8')).toBe(await renderAbstract('First abstract.\n'));

    expect(await warmAbstractCache(papers.map(entryBody), cache)).toEqual({ rendered: 0, cached: 2 });
  });
});
