/**
 * Formatted references (citation.ts `referenceHtml`) cached on disk, one file per CSL item. citeproc-js
 * costs about 3.2 ms of CPU per reference (measured on 300 papers, process.cpuUsage), 32 s on the single
 * render thread at 10k papers, so the build fills the cache on worker threads before `astro build`
 * (`warmCitationCache`) and pages only read it; a rebuild formats only new or changed papers. The folder
 * is citation-cache-dir.ts's; files no paper uses are deleted. Same design as the abstract cache
 * (src/site/markdown/warm-abstract-cache.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { threadId, Worker } from 'node:worker_threads';
import { cslItem, referenceHtml, type CitablePaper } from './citation.ts';

/** Below this many references to format, starting worker threads costs more than it saves (as for abstracts). */
const MIN_FOR_WORKERS = 200;

const keyOf = (paper: CitablePaper) => createHash('sha256').update(JSON.stringify(cslItem(paper))).digest('hex').slice(0, 32);

function write(dir: string, key: string, html: string): void {
  const path = join(dir, `${key}.html`);
  const tmp = `${path}.${process.pid}-${threadId}.tmp`;
  writeFileSync(tmp, html);
  renameSync(tmp, path);
}

/** The paper's formatted reference, from the cache in `dir` when there (without `dir`: formatted here). */
export function cachedReferenceHtml(paper: CitablePaper, dir: string | undefined): string {
  if (!dir) return referenceHtml(paper);
  const key = keyOf(paper);
  try {
    return readFileSync(join(dir, `${key}.html`), 'utf8');
  } catch {
    const html = referenceHtml(paper);
    mkdirSync(dir, { recursive: true });
    write(dir, key, html);
    return html;
  }
}

export interface CitationJob {
  key: string;
  paper: CitablePaper;
}

/** Formats every reference not yet cached, on worker threads when there are many; returns the counts. */
export async function warmCitationCache(papers: readonly CitablePaper[], dir: string): Promise<{ formatted: number; cached: number }> {
  mkdirSync(dir, { recursive: true });
  for (const other of readdirSync(dirname(dir))) if (other !== basename(dir)) rmSync(join(dirname(dir), other), { recursive: true, force: true });
  const present = new Set(readdirSync(dir).filter((f) => f.endsWith('.html')));
  const wanted = new Set<string>();
  const jobs: CitationJob[] = [];
  for (const paper of papers) {
    const key = keyOf(paper);
    if (wanted.has(`${key}.html`)) continue;
    wanted.add(`${key}.html`);
    if (!present.has(`${key}.html`)) jobs.push({ key, paper: { id: paper.id, title: paper.title, authors: paper.authors, year: paper.year, venue: paper.venue, ids: paper.ids, links: paper.links } });
  }
  for (const name of present) if (!wanted.has(name)) unlinkSync(join(dir, name));
  if (jobs.length < MIN_FOR_WORKERS) {
    for (const job of jobs) write(dir, job.key, referenceHtml(job.paper));
  } else {
    const threads = Math.min(availableParallelism(), Math.ceil(jobs.length / MIN_FOR_WORKERS));
    const shares = Array.from({ length: threads }, (_, t) => jobs.filter((_, i) => i % threads === t));
    await Promise.all(shares.map((share) => formatOnWorker(share, dir)));
  }
  return { formatted: jobs.length, cached: wanted.size - jobs.length };
}

function formatOnWorker(jobs: CitationJob[], dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./citation-worker.ts', import.meta.url), { workerData: { jobs, dir } });
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`citation formatter stopped with code ${code}`))));
  });
}

/** Worker side: formats its share of jobs into the cache. */
export function formatJobs(jobs: readonly CitationJob[], dir: string): void {
  for (const job of jobs) write(dir, job.key, referenceHtml(job.paper));
}
