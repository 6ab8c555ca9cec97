/** The RSS feed's items: a paper without abstract has no description rather than a lone ellipsis. */
import { describe, expect, test } from 'vitest';
import type { Paper } from '../../../src/core/paper.ts';
import type { Slug } from '../../../src/core/slug.ts';
import { summarize } from '../../../src/core/summarize.ts';
import { feedXml } from '../../../src/publish/feed.ts';

const paper = (slug: string, body: string, line: number): Paper => ({
  id: slug.padEnd(12, '0').slice(0, 12).replace(/[^0-9a-f]/g, 'a'),
  slug: slug as Slug,
  title: `Paper ${slug}`,
  derivedTitle: false,
  topic: 'Optics',
  tags: ['lasers'],
  sources: [{ file: 'content/sources/a.bib', line }],
  aliases: [],
  related: [],
  abstract: body,
  body,
});

describe('feed items', () => {
  test('an item is described by its abstract, and a paper without abstract (a BibTeX record) by nothing', () => {
    expect(summarize('')).toBe('');
    const xml = feedXml([paper('a', 'We study lasers.', 1), paper('b', '', 5)], undefined, { name: 'Optics', tagline: 'Light.' }, (p) => summarize(p.body, 300));
    const items = xml.split('<item>').slice(1);
    expect(items).toHaveLength(2);
    expect(items.find((i) => i.includes('Paper a'))).toContain('<description>We study lasers.</description>');
    const bare = items.find((i) => i.includes('Paper b'))!;
    expect(bare).not.toContain('<description>');
    expect(bare).not.toContain('…');
  });
});
