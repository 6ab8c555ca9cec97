/**
 * A build cache of content-addressed files (`<key>.html` in one folder), filled before `astro build` in
 * child processes because Astro renders pages on a single thread. Serves the rendered abstracts
 * (markdown/warm-abstract-cache.ts) and the formatted references (warm-citation-cache.ts): the folder's
 * siblings (caches of former code) and files no current item uses are deleted, so a cache never
 * outgrows the reading list.
 *
 * Measured and not kept (session 8): no stages between the ingest and Astro, the pages making what the
 * head starts had not (pages already make a file they lack). 10k cold, scratch copies at load 12-31, whole
 * process tree: 96.5 CPU-s against 84.1 for main beside it; inside the Astro processes a reference cost 1.74 ms
 * (6,332 timed with process.cpuUsage), as on a worker, yet the Astro processes' CPU grew by 18-27 s for
 * ~6k references and abstracts where the stages had taken 13.5 (likely Astro's larger heap, collected more
 * often with the extra garbage; not profiled), and the build is bound by its CPU on two cores.
 */
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../../core/atomic-write.ts';

/**
 * Makers run in child processes, not worker threads: V8 keeps the heap pages of an ended worker's isolate in
 * the process (a worker that built ~1.3 GB of objects left the process resident at 1,071 MiB after it exited,
 * 924 MiB of it in V8's 256 KiB pages; Node issue #51868), so the citation and abstract workers' heaps stayed
 * in the build process through Astro's render (50k papers: ~1,000 MiB resident against a ~250 MB heap). A
 * child's memory is returned when it exits.
 */

/** Below this many items to make, starting a maker process (~0.3 s each) costs more than it saves. */
const MIN_FOR_WORKERS = 200;

/** One cache file to make: its key and whatever the maker needs (it crosses to a maker process). */
export interface CacheJob {
  key: string;
}

/**
 * Makes the files of a batch of jobs, in the jobs' order. A batch, not one job: a maker may do a batch
 * in one run for less than its jobs one by one (citation-js.ts `formatReferences`).
 */
export type CacheMaker<J extends CacheJob> = (jobs: J[]) => string[] | Promise<string[]>;

/** Jobs a maker gets at once: citeproc-js was cheapest per reference in runs of 25 (citation-js.ts `formatReferences`). */
const MAKE_BATCH = 25;

/** Makes the jobs' files a batch at a time; stops between batches once the file `stopFile` exists. */
async function makeInto<J extends CacheJob>(dir: string, jobs: readonly J[], make: CacheMaker<J>, stopFile?: string): Promise<void> {
  for (let start = 0; start < jobs.length && !(stopFile && existsSync(stopFile)); start += MAKE_BATCH) {
    const batch = jobs.slice(start, start + MAKE_BATCH);
    const texts = await make(batch);
    batch.forEach((job, i) => writeCacheFile(dir, job.key, texts[i]!));
  }
}

/** Writes atomically (writeFileAtomic): a build killed mid-write must not leave half a file to be reused. */
export function writeCacheFile(dir: string, key: string, text: string): void {
  writeFileAtomic(join(dir, `${key}.html`), text);
}

/**
 * Makes the file of every item in `items` that `dir` lacks (an item is made once per key) and deletes
 * the rest. Under 200 to make it calls `make` here (a batch at a time); otherwise `worker` (a module that calls
 * `runCacheWorker` with the same maker) runs in up to one process per core, on interleaved shares so
 * long and short items spread evenly. Returns how many were made and how many were already there.
 * `what` names the maker in the error a failed worker raises.
 */
export async function warmCache<J extends CacheJob>(
  dir: string,
  items: Iterable<J>,
  make: CacheMaker<J>,
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
    await makeInto(dir, jobs, make);
  } else {
    const threads = Math.min(availableParallelism(), Math.ceil(jobs.length / MIN_FOR_WORKERS));
    const shares = Array.from({ length: threads }, (_, t) => jobs.filter((_, i) => i % threads === t));
    await Promise.all(shares.map((share) => runOnWorker(worker, share, dir, what)));
  }
  return { made: jobs.length, cached: wanted.size - jobs.length };
}

/** A head start on a cache (`prewarmCache`). */
export interface Prewarm {
  /** Asks the maker process to stop after its current batch, so that `warmCache` shares what is left among the cores. */
  stop(): void;
  /** Resolves, once the maker process has ended, to how many files it made. */
  done: Promise<number>;
}

/**
 * Starts making, in one child process, the files of `items` that `dir` lacks, and deletes nothing: a
 * head start for `warmCache` on a core that is idle meanwhile (the build's ingest runs on one thread).
 * Jobs may be guesses; `warmCache` afterwards makes what is still missing and deletes what no item uses.
 * Everything up to the process's start runs before this returns, so it works from synchronous code.
 */
export function prewarmCache<J extends CacheJob>(dir: string, items: Iterable<J>, worker: URL, what: string): Prewarm {
  mkdirSync(dir, { recursive: true });
  const present = new Set(readdirSync(dir));
  const jobs = new Map<string, J>();
  for (const item of items) if (!present.has(`${item.key}.html`)) jobs.set(item.key, item);
  if (jobs.size === 0) return { stop: () => {}, done: Promise.resolve(0) };
  // A file, not shared memory: the maker is another process.
  const stopFile = join(tmpdir(), `papershelf-stop-${process.pid}-${++prewarms}`);
  rmSync(stopFile, { force: true });
  let ended = false;
  const done = runOnWorker(worker, [...jobs.values()], dir, what, stopFile)
    .finally(() => {
      ended = true;
      rmSync(stopFile, { force: true });
    })
    .then(() => {
      const now = new Set(readdirSync(dir));
      return [...jobs.keys()].filter((key) => now.has(`${key}.html`)).length;
    });
  const stop = () => {
    if (!ended) writeFileSync(stopFile, ''); // once it has ended, a file would only be left behind
  };
  return { stop, done };
}

let prewarms = 0;

/**
 * `first` (a head start already running or stopped), then, once it and `before` have ended, the head start
 * `next` starts, unless stopped meanwhile: one head start whose count is both of theirs. The build resumes
 * the abstracts this way after the references, on the core its ingest leaves idle.
 */
export function prewarmAfter(first: Prewarm, before: Prewarm, next: () => Prewarm): Prewarm {
  let stopped = false;
  let second: Prewarm | undefined;
  const ended = (p: Prewarm) => p.done.catch(() => 0);
  const secondDone = Promise.all([ended(first), ended(before)]).then(() => {
    if (stopped) return 0;
    second = next();
    return second.done;
  });
  const stop = () => {
    stopped = true;
    first.stop();
    second?.stop();
  };
  return { stop, done: Promise.all([first.done, secondDone]).then(([a, b]) => a + b) };
}

interface WorkerTask<J extends CacheJob> {
  jobs: J[];
  dir: string;
  stopFile?: string;
}

/** Runs `module` (which calls `runCacheWorker`) in a child process on `jobs`; resolves when it has ended. */
function runOnWorker(module: URL, jobs: CacheJob[], dir: string, what: string, stopFile?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(module), [], { execArgv: [], serialization: 'advanced', stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
    child.send({ jobs, dir, ...(stopFile ? { stopFile } : {}) } satisfies WorkerTask<CacheJob>);
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${what} stopped (${signal ?? `exit code ${code}`})`))));
  });
}

/** Maker process side of `warmCache`: makes its share of jobs into the cache, then ends. Call it at a maker module's top level. */
export async function runCacheWorker<J extends CacheJob>(make: CacheMaker<J>): Promise<void> {
  // The build that started this process ended (failed): nobody waits for these files.
  process.once('disconnect', () => process.exit(1));
  const { jobs, dir, stopFile } = await new Promise<WorkerTask<J>>((resolve) => process.once('message', resolve));
  await makeInto(dir, jobs, make, stopFile);
  process.exit(0); // every file is written (synchronously); the IPC channel would keep the process alive
}
