/** Maker process of `warmCitationCache`: formats its share of references into the cache and exits. */
import { formatJobs } from './warm-citation-cache.ts';
import { runCacheWorker } from './warm-cache.ts';

await runCacheWorker(formatJobs);
