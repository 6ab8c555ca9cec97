/**
 * Link-preview cards: a 1200×630 PNG per paper (and per home, tag and topic page) for `og:image`.
 *
 * - `renderCard` draws one card (satori → resvg, fonts from npm packages, see og-card-fonts.ts).
 * - `cardKey` hashes everything that reaches a card's pixels, so a build can reuse last build's PNG.
 * - `renderCards` writes many cards, copying cached ones and rendering the rest on worker threads.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fontFingerprint } from './og-card-fonts.ts';
import { LAYOUT_VERSION, normaliseCard } from './og-card-layout.ts';

export interface CardContent {
  /** 'paper' cards show title, topic and top tags; 'list' cards (home, a tag, a topic) show a heading and a subtitle like "42 papers". */
  kind: 'paper' | 'list';
  /** May be long (1,000+ chars), non-Latin, contain <, {, $ … — rendered as literal text. */
  title: string;
  /** Paper cards. */
  topic?: string;
  /** Paper cards; the first 4 are shown (fewer if they do not fit on one row). */
  tags?: string[];
  /** List cards. */
  subtitle?: string;
  siteName: string;
}

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
  fingerprint ??= `${LAYOUT_VERSION} ${fontFingerprint()}`;
  const card = normaliseCard(content);
  const payload = JSON.stringify([fingerprint, card.kind, card.title, card.topic, card.tags, card.subtitle, card.siteName]);
  return createHash('sha256').update(payload).digest('hex').slice(0, 32);
}

/** A job for one card that is not in the cache: render it, write it to `cachePath` and `outPath`. */
export interface RenderJob {
  content: CardContent;
  cachePath: string;
  outPath: string;
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
 * Renders one job and returns the promise of its files being written: the caller may render the next card
 * meanwhile (the writes run on libuv's thread pool), as the worker does.
 */
export async function runRenderJob(job: RenderJob): Promise<() => Promise<void>> {
  const png = await renderCard(job.content);
  const written = Promise.all([writeAtomic(job.cachePath, png), writeFile(job.outPath, png)]).then(() => {});
  written.catch(() => {}); // observed by whoever awaits the returned function
  return () => written;
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Runs `fn` over `items` with at most `limit` in flight. */
async function eachLimit<T>(items: ReadonlyArray<T>, limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  });
  await Promise.all(lanes);
}

/** Below this many cards to render, starting workers (≈0.5 s each for satori and fonts) does not pay. */
const WORKER_THRESHOLD = 24;
/** Jobs handed to a worker per message: few enough to balance the two workers, many enough to cut chatter. */
const BATCH = 8;

function outputPath(outDir: string, name: string): string {
  const root = resolve(outDir);
  const path = resolve(root, `${name}.png`);
  if (!path.startsWith(root + sep)) throw new Error(`card name escapes the output folder: ${JSON.stringify(name)}`);
  return path;
}

async function renderOnWorkers(jobs: RenderJob[], threads: number): Promise<void> {
  let next = 0;
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: threads }, () =>
        new Promise<void>((resolveLane, rejectLane) => {
          const worker = new Worker(new URL('./og-card-worker.ts', import.meta.url));
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
          worker.on('message', (msg: { type: 'ready' | 'done' } | { type: 'error'; message: string }) => {
            if (msg.type === 'error') rejectLane(new Error(`card worker: ${msg.message}`));
            else feed();
          });
          worker.on('error', rejectLane);
          worker.on('exit', (code) => (code === 0 ? resolveLane() : rejectLane(new Error(`card worker exited with code ${code}`))));
        }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * Renders many cards into `outDir/<name>.png`, reusing `cacheDir/<cardKey>.png` when present so an unchanged
 * card is never re-rendered; uses both cores where it pays (worker_threads), returns counts.
 */
export async function renderCards(
  cards: ReadonlyArray<{ name: string; content: CardContent }>,
  outDir: string,
  cacheDir: string,
): Promise<{ rendered: number; reused: number; ms: number }> {
  const started = performance.now();
  await mkdir(cacheDir, { recursive: true });

  const outPaths = cards.map((card) => outputPath(outDir, card.name));
  const dirs = new Set(outPaths.map((p) => dirname(p)));
  await Promise.all([...dirs].map((d) => mkdir(d, { recursive: true })));

  // Several names may share one key (e.g. identical cards): render each key once, copy it to every name.
  const byKey = new Map<string, { content: CardContent; outPaths: string[] }>();
  cards.forEach((card, i) => {
    const key = cardKey(card.content);
    const entry = byKey.get(key);
    if (entry) entry.outPaths.push(outPaths[i]!);
    else byKey.set(key, { content: card.content, outPaths: [outPaths[i]!] });
  });

  let reused = 0;
  const entries = [...byKey].map(([key, entry]) => ({ ...entry, cachePath: join(cacheDir, `${key}.png`), cached: false }));
  await eachLimit(entries, 32, async (entry) => {
    entry.cached = await exists(entry.cachePath);
    if (!entry.cached) return;
    reused += entry.outPaths.length;
    for (const out of entry.outPaths) await copyFile(entry.cachePath, out);
  });
  const jobs: RenderJob[] = [];
  const extraCopies: Array<[from: string, to: string]> = [];
  for (const entry of entries) {
    if (entry.cached) continue;
    jobs.push({ content: entry.content, cachePath: entry.cachePath, outPath: entry.outPaths[0]! });
    for (const out of entry.outPaths.slice(1)) extraCopies.push([entry.cachePath, out]);
  }

  const threads = Math.max(1, Math.min(availableParallelism(), Math.ceil(jobs.length / BATCH)));
  if (jobs.length >= WORKER_THRESHOLD && threads > 1) await renderOnWorkers(jobs, threads);
  else for (const job of jobs) await (await runRenderJob(job))();
  await eachLimit(extraCopies, 32, ([from, to]) => copyFile(from, to));

  return { rendered: jobs.length + extraCopies.length, reused, ms: Math.round(performance.now() - started) };
}
