/**
 * Link-preview cards: a 1200×630 PNG per paper (and per home, tag and topic page) for `og:image`.
 *
 * - `renderCard` draws one card (satori → resvg, fonts from npm packages, see og-card-fonts.ts).
 * - `cardKey` hashes everything that reaches a card's pixels, so a build can reuse last build's PNG.
 * - `renderCardsToCache` renders the cards that are not cached yet on worker threads; `placeCards` links them
 *   into the built site.
 */
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, isAbsolute, join, posix } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fontFingerprint } from './og-card-fonts.ts';
import type { CardContent } from './og-card-content.ts';
import { LAYOUT_VERSION, normaliseCard } from './og-card-layout.ts';
import { ENCODING_VERSION } from './og-card-png.ts';

/**
 * The renderer (satori, resvg, fonts) is imported on first use: a build that only needs `cardKey`, or whose
 * cards all render on worker threads, never loads it on the main thread.
 */
let renderer: Promise<typeof import('./og-card-render.ts')> | undefined;
function loadRenderer(): Promise<typeof import('./og-card-render.ts')> {
  renderer ??= import('./og-card-render.ts');
  return renderer;
}

/** Renders one card to a 1200×630 PNG. */
export async function renderCard(content: CardContent): Promise<Uint8Array> {
  return (await loadRenderer()).renderCardPng(content);
}

let fingerprint: string | undefined;

/** A stable hash of everything that affects the card's pixels (content + layout/font version), for caching. */
export function cardKey(content: CardContent): string {
  fingerprint ??= `${LAYOUT_VERSION} ${ENCODING_VERSION} ${fontFingerprint()}`;
  const card = normaliseCard(content);
  const payload = JSON.stringify([fingerprint, card.kind, card.title, card.topic, card.tags, card.subtitle, card.siteName]);
  return createHash('sha256').update(payload).digest('hex').slice(0, 32);
}

/** A job for one card that is not in the cache: render it and write it to `cachePath`. */
export interface RenderJob {
  content: CardContent;
  cachePath: string;
}

/** Writes `bytes` to `path` atomically (a half-written cache entry would be reused forever otherwise). */
async function writeAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(tmp, bytes);
  try {
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => {});
    throw error;
  }
}

/**
 * Renders one job and returns the promise of its file being written: the caller may render the next card
 * meanwhile (the write runs on libuv's thread pool), as the worker does.
 */
export async function runRenderJob(job: RenderJob): Promise<() => Promise<void>> {
  const png = await renderCard(job.content);
  const written = writeAtomic(job.cachePath, png);
  written.catch(() => {}); // observed by whoever awaits the returned function
  return () => written;
}

/** Runs `fn` over `items` with at most `limit` in flight. */
async function eachLimit<T>(items: ReadonlyArray<T>, limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  });
  await Promise.all(lanes);
}

/** Below this many cards to render, starting workers (≈0.5 s each for satori and fonts) does not pay. */
const WORKER_THRESHOLD = 24;
/** Jobs handed to a worker per message: few enough to balance the two workers, many enough to cut chatter. */
const BATCH = 8;

/** Checks that a card's name stays inside the output folder (names come from slugs, but a slug is data). */
function checkName(name: string): string {
  const normal = posix.normalize(name);
  if (isAbsolute(normal) || normal === '..' || normal.startsWith('../')) throw new Error(`card name escapes the output folder: ${JSON.stringify(name)}`);
  return normal;
}

const outputPath = (outDir: string, name: string) => join(outDir, `${checkName(name)}.png`);

/** CPU time of the card worker threads, in seconds: all of it, and what loading their modules and fonts took. */
export interface WorkerCpu {
  cpuS: number;
  startupCpuS: number;
}

type WorkerMessage = { type: 'ready' | 'done' } | { type: 'error'; message: string } | { type: 'cpu'; startupMs: number; totalMs: number };

async function renderOnWorkers(jobs: RenderJob[], threads: number, nice: number | undefined): Promise<WorkerCpu> {
  const used: WorkerCpu = { cpuS: 0, startupCpuS: 0 };
  let next = 0;
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: threads }, () =>
        new Promise<void>((resolveLane, rejectLane) => {
          const worker = new Worker(new URL('./og-card-worker.ts', import.meta.url), { workerData: { nice } });
          workers.push(worker);
          const feed = (): void => {
            if (next >= jobs.length) {
              worker.postMessage({ type: 'exit' });
              return;
            }
            const batch = jobs.slice(next, next + BATCH);
            next += batch.length;
            worker.postMessage({ type: 'jobs', jobs: batch });
          };
          worker.on('message', (msg: WorkerMessage) => {
            if (msg.type === 'error') rejectLane(new Error(`card worker: ${msg.message}`));
            else if (msg.type === 'cpu') {
              used.cpuS += msg.totalMs / 1000;
              used.startupCpuS += msg.startupMs / 1000;
            } else feed();
          });
          worker.on('error', rejectLane);
          worker.on('exit', (code) => (code === 0 ? resolveLane() : rejectLane(new Error(`card worker exited with code ${code}`))));
        }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return used;
}

/** Cards rendered into the cache, ready to be placed in a site by `placeCards`. */
export interface CachedCards {
  cards: Array<{ outName: string; cachePath: string }>;
  rendered: number;
  reused: number;
  ms: number;
  /** The worker threads' CPU time (none when the cards rendered on this thread). */
  workers: WorkerCpu;
}

/**
 * Renders into `cacheDir/<cardKey>.png` every card that is not there yet, on worker threads where it pays,
 * and deletes cached cards no longer wanted. It needs only the cards' content, not the built site, so a
 * build runs it alongside `astro build` and places the cards when the site exists. `options.nice`: the worker
 * threads' nice value (Linux; 0–19, higher yields more), so that they take what the other stages leave of the cores.
 */
export async function renderCardsToCache(
  cards: ReadonlyArray<{ name: string; content: CardContent }>,
  cacheDir: string,
  options: { nice?: number } = {},
): Promise<CachedCards> {
  const started = performance.now();
  await mkdir(cacheDir, { recursive: true });
  for (const card of cards) checkName(card.name); // fail before any rendering

  // Several names may share one file (e.g. identical cards): render each file once.
  const byFile = new Map<string, CardContent>();
  const placed = cards.map((card) => {
    const file = `${cardKey(card.content)}.png`;
    if (!byFile.has(file)) byFile.set(file, card.content);
    return { outName: card.name, cachePath: join(cacheDir, file) };
  });
  const present = new Set((await readdir(cacheDir)).filter((f) => f.endsWith('.png')));
  await eachLimit([...present].filter((f) => !byFile.has(f)), 32, (f) => unlink(join(cacheDir, f)));

  const jobs: RenderJob[] = [];
  for (const [file, content] of byFile) if (!present.has(file)) jobs.push({ content, cachePath: join(cacheDir, file) });
  const threads = Math.max(1, Math.min(availableParallelism(), Math.ceil(jobs.length / BATCH)));
  let workers: WorkerCpu = { cpuS: 0, startupCpuS: 0 };
  if (jobs.length >= WORKER_THRESHOLD && threads > 1) workers = await renderOnWorkers(jobs, threads, options.nice);
  else for (const job of jobs) await (await runRenderJob(job))();

  const fresh = new Set(jobs.map((j) => j.cachePath));
  const rendered = placed.filter((p) => fresh.has(p.cachePath)).length;
  return { cards: placed, rendered, reused: placed.length - rendered, ms: Math.round(performance.now() - started), workers };
}

/** Puts each cached card at `outDir/<name>.png`: a hard link where the file system allows, else a copy. */
export async function placeCards(cached: CachedCards, outDir: string): Promise<void> {
  const outPaths = cached.cards.map((card) => outputPath(outDir, card.outName));
  await Promise.all([...new Set(outPaths.map((p) => dirname(p)))].map((d) => mkdir(d, { recursive: true })));
  await eachLimit(cached.cards, 32, async (card, i) => {
    const out = outPaths[i]!;
    await unlink(out).catch(() => {});
    await link(card.cachePath, out).catch(() => copyFile(card.cachePath, out));
  });
}
