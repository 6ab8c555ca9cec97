/**
 * Issue 17 from a reader's side: a site built from the reference-export fixture (BibTeX, RIS and CSL-JSON,
 * tests/fixtures/reference-exports) opened from disk shows each paper's metadata and links, and its
 * "Cite" box copies BibTeX that parses back (citation-js) to the paper's metadata.
 */
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SourcePath } from '../../src/core/issue.ts';
import { cleanTitle } from '../../src/ingest/clean-text.ts';
import { importBibtex } from '../../src/ingest/import/bibtex.ts';
import type { PapersJson } from '../../src/publish/papers-json.ts';
import { launchBrowser, openWatchedPage, withPage } from '../support/browser.ts';
import { build, copyProject } from '../support/project-copy.ts';

const FIXTURE = 'tests/fixtures/reference-exports';
let dir: string;
let browser: Browser;
/** A page opened from disk, watched for errors and outside requests. */
const fromDisk = () => openWatchedPage(browser, 'file');
let papers: PapersJson['papers'];
const fileUrl = (path: string) => pathToFileURL(join(dir, 'dist', path)).href;

beforeAll(async () => {
  dir = copyProject('cite');
  const sources = join(dir, 'content', 'sources');
  for (const name of readdirSync(sources)) rmSync(join(sources, name));
  for (const name of ['library.bib', 'library.ris', 'library.json']) cpSync(join(FIXTURE, name), join(sources, name));
  build(dir);
  papers = (JSON.parse(readFileSync(join(dir, 'dist', 'papers.json'), 'utf8')) as PapersJson).papers;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('a paper page opened from disk', () => {
  test('"Copy BibTeX" puts BibTeX on the clipboard that parses back to the paper’s metadata', async () => {
    const paper = papers.find((p) => p.ids?.doi && p.authors?.some((a) => /[^\x00-\x7f]/.test(a)))!;
    await withPage(fromDisk, async ({ page, consoleErrors, blockedRequests }) => {
      await page.goto(fileUrl(paper.url));
      await page.getByText('Cite', { exact: true }).click();
      await expect.poll(() => page.locator('[data-cite-reference]').textContent()).toContain(`(${paper.year}).`);
      await page.getByRole('button', { name: 'Copy BibTeX' }).click();
      await expect.poll(() => page.locator('[data-cite-status]').textContent()).toBe('BibTeX copied.');
      // Paste into a field of the page: what a reader gets in their reference manager.
      await page.evaluate(() => document.body.append(Object.assign(document.createElement('textarea'), { id: 'paste-here' })));
      await page.locator('#paste-here').focus();
      await page.keyboard.press('Control+V');
      const pasted = await page.locator('#paste-here').inputValue();
      const { records, issues } = importBibtex(pasted, 'pasted.bib' as SourcePath);
      expect(issues).toEqual([]);
      expect(records).toHaveLength(1);
      const back = records[0]!;
      expect({ title: cleanTitle(back.title!.text), ...back.meta }).toEqual({ title: paper.title, authors: paper.authors, year: paper.year, venue: paper.venue, ids: paper.ids });
      expect(consoleErrors).toEqual([]);
      expect(blockedRequests).toEqual([]);
    });
  });

  test('shows authors, year and venue, and links the paper itself with absolute URLs', async () => {
    const paper = papers.find((p) => p.ids?.arxiv)!;
    await withPage(fromDisk, async ({ page }) => {
      await page.goto(fileUrl(paper.url));
      await expect.poll(() => page.locator('.paper-authors').textContent()).toBe(paper.authors!.join(', '));
      const hrefs = await page.locator('.paper-links a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual([`https://arxiv.org/abs/${paper.ids!.arxiv}`, `https://arxiv.org/pdf/${paper.ids!.arxiv}`]);
      const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent())!) as Record<string, unknown>;
      expect(jsonLd).toMatchObject({ author: paper.authors!.map((name) => ({ '@type': 'Person', name })), datePublished: String(paper.year), sameAs: hrefs });
    });
  });

  test('a paper without abstract, id or link says so and offers to find it by title', async () => {
    const paper = papers.find((p) => !p.links)!;
    expect(paper.abstract).toBe('');
    await withPage(fromDisk, async ({ page }) => {
      await page.goto(fileUrl(paper.url));
      await expect.poll(() => page.locator('.abstract').textContent()).toContain('no abstract');
      const hrefs = await page.locator('.find-paper a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      const q = encodeURIComponent(paper.title);
      expect(hrefs).toEqual([
        `https://scholar.google.com/scholar?q=${q}`,
        `https://www.semanticscholar.org/search?q=${q}`,
        `https://arxiv.org/search/?query=${q}&searchtype=title`,
        `https://pubmed.ncbi.nlm.nih.gov/?term=${q}`,
      ]);
    });
  });
});

test('dist/papers.bib holds every paper once', () => {
  const text = readFileSync(join(dir, 'dist', 'papers.bib'), 'utf8');
  const { records, issues } = importBibtex(text, 'papers.bib' as SourcePath);
  expect(issues).toEqual([]);
  expect(records.map((r) => cleanTitle(r.title!.text)).sort()).toEqual(papers.map((p) => p.title).sort());
});
