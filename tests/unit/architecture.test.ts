/**
 * The layering rules of the source tree (issue #16), read from the import graph:
 * - `src/site` (rendering) and `src/publish` (after rendering) never import each other; what both
 *   need is a shared format and lives in `src/core`;
 * - no import cycle anywhere in `src/` and `scripts/`, type-only and dynamic imports included.
 */
import { describe, expect, test } from 'vitest';
import { findCycles, importGraph, importsOf, type ImportEdge } from '../support/import-graph.ts';

const edges = importGraph(process.cwd(), ['src', 'scripts']);
const where = (e: ImportEdge) => `${e.from}:${e.line} imports ${e.to} (${e.kind})`;

describe('the source tree', () => {
  test('is read: the graph has the imports known to be there', () => {
    // A graph that came out empty would pass both rules below.
    expect(edges).toContainEqual(expect.objectContaining({ from: 'src/publish/offline-search.ts', to: 'src/core/offline-index.ts' }));
    expect(edges).toContainEqual(expect.objectContaining({ from: 'src/site/layouts/Base.astro', to: 'src/core/site.ts' }));
  });

  test('src/site and src/publish never import each other', () => {
    const across = edges.filter(
      (e) => (e.from.startsWith('src/site/') && e.to.startsWith('src/publish/')) || (e.from.startsWith('src/publish/') && e.to.startsWith('src/site/')),
    );
    expect(across.map(where)).toEqual([]);
  });

  test('no import cycle in src/ or scripts/', () => {
    expect(findCycles(edges).map((cycle) => cycle.join(' → '))).toEqual([]);
  });
});

describe('importsOf', () => {
  test('finds every kind of relative import, with its line, and ignores packages and workers', () => {
    const code = [
      "import { a } from './a.ts';",
      "import type { B } from '../b.ts';",
      "import { type C } from './c.ts';",
      "export { d } from './d.ts';",
      "export type { E } from './e.ts';",
      "import fs from 'node:fs';",
      "let f: typeof import('./f.ts') | undefined;",
      "const g = () => import('./g.ts');",
      "new Worker(new URL('./h.ts', import.meta.url));",
    ].join('\n');
    expect(importsOf(code, 'x.ts')).toEqual([
      { specifier: './a.ts', line: 1, kind: 'static' },
      { specifier: '../b.ts', line: 2, kind: 'type' },
      { specifier: './c.ts', line: 3, kind: 'type' },
      { specifier: './d.ts', line: 4, kind: 'static' },
      { specifier: './e.ts', line: 5, kind: 'type' },
      { specifier: './f.ts', line: 7, kind: 'type' },
      { specifier: './g.ts', line: 8, kind: 'dynamic' },
    ]);
  });

  test('reads the front matter of an .astro file, on its own lines', () => {
    const astro = ['---', "import Base from '../layouts/Base.astro';", '---', '<Base><p>import nothing</p></Base>'].join('\n');
    expect(importsOf(astro, 'page.astro')).toEqual([{ specifier: '../layouts/Base.astro', line: 2, kind: 'static' }]);
  });
});

describe('findCycles', () => {
  test('names one cycle per tangle, and none in a graph without one', () => {
    const edge = (from: string, to: string) => ({ from, to });
    expect(findCycles([edge('a', 'b'), edge('b', 'c'), edge('a', 'c')])).toEqual([]);
    expect(findCycles([edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('c', 'd'), edge('x', 'x')])).toEqual([
      ['a', 'b', 'c', 'a'],
      ['x', 'x'],
    ]);
  });
});
