/**
 * Fills the abstract cache (abstract-html.ts) before `astro build`, in child processes (lib/warm-cache.ts):
 * rendering Markdown with KaTeX is the one heavy per-paper step of a page.
 */
import { prewarmCache, warmCache, type Prewarm } from '../lib/warm-cache.ts';
import { abstractKey, renderAbstractParts } from './abstract-html.ts';

export interface AbstractJob {
  key: string;
  markdown: string;
}

/** Renders abstract jobs into the cache files' texts (abstract-html.ts `cachedAbstract`); the worker module uses it too. */
export const renderJobs = (jobs: AbstractJob[]): Promise<string[]> => Promise.all(jobs.map(async (job) => JSON.stringify(await renderAbstractParts(job.markdown))));

/** `bodies`: the Markdown bodies of the entry files (`entryBody`), as the ingest wrote them (no need to read them back). */
export async function warmAbstractCache(bodies: Iterable<string>, cacheDir: string): Promise<{ rendered: number; cached: number }> {
  function* jobs(): Generator<AbstractJob> {
    for (const markdown of bodies) yield { key: abstractKey(markdown), markdown };
  }
  const { made, cached } = await warmCache(cacheDir, jobs(), renderJobs, WORKER, 'abstract renderer');
  return { rendered: made, cached };
}

const WORKER = new URL('./abstract-worker.ts', import.meta.url);

/**
 * Starts rendering, in one child process, the abstracts of `bodies` (entry bodies, Markdown) not yet cached
 * (warm-cache.ts `prewarmCache`): the build calls it when its ingest starts deriving titles on one core, and
 * stops it once they are derived, so `warmAbstractCache` later finds that many made.
 */
export function prewarmAbstractCache(bodies: readonly string[], cacheDir: string): Prewarm {
  return prewarmCache(cacheDir, bodies.map((markdown): AbstractJob => ({ key: abstractKey(markdown), markdown })), WORKER, 'abstract renderer');
}
