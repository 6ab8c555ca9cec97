/**
 * Fills the abstract cache (abstract-html.ts) before `astro build`, on worker threads: rendering Markdown
 * with KaTeX is the one heavy per-paper step of a page, and Astro renders pages on a single thread. Cache
 * files no current entry uses, and the folders of former pipelines, are deleted, so the cache never
 * outgrows the reading list.
 */
import { mkdirSync, readdirSync, rmSync, unlinkSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { entryBody } from '../../core/entry-file.ts';
import { abstractKey, renderAbstract, writeCached } from './abstract-html.ts';

export interface AbstractJob {
  key: string;
  markdown: string;
}

/** Below this many abstracts to render, starting worker threads (~0.3 s each) costs more than it saves. */
const MIN_FOR_WORKERS = 200;

/** `entries`: the texts of the entry files, as the ingest wrote them (it still holds them: no need to read them back). */
export async function warmAbstractCache(entries: Iterable<string>, cacheDir: string): Promise<{ rendered: number; cached: number }> {
  mkdirSync(cacheDir, { recursive: true });
  for (const other of readdirSync(dirname(cacheDir))) {
    if (other !== basename(cacheDir)) rmSync(join(dirname(cacheDir), other), { recursive: true, force: true });
  }
  const present = new Set(readdirSync(cacheDir).filter((f) => f.endsWith('.html')));
  const wanted = new Set<string>();
  const jobs: AbstractJob[] = [];
  for (const text of entries) {
    const markdown = entryBody(text);
    const key = abstractKey(markdown);
    const name = `${key}.html`;
    if (wanted.has(name)) continue;
    wanted.add(name);
    if (!present.has(name)) jobs.push({ key, markdown });
  }
  for (const name of present) if (!wanted.has(name)) unlinkSync(join(cacheDir, name));

  if (jobs.length < MIN_FOR_WORKERS) {
    for (const job of jobs) writeCached(cacheDir, job.key, await renderAbstract(job.markdown));
  } else {
    const threads = Math.min(availableParallelism(), Math.ceil(jobs.length / MIN_FOR_WORKERS));
    // Interleaved shares: long and short abstracts spread evenly over the threads.
    const shares = Array.from({ length: threads }, (_, t) => jobs.filter((_, i) => i % threads === t));
    await Promise.all(shares.map((share) => renderOnWorker(share, cacheDir)));
  }
  return { rendered: jobs.length, cached: wanted.size - jobs.length };
}

function renderOnWorker(jobs: AbstractJob[], cacheDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./abstract-worker.ts', import.meta.url), { workerData: { jobs, cacheDir } });
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`abstract renderer stopped with code ${code}`))));
  });
}

