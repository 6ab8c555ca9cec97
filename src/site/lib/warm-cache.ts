/**
 * A build cache of content-addressed files (`<key>.html` in one folder), filled before `astro build` on
 * worker threads because Astro renders pages on a single thread. Serves the rendered abstracts
 * (markdown/warm-abstract-cache.ts) and the formatted references (citation-cache.ts): the folder's
 * siblings (caches of former code) and files no current item uses are deleted, so a cache never
 * outgrows the reading list.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { threadId, Worker, workerData } from 'node:worker_threads';

/** Below this many items to make, starting worker threads (~0.3 s each) costs more than it saves. */
const MIN_FOR_WORKERS = 200;

/** One cache file to make: its key and whatever the maker needs (it crosses to a worker thread). */
export interface CacheJob {
  key: string;
}

/** Writes through a temporary name: a build killed mid-write must not leave half a file to be reused. */
export function writeCacheFile(dir: string, key: string, text: string): void {
  const path = join(dir, `${key}.html`);
  const tmp = `${path}.${process.pid}-${threadId}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/**
 * Makes the file of every item in `items` that `dir` lacks (an item is made once per key) and deletes
 * the rest. Under 200 to make it calls `make` here; otherwise `worker` (a module that calls
 * `runCacheWorker` with the same maker) runs on up to one thread per core, on interleaved shares so
 * long and short items spread evenly. Returns how many were made and how many were already there.
 * `what` names the maker in the error a failed worker raises.
 */
export async function warmCache<J extends CacheJob>(
  dir: string,
  items: Iterable<J>,
  make: (job: J) => string | Promise<string>,
  worker: URL,
  what: string,
): Promise<{ made: number; cached: number }> {
  mkdirSync(dir, { recursive: true });
  for (const other of readdirSync(dirname(dir))) {
    if (other !== basename(dir)) rmSync(join(dirname(dir), other), { recursive: true, force: true });
  }
  const present = new Set(readdirSync(dir).filter((f) => f.endsWith('.html')));
  const wanted = new Set<string>();
  const jobs: J[] = [];
  for (const item of items) {
    const name = `${item.key}.html`;
    if (wanted.has(name)) continue;
    wanted.add(name);
    if (!present.has(name)) jobs.push(item);
  }
  for (const name of present) if (!wanted.has(name)) unlinkSync(join(dir, name));

  if (jobs.length < MIN_FOR_WORKERS) {
    for (const job of jobs) writeCacheFile(dir, job.key, await make(job));
  } else {
    const threads = Math.min(availableParallelism(), Math.ceil(jobs.length / MIN_FOR_WORKERS));
    const shares = Array.from({ length: threads }, (_, t) => jobs.filter((_, i) => i % threads === t));
    await Promise.all(shares.map((share) => runOnWorker(worker, share, dir, what)));
  }
  return { made: jobs.length, cached: wanted.size - jobs.length };
}

function runOnWorker(module: URL, jobs: CacheJob[], dir: string, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(module, { workerData: { jobs, dir } });
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${what} stopped with code ${code}`))));
  });
}

/** Worker side of `warmCache`: makes its share of jobs into the cache. Call it at a worker module's top level. */
export async function runCacheWorker<J extends CacheJob>(make: (job: J) => string | Promise<string>): Promise<void> {
  const { jobs, dir } = workerData as { jobs: J[]; dir: string };
  for (const job of jobs) writeCacheFile(dir, job.key, await make(job));
}
