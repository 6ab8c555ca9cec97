/** Maker process of `warmAbstractCache`: renders its share of abstracts into the cache and exits. */
import { runCacheWorker } from '../lib/warm-cache.ts';
import { renderJobs } from './warm-abstract-cache.ts';

await runCacheWorker(renderJobs);
