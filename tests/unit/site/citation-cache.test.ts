/**
 * The citation cache the build fills before Astro: started from the ingest's `onTitled` papers on a
 * worker thread (`prewarmCitationCache`), then completed by `warmCitationCache`, it holds for every paper
 * what a page would make alone (`cachedCitation` without a cache), and the head start deletes nothing.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runIngest, type TitledPaper } from '../../../src/ingest/pipeline.ts';
import { cachedCitation } from '../../../src/site/lib/citation-cache.ts';
import { prewarmCitationCache, warmCitationCache } from '../../../src/site/lib/warm-citation-cache.ts';
import { sourcesIn } from '../../support/ingest-fixtures.ts';
import { tempDir } from '../../support/temp-dir.ts';

test('references started while the ingest runs are the ones the pages show, and the later pass only completes them', async () => {
  let titled: TitledPaper[] = [];
  // Exports with their titles, and bare abstracts whose titles are derived (a citation marks those).
  const sources = [...sourcesIn('tests/fixtures/reference-exports'), ...sourcesIn('tests/fixtures/real-dumps', (name) => name === 'acl-bare.txt')];
  const { papers } = runIngest({ sources, existing: [], state: null }, { onTitled: (p) => (titled = p) });
  expect(titled.map((p) => p.id).sort()).toEqual(papers.map((p) => p.id).sort());
  expect(papers.filter((p) => p.derivedTitle).length).toBeGreaterThan(0);
  const dir = join(tempDir('citations-'), 'v1');
  const early = prewarmCitationCache(titled, dir);
  writeFileSync(join(dir, 'not-a-citation.txt'), 'kept'); // the head start deletes nothing
  expect(await early.done).toBe(papers.length); // every reference, each on its own metadata
  expect(readdirSync(dir)).toContain('not-a-citation.txt');
  const warm = await warmCitationCache(papers, dir);
  // Without hand edits the generated fields are the final ones: nothing is left to format.
  expect(warm.formatted).toBe(0);
  for (const paper of papers) expect(await cachedCitation(paper, dir)).toEqual(await cachedCitation(paper, undefined));
});

test('a head start stopped early leaves the rest to the later pass, which makes every reference once', async () => {
  const { papers } = runIngest({ sources: sourcesIn('tests/fixtures/reference-exports'), existing: [], state: null });
  const dir = join(tempDir('citations-'), 'v1');
  const early = prewarmCitationCache(papers, dir);
  early.stop(); // before the worker has begun: it makes nothing
  expect(await early.done).toBe(0);
  const warm = await warmCitationCache(papers, dir);
  expect(warm.formatted).toBe(papers.length);
  expect(readdirSync(dir).filter((f) => f.endsWith('.html'))).toHaveLength(papers.length);
});
