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

  test('papers of the same title, and tags of the same size and name up to case, come in one order whatever order the entries came in', () => {
    // A rebuild gets its entries in another order than a build from scratch (issue #18: the pages must be the same).
    const entries = ['c', 'a', 'b'].map((id) => ({ ...entry(id, 'Deep Learning'), data: { ...entry(id, 'Deep Learning').data, tags: id === 'a' ? ['RNN'] : id === 'b' ? ['rnn'] : [] } }));
    for (const order of [entries, [...entries].reverse()]) {
      const catalog = buildCatalog(order);
      expect(catalog.papers.map((p) => p.slug)).toEqual(['paper-a', 'paper-b', 'paper-c']);
      expect(catalog.tags.map((t) => t.name)).toEqual(['RNN', 'rnn']);
    }
  });
});
