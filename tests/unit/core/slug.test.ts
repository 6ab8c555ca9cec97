import { describe, expect, test } from 'vitest';
import { assignSlugs } from '../../../src/ingest/assign-slugs.ts';
import { isSlug, slugify, type Slug } from '../../../src/core/slug.ts';

describe('slugify', () => {
  test.each([
    ['Poincaré Embeddings for λ-Calculus', 'poincare-embeddings-for-l-calculus'],
    ['深度学习的神经网络', 'shen-du-xue-xi-de-shen-jing-wang-luo'],
    ["What's in a Prior?", 'whats-in-a-prior'],
    ['../../etc/passwd', 'etc-passwd'],
    ['???', undefined],
  ])('%s → %s', (title, expected) => {
    expect(slugify(title)).toBe(expected);
  });

  test('cuts long titles at a word boundary', () => {
    const slug = slugify('Very '.repeat(300) + 'Long Title')!;
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
    expect(isSlug(slug)).toBe(true);
  });
});

describe('assignSlugs', () => {
  test('gives clashing titles unique slugs, the first paper the plain one', () => {
    const slugs = assignSlugs([{ id: 'aaaaaaaaaaaa', title: 'Deep Nets' }, { id: 'bbbbbbbbbbbb', title: 'Deep-Nets!' }], new Map());
    expect([...slugs.values()]).toEqual(['deep-nets', 'deep-nets-bbbbbb']);
  });

  test('never gives a site route as a slug', () => {
    const slugs = assignSlugs([{ id: 'cccccccccccc', title: 'Tags' }, { id: 'dddddddddddd', title: '404' }], new Map());
    expect([...slugs.values()]).toEqual(['tags-cccccc', '404-dddddd']);
  });

  test('keeps an existing slug when the title changes, and a new paper cannot take it', () => {
    const kept = new Map([['aaaaaaaaaaaa', 'old-title' as Slug]]);
    const slugs = assignSlugs([{ id: 'bbbbbbbbbbbb', title: 'Old Title' }, { id: 'aaaaaaaaaaaa', title: 'Corrected Title' }], kept);
    expect(slugs.get('aaaaaaaaaaaa')).toBe('old-title');
    expect(slugs.get('bbbbbbbbbbbb')).toBe('old-title-bbbbbb');
  });

  test('gives a title with no letters a readable slug', () => {
    expect(assignSlugs([{ id: 'eeeeeeeeeeee', title: '???' }], new Map()).get('eeeeeeeeeeee')).toBe('paper-eeeeee');
  });
});
