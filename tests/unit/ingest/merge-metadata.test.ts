/** One paper from several sources: how its metadata is merged (merge-metadata.ts). */
import { describe, expect, test } from 'vitest';
import { abstractSource, groupTitle, mergeKeywords, mergeMetadata } from '../../../src/ingest/merge-metadata.ts';

const dump = { title: 'Attention is all you need', abstract: 'The dominant sequence transduction models…', meta: { authors: ['A. Vaswani', 'N. Shazeer'], links: [{ label: 'arXiv', url: 'https://arxiv.org/abs/1706.03762v7' }] } };
const bib = {
  title: 'Attention Is All You Need',
  abstract: 'Short.',
  exported: true,
  keywords: ['Transformers', 'Computer Science - Computation and Language'],
  meta: { authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'], year: 2017, venue: 'NeurIPS', ids: { doi: '10.5555/3295222.3295349' }, links: [{ label: 'papers.nips.cc', url: 'https://papers.nips.cc/x' }] },
};
const ris = { title: 'Attention is All You Need', abstract: '', exported: true, keywords: ['transformers', 'attention'], meta: { year: 2018, venue: 'Other' } };

describe('merging one paper’s metadata', () => {
  test('an export’s fields win over a dump’s, the earlier export over a later one; ids merge per kind; a registry link becomes an id', () => {
    expect(mergeMetadata([dump, bib, ris])).toEqual({
      authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'],
      year: 2017,
      venue: 'NeurIPS',
      ids: { arxiv: '1706.03762', doi: '10.5555/3295222.3295349' },
      links: [{ label: 'papers.nips.cc', url: 'https://papers.nips.cc/x' }],
    });
  });

  test('a dump’s fields fill what the exports lack', () => {
    expect(mergeMetadata([dump, ris]).authors).toEqual(['A. Vaswani', 'N. Shazeer']);
  });

  test('the dump’s abstract is shown; the title is the best one, exports first among equals', () => {
    expect(abstractSource([bib, dump])).toBe(dump);
    expect(abstractSource([ris, bib])).toBe(bib);
    expect(groupTitle([dump, bib])).toBe('Attention Is All You Need');
  });

  test('keywords are pooled once each, case-insensitively', () => {
    expect(mergeKeywords([dump, bib, ris])).toEqual(['Transformers', 'Computer Science - Computation and Language', 'attention']);
  });
});
