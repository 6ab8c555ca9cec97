/**
 * Issue 14's kinds of real-world input beyond the fixture folder: the same kinds in other shapes
 * (a listing with per-card chrome, an arXiv listing page, a PubMed copy with ids, a PDF line break
 * at a real hyphen), noncharacters, lines that clean to nothing, and wide encodings.
 */
import { describe, expect, test } from 'vitest';
import type { SourcePath } from '../../../src/core/issue.ts';
import { decodeSource } from '../../../src/ingest/decode.ts';
import { normalizeLines } from '../../../src/ingest/normalize-lines.ts';
import { splitRecords } from '../../../src/ingest/split-records.ts';
import { ingestSources } from '../../support/ingest-fixtures.ts';

const file = 'x.txt' as SourcePath;
const split = (text: string) => splitRecords(normalizeLines(text, file).lines, file);
const ABSTRACT_A = 'We propose a routing scheme for sparse mixture models that keeps the number of active experts small. It matches dense models on four benchmarks at a third of the compute.';
const ABSTRACT_B = 'We study how language models memorise rare facts and show that repetition during pretraining explains most of the effect. A simple deduplication step halves it.';

describe('a listing page with per-card chrome (the seeds’ listing site as it looks today)', () => {
  const page = [
    'Daily Papers', 'Trending Papers',
    'Sparse Routing for Mixture-of-Experts Models', 'Ada Lovelace, Charles Babbage, Mary Somerville', '· 6 authors', '▲ 42', 'GitHub', '★ 1.2k', 'arXiv Page', ABSTRACT_A, '· 4 comments', 'Submitted by', 'akhaliq', 'Mar 12',
    'How Language Models Memorise Rare Facts', 'A. Turing · J. von Neumann', '· 2 authors', '17', 'arXiv Page', ABSTRACT_B, '· 1 comment', 'Published on Mar 11',
  ].join('\n');

  test('gives one record per card, names and counts never papers', () => {
    const result = split(page);
    expect(result.format).toBe('listing');
    expect(result.records.map((r) => [r.title?.text, r.abstract])).toEqual([
      ['Sparse Routing for Mixture-of-Experts Models', ABSTRACT_A],
      ['How Language Models Memorise Rare Facts', ABSTRACT_B],
    ]);
    expect(result.issues).toEqual([]);
  });

  test('keeps the author lines as metadata', () => {
    expect(split(page).records.map((r) => r.meta?.authors)).toEqual([['Ada Lovelace', 'Charles Babbage', 'Mary Somerville'], ['A. Turing', 'J. von Neumann']]);
  });
});

describe('an arXiv listing page (Title:, Authors:, Comments:, Subjects: lines, the abstract unlabelled)', () => {
  const page = [
    '[1] arXiv:2405.00001 [pdf, html, other]',
    'Title: Sparse Routing for Mixture-of-Experts Models',
    'Authors: Ada Lovelace, Charles Babbage',
    'Comments: 9 pages',
    'Subjects: Machine Learning (cs.LG); Computation and Language (cs.CL)',
    ABSTRACT_A,
    '',
    '[2] arXiv:hep-th/9901001 [pdf]',
    'Title: How Language Models Memorise Rare Facts',
    'Authors: Mary Somerville',
    'Journal-ref: Phys. Lett. B 450 (1999)',
    ABSTRACT_B,
  ].join('\n');

  test('gives each record its title, abstract, ids, links and venue', () => {
    const result = split(page);
    expect(result.format).toBe('arxiv');
    expect(result.records.map((r) => [r.title?.text, r.abstract])).toEqual([
      ['Sparse Routing for Mixture-of-Experts Models', ABSTRACT_A],
      ['How Language Models Memorise Rare Facts', ABSTRACT_B],
    ]);
    const [first, second] = result.records.map((r) => r.meta!);
    expect(first).toMatchObject({ authors: ['Ada Lovelace', 'Charles Babbage'], year: 2024, venue: 'cs.LG', ids: { arxiv: '2405.00001' } });
    expect(first!.links).toEqual([{ label: 'arXiv', url: 'https://arxiv.org/abs/2405.00001' }, { label: 'PDF', url: 'https://arxiv.org/pdf/2405.00001' }]);
    expect(second).toMatchObject({ authors: ['Mary Somerville'], venue: 'Phys. Lett. B 450 (1999)', ids: { arxiv: 'hep-th/9901001' } });
  });
});

describe('an arXiv search page copied with abstracts expanded', () => {
  test('keeps the full version of each abstract, not the truncated one', () => {
    const full = 'Contrastive pretraining depends on informative negatives, yet medical images contain many near-duplicates. We mine hard negatives.';
    const result = split(
      [
        'arXiv:2403.01234 [pdf, other]', 'Contrastive Pretraining for Medical Images', 'Authors: Mira Okonkwo',
        'Abstract: Contrastive pretraining depends on informative negatives, yet … ▽ More', `${full} △ Less`, 'Submitted 2 March, 2024; originally announced March 2024.',
        'arXiv:2402.05678 [pdf]', 'Sentence Embeddings Revisited', 'Authors: Jonas Weber',
        `Abstract: We revisit contrastive … ▽ More ${ABSTRACT_B} △ Less`, 'doi 10.1000/abc.123',
      ].join('\n'),
    );
    expect(result.records.map((r) => [r.title?.text, r.abstract, r.meta?.ids])).toEqual([
      ['Contrastive Pretraining for Medical Images', full, { arxiv: '2403.01234' }],
      ['Sentence Embeddings Revisited', ABSTRACT_B, { arxiv: '2402.05678', doi: '10.1000/abc.123' }],
    ]);
  });
});

describe('a PubMed copy with its ids', () => {
  test('gathers the sections into one abstract and keeps PMID and DOI as metadata', () => {
    const result = split(
      [
        'Vitamin D and Fracture Risk in Older Women',
        'BACKGROUND: Vitamin D is widely prescribed, but its effect on fractures is unclear.',
        'METHODS: We pooled six randomised trials with 12,000 women aged 65 or older.',
        'RESULTS: Supplementation did not reduce the risk of hip fracture (hazard ratio 0.98).',
        'CONCLUSIONS: Routine supplementation for fracture prevention is not supported.',
        'DOI: 10.1000/xyz.2024.123',
        'PMID: 38123456',
      ].join('\n'),
    );
    expect(result.format).toBe('pubmed');
    expect(result.records).toHaveLength(1);
    expect(result.records[0]!.abstract.split('\n').map((s) => s.split(':')[0])).toEqual(['BACKGROUND', 'METHODS', 'RESULTS', 'CONCLUSIONS']);
    expect(result.records[0]!.meta?.ids).toEqual({ doi: '10.1000/xyz.2024.123', pmid: '38123456' });
    expect(result.records[0]!.meta?.links?.map((l) => l.url)).toEqual(['https://doi.org/10.1000/xyz.2024.123', 'https://pubmed.ncbi.nlm.nih.gov/38123456/']);
  });

  test('reads a whole PubMed abstract page: citation, authors, affiliations and copyright are no abstract text', () => {
    const result = split(
      [
        '1. J Clin Med. 2024 Mar 2;13(5):1234. doi: 10.3390/jcm13051234.',
        '',
        'Vitamin D and Fracture Risk in Older Women',
        '',
        'Okonkwo M(1), Lindqvist T(2).',
        '',
        'Author information:',
        '(1)Department of Orthopaedics, University Hospital, Oslo, Norway.',
        '(2)Department of Geriatrics, Karolinska Institute, Stockholm, Sweden.',
        '',
        'BACKGROUND: Vitamin D is widely prescribed, but its effect on fractures is unclear.',
        'RESULTS: Supplementation did not reduce the risk of hip fracture (hazard ratio 0.98).',
        '',
        'Copyright © 2024 The Authors.',
        '',
        'PMID: 38475000',
      ].join('\n'),
    );
    expect(result.format).toBe('pubmed');
    expect(result.records.map((r) => [r.title?.text, r.abstract.split('\n').length])).toEqual([['Vitamin D and Fracture Risk in Older Women', 2]]);
    expect(result.records[0]!.meta).toMatchObject({ authors: ['M. Okonkwo', 'T. Lindqvist'], year: 2024, ids: { doi: '10.3390/jcm13051234', pmid: '38475000' } });
    expect(result.issues).toEqual([]);
  });

  test('a title in sentence case ending with a period (as PubMed writes titles) is the title, the names under it the authors', () => {
    // The fixture list tests/fixtures/probe-lists/ecology-climate.txt is 23 such records: its author lines were read as titles.
    const record = (n: number, title: string, authors: string, abstract: string, pmid: string) => [`${n}. Glob Chang Biol. 2023 Mar;29(6):1520-1534. doi: 10.1111/gcb.${pmid}.`, '', title, '', authors, '', 'Author information:', '(1)Department of Physical Geography, Stockholm University, Stockholm, Sweden.', '', abstract, '', `PMID: ${pmid}`, ''];
    const result = split(
      [
        ...record(1, 'Methane emissions from thawing permafrost lakes in Siberia.', 'Petrova IV(1), Walter Anthony K(2).', ABSTRACT_A, '35671234'),
        ...record(2, 'Active layer deepening and soil carbon vulnerability across an Alaskan tundra gradient.', 'Hughes RJ(1), Nakamura S(1).', ABSTRACT_B, '37898765'),
      ].join('\n'),
    );
    expect(result.records.map((r) => [r.title?.text, r.abstract, r.meta?.authors])).toEqual([
      // Without the period PubMed ends each title with (split-records.test.ts, 'PubMed titles').
      ['Methane emissions from thawing permafrost lakes in Siberia', ABSTRACT_A, ['I. V. Petrova', 'K. Walter Anthony']],
      ['Active layer deepening and soil carbon vulnerability across an Alaskan tundra gradient', ABSTRACT_B, ['R. J. Hughes', 'S. Nakamura']],
    ]);
  });

  test('a one-line structured abstract followed by a title that starts with a capital label stays two records', () => {
    const whole = 'PURPOSE: We test whether a method works. METHODS: We ran a trial in 200 patients. RESULTS: It works in most of them.';
    const result = split(`First Title of a Trial\n${whole}\nCOVID: Outcomes in Older Adults.\n${ABSTRACT_A}\n`);
    expect(result.records.map((r) => [r.title?.text, r.abstract])).toEqual([
      ['First Title of a Trial', whole],
      ['COVID: Outcomes in Older Adults.', ABSTRACT_A],
    ]);
  });

  test('a lone labelled line stays an ordinary title or abstract', () => {
    const result = split(`BERT: Pre-training of Deep Bidirectional Transformers\n${ABSTRACT_A}\n`);
    expect(result.records.map((r) => r.title?.text)).toEqual(['BERT: Pre-training of Deep Bidirectional Transformers']);
  });
});

describe('a PDF copy', () => {
  test('keeps a real hyphen at a line end and joins a split word', () => {
    const result = split(
      ['Robust Learning under Label Noise', 'Deep networks memorise noisy labels. We train on clean-', 'label subsets and show that the method helps on six bench-', 'marks with different noise rates and sizes.'].join('\n'),
    );
    expect(result.format).toBe('pdf');
    expect(result.records.map((r) => [r.title?.text, r.abstract])).toEqual([
      ['Robust Learning under Label Noise', 'Deep networks memorise noisy labels. We train on clean-label subsets and show that the method helps on six benchmarks with different noise rates and sizes.'],
    ]);
  });
});

describe('a PDF copy without blank lines between papers', () => {
  test('starts a paper at a title line after a paragraph’s short last line', () => {
    const result = split(
      [
        'Robust Learning under Label Noise', 'Deep networks memorise noisy labels, which harms the learned rep-', 'resentation. We study a regulariser that penalises agreement with', 'the noisy labels.',
        'Sparse Attention for Long Documents', 'Transformers scale quadratically with the input length, which lim-', 'its their use on long documents.',
      ].join('\n'),
    );
    expect(result.records.map((r) => [r.title?.text, r.abstract])).toEqual([
      ['Robust Learning under Label Noise', 'Deep networks memorise noisy labels, which harms the learned representation. We study a regulariser that penalises agreement with the noisy labels.'],
      ['Sparse Attention for Long Documents', 'Transformers scale quadratically with the input length, which limits their use on long documents.'],
    ]);
  });
});

describe('text normalization', () => {
  test('removes noncharacters and reports them', () => {
    const { lines, issues } = normalizeLines('A Title\uFFFE Here\nWe study\uFFFF things\uFDD0 and more.\u{1FFFF}', file);
    expect(lines.map((l) => l.text)).toEqual(['A Title Here', 'We study things and more.']);
    expect(issues.map((i) => [i.rule, i.line])).toEqual([['noncharacter', 1]]);
  });

  test('folds full-width letters and ligatures, and keeps superscripts, math letters and CJK punctuation', () => {
    const { lines, issues } = normalizeLines('Ｆｕｌｌ-width ﬁne x² ℓ1 𝒪(n) 中文，句子。', file);
    expect(lines[0]!.text).toBe('Full-width fine x² ℓ1 𝒪(n) 中文，句子。');
    expect(issues.map((i) => i.rule)).toEqual(['compatibility-char']);
  });

  test('a line that cleans to nothing never becomes a paper or a title, and is reported', () => {
    const out = ingestSources([{ path: 'content/sources/a.txt' as SourcePath, bytes: new TextEncoder().encode(`${ABSTRACT_A}\n\\, \\; \\!\n${ABSTRACT_B}\n\n{}\n`) }]);
    expect(out.papers.map((p) => p.abstract)).toEqual([ABSTRACT_A, ABSTRACT_B]);
    expect(out.papers.every((p) => /\p{L}/u.test(p.title))).toBe(true);
    // Line 2 is read as the second abstract's title; line 5 as a title with no abstract after it.
    expect(out.report.skipped.map((s) => s.line)).toEqual([2, 5]);
    expect(out.report.skipped[0]!.reason).toContain('empty once cleaned');
  });
});

describe('wide encodings', () => {
  const text = 'Naïve Baselines\r\nWe study things in time series.';
  const utf16be = () => {
    const le = Buffer.from(text, 'utf16le');
    return le.swap16();
  };
  const utf32 = (littleEndian: boolean, bom: boolean) => {
    const chars = [...(bom ? '\ufeff' : '') + text];
    const bytes = Buffer.alloc(chars.length * 4);
    chars.forEach((c, i) => (littleEndian ? bytes.writeUInt32LE(c.codePointAt(0)!, i * 4) : bytes.writeUInt32BE(c.codePointAt(0)!, i * 4)));
    return bytes;
  };

  test.each([
    ['UTF-16 BE without a byte-order mark', utf16be(), 'utf-16be'],
    ['UTF-32 LE with a byte-order mark', utf32(true, true), 'utf-32le'],
    ['UTF-32 BE without one', utf32(false, false), 'utf-32be'],
  ])('decodes %s', (_, bytes, encoding) => {
    const decoded = decodeSource(bytes, file);
    expect(decoded.ok && [decoded.encoding, decoded.text]).toEqual([encoding, text]);
  });
});
