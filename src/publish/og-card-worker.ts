/**
 * Worker thread for `renderCardsToCache`: takes batches of render jobs, writes each PNG to the cache
 * folder itself (so no image crosses threads or piles up in memory), and asks for more.
 * Fonts and satori's layout engine are loaded once, when the worker starts. File writes overlap the next
 * renders, with at most `MAX_PENDING` cards' writes in flight.
 * With `workerData.nice`, the thread lowers its own scheduling priority first (Linux only: there a nice value is
 * a thread's, while on macOS and Windows `setPriority(0, …)` would lower the whole build's).
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { getBaseFonts } from './og-card-fonts.ts';
import { runRenderJob, type RenderJob } from './og-cards.ts';

if (!parentPort) throw new Error('og-card-worker.ts runs as a worker thread');
const port = parentPort;
const MAX_PENDING = 16;

/** This thread's CPU time (user + system) in ms: reported to the build, which shows the cards' own cost. */
const threadMs = (): number => {
  const used = process.threadCpuUsage();
  return (used.user + used.system) / 1000;
};

const nice = (workerData as { nice?: number } | undefined)?.nice;
if (nice !== undefined && process.platform === 'linux') setPriority(0, nice);

getBaseFonts();
const startupMs = threadMs();

const pending = new Set<Promise<void>>();
let failed = false;

function fail(error: unknown): void {
  if (failed) return;
  failed = true;
  port.postMessage({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}

port.on('message', async (msg: { type: 'jobs'; jobs: RenderJob[] } | { type: 'exit' }) => {
  try {
    if (msg.type === 'exit') {
      await Promise.all(pending);
      port.postMessage({ type: 'cpu', startupMs, totalMs: threadMs() });
      port.close();
      return;
    }
    for (const job of msg.jobs) {
      const wait = await runRenderJob(job);
      const written = wait().finally(() => pending.delete(written));
      written.catch(fail);
      pending.add(written);
      while (pending.size > MAX_PENDING) await Promise.race(pending);
    }
    port.postMessage({ type: 'done' });
  } catch (error) {
    fail(error);
  }
});

port.postMessage({ type: 'ready' });
