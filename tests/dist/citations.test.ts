/**
 * Every paper page of the seed site (whose dumps carry no ids) offers "find this paper" searches (by
 * title, or by the start of the abstract when the title was derived) and a Cite box; `papers.bib` holds the whole list and parses back with citation-js.
 */
import { titlePlainText } from '../../src/core/title-math.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { SourcePath } from '../../src/core/issue.ts';
import { cleanTitle } from '../../src/ingest/clean-text.ts';
import { importBibtex } from '../../src/ingest/import/bibtex.ts';
import { papersJson, readPage, siteDir } from '../support/site.ts';

const words = (text: string) => text.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
/** BibTeX is written in ASCII with LaTeX escapes, which folds compatibility characters (`ℓ1` → `l1`): citation-js.ts. */
const asciiBibtex = (title: string) => title.normalize('NFKD').normalize('NFC');
/** A title as a reader reads it: a Greek letter of running text comes back from BibTeX as math (`$\beta$`), read as β. */
const readTitle = (title: string) => asciiBibtex(titlePlainText(cleanTitle(title)));

describe('paper metadata and citations in the seed site', () => {
  const data = papersJson();

  test('a paper without ids or links offers searches for it on Google Scholar, Semantic Scholar, arXiv and PubMed', () => {
    const withoutLinks = data.papers.filter((p) => !p.links);
    expect(withoutLinks.some((p) => p.derivedTitle) && withoutLinks.some((p) => !p.derivedTitle)).toBe(true);
    for (const paper of withoutLinks) {
      const $ = readPage(paper.url);
      const urls = $('.find-paper a').map((_, a) => new URL($(a).attr('href')!)).get();
      expect(urls.map((u) => u.hostname), paper.url).toEqual(['scholar.google.com', 'www.semanticscholar.org', 'arxiv.org', 'pubmed.ncbi.nlm.nih.gov']);
      const queries = urls.map((u) => u.searchParams.get('q') ?? u.searchParams.get('query') ?? u.searchParams.get('term'));
      expect(new Set(queries).size, paper.url).toBe(1);
      if (paper.derivedTitle) {
        // Nobody knows a title Papershelf derived: the search is a quoted phrase the abstract begins with.
        expect(queries[0], paper.url).toMatch(/^".+"$/);
        // Math in it reads as text (`$\textit{few}$` → `few`): compared without TeX commands.
        expect(words(paper.abstract.replace(/\\[A-Za-z]+/g, ' ')).replace(/\s+/g, ' ').startsWith(words(queries[0]!)), paper.url).toBe(true);
      } else {
        expect(queries[0], paper.url).toBe(titlePlainText(paper.title));
      }
    }
  });

  test('every paper page has a Cite box with an APA reference and BibTeX of its title', () => {
    for (const paper of data.papers) {
      const $ = readPage(paper.url);
      // citeproc typesets quotes and dashes (' → ’), so the title is compared by its words.
      expect(words($('details.cite [data-cite-reference]').text()), paper.url).toContain(words(titlePlainText(paper.title)));
      const { records } = importBibtex($('[data-cite-bibtex]').text(), 'page.bib' as SourcePath);
      expect(records.map((r) => readTitle(r.title!.text)), paper.url).toEqual([readTitle(paper.title)]);
    }
  });

  test('a derived title is cited as a stand-in: bracketed in the APA reference, with a note in the BibTeX', () => {
    expect(data.papers.some((p) => p.derivedTitle)).toBe(true);
    for (const paper of data.papers) {
      const $ = readPage(paper.url);
      const reference = $('details.cite [data-cite-reference]').text();
      const note = /^\s*note = \{[^}]*derived from the abstract/m.test($('[data-cite-bibtex]').text());
      // A title of its own may hold brackets (MEDLINE brackets a translated title).
      expect({ bracketed: reference.includes('['), note }, paper.url).toEqual({ bracketed: paper.derivedTitle || paper.title.includes('['), note: paper.derivedTitle });
    }
    const bib = readFileSync(join(siteDir(), 'papers.bib'), 'utf8');
    expect(bib.match(/^\s*note = \{[^}]*derived from the abstract/gm)?.length ?? 0).toBe(data.papers.filter((p) => p.derivedTitle).length);
  });

  test('papers.bib lists every paper once, with unique keys', () => {
    const text = readFileSync(join(siteDir(), 'papers.bib'), 'utf8');
    const keys = [...text.matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1]);
    expect(new Set(keys).size).toBe(data.papers.length);
    const { records, issues } = importBibtex(text, 'papers.bib' as SourcePath);
    expect(issues).toEqual([]);
    expect(records.map((r) => readTitle(r.title!.text)).sort()).toEqual(data.papers.map((p) => readTitle(p.title)).sort());
  });
});
