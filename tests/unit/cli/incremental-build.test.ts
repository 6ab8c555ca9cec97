/**
 * The build's incremental and parallel parts (issue #18): the stale-file sweep that replaced emptying
 * `dist/`, the render plans that share pages out between Astro processes, and the stage lines the
 * benchmark reads.
 */
import { mkdirSync, readFileSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseBuildOutput } from '../../../scripts/bench/papershelf.ts';
import { removeStale, writeRenderPlans, type PagePlan } from '../../../scripts/lib/incremental-pages.ts';
import type { RenderPlanFile } from '../../../src/site/lib/kept-pages.ts';
import type { Slug } from '../../../src/core/slug.ts';
import { tempDir } from '../../support/temp-dir.ts';

describe('removeStale', () => {
  test('deletes files older than the build unless kept, and the folders it empties', () => {
    const dir = tempDir('papershelf-stale-');
    const old = Date.now() / 1000 - 3600;
    const write = (path: string, stale: boolean) => {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), path);
      if (stale) utimesSync(join(dir, path), old, old);
    };
    write('papers/kept.html', true);
    write('papers/gone.html', true);
    write('papers/new.html', false);
    write('tags/gone/2.html', true);
    const since = Date.now() - 60_000;
    expect(removeStale(dir, since, (path) => path === 'papers/kept.html')).toBe(2);
    expect(existsSync(join(dir, 'papers/kept.html'))).toBe(true);
    expect(existsSync(join(dir, 'papers/new.html'))).toBe(true);
    expect(existsSync(join(dir, 'papers/gone.html'))).toBe(false);
    expect(existsSync(join(dir, 'tags'))).toBe(false);
  });
});

describe('writeRenderPlans', () => {
  const slugs = Array.from({ length: 100 }, (_, i) => `paper-${i}` as Slug);
  const plan: PagePlan = { keep: slugs.slice(0, 20), keepLists: ['tags/a.html'], signatures: {}, listPages: 30 };
  const toRender = slugs.slice(20);

  test('every page to render is rendered by exactly one process, kept pages by none, lists by process 0', () => {
    const dir = tempDir('papershelf-plans-');
    const plans = writeRenderPlans(dir, plan, toRender, 2).map((file) => JSON.parse(readFileSync(file, 'utf8')) as RenderPlanFile);
    expect(plans.map((p) => p.lists)).toEqual([true, false]);
    for (const slug of slugs) {
      const renderers = plans.filter((p) => !p.skip.includes(slug)).length;
      expect(renderers).toBe(plan.keep.includes(slug) ? 0 : 1);
    }
    // 80 paper pages and 30 list pages at 1.3 paper pages each (39): each process gets (80 + 39) / 2 = 59.5 pages'
    // work, so process 0, which has the lists, takes 59.5 - 39 = 20.5 → 21 paper pages, process 1 the other 59.
    expect(plans.map((p) => slugs.length - p.skip.length)).toEqual([21, 59]);
    expect(plans.every((p) => p.skipLists.includes('tags/a.html'))).toBe(true);
  });

  test('a process that starts behind process 0 gets that many paper pages fewer', () => {
    const dir = tempDir('papershelf-plans-');
    // A head start of 20 paper pages: each gets (80 + 39 + 20) / 2 = 69.5, so process 0 takes 69.5 - 39 = 30.5 → 31
    // paper pages and process 1 (69.5 - 20 = 49.5 →) 49.
    const plans = writeRenderPlans(dir, plan, toRender, 2, 20).map((file) => JSON.parse(readFileSync(file, 'utf8')) as RenderPlanFile);
    expect(plans.map((p) => slugs.length - p.skip.length)).toEqual([31, 49]);
    for (const slug of toRender) expect(plans.filter((p) => !p.skip.includes(slug)).length).toBe(1);
    // A head start larger than all the work: process 0 renders everything.
    const [first, second] = writeRenderPlans(dir, plan, toRender, 2, 1000).map((file) => JSON.parse(readFileSync(file, 'utf8')) as RenderPlanFile);
    expect(slugs.length - first!.skip.length).toBe(80);
    expect(slugs.length - second!.skip.length).toBe(0);
  });

  test('one process renders everything that is not kept', () => {
    const dir = tempDir('papershelf-plans-');
    const [only] = writeRenderPlans(dir, plan, toRender, 1).map((file) => JSON.parse(readFileSync(file, 'utf8')) as RenderPlanFile);
    expect(only!.lists).toBe(true);
    expect(new Set(only!.skip)).toEqual(new Set(plan.keep));
  });
});

describe('parseBuildOutput', () => {
  test('reads wall and CPU seconds of stages; work alongside is not a stage', () => {
    const out = parseBuildOutput(['build: ingest         3.31 s', 'build: astro          12.84 s (cpu 15.42 s)', 'build: alongside: pagefind 18.53 s', 'build: done in 48.9 s: 9997 papers, 9997 pages searchable, in dist/'].join('\n'));
    expect(out.stages).toEqual({ ingest: 3.31, astro: 12.84 });
    expect(out.stageCpu).toEqual({ astro: 15.42 });
    expect(out.alongside).toEqual({ pagefind: 18.53 });
    expect(out.reportedS).toBe(48.9);
  });
});
