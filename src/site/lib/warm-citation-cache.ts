/**
 * Fills the citation cache (citation-cache.ts) before `astro build`, in child processes (warm-cache.ts), and
 * starts doing so while the ingest still classifies the papers (`prewarmCitationCache`).
 */
import { bibtex, referencesHtml } from './citation.ts';
import type { CitablePaper } from './csl-item.ts';
import { citationCacheKey, type Citation } from './citation-cache.ts';
import { prewarmCache, warmCache, type Prewarm } from './warm-cache.ts';

export interface CitationJob {
  key: string;
  paper: CitablePaper;
}

/** Formats citation jobs (the cache files' texts), the references in one citeproc run; the worker module uses it too. */
export function formatJobs(jobs: CitationJob[]): string[] {
  const references = referencesHtml(jobs.map((job) => job.paper));
  return jobs.map((job, i): string => JSON.stringify({ reference: references[i]!, bibtex: bibtex([job.paper]) } satisfies Citation));
}

// Only the citable fields cross to a worker, not the whole paper (abstract, tags …).
const jobsOf = (papers: readonly CitablePaper[]) =>
  papers.map((p): CitationJob => ({ key: citationCacheKey(p), paper: { id: p.id, title: p.title, derivedTitle: p.derivedTitle, authors: p.authors, year: p.year, venue: p.venue, ids: p.ids, links: p.links } }));
const WORKER = new URL('./citation-worker.ts', import.meta.url);

/** Formats every reference not yet cached, in child processes when there are many; returns the counts. */
export async function warmCitationCache(papers: readonly CitablePaper[], dir: string): Promise<{ formatted: number; cached: number }> {
  const { made, cached } = await warmCache(dir, jobsOf(papers), formatJobs, WORKER, 'citation formatter');
  return { formatted: made, cached };
}

/**
 * Starts formatting, in one child process, the references of `papers` not yet cached (warm-cache.ts
 * `prewarmCache`): the build calls it while its ingest still classifies the papers and stops it before its citations stage, so
 * `warmCitationCache` later finds most of them made.
 */
export function prewarmCitationCache(papers: readonly CitablePaper[], dir: string): Prewarm {
  return prewarmCache(dir, jobsOf(papers), WORKER, 'citation formatter');
}
