/**
 * Formatted references (citation.ts `referenceHtml`) cached on disk, one file per CSL item. citeproc-js
 * costs about 3.2 ms of CPU per reference (measured on 300 papers, process.cpuUsage), 32 s on the single
 * render thread at 10k papers (1.5 ms since it formats with a one-entry style, citation-js.ts `formatReference`), so the build fills the cache on worker threads before `astro build`
 * (`warmCitationCache`, through warm-cache.ts as the abstract cache does) and pages only read it; a
 * rebuild formats only new or changed papers. The folder is citation-cache-dir.ts's.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cslItem, referenceHtml, type CitablePaper } from './citation.ts';
import { warmCache, writeCacheFile } from './warm-cache.ts';

const keyOf = (paper: CitablePaper) => createHash('sha256').update(JSON.stringify(cslItem(paper))).digest('hex').slice(0, 32);

/** The paper's formatted reference, from the cache in `dir` when there (without `dir`: formatted here). */
export function cachedReferenceHtml(paper: CitablePaper, dir: string | undefined): string {
  if (!dir) return referenceHtml(paper);
  const key = keyOf(paper);
  try {
    return readFileSync(join(dir, `${key}.html`), 'utf8');
  } catch {
    const html = referenceHtml(paper);
    mkdirSync(dir, { recursive: true });
    writeCacheFile(dir, key, html);
    return html;
  }
}

export interface CitationJob {
  key: string;
  paper: CitablePaper;
}

/** Formats one citation job; the worker module uses it too. */
export const formatJob = (job: CitationJob): string => referenceHtml(job.paper);

/** Formats every reference not yet cached, on worker threads when there are many; returns the counts. */
export async function warmCitationCache(papers: readonly CitablePaper[], dir: string): Promise<{ formatted: number; cached: number }> {
  // Only the citable fields cross to a worker, not the whole paper (abstract, tags …).
  const jobs = papers.map((p): CitationJob => ({ key: keyOf(p), paper: { id: p.id, title: p.title, authors: p.authors, year: p.year, venue: p.venue, ids: p.ids, links: p.links } }));
  const { made, cached } = await warmCache(dir, jobs, formatJob, new URL('./citation-worker.ts', import.meta.url), 'citation formatter');
  return { formatted: made, cached };
}
