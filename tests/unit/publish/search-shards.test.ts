/**
 * Issue 18: the search index in shards of bounded size, by a stable key, so a paper stays in its
 * shard and adding papers re-indexes only the shards they fall in.
 */
import { describe, expect, test } from 'vitest';
import { RECENT_SHARD_PAGES, shardsOf } from '../../../src/publish/search-shards.ts';

const urls = (from: number, count: number) => Array.from({ length: count }, (_, i) => `papers/paper-${from + i}.html`);
const byKey = (shards: Array<{ key: string; items: string[] }>) => new Map(shards.map((s) => [s.key, s.items]));

describe('search index shards', () => {
  test('every paper is in exactly one shard, and no shard holds more than the bound', () => {
    const list = urls(0, 5000);
    const shards = shardsOf(list, (u) => u, 1000);
    expect(shards.length).toBeGreaterThan(4);
    expect(shards.every((s) => s.items.length <= 1000)).toBe(true);
    expect(shards.flatMap((s) => s.items).sort()).toEqual([...list].sort());
  });

  test('a list within the bound is one shard', () => {
    expect(shardsOf(urls(0, 500), (u) => u, 1000).map((s) => s.key)).toEqual(['']);
  });

  test('adding papers changes only the shards they fall in', () => {
    const before = byKey(shardsOf(urls(0, 6000), (u) => u, 1000));
    const added = urls(6000, 3);
    const after = byKey(shardsOf([...urls(0, 6000), ...added], (u) => u, 1000));
    expect([...after.keys()]).toEqual([...before.keys()]);
    const touched = [...after].filter(([key, items]) => items.join() !== before.get(key)!.join()).map(([key]) => key);
    const holding = [...after].filter(([, items]) => items.some((u) => added.includes(u))).map(([key]) => key);
    expect(touched).toEqual(holding);
    expect(touched.length).toBeLessThan(after.size);
  });

  test('the same list gives the same shards in any order', () => {
    const list = urls(0, 3000);
    const sorted = (shards: Array<{ key: string; items: string[] }>) => shards.map((s) => [s.key, [...s.items].sort()]);
    expect(sorted(shardsOf([...list].reverse(), (u) => u, 1000))).toEqual(sorted(shardsOf(list, (u) => u, 1000)));
  });

  test('recently added papers get shards of their own, in the order they came: adding more changes only the last', () => {
    const base = urls(0, 6000);
    const recent = urls(6000, RECENT_SHARD_PAGES + 5);
    const before = shardsOf([...base, ...recent], (u) => u, 1000, recent);
    const added = urls(7100, 10);
    const after = shardsOf([...added, ...base, ...recent], (u) => u, 1000, [...recent, ...added]);
    expect(before.slice(-2).map((s) => s.key)).toEqual(['r0', 'r1']);
    expect(before.slice(-2).map((s) => s.items)).toEqual([recent.slice(0, RECENT_SHARD_PAGES), recent.slice(RECENT_SHARD_PAGES)]);
    // The trie shards are those of the list without its recent papers, and only the last recent shard grew.
    expect(before.slice(0, -2)).toEqual(shardsOf(base, (u) => u, 1000));
    expect(after.slice(0, -1)).toEqual(before.slice(0, -1));
    expect(after.at(-1)!.items).toEqual([...recent.slice(RECENT_SHARD_PAGES), ...added]);
  });
});
