/**
 * A paper's citations (citation.ts: the formatted reference and its BibTeX) cached on disk, one file per
 * paper's citable fields (JSON, in the `<key>.html` files warm-cache.ts names). citeproc-js costs about
 * 3.2 ms of CPU per reference (measured on 300 papers, process.cpuUsage), 32 s on the single render
 * thread at 10k papers (1.5 ms since it formats with a one-entry style, citation-js.ts `formatReference`; 1.0 ms
 * in runs of 25 references, `formatReferences`; 0.17 ms with the style specialised to each item's shape, csl-specialise.ts),
 * and a page's BibTeX another 0.17 ms (2k papers; 0.04 ms at load 8 on the 10k corpus, and the same in one citation-js
 * call per batch of 25, split into entries: tried in session 11, not kept), so the build fills the cache in child processes before
 * `astro build` (`warmCitationCache`, through warm-cache.ts as the abstract cache does) and pages only
 * read it; a rebuild formats only new or changed papers. The folder is citation-cache-dir.ts's.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bibtex, cslItem, referenceHtml, referencesHtml, type CitablePaper } from './citation.ts';
import { prewarmCache, warmCache, writeCacheFile, type Prewarm } from './warm-cache.ts';

/** What a paper page shows in its Cite box. */
export interface Citation {
  /** The formatted reference (APA) as HTML. */
  reference: string;
  /** The paper's BibTeX entry. */
  bibtex: string;
}

// The title as written too: BibTeX keeps its TeX, the CSL item only its plain text.
const keyOf = (paper: CitablePaper) => createHash('sha256').update(JSON.stringify([paper.title, cslItem(paper)])).digest('hex').slice(0, 32);

const citationOf = (paper: CitablePaper): Citation => ({ reference: referenceHtml(paper), bibtex: bibtex([paper]) });

/** The paper's citations, from the cache in `dir` when there (without `dir`: made here). */
export function cachedCitation(paper: CitablePaper, dir: string | undefined): Citation {
  if (!dir) return citationOf(paper);
  const key = keyOf(paper);
  try {
    return JSON.parse(readFileSync(join(dir, `${key}.html`), 'utf8')) as Citation;
  } catch {
    const citation = citationOf(paper);
    mkdirSync(dir, { recursive: true });
    writeCacheFile(dir, key, JSON.stringify(citation));
    return citation;
  }
}

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
  papers.map((p): CitationJob => ({ key: keyOf(p), paper: { id: p.id, title: p.title, derivedTitle: p.derivedTitle, authors: p.authors, year: p.year, venue: p.venue, ids: p.ids, links: p.links } }));
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
