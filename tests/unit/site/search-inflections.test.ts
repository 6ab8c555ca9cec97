/**
 * Session 16's report: "ice shelf melt" missed "Accelerating Ice Loss from Antarctic Ice Shelves…"
 * (Porter2 stems `shelves` to `shelv`, which `shelf` does not begin).
 * Both engines are built from the same documents and asked the same queries: Pagefind run in Node
 * over its built index, as the browser runs it, and the offline engine. The expected finds are the
 * issue's: a query word finds the papers that use an inflected form of it ("mouse" finds "mice",
 * "shelf" finds "shelves", "study" finds "studies").
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PAGEFIND_RANKING } from '../../../src/core/search-rank.ts';
import { buildOfflineSearch } from '../../../src/publish/offline-search.ts';
import { buildPagefindIndex } from '../../../src/publish/pagefind-index.ts';
import type { SearchDoc } from '../../../src/publish/search-document.ts';
import type { SearchBackend } from '../../../src/site/browser/search/backend.ts';
import { loadOffline } from '../../../src/site/browser/search/offline-backend.ts';
import { closePageFromDisk, fakePageFromDisk, OFFLINE_ROOT } from '../../support/offline-page.ts';
import { pagefindInNode } from '../../support/pagefind-node.ts';
import { tempDir } from '../../support/temp-dir.ts';

const SHELVES: SearchDoc = {
  url: 'papers/ice-shelves/',
  title: 'Accelerating Ice Loss from Antarctic Ice Shelves',
  body: 'Satellite altimetry shows the floating shelves thinning as warm water drives basal melt.',
  topic: 'Glaciology',
  tags: ['ice sheets'],
};
/** A paper whose topic and tags hold the query words more densely than its abstract does. */
const AMUNDSEN: SearchDoc = {
  url: 'papers/amundsen/',
  title: 'Ocean heat in the Amundsen Sea',
  body:
    'Floating ice around Antarctica is thinning. We combine satellite altimetry with ocean records from 1994 to 2018 ' +
    'and find that warm water reaching the grounding line drives most of the loss, while surface conditions matter ' +
    'little over the period. Basal melt rates doubled in the eastern sector, and the thinning spreads inland where ' +
    'the bed deepens, which models of the coming century must take into account.',
  topic: 'Ice Shelf',
  tags: ['Amundsen Sea', 'shelf melt', 'ice shelf'],
};
const MICE: SearchDoc = {
  url: 'papers/knockout-mice/',
  title: 'Knockout mice lacking a circadian receptor',
  body: 'Mice without the receptor sleep at irregular hours and gain weight on a normal diet.',
  topic: '',
  tags: [],
};
const STUDIES: SearchDoc = {
  url: 'papers/case-studies/',
  title: 'Case studies of rural clinics',
  body: 'Three studies follow rural clinics through a year of staff shortages.',
  topic: '',
  tags: [],
};
const SHELF: SearchDoc = {
  url: 'papers/shelf-life/',
  title: 'Shelf life of packaged bread',
  body: 'We measure how long packaged bread keeps at room temperature.',
  topic: '',
  tags: [],
};
const DOCS = [SHELVES, AMUNDSEN, MICE, STUDIES, SHELF];

const dir = tempDir('papershelf-inflections-');
let pagefind: Awaited<ReturnType<typeof pagefindInNode>>;
let offline: SearchBackend;

beforeAll(async () => {
  const site = join(dir, 'site');
  await buildPagefindIndex(site, DOCS, join(dir, 'cache'));
  pagefind = await pagefindInNode(site, [], { baseUrl: '/', ranking: PAGEFIND_RANKING });
  fakePageFromDisk(buildOfflineSearch(DOCS));
  offline = await loadOffline(new URL(OFFLINE_ROOT));
}, 120_000);

afterAll(() => {
  pagefind?.close();
  closePageFromDisk();
});

const found = async (query: string) => ({
  pagefind: (await pagefind.search(query)).map((r) => r.url.replace(/^\//, '')).sort(),
  offline: (await offline.search(query, { topics: [], tags: [], limit: 10 })).hits.map((h) => h.url.slice(OFFLINE_ROOT.length)).sort(),
});

describe('a query word finds the papers that use an inflected form of it, in both engines', () => {
  test.each([
    ['ice shelf melt', [SHELVES, AMUNDSEN]],
    ['shelf', [SHELVES, AMUNDSEN, SHELF]],
    ['mouse', [MICE]],
    ['study', [STUDIES]],
  ])('“%s”', async (query, papers) => {
    const expected = papers.map((p) => p.url).sort();
    expect(await found(query)).toEqual({ pagefind: expected, offline: expected });
  });
});
