/**
 * Issue 15: one ranking in both engines on a sharded site. Pagefind scores each shard's pages with
 * that shard's statistics (page count, average length, pages holding a term) and merges the shards'
 * results by score; the offline index must order the same papers the same way. The papers are
 * written so that the statistics differ between shards: "kernel" is in every paper of the first
 * shard but in one of each other shard, so its IDF is low in the first and high in the others;
 * some titles hold two words a term begins.
 * The expected order is Pagefind's own, run in Node over the built shards.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PAGEFIND_RANKING } from '../../../src/core/search-rank.ts';
import { buildOfflineSearch } from '../../../src/publish/offline-search.ts';
import { buildPagefindIndex } from '../../../src/publish/pagefind-index.ts';
import type { SearchDoc } from '../../../src/publish/search-document.ts';
import { shardsOf } from '../../../src/publish/search-shards.ts';
import { loadOffline } from '../../../src/site/browser/search/offline-backend.ts';
import type { SearchBackend } from '../../../src/site/browser/search/backend.ts';
import { closePageFromDisk, fakePageFromDisk, OFFLINE_ROOT } from '../../support/offline-page.ts';
import { pagefindInNode } from '../../support/pagefind-node.ts';
import { tempDir } from '../../support/temp-dir.ts';

const MAX_PAGES = 6;
const FILLER = ['river', 'stone', 'cloud', 'maple', 'harbor', 'violet', 'copper', 'meadow', 'lantern', 'orchid', 'summit', 'willow'];
const urls = Array.from({ length: 16 }, (_, i) => `papers/p${i}/`);
const shards = shardsOf(urls, (u) => u, MAX_PAGES);
const docs: SearchDoc[] = shards.flatMap((shard, s) =>
  shard.items.map((url, k) => {
    const i = urls.indexOf(url);
    // Every paper a different length, so no two score alike.
    const filler = FILLER.slice(0, 1 + (i % FILLER.length)).join(' ');
    const kernel = s === 0 || k === 0 ? `kernel methods ${k % 2 ? 'with sparse kernel features' : ''}` : 'dense features';
    // Some titles hold two words a query term begins (`kernel-based` and `kernels`): Pagefind's title boost counts the term once.
    const title = i % 4 === 1 ? `Kernel-based kernels of ${FILLER[i % FILLER.length]}` : `Study ${i} of ${FILLER[i % FILLER.length]}`;
    return { url, title, body: `We report ${kernel} and ${filler} ${'sparse '.repeat(i % 3)}results.`, topic: '', tags: [] };
  }),
);

const dir = tempDir('papershelf-shard-ranking-');
let pagefind: Awaited<ReturnType<typeof pagefindInNode>>;
let offline: SearchBackend;

beforeAll(async () => {
  const site = join(dir, 'site');
  const built = await buildPagefindIndex(site, docs, join(dir, 'cache'), MAX_PAGES);
  expect(built.shards).toBeGreaterThanOrEqual(2);
  pagefind = await pagefindInNode(site, shards.slice(1).map((s) => `s${s.key}`), { baseUrl: '/', ranking: PAGEFIND_RANKING });
  fakePageFromDisk(buildOfflineSearch(docs, MAX_PAGES));
  offline = await loadOffline(new URL(OFFLINE_ROOT));
}, 120_000);

afterAll(() => {
  pagefind?.close();
  closePageFromDisk();
});

const QUERIES = ['kernel', 'kernel methods', 'sparse kernel', 'sparse'];
const ranked = async (engines: { pagefind: typeof pagefind; offline: SearchBackend }, query: string) => {
  const expected = (await engines.pagefind.search(query)).map((r) => r.url.replace(/^\//, ''));
  const got = (await engines.offline.search(query, { topics: [], tags: [], limit: 100 })).hits.map((h) => h.url.slice(OFFLINE_ROOT.length));
  return { expected, got };
};

describe('a two-shard site ranks alike in both engines', () => {
  test.each(QUERIES)('“%s”: the offline order is Pagefind’s merged order', async (query) => {
    const { expected, got } = await ranked({ pagefind, offline }, query);
    expect(expected.length).toBeGreaterThan(1);
    expect(got).toEqual(expected);
  });
});

describe('after papers were added (a shard of recent papers of its own), both engines still rank alike', () => {
  // Three papers of the first shard, where "kernel" is common, as if added lately: a third shard holds them.
  const recent = shards[0]!.items.slice(0, 3);
  const site = join(dir, 'site-recent');
  let engines: { pagefind: typeof pagefind; offline: SearchBackend };

  beforeAll(async () => {
    closePageFromDisk();
    const built = await buildPagefindIndex(site, docs, join(dir, 'cache-recent'), MAX_PAGES, recent);
    const names = shardsOf(docs, (d) => d.url, MAX_PAGES, recent).map((s) => `s${s.key}`);
    expect(names).toContain('sr0');
    expect(built.shards).toBe(names.length);
    const order = [...docs.filter((d) => !recent.includes(d.url)), ...recent.map((url) => docs.find((d) => d.url === url)!)];
    // Pagefind first: it takes a page with a `document` for a browser.
    const served = await pagefindInNode(site, names.slice(1), { baseUrl: '/', ranking: PAGEFIND_RANKING });
    fakePageFromDisk(buildOfflineSearch(order, MAX_PAGES, recent));
    engines = { pagefind: served, offline: await loadOffline(new URL(OFFLINE_ROOT)) };
  }, 120_000);

  afterAll(() => engines?.pagefind.close());

  test.each(QUERIES)('“%s”: the offline order is Pagefind’s merged order', async (query) => {
    const { expected, got } = await ranked(engines, query);
    expect(expected.length).toBeGreaterThan(1);
    expect(got).toEqual(expected);
  });
});
