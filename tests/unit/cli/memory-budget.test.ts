/**
 * The build runs a second Astro process only when it fits the process tree's memory budget beside the build
 * process and a Pagefind run (issue #18: a 50k-paper cold build within 3 GiB over the whole tree).
 */
import { describe, expect, test } from 'vitest';
import { entriesWrittenAlongside, pagefindRunsWithin, renderProcessesWithin, TREE_BUDGET_MIB } from '../../../scripts/lib/memory-budget.ts';

describe('render processes within the memory budget', () => {
  test('the budget is the issue\'s 3 GiB', () => {
    expect(TREE_BUDGET_MIB).toBe(3 * 1024);
  });

  test('a 50k-paper list renders in one Astro process: two would not fit 3 GiB', () => {
    expect(renderProcessesWithin(50_000, 8192, 2)).toBe(1);
  });

  test('a 10k-paper list keeps both cores rendering', () => {
    expect(renderProcessesWithin(10_000, 8192, 2)).toBe(2);
  });

  test('never more than asked, never none, and fewer as the list grows', () => {
    let last = 2;
    for (let papers = 0; papers <= 200_000; papers += 5000) {
      const n = renderProcessesWithin(papers, 8192, 2);
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(last);
      last = n;
    }
    expect(renderProcessesWithin(1000, 8192, 1)).toBe(1);
  });
});

describe('the ingest child writing the entries after its hand-off', () => {
  // The child holds its peak (1,407 MiB at 50k, memory-budget.ts) until it ends: beside two Astro processes and the
  // build it would pass issue #18's 3 GiB at 50k, while a 10k build has room to spare (its tree peaked at 1,977 MiB).
  test('a 10k-paper list hands over first; a 50k-paper list writes first', () => {
    expect(entriesWrittenAlongside(10_000)).toBe(true);
    expect(entriesWrittenAlongside(50_000)).toBe(false);
  });

  test('a larger list never gets the overlap a smaller one was refused', () => {
    const sizes = [1, 1_000, 5_000, 10_000, 20_000, 30_000, 40_000, 50_000, 100_000];
    const allowed = sizes.map((n) => entriesWrittenAlongside(n));
    expect(allowed).toEqual([...allowed].sort((a, b) => Number(b) - Number(a)));
  });

  test('a smaller budget refuses it sooner', () => {
    expect(entriesWrittenAlongside(10_000, 1_024)).toBe(false);
  });
});

describe('Pagefind runs at once within the memory budget', () => {
  // A 10k list has two shards of ~5k pages (search-shards.ts), a 50k list eight of ~6.3k; a Pagefind run took
  // ~600 MiB for a 6,250-page shard (memory-budget.ts).
  test('a 10k-paper list indexes its two shards at once beside two Astro processes', () => {
    expect(pagefindRunsWithin(10_000, 5_100, 2, 2)).toBe(2);
  });

  test('a 50k-paper list indexes one shard at a time beside its Astro process, two once Astro has ended', () => {
    expect(pagefindRunsWithin(50_000, 6_400, 1, 2)).toBe(1);
    expect(pagefindRunsWithin(50_000, 6_400, 0, 2)).toBe(2);
  });

  test('never more than asked, never none', () => {
    expect(pagefindRunsWithin(1_000, 1_000, 0, 1)).toBe(1);
    expect(pagefindRunsWithin(200_000, 8_192, 2, 2)).toBe(1);
  });
});
