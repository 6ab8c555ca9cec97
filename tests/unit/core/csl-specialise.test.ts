/**
 * A CSL style specialised to an item's shape (src/core/csl-specialise.ts) renders every item of that shape
 * exactly as the style itself does: formatReferences (specialised, by shape) against formatReference (the
 * style as citation-js registers it) over every combination of the fields the site's CSL items carry.
 */
import { describe, expect, test } from 'vitest';
import { formatReference, formatReferences } from '../../../src/core/citation-js.ts';
import { itemShape, specialiseStyle, type CslNode } from '../../../src/core/csl-specialise.ts';
import { cslItem, type CitablePaper } from '../../../src/site/lib/csl-item.ts';

/** Every combination of venue kind, authors, year, ids, links and a derived title: 4 × 4 × 2 × 2 × 2 × 2 × 2 papers. */
function everyShape(): CitablePaper[] {
  const venues = [undefined, 'Journal of Things', 'Proceedings of the Workshop on Twins', 'arxiv'] as const;
  const authorLists = [undefined, ['Plato'], ['Ann Bee', 'Ludwig van Beethoven'], Array.from({ length: 22 }, (_, i) => `Author${i} Family${i}`)];
  const papers: CitablePaper[] = [];
  let n = 0;
  for (const venue of venues)
    for (const authors of authorLists)
      for (const year of [undefined, 2021])
        for (const doi of [undefined, '10.5555/1'])
          for (const pmid of [undefined, '123'])
            for (const links of [undefined, [{ label: 'Project page', url: 'https://example.org/p' }]])
              for (const derivedTitle of [false, true]) {
                n += 1;
                papers.push({
                  id: `p${n}`,
                  title: n % 3 === 0 ? 'Scaling “laws”: $E = mc^2$ revisited?' : `A title ${n}`,
                  ...(derivedTitle ? { derivedTitle } : {}),
                  ...(authors ? { authors } : {}),
                  ...(year ? { year } : {}),
                  ...(venue && venue !== 'arxiv' ? { venue } : {}),
                  ids: { ...(venue === 'arxiv' ? { arxiv: '2101.00001' } : {}), ...(doi ? { doi } : {}), ...(pmid ? { pmid } : {}) },
                  ...(links ? { links } : {}),
                });
              }
  return papers;
}

describe('a style specialised to the shape of an item', () => {
  const items = everyShape().map(cslItem);
  test.each(['apa', 'harvard1'])('renders every shape of item the site makes as the style itself does (%s, HTML)', (style) => {
    const run = formatReferences(items, 'html', style);
    const entry = (html: string) => /<div[^>]*class="csl-entry"[^>]*>[\s\S]*?<\/div>/.exec(html)![0].replace(/ data-csl-entry-id="[^"]*"/, '');
    items.forEach((item, i) => expect(entry(run[i]!)).toBe(entry(formatReference(item, 'html', style))));
  }, 120_000);

  test('has no shape for an item whose note holds variables citeproc-js reads (`type: book`)', () => {
    expect(itemShape({ type: 'document', title: 'T', note: 'type: book' })).toBeUndefined();
    expect(itemShape({ type: 'document', title: 'T', note: 'No title in the sources' })).toBeDefined();
  });

  test('resolves type and variable conditions, and leaves what the shape does not decide', () => {
    const style: CslNode = {
      name: 'style', attrs: {}, children: [{
        name: 'choose', attrs: {}, children: [
          { name: 'if', attrs: { type: 'book' }, children: [{ name: 'text', attrs: { value: 'book' }, children: [] }] },
          { name: 'else-if', attrs: { variable: 'DOI' }, children: [{ name: 'text', attrs: { variable: 'DOI' }, children: [] }] },
          { name: 'else-if', attrs: { position: 'first' }, children: [{ name: 'text', attrs: { value: 'first' }, children: [] }] },
          { name: 'else', attrs: {}, children: [{ name: 'text', attrs: { variable: 'title' }, children: [] }] },
        ],
      }],
    };
    const names = (node: CslNode | string): string[] => (typeof node === 'string' ? [] : [node.name, ...node.children.flatMap(names)]);
    // A document with a DOI: not a book, has a DOI, so the DOI branch is taken outright.
    expect(specialiseStyle(style, itemShape({ type: 'document', DOI: '10.1/x' })!).children).toEqual([{ name: 'text', attrs: { variable: 'DOI' }, children: [] }]);
    // Without one, `position` (a cite's, not the item's) stays a test, with the title as its else.
    const kept = specialiseStyle(style, itemShape({ type: 'document', title: 'T' })!);
    expect(names(kept)).toEqual(['style', 'choose', 'if', 'text', 'else', 'text']);
    expect(names(style)).toHaveLength(10); // the input is not changed
  });
});
