/** Worker thread of `warmCitationCache`: formats its share of references into the cache and exits. */
import { formatJob } from './citation-cache.ts';
import { runCacheWorker } from './warm-cache.ts';

await runCacheWorker(formatJob);
