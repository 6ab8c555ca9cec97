/**
 * A rebuild keeps the paper pages whose inputs did not change and renders the rest, and the site it
 * leaves is byte for byte the site a build from scratch makes of the same sources (issue #18: after adding
 * a dump of 10 papers, `dist/` not cleared, pages rendered by several Astro processes at once).
 */
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { build, copyProject } from '../support/project-copy.ts';

const ACL_BARE = 'tests/fixtures/real-dumps/acl-bare.txt';

function files(dir: string, root = dir): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) for (const [k, v] of files(path, root)) out.set(k, v);
    else out.set(relative(root, path), readFileSync(path));
  }
  return out;
}

const kept = (output: string) => /build: paper pages: (\d+) kept from the last build, (\d+) to render/.exec(output)!.slice(1).map(Number);
const keptLists = (output: string) => Number(/build: list pages: (\d+) kept from the last build/.exec(output)![1]);

/** Modification times of the paper pages in `dist`, by file name. */
function paperPageTimes(dist: string): Map<string, number> {
  const dir = join(dist, 'papers');
  return new Map(readdirSync(dir).filter((n) => n.endsWith('.html')).map((n) => [n, statSync(join(dir, n)).mtimeMs]));
}

/** Modification times of the all-papers list's letter pages (papers/page/…), by path. */
function letterPageTimes(dist: string): Map<string, number> {
  const dir = join(dist, 'papers', 'page');
  return new Map((readdirSync(dir, { recursive: true }) as string[]).filter((n) => n.endsWith('.html')).map((n) => [n, statSync(join(dir, n)).mtimeMs]));
}

describe('incremental rebuilds', () => {
  test('after a new dump of 10 papers, a one-paper dump and a corrected title, the site equals a build from scratch', () => {
    const dir = copyProject('incremental');
    const [keptFirst] = kept(build(dir));
    expect(keptFirst).toBe(0);

    const before = paperPageTimes(join(dir, 'dist'));
    const lettersBefore = letterPageTimes(join(dir, 'dist'));
    // A dump of 10 papers from elsewhere (one abstract a line: titles derived), a new dump with one paper,
    // and a title corrected in an existing dump.
    const tenPapers = readFileSync(ACL_BARE, 'utf8').split('\n').filter((line) => line.trim()).slice(0, 10);
    writeFileSync(join(dir, 'content', 'sources', 'zz-ten.txt'), `${tenPapers.join('\n')}\n`);
    writeFileSync(
      join(dir, 'content', 'sources', 'zz-new.txt'),
      'Linear-Time Graph Transformers for Molecules\nWe propose a graph transformer whose attention scales linearly with the number of nodes, and show that it beats message-passing networks on molecular property prediction.\n',
    );
    const source = join(dir, 'content', 'sources', '001_a381271d1475ca1a.txt');
    writeFileSync(source, readFileSync(source, 'utf8').replace('What\'s in a Prior? Learned Proximal Networks for Inverse Problems', 'Learned Proximal Networks for Inverse Problems'));
    // Rendered by two Astro processes, which a site this small gets only when asked.
    const output = build(dir, { PAPERSHELF_RENDER_PROCESSES: '2' });
    const [keptAfter, rendered] = kept(output);
    // The ingest swapped in a new entries folder; the old one does not stay behind beside it.
    expect(readdirSync(join(dir, 'content')).filter((name) => name.startsWith('papers.'))).toEqual([]);
    expect(keptLists(output)).toBeGreaterThan(0); // tags none of the new papers has keep their pages
    expect(keptAfter).toBeGreaterThan(528 / 2); // most of the 528 pages did not change…
    expect(rendered).toBeGreaterThanOrEqual(12); // …but the 11 new papers' and the corrected one's did
    // dist/ was not emptied: the kept pages are the very files of the first build.
    const after = paperPageTimes(join(dir, 'dist'));
    expect([...after].filter(([name, time]) => before.get(name) === time).length).toBe(keptAfter);
    // A paper added changes about one page of the all-papers list: its letter's (issue #18). The 12 papers added
    // or retitled fall under 8 of the seeds' 23 letter pages (at most 12); with pages of a fixed size, every page
    // after the first paper added was rendered again (10 of 10).
    const lettersAfter = letterPageTimes(join(dir, 'dist'));
    const rewritten = [...lettersAfter].filter(([name, time]) => lettersBefore.get(name) !== time).length;
    expect(rewritten).toBeGreaterThan(0);
    expect(rewritten).toBeLessThanOrEqual(12);
    expect(rewritten).toBeLessThan(lettersAfter.size / 2);
    const incremental = files(join(dir, 'dist'));

    renameSync(join(dir, 'dist'), join(dir, 'dist-incremental'));
    // Two processes here too, which a first build starts before its render plans (scripts/lib/render-shares.ts).
    const [keptScratch] = kept(build(dir, { PAPERSHELF_RENDER_PROCESSES: '2' }));
    expect(keptScratch).toBe(0);
    const scratch = files(join(dir, 'dist'));

    const differing = [...scratch.keys()].filter((f) => !incremental.get(f)?.equals(scratch.get(f)!));
    expect(differing).toEqual([]);
    expect([...incremental.keys()].filter((f) => !scratch.has(f))).toEqual([]);
    expect(incremental.has('papers/linear-time-graph-transformers-for-molecules.html')).toBe(true);
  }, 480_000);
});
