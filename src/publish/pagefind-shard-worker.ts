/** Worker thread for `workerRunner` (pagefind-run.ts): indexes the shards it is sent, one at a time, with its own Pagefind binary. */
import { parentPort } from 'node:worker_threads';
import { indexShard, type ShardAnswer, type ShardJob } from './pagefind-run.ts';

if (!parentPort) throw new Error('pagefind-shard-worker.ts runs as a worker thread');
const port = parentPort;

port.on('message', async (job: ShardJob) => {
  let answer: ShardAnswer;
  try {
    await indexShard(job.folder, job.outputPath, job.records);
    answer = { ok: true };
  } catch (error) {
    answer = { ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(answer);
});
