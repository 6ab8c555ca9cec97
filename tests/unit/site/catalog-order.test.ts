/** Papers are listed in title order as a library files them: leading symbols and emoji do not count. */
import { describe, expect, test } from 'vitest';
import type { PaperFrontMatter } from '../../../src/core/paper.ts';
import { buildCatalog } from '../../../src/site/lib/catalog.ts';

const entry = (id: string, title: string): { id: string; data: PaperFrontMatter } => ({
  id: `paper-${id}`,
  data: { id: id.padStart(12, '0'), title, derivedTitle: false, topic: '', tags: [], sources: [{ file: 'content/sources/a.txt', line: 1 }], aliases: [], related: [] },
});

describe('title order', () => {
  test('a title opening with an emoji, a symbol, quotes or math files under its first letter', () => {
    const titles = ['Zebrafish Models', '🚀 Rocket Science for Language Models', '∑-Nets: Summing Networks', '"Why Should I Trust You?"', 'Attention Is All You Need', '$E = mc^2$ Revisited', '2 Layers Suffice', '10 Layers Suffice'];
    const catalog = buildCatalog(titles.map((t, i) => entry(String(i + 1), t)));
    expect(catalog.papers.map((p) => p.plainTitle)).toEqual([
      '2 Layers Suffice',
      '10 Layers Suffice',
      'Attention Is All You Need',
      'E = mc² Revisited',
      '∑-Nets: Summing Networks',
      '🚀 Rocket Science for Language Models',
      '"Why Should I Trust You?"',
      'Zebrafish Models',
    ]);
  });
});
