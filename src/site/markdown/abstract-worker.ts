/** Worker thread of `warmAbstractCache`: renders its share of abstracts into the cache and exits. */
import { workerData } from 'node:worker_threads';
import { renderAbstract, writeCached } from './abstract-html.ts';
import type { AbstractJob } from './warm-abstract-cache.ts';

const { jobs, cacheDir } = workerData as { jobs: AbstractJob[]; cacheDir: string };
for (const job of jobs) writeCached(cacheDir, job.key, await renderAbstract(job.markdown));
