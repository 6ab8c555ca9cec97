/**
 * Issue 17: the BibTeX a paper page offers and `dist/papers.bib` parse back with citation-js to the
 * metadata the papers have; the formatted reference is APA made by citation-js's CSL engine.
 */
import { describe, expect, test } from 'vitest';
import { bibtexEntriesToCsl, formatBibliography, formatReference, formatReferences, parseBibtexEntries } from '../../../src/core/citation-js.ts';
import type { SourcePath } from '../../../src/core/issue.ts';
import { cleanTitle } from '../../../src/ingest/clean-text.ts';
import { importBibtex } from '../../../src/ingest/import/bibtex.ts';
import { cslMetadata, stripCslMarkup } from '../../../src/ingest/import/csl-record.ts';
import { runIngest } from '../../../src/ingest/pipeline.ts';
import { bibtex, citationKey, referenceHtml } from '../../../src/site/lib/citation.ts';
import { cslItem } from '../../../src/site/lib/csl-item.ts';
import { sourcesIn } from '../../support/ingest-fixtures.ts';

const DIR = 'tests/fixtures/reference-exports';
const papers = runIngest({ sources: sourcesIn(DIR, (n) => n === 'library.ris'), existing: [], state: null }).papers;
const metadataOf = (p: { title: string; authors?: string[] | undefined; year?: number | undefined; venue?: string | undefined; ids?: object | undefined; links?: object | undefined }) =>
  ({ title: p.title, authors: p.authors, year: p.year, venue: p.venue, ids: p.ids, links: p.links });

describe('BibTeX', () => {
  test('the whole list (papers.bib) parses back with citation-js to the same metadata', () => {
    const text = bibtex(papers);
    const entries = parseBibtexEntries(text);
    expect(entries).toHaveLength(30);
    const items = bibtexEntriesToCsl(entries);
    items.forEach((item, i) => {
      const paper = papers[i]!;
      expect({ title: stripCslMarkup(item.title!), ...cslMetadata(item) }).toEqual(JSON.parse(JSON.stringify(metadataOf(paper))));
    });
  });

  test('one paper’s BibTeX (the page’s) reads back through the import as the same paper', () => {
    for (const paper of papers) {
      const { records, issues } = importBibtex(bibtex([paper]), 'copied.bib' as SourcePath);
      expect(issues).toEqual([]);
      expect(records).toHaveLength(1);
      expect(metadataOf({ ...records[0]!.meta, title: cleanTitle(records[0]!.title!.text) })).toEqual(metadataOf(paper));
    }
  });

  test('a sentence-casing style keeps every word with an inner capital as written, wherever it stands', () => {
    // BibTeX's `change.case$` with "t" (btxdoc, "The built-in functions"): lower case outside braces,
    // except the first character and a character after a colon and white space.
    const sentenceCase = (value: string): string => {
      let depth = 0;
      let out = '';
      for (let i = 0; i < value.length; i++) {
        const c = value[i]!;
        if (c === '{') depth++;
        else if (c === '}') depth--;
        const keep = depth > 0 || c === '{' || c === '}' || i === 0 || /:\s+$/.test(value.slice(0, i));
        out += keep ? c : c.toLowerCase();
      }
      return out.replace(/[{}]/g, '');
    };
    const titles = ['DIONYSUS: A Pre-trained Model for Dialogue', 'LLaMA-Adapter: GPT-4 Meets mRNA', 'iPhone Data: 3D Scans of HeLa Cells', 'Survey of 3D Vision', 'BERT'];
    for (const [i, title] of titles.entries()) {
      const field = /^\ttitle = \{(.*)\},?$/m.exec(bibtex([{ id: `p${i}`, title }]))![1]!;
      const printed = sentenceCase(field).split(/[^A-Za-z0-9]+/);
      const inner = title.split(/[^A-Za-z0-9]+/).filter((w) => /[A-Z]/.test(w.slice(1)));
      for (const word of inner) expect(printed, `${word} in ${field}`).toContain(word);
    }
  });

  test('titles, authors and venues in scripts LaTeX cannot escape, and emoji, are kept (UTF-8), not dropped', () => {
    const papers = [
      { id: 'r1', title: 'Нейронные сети для прогнозирования временных рядов', authors: ['Иван Петров'], venue: 'Журнал вычислительной математики', year: 2024 },
      { id: 'a1', title: 'نماذج اللغة الكبيرة للترجمة الآلية العربية' },
      { id: 'h1', title: 'זיהוי דיבור בעברית עם מודלים רב-לשוניים' },
      { id: 'c1', title: '图神经网络在推荐系统中的应用：综述。' },
      { id: 'm1', title: 'Über $x^2$ & Cyrillic: Привет, мир' },
      { id: 'e1', title: '⚡FlashTrain: Training Transformers 3× Faster 🚀' },
    ];
    for (const paper of papers) {
      const { records, issues } = importBibtex(bibtex([paper]), 'copied.bib' as SourcePath);
      expect(issues).toEqual([]);
      expect(cleanTitle(records[0]!.title!.text)).toBe(paper.title);
      expect(records[0]!.meta?.authors).toEqual(paper.authors);
      expect(records[0]!.meta?.venue).toEqual(paper.venue);
    }
  });

  test('a derived title is cited as a stand-in: in square brackets (APA 7, 9.29) and with a note in BibTeX', () => {
    const derived = { id: 'd1', title: 'Sparse Attention for Long Documents', year: 2023, authors: ['Ada Lovelace'], derivedTitle: true };
    expect(referenceHtml(derived)).toContain('[Sparse Attention for Long Documents]');
    const entry = bibtex([derived]);
    expect(entry).toMatch(/^\tnote = \{[^}]*derived from the abstract[^}]*\},?$/m);
    expect(importBibtex(entry, 'page.bib' as SourcePath).records[0]!.title!.text.replace(/[{}]/g, '')).toBe(derived.title);
    const titled = { ...derived, derivedTitle: false };
    expect(referenceHtml(titled)).not.toContain('[');
    expect(bibtex([titled])).not.toMatch(/note =/);
  });

  test('keys are author-year-word, ASCII, unique within a list', () => {
    const lars = papers.find((p) => p.authors?.[0] === 'Lars Østergaard')!;
    expect(citationKey(lars)).toMatch(/^Ostergaard2023[A-Z][A-Za-z0-9]+$/);
    const keys = [...bibtex([lars, lars]).matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1]);
    expect(new Set(keys).size).toBe(2);
  });

  test('papers.bib made with the last build\'s entries is the one made without them, taking only unchanged papers from them', () => {
    const list = [...papers.slice(0, 10), papers[0]!]; // the last one's key is taken: it gets the id's digits
    const first = { last: new Map<string, string>(), next: new Map<string, string>() };
    expect(bibtex(list, first)).toBe(bibtex(list));
    // A paper's title edited, and the list's order changed (so the taken key moves to the other copy).
    const edited = [papers[0]!, { ...list[3]!, title: 'A title edited by hand' }, ...list.slice(4, 10), ...list.slice(1, 3)];
    expect(bibtex(edited, { last: first.next, next: new Map() })).toBe(bibtex(edited));
    // An unchanged paper's entry comes from the entries, not from citation-js.
    const stored = new Map([...first.next].map(([k, v]) => [k, v.startsWith(`@`) && v.includes(citationKey(list[5]!)) ? '@misc{stored}' : v]));
    expect(bibtex(list, { last: stored, next: new Map() })).toContain('@misc{stored}');
  });

  test('a title in a script without spaces gives its first word to the key, not the whole title', () => {
    const paper = { id: 'c0ffee000001', title: '图神经网络在推荐系统中的应用', authors: ['王伟'], year: 2024 };
    // 图 (Tu) is too short a word; 神经 (shénjīng, "neural") is the first long one.
    expect(citationKey(paper)).toBe('WangWei2024ShenJing');
  });
});

describe('formatted reference', () => {
  test('is APA: authors as "Family, I.", year in brackets, venue in italics, DOI as a link', () => {
    const paper = papers.find((p) => p.ids?.doi && p.authors?.includes('Zoë Šimić'))!;
    const html = referenceHtml(paper);
    expect(html).toContain('Šimić, Z.');
    expect(html).toContain('(2023).');
    expect(html).toContain(`<i>${paper.venue}</i>`);
    expect(html).toContain(`https://doi.org/${paper.ids!.doi}`);
  });

  test('escapes markup in the data', () => {
    const html = referenceHtml({ id: 'x', title: 'A <script>alert(1)</script> title', authors: ['Ann <b>Bee</b>'], year: 2020 });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;');
  });
});

describe('one-entry variant of a CSL style (formatReference)', () => {
  // Every shape of item the site makes: journal, proceedings, arXiv preprint, bare document; one to 25
  // authors, mononyms, particles, accents; ids and links; titles with math, markup, quotes and end marks.
  const each = runIngest({ sources: sourcesIn(DIR), existing: [], state: null }).papers;
  const made = [
    { id: 'a1', title: 'Who needs attention?' },
    { id: 'a2', title: 'Scaling “laws” & <i>friends</i>: $E = mc^2$ revisited.', year: 2024 },
    { id: 'a3', title: 'A survey', authors: Array.from({ length: 25 }, (_, i) => `Author${i} Family${i}`), year: 2021, venue: 'Journal of Things' },
    { id: 'a4', title: 'Mononym', authors: ['Plato', 'Ludwig van Beethoven', 'María José García-Márquez'], ids: { arxiv: '2101.00001' } },
    { id: 'a5', title: 'Twice', authors: ['Ann Bee'], year: 2020, venue: 'Proceedings of the Workshop on Twins', ids: { doi: '10.5555/1', pmid: '123' } },
    { id: 'a6', title: 'Linked', links: [{ label: 'Project page', url: 'https://example.org/p' }] },
  ];
  test.each(['apa', 'vancouver', 'harvard1'])('formats every item exactly as a one-entry bibliography in %s does', (style) => {
    for (const paper of [...each, ...made]) {
      const item = cslItem(paper);
      for (const format of ['html', 'text'] as const) expect(formatReference(item, format, style)).toBe(formatBibliography([item], format, style));
    }
  });
  test.each(['apa', 'vancouver', 'harvard1'])('formats a run of items (formatReferences) into the entries each makes alone in %s', (style) => {
    // Twice each: two papers with the same names, year and title are the case a list's disambiguation would tell apart.
    const items = [...each, ...made, ...made].map(cslItem);
    for (const format of ['html', 'text'] as const) {
      const run = formatReferences(items, format, style);
      expect(run).toHaveLength(items.length);
      const noId = (html: string) => html.replace(/ data-csl-entry-id="[^"]*"/g, '');
      run.forEach((entry, i) => expect(noId(formatReference(items[i]!, format, style))).toContain(noId(entry).trim()));
    }
  });
});
