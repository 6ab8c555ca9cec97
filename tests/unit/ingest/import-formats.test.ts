/** The importers' handling of the shapes that break records, and the helpers they share. */
import { describe, expect, test } from 'vitest';
import type { SourcePath } from '../../../src/core/issue.ts';
import { arxivIdFrom, doiFrom, findPaperLinks, paperLinks } from '../../../src/core/paper-links.ts';
import { stripCaseBraces } from '../../../src/ingest/import/bibtex.ts';
import { exportFormatOf, importReferences } from '../../../src/ingest/import/index.ts';
import { runIngest } from '../../../src/ingest/pipeline.ts';

const file = 'refs' as SourcePath;

describe('BibTeX', () => {
  test('case-protecting braces go, LaTeX’s own braces and math stay', () => {
    expect(stripCaseBraces('{GAN}s for {\\"o}ver \\emph{fast {BERT}} $\\mathcal{O}(n)$')).toBe('GANs for {\\"o}ver \\emph{fast BERT} $\\mathcal{O}(n)$');
  });

  test('an entry that never closes is skipped at its line; the next is read; an undefined crossref is harmless', () => {
    const text = '@article{a,\n  title = {Broken},\n  year = 2020,\n\n@article{b,\n  title = {Fine},\n  crossref = {nowhere},\n}\n';
    const { records, issues } = importReferences(text, file, 'bibtex');
    expect(records.map((r) => r.title?.text)).toEqual(['Fine']);
    expect(issues).toEqual([expect.objectContaining({ kind: 'skipped', line: 1 })]);
  });
});

describe('RIS', () => {
  test('a record without ER is reported at its TY line when the next one starts', () => {
    const text = 'TY  - JOUR\nTI  - First\nTY  - JOUR\nTI  - Second\nER  - \n';
    const { records, issues } = importReferences(text, file, 'ris');
    expect(records.map((r) => r.title?.text)).toEqual(['Second']);
    expect(issues).toEqual([expect.objectContaining({ kind: 'skipped', line: 1 })]);
  });
});

describe('CSL-JSON', () => {
  test('a syntax error names its line and skips the file', () => {
    const { records, issues } = importReferences('[\n {"title": "A"},\n {"title": "B",}\n]', file, 'csl-json');
    expect(records).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ kind: 'skipped', line: 3 })]);
  });

  test('a file cut short (an export copied in part) is skipped at its last line, saying it ends too soon', () => {
    // JSON.parse names no position when the text ends early ("Unexpected end of JSON input").
    const { records, issues } = importReferences('[\n {"title": "A"},\n {"title": "B", "author": [\n\n', file, 'csl-json');
    expect(records).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ kind: 'skipped', line: 3, message: expect.stringContaining('ends') })]);
  });

  test('an item without a title is skipped at its line', () => {
    const { records, issues } = importReferences('[\n {"title": "A"},\n {\n  "author": []\n }\n]', file, 'csl-json');
    expect(records).toHaveLength(1);
    expect(issues).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining('no title') })]);
  });
});

describe('sources folder', () => {
  test('reads .txt, .bib, .ris and .json; skips other files', () => {
    expect(['a.txt', 'b.bib', 'c.ris', 'd.json', 'e.png'].map(exportFormatOf)).toEqual([undefined, 'bibtex', 'ris', 'csl-json', undefined]);
    const bytes = (s: string) => new TextEncoder().encode(s);
    const out = runIngest({
      sources: [
        { path: 'content/sources/a.bib' as SourcePath, bytes: bytes('@article{k, title = {Only a Title}, author = {Doe, Jane}, year = 2001}'), fromFolder: true },
        { path: 'content/sources/b.csv' as SourcePath, bytes: bytes('title,abstract\n'), fromFolder: true },
      ],
      existing: [],
      state: null,
    });
    expect(out.papers.map((p) => [p.title, p.authors, p.year])).toEqual([['Only a Title', ['Jane Doe'], 2001]]);
    expect(out.report.skipped).toEqual([expect.objectContaining({ file: 'content/sources/b.csv' })]);
  });
});

describe('links', () => {
  test('ids are read from the ways sources write them', () => {
    expect(arxivIdFrom('arXiv:2403.01234v2')).toBe('2403.01234');
    expect(arxivIdFrom('https://arxiv.org/pdf/hep-th/9901001v3.pdf')).toBe('hep-th/9901001');
    expect(doiFrom('https://doi.org/10.1145/3292500.3330701')).toBe('10.1145/3292500.3330701');
  });

  test('links to the paper come from its ids first, its own links after, each once', () => {
    expect(paperLinks({ ids: { arxiv: '2403.01234', doi: '10.1/x', pmid: '123' }, links: [{ label: 'arXiv', url: 'http://arxiv.org/abs/2403.01234/' }, { label: 'x.org', url: 'https://x.org/p' }] })).toEqual([
      { label: 'arXiv', url: 'https://arxiv.org/abs/2403.01234' },
      { label: 'PDF', url: 'https://arxiv.org/pdf/2403.01234' },
      { label: 'DOI', url: 'https://doi.org/10.1/x' },
      { label: 'PubMed', url: 'https://pubmed.ncbi.nlm.nih.gov/123/' },
      { label: 'x.org', url: 'https://x.org/p' },
    ]);
  });

  test('"find this paper" searches the plain title on Google Scholar, Semantic Scholar, arXiv and PubMed', () => {
    const q = 'E%20%3D%20mc%C2%B2%20%26%20more';
    expect(findPaperLinks({ plainTitle: 'E = mc² & more' }).map((l) => l.url)).toEqual([
      `https://scholar.google.com/scholar?q=${q}`,
      `https://www.semanticscholar.org/search?q=${q}`,
      `https://arxiv.org/search/?query=${q}&searchtype=title`,
      `https://pubmed.ncbi.nlm.nih.gov/?term=${q}`,
    ]);
  });

  test('a derived title, which no index knows, is searched by a quoted phrase of the abstract', () => {
    const links = findPaperLinks({
      plainTitle: 'Derived: A Title Nobody Wrote',
      derivedTitle: true,
      plainAbstract: 'We study sleep spindles in older adults. Their role in memory: consolidation during naps, and more.',
    });
    const phrase = encodeURIComponent('"We study sleep spindles in older adults. Their role in memory: consolidation"');
    expect(links.map((l) => l.url)).toEqual([
      `https://scholar.google.com/scholar?q=${phrase}`,
      `https://www.semanticscholar.org/search?q=${phrase}`,
      `https://arxiv.org/search/?query=${phrase}&searchtype=abstract`,
      `https://pubmed.ncbi.nlm.nih.gov/?term=${phrase}`,
    ]);
  });
});
