import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { SourcePath } from '../../../src/core/issue.ts';
import { decodeSource } from '../../../src/ingest/decode.ts';
import { normalizeLines } from '../../../src/ingest/normalize-lines.ts';
import { splitRecords } from '../../../src/ingest/split-records.ts';

function split(text: string) {
  const file = 'x.txt' as SourcePath;
  return splitRecords(normalizeLines(text, file).lines, file);
}

describe('splitRecords on real dumps from elsewhere', () => {
  const manifest = JSON.parse(readFileSync('tests/fixtures/real-dumps/manifest.json', 'utf8'));
  test.each(Object.keys(manifest.files))('%s gives exactly the manifest’s titles and abstracts, in order', (name) => {
    const path = `tests/fixtures/real-dumps/${name}` as SourcePath;
    const decoded = decodeSource(readFileSync(path), path);
    if (!decoded.ok) throw new Error('not decoded');
    const result = splitRecords(normalizeLines(decoded.text, path).lines, path);
    const expected = manifest.files[name];
    expect(result.format).toBe(expected.format);
    expect(result.records.map((r) => [r.title?.text ?? null, r.abstract])).toEqual(expected.papers.map((p: { title: string | null; abstract: string }) => [p.title, p.abstract]));
  });
});

describe('splitRecords', () => {
  test('drops page chrome and unglues a title from "Subscribe"', () => {
    const result = split('Get trending papers in your email inbox!\nSubscribeA Title Here\nWe study things. We find more things.\nMar 12\nnew\n');
    expect(result.format).toBe('listing');
    expect(result.records).toEqual([{ file: 'x.txt', line: 3, title: { text: 'A Title Here', line: 2 }, abstract: 'We study things. We find more things.' }]);
  });

  test('reads a bare dump as one untitled abstract per line', () => {
    const abstract = 'We propose a method for learning. It works well on benchmarks and we release code for it.';
    const result = split(`${abstract}\n\n${abstract.replace('learning', 'seeing')}\n`);
    expect(result.format).toBe('bare');
    expect(result.records.map((r) => [r.line, r.title])).toEqual([[1, null], [3, null]]);
  });

  test('takes a sentence-case title ending in a period as a title when an abstract follows it', () => {
    const result = split('Subscribe\nPrediction of bladder cancer using urinary proteomics.\nPURPOSE: We test a method. RESULTS: It works in most patients we studied here.\n');
    expect(result.records[0]!.title?.text).toBe('Prediction of bladder cancer using urinary proteomics.');
  });

  test('reports a title with no abstract at the end of the file, with its line', () => {
    const result = split('A Title\nWe study a question about neural networks and report experiments on several benchmarks, in depth and at scale.\nA dangling title with nothing after it\n');
    expect(result.records).toHaveLength(1);
    expect(result.issues.map((i) => [i.kind, i.line, i.rule])).toEqual([['skipped', 3, 'title-without-abstract']]);
  });

  test('keeps a suspiciously short abstract, with a warning', () => {
    const result = split('A Long Enough Title For A Paper\nWe study a question about neural networks and report experiments on several benchmarks, in depth and at scale.\nShort\nToo short to be an abstract.\n');
    expect(result.records.map((r) => r.abstract)).toContain('Too short to be an abstract.');
    expect(result.issues.map((i) => [i.kind, i.line, i.rule])).toEqual([['warning', 4, 'short-abstract']]);
  });
});

describe('splitRecords on PubMed records without affiliations', () => {
  // PubMed's abstract view prints "Author information:" only when the record has affiliations; older
  // and many non-clinical records go straight from the author line ("Lindqvist J, Rahman A.") to the
  // abstract. The title above it is in sentence case with a final period, as every PubMed title.
  const abstract = 'Rapid drainage of supraglacial lakes delivers meltwater to the bed of the ice sheet and causes transient acceleration of ice flow in the following days.';
  const record = (n: number, title: string, authors: string, pmid: string) =>
    `${n}. Proc Natl Acad Sci U S A. 2021 Nov 2;118(44):e2105080118. doi: 10.1073/pnas.2105080118.\n\n${title}\n\n${authors}\n\n${abstract}\n\nPMID: ${pmid}\n\n\n`;

  test('the line under the citation is the title and the names under it are the authors, not a title', () => {
    const result = split(record(1, 'Inland migration of supraglacial lake drainage on the Greenland Ice Sheet.', 'Lindqvist J, Rahman A, Duval P.', '34697231'));
    expect(result.format).toBe('pubmed');
    expect(result.records).toHaveLength(1);
    expect(result.records[0]!.title?.text).toBe('Inland migration of supraglacial lake drainage on the Greenland Ice Sheet');
    expect(result.records[0]!.abstract).toBe(abstract);
    expect(result.records[0]!.meta?.authors).toEqual(['J. Lindqvist', 'A. Rahman', 'P. Duval']);
    expect(result.issues.filter((i) => i.rule === 'short-abstract')).toEqual([]);
  });

  test('a structured abstract after an unmarked author line keeps its title', () => {
    const structured = 'BACKGROUND: Subglacial lakes are isolated from the atmosphere for thousands of years.\nRESULTS: Sediment cores contained methanogenic archaea and aerobic methanotrophs.';
    const text = `4. Environ Microbiol. 2020 Jan;22(1):115-131.\n\nMethane cycling in subglacial lakes beneath the West Antarctic Ice Sheet.\n\nWhitfield R, Chen L.\n\n${structured}\n\nPMID: 31584321\n`;
    const result = split(text);
    expect(result.records.map((r) => [r.title?.text, r.abstract, r.meta?.authors])).toEqual([
      ['Methane cycling in subglacial lakes beneath the West Antarctic Ice Sheet', structured, ['R. Whitfield', 'L. Chen']],
    ]);
  });
});

describe('splitRecords on a copied arXiv "new" listing', () => {
  // arXiv's /list/<archive>/new page heads each part with a counter ("New submissions (showing 5 of 5
  // entries)", "Cross submissions …", "Replacement submissions …") and the page with "Showing new
  // listings for …" and "Total of N entries": page furniture, never an abstract.
  const abstract = 'Basal melting of Antarctic ice shelves controls the buttressing of grounded ice, yet its variability on tidal time scales is poorly observed by any instrument.';
  const entry = (n: number, id: string) =>
    `[${n}]  arXiv:${id} [pdf, html, other]\nTitle: Tidal modulation of basal melting, part ${n}\nAuthors: Helen Amundsen, Tomas Okafor\nSubjects: Atmospheric and Oceanic Physics (physics.ao-ph)\n\n${abstract.replace('tidal', `tidal (${n})`)}\n\n`;
  const page = [
    'Showing new listings for Monday, 2 December 2024',
    'Total of 3 entries',
    'New submissions (showing 1 of 1 entries)',
    entry(1, '2411.04417'),
    'Cross submissions (showing 1 of 1 entries)',
    entry(2, '2411.05102'),
    'Replacement submissions (showing 1 of 1 entries)',
    entry(3, '2411.06010'),
  ].join('\n');

  test('its counters are neither papers nor warnings, and its three entries are three papers', () => {
    const result = split(page);
    expect(result.format).toBe('arxiv');
    expect(result.records.map((r) => r.title?.text)).toEqual([1, 2, 3].map((n) => `Tidal modulation of basal melting, part ${n}`));
    expect(result.issues).toEqual([]);
  });

  // The page's heading, the archive's name, is the name its entries' Subjects lines give beside the code.
  test.each(['Atmospheric and Oceanic Physics', 'Physics > Atmospheric and Oceanic Physics', 'Atmospheric and Oceanic Physics (physics.ao-ph)'])(
    'its heading "%s" is no paper and no skipped title',
    (heading) => {
      const result = split(`${heading}\n${page}`);
      expect(result.records).toHaveLength(3);
      expect(result.issues).toEqual([]);
    },
  );

  test('a title without an abstract that names no subject of the file is still reported as skipped', () => {
    const result = split(`Ocean heat uptake in a warming climate\n${page}`);
    expect(result.records).toHaveLength(3);
    expect(result.issues.map((i) => [i.rule, i.line])).toEqual([['title-without-abstract', 1]]);
  });
});

describe('splitRecords on PubMed titles', () => {
  // PubMed ends every title with a period ("… ice sheet."), a question or exclamation mark aside; a paper's
  // title has none. An abbreviation's period ("… Escherichia coli sp.") is kept.
  const abstract = 'Cryoconite holes are water-filled depressions on glacier surfaces that host active microbial communities, and their role in darkening the ice is studied here.';
  const record = (title: string) => `1. Sci Total Environ. 2022 Jun 10;824:153815. doi: 10.1016/j.scitotenv.2022.153815.\n\n${title}\n\nOlsen MB(1), Petrov AV(2).\n\n${abstract}\n\nPMID: 35202677\n`;

  test.each([
    ['Microbial communities in cryoconite holes accelerate surface darkening.', 'Microbial communities in cryoconite holes accelerate surface darkening'],
    ['Do cryoconite holes darken the ice sheet?', 'Do cryoconite holes darken the ice sheet?'],
    ['Methane oxidation by Methylobacter sp.', 'Methane oxidation by Methylobacter sp.'],
    ['Permafrost thaw across the U.S.', 'Permafrost thaw across the U.S.'],
    ['Ice loss 1992-2020 [Article in French].', 'Ice loss 1992-2020 [Article in French]'],
  ])('%s → %s', (title, expected) => {
    expect(split(record(title)).records.map((r) => r.title?.text)).toEqual([expected]);
  });
});
