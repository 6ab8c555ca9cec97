/**
 * One Pagefind run: a shard's records indexed by Pagefind's binary into a folder. Pagefind's Node API keeps one
 * binary per module instance (its `close()` stops it), and that binary writes an index mostly on one thread: two
 * shards indexed at once in one binary were written one after the other (the 10k bench list's two shards of ~5k
 * pages: their writeFiles calls took 24.0 and 41.1 s, load ~80). So a run that goes on beside another has a binary
 * of its own, on a worker thread (`workerRunner`): each worker imports the API afresh. Both shards of that list,
 * Pagefind alone (session 14, load 17-24, interleaved): one after the other 52.4 and 45.4 s, in two binaries at
 * once 33.2 and 24.8 s.
 */
import { Worker } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { shardLanguage } from '../core/pagefind-format.ts';
import { INCLUDE_CHARACTERS } from '../core/search-terms.ts';

/** A record Pagefind indexes: the page's URL and the HTML it reads. */
export interface PagefindRecord {
  url: string;
  content: string;
}

/** Runs Pagefind over one shard's records (`folder`: the shard's folder name, `s<key>`) into `outputPath`. */
export type ShardRunner = (folder: string, outputPath: string, records: readonly PagefindRecord[]) => Promise<void>;

/** Pagefind's configuration for the shard in `folder`: one index language of its own, so shards merge in the browser. */
export const configOf = (folder: string) => ({ forceLanguage: shardLanguage(folder), includeCharacters: INCLUDE_CHARACTERS });

function check<T extends { errors: string[] }>(response: T, step: string): T {
  if (response.errors.length > 0) throw new Error(`Pagefind failed to ${step}:\n${response.errors.join('\n')}`);
  return response;
}

/** A `ShardRunner` on this thread's Pagefind binary, which is closed after each shard. */
export const indexShard: ShardRunner = async (folder, outputPath, records) => {
  try {
    const { index } = check(await pagefind.createIndex(configOf(folder)), 'start');
    if (!index) throw new Error('Pagefind returned no index.');
    // Records go over Pagefind's pipe in batches: one at a time waits on each reply, all at once floods it.
    for (let start = 0; start < records.length; start += 256) {
      const batch = records.slice(start, start + 256);
      const responses = await Promise.all(batch.map((record) => index.addHTMLFile(record)));
      responses.forEach((response, i) => check(response, `index ${batch[i]!.url}`));
    }
    check(await index.writeFiles({ outputPath }), 'write its files');
  } finally {
    // Closing stops the binary, so its memory goes with it before the next shard starts.
    await pagefind.close();
  }
};

/** A shard's run as the worker gets it, and its answer. */
export interface ShardJob {
  folder: string;
  outputPath: string;
  records: readonly PagefindRecord[];
}
export type ShardAnswer = { ok: true } | { ok: false; message: string };

/**
 * A `ShardRunner` on a worker thread with a Pagefind binary of its own, one shard at a time, and `close` to end the
 * worker. The worker starts with its first shard, so a runner that gets none costs nothing.
 */
export function workerRunner(): { run: ShardRunner; close: () => Promise<void> } {
  let worker: Worker | undefined;
  let settle: ((answer: ShardAnswer) => void) | undefined;
  const start = (): Worker => {
    const started = new Worker(new URL('./pagefind-shard-worker.ts', import.meta.url));
    started.on('message', (answer: ShardAnswer) => settle?.(answer));
    started.on('error', (error) => settle?.({ ok: false, message: error.message }));
    started.on('exit', (code) => settle?.({ ok: false, message: `the Pagefind worker exited with code ${code}` }));
    return started;
  };
  const run: ShardRunner = (folder, outputPath, records) =>
    new Promise<void>((resolve, reject) => {
      settle = (answer) => {
        settle = undefined;
        if (answer.ok) resolve();
        else reject(new Error(answer.message));
      };
      (worker ??= start()).postMessage({ folder, outputPath, records } satisfies ShardJob);
    });
  const close = async () => {
    settle = undefined;
    await worker?.terminate();
  };
  return { run, close };
}
