/**
 * Shared links never break: a paper keeps its address when its title is corrected in the
 * sources, and an entry renamed by hand leaves a page at its old address that sends readers on.
 * Builds a copy of the project twice, as a user would.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { load } from 'cheerio';
import { describe, expect, test } from 'vitest';
import { launchBrowser, waitForHeading } from '../support/browser.ts';
import { build, copyProject, ingest } from '../support/project-copy.ts';

const heading = (dir: string, page: string) => load(readFileSync(join(dir, 'dist', page), 'utf8'))('h1').text();

describe('permalinks across rebuilds', () => {
  test('a corrected title keeps the old address, and a renamed entry redirects from it', async () => {
    const dir = copyProject('permalinks');
    ingest(dir); // the entries as they were when the link was shared
    const source = join(dir, 'content', 'sources', '001_a381271d1475ca1a.txt');
    const oldTitle = 'What\'s in a Prior? Learned Proximal Networks for Inverse Problems';
    const oldPage = 'papers/whats-in-a-prior-learned-proximal-networks-for-inverse-problems.html';
    expect(readFileSync(join(dir, 'content', oldPage.replace(/\.html$/, '.md')), 'utf8')).toContain(`title: ${oldTitle}\n`);

    // The owner fixes the title in the source dump and rebuilds.
    writeFileSync(source, readFileSync(source, 'utf8').replace(oldTitle, 'Learned Proximal Networks for Inverse Problems'));
    build(dir);
    expect(heading(dir, oldPage)).toBe('Learned Proximal Networks for Inverse Problems');

    // The owner renames the entry to match the new title and rebuilds: the old address redirects.
    const papers = join(dir, 'content', 'papers');
    renameSync(join(papers, 'whats-in-a-prior-learned-proximal-networks-for-inverse-problems.md'), join(papers, 'learned-proximal-networks.md'));
    build(dir);
    expect(heading(dir, 'papers/learned-proximal-networks.html')).toBe('Learned Proximal Networks for Inverse Problems');
    // Built again with nothing changed, it does nothing.
    expect(build(dir)).toContain('build: nothing changed since the last build; dist/ is up to date');
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(join(dir, 'dist', oldPage)).href);
      await waitForHeading(page, 'Learned Proximal Networks for Inverse Problems');
      expect(page.url()).toMatch(/papers\/learned-proximal-networks\.html$/);
    } finally {
      await browser.close();
    }
  }, 480_000);
});
