/**
 * Issue 18: Pagefind runs once per shard, and a rebuild runs it only for shards whose papers
 * changed; the browser finds each shard, the shards holding each word and each page's facets.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { PAGEFIND_CHUNKS_FILE, PAGEFIND_FACETS_FILE, PAGEFIND_SHARDS_FILE, PAGEFIND_WORDS_DIR, pagefindChunkFile, type PagefindChunks, type PagefindFacets, type PagefindShards, type PagefindWords } from '../../../src/core/pagefind-format.ts';
import { shardOf, stem } from '../../../src/core/search-terms.ts';
import { buildOfflineSearch } from '../../../src/publish/offline-search.ts';
import { COMPILE_HINT } from '../../../src/publish/compile-hint.ts';
import { buildPagefindIndex, ShardWords } from '../../../src/publish/pagefind-index.ts';
import type { SearchDoc } from '../../../src/publish/search-document.ts';
import { tempDir } from '../../support/temp-dir.ts';

const WORDS = ['graph', 'kernel', 'sparse', 'tensor', 'bandit', 'ranking', 'lattice', 'quantum'];
const docs: SearchDoc[] = WORDS.map((word, i) => ({
  url: `papers/p${i}.html`,
  title: `On ${word} methods`,
  body: `We study ${word} methods and their limits.`,
  topic: i % 2 ? 'Even topic' : 'Odd topic',
  tags: [`${word} tag`],
}));

const dir = tempDir('papershelf-pagefind-');
const site = join(dir, 'site');
const cache = join(dir, 'cache');

describe('the sharded Pagefind index', () => {
  test('each shard is indexed once, and again only when its papers change', async () => {
    const first = await buildPagefindIndex(site, docs, cache, 3);
    expect(first.pages).toBe(docs.length);
    expect(first.shards).toBeGreaterThanOrEqual(3);
    expect(first.indexed).toBe(first.shards);

    expect((await buildPagefindIndex(site, docs, cache, 3)).indexed).toBe(0);

    const changed = docs.map((d, i) => (i === 5 ? { ...d, body: `${d.body} Revised.` } : d));
    const third = await buildPagefindIndex(site, changed, cache, 3);
    expect(third.indexed).toBe(1);
    expect(third.pages).toBe(docs.length);

    // The site's folder after the rebuild holds what one written afresh from the same shards holds, and no more.
    const fresh = join(dir, 'fresh');
    await buildPagefindIndex(fresh, changed, cache, 3);
    const files = (root: string) => new Map((readdirSync(join(root, 'pagefind'), { recursive: true }) as string[]).sort().filter((f) => statSync(join(root, 'pagefind', f)).isFile()).map((f) => [f, readFileSync(join(root, 'pagefind', f), 'utf8')]));
    expect(files(site)).toEqual(files(fresh));
    // Fewer shards (papers deleted): the folders of the shards gone are gone.
    await buildPagefindIndex(site, changed.slice(0, 3), cache, 3);
    await buildPagefindIndex(fresh, docs.slice(0, 3), cache, 3);
    expect(files(site)).toEqual(files(fresh));
    await buildPagefindIndex(site, changed, cache, 3); // the site the tests below read
  }, 120_000);

  test('a shard whose documents have the hashes and code key they had is kept without making its records; another key falls back to the records', async () => {
    const inputsCache = join(dir, 'inputs-cache');
    const inputsSite = join(dir, 'inputs-site');
    const hashOf = (d: SearchDoc) => JSON.stringify([d.url, d.title, d.body, d.topic, d.tags]);
    expect((await buildPagefindIndex(inputsSite, docs, inputsCache, 3, [], undefined, { key: 'code', hashOf })).indexed).toBeGreaterThanOrEqual(3);
    const revised = docs.map((d, i) => (i === 5 ? { ...d, body: `${d.body} Revised.` } : d));
    // Hashes that say nothing changed are believed under the same key: the records (which did change) are not made.
    expect((await buildPagefindIndex(inputsSite, revised, inputsCache, 3, [], undefined, { key: 'code', hashOf: (d) => hashOf(docs[revised.indexOf(d)]!) })).indexed).toBe(0);
    // Under another key (the code changed) the records are compared: the revised paper's shard runs again.
    expect((await buildPagefindIndex(inputsSite, revised, inputsCache, 3, [], undefined, { key: 'new code', hashOf })).indexed).toBe(1);
    // And with its true hash, the same key sees the change too.
    expect((await buildPagefindIndex(inputsSite, docs, inputsCache, 3, [], undefined, { key: 'new code', hashOf })).indexed).toBe(1);
    expect((await buildPagefindIndex(inputsSite, docs, inputsCache, 3, [], undefined, { key: 'new code', hashOf })).indexed).toBe(0);
  }, 120_000);

  test('the site’s pagefind.js opens with the compile hint, the cached one stays as Pagefind wrote it', () => {
    const served = readFileSync(join(site, 'pagefind', 'pagefind.js'), 'utf8');
    const cached = readdirSync(cache).map((folder) => join(cache, folder, 'pagefind.js')).filter(existsSync);
    expect(served.startsWith(COMPILE_HINT)).toBe(true);
    expect(served.indexOf(COMPILE_HINT, 1)).toBe(-1);
    expect(cached.length).toBeGreaterThan(0);
    for (const file of cached) expect(served).toBe(COMPILE_HINT + readFileSync(file, 'utf8'));
  });

  test('the site lists its shards, which shards hold each word, and each page’s facets', () => {
    const { shards } = JSON.parse(readFileSync(join(site, PAGEFIND_SHARDS_FILE), 'utf8')) as PagefindShards;
    const chunks = JSON.parse(readFileSync(join(site, PAGEFIND_CHUNKS_FILE), 'utf8')) as PagefindChunks;
    shards.slice(1).forEach((folder) => expect(existsSync(join(site, 'pagefind', folder, 'pagefind-entry.json'))).toBe(true));
    // Each paper's own word lives in exactly one shard.
    for (const word of WORDS) {
      const words = JSON.parse(readFileSync(join(site, PAGEFIND_WORDS_DIR, `${shardOf(stem(word))}.json`), 'utf8')) as PagefindWords;
      expect(words[stem(word)]).toHaveLength(1);
      // The chunk list names the one index chunk of that shard holding the word, and the chunk exists.
      const [shard] = words[stem(word)] as number[];
      const own = chunks[shards[shard!]!]!.filter(([from, to]) => from <= stem(word) && stem(word) <= to);
      expect(own).toHaveLength(1);
      expect(existsSync(join(site, 'pagefind', ...(shard === 0 ? [] : [shards[shard!]!]), pagefindChunkFile(own[0]![2])))).toBe(true);
    }
    const facets = shards.map((folder, i) => JSON.parse(gunzipSync(readFileSync(join(site, 'pagefind', ...(i === 0 ? [] : [folder]), PAGEFIND_FACETS_FILE))).toString()) as PagefindFacets);
    expect(facets.reduce((n, f) => n + Object.keys(f.pages).length, 0)).toBe(docs.length);
    expect(new Set(facets.flatMap((f) => f.tags))).toEqual(new Set(docs.flatMap((d) => d.tags)));
  });

  test('word files made from the words the offline index cut are those Pagefind’s own pass makes', async () => {
    const known = new ShardWords(docs, 3);
    buildOfflineSearch(docs, 3, [], (doc, words) => known.add(doc, words));
    const [own, other] = [join(dir, 'site-own'), join(dir, 'site-known')];
    await buildPagefindIndex(own, docs, join(dir, 'cache-own'), 3);
    await buildPagefindIndex(other, docs, join(dir, 'cache-known'), 3, [], known);
    const wordsDir = (root: string) => join(root, PAGEFIND_WORDS_DIR);
    const files = readdirSync(wordsDir(own)).sort();
    expect(files.length).toBeGreaterThan(1);
    expect(readdirSync(wordsDir(other)).sort()).toEqual(files);
    for (const file of files) expect(readFileSync(join(wordsDir(other), file), 'utf8')).toBe(readFileSync(join(wordsDir(own), file), 'utf8'));
  }, 120_000);

  test('shards indexed several at once, on worker threads, and more once allowed, make the files one run at a time makes', async () => {
    const files = (root: string) => new Map((readdirSync(join(root, 'pagefind'), { recursive: true }) as string[]).sort().filter((f) => statSync(join(root, 'pagefind', f)).isFile()).map((f) => [f, readFileSync(join(root, 'pagefind', f))]));
    const one = join(dir, 'site-one-run');
    const sequential = await buildPagefindIndex(one, docs, join(dir, 'cache-one-run'), 3);
    for (const [name, runs] of [['two', { now: 2 }], ['widened', { now: 1, later: Promise.resolve(3) }]] as const) {
      const several = join(dir, `site-${name}-runs`);
      const built = await buildPagefindIndex(several, docs, join(dir, `cache-${name}-runs`), 3, [], undefined, undefined, () => runs);
      expect(built).toEqual(sequential);
      expect(built.indexed).toBe(built.shards);
      expect(files(several)).toEqual(files(one));
    }
  }, 120_000);
});
